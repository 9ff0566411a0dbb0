//! One customer: the details form and the timeline; also the "new
//! customer" page (`/customers/new`).

mod custom_fields;
mod form;
mod glance;
mod relationships;
mod sentiment;
mod timeline;

use crate::model::{Customer, Id, Record};
use crate::ops;
use crate::store::Store;
use crate::ui::base_path::app_href;
use crate::ui::components::{PageHeader, WhenStoreReady};
use crate::ui::state::{customer_name, now_ms, AppState};
use form::CustomerForm;
use glance::AtAGlance;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use relationships::Relationships;
use sentiment::CustomerSentiment;
use timeline::Timeline;

/// `/customers/new`: an empty form.
#[component]
pub fn NewCustomerPage() -> impl IntoView {
    view! {
        <PageHeader title="New customer" subtitle="Only a name, an email or a company is required."/>
        <WhenStoreReady>
            <CustomerForm initial=Customer::new_v4(now_ms()) is_new=true/>
        </WhenStoreReady>
    }
}

/// `/customers/:id`: the customer's details and timeline.
#[component]
pub fn CustomerPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<Id>().ok())));
    // Loaded once per id (not on every revision): the form must not be
    // replaced under the user's fingers by a change elsewhere. A save based
    // on a stale version is refused instead.
    let customer = state.store_resource(&[], move |state| {
        let id = id.get();
        async move {
            match id {
                Some(id) => state.store()?.get::<Customer>(id).await,
                None => Ok(None),
            }
        }
    });
    view! {
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || customer.get().map(|found| match found {
                // The database is still opening.
                Ok(None) => view! { <p class="muted">"Loading…"</p> }.into_any(),
                Ok(Some(None)) => view! {
                    <PageHeader title="Customer not found" subtitle="It may have been deleted for good."/>
                    <p><a href=app_href("/customers")>"Back to customers"</a></p>
                }.into_any(),
                // A failing store is not a missing customer: say what failed.
                Err(e) => view! {
                    <PageHeader title="This customer could not be read" subtitle="Nothing was changed."/>
                    <p class="error" role="alert">{e.user_message()}</p>
                    <p><a href=app_href("/customers")>"Back to customers"</a></p>
                }.into_any(),
                Ok(Some(Some(c))) => view! { <CustomerView customer=c/> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn CustomerView(customer: Customer) -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let id = customer.id();
    let name = customer.display_name();
    let trashed = customer.is_deleted();
    let customer_merged_into = customer.merged_into;
    let title = if name.is_empty() {
        "Unnamed customer".to_string()
    } else {
        name.clone()
    };
    let subtitle = [customer.job_title.as_str(), customer.company.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(" · ");
    let error = RwSignal::new(None::<String>);
    let move_to_trash = move |_| {
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let result = async {
                let store = state.store()?;
                let changes = ops::records::trash_customer(&*store, id, now_ms()).await?;
                state.apply(changes, true).await?;
                Ok::<_, ops::OpError>(())
            }
            .await;
            match result {
                Ok(()) => navigate("/customers", Default::default()),
                Err(e) => error.set(Some(e.user_message())),
            }
        });
    };
    view! {
        <header class="page-header">
            <div>
                <p class="breadcrumb"><a href=app_href("/customers")>"Customers"</a></p>
                <h1>{title}</h1>
                <p class="page-subtitle">{subtitle}</p>
            </div>
            <div class="page-actions">
                {(!trashed).then(|| view! {
                    <a class="button" href=app_href(&format!("/pipeline/new?customer={id}"))>"New deal"</a>
                    <a class="button" href=app_href(&format!("/orders/new?customer={id}"))>"New quote"</a>
                    <a class="button" href=app_href(&format!("/tickets/new?customer={id}"))>"Open ticket"</a>
                    <button class="danger" on:click=move_to_trash>"Move to trash"</button>
                })}
            </div>
        </header>
        {match customer_merged_into {
            Some(into) => Some(view! {
                <p class="notice" role="status">
                    "This customer was merged into "
                    <a href=app_href(&format!("/customers/{into}"))>{customer_name(&state, &into)}</a>
                    ": their timeline, orders, deals, tickets and tasks are there now."
                </p>
            }.into_any()),
            None => trashed.then(|| view! { <p class="notice">"This customer is in the trash. Restore it from the Trash page."</p> }.into_any()),
        }}
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        <div class="two-columns">
            <CustomerForm initial=customer is_new=false/>
            <div class="stack">
                <AtAGlance customer=id/>
                <Timeline customer=id/>
                <CustomerSentiment customer=id/>
                <Relationships customer=id/>
            </div>
        </div>
    }
}
