//! The Campaign page (being built).

use crate::ui::components::PageHeader;
use leptos::prelude::*;

/// Campaign.
#[component]
pub fn CampaignPage() -> impl IntoView {
    view! { <PageHeader title="Campaign"/> }
}
