//! Past imports, newest first, each revertable as a whole (EspoCRM's
//! "Revert import"): the records it created are removed and the ones it
//! updated get their earlier state back, in one transaction.

use crate::io::import::revert;
use crate::model::{date_of, ImportBatch, Record};
use crate::store::Store;
use crate::ui::components::thousands;
use crate::ui::state::{now_ms, AppState};
use leptos::prelude::*;

/// The past imports card.
#[component]
pub fn PastImports() -> impl IntoView {
    let state = expect_context::<AppState>();
    let error = RwSignal::new(None::<String>);
    let batches = LocalResource::new(move || {
        state.track("imports");
        async move {
            let store = state.store().ok()?;
            let mut all: Vec<ImportBatch> = store.all().await.ok()?;
            all.retain(|b| !b.is_deleted());
            all.sort_by_key(|b| std::cmp::Reverse(b.meta.created_at));
            Some(all)
        }
    });
    let undo_import = move |id| {
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = async {
                let store = state.store().map_err(|e| e.user_message())?;
                let changes = revert(&*store, id, now_ms())
                    .await
                    .map_err(|e| e.to_string())?;
                let label = changes.label.clone();
                state
                    .apply(changes, false)
                    .await
                    .map_err(|e| e.user_message())?;
                state.reload_index().await.map_err(|e| e.user_message())?;
                Ok::<_, String>(label)
            }
            .await;
            match result {
                Ok(label) => state.toast(format!("{label}: done.")),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="card">
            <h2>"Past imports"</h2>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || batches.get().flatten().map(|list| if list.is_empty() {
                    view! { <p class="muted">"No imports yet."</p> }.into_any()
                } else {
                    view! {
                        <ul class="plain-list">
                            {list.into_iter().map(|b| {
                                let id = b.meta.id;
                                let c = b.counts;
                                view! {
                                    <li>
                                        <span class="grow">{b.label.clone()}</span>
                                        <span class="muted">{format!("{} new, {} updated, {} skipped", thousands(c.created + c.customers_created), thousands(c.updated), thousands(c.duplicates + c.invalid))}</span>
                                        <span class="muted">{date_of(b.meta.created_at).to_string()}</span>
                                        {match b.reverted_at {
                                            Some(at) => view! { <span class="muted">{format!("Reverted {}", date_of(at))}</span> }.into_any(),
                                            None => view! {
                                                <button type="button" aria-label=format!("Revert {}", b.label) on:click=move |_| undo_import(id)>"Revert"</button>
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
