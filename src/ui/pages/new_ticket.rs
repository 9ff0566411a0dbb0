//! `/tickets/new`: a new support ticket.

use crate::ui::components::PageHeader;
use leptos::prelude::*;

/// `/tickets/new[?customer=<id>]`.
#[component]
pub fn NewTicketPage() -> impl IntoView {
    view! { <PageHeader title="New ticket"/> }
}
