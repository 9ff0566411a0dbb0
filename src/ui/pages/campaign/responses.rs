//! The member table of a campaign: opened / clicked / converted per member,
//! 50 at a time, kept as a draft until "Save responses" writes them in one
//! version-checked change.

use std::collections::{HashMap, HashSet};

use crate::model::{Campaign, Id};
use crate::ops;
use crate::search::page::PageWindow;
use crate::search::ListQuery;
use crate::ui::base_path::app_href;
use crate::ui::components::{thousands, FormState, Pager, SaveError, SearchBox};
use crate::ui::state::{customer_name, now_ms, AppState};
use leptos::prelude::*;
use rapport_core::i18n::{campaigns as t, common};

/// Members shown per page of the response table.
const PAGE_SIZE: usize = 50;

/// One member's recorded response.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Response {
    pub(super) opened: bool,
    pub(super) clicked: bool,
    pub(super) converted: bool,
}

#[component]
pub(super) fn Responses(
    campaign: Campaign,
    search: RwSignal<String>,
    page: RwSignal<usize>,
    draft: RwSignal<HashMap<Id, Response>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let stored: HashMap<Id, Response> = campaign
        .members
        .iter()
        .map(|m| {
            (
                m.customer_id,
                Response {
                    opened: m.opened,
                    clicked: m.clicked,
                    converted: m.converted,
                },
            )
        })
        .collect();
    let member_count = campaign.members.len();
    let stored = StoredValue::new(stored);
    let campaign = StoredValue::new(campaign);
    // Drop draft entries that now match what is saved (e.g. after another
    // tab saved the same ticks).
    draft.update_untracked(|d| d.retain(|id, r| stored.with_value(|s| s.get(id) != Some(r))));

    // Members matching the search, in name order (via the index's cached
    // ranking); members whose customer is gone come last when not searching.
    let matches = Memo::new(move |_| {
        state.index_revision.track();
        let text = search.get();
        stored.with_value(|members| {
            let mut ids: Vec<Id> = state.with_index(|i| {
                i.query(&ListQuery {
                    text: text.clone(),
                    ..ListQuery::default()
                })
                .into_iter()
                .filter(|id| members.contains_key(id))
                .collect()
            });
            if text.trim().is_empty() && ids.len() < members.len() {
                let shown: HashSet<Id> = ids.iter().copied().collect();
                campaign.with_value(|c| {
                    ids.extend(
                        c.members
                            .iter()
                            .map(|m| m.customer_id)
                            .filter(|id| !shown.contains(id)),
                    )
                });
            }
            ids
        })
    });
    let window = move || PageWindow::of(matches.with(Vec::len), page.get(), PAGE_SIZE);
    let pages = move || window().pages;
    let rows = move || {
        let w = window();
        matches.with(|ids| ids[w.start..w.end].to_vec())
    };
    let response_of = move |id: Id| {
        draft
            .with(|d| d.get(&id).copied())
            .unwrap_or_else(|| stored.with_value(|s| s.get(&id).copied().unwrap_or_default()))
    };
    let set = move |id: Id, change: fn(&mut Response, bool), value: bool| {
        let mut r = response_of(id);
        change(&mut r, value);
        let saved = stored.with_value(|s| s.get(&id).copied().unwrap_or_default());
        draft.update(|d| {
            if r == saved {
                d.remove(&id);
            } else {
                d.insert(id, r);
            }
        });
    };

    let form = FormState::new();
    let FormState {
        save_error, saving, ..
    } = form;
    let save = move |_| {
        let edits = draft.get_untracked();
        if edits.is_empty() || saving.get_untracked() {
            return;
        }
        let responses: Vec<(Id, ops::sales::Response)> = edits
            .iter()
            .map(|(id, r)| {
                let response = ops::sales::Response {
                    opened: r.opened,
                    clicked: r.clicked,
                    converted: r.converted,
                };
                (*id, response)
            })
            .collect();
        let changes = ops::sales::record_responses(&campaign.get_value(), &responses, now_ms());
        state.submit(changes, true, form, move || draft.set(HashMap::new()));
    };
    let pending = move || draft.with(HashMap::len);

    let check = move |id: Id,
                      name: String,
                      label: fn(String) -> String,
                      get: fn(&Response) -> bool,
                      change: fn(&mut Response, bool)| {
        view! {
            <td class="check">
                <input
                    type="checkbox"
                    aria-label=label(name)
                    prop:checked=move || get(&response_of(id))
                    on:change=move |ev| set(id, change, event_target_checked(&ev))
                />
            </td>
        }
    };

    view! {
        <section class="card" aria-labelledby="responses-heading">
            <h2 id="responses-heading">{t::responses()}</h2>
            {if member_count == 0 {
                view! { <p class="muted">{t::no_responses()}</p> }.into_any()
            } else {
                view! {
                    <div class="toolbar">
                        <SearchBox label=t::search_members() query=search page=page/>
                        <span class="result-count" aria-live="polite">{move || {
                            let n = matches.with(Vec::len);
                            if n == member_count {
                                t::member_count(thousands(member_count))
                            } else {
                                t::members_found(thousands(n), thousands(member_count))
                            }
                        }}</span>
                        <button type="button" on:click=move |_| draft.set(HashMap::new()) disabled=move || pending() == 0>
                            {t::discard_changes()}
                        </button>
                        <button class="primary" type="button" on:click=save disabled=move || pending() == 0 || saving.get()>
                            {move || match (saving.get(), pending()) {
                                (true, _) => t::saving().to_string(),
                                (false, 0) => t::save_responses().to_string(),
                                (false, 1) => t::save_one_change().to_string(),
                                (false, n) => t::save_changes(thousands(n)),
                            }}
                        </button>
                    </div>
                    <SaveError error=save_error/>
                    <div class="campaign-table-wrap">
                        <table class="campaign-table responses">
                            <caption class="sr-only">{t::members_caption()}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{common::customer()}</th>
                                    <th scope="col" class="check">{t::opened()}</th>
                                    <th scope="col" class="check">{t::clicked()}</th>
                                    <th scope="col" class="check">{t::converted()}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {move || {
                                    let ids = rows();
                                    if ids.is_empty() {
                                        return view! {
                                            <tr><td colspan="4" class="muted">{t::no_member_match()}</td></tr>
                                        }.into_any();
                                    }
                                    ids.into_iter().map(|id| {
                                        let name = customer_name(&state, &id);
                                        let changed = move || draft.with(|d| d.contains_key(&id));
                                        view! {
                                            <tr class:changed=changed>
                                                <td><a href=app_href(&format!("/customers/{id}"))>{name.clone()}</a></td>
                                                {check(id, name.clone(), t::member_opened, |r| r.opened, |r, v| r.opened = v)}
                                                {check(id, name.clone(), t::member_clicked, |r| r.clicked, |r, v| r.clicked = v)}
                                                {check(id, name, t::member_converted, |r| r.converted, |r, v| r.converted = v)}
                                            </tr>
                                        }
                                    }).collect_view().into_any()
                                }}
                            </tbody>
                        </table>
                    </div>
                    {move || view! { <Pager page=page pages=pages() label=t::member_pages()/> }}
                }.into_any()
            }}
        </section>
    }
}
