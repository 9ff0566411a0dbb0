//! The Analytics page.

use crate::ui::components::{EmptyState, PageHeader};
use leptos::prelude::*;

/// Analytics: Segmentation and prediction, computed in this browser.
#[component]
pub fn AnalyticsPage() -> impl IntoView {
    view! {
        <PageHeader title="Analytics" subtitle="Segmentation and prediction, computed in this browser."/>
        <EmptyState icon="∿" title="Analyses are not available yet">
            <p>"Segmenting customers with k-means, predicting spend and satisfaction with regression and scoring purchase likelihood — all computed on this device — are being built. Until then, the Customers list's filters and the Campaigns page give the figures."</p>
        </EmptyState>
    }
}
