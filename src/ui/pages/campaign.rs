//! One campaign (`/campaigns/:id`): its plan, the responses of its members
//! (opened / clicked / converted, recorded in a paginated table and saved as
//! one batch with a version check), and its evaluation from
//! [`crate::analytics::campaigns::evaluate`].
//!
//! A campaign can have tens of thousands of members, so the table shows 50 at
//! a time, searched through the customer index; edits are kept as a draft
//! until "Save responses". The orders of the converted members are read once
//! per change of who converted (per customer when they are few, in one pass
//! over all orders when they are many), not on every render or save.

use std::collections::{HashMap, HashSet};

use super::campaigns::{money, percent, phase};
use crate::analytics::campaigns::{evaluate, CampaignEvaluation};
use crate::model::{date_of, Campaign, Id, Order, Record};
use crate::search::ListQuery;
use crate::store::{ChangeSet, Store, StoreError};
use crate::ui::base_path::app_href;
use crate::ui::components::{thousands, SaveError};
use crate::ui::state::{customer_name, now_ms, AppState, StoreStatus};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// Members shown per page of the response table.
const PAGE_SIZE: usize = 50;
/// Up to this many converted members, their orders are read one customer at
/// a time through the `by_customer` index; above it, one pass over every
/// order is cheaper.
const PER_CUSTOMER_READS: usize = 300;

/// What the page found.
#[derive(Clone)]
enum Loaded {
    /// The store is still opening.
    Opening,
    /// No such campaign (or not a valid id).
    Missing,
    /// The campaign.
    Found(Campaign),
}

/// One member's recorded response.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
struct Response {
    opened: bool,
    clicked: bool,
    converted: bool,
}

async fn load(state: AppState, id: Option<Id>, ready: bool) -> Result<Loaded, StoreError> {
    if !ready {
        return Ok(Loaded::Opening);
    }
    let Some(id) = id else {
        return Ok(Loaded::Missing);
    };
    Ok(match state.store()?.get::<Campaign>(id).await? {
        Some(c) if !c.is_deleted() => Loaded::Found(c),
        _ => Loaded::Missing,
    })
}

/// The orders of `customers` (any status; [`evaluate`] picks).
async fn load_orders(state: AppState, customers: Vec<Id>) -> Result<Vec<Order>, StoreError> {
    if customers.is_empty() {
        return Ok(Vec::new());
    }
    let store = state.store()?;
    if customers.len() <= PER_CUSTOMER_READS {
        let mut out = Vec::new();
        for id in customers {
            out.extend(store.for_customer::<Order>(id).await?);
        }
        Ok(out)
    } else {
        let wanted: HashSet<Id> = customers.into_iter().collect();
        Ok(store
            .all::<Order>()
            .await?
            .into_iter()
            .filter(|o| wanted.contains(&o.customer_id))
            .collect())
    }
}

