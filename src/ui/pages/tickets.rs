//! The Tickets page: support tickets, unsolved ones first and newest first
//! within each group, filtered by status and priority and searched by
//! subject, [`PAGE_SIZE`] rows a page. Each subject links to the ticket's
//! own page (`/tickets/:id`).
//!
//! The store is read once per revision; filtering and paging work on that
//! copy.

use crate::jobs::text::TopicsInput;
use crate::jobs::TopicsJob;
use crate::model::{Id, Priority, Record, Ticket, TicketStatus, Timestamp};
use crate::search::page::PageWindow;
use crate::store::{Collection, StoreError};
use crate::ui::base_path::app_href;
use crate::ui::components::{
    ChoiceFilter, EmptyState, JobProgress, JobState, PageHeader, Pager, SearchBox,
};
use crate::ui::state::{customer_name, AppState};
use leptos::prelude::*;
use rapport_core::i18n::{common, shell, tickets as t, Lang};
use std::collections::HashMap;
use std::sync::Arc;

/// Rows per page.
const PAGE_SIZE: usize = 50;

/// Every live ticket, unsolved first, then newest first; `None` while the
/// database is opening.
async fn load(state: AppState) -> Result<Arc<Vec<Ticket>>, StoreError> {
    let mut tickets: Vec<Ticket> = state
        .store()?
        .all_in_slices::<Ticket>()
        .await?
        .into_iter()
        .filter(|t| !t.is_deleted())
        .collect();
    tickets.sort_by(|a, b| {
        let solved = |t: &Ticket| t.status == TicketStatus::Solved;
        solved(a)
            .cmp(&solved(b))
            .then(b.opened_at.cmp(&a.opened_at))
            .then(a.meta.id.cmp(&b.meta.id))
    });
    Ok(Arc::new(tickets))
}

/// A timestamp as the browser's local date and time (in the browser's
/// locale in English, in Chinese in Chinese).
pub(crate) fn local_time(ts: Timestamp) -> String {
    let locale = match rapport_core::i18n::lang() {
        Lang::En => "default",
        Lang::Zh => Lang::Zh.tag(),
    };
    js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ts as f64))
        .to_locale_string(locale, &wasm_bindgen::JsValue::UNDEFINED)
        .into()
}

/// The CSS class of a status badge.
pub(crate) fn status_class(status: TicketStatus) -> String {
    format!("badge ticket-{}", status.label().to_lowercase())
}

/// The CSS class of a priority badge.
pub(crate) fn priority_class(priority: Priority) -> String {
    format!("badge priority-{}", priority.label().to_lowercase())
}

