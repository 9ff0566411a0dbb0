//! "At a glance": what a customer has bought and is worth — lifetime spend
//! per currency, purchases, average order, first and last purchase, days
//! since, RFM scores and segment, predicted 12-month value, propensity,
//! open deals and tickets, a small spend-per-month chart — and the
//! products to offer them next, with the reason. The figures are the
//! core's (`insight::customer_summaries` over this customer's orders; RFM
//! and lifetime value from the worker's store-wide overview).

use crate::charts::BarChart;
use crate::insight::{customer_summaries, CustomerSummary, Recommendation};
use crate::jobs::insight::RecommendInput;
use crate::jobs::RecommendJob;
use crate::model::{Deal, Id, Order, Record, Ticket, TicketStatus};
use crate::store::{Collection, Store, StoreError};
use crate::ui::components::{thousands, Chart, ChartSpec, JobState};
use crate::ui::pages::dashboard_charts::month_label;
use crate::ui::state::{now_ms, AppState};
use leptos::prelude::*;
use rapport_core::i18n::{components as kinds, customer as t};

/// What the card reads from the store for one customer.
#[derive(Clone)]
struct Glance {
    summary: Option<CustomerSummary>,
    open_deals: usize,
    open_deal_value: f64,
    open_tickets: usize,
}

async fn load(state: AppState, customer: Id) -> Result<Glance, StoreError> {
    let store = state.store()?;
    let orders: Vec<Order> = store.for_customer(customer).await?;
    let today = crate::model::date_of(now_ms());
    let summary = customer_summaries(&orders, today).remove(&customer);
    let deals: Vec<Deal> = store.for_customer(customer).await?;
    let open: Vec<&Deal> = deals
        .iter()
        .filter(|d| !d.is_deleted() && !d.is_closed())
        .collect();
    let tickets: Vec<Ticket> = store.for_customer(customer).await?;
    Ok(Glance {
        summary,
        open_deals: open.len(),
        open_deal_value: open.iter().map(|d| d.value).sum(),
        open_tickets: tickets
            .iter()
            .filter(|t| !t.is_deleted() && t.status != TicketStatus::Solved)
            .count(),
    })
}

fn money(amount: f64, currency: &str) -> String {
    format!("{} {currency}", crate::format::money(amount))
}

fn figure(label: &'static str, value: String) -> impl IntoView {
    view! {
        <div class="glance-figure">
            <dt>{label}</dt>
            <dd>{value}</dd>
        </div>
    }
}

fn spend_chart(summary: &CustomerSummary) -> ChartSpec {
    ChartSpec::Bars(BarChart {
        title: t::spend_per_month(summary.main_currency.clone()),
        category_label: t::month().into(),
        value_label: summary.main_currency.clone(),
        bars: summary
            .monthly
            .iter()
            .map(|m| (month_label(m.month), m.amount))
            .collect(),
        horizontal: false,
    })
}

/// The customer's "At a glance" card.
#[component]
pub fn AtAGlance(customer: Id) -> impl IntoView {
    let state = expect_context::<AppState>();
    let glance = state.store_resource(
        &[Collection::Orders, Collection::Deals, Collection::Tickets],
        move |state| load(state, customer),
    );
    let scores = move || {
        state
            .insight
            .with(|o| o.as_ref().and_then(|o| o.customer(&customer).cloned()))
    };
    let likelihood = move || {
        state.index_revision.track();
        state.with_index(|i| i.get(&customer).and_then(|r| r.likelihood))
    };
    view! {
        <section class="card glance" aria-labelledby="glance-heading">
            <h2 id="glance-heading">{t::at_a_glance()}</h2>
            <Transition fallback=|| view! { <p class="muted">{t::adding_up()}</p> }>
                {move || glance.get().map(|result| match result {
                    Err(e) => view! { <p class="error" role="alert">{e.user_message()}</p> }.into_any(),
                    Ok(None) => ().into_any(),
                    Ok(Some(g)) => view! {
                        <dl class="glance-figures">
                            {match &g.summary {
                                Some(s) => view! {
                                    {figure(t::lifetime_spend(), s.spend.iter().map(|(c, a)| money(*a, c)).collect::<Vec<_>>().join(" · "))}
                                    {figure(t::purchases(), thousands(s.orders))}
                                    {figure(t::average_order(), money(s.average_order, &s.main_currency))}
                                    {figure(t::first_purchase(), crate::format::date(s.first_order))}
                                    {figure(t::last_purchase(), crate::format::date(s.last_order))}
                                    {figure(t::days_since_last(), thousands(s.days_since_last.max(0) as usize))}
                                }.into_any(),
                                None => view! { {figure(t::purchases(), t::none_yet().to_string())} }.into_any(),
                            }}
                            {move || scores().map(|c| view! {
                                {figure(t::rfm_scores(), format!("{} {} {}", c.rfm.0, c.rfm.1, c.rfm.2))}
                                {figure(t::rfm_segment(), kinds::rfm_segment(c.segment).to_string())}
                                {c.predicted_value.map(|v| figure(t::predicted(), money(v, &c.currency)))}
                                {c.probability_alive.map(|p| figure(t::chance_alive(), format!("{:.0}%", p * 100.0)))}
                            })}
                            {move || likelihood().map(|p| figure(t::likelihood(), format!("{:.0}%", p * 100.0)))}
                            {figure(t::open_deals(), format!("{} ({})", thousands(g.open_deals), crate::format::money(g.open_deal_value)))}
                            {figure(t::open_tickets(), thousands(g.open_tickets))}
                        </dl>
                        {g.summary.as_ref().filter(|s| !s.monthly.is_empty()).map(|s| view! {
                            <Chart spec=Signal::stored(spend_chart(s)) height=180/>
                        })}
                        {g.summary.is_some().then(|| view! { <Recommendations customer=customer/> })}
                    }.into_any(),
                })}
            </Transition>
        </section>
    }
}

/// Products to offer next, from what customers who bought the same things
/// bought (computed in the worker).
#[component]
fn Recommendations(customer: Id) -> impl IntoView {
    let job = JobState::new();
    let found = RwSignal::new(None::<Vec<Recommendation>>);
    job.run::<RecommendJob>(
        RecommendInput {
            customer_id: customer,
            k: 5,
        },
        move |r| found.set(Some(r)),
    );
    view! {
        <h3>{t::recommended()}</h3>
        {move || job.error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        {move || match found.get() {
            None => view! { <p class="muted">{t::comparing()}</p> }.into_any(),
            Some(list) if list.is_empty() => view! {
                <p class="muted">{t::nothing_to_recommend()}</p>
            }.into_any(),
            Some(list) => view! {
                <ul class="plain-list recommendations" aria-label=t::recommended()>
                    {list.into_iter().map(|r| {
                        let because = r.because.iter().map(|(p, _)| p.as_str()).collect::<Vec<_>>().join(", ");
                        view! {
                            <li>
                                <strong>{r.product.clone()}</strong>
                                " "
                                <span class="muted">{t::because_bought(because, format!("{:.2}", r.score))}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any(),
        }}
    }
}
