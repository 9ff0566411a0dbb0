//! The Dashboard: headline figures and charts of customers, revenue, the
//! pipeline, support and campaigns, and the most recently changed
//! customers; on an empty store, the welcome with "Load demo data". Charts
//! whose data is missing say so instead of showing an empty canvas.

use super::dashboard_charts as charts;
use crate::analytics::dashboard::{summarise, Dashboard, Sources};
use crate::format::whole_money;
use crate::model::{date_of, Campaign, Customer, Deal, Order, Pipeline, Record, Ticket, DAY_MS};
use crate::store::{Collection, Store};
use crate::ui::base_path::app_href;
use crate::ui::components::{thousands, Chart, ChartSpec, DemoLoader, EmptyState, PageHeader};
use crate::ui::pipeline_setting::PipelineSetting;
use crate::ui::state::{now_ms, AppState, StoreStatus};
use leptos::prelude::*;

/// Reads what the Dashboard summarises and summarises it.
async fn load(state: AppState, pipeline: Pipeline) -> Result<Dashboard, String> {
    let store = state.store().map_err(|e| e.user_message())?;
    let orders: Vec<Order> = store.all().await.map_err(|e| e.user_message())?;
    let deals: Vec<Deal> = store.all().await.map_err(|e| e.user_message())?;
    let tickets: Vec<Ticket> = store.all().await.map_err(|e| e.user_message())?;
    let campaigns: Vec<Campaign> = store.all().await.map_err(|e| e.user_message())?;
    let created: Vec<i64> = state.with_index(|index| index.rows().map(|r| r.created_at).collect());
    Ok(summarise(
        Sources {
            customers_created: &created,
            orders: &orders,
            deals: &deals,
            pipeline: &pipeline,
            tickets: &tickets,
            campaigns: &campaigns,
        },
        date_of(now_ms()),
    ))
}

fn revenue_label(d: &Dashboard) -> String {
    match &d.currency {
        Some(code) => format!("Revenue, 12 months ({code})"),
        None => "Revenue, 12 months".to_string(),
    }
}

/// A KPI card.
#[component]
fn Kpi(#[prop(into)] label: String, #[prop(into)] value: Signal<String>) -> impl IntoView {
    view! {
        <div class="kpi"><span class="kpi-label">{label}</span><span class="kpi-value">{value}</span></div>
    }
}

/// A chart card, or its empty-state sentence when `has_data` is false.
#[component]
fn ChartCard(spec: ChartSpec, has_data: bool, empty: &'static str) -> impl IntoView {
    view! {
        <section class="card chart-card">
            {if has_data {
                view! { <Chart spec=Signal::stored(spec)/> }.into_any()
            } else {
                view! {
                    <h2 class="chart-empty-title">{spec.title().to_string()}</h2>
                    <p class="muted chart-empty">{empty}</p>
                }
                .into_any()
            }}
        </section>
    }
}

/// The mean sentiment of notes, emails, meetings and tickets per month,
/// scored in the worker (see `AppState::sentiment`).
#[component]
fn SentimentCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section class="card chart-card">
            {move || match state.sentiment.get() {
                None => view! {
                    <h2 class="chart-empty-title">"Customer sentiment per month"</h2>
                    <p class="muted chart-empty" role="status">"Reading the sentiment of notes and tickets…"</p>
                }.into_any(),
                Some(o) if o.monthly.is_empty() => view! {
                    <h2 class="chart-empty-title">"Customer sentiment per month"</h2>
                    <p class="muted chart-empty">"No note, email, meeting or ticket yet."</p>
                }.into_any(),
                Some(o) => {
                    let flagged = o.recent_negative.len();
                    view! {
                        <Chart spec=Signal::stored(super::text_charts::sentiment_trend("Customer sentiment per month", &o.monthly))/>
                        <p class="muted">
                            {format!("{} texts scored. ", thousands(o.texts))}
                            <a href=app_href("/customers?negative=1")>{format!("{} customers wrote something negative in the last 30 days", thousands(flagged))}</a>
                        </p>
                    }.into_any()
                }
            }}
        </section>
    }
}

