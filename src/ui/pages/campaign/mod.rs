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
use crate::store::{Collection, Store, StoreError};
use crate::ui::base_path::app_href;
use crate::ui::components::thousands;
use crate::ui::state::{now_ms, AppState};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use rapport_core::i18n::campaigns as t;
use responses::{Response, Responses};

mod responses;

/// Up to this many converted members, their orders are read one customer at
/// a time through the `by_customer` index; above it, one pass over every
/// order is cheaper.
const PER_CUSTOMER_READS: usize = 300;

/// What the page found.
#[derive(Clone)]
enum Loaded {
    /// No such campaign (or not a valid id).
    Missing,
    /// The campaign.
    Found(Campaign),
}

async fn load(state: AppState, id: Option<Id>) -> Result<Loaded, StoreError> {
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
            .all_in_slices::<Order>()
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
    let campaign =
        state.store_resource(&[Collection::Campaigns], move |state| load(state, id.get()));
    // Who converted, as saved: the orders are re-read only when this changes.
    let converted = Memo::new(move |_| {
        campaign.with(|c| match c {
            Some(Ok(Some(Loaded::Found(c)))) => {
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
            let Some(Ok(Some(Loaded::Found(c)))) = c else {
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
        <Transition fallback=|| view! { <p class="muted">{t::loading_campaign()}</p> }>
            {move || campaign.get().map(|result| match result {
                Err(e) => view! {
                    <Header title=t::campaign().into() subtitle=String::new()/>
                    <p class="error" role="alert">{e.user_message()}</p>
                }.into_any(),
                Ok(None) => view! {
                    <Header title=t::campaign().into() subtitle=String::new()/>
                    <p class="muted">{t::opening_database()}</p>
                }.into_any(),
                Ok(Some(Loaded::Missing)) => view! {
                    <Header title=t::not_found().into() subtitle=t::not_found_hint().into()/>
                    <p><a href=app_href("/campaigns")>{t::back()}</a></p>
                }.into_any(),
                Ok(Some(Loaded::Found(c))) => {
                    let (phase_label, _) = phase(&c, date_of(now_ms()));
                    let (from, to) = (crate::format::date(c.start), crate::format::date(c.end));
                    let window = t::window(from.clone(), to.clone());
                    let subtitle = t::page_subtitle(
                        c.channel.display().to_string(), from, to, money(c.budget), phase_label.to_string(),
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
                <p class="breadcrumb"><a href=app_href("/campaigns")>{t::title()}</a></p>
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
            <h2 id="evaluation-heading">{t::evaluation()}</h2>
            {move || match evaluation.get() {
                None => view! { <p class="muted">{t::adding_up()}</p> }.into_any(),
                Some(Err(message)) => view! { <p class="error" role="alert">{message}</p> }.into_any(),
                Some(Ok(e)) if e.members == 0 => view! {
                    <p class="muted">{t::no_members()}</p>
                }.into_any(),
                Some(Ok(e)) => {
                    let roas = e.return_on_spend.map_or_else(|| "—".to_string(), |r| format!("{r:.2}×"));
                    let cpc = e.cost_per_conversion.map_or_else(|| "—".to_string(), money);
                    let mixed = (e.currencies.len() > 1).then(|| view! {
                        <p class="notice">{t::several_currencies(e.currencies.join(", "))}</p>
                    });
                    let orders = thousands(e.revenue_orders);
                    let orders = if e.revenue_orders == 1 { t::orders_one(orders) } else { t::orders_many(orders) };
                    let buyers = thousands(e.buying_members);
                    let buyers = if e.buying_members == 1 { t::customers_one(buyers) } else { t::customers_many(buyers) };
                    let orders_note = t::revenue_note(window.clone(), orders, buyers);
                    let spend_note = if budget > 0.0 {
                        t::spend_note()
                    } else {
                        t::no_budget()
                    };
                    view! {
                        <div class="kpis">
                            {kpi(t::members(), thousands(e.members))}
                            {kpi(t::response_rate(), percent(e.response_rate))}
                            {kpi(t::click_rate(), percent(e.click_rate))}
                            {kpi(t::conversion_rate(), percent(e.conversion_rate))}
                            {kpi(t::cost_per_conversion(), cpc)}
                            {kpi(t::revenue_in_window(), money(e.revenue))}
                            {kpi(t::return_on_spend(), roas)}
                        </div>
                        <p class="muted">{t::funnel(
                            thousands(e.opened), thousands(e.clicked), thousands(e.converted),
                            if e.converted == 0 { t::nobody_converted() } else { "" }.to_string(),
                        )}</p>
                        <p class="muted">{orders_note}</p>
                        <p class="muted">{spend_note}</p>
                        {mixed}
                    }.into_any()
                }
            }}
            <p class="muted evaluation-footnote">{t::footnote()}</p>
        </section>
    }
}
