//! One ticket (`/tickets/:id`): subject, customer, request, opened and solved
//! times; status, priority, satisfaction and feedback are edited in a form
//! saved with a version check, and Solve / Reopen act at once (with Undo).
//!
//! The form is not replaced under the user's fingers: when the stored ticket
//! changes (another tab, an Undo) and the form has no unsaved edits, it
//! follows; with unsaved edits, a notice says so, and a save based on the old
//! version is refused with a Reload offer.

use super::tickets::{local_time, priority_class, status_class};
use crate::model::forms::TicketEdit;
use crate::model::{Id, Priority, Record, Ticket, TicketStatus};
use crate::ops;
use crate::store::{ChangeSet, Collection, Store, StoreError};
use crate::text::{DocKey, TextKind};
use crate::ui::base_path::app_href;
use crate::ui::components::{FormState, PageHeader, SaveError, SentimentLine, SimilarPanel};
use crate::ui::state::{customer_name, now_ms, AppState};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use rapport_core::i18n::{common, tickets as t};

/// What looking the ticket up found.
#[derive(Clone)]
enum Lookup {
    /// No such ticket (bad id, or deleted for good).
    Missing,
    /// The ticket as stored.
    Found(Ticket),
}

async fn find(state: AppState, id: Option<Id>) -> Result<Lookup, StoreError> {
    let Some(id) = id else {
        return Ok(Lookup::Missing);
    };
    Ok(match state.store()?.get::<Ticket>(id).await? {
        Some(t) => Lookup::Found(t),
        None => Lookup::Missing,
    })
}

/// The labels of the satisfaction scores 1 to 5.
const SATISFACTION: [fn() -> &'static str; 5] = [
    t::very_dissatisfied,
    t::dissatisfied,
    t::neutral,
    t::satisfied,
    t::very_satisfied,
];