/// `/campaigns/:id`.
#[component]
pub fn CampaignPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<Id>().ok())));
    let campaign = LocalResource::new(move || {
        state.track("campaigns");
        let ready = state.status.get() == StoreStatus::Ready;
        load(state, id.get(), ready)
    });
    // Who converted, as saved: the orders are re-read only when this changes.
    let converted = Memo::new(move |_| {
        campaign.with(|c| match c {
            Some(Ok(Loaded::Found(c))) => {
                let mut ids: Vec<Id> = c
                    .members
                    .iter()
                    .filter(|m| m.converted)
                    .map(|m| m.customer_id)
                    .collect();
                ids.sort_unstable();
                Some(ids)
            }
            _ => None,
        })
    });
    let orders = LocalResource::new(move || {
        let ids = converted.get();
        async move {
            match ids {
                Some(ids) => load_orders(state, ids).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let evaluation = Memo::new(move |_| -> Option<Result<CampaignEvaluation, String>> {
        campaign.with(|c| {
            let Some(Ok(Loaded::Found(c))) = c else {
                return None;
            };
            orders.with(|o| match o {
                Some(Ok(Some(orders))) => Some(Ok(evaluate(c, orders))),
                Some(Err(e)) => Some(Err(e.user_message())),
                _ => None,
            })
        })
    });

    // Kept here, outside the reloading part, so a save elsewhere does not
    // reset the page, the search or unsaved ticks.
    let search = RwSignal::new(String::new());
    let page = RwSignal::new(0usize);
    let draft = RwSignal::new(HashMap::<Id, Response>::new());
    // A different campaign starts clean.
    Effect::new(move |previous: Option<Option<Id>>| {
        let current = id.get();
        if previous.is_some_and(|p| p != current) {
            draft.set(HashMap::new());
            search.set(String::new());
            page.set(0);
        }
        current
    });

    view! {
        <Transition fallback=|| view! { <p class="muted">"Loading the campaign…"</p> }>
            {move || campaign.get().map(|result| match result {
                Err(e) => view! {
                    <Header title="Campaign".into() subtitle=String::new()/>
                    <p class="error" role="alert">{e.user_message()}</p>
                }.into_any(),
                Ok(Loaded::Opening) => view! {
                    <Header title="Campaign".into() subtitle=String::new()/>
                    <p class="muted">"Opening the database…"</p>
                }.into_any(),
                Ok(Loaded::Missing) => view! {
                    <Header title="Campaign not found".into() subtitle="It may have been deleted, or the link is wrong.".into()/>
                    <p><a href=app_href("/campaigns")>"Back to all campaigns"</a></p>
                }.into_any(),
                Ok(Loaded::Found(c)) => {
                    let (phase_label, _) = phase(&c, date_of(now_ms()));
                    let window = format!("{} to {}", c.start, c.end);
                    let subtitle = format!(
                        "{} · {} – {} · budget {} · {}",
                        c.channel.label(), c.start, c.end, money(c.budget), phase_label
                    );
                    view! {
                        <Header title=c.name.clone() subtitle/>
                        <Evaluation window budget=c.budget evaluation/>
                        <Responses campaign=c search page draft/>
                    }.into_any()
                }
            })}
        </Transition>
    }
}

/// The page's heading (its one `<h1>`) with a way back to the list.
#[component]
fn Header(title: String, subtitle: String) -> impl IntoView {
    view! {
        <header class="page-header">
            <div>
                <p class="breadcrumb"><a href=app_href("/campaigns")>"Campaigns"</a></p>
                <h1>{title}</h1>
                {(!subtitle.is_empty()).then(|| view! { <p class="page-subtitle">{subtitle}</p> })}
            </div>
        </header>
    }
}

#[component]
fn Evaluation(
    /// The campaign's dates, as words ("2024-03-01 to 2024-03-31").
    window: String,
    budget: f64,
    evaluation: Memo<Option<Result<CampaignEvaluation, String>>>,
) -> impl IntoView {
    let kpi = |label: &'static str, value: String| {
        view! {
            <div class="kpi">
                <span class="kpi-label">{label}</span>
                <span class="kpi-value">{value}</span>
            </div>
        }
    };
    view! {
        <section class="card" aria-labelledby="evaluation-heading">
            <h2 id="evaluation-heading">"Evaluation"</h2>
            {move || match evaluation.get() {
                None => view! { <p class="muted">"Adding up the orders of converted members…"</p> }.into_any(),
                Some(Err(message)) => view! { <p class="error" role="alert">{message}</p> }.into_any(),
                Some(Ok(e)) if e.members == 0 => view! {
                    <p class="muted">"This campaign has no members, so there is nothing to evaluate. \
                        Plan a new campaign with an audience that has customers in it."</p>
                }.into_any(),
                Some(Ok(e)) => {
                    let roas = e.return_on_spend.map_or_else(|| "—".to_string(), |r| format!("{r:.2}×"));
                    let cpc = e.cost_per_conversion.map_or_else(|| "—".to_string(), money);
                    let mixed = (e.currencies.len() > 1).then(|| view! {
                        <p class="notice">{format!(
                            "The orders are in several currencies ({}); their totals are added as they are, without conversion.",
                            e.currencies.join(", ")
                        )}</p>
                    });
                    let orders_note = format!(
                        "Revenue counts the orders and contracts (not quotes or cancelled orders) of converted members dated {window}, both days included: {} {} from {} {}.",
                        thousands(e.revenue_orders),
                        if e.revenue_orders == 1 { "order" } else { "orders" },
                        thousands(e.buying_members),
                        if e.buying_members == 1 { "customer" } else { "customers" },
                    );
                    let spend_note = if budget > 0.0 {
                        "Return on spend is revenue divided by the budget: above 1× the campaign brought in more than it cost."
                    } else {
                        "The budget is zero, so there is no return on spend to compute."
                    };
                    view! {
                        <div class="kpis">
                            {kpi("Members", thousands(e.members))}
                            {kpi("Response rate (opened)", percent(e.response_rate))}
                            {kpi("Click rate", percent(e.click_rate))}
                            {kpi("Conversion rate", percent(e.conversion_rate))}
                            {kpi("Cost per conversion", cpc)}
                            {kpi("Revenue in the window", money(e.revenue))}
                            {kpi("Return on spend", roas)}
                        </div>
                        <p class="muted">{format!(
                            "{} opened, {} clicked, {} converted. {}",
                            thousands(e.opened), thousands(e.clicked), thousands(e.converted),
                            if e.converted == 0 { "Nobody is marked converted yet, so there is no cost per conversion." } else { "" },
                        )}</p>
                        <p class="muted">{orders_note}</p>
                        <p class="muted">{spend_note}</p>
                        {mixed}
                    }.into_any()
                }
            }}
            <p class="muted evaluation-footnote">"Based on saved responses; unsaved ticks below are not counted yet."</p>
        </section>
    }
}

#[component]
fn Responses(
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
    let pages = move || matches.with(Vec::len).div_ceil(PAGE_SIZE).max(1);
    let current_page = move || page.get().min(pages() - 1);
    let rows = move || {
        let p = current_page();
        matches.with(|ids| {
            ids.iter()
                .skip(p * PAGE_SIZE)
                .take(PAGE_SIZE)
                .copied()
                .collect::<Vec<_>>()
        })
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

    let saving = RwSignal::new(false);
    let save_error = RwSignal::new(None::<(String, bool)>);
    let save = move |_| {
        let edits = draft.get_untracked();
        if edits.is_empty() || saving.get_untracked() {
            return;
        }
        let mut updated = campaign.get_value();
        for m in &mut updated.members {
            if let Some(r) = edits.get(&m.customer_id) {
                m.opened = r.opened;
                m.clicked = r.clicked;
                m.converted = r.converted;
            }
        }
        updated.touch(now_ms());
        let n = edits.len();
        let mut changes = ChangeSet::new(format!(
            "Saved the responses of {} {} to “{}”",
            thousands(n),
            if n == 1 { "member" } else { "members" },
            updated.name
        ));
        if let Err(e) = changes.update(&updated) {
            save_error.set(Some((e.user_message(), false)));
            return;
        }
        state.save(changes, true, save_error, Some(saving), move || {
            draft.set(HashMap::new())
        });
    };
    let pending = move || draft.with(HashMap::len);

    let check = move |id: Id,
                      name: String,
                      what: &'static str,
                      get: fn(&Response) -> bool,
                      change: fn(&mut Response, bool)| {
        view! {
            <td class="check">
                <input
                    type="checkbox"
                    aria-label=format!("{name} {what}")
                    prop:checked=move || get(&response_of(id))
                    on:change=move |ev| set(id, change, event_target_checked(&ev))
                />
            </td>
        }
    };

    view! {
        <section class="card" aria-labelledby="responses-heading">
            <h2 id="responses-heading">"Responses"</h2>
            {if member_count == 0 {
                view! { <p class="muted">"No members: this campaign reached nobody. Plan a campaign with an audience from the Campaigns page."</p> }.into_any()
            } else {
                view! {
                    <div class="toolbar">
                        <input
                            class="search"
                            type="search"
                            aria-label="Search members by name"
                            placeholder="Search members by name…"
                            prop:value=move || search.get()
                            on:input=move |ev| {
                                search.set(event_target_value(&ev));
                                page.set(0);
                            }
                        />
                        <span class="result-count" aria-live="polite">{move || {
                            let n = matches.with(Vec::len);
                            if n == member_count {
                                format!("{} members", thousands(member_count))
                            } else {
                                format!("{} of {} members", thousands(n), thousands(member_count))
                            }
                        }}</span>
                        <button type="button" on:click=move |_| draft.set(HashMap::new()) disabled=move || pending() == 0>
                            "Discard changes"
                        </button>
                        <button class="primary" type="button" on:click=save disabled=move || pending() == 0 || saving.get()>
                            {move || match (saving.get(), pending()) {
                                (true, _) => "Saving…".to_string(),
                                (false, 0) => "Save responses".to_string(),
                                (false, 1) => "Save responses (1 change)".to_string(),
                                (false, n) => format!("Save responses ({} changes)", thousands(n)),
                            }}
                        </button>
                    </div>
                    <SaveError error=save_error/>
                    <div class="campaign-table-wrap">
                        <table class="campaign-table responses">
                            <caption class="sr-only">"Campaign members and their responses"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Customer"</th>
                                    <th scope="col" class="check">"Opened"</th>
                                    <th scope="col" class="check">"Clicked"</th>
                                    <th scope="col" class="check">"Converted"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {move || {
                                    let ids = rows();
                                    if ids.is_empty() {
                                        return view! {
                                            <tr><td colspan="4" class="muted">"No member matches this search."</td></tr>
                                        }.into_any();
                                    }
                                    ids.into_iter().map(|id| {
                                        let name = customer_name(&state, &id);
                                        let changed = move || draft.with(|d| d.contains_key(&id));
                                        view! {
                                            <tr class:changed=changed>
                                                <td><a href=app_href(&format!("/customers/{id}"))>{name.clone()}</a></td>
                                                {check(id, name.clone(), "opened", |r| r.opened, |r, v| r.opened = v)}
                                                {check(id, name.clone(), "clicked", |r| r.clicked, |r, v| r.clicked = v)}
                                                {check(id, name, "converted", |r| r.converted, |r, v| r.converted = v)}
                                            </tr>
                                        }
                                    }).collect_view().into_any()
                                }}
                            </tbody>
                        </table>
                    </div>
                    <nav class="campaign-pager" aria-label="Member pages">
                        <button type="button" aria-label="Previous page" disabled=move || current_page() == 0
                            on:click=move |_| page.set(current_page().saturating_sub(1))>"‹ Previous"</button>
                        <span aria-live="polite">{move || format!("Page {} of {}", current_page() + 1, thousands(pages()))}</span>
                        <button type="button" aria-label="Next page" disabled=move || current_page() + 1 >= pages()
                            on:click=move |_| page.set(current_page() + 1)>"Next ›"</button>
                    </nav>
                }.into_any()
            }}
        </section>
    }
}