/// Tickets: support requests and how satisfied customers were.
#[component]
pub fn TicketsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let tickets = state.store_resource(&[Collection::Tickets], load);
    let status = RwSignal::new(None::<TicketStatus>);
    let priority = RwSignal::new(None::<Priority>);
    let query = RwSignal::new(String::new());
    let page = RwSignal::new(0usize);
    let topic = RwSignal::new(None::<usize>);
    let topic_job = JobState::new();
    find_topics(state, topic_job);
    let topic_of = Memo::new(move |_| {
        state.topics.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.assignments
                        .iter()
                        .copied()
                        .collect::<HashMap<Id, usize>>()
                })
                .unwrap_or_default()
        })
    });

    let matching = Memo::new(move |_| {
        let Some(all) = tickets.get().and_then(Result::ok).flatten() else {
            return Vec::new();
        };
        let (status, priority) = (status.get(), priority.get());
        let needle = query.get().trim().to_lowercase();
        let topic = topic.get();
        topic_of.with(|topic_of| {
            all.iter()
                .enumerate()
                .filter(|(_, t)| status.is_none_or(|s| t.status == s))
                .filter(|(_, t)| priority.is_none_or(|p| t.priority == p))
                .filter(|(_, t)| needle.is_empty() || t.subject.to_lowercase().contains(&needle))
                .filter(|(_, t)| topic.is_none_or(|k| topic_of.get(&t.meta.id) == Some(&k)))
                .map(|(i, _)| i)
                .collect::<Vec<usize>>()
        })
    });

    let row = move |t: Ticket| {
        let who = customer_name(&state, &t.customer_id);
        let topic_name = topic_of
            .with_untracked(|m| m.get(&t.meta.id).copied())
            .and_then(|k| {
                state.topics.with_untracked(|r| {
                    r.as_ref()
                        .and_then(|r| r.topics.get(k))
                        .map(|t| t.name.clone())
                })
            });
        let rating = t.satisfaction.map(t::rating).unwrap_or_else(|| "—".into());
        view! {
            <tr>
                <td><a href=app_href(&format!("/tickets/{}", t.meta.id))>{t.subject.clone()}</a></td>
                <td><a href=app_href(&format!("/customers/{}", t.customer_id))>{who}</a></td>
                <td><span class=status_class(t.status)>{t.status.display()}</span></td>
                <td><span class=priority_class(t.priority)>{t.priority.display()}</span></td>
                <td class="num">{local_time(t.opened_at)}</td>
                <td class="num">{rating}</td>
                <td>{topic_name.unwrap_or_default()}</td>
            </tr>
        }
    };

    view! {
        <PageHeader title=t::title() subtitle=t::subtitle()>
            <a class="button primary" href=app_href("/tickets/new")>{t::new_ticket()}</a>
        </PageHeader>
        <Transition fallback=|| view! { <p class="muted">{t::loading()}</p> }>
            {move || tickets.get().map(|result| match result {
                Err(e) => view! { <p class="error" role="alert">{e.user_message()}</p> }.into_any(),
                Ok(None) => view! { <p class="muted">{t::opening_database()}</p> }.into_any(),
                Ok(Some(all)) if all.is_empty() => view! {
                    <EmptyState icon="✉" title=t::empty_title()>
                        <p>
                            {t::empty_before_new()}<strong>{t::new_ticket()}</strong>{t::empty_before_dashboard()}
                            <a href=app_href("/")>{shell::nav_dashboard()}</a>{t::empty_after_dashboard()}
                        </p>
                    </EmptyState>
                }.into_any(),
                Ok(Some(all)) => view! {
                    <div class="toolbar">
                        <SearchBox label=t::search() query=query page=page/>
                        <ChoiceFilter label=common::status() choices=TicketStatus::ALL name=TicketStatus::label value=status page=page/>
                        <ChoiceFilter label=t::priority() choices=Priority::ALL name=Priority::label value=priority page=page/>
                        <TopicFilter topic=topic page=page/>
                    </div>
                    <JobProgress job=topic_job label=t::finding_topics()/>
                    {
                        let all = all.clone();
                        move || {
                            let found = matching.get();
                            if found.is_empty() {
                                return view! { <p class="muted" role="status">{t::no_match()}</p> }.into_any();
                            }
                            let window = PageWindow::of(found.len(), page.get(), PAGE_SIZE);
                            let pages = window.pages;
                            let rows: Vec<Ticket> = found[window.start..window.end].iter().map(|&i| all[i].clone()).collect();
                            view! {
                                <p class="result-count" role="status">{window.summary()}</p>
                                <div class="card table-card">
                                    <table class="tickets-table">
                                        <thead>
                                            <tr>
                                                <th scope="col">{t::subject()}</th>
                                                <th scope="col">{common::customer()}</th>
                                                <th scope="col">{common::status()}</th>
                                                <th scope="col">{t::priority()}</th>
                                                <th scope="col" class="num">{t::opened()}</th>
                                                <th scope="col" class="num">{t::satisfaction()}</th>
                                                <th scope="col">{t::topic()}</th>
                                            </tr>
                                        </thead>
                                        <tbody>{rows.into_iter().map(row).collect_view()}</tbody>
                                    </table>
                                </div>
                                <Pager page=page pages=pages label=t::pages()/>
                            }.into_any()
                        }
                    }
                }.into_any(),
            })}
        </Transition>
    }
}

/// Keeps `state.topics` current: finds the tickets' topics in the worker
/// (with the number of topics last chosen on the Analytics page, or one
/// suited to the number of tickets) whenever the tickets change.
pub(crate) fn find_topics(state: AppState, job: JobState) {
    Effect::new(move |_| {
        state.track(Collection::Tickets);
        let k = state.topic_count.get();
        if state.status.get() != crate::ui::state::StoreStatus::Ready {
            return;
        }
        job.run::<TopicsJob>(TopicsInput { k }, move |report| {
            state.topics.set(Some(report))
        });
    });
    on_cleanup(move || job.cancel());
}

/// The "Topic" filter: the topics found, named by their top terms.
#[component]
fn TopicFilter(topic: RwSignal<Option<usize>>, page: RwSignal<usize>) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <label class="field-inline">
            <span class="sr-only">{t::topic()}</span>
            <select aria-label=t::topic() on:change=move |ev| {
                topic.set(event_target_value(&ev).parse().ok());
                page.set(0);
            }>
                <option value="" selected=move || topic.get().is_none()>{t::all_topics()}</option>
                {move || state.topics.get().map(|r| r.topics.iter().enumerate().map(|(k, t)| view! {
                    <option value=k.to_string() selected=move || topic.get() == Some(k)>{format!("{} ({})", t.name, t.size)}</option>
                }).collect_view())}
            </select>
        </label>
    }
}
