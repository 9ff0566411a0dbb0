//! The Analytics page: Segments (k-means), Predict (regression,
//! propensity, decision trees) and Ticket topics, each run in the
//! background worker.

mod predict;
mod segments;
mod topics;

use crate::ui::components::PageHeader;
use leptos::prelude::*;
use predict::PredictPanel;
use rapport_core::i18n::analytics as t;
use segments::SegmentsPanel;
use topics::TopicsPanel;

/// Analytics.
#[component]
pub fn AnalyticsPage() -> impl IntoView {
    let tab = RwSignal::new(0);
    view! {
        <PageHeader title=t::title() subtitle=t::subtitle()/>
        <nav class="tabs" aria-label=t::analyses()>
            <button type="button" class=move || if tab.get() == 0 { "tab active" } else { "tab" } aria-pressed=move || (tab.get() == 0).to_string() on:click=move |_| tab.set(0)>{t::tab_segments()}</button>
            <button type="button" class=move || if tab.get() == 1 { "tab active" } else { "tab" } aria-pressed=move || (tab.get() == 1).to_string() on:click=move |_| tab.set(1)>{t::predict()}</button>
            <button type="button" class=move || if tab.get() == 2 { "tab active" } else { "tab" } aria-pressed=move || (tab.get() == 2).to_string() on:click=move |_| tab.set(2)>{t::ticket_topics()}</button>
        </nav>
        {move || match tab.get() {
            0 => view! { <SegmentsPanel/> }.into_any(),
            1 => view! { <PredictPanel/> }.into_any(),
            _ => view! { <TopicsPanel/> }.into_any(),
        }}
    }
}
