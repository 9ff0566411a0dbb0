//! The Dashboard: headline figures and charts of customers, revenue, the
//! pipeline, support and campaigns over the period the user picks (the
//! [`PeriodPicker`]; by default the period that holds the data), and the
//! most recently changed customers; on an empty store, the welcome with
//! "Load demo data". Charts whose data is missing say so instead of showing
//! an empty canvas.

use super::dashboard_charts as charts;
use crate::analytics::dashboard::Dashboard;
use crate::analytics::period::Period;
use crate::format::whole_money;
use crate::jobs::{DashboardInput, DashboardJob};
use crate::model::{date_of, Customer, Record};
use crate::store::{Collection, Store};
use crate::ui::base_path::app_href;
use crate::ui::components::{
    thousands, Chart, ChartSpec, DemoLoader, EmptyState, JobState, PageHeader, RefreshNotice,
};
use crate::ui::period_setting::{self, PeriodPicker};
use crate::ui::pipeline_setting::PipelineSetting;
use crate::ui::state::{now_ms, AppState, StoreStatus};
use leptos::prelude::*;
use rapport_core::i18n::{common, dashboard as t};

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
    let notice = move || {
        view! {
            <RefreshNotice
                refresh=state.sentiment_refresh
                what=t::sentiment_what()
                computing=t::sentiment_computing()
                updating=t::sentiment_updating()
                on_retry=move |()| state.retry_sentiment()
            />
        }
    };
    view! {
        <section class="card chart-card">
            {move || match state.sentiment.get() {
                None => view! {
                    <h2 class="chart-empty-title">{t::sentiment_title()}</h2>
                    {notice()}
                }.into_any(),
                Some(o) if o.monthly.is_empty() => view! {
                    <h2 class="chart-empty-title">{t::sentiment_title()}</h2>
                    <p class="muted chart-empty">{t::sentiment_empty()}</p>
                }.into_any(),
                Some(o) => {
                    let flagged = o.recent_negative.len();
                    view! {
                        <Chart spec=Signal::stored(super::text_charts::sentiment_trend(t::sentiment_title(), &o.monthly))/>
                        <p class="muted">
                            {t::texts_scored(thousands(o.texts))}
                            <a href=app_href("/customers?negative=1")>{t::negative_writers(thousands(flagged))}</a>
                        </p>
                    }.into_any()
                }
            }}
        </section>
    }
}

fn chart_grid(d: Dashboard, period: Period, customers: Memo<usize>) -> impl IntoView {
    let caption = period.caption((d.from, d.to));
    let has_orders = d.revenue_total() > 0.0;
    let has_deals = d.pipeline.iter().any(|(_, _, n)| *n > 0);
    let has_tickets = d.tickets_opened.iter().any(|m| m.value > 0);
    let has_ratings = d.satisfaction.iter().any(|m| m.value.is_some());
    let has_costs = d
        .campaign_costs
        .iter()
        .any(|c| c.cost_per_customer.is_some());
    let other = d.other_currency_orders;
    let revenue_label = match &d.currency {
        Some(code) => t::revenue_in(code.clone(), caption.clone()),
        None => t::revenue(caption.clone()),
    };
    view! {
        <div class="kpis">
            <Kpi label=t::customers_now() value=Signal::derive(move || thousands(customers.get()))/>
            <Kpi label=t::new_customers(caption.clone()) value=thousands(d.new_customers_total())/>
            <Kpi label=revenue_label value=whole_money(d.revenue_total())/>
            <Kpi label=t::orders(caption.clone()) value=thousands(d.revenue_orders)/>
            <Kpi label=t::open_pipeline_now() value=whole_money(d.open_pipeline_value)/>
            <Kpi label=t::open_tickets_now() value=thousands(d.open_tickets)/>
            <Kpi label=t::average_satisfaction(caption.clone()) value=d.average_satisfaction.map_or("–".to_string(), |s| format!("{s:.2} / 5"))/>
            <Kpi label=t::repeat_purchase_rate(caption) value=d.repeat_purchase_rate().map_or("–".to_string(), |r| format!("{:.0} %", r * 100.0))/>
        </div>
        {(other > 0).then(|| view! {
            <p class="muted small">{t::other_currencies(thousands(other))}</p>
        })}
        <div class="chart-grid">
            <ChartCard spec=charts::new_customers(&d) has_data=d.new_customers.iter().any(|m| m.value > 0) empty=t::no_new_customers()/>
            <ChartCard spec=charts::revenue(&d) has_data=has_orders empty=t::no_orders()/>
            <ChartCard spec=charts::pipeline(&d) has_data=has_deals empty=t::no_deals()/>
            <ChartCard spec=charts::tickets(&d) has_data=has_tickets empty=t::no_tickets()/>
            <ChartCard spec=charts::satisfaction(&d) has_data=has_ratings empty=t::no_ratings()/>
            <ChartCard spec=charts::acquisition_cost(&d) has_data=has_costs empty=t::no_acquisition_cost()/>
        </div>
    }
}

