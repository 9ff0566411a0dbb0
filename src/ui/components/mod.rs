//! Building blocks shared by pages: the page header, the empty state panel,
//! the demo-data loader, the toasts, charts, list filters and the customer
//! picker.

mod chart;
mod customer_picker;
mod demo_loader;
mod form;
mod job;
mod list_filters;
mod palette;
mod text_panels;
mod toasts;
mod unlock;

pub use crate::format::thousands;
pub use chart::{Chart, ChartSpec};
pub use customer_picker::{CustomerPicker, FormForCustomer, PickedCustomer, WhenStoreReady};
pub use demo_loader::{finish_interrupted_load, DemoLoader, DemoProgress};
pub use form::{FieldMessage, FormState};
pub use job::{JobProgress, JobState, RefreshNotice};
pub use list_filters::{ChoiceFilter, SearchBox};
pub use palette::CommandPalette;
pub use text_panels::{
    day, polarity_class, text_path, want_text_index, want_text_index_now, SentimentLine,
    SimilarPanel,
};
pub use toasts::Toasts;
pub use unlock::UnlockScreen;

use leptos::prelude::*;
use rapport_core::i18n::components as t;

/// The top of a page: its heading (the page's one `<h1>`) and a one-line
/// description.
#[component]
pub fn PageHeader(
    /// The page's heading.
    title: &'static str,
    /// A sentence under the heading.
    #[prop(optional)]
    subtitle: Option<&'static str>,
    /// Actions shown at the right of the heading.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <header class="page-header">
            <div>
                <h1>{title}</h1>
                {subtitle.map(|s| view! { <p class="page-subtitle">{s}</p> })}
            </div>
            <div class="page-actions">{children.map(|c| c())}</div>
        </header>
    }
}

/// A failed save, in words, with a Reload button when reloading is the way
/// out (a conflict with another tab, a newer app version).
#[component]
pub fn SaveError(
    /// The sentence and whether to offer a reload; `None` shows nothing.
    error: RwSignal<Option<(String, bool)>>,
) -> impl IntoView {
    let reload = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    move || {
        error.get().map(|(message, offer_reload)| {
            view! {
                <div class="error" role="alert">
                    <span>{message}</span>
                    {offer_reload.then(|| view! { <button type="button" on:click=reload>{t::reload()}</button> })}
                </div>
            }
        })
    }
}

/// Previous / "Page n of m" / Next under a paginated table.
#[component]
pub fn Pager(
    /// The current page, from 0.
    page: RwSignal<usize>,
    /// How many pages there are.
    pages: usize,
    /// The navigation's accessible name ("Order pages").
    label: &'static str,
) -> impl IntoView {
    let current = page.get_untracked().min(pages.saturating_sub(1));
    view! {
        <nav class="pager" aria-label=label>
            <button type="button" disabled={current == 0} on:click=move |_| page.set(current.saturating_sub(1))>{t::previous()}</button>
            <span class="muted">{t::page_of(thousands(current + 1), thousands(pages))}</span>
            <button type="button" disabled={current + 1 >= pages} on:click=move |_| page.set(current + 1)>{t::next()}</button>
        </nav>
    }
}

/// An honest "nothing here yet" panel: what the page will hold and how to
/// get data into it.
#[component]
pub fn EmptyState(
    /// A short glyph shown above the title.
    icon: &'static str,
    /// What is missing, in a few words.
    title: &'static str,
    /// What the page will show and how to fill it.
    children: Children,
) -> impl IntoView {
    view! {
        <section class="empty-state" aria-label=title>
            <div class="empty-icon" aria-hidden="true">{icon}</div>
            <h2>{title}</h2>
            <div class="empty-body">{children()}</div>
        </section>
    }
}
