//! Bulk changes on the selected customers — add a tag, set the stage, move
//! to the trash — each as one transaction with Undo.

use crate::model::{Customer, Id, LifecycleStage, Record};
use crate::store::{ChangeSet, Store, StoreError};
use crate::ui::state::{now_ms, AppState};
use leptos::prelude::*;
use std::collections::HashSet;

/// What a bulk action does to one customer; `false` when nothing changes.
type Edit = Box<dyn Fn(&mut Customer, i64) -> bool>;

async fn apply_to_selection(
    state: AppState,
    ids: Vec<Id>,
    label: String,
    edit: Edit,
) -> Result<usize, StoreError> {
    let store = state.store()?;
    let now = now_ms();
    let mut changes = ChangeSet::new(label);
    let mut changed = 0;
    // One read per customer for small selections; one read of all for large
    // ones (100,000 single reads would take far longer than one getAll).
    let customers: Vec<Customer> = if ids.len() <= 200 {
        let mut found = Vec::new();
        for id in ids {
            found.extend(store.get::<Customer>(id).await?);
        }
        found
    } else {
        let wanted: HashSet<Id> = ids.into_iter().collect();
        store
            .all::<Customer>()
            .await?
            .into_iter()
            .filter(|c| wanted.contains(&c.id()))
            .collect()
    };
    for mut customer in customers {
        if edit(&mut customer, now) {
            customer.touch(now);
            changes.update(&customer)?;
            changed += 1;
        }
    }
    state.apply(changes, true).await?;
    Ok(changed)
}

/// The bar shown while customers are selected.
#[component]
pub fn BulkBar(selected: RwSignal<HashSet<Id>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let tag = RwSignal::new(String::new());
    let stage = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let run = move |label: String, edit: Edit| {
        let ids: Vec<Id> = selected.get().into_iter().collect();
        leptos::task::spawn_local(async move {
            match apply_to_selection(state, ids, label, edit).await {
                Ok(_) => {
                    error.set(None);
                    selected.set(HashSet::new());
                }
                Err(e) => error.set(Some(e.user_message())),
            }
        });
    };
    let count = move || selected.with(HashSet::len);
    let add_tag = move |_| {
        let t = tag.get().trim().to_string();
        if t.is_empty() {
            error.set(Some("Type the tag to add first.".into()));
            return;
        }
        tag.set(String::new());
        let label = format!("Tagged {} customers “{t}”", count());
        run(label, Box::new(move |c, _| c.add_tag(&t)));
    };
    let set_stage = move |_| {
        let Ok(s) = stage.get().parse::<LifecycleStage>() else {
            error.set(Some("Choose the stage to set first.".into()));
            return;
        };
        let label = format!("Moved {} customers to {}", count(), s.label());
        run(
            label,
            Box::new(move |c, _| std::mem::replace(&mut c.lifecycle, s) != s),
        );
    };
    let trash = move |_| {
        let label = format!("Moved {} customers to the trash", count());
        run(
            label,
            Box::new(|c, now| {
                c.meta.deleted_at = Some(now);
                true
            }),
        );
    };

    view! {
        <Show when=move || { count() > 0 }>
            <div class="bulk-bar" role="region" aria-label="Bulk actions">
                <strong>{move || format!("{} selected", count())}</strong>
                <input
                    type="text"
                    aria-label="Tag to add"
                    placeholder="Tag"
                    prop:value=move || tag.get()
                    on:input=move |ev| tag.set(event_target_value(&ev))
                />
                <button on:click=add_tag>"Add tag"</button>
                <select aria-label="Stage to set" on:change=move |ev| stage.set(event_target_value(&ev))>
                    <option value="">"Stage…"</option>
                    {LifecycleStage::ALL.iter().map(|s| view! { <option value=s.label()>{s.label()}</option> }).collect_view()}
                </select>
                <button on:click=set_stage>"Set stage"</button>
                <button class="danger" on:click=trash>"Move to trash"</button>
                <button on:click=move |_| selected.set(HashSet::new())>"Clear selection"</button>
                {move || error.get().map(|e| view! { <span class="error inline" role="alert">{e}</span> })}
            </div>
        </Show>
    }
}
