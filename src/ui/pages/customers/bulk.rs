//! Bulk changes on the selected customers — add a tag, set the stage, move
//! to the trash — each as one transaction with Undo.

use crate::model::{Id, LifecycleStage};
use crate::ops::records::BulkEdit;
use crate::ops::{self, OpError};
use crate::ui::state::{now_ms, AppState};
use leptos::prelude::*;
use rapport_core::i18n::{components as kinds, customers as t};
use std::collections::HashSet;

async fn apply_to_selection(state: AppState, ids: Vec<Id>, edit: BulkEdit) -> Result<(), OpError> {
    let store = state.store()?;
    let changes = ops::records::bulk_edit(&*store, &ids, &edit, now_ms()).await?;
    state.apply(changes, true).await?;
    Ok(())
}

/// The bar shown while customers are selected.
#[component]
pub fn BulkBar(selected: RwSignal<HashSet<Id>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let tag = RwSignal::new(String::new());
    let stage = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let run = move |edit: BulkEdit| {
        let ids: Vec<Id> = selected.get().into_iter().collect();
        leptos::task::spawn_local(async move {
            match apply_to_selection(state, ids, edit).await {
                Ok(()) | Err(OpError::NothingToDo) => {
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
            error.set(Some(t::type_tag_first().into()));
            return;
        }
        tag.set(String::new());
        run(BulkEdit::AddTag(t));
    };
    let set_stage = move |_| {
        let Ok(s) = stage.get().parse::<LifecycleStage>() else {
            error.set(Some(t::choose_stage_first().into()));
            return;
        };
        run(BulkEdit::SetStage(s));
    };
    let trash = move |_| run(BulkEdit::Trash);

    view! {
        <Show when=move || { count() > 0 }>
            <div class="bulk-bar" role="region" aria-label=t::bulk_actions()>
                <strong>{move || t::selected(count())}</strong>
                <input
                    type="text"
                    aria-label=t::tag_to_add()
                    placeholder=t::tag()
                    prop:value=move || tag.get()
                    on:input=move |ev| tag.set(event_target_value(&ev))
                />
                <button on:click=add_tag>{t::add_tag()}</button>
                <select aria-label=t::stage_to_set() on:change=move |ev| stage.set(event_target_value(&ev))>
                    <option value="">{t::stage_choice()}</option>
                    {LifecycleStage::ALL.iter().map(|s| view! { <option value=s.label()>{kinds::stage(*s)}</option> }).collect_view()}
                </select>
                <button on:click=set_stage>{t::set_stage()}</button>
                <button class="danger" on:click=trash>{t::move_to_trash()}</button>
                <button on:click=move |_| selected.set(HashSet::new())>{t::clear_selection()}</button>
                {move || error.get().map(|e| view! { <span class="error inline" role="alert">{e}</span> })}
            </div>
        </Show>
    }
}
