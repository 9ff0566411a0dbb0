//! The Campaigns page.

use crate::ui::components::{EmptyState, PageHeader};
use leptos::prelude::*;

/// Campaigns: Plan campaigns and measure what they brought in.
#[component]
pub fn CampaignsPage() -> impl IntoView {
    view! {
        <PageHeader title="Campaigns" subtitle="Plan campaigns and measure what they brought in."/>
        <EmptyState icon="✦" title="No campaigns yet">
            <p>"Plan a campaign for an audience, record who opened, clicked and converted, and see its conversion rate, cost per conversion and revenue."</p>
        </EmptyState>
    }
}
