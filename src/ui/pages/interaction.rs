//! One timeline entry (`/notes/:id`): a note, call, email or meeting with
//! its whole text, its customer, its sentiment and the texts most like it.
//! Search results and Similar panels link here.

use crate::model::{Direction, Id, Interaction, Record};
use crate::store::{Collection, Store};
use crate::text::{DocKey, TextKind};
use crate::ui::base_path::app_href;
use crate::ui::components::{day, PageHeader, SentimentLine, SimilarPanel};
use crate::ui::state::{customer_name, AppState};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use rapport_core::i18n::{common, components as kinds, search as t};

/// `/notes/:id`.
#[component]
pub fn InteractionPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<Id>().ok())));
    let entry = state.store_resource(&[Collection::Interactions], move |state| {
        let id = id.get();
        async move {
            match id {
                Some(id) => state.store()?.get::<Interaction>(id).await,
                None => Ok(None),
            }
        }
    });
    view! {
        <Transition fallback=|| view! { <p class="muted">{common::loading()}</p> }>
            {move || entry.get().map(|found| match found {
                Ok(None) => view! { <p class="muted">{t::opening_database()}</p> }.into_any(),
                Ok(Some(None)) => view! {
                    <PageHeader title=t::entry_not_found() subtitle=t::entry_not_found_hint()/>
                    <p><a href=app_href("/search")>{t::title()}</a></p>
                }.into_any(),
                Err(e) => view! {
                    <PageHeader title=t::entry_unreadable() subtitle=t::nothing_changed()/>
                    <p class="error" role="alert">{e.user_message()}</p>
                }.into_any(),
                Ok(Some(Some(i))) => view! { <EntryView entry=i/> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn EntryView(entry: Interaction) -> impl IntoView {
    let state = expect_context::<AppState>();
    let key = DocKey {
        kind: TextKind::from(entry.kind),
        id: entry.id(),
    };
    let title = if entry.subject.trim().is_empty() {
        kinds::interaction_kind(entry.kind).to_string()
    } else {
        entry.subject.clone()
    };
    let customer = entry.customer_id;
    let direction = match entry.direction {
        Direction::Internal => String::new(),
        d => format!(" · {}", kinds::direction(d)),
    };
    let text = format!("{}\n{}", entry.subject, entry.body);
    view! {
        <header class="page-header">
            <div>
                <p class="breadcrumb">
                    <a href=app_href(&format!("/customers/{customer}"))>{customer_name(&state, &customer)}</a>
                </p>
                <h1>{title}</h1>
                <p class="page-subtitle">{format!("{} · {}{direction}", kinds::interaction_kind(entry.kind), day(entry.at))}</p>
            </div>
        </header>
        {entry.is_deleted().then(|| view! { <p class="notice">{t::entry_in_trash()}</p> })}
        <div class="two-columns">
            <section class="card" aria-labelledby="entry-text-heading">
                <h2 id="entry-text-heading">{t::text()}</h2>
                <p class="entry-body">{entry.body.clone()}</p>
                <h3>{t::sentiment()}</h3>
                <SentimentLine text=text/>
            </section>
            <SimilarPanel key=key/>
        </div>
    }
}
