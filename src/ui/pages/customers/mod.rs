//! The Customers page: search as you type, filters, saved views, a
//! virtualised list that stays smooth at 100,000 rows, and bulk changes on
//! the selection. Reads the in-memory [`CustomerIndex`](crate::search::CustomerIndex)
//! from [`AppState`]; writes through `AppState::apply` with Undo.

mod bulk;
mod filters;

pub use filters::load_views;
mod list;

use crate::search::ListQuery;
use crate::ui::base_path::app_href;
use crate::ui::components::{DemoLoader, EmptyState, PageHeader};
use crate::ui::state::{AppState, StoreStatus};
use leptos::prelude::*;
use std::collections::HashSet;

/// Customers: the list with its toolbar.
#[component]
pub fn CustomersPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let query = RwSignal::new(ListQuery::default());
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

    view! {
        <PageHeader title="Customers" subtitle="Everyone you do business with.">
            <a class="button primary" href=app_href("/customers/new")>"New customer"</a>
        </PageHeader>
        <Show
            when=move || { !ready() || total.get() > 0 }
            fallback=|| {
                view! {
                    <EmptyState icon="☺" title="No customers yet">
                        <p>
                            "Add your first customer with New customer, or load demo data to try Rapport."
                        </p>
                        <DemoLoader/>
                    </EmptyState>
                }
            }
        >
            <filters::Toolbar query=query results=results total=total/>
            <bulk::BulkBar selected=selected/>
            <list::CustomerList results=results selected=selected query=query/>
        </Show>
    }
}
