//! The Tickets page.

use crate::ui::components::{EmptyState, PageHeader};
use leptos::prelude::*;

/// Tickets: Support requests and how satisfied customers were.
#[component]
pub fn TicketsPage() -> impl IntoView {
    view! {
        <PageHeader title="Tickets" subtitle="Support requests and how satisfied customers were."/>
        <EmptyState icon="✉" title="No tickets yet">
            <p>"Support tickets appear here, filterable by status and priority, each with its satisfaction rating and feedback."</p>
        </EmptyState>
    }
}
