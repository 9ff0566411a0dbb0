//! The toasts at the bottom of the screen: confirmations, errors, Undo.

use crate::ui::state::AppState;
use leptos::prelude::*;
use rapport_core::i18n::{common, components as t};

/// Renders `AppState::toasts`.
#[component]
pub fn Toasts() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="toasts" role="status" aria-live="polite">
            <For each=move || state.toasts.get() key=|t| t.id let:toast>
                <div class="toast" class:error=toast.is_error>
                    <span>{toast.text.clone()}</span>
                    {toast.undo.clone().map(|inverse| {
                        let id = toast.id;
                        // Named after what it undoes: several toasts can be on screen.
                        let label = t::undo_what(toast.text.clone());
                        view! { <button class="link" aria-label=label on:click=move |_| state.undo(id, inverse.clone())>{common::undo()}</button> }
                    })}
                    <button class="link" aria-label=t::dismiss() on:click=move |_| state.dismiss(toast.id)>"×"</button>
                </div>
            </For>
        </div>
    }
}