/// Dashboard: KPIs, charts and recent activity, or the welcome.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let pipeline = PipelineSetting::current();
    let chosen = period_setting::chosen();
    // The figures are added up in the worker (`jobs::dashboard`): the page
    // only sends the period and receives the small report. The last report
    // stays on screen while a newer one is computed.
    let job = JobState::new();
    let report = period_setting::worker_report::<DashboardJob>(state, job, move || {
        // Customers' writes, not the index's own updates (its preview, the
        // overviews' flags), which would restart the report for nothing.
        for c in [
            Collection::Customers,
            Collection::Orders,
            Collection::Deals,
            Collection::Tickets,
            Collection::Campaigns,
        ] {
            state.track(c);
        }
        DashboardInput {
            chosen: chosen.get(),
            today: date_of(now_ms()),
            pipeline: pipeline.get(),
        }
    });
    // Live customers: the index's count, or while the index is still
    // loading, the report's (from the tallies).
    let customers = Memo::new(move |_| {
        state.index_revision.track();
        if state.status.get() != StoreStatus::Ready {
            report.with(|r| r.as_ref().map_or(0, |r| r.dashboard.customers))
        } else {
            state.with_index(|index| index.len())
        }
    });
    let shown = period_setting::shown_signal(report, chosen);
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
    // The report may come before even the index's preview: show it then.
    let ready = move || state.readable() || report.with(Option::is_some);
    let empty = move || state.status.get() == StoreStatus::Ready && customers.get() == 0;
    view! {
        <PageHeader title=t::title() subtitle=t::subtitle()/>
        <Show when=ready fallback=|| view! { <p class="muted">{t::opening()}</p> }>
        <Show
            when=move || !empty()
            fallback=|| view! {
                <EmptyState icon="◧" title=t::welcome()>
                    <p>{t::welcome_text()}</p>
                    <DemoLoader/>
                    <p><a href=app_href("/customers/new")>{t::add_customer()}</a></p>
                </EmptyState>
            }
        >
            <PeriodPicker chosen=chosen shown=shown/>
            {move || job.error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            {move || match report.get() {
                Some(r) => chart_grid(r.dashboard, r.period, customers).into_any(),
                None => view! { <p class="muted" role="status">{t::adding_up()}</p> }.into_any(),
            }}
            <SentimentCard/>
            <section class="card">
                <h2>{t::recently_changed()}</h2>
                <Transition fallback=|| view! { <p class="muted">{common::loading()}</p> }>
                    <ul class="plain-list">
                        {move || recent.get().flatten().unwrap_or_default().into_iter().map(|c| view! {
                            <li>
                                <a class="grow" href=app_href(&format!("/customers/{}", c.id()))>{c.display_name()}</a>
                                <span class="muted">{c.company.clone()}</span>
                                <span class="muted">{crate::format::date(date_of(c.meta.updated_at))}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                </Transition>
            </section>
        </Show>
        </Show>
    }
}
