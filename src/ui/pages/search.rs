//! Search notes, calls, emails, meetings and tickets (`/search?q=…`):
//! ranked by TF-IDF from the page's text index (never by scanning every
//! text), filtered by kind and date, the matched words marked in a snippet.

use crate::model::{Id, Interaction, Ticket};
use crate::store::Store;
use crate::text::{snippet, title_or_start, DocKey, SearchForm, Span, TextKind};
use crate::ui::base_path::app_href;
use crate::ui::components::{day, text_path, want_text_index, PageHeader};
use crate::ui::state::{customer_name, AppState};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use rapport_core::i18n::{components as kinds, search as t};

/// Results listed at most.
const RESULTS: usize = 50;
/// Characters of text around the first match.
const SNIPPET: usize = 220;

/// One result, ready to show.
#[derive(Clone, PartialEq)]
struct ResultRow {
    key: DocKey,
    customer: Id,
    at: crate::model::Timestamp,
    score: f64,
    matched: Vec<String>,
}

/// A result's title and snippet, read from the store.
#[derive(Clone, PartialEq)]
struct ResultText {
    title: Vec<Span>,
    snippet: Vec<Span>,
}

async fn read_text(state: AppState, key: DocKey, matched: Vec<String>) -> Option<ResultText> {
    let store = state.store().ok()?;
    let (title, body) = match key.kind {
        TextKind::Ticket => {
            let t: Ticket = store.get(key.id).await.ok()??;
            (t.subject, t.body)
        }
        _ => {
            let i: Interaction = store.get(key.id).await.ok()??;
            (i.subject, i.body)
        }
    };
    let title = title_or_start(&title, &body);
    Some(ResultText {
        title: snippet(&title, &matched, SNIPPET),
        snippet: snippet(&body, &matched, SNIPPET),
    })
}

fn marked(spans: Vec<Span>) -> impl IntoView {
    spans
        .into_iter()
        .map(|s| {
            if s.matched {
                view! { <mark>{s.text}</mark> }.into_any()
            } else {
                view! { <span>{s.text}</span> }.into_any()
            }
        })
        .collect_view()
}

/// `/search`.
#[component]
pub fn SearchPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    want_text_index(state);
    let query_map = use_query_map();
    let form = RwSignal::new(SearchForm::default());
    // The words in the address (`?q=…`, from the command palette) fill the box.
    Effect::new(move |_| {
        if let Some(words) = query_map.with(|q| q.get("q")) {
            form.update(|f| f.text = words);
        }
    });
    let outcome = Memo::new(move |_| {
        state.text.revision.track();
        let query = match form.with(|f| f.query(RESULTS)) {
            Ok(Some(q)) => q,
            Ok(None) => return Ok(None),
            Err(e) => return Err(e.to_string()),
        };
        Ok(Some(state.text.with(|index| {
            index
                .search(&query)
                .into_iter()
                .map(|h| ResultRow {
                    key: h.hit.key,
                    customer: h.hit.customer,
                    at: h.hit.at,
                    score: h.hit.score,
                    matched: h.matched,
                })
                .collect::<Vec<_>>()
        })))
    });
    let kind_box = move |kind: TextKind| {
        view! {
            <label>
                <input type="checkbox"
                    prop:checked=move || form.with(|f| f.kinds.contains(&kind))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        form.update(|f| {
                            f.kinds.retain(|k| *k != kind);
                            if on { f.kinds.push(kind); }
                        });
                    }/>
                " " {kinds::text_kinds(kind)}
            </label>
        }
    };
    view! {
        <PageHeader title=t::title() subtitle=t::subtitle()/>
        <form class="card search-form" role="search" on:submit=|ev| ev.prevent_default()>
            <input type="search" aria-label=t::search_text() placeholder=t::placeholder()
                prop:value=move || form.with(|f| f.text.clone())
                on:input=move |ev| form.update(|f| f.text = event_target_value(&ev))/>
            <fieldset class="choices">
                <legend>{t::kinds()}</legend>
                {TextKind::ALL.iter().copied().map(kind_box).collect_view()}
            </fieldset>
            <label>{t::from()} <input type="date" prop:value=move || form.with(|f| f.from.clone())
                on:change=move |ev| form.update(|f| f.from = event_target_value(&ev))/></label>
            <label>{t::to()} <input type="date" prop:value=move || form.with(|f| f.to.clone())
                on:change=move |ev| form.update(|f| f.to = event_target_value(&ev))/></label>
        </form>
        {move || match outcome.get() {
            Err(message) => view! { <p class="error" role="alert">{message}</p> }.into_any(),
            Ok(None) => view! { <p class="muted">{t::type_a_word()}</p> }.into_any(),
            Ok(Some(None)) => view! { <p class="muted" role="status">{t::indexing()}</p> }.into_any(),
            Ok(Some(Some(rows))) if rows.is_empty() => view! { <p class="muted" role="status">{t::no_match()}</p> }.into_any(),
            Ok(Some(Some(rows))) => view! {
                <p class="muted" role="status">{match rows.len() {
                    1 => t::matching_one(1),
                    RESULTS => t::matching_best(RESULTS),
                    n => t::matching_many(n),
                }}</p>
                <ol class="search-results" aria-label=t::results()>
                    {rows.into_iter().map(|r| view! { <ResultItem row=r/> }).collect_view()}
                </ol>
            }.into_any(),
        }}
    }
}

#[component]
fn ResultItem(row: ResultRow) -> impl IntoView {
    let state = expect_context::<AppState>();
    let key = row.key;
    let matched = row.matched.clone();
    let text = LocalResource::new(move || read_text(state, key, matched.clone()));
    let href = app_href(&text_path(key));
    view! {
        <li class="search-result">
            <div class="search-result-head">
                <span class=format!("badge kind-{}", key.kind.label().to_lowercase())>{kinds::text_kind(key.kind)}</span>
                <a href=href>
                    <Suspense fallback=|| "…">
                        {move || text.get().map(|t| match t {
                            Some(t) if !t.title.is_empty() => marked(t.title).into_any(),
                            _ => t::no_subject().into_any(),
                        })}
                    </Suspense>
                </a>
                <span class="muted">{format!("{} · {}", day(row.at), customer_name(&state, &row.customer))}</span>
                <span class="score" title=t::score_hint()>{format!("{:.2}", row.score)}</span>
            </div>
            <p class="snippet">
                <Suspense fallback=|| "">
                    {move || text.get().flatten().map(|t| marked(t.snippet))}
                </Suspense>
            </p>
            <p class="muted small">{t::matched(row.matched.join(", "))}</p>
        </li>
    }
}
