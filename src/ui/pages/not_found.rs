//! The page for addresses that match no route.

use crate::ui::base_path::app_href;
use crate::ui::components::PageHeader;
use leptos::prelude::*;
use leptos_router::components::A;
use rapport_core::i18n::trash as t;

/// Shown for any address the app does not know.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <PageHeader title=t::not_found() subtitle=t::not_found_subtitle()/>
        <section class="empty-state">
            <div class="empty-icon" aria-hidden="true">"404"</div>
            <p>{t::not_found_body()}</p>
            <p><A href=app_href("/")>{t::back_to_dashboard()}</A></p>
        </section>
    }
}
