//! The Customers page: search as you type, filters, saved views, a
//! virtualised list that stays smooth at 100,000 rows, and bulk changes on
//! the selection. Reads the in-memory [`CustomerIndex`](crate::search::CustomerIndex)
//! from [`AppState`]; writes through `AppState::apply` with Undo.

mod bulk;
mod filters;

pub use filters::load_views;
mod list;

use crate::io::export::customers_with_figures_csv;
use crate::model::{Customer, Id};
use crate::search::ListQuery;
use crate::store::Store;
use crate::ui::base_path::app_href;
use crate::ui::components::{thousands, DemoLoader, EmptyState, PageHeader};
use crate::ui::pages::import_export::download_csv;
use crate::ui::state::{AppState, StoreStatus};
use leptos::prelude::*;
use rapport_core::i18n::customers as t;
use std::collections::{HashMap, HashSet};

/// Downloads the customers `ids` (the list's current view, in its order)
/// as CSV.
async fn export_customers(state: AppState, ids: Vec<Id>) -> Result<(), String> {
    let store = state.store().map_err(|e| e.user_message())?;
    let position: HashMap<Id, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let all: Vec<Customer> = store.all().await.map_err(|e| e.user_message())?;
    let mut chosen: Vec<Customer> = all
        .into_iter()
        .filter(|c| position.contains_key(&c.meta.id))
        .collect();
    chosen.sort_by_key(|c| position[&c.meta.id]);
    let csv = state.with_index(|index| {
        customers_with_figures_csv(&chosen, |id| index.get(id).and_then(|r| r.figures.as_ref()))
    });
    download_csv("customers", &csv)
}

/// Customers: the list with its toolbar.
#[component]
pub fn CustomersPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    // `?negative=1` (the Dashboard's link) opens the list filtered to
    // customers who said something negative lately.
    // `?rfm=at-risk` (the Insight page's links) opens it filtered to an
    // RFM segment, sorted by lifetime spend.
    let (negative, rfm) = leptos_router::hooks::use_query_map().with_untracked(|q| {
        (
            q.get("negative").is_some_and(|v| v == "1"),
            q.get("rfm")
                .and_then(|k| crate::insight::Segment::from_key(&k)),
        )
    });
    let mut initial = ListQuery::default();
    initial.filter.recent_negative = negative;
    if let Some(segment) = rfm {
        initial.filter.rfm = vec![segment];
        initial.sort = crate::search::Sort {
            column: crate::search::Column::Spend,
            descending: true,
        };
    }
    let shown = RwSignal::new(filters::load_columns());
    let query = RwSignal::new(initial);
    let selected = RwSignal::new(HashSet::new());
    let results = Memo::new(move |_| {
        state.index_revision.track();
        query.with(|q| state.with_index(|index| index.query(q)))
    });
    let total = Memo::new(move |_| {
        state.index_revision.track();
        state.with_index(|i| i.len())
    });
    let ready = move || state.status.get() == StoreStatus::Ready;
    let export_view = move |_| {
        let ids = results.get_untracked();
        leptos::task::spawn_local(async move {
            if let Err(e) = export_customers(state, ids).await {
                state.toast_error(e);
            }
        });
    };

    view! {
        <PageHeader title=t::title() subtitle=t::subtitle()>
            <button type="button" on:click=export_view disabled=move || !ready() aria-label=t::export_view_hint()>{t::export_view()}</button>
            <a class="button primary" href=app_href("/customers/new")>{t::new_customer()}</a>
        </PageHeader>
        <Show
            when=move || { !ready() || total.get() > 0 }
            fallback=|| {
                view! {
                    <EmptyState icon="☺" title=t::empty_title()>
                        <p>
                            {t::empty_body()}
                        </p>
                        <DemoLoader/>
                    </EmptyState>
                }
            }
        >
            {move || state.index_preview.get().map(|all| view! {
                <p class="notice index-loading" role="status">
                    {t::loading_all(thousands(all), thousands(total.get()))}
                </p>
            })}
            <filters::Toolbar query=query results=results total=total shown=shown/>
            <Show when=ready>
                <bulk::BulkBar selected=selected/>
            </Show>
            <list::CustomerList results=results selected=selected query=query shown=shown/>
        </Show>
    }
}
