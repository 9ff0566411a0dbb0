//! Past imports, newest first, each revertable as a whole (EspoCRM's
//! "Revert import"): the records it created go to the Trash and the ones it
//! updated get their earlier state back, in one transaction with Undo.
//! Records edited since the import are listed first and kept unless the
//! user chooses to revert them too.

use crate::io::import::{plan_revert, RevertPlan};
use crate::model::{date_of, Id, ImportBatch, Record};
use crate::ops;
use crate::store::{Collection, Store};
use crate::ui::components::thousands;
use crate::ui::state::{now_ms, AppState};
use leptos::prelude::*;
use rapport_core::i18n::{common, import_export as t};

/// The past imports card.
#[component]
pub fn PastImports() -> impl IntoView {
    let state = expect_context::<AppState>();
    let error = RwSignal::new(None::<String>);
    let batches = LocalResource::new(move || {
        state.track(Collection::Imports);
        async move {
            let store = state.store().ok()?;
            let mut all: Vec<ImportBatch> = store.all().await.ok()?;
            all.retain(|b| !b.is_deleted());
            all.sort_by_key(|b| std::cmp::Reverse(b.meta.created_at));
            Some(all)
        }
    });
    // A revert waiting for the user's choice about records edited since.
    let pending = RwSignal::new(None::<(Id, Vec<String>)>);
    let apply_plan = move |plan: RevertPlan, also_edited: bool| {
        leptos::task::spawn_local(async move {
            let result = async {
                let changes = ops::imports::revert_import(&plan, also_edited, now_ms())
                    .map_err(|e| e.to_string())?;
                state
                    .apply(changes, true)
                    .await
                    .map_err(|e| e.user_message())
            }
            .await;
            if let Err(e) = result {
                error.set(Some(e));
            }
        });
    };
    let plan_and_revert = move |id: Id, also_edited: Option<bool>| {
        error.set(None);
        leptos::task::spawn_local(async move {
            let planned = match state.store() {
                Ok(store) => plan_revert(&*store, id).await.map_err(|e| e.to_string()),
                Err(e) => Err(e.user_message()),
            };
            let plan = match planned {
                Ok(plan) => plan,
                Err(e) => {
                    error.set(Some(e));
                    return;
                }
            };
            match also_edited {
                None if !plan.edited_since.is_empty() => {
                    let names = plan
                        .edited_since
                        .iter()
                        .map(|e| {
                            e.name
                                .clone()
                                .unwrap_or_else(|| format!("{} {}", e.collection, e.id))
                        })
                        .collect();
                    pending.set(Some((id, names)));
                }
                choice => {
                    pending.set(None);
                    apply_plan(plan, choice.unwrap_or(false));
                }
            }
        });
    };
    let undo_import = move |id| plan_and_revert(id, None);
    let edited_since = move || {
        pending.get().map(|(id, names)| {
            let n = names.len();
            view! {
                <div class="notice" role="alert">
                    <p>{match n {
                        1 => t::edited_since_one(names.join(t::list_separator())),
                        n => t::edited_since_many(n, names.join(t::list_separator())),
                    }}</p>
                    <button type="button" on:click=move |_| plan_and_revert(id, Some(false))>{t::revert_keep_edited()}</button>
                    <button type="button" class="danger" on:click=move |_| plan_and_revert(id, Some(true))>{t::revert_those_too()}</button>
                    <button type="button" on:click=move |_| pending.set(None)>{common::cancel()}</button>
                </div>
            }
        })
    };
    view! {
        <section class="card">
            <h2>{t::past_imports()}</h2>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            {edited_since}
            <Transition fallback=|| view! { <p class="muted">{common::loading()}</p> }>
                {move || batches.get().flatten().map(|list| if list.is_empty() {
                    view! { <p class="muted">{t::no_imports()}</p> }.into_any()
                } else {
                    view! {
                        <ul class="plain-list">
                            {list.into_iter().map(|b| {
                                let id = b.meta.id;
                                let c = b.counts;
                                view! {
                                    <li>
                                        <span class="grow">{b.label.clone()}</span>
                                        <span class="muted">{t::import_counts(thousands(c.created + c.customers_created), thousands(c.updated), thousands(c.duplicates + c.invalid))}</span>
                                        <span class="muted">{crate::format::date(date_of(b.meta.created_at))}</span>
                                        {match b.reverted_at {
                                            Some(at) => view! { <span class="muted">{t::reverted_on(crate::format::date(date_of(at)))}</span> }.into_any(),
                                            None => view! {
                                                <button type="button" aria-label=t::revert_import(b.label.clone()) on:click=move |_| undo_import(id)>{t::revert()}</button>
                                            }.into_any(),
                                        }}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                })}
            </Transition>
        </section>
    }
}
