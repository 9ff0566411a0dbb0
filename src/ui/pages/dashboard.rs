//! The Dashboard: headline figures from the customer index and the most
//! recently changed customers; on an empty store, the welcome with "Load
//! demo data". (Charts of revenue, pipeline and support come with the
//! analytics work.)

use crate::model::{date_of, Customer, LifecycleStage, Record, DAY_MS};
use crate::store::Store;
use crate::ui::base_path::app_href;
use crate::ui::components::{thousands, DemoLoader, EmptyState, PageHeader};
use crate::ui::state::{now_ms, AppState, StoreStatus};
use leptos::prelude::*;

/// Dashboard: KPIs and recent activity, or the welcome.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let stats = Memo::new(move |_| {
        state.index_revision.track();
        let month_ago = now_ms() - 30 * DAY_MS;
        state.with_index(|index| {
            let mut by_stage = [0usize; 6];
            let mut new_this_month = 0;
            for row in index.rows() {
                if let Some(i) = LifecycleStage::ALL.iter().position(|s| *s == row.stage) {
                    by_stage[i] += 1;
                }
                if row.created_at >= month_ago {
                    new_this_month += 1;
                }
            }
            (index.len(), new_this_month, by_stage)
        })
    });
    let recent = LocalResource::new(move || {
        state.track("customers");
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
            <div class="kpis">
                <div class="kpi"><span class="kpi-label">"Customers"</span><span class="kpi-value">{move || thousands(stats.with(|s| s.0))}</span></div>
                <div class="kpi"><span class="kpi-label">"New in the last 30 days"</span><span class="kpi-value">{move || thousands(stats.with(|s| s.1))}</span></div>
                {LifecycleStage::ALL.iter().enumerate().filter(|(_, s)| matches!(s, LifecycleStage::Lead | LifecycleStage::Customer | LifecycleStage::Churned)).map(|(i, s)| view! {
                    <div class="kpi"><span class="kpi-label">{s.label()}</span><span class="kpi-value">{move || thousands(stats.with(|st| st.2[i]))}</span></div>
                }).collect_view()}
            </div>
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
