//! Insight (`/insight`): what the purchase history says about the customer
//! base — RFM scores with the R × F heatmap and the named segments (each a
//! link into the Customers list and a one-click campaign), the fitted
//! lifetime-value model with the most valuable customers ahead, the
//! referral network's most influential customers and its drawing, and
//! "customers who bought … also bought". Every analysis runs in the worker
//! (`jobs::insight`, `jobs::products`); this page only shows results.

mod also;
mod clv;
mod network;
mod rfm;

use crate::insight::parse_as_of;
use crate::jobs::insight::{InsightInput, InsightOverview};
use crate::jobs::InsightJob;
use crate::model::{Customer, Id, Record};
use crate::store::{Collection, StoreError};
use crate::ui::components::{JobProgress, JobState, PageHeader, RefreshNotice};
use crate::ui::state::{AppState, StoreStatus};
use leptos::prelude::*;
use rapport_core::i18n::insight as t;
use std::collections::HashMap;
use std::sync::Arc;

/// Live customers' display names, by id, shared by the page's tables.
pub(super) type Names = Arc<HashMap<Id, String>>;

async fn names(state: AppState) -> Result<Names, StoreError> {
    let customers: Vec<Customer> = state.store()?.all_in_slices().await?;
    Ok(Arc::new(
        customers
            .into_iter()
            .filter(|c| !c.is_deleted())
            .map(|c| (c.meta.id, c.display_name()))
            .collect(),
    ))
}

/// `/insight`.
#[component]
pub fn InsightPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let job = JobState::new();
    // As of the newest purchase, the app's own overview (kept current in the
    // background) is shown; another day is scored here.
    let as_of_day = RwSignal::new(None::<Arc<InsightOverview>>);
    let as_of_text = RwSignal::new(String::new());
    let as_of_error = RwSignal::new(None::<String>);
    let as_of = RwSignal::new(InsightInput::default());
    let names_resource = state.store_resource(&[Collection::Customers], names);
    let names = Signal::derive(move || {
        names_resource
            .get()
            .and_then(|r| r.ok().flatten())
            .unwrap_or_default()
    });
    let overview = Signal::derive(move || {
        if as_of.with(|i| i.as_of.is_some()) {
            as_of_day.get()
        } else {
            state.insight.get()
        }
    });
    Effect::new(move |_| {
        let input = as_of.get();
        if input.as_of.is_none() {
            job.cancel();
            as_of_day.set(None);
            return;
        }
        state.track(Collection::Orders);
        state.track(Collection::Customers);
        if state.status.get() != StoreStatus::Ready {
            return;
        }
        job.run::<InsightJob>(input, move |found| as_of_day.set(Some(Arc::new(found))));
    });
    on_cleanup(move || job.cancel());
    let apply_as_of = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match parse_as_of(&as_of_text.get_untracked()) {
            Ok(day) => {
                as_of_error.set(None);
                as_of.set(InsightInput { as_of: day });
            }
            Err(e) => as_of_error.set(Some(e.to_string())),
        }
    };
    view! {
        <PageHeader title=t::title() subtitle=t::subtitle()/>
        <form class="card as-of-form" on:submit=apply_as_of aria-label=t::measure_as_of()>
            <label class="field-inline">
                <span>{t::as_of()}</span>
                <input
                    type="date"
                    name="as-of"
                    prop:value=move || as_of_text.get()
                    on:input=move |ev| as_of_text.set(event_target_value(&ev))
                    aria-invalid=move || as_of_error.get().is_some().then_some("true")
                    aria-describedby="as-of-help"
                />
            </label>
            <button type="submit">{t::recompute()}</button>
            <span id="as-of-help" class="muted small">
                {move || overview.get().and_then(|o| o.as_of).map_or_else(
                    || t::blank_as_of().to_string(),
                    |d| t::measured_as_of(crate::format::date(d)),
                )}
            </span>
            {move || as_of_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <JobProgress job=job label=t::scoring_customers()/>
            // The overview kept current in the background: computing,
            // updating, or why it failed, with Retry.
            <Show when=move || as_of.with(|i| i.as_of.is_none())>
                <RefreshNotice
                    refresh=state.insight_refresh
                    what=t::overview_what()
                    computing=t::scoring_customers_now()
                    updating=t::updating()
                    on_retry=move |()| state.retry_insight()
                    class="insight-updating"
                />
            </Show>
        </form>
        {move || overview.get().map(|o| {
            let o2 = o.clone();
            view! {
                <rfm::RfmSection overview=o/>
                <clv::ClvSection overview=o2 names=names/>
            }
        })}
        <network::NetworkSection overview=overview/>
        <also::AlsoBoughtSection/>
    }
}
