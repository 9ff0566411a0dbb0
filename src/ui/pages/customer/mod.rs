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
use rapport_core::i18n::{common, customer as t};
use relationships::Relationships;
use sentiment::CustomerSentiment;
use timeline::Timeline;

/// `/customers/new`: an empty form.
#[component]
pub fn NewCustomerPage() -> impl IntoView {
    view! {
        <PageHeader title=t::new_customer() subtitle=t::new_subtitle()/>
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
        <Transition fallback=|| view! { <p class="muted">{common::loading()}</p> }>
            {move || customer.get().map(|found| match found {
                // The database is still opening.
                Ok(None) => view! { <p class="muted">{common::loading()}</p> }.into_any(),
                Ok(Some(None)) => view! {
                    <PageHeader title=t::not_found() subtitle=t::not_found_hint()/>
                    <p><a href=app_href("/customers")>{t::back_to_customers()}</a></p>
                }.into_any(),
                // A failing store is not a missing customer: say what failed.
                Err(e) => view! {
                    <PageHeader title=t::unreadable() subtitle=t::nothing_changed()/>
                    <p class="error" role="alert">{e.user_message()}</p>
                    <p><a href=app_href("/customers")>{t::back_to_customers()}</a></p>
                }.into_any(),
                Ok(Some(Some(c))) => view! { <CustomerView customer=c/> }.into_any(),
            })}
        </Transition>
    }
}

/// Stands for a link inside a translated sentence, to cut it there.
const LINK_MARK: &str = "\u{1}";

#[component]
fn CustomerView(customer: Customer) -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let id = customer.id();
    let name = customer.display_name();
    let trashed = customer.is_deleted();
    let customer_merged_into = customer.merged_into;
    let title = if name.is_empty() {
        t::unnamed().to_string()
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
                <p class="breadcrumb"><a href=app_href("/customers")>{t::breadcrumb()}</a></p>
                <h1>{title}</h1>
                <p class="page-subtitle">{subtitle}</p>
            </div>
            <div class="page-actions">
                {(!trashed).then(|| view! {
                    <a class="button" href=app_href(&format!("/pipeline/new?customer={id}"))>{t::new_deal()}</a>
                    <a class="button" href=app_href(&format!("/orders/new?customer={id}"))>{t::new_quote()}</a>
                    <a class="button" href=app_href(&format!("/tickets/new?customer={id}"))>{t::open_ticket()}</a>
                    <button class="danger" on:click=move_to_trash>{t::move_to_trash()}</button>
                })}
            </div>
        </header>
        {match customer_merged_into {
            Some(into) => {
                // The sentence in the user's language, cut where the link goes.
                let sentence = t::merged_into(LINK_MARK.to_string());
                let (before, after) = sentence.split_once(LINK_MARK).unwrap_or((sentence.as_str(), ""));
                let (before, after) = (before.to_string(), after.to_string());
                Some(view! {
                    <p class="notice" role="status">
                        {before}
                        <a href=app_href(&format!("/customers/{into}"))>{customer_name(&state, &into)}</a>
                        {after}
                    </p>
                }.into_any())
            }
            None => trashed.then(|| view! { <p class="notice">{t::in_trash()}</p> }.into_any()),
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
