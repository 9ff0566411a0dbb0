//! What every note, call, email, meeting and ticket page shows about its
//! text: the ten most similar texts in the store (from the page's text
//! index) and the text's sentiment with the words that drove it.

use crate::model::{date_of, Timestamp};
use crate::sentiment::{self, Polarity};
use crate::text::{DocKey, TextKind};
use crate::ui::base_path::app_href;
use crate::ui::lexicons;
use crate::ui::state::{customer_name, AppState};
use leptos::prelude::*;
use rapport_core::i18n::components as t;

/// How many similar texts the panel lists.
const SIMILAR: usize = 10;

/// The in-app path of a text: a ticket's page or a timeline entry's page.
pub fn text_path(key: DocKey) -> String {
    match key.kind {
        TextKind::Ticket => format!("/tickets/{}", key.id),
        _ => format!("/notes/{}", key.id),
    }
}

/// A date as the lists show it.
pub fn day(at: Timestamp) -> String {
    crate::format::date(date_of(at))
}

/// One line of the Similar panel.
#[derive(Clone, PartialEq)]
struct SimilarRow {
    key: DocKey,
    title: String,
    at: Timestamp,
    customer: String,
    score: f64,
}

/// Starts building the text index (if it is not built) once the store is
/// open; readers follow `state.text.ready`.
pub fn want_text_index(state: AppState) {
    Effect::new(move |_| {
        if state.status.get() != crate::ui::state::StoreStatus::Ready {
            return;
        }
        leptos::task::spawn_local(async move {
            if let Err(e) = state.ensure_text_index().await {
                state.toast_error(e.user_message());
            }
        });
    });
}

/// Starts building the text index now, if the store is open (for the
/// command palette, which has no effect scope of its own to wait in).
pub fn want_text_index_now(state: AppState) {
    if state.status.get_untracked() != crate::ui::state::StoreStatus::Ready {
        return;
    }
    leptos::task::spawn_local(async move {
        if let Err(e) = state.ensure_text_index().await {
            state.toast_error(e.user_message());
        }
    });
}

/// "Similar": the ten texts most like this one, with score, date, customer
/// and a link.
#[component]
pub fn SimilarPanel(
    /// The text the panel is about.
    key: DocKey,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    want_text_index(state);
    let rows = Memo::new(move |_| {
        state.text.revision.track();
        state.text.with(|index| {
            index
                .similar(key, SIMILAR)
                .into_iter()
                .map(|hit| SimilarRow {
                    key: hit.key,
                    title: index
                        .doc(hit.key)
                        .map(|d| d.title.clone())
                        .unwrap_or_default(),
                    at: hit.at,
                    customer: customer_name(&state, &hit.customer),
                    score: hit.score,
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="card similar" aria-labelledby="similar-heading">
            <h2 id="similar-heading">{t::similar()}</h2>
            {move || match rows.get() {
                None => view! { <p class="muted" role="status">{t::indexing()}</p> }.into_any(),
                Some(list) if list.is_empty() => view! {
                    <p class="muted">{t::nothing_similar()}</p>
                }.into_any(),
                Some(list) => view! {
                    <ol class="similar-list" aria-label=t::similar_texts()>
                        {list.into_iter().map(|r| view! {
                            <li>
                                <span class=format!("badge kind-{}", r.key.kind.label().to_lowercase())>{t::text_kind(r.key.kind)}</span>
                                <a href=app_href(&text_path(r.key))>{if r.title.is_empty() { t::no_subject().to_string() } else { r.title }}</a>
                                <span class="muted">{format!("{} · {}", day(r.at), r.customer)}</span>
                                <span class="score" title=t::similarity_hint()>{format!("{:.2}", r.score)}</span>
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any(),
            }}
        </section>
    }
}

/// The CSS class of a polarity's badge.
pub fn polarity_class(p: Polarity) -> &'static str {
    match p {
        Polarity::Negative => "badge sentiment-negative",
        Polarity::Neutral => "badge sentiment-neutral",
        Polarity::Positive => "badge sentiment-positive",
    }
}

/// The sentiment of a text: its label and score, and the words that drove
/// it (once the word lists are loaded, [`lexicons::ready`]).
#[component]
pub fn SentimentLine(
    /// The text scored.
    text: String,
) -> impl IntoView {
    let lexicons = LocalResource::new(lexicons::ready);
    move || match lexicons.get() {
        None => view! { <p class="sentiment-line muted">{t::loading_lexicons()}</p> }.into_any(),
        Some(Err(e)) => {
            view! { <p class="sentiment-line error" role="alert">{e.user_message()}</p> }.into_any()
        }
        Some(Ok(())) => sentiment_line(&text).into_any(),
    }
}

fn sentiment_line(text: &str) -> impl IntoView {
    let s = sentiment::score(text);
    let drivers = s
        .drivers
        .iter()
        .map(|d| format!("{} ({:+.1})", d.word, d.valence))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <p class="sentiment-line">
            <span class=polarity_class(s.label)>{format!("{} {:+.2}", t::polarity(s.label), s.compound)}</span>
            " "
            {if drivers.is_empty() {
                view! { <span class="muted">{t::no_sentiment_words()}</span> }.into_any()
            } else {
                view! { <span class="muted">{t::because_of(drivers)}</span> }.into_any()
            }}
        </p>
    }
}
