//! A customer's single timeline — interactions, orders, deals and tickets,
//! newest first — with quick "add note / log call / log email".

use crate::model::{
    date_of, start_of_day, Deal, Direction, Id, Interaction, InteractionKind, Order, Record,
    Ticket, Timestamp,
};
use crate::ops;
use crate::sentiment::{self, Polarity};
use crate::store::{Collection, Store, StoreError};
use crate::ui::base_path::app_href;
use crate::ui::components::{polarity_class, SaveError};
use crate::ui::lexicons;
use crate::ui::state::{now_ms, AppState};
use leptos::prelude::*;
use rapport_core::i18n::{components as kinds, customer as t};

/// One entry of the timeline.
#[derive(Clone, PartialEq)]
struct Entry {
    id: Id,
    at: Timestamp,
    /// The kind's English name, for the badge's CSS class.
    kind: &'static str,
    /// The kind as shown.
    kind_label: &'static str,
    title: String,
    detail: String,
    /// The entry's own page (notes, calls, emails, meetings, tickets).
    href: Option<String>,
    /// The text's sentiment, for notes, calls, emails, meetings and tickets.
    mood: Option<(Polarity, f64)>,
}

/// A text's sentiment, if the word lists could be loaded (the note's or
/// ticket's own page says why not).
fn mood_of(scored: bool, text: &str) -> Option<(Polarity, f64)> {
    scored.then(|| {
        let s = sentiment::score(text);
        (s.label, s.compound)
    })
}

async fn load(state: AppState, customer: Id) -> Result<Vec<Entry>, StoreError> {
    let scored = lexicons::ready().await.is_ok();
    let store = state.store()?;
    let mut entries = Vec::new();
    for i in store
        .for_customer::<Interaction>(customer)
        .await?
        .into_iter()
        .filter(|r| !r.is_deleted())
    {
        entries.push(Entry {
            id: i.id(),
            at: i.at,
            kind: i.kind.label(),
            kind_label: kinds::interaction_kind(i.kind),
            title: match (i.subject.is_empty(), i.direction) {
                (false, _) => i.subject.clone(),
                (true, Direction::Internal) => kinds::interaction_kind(i.kind).to_string(),
                (true, d) => kinds::untitled_interaction(
                    kinds::direction(d).to_string(),
                    kinds::interaction_kind(i.kind).to_lowercase(),
                ),
            },
            detail: match i.direction {
                Direction::Internal => i.body.clone(),
                d => format!("{} · {}", kinds::direction(d), i.body),
            },
            href: Some(format!("/notes/{}", i.id())),
            mood: mood_of(scored, &format!("{}\n{}", i.subject, i.body)),
        });
    }
    for o in store
        .for_customer::<Order>(customer)
        .await?
        .into_iter()
        .filter(|r| !r.is_deleted())
    {
        entries.push(Entry {
            id: o.id(),
            at: start_of_day(o.date),
            kind: o.status.label(),
            kind_label: kinds::order_status(o.status),
            title: format!(
                "{} {:.2} {}",
                kinds::order_status(o.status),
                o.total,
                o.currency
            ),
            detail: o
                .line_items
                .iter()
                .map(|l| format!("{} × {}", l.quantity, l.product))
                .collect::<Vec<_>>()
                .join(", "),
            href: None,
            mood: None,
        });
    }
    for d in store
        .for_customer::<Deal>(customer)
        .await?
        .into_iter()
        .filter(|r| !r.is_deleted())
    {
        entries.push(Entry {
            id: d.id(),
            at: d.meta.created_at,
            kind: "Deal",
            kind_label: t::kind_deal(),
            title: format!("{} — {}", d.title, d.stage),
            detail: t::deal_detail(
                format!("{:.2}", d.value),
                format!("{:.0}", d.probability * 100.0),
            ),
            href: None,
            mood: None,
        });
    }
    for t in store
        .for_customer::<Ticket>(customer)
        .await?
        .into_iter()
        .filter(|r| !r.is_deleted())
    {
        let rating = t
            .satisfaction
            .map(|s| t::satisfaction(s.to_string()))
            .unwrap_or_default();
        entries.push(Entry {
            id: t.id(),
            at: t.opened_at,
            kind: "Ticket",
            kind_label: t::kind_ticket(),
            title: format!("{} ({}){rating}", t.subject, kinds::ticket_status(t.status)),
            detail: t.feedback.clone().unwrap_or_else(|| t.body.clone()),
            href: Some(format!("/tickets/{}", t.id())),
            mood: mood_of(scored, &format!("{}\n{}", t.subject, t.body)),
        });
    }
    entries.sort_by(|a, b| b.at.cmp(&a.at).then(b.id.cmp(&a.id)));
    Ok(entries)
}

