//! The merge dialog: which customer stays, which value to keep where the
//! records disagree, and how many records move; Merge writes it all in one
//! transaction with Undo.

use crate::model::Id;
use crate::ops::merge::{merge_customers, plan_merge, MergeChoices, MergePlan};
use crate::store::Collection;
use crate::ui::components::SaveError;
use crate::ui::state::{customer_name, now_ms, AppState};
use leptos::prelude::*;
use rapport_core::i18n::{common, duplicates as t};

/// What moves, in words ("3 timeline entries, 1 quotes and orders").
fn moves_sentence(plan: &MergePlan) -> String {
    let parts: Vec<String> = plan
        .moves
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(c, n)| records_moved(*c, *n))
        .collect();
    if parts.is_empty() {
        t::nothing_moves().into()
    } else {
        t::moves_to_kept(parts.join(t::list_separator()))
    }
}

/// `count` records of `c`, in words.
fn records_moved(c: Collection, count: usize) -> String {
    match c {
        Collection::Interactions => t::moved_timeline_entries(count),
        Collection::Tasks => t::moved_tasks(count),
        Collection::Orders => t::moved_quotes_and_orders(count),
        Collection::Deals => t::moved_deals(count),
        Collection::Tickets => t::moved_tickets(count),
        Collection::Relationships => t::moved_relationships(count),
        Collection::Campaigns => t::moved_campaign_memberships(count),
        Collection::Scores => t::moved_scores(count),
        other => common::count_of(count, other.name().to_string()),
    }
}

/// The dialog for merging `merged` into `survivor` (the user may swap them).
#[component]
pub fn MergePanel(
    survivor: Id,
    merged: Vec<Id>,
    on_close: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let everyone: Vec<Id> = std::iter::once(survivor).chain(merged).collect();
    let everyone = StoredValue::new(everyone);
    let kept = RwSignal::new(survivor);
    let choices = RwSignal::new(MergeChoices::default());
    let error = RwSignal::new(None::<(String, bool)>);
    let saving = RwSignal::new(false);
    let others = move || {
        let k = kept.get();
        everyone.with_value(|all| all.iter().copied().filter(|i| *i != k).collect::<Vec<Id>>())
    };
    let plan = LocalResource::new(move || {
        let survivor = kept.get();
        let merged = others();
        async move {
            let store = state.store().map_err(|e| e.user_message())?;
            plan_merge(&*store, survivor, &merged)
                .await
                .map_err(|e| e.user_message())
        }
    });
    let merge = move |_| {
        let survivor = kept.get_untracked();
        let merged = others();
        let picked = choices.get_untracked();
        saving.set(true);
        leptos::task::spawn_local(async move {
            let result = async {
                let store = state.store()?;
                let changes =
                    merge_customers(&*store, survivor, &merged, &picked, now_ms()).await?;
                state.apply(changes, true).await?;
                Ok::<_, crate::ops::OpError>(())
            }
            .await;
            saving.set(false);
            match result {
                Ok(()) => on_close(),
                Err(e) => error.set(Some((e.user_message(), e.offers_reload()))),
            }
        });
    };
    view! {
        <section class="card merge-panel" role="dialog" aria-labelledby="merge-heading">
            <h3 id="merge-heading">{t::merge_customers()}</h3>
            <fieldset class="choices">
                <legend>{t::keep()}</legend>
                {everyone.get_value().into_iter().map(|id| view! {
                    <label>
                        <input type="radio" name="merge-survivor" prop:checked=move || kept.get() == id
                            on:change=move |_| { kept.set(id); choices.set(MergeChoices::default()); }/>
                        " " {customer_name(&state, &id)}
                    </label>
                }).collect_view()}
            </fieldset>
            <Suspense fallback=|| view! { <p class="muted">{t::comparing_records()}</p> }>
                {move || plan.get().map(|p| match p {
                    Err(message) => view! { <p class="error" role="alert">{message}</p> }.into_any(),
                    Ok(p) => view! {
                        <p>{moves_sentence(&p)}</p>
                        <p class="muted">{t::both_kept()}</p>
                        {p.conflicts.iter().enumerate().map(|(ci, c)| {
                            let field = c.field.clone();
                            view! {
                                <fieldset class="choices merge-conflict">
                                    <legend>{c.label.clone()}</legend>
                                    {c.values.iter().enumerate().map(|(i, (owner, value))| {
                                        let field = field.clone();
                                        let field_for_check = field.clone();
                                        let owner = *owner;
                                        let name = format!("merge-conflict-{ci}");
                                        view! {
                                            <label>
                                                <input type="radio" name=name
                                                    prop:checked=move || choices.with(|ch| ch.get(&field_for_check).map_or(i == 0, |o| o == owner))
                                                    on:change=move |_| choices.update(|ch| *ch = std::mem::take(ch).pick(field.clone(), owner))/>
                                                " " {value.clone()}
                                            </label>
                                        }
                                    }).collect_view()}
                                </fieldset>
                            }
                        }).collect_view()}
                    }.into_any(),
                })}
            </Suspense>
            <SaveError error=error/>
            <div class="form-actions">
                <button class="primary" type="button" disabled=move || saving.get() on:click=merge>{t::merge()}</button>
                <button type="button" on:click=move |_| on_close()>{common::cancel()}</button>
            </div>
        </section>
    }
}
