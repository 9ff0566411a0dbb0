//! The Analytics page: Segments (k-means) and Predict (regression,
//! propensity, decision trees), each run in the background worker.

mod job;
mod predict;
mod segments;

use crate::ui::components::PageHeader;
use leptos::prelude::*;
use predict::PredictPanel;
use segments::SegmentsPanel;

/// Analytics.
#[component]
pub fn AnalyticsPage() -> impl IntoView {
    let tab = RwSignal::new(0);
    view! {
        <PageHeader title="Analytics" subtitle="Segments and predictions, computed on this device."/>
        <nav class="tabs" aria-label="Analyses">
            <button type="button" class=move || if tab.get() == 0 { "tab active" } else { "tab" } aria-pressed=move || (tab.get() == 0).to_string() on:click=move |_| tab.set(0)>"Segments"</button>
            <button type="button" class=move || if tab.get() == 1 { "tab active" } else { "tab" } aria-pressed=move || (tab.get() == 1).to_string() on:click=move |_| tab.set(1)>"Predict"</button>
        </nav>
        <Show when=move || tab.get() == 0 fallback=|| view! { <PredictPanel/> }>
            <SegmentsPanel/>
        </Show>
    }
}
