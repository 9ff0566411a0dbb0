//! "Customers who bought … also bought": a product picker and the products
//! most often bought by the same customers, with their similarity and how
//! many customers bought both (from `AlsoBoughtJob`, in the worker).

use crate::format::thousands;
use crate::jobs::products::{AlsoBoughtInput, AlsoBoughtReport};
use crate::jobs::AlsoBoughtJob;
use crate::store::Collection;
use crate::ui::components::{JobProgress, JobState};
use crate::ui::state::{AppState, StoreStatus};
use leptos::prelude::*;
use rapport_core::i18n::insight as t;

/// How many companions are listed.
const K: usize = 10;

/// The also-bought section.
#[component]
pub(super) fn AlsoBoughtSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let job = JobState::new();
    let product = RwSignal::new(String::new());
    let report = RwSignal::new(None::<AlsoBoughtReport>);
    Effect::new(move |_| {
        let product = product.get();
        state.track(Collection::Orders);
        state.track(Collection::Customers);
        if state.status.get() != StoreStatus::Ready {
            return;
        }
        job.run::<AlsoBoughtJob>(AlsoBoughtInput { product, k: K }, move |found| {
            report.set(Some(found))
        });
    });
    on_cleanup(move || job.cancel());
    let products = Memo::new(move |_| {
        report.with(|r| r.as_ref().map(|r| r.products.clone()).unwrap_or_default())
    });
    let picker = move || {
        let list = products.get();
        if list.is_empty() {
            return view! { <p class="muted" role="status">{t::no_purchases_yet()}</p> }.into_any();
        }
        view! {
            <label class="field-inline">
                <span>{t::product()}</span>
                <select name="product" on:change=move |ev| product.set(event_target_value(&ev))>
                    <option value="" selected=move || product.get().is_empty()>{t::choose_product()}</option>
                    {list.into_iter().map(|p| {
                        let (chosen, value) = (p.clone(), p.clone());
                        view! { <option value=value selected=move || product.get() == chosen>{p}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
        .into_any()
    };
    let results = move || {
        let chosen = product.get();
        if chosen.is_empty() {
            return None;
        }
        let also = report.with(|r| r.as_ref().map(|r| r.also.clone()))?;
        Some(if also.is_empty() {
            view! { <p class="muted" role="status">{t::nothing_else_bought(chosen)}</p> }.into_any()
        } else {
            view! {
                <table class="data" aria-label=t::also_bought_with(chosen)>
                    <thead>
                        <tr>
                            <th scope="col">{t::product()}</th>
                            <th scope="col" class="num">{t::similarity()}</th>
                            <th scope="col" class="num">{t::bought_both()}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {also.into_iter().map(|a| view! {
                            <tr>
                                <td>{a.product}</td>
                                <td class="num">{format!("{:.2}", a.score)}</td>
                                <td class="num">{thousands(a.together)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }
            .into_any()
        })
    };
    view! {
        <section class="card" aria-labelledby="also-heading">
            <h2 id="also-heading">{t::also_bought_heading()}</h2>
            <p class="muted">{t::also_bought_intro()}</p>
            {picker}
            <JobProgress job=job label=t::comparing_products()/>
            {results}
        </section>
    }
}
