//! Duplicates (`/duplicates`): customers who are probably the same person
//! (found in the worker from emails, phones, names, pinyin, company and
//! email domain, each pair with its score and reasons) with a Merge that
//! moves everything onto one of them; and near-duplicate notes and tickets
//! above a similarity the user sets.

mod merge;
mod texts;

use crate::jobs::text::{DuplicateCustomersInput, DuplicateRow};
use crate::jobs::DuplicateCustomersJob;
use crate::model::Id;
use crate::ui::base_path::app_href;
use crate::ui::components::{thousands, JobProgress, JobState, PageHeader};
use crate::ui::state::{AppState, StoreStatus};
use leptos::prelude::*;
use merge::MergePanel;
use rapport_core::i18n::duplicates as t;
use texts::NearDuplicateTexts;

/// Pairs listed at most.
const SHOWN: usize = 200;

/// `/duplicates`.
#[component]
pub fn DuplicatesPage() -> impl IntoView {
    view! {
        <PageHeader title=t::title() subtitle=t::subtitle()/>
        <DuplicateCustomers/>
        <NearDuplicateTexts/>
    }
}

#[component]
fn DuplicateCustomers() -> impl IntoView {
    let state = expect_context::<AppState>();
    let job = JobState::new();
    let min_score = RwSignal::new(0.8f64);
    let pairs = RwSignal::new(None::<Vec<DuplicateRow>>);
    // The pair being merged: the ids, survivor first.
    let merging = RwSignal::new(None::<(Id, Vec<Id>)>);
    Effect::new(move |_| {
        let min = min_score.get();
        state.track(crate::store::Collection::Customers);
        if state.status.get() != StoreStatus::Ready {
            return;
        }
        job.run::<DuplicateCustomersJob>(
            DuplicateCustomersInput { min_score: min },
            move |found| pairs.set(Some(found)),
        );
    });
    on_cleanup(move || job.cancel());
    view! {
        <section class="card" aria-labelledby="dup-customers-heading">
            <h2 id="dup-customers-heading">{t::duplicate_customers()}</h2>
            <label class="slider">
                {t::minimum_score()}" "
                <input type="range" min="0.5" max="1" step="0.05" aria-label=t::minimum_duplicate_score()
                    prop:value=move || min_score.get().to_string()
                    on:change=move |ev| if let Ok(v) = event_target_value(&ev).parse() { min_score.set(v) }/>
                <output>{move || format!("{:.2}", min_score.get())}</output>
            </label>
            <JobProgress job=job label=t::looking_for_duplicates()/>
            {move || merging.get().map(|(survivor, merged)| view! {
                <MergePanel survivor=survivor merged=merged on_close=move || merging.set(None)/>
            })}
            {move || pairs.get().map(|list| if list.is_empty() {
                view! { <p class="muted" role="status">{t::none_at_this_score()}</p> }.into_any()
            } else {
                let total = list.len();
                view! {
                    <p class="muted" role="status">{if total > SHOWN { t::possible_duplicates_shown(thousands(total), SHOWN) } else { t::possible_duplicates(thousands(total)) }}</p>
                    <table class="data" aria-label=t::possible_duplicate_customers()>
                        <thead><tr><th>{t::customer()}</th><th>{t::possibly_the_same_as()}</th><th>{t::score()}</th><th>{t::why()}</th><th><span class="sr-only">{t::action()}</span></th></tr></thead>
                        <tbody>
                            {list.into_iter().take(SHOWN).map(|p| {
                                let (a, b) = (p.a, p.b);
                                view! {
                                    <tr>
                                        <td><a href=app_href(&format!("/customers/{a}"))>{p.a_name.clone()}</a><div class="muted small">{p.a_detail.clone()}</div></td>
                                        <td><a href=app_href(&format!("/customers/{b}"))>{p.b_name.clone()}</a><div class="muted small">{p.b_detail.clone()}</div></td>
                                        <td>{format!("{:.2}", p.score)}</td>
                                        <td><ul class="reasons">{p.reasons.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}</ul></td>
                                        <td class="actions">
                                            <button type="button" aria-label=t::merge_pair(p.a_name.clone(), p.b_name.clone())
                                                on:click=move |_| merging.set(Some((a, vec![b])))>{t::merge_ellipsis()}</button>
                                            {(!p.group.is_empty()).then(|| {
                                                let others: Vec<Id> = p.group.iter().copied().filter(|id| *id != a).collect();
                                                let n = p.group.len();
                                                view! {
                                                    <button type="button" aria-label=t::merge_all_linked(n, p.a_name.clone())
                                                        on:click=move |_| merging.set(Some((a, others.clone())))>{t::merge_all(n)}</button>
                                                }
                                            })}
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            })}
        </section>
    }
}
