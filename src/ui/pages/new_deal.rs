//! `/pipeline/new`: a new deal.

use crate::ui::components::PageHeader;
use leptos::prelude::*;

/// `/pipeline/new[?customer=<id>]`.
#[component]
pub fn NewDealPage() -> impl IntoView {
    view! { <PageHeader title="New deal"/> }
}