/// `/tickets/:id`.
#[component]
pub fn TicketPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<Id>().ok())));
    // Loaded once per id: the view below follows later changes itself.
    let initial = state.store_resource(&[], move |state| find(state, id.get()));
    view! {
        <Transition fallback=|| view! { <p class="muted">{t::loading_ticket()}</p> }>
            {move || initial.get().map(|result| match result {
                Err(e) => view! {
                    <PageHeader title=t::ticket()/>
                    <p class="error" role="alert">{e.user_message()}</p>
                }.into_any(),
                Ok(None) => view! {
                    <PageHeader title=t::ticket()/>
                    <p class="muted">{t::opening_database()}</p>
                }.into_any(),
                Ok(Some(Lookup::Missing)) => view! {
                    <PageHeader title=t::not_found() subtitle=t::not_found_hint()/>
                    <p><a href=app_href("/tickets")>{t::back()}</a></p>
                }.into_any(),
                Ok(Some(Lookup::Found(t))) => view! { <TicketView initial=t/> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn TicketView(initial: Ticket) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = initial.meta.id;
    let base = RwSignal::new(initial.clone());
    let draft = RwSignal::new(TicketEdit::of(&initial));
    let form = FormState::new();
    let FormState {
        save_error: error,
        saving,
        ..
    } = form;
    let dirty = Memo::new(move |_| base.with(|b| draft.with(|d| *d != TicketEdit::of(b))));

    // The stored ticket after each change anywhere; the form follows it
    // while it has no unsaved edits.
    let latest = state.store_resource(&[Collection::Tickets], move |state| find(state, Some(id)));
    let changed_elsewhere = RwSignal::new(false);
    Effect::new(move |_| {
        let Some(Ok(Some(Lookup::Found(stored)))) = latest.get() else {
            return;
        };
        if stored.meta.version <= base.with_untracked(|b| b.meta.version) {
            return;
        }
        if dirty.get_untracked() {
            changed_elsewhere.set(true);
        } else {
            draft.set(TicketEdit::of(&stored));
            base.set(stored);
            changed_elsewhere.set(false);
        }
    });

    let write = move |ticket: Ticket, changes: Result<ChangeSet, ops::OpError>, undoable: bool| {
        state.submit(changes, undoable, form, move || {
            if undoable {
                // Solve/Reopen: keep the form's other unsaved edits.
                let status = ticket.status;
                draft.update(|d| d.status = status);
            } else {
                draft.set(TicketEdit::of(&ticket));
                state.toast(t::saved());
            }
            base.set(ticket);
        });
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !dirty.get_untracked() {
            error.set(Some((t::nothing_to_save().into(), false)));
            return;
        }
        let edited = draft.with_untracked(|d| base.with_untracked(|b| d.apply_to(b, now_ms())));
        match edited.map_err(|e| ops::OpError::from(e).user_message()) {
            Ok(t) => {
                let changes = ops::sales::save_ticket(&t, t::saved());
                write(t, changes, false)
            }
            Err(message) => error.set(Some((message, false))),
        }
    };
    let solve_or_reopen = move |_| {
        let t = base.get_untracked();
        let result = if t.status == TicketStatus::Solved {
            ops::sales::reopen_ticket(&t, now_ms())
        } else {
            ops::sales::solve_ticket(&t, now_ms())
        };
        match result {
            Ok((changed, changes)) => write(changed, Ok(changes), true),
            Err(e) => error.set(Some((e.user_message(), false))),
        }
    };

    let subject = initial.subject.clone();
    let customer = initial.customer_id;
    let who = customer_name(&state, &customer);
    let body = initial.body.clone();
    let sentiment_text = format!("{}\n{}", initial.subject, initial.body);

    view! {
        <header class="page-header">
            <div>
                <p class="breadcrumb"><a href=app_href("/tickets")>{t::title()}</a></p>
                <h1>{subject}</h1>
                <p class="page-subtitle">
                    {t::from()}" "<a href=app_href(&format!("/customers/{customer}"))>{who}</a>
                </p>
            </div>
            <div class="page-actions">
                <button type="button" disabled=move || saving.get() on:click=solve_or_reopen>
                    {move || if base.with(|b| b.status == TicketStatus::Solved) { t::reopen() } else { t::solve() }}
                </button>
            </div>
        </header>
        {move || base.with(|b| b.is_deleted()).then(|| view! { <p class="notice">{t::in_trash()}</p> })}
        {move || changed_elsewhere.get().then(|| view! {
            <p class="notice" role="status">
                {t::changed_elsewhere()}
            </p>
        })}
        <div class="two-columns">
            <section class="card" aria-labelledby="ticket-request-heading">
                <h2 id="ticket-request-heading">{t::request()}</h2>
                <p class="ticket-badges">
                    <span class=move || base.with(|b| status_class(b.status))>{move || base.with(|b| b.status.display())}</span>
                    " "
                    <span class=move || base.with(|b| priority_class(b.priority))>{move || base.with(|b| b.priority.display())}</span>
                </p>
                {if body.trim().is_empty() {
                    view! { <p class="muted">{t::no_description()}</p> }.into_any()
                } else {
                    view! { <p class="ticket-body">{body}</p> }.into_any()
                }}
                <h3>{t::sentiment()}</h3>
                <SentimentLine text=sentiment_text/>
                <dl class="ticket-times">
                    <dt>{t::opened()}</dt>
                    <dd>{move || base.with(|b| local_time(b.opened_at))}</dd>
                    <dt>{t::solved()}</dt>
                    <dd>{move || base.with(|b| match (b.solved_at, b.resolution_hours()) {
                        (Some(at), Some(hours)) => t::solved_after(local_time(at), format!("{hours:.1}")),
                        _ => t::not_solved().to_string(),
                    })}</dd>
                </dl>
            </section>
            <form class="card form ticket-form" on:submit=save novalidate=true aria-label=t::handling_label()>
                <h2>{t::handling()}</h2>
                <div class="form-grid">
                    <label class="field">
                        <span class="field-label">{common::status()}</span>
                        <select name="status" on:change=move |ev| {
                            if let Ok(s) = event_target_value(&ev).parse() {
                                draft.update(|d| d.status = s);
                            }
                        }>
                            {TicketStatus::ALL.iter().map(|s| {
                                let s = *s;
                                view! { <option value=s.label() selected=move || draft.with(|d| d.status == s)>{s.display()}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="field">
                        <span class="field-label">{t::priority()}</span>
                        <select name="priority" on:change=move |ev| {
                            if let Ok(p) = event_target_value(&ev).parse() {
                                draft.update(|d| d.priority = p);
                            }
                        }>
                            {Priority::ALL.iter().map(|p| {
                                let p = *p;
                                view! { <option value=p.label() selected=move || draft.with(|d| d.priority == p)>{p.display()}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                </div>
                <fieldset class="rating">
                    <legend>{t::satisfaction()}</legend>
                    <label class="rating-option">
                        <input
                            type="radio"
                            name="satisfaction"
                            value=""
                            prop:checked=move || draft.with(|d| d.satisfaction.is_none())
                            on:change=move |_| draft.update(|d| d.satisfaction = None)
                        />
                        {t::not_rated()}
                    </label>
                    {(1u8..=5).map(|score| view! {
                        <label class="rating-option">
                            <input
                                type="radio"
                                name="satisfaction"
                                value=score.to_string()
                                prop:checked=move || draft.with(|d| d.satisfaction == Some(score))
                                on:change=move |_| draft.update(|d| d.satisfaction = Some(score))
                            />
                            {SATISFACTION[usize::from(score) - 1]()}
                        </label>
                    }).collect_view()}
                </fieldset>
                <label class="field">
                    <span class="field-label">{t::feedback()}</span>
                    <textarea
                        name="feedback"
                        rows="4"
                        prop:value=move || draft.with(|d| d.feedback.clone())
                        on:input=move |ev| draft.update(|d| d.feedback = event_target_value(&ev))
                    ></textarea>
                </label>
                <SaveError error=error/>
                <div class="form-actions">
                    <button class="primary" type="submit" disabled=move || saving.get() || !dirty.get()>{t::save_changes()}</button>
                    <button type="button" disabled=move || !dirty.get() on:click=move |_| {
                        draft.set(base.with_untracked(TicketEdit::of));
                        error.set(None);
                    }>{t::discard_changes()}</button>
                </div>
            </form>
        </div>
        <SimilarPanel key=DocKey { kind: TextKind::Ticket, id }/>
    }
}
