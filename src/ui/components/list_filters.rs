//! The search box and the one-of-a-kind filter that paginated lists share
//! (Orders, Tickets, a campaign's responses): changing either goes back to
//! the first page.

use leptos::prelude::*;
use rapport_core::i18n::{components as t, with_lang, Lang};
use std::str::FromStr;

/// A search field; typing sets `query` and returns to page one.
#[component]
pub fn SearchBox(
    /// The accessible name and placeholder ("Search ticket subjects").
    label: &'static str,
    /// The text typed.
    query: RwSignal<String>,
    /// The list's page, reset to 0 on input.
    page: RwSignal<usize>,
) -> impl IntoView {
    view! {
        <input
            class="search"
            type="search"
            aria-label=label
            placeholder=label
            prop:value=move || query.get()
            on:input=move |ev| {
                query.set(event_target_value(&ev));
                page.set(0);
            }
        />
    }
}

/// A labelled `<select>` of "All" and each of `choices`; picking one sets
/// `value` and returns to page one.
#[component]
pub fn ChoiceFilter<T>(
    /// The visible label, which also names the select ("Status").
    label: &'static str,
    /// The values to offer, in order.
    choices: &'static [T],
    /// What a value is called, in the current language (e.g.
    /// `rapport_core::i18n::components::ticket_status`). Its English name
    /// (the same function asked in English) is the `<option>` value, parsed
    /// back with `FromStr`, so that a translated name still parses.
    name: fn(T) -> &'static str,
    /// The chosen value; `None` for all.
    value: RwSignal<Option<T>>,
    /// The list's page, reset to 0 on change.
    page: RwSignal<usize>,
) -> impl IntoView
where
    T: Copy + PartialEq + FromStr + Send + Sync + 'static,
{
    view! {
        <label class="field-inline">
            {label}
            <select on:change=move |ev| {
                value.set(event_target_value(&ev).parse().ok());
                page.set(0);
            }>
                <option value="" selected=move || value.get().is_none()>{t::all()}</option>
                {choices.iter().map(|c| {
                    let c = *c;
                    let key = with_lang(Lang::En, || name(c));
                    view! { <option value=key selected=move || value.get() == Some(c)>{name(c)}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}
