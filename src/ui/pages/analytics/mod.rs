//! The Analytics page: Segments (k-means) and Predict (regression,
//! propensity, decision trees), each run in the background worker.

mod job;
mod segments;

use crate::ui::components::PageHeader;
use leptos::prelude::*;
use segments::SegmentsPanel;

/// Analytics.
#[component]
pub fn AnalyticsPage() -> impl IntoView {
    view! {
        <PageHeader title="Analytics" subtitle="Segments and predictions, computed on this device."/>
        <SegmentsPanel/>
    }
}
