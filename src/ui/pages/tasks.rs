//! The Tasks page (being built).

use crate::ui::components::PageHeader;
use leptos::prelude::*;

/// Tasks.
#[component]
pub fn TasksPage() -> impl IntoView {
    view! { <PageHeader title="Tasks"/> }
}
