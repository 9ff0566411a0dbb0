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
use texts::NearDuplicateTexts;

/// Pairs listed at most.
const SHOWN: usize = 200;

/// `/duplicates`.
#[component]
pub fn DuplicatesPage() -> impl IntoView {
    view! {
        <PageHeader title="Duplicates" subtitle="The same customer recorded twice, and notes or tickets written twice — found on this device."/>
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
            <h2 id="dup-customers-heading">"Duplicate customers"</h2>
            <label class="slider">
                "Minimum score "
                <input type="range" min="0.5" max="1" step="0.05" aria-label="Minimum duplicate score"
                    prop:value=move || min_score.get().to_string()
                    on:change=move |ev| if let Ok(v) = event_target_value(&ev).parse() { min_score.set(v) }/>
                <output>{move || format!("{:.2}", min_score.get())}</output>
            </label>
            <JobProgress job=job label="Looking for duplicate customers"/>
            {move || merging.get().map(|(survivor, merged)| view! {
                <MergePanel survivor=survivor merged=merged on_close=move || merging.set(None)/>
            })}
            {move || pairs.get().map(|list| if list.is_empty() {
                view! { <p class="muted" role="status">"No two customers look like the same person at this score."</p> }.into_any()
            } else {
                let total = list.len();
                view! {
                    <p class="muted" role="status">{format!("{} possible duplicates{}", thousands(total), if total > SHOWN { format!(", the {SHOWN} most likely shown") } else { String::new() })}</p>
                    <table class="data" aria-label="Possible duplicate customers">
                        <thead><tr><th>"Customer"</th><th>"Possibly the same as"</th><th>"Score"</th><th>"Why"</th><th><span class="sr-only">"Action"</span></th></tr></thead>
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
                                            <button type="button" aria-label=format!("Merge {} and {}", p.a_name, p.b_name)
                                                on:click=move |_| merging.set(Some((a, vec![b])))>"Merge…"</button>
                                            {(!p.group.is_empty()).then(|| {
                                                let others: Vec<Id> = p.group.iter().copied().filter(|id| *id != a).collect();
                                                let n = p.group.len();
                                                view! {
                                                    <button type="button" aria-label=format!("Merge all {n} linked to {}", p.a_name)
                                                        on:click=move |_| merging.set(Some((a, others.clone())))>{format!("Merge all {n}…")}</button>
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