fn chart_grid(d: Dashboard, stats: Memo<(usize, usize)>) -> impl IntoView {
    let has_orders = d.revenue_total() > 0.0;
    let has_deals = d.pipeline.iter().any(|(_, _, n)| *n > 0);
    let has_tickets = d.tickets_opened.iter().any(|m| m.value > 0);
    let has_ratings = d.satisfaction.iter().any(|m| m.value.is_some());
    let has_costs = d
        .campaign_costs
        .iter()
        .any(|c| c.cost_per_customer.is_some());
    let other = d.other_currency_orders;
    view! {
        <div class="kpis">
            <Kpi label="Customers" value=Signal::derive(move || thousands(stats.with(|s| s.0)))/>
            <Kpi label="New in the last 30 days" value=Signal::derive(move || thousands(stats.with(|s| s.1)))/>
            <Kpi label=revenue_label(&d) value=whole_money(d.revenue_total())/>
            <Kpi label="Open pipeline" value=whole_money(d.open_pipeline_value)/>
            <Kpi label="Open tickets" value=thousands(d.open_tickets)/>
            <Kpi label="Average satisfaction" value=d.average_satisfaction.map_or("–".to_string(), |s| format!("{s:.2} / 5"))/>
            <Kpi label="Repeat-purchase rate" value=d.repeat_purchase_rate().map_or("–".to_string(), |r| format!("{:.0} %", r * 100.0))/>
        </div>
        {(other > 0).then(|| view! {
            <p class="muted small">{format!("{} orders in other currencies are not in the revenue figures.", thousands(other))}</p>
        })}
        <div class="chart-grid">
            <ChartCard spec=charts::new_customers(&d) has_data=d.new_customers.iter().any(|m| m.value > 0) empty="No customer was added in the last twelve months."/>
            <ChartCard spec=charts::revenue(&d) has_data=has_orders empty="No orders in the last twelve months. Revenue appears here once orders are recorded."/>
            <ChartCard spec=charts::pipeline(&d) has_data=has_deals empty="No deals yet. Add deals on a customer's page to see the pipeline."/>
            <ChartCard spec=charts::tickets(&d) has_data=has_tickets empty="No tickets in the last twelve months."/>
            <ChartCard spec=charts::satisfaction(&d) has_data=has_ratings empty="No solved ticket has a satisfaction rating yet."/>
            <ChartCard spec=charts::acquisition_cost(&d) has_data=has_costs empty="No campaign with a budget has converted anyone yet, so there is no acquisition cost to show."/>
        </div>
    }
}

/// Dashboard: KPIs, charts and recent activity, or the welcome.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let stats = Memo::new(move |_| {
        state.index_revision.track();
        let month_ago = now_ms() - 30 * DAY_MS;
        state.with_index(|index| {
            let new = index.rows().filter(|r| r.created_at >= month_ago).count();
            (index.len(), new)
        })
    });
    let pipeline = PipelineSetting::current();
    let figures = LocalResource::new(move || {
        state.index_revision.track();
        for c in [
            Collection::Orders,
            Collection::Deals,
            Collection::Tickets,
            Collection::Campaigns,
        ] {
            state.track(c);
        }
        load(state, pipeline.get())
    });
    let recent = LocalResource::new(move || {
        state.track(Collection::Customers);
        async move {
            let store = state.store().ok()?;
            let list: Vec<Customer> = store.recently_updated(8).await.ok()?;
            Some(
                list.into_iter()
                    .filter(|c| !c.is_deleted())
                    .collect::<Vec<_>>(),
            )
        }
    });
    let ready = move || state.status.get() == StoreStatus::Ready;
    let empty = move || ready() && stats.with(|s| s.0 == 0);
    view! {
        <PageHeader title="Dashboard" subtitle="Your customers at a glance."/>
        <Show when=ready fallback=|| view! { <p class="muted">"Opening your data…"</p> }>
        <Show
            when=move || !empty()
            fallback=|| view! {
                <EmptyState icon="◧" title="Welcome to Rapport">
                    <p>"Your CRM is empty. Everything you add stays in this browser. Load a realistic demo data set — customers with orders, notes, tickets, deals and campaigns, in English and Chinese — to look around, or add your first customer."</p>
                    <DemoLoader/>
                    <p><a href=app_href("/customers/new")>"Add a customer"</a></p>
                </EmptyState>
            }
        >
            <Transition fallback=|| view! { <p class="muted">"Adding up orders, deals and tickets…"</p> }>
                {move || figures.get().map(|result| match result {
                    Ok(d) => chart_grid(d, stats).into_any(),
                    Err(message) => view! { <p class="error" role="alert">{message}</p> }.into_any(),
                })}
            </Transition>
            <SentimentCard/>
            <section class="card">
                <h2>"Recently changed"</h2>
                <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                    <ul class="plain-list">
                        {move || recent.get().flatten().unwrap_or_default().into_iter().map(|c| view! {
                            <li>
                                <a class="grow" href=app_href(&format!("/customers/{}", c.id()))>{c.display_name()}</a>
                                <span class="muted">{c.company.clone()}</span>
                                <span class="muted">{date_of(c.meta.updated_at).to_string()}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                </Transition>
            </section>
        </Show>
        </Show>
    }
}
