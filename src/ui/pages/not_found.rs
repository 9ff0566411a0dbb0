//! The page for addresses that match no route.

use crate::ui::base_path::app_href;
use crate::ui::components::PageHeader;
use leptos::prelude::*;
use leptos_router::components::A;

/// Shown for any address the app does not know.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <PageHeader title="Page not found" subtitle="There is no page at this address."/>
        <section class="empty-state">
            <div class="empty-icon" aria-hidden="true">"404"</div>
            <p>"The link may be old, or the address mistyped. Your data is untouched."</p>
            <p><A href=app_href("/")>"Back to the dashboard"</A></p>
        </section>
    }
}
