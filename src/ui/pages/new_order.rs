//! `/orders/new`: a new quote, order or contract with its line items.

use crate::ui::components::PageHeader;
use leptos::prelude::*;

/// `/orders/new[?customer=<id>]`.
#[component]
pub fn NewOrderPage() -> impl IntoView {
    view! { <PageHeader title="New quote or order"/> }
}
