//! The Orders page.

use crate::ui::components::{EmptyState, PageHeader};
use leptos::prelude::*;

/// Orders: Quotes, orders and contracts.
#[component]
pub fn OrdersPage() -> impl IntoView {
    view! {
        <PageHeader title="Orders" subtitle="Quotes, orders and contracts."/>
        <EmptyState icon="▦" title="No orders yet">
            <p>"Quotes, orders and contracts with their line items appear here, with totals by month. Orders can be imported from a transactions file."</p>
        </EmptyState>
    }
}
