//! The Analytics page.

use crate::ui::components::{EmptyState, PageHeader};
use leptos::prelude::*;

/// Analytics: Segmentation and prediction, computed in this browser.
#[component]
pub fn AnalyticsPage() -> impl IntoView {
    view! {
        <PageHeader title="Analytics" subtitle="Segmentation and prediction, computed in this browser."/>
        <EmptyState icon="∿" title="Nothing to analyse yet">
            <p>"Segment customers with k-means, predict spend and satisfaction with regression and score purchase likelihood — all computed on this device. Analyses need customer data first."</p>
        </EmptyState>
    }
}