fn when(at: Timestamp) -> String {
    crate::format::date(date_of(at))
}

/// The timeline and the quick-add box.
#[component]
pub fn Timeline(customer: Id) -> impl IntoView {
    let state = expect_context::<AppState>();
    let entries = LocalResource::new(move || {
        state.track(Collection::Interactions);
        state.track(Collection::Orders);
        state.track(Collection::Deals);
        state.track(Collection::Tickets);
        load(state, customer)
    });
    let kind = RwSignal::new(InteractionKind::Note);
    let subject = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    // Calls, emails and meetings: who reached out (a note is internal).
    let inbound = RwSignal::new(false);
    let error = RwSignal::new(None::<(String, bool)>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = body.get().trim().to_string();
        if text.is_empty() {
            error.set(Some((t::empty_note().into(), false)));
            return;
        }
        let now = now_ms();
        let direction = match kind.get() {
            InteractionKind::Note => Direction::Internal,
            _ if inbound.get() => Direction::Inbound,
            _ => Direction::Outbound,
        };
        let record = Interaction::new(
            crate::model::Uuid::new_v4(),
            now,
            customer,
            kind.get(),
            direction,
            now,
            subject.get().trim(),
            text,
        );
        state.save(
            ops::records::log_interaction(&record),
            true,
            error,
            None,
            move || {
                body.set(String::new());
                subject.set(String::new());
            },
        );
    };
    let kind_button = move |k: InteractionKind, text: &'static str| {
        view! {
            <button type="button" class:active=move || kind.get() == k aria-pressed=move || (kind.get() == k).to_string() on:click=move |_| kind.set(k)>
                {text}
            </button>
        }
    };
    view! {
        <section class="card" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t::timeline()}</h2>
            <form class="quick-add" on:submit=add aria-label=t::add_to_the_timeline()>
                <div class="segmented" role="group" aria-label=t::kind()>
                    {kind_button(InteractionKind::Note, t::add_note())}
                    {kind_button(InteractionKind::Call, t::log_call())}
                    {kind_button(InteractionKind::Email, t::log_email())}
                    {kind_button(InteractionKind::Meeting, t::log_meeting())}
                </div>
                {move || (kind.get() != InteractionKind::Note).then(|| view! {
                    <label class="field-inline">
                        <input type="checkbox" prop:checked=move || inbound.get()
                            on:change=move |ev| inbound.set(event_target_checked(&ev))/>
                        {t::inbound()}
                    </label>
                })}
                <input type="text" aria-label=t::subject() placeholder=t::subject_optional() prop:value=move || subject.get() on:input=move |ev| subject.set(event_target_value(&ev))/>
                <textarea aria-label=t::note_text() placeholder=t::what_happened() rows="3" prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                <SaveError error=error/>
                <button class="primary" type="submit">{t::add_to_timeline()}</button>
            </form>
            <Transition fallback=|| view! { <p class="muted">{t::loading_timeline()}</p> }>
                {move || entries.get().map(|result| match result {
                    Err(e) => view! { <p class="error" role="alert">{e.user_message()}</p> }.into_any(),
                    Ok(list) if list.is_empty() => view! { <p class="muted">{t::timeline_empty()}</p> }.into_any(),
                    Ok(list) => view! {
                        <ol class="timeline">
                            {list.into_iter().take(300).map(|e| view! {
                                <li class="timeline-entry">
                                    <span class=format!("badge kind-{}", e.kind.to_lowercase())>{e.kind_label}</span>
                                    <div class="timeline-text">
                                        <div class="timeline-title">
                                            {match e.href {
                                                Some(href) => view! { <a href=app_href(&href)>{e.title}</a> }.into_any(),
                                                None => view! { <span>{e.title}</span> }.into_any(),
                                            }}
                                            {e.mood.filter(|(p, _)| *p == Polarity::Negative).map(|(p, compound)| view! {
                                                " " <span class=polarity_class(p) title=t::entry_negative_hint()>{t::negative(format!("{compound:+.2}"))}</span>
                                            })}
                                        </div>
                                        <div class="timeline-detail">{e.detail}</div>
                                    </div>
                                    <time class="muted">{when(e.at)}</time>
                                </li>
                            }).collect_view()}
                        </ol>
                    }.into_any(),
                })}
            </Transition>
        </section>
    }
}
