//! The Ticket page (being built).

use crate::ui::components::PageHeader;
use leptos::prelude::*;

/// Ticket.
#[component]
pub fn TicketPage() -> impl IntoView {
    view! { <PageHeader title="Ticket"/> }
}
