//! The toasts: short messages at the bottom of the screen, at most three at
//! a time, each gone after eight seconds; a toast for a change can carry the
//! change set that undoes it.

use super::{sleep_ms, AppState};
use crate::store::ChangeSet;
use leptos::prelude::*;
use std::sync::Arc;

/// A message shown at the bottom of the screen, optionally with Undo.
#[derive(Clone)]
pub struct Toast {
    /// Identifies the toast for dismissal.
    pub id: u64,
    /// What happened.
    pub text: String,
    /// Whether it reports a failure.
    pub is_error: bool,
    /// The change set that reverses what happened, if it can be undone.
    pub undo: Option<Arc<ChangeSet>>,
}

impl AppState {
    fn push_toast(&self, text: String, is_error: bool, undo: Option<Arc<ChangeSet>>) {
        let id = self.next_toast.get_value();
        self.next_toast.set_value(id + 1);
        self.toasts.update(|t| {
            t.push(Toast {
                id,
                text,
                is_error,
                undo,
            });
            let excess = t.len().saturating_sub(3);
            t.drain(..excess);
        });
        let toasts = self.toasts;
        leptos::task::spawn_local(async move {
            sleep_ms(8_000).await;
            toasts.update(|t| t.retain(|x| x.id != id));
        });
    }

    /// Shows what happened, with an Undo button.
    pub fn toast_with_undo(&self, text: String, inverse: ChangeSet) {
        self.push_toast(text, false, Some(Arc::new(inverse)));
    }

    /// Shows a short confirmation.
    pub fn toast(&self, text: impl Into<String>) {
        self.push_toast(text.into(), false, None);
    }

    /// Shows a failure.
    pub fn toast_error(&self, text: impl Into<String>) {
        self.push_toast(text.into(), true, None);
    }

    /// Removes a toast.
    pub fn dismiss(&self, id: u64) {
        self.toasts.update(|t| t.retain(|x| x.id != id));
    }

    /// Runs a toast's Undo.
    pub fn undo(&self, toast_id: u64, inverse: Arc<ChangeSet>) {
        self.dismiss(toast_id);
        let state = *self;
        leptos::task::spawn_local(async move {
            let label = inverse.label.clone();
            match state.apply((*inverse).clone(), false).await {
                Ok(()) => state.toast(rapport_core::i18n::notices::undo_done(label)),
                Err(e) => state.toast_error(e.user_message()),
            }
        });
    }
}
