//! The Analytics page: Segments (k-means), Predict (regression,
//! propensity, decision trees) and Ticket topics, each run in the
//! background worker.

mod predict;
mod segments;
mod topics;

use crate::ui::components::PageHeader;
use leptos::prelude::*;
use predict::PredictPanel;
use segments::SegmentsPanel;
use topics::TopicsPanel;

/// Analytics.
#[component]
pub fn AnalyticsPage() -> impl IntoView {
    let tab = RwSignal::new(0);
    view! {
        <PageHeader title="Analytics" subtitle="Segments, predictions and ticket topics, computed on this device."/>
        <nav class="tabs" aria-label="Analyses">
            <button type="button" class=move || if tab.get() == 0 { "tab active" } else { "tab" } aria-pressed=move || (tab.get() == 0).to_string() on:click=move |_| tab.set(0)>"Segments"</button>
            <button type="button" class=move || if tab.get() == 1 { "tab active" } else { "tab" } aria-pressed=move || (tab.get() == 1).to_string() on:click=move |_| tab.set(1)>"Predict"</button>
            <button type="button" class=move || if tab.get() == 2 { "tab active" } else { "tab" } aria-pressed=move || (tab.get() == 2).to_string() on:click=move |_| tab.set(2)>"Ticket topics"</button>
        </nav>
        {move || match tab.get() {
            0 => view! { <SegmentsPanel/> }.into_any(),
            1 => view! { <PredictPanel/> }.into_any(),
            _ => view! { <TopicsPanel/> }.into_any(),
        }}
    }
}
