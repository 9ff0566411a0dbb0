//! The one write path of the page: [`AppState::apply`] writes a change set
//! in one store transaction (with Undo when asked), then updates the
//! in-memory customer index and the text index, bumps the revisions pages
//! read, and tells other tabs; `save`, `save_quietly` and `submit` are its
//! forms for buttons, upkeep and forms.

use super::{now_ms, AppState};
use crate::model::{Customer, Id, Record};
use crate::ops::OpError;
use crate::search::CustomerIndex;
use crate::store::{ChangeSet, Op, Store, StoreError};
use leptos::prelude::*;

impl AppState {
    /// Writes `changes` in one transaction (once the store is open: a write
    /// made while the browser still opens it waits). With `undoable`, a
    /// toast offers Undo. Errors come back for the caller to show next to its form; they
    /// are not toasted here.
    pub async fn apply(&self, changes: ChangeSet, undoable: bool) -> Result<(), StoreError> {
        let store = self.opened_store().await?;
        let inverse = if undoable {
            Some(store.apply_undoable(&changes, now_ms()).await?)
        } else {
            store.apply(&changes).await?;
            None
        };
        let changed = self.absorb(&changes);
        self.text.absorb(&changes);
        let reload_all = changes.ops.iter().any(|op| matches!(op, Op::Clear { .. }));
        self.tell_other_tabs(changed, changes.collections(), reload_all);
        if let Some(inverse) = inverse {
            self.toast_with_undo(changes.label.clone(), inverse);
        }
        Ok(())
    }

    /// Writes what an action of [`crate::ops`] built, in the background (with
    /// Undo when `undoable`), for forms and buttons; a refused action's
    /// sentence goes straight to `error`: `saving` (if any) is true while it runs; on success
    /// `error` is cleared and `on_saved` runs; on failure `error` gets the
    /// sentence and whether to offer a reload (see `components::SaveError`).
    pub fn save(
        &self,
        changes: Result<ChangeSet, OpError>,
        undoable: bool,
        error: RwSignal<Option<(String, bool)>>,
        saving: Option<RwSignal<bool>>,
        on_saved: impl FnOnce() + 'static,
    ) {
        let changes = match changes {
            Ok(changes) => changes,
            Err(e) => {
                error.set(Some((e.user_message(), e.offers_reload())));
                return;
            }
        };
        let state = *self;
        if let Some(s) = saving {
            s.set(true);
        }
        leptos::task::spawn_local(async move {
            let result = state.apply(changes, undoable).await;
            if let Some(s) = saving {
                s.set(false);
            }
            match result {
                Ok(()) => {
                    error.set(None);
                    on_saved();
                }
                Err(e) => error.set(Some((e.user_message(), e.offers_reload()))),
            }
        });
    }

    /// Writes what an action built without Undo or any message (upkeep the
    /// user did not ask for, such as moving a setting into the store).
    pub async fn save_quietly(&self, changes: Result<ChangeSet, OpError>) -> Result<(), OpError> {
        self.apply(changes?, false).await?;
        Ok(())
    }

    /// [`AppState::save`] for a form: its sentence and its saving flag.
    pub fn submit(
        &self,
        changes: Result<ChangeSet, OpError>,
        undoable: bool,
        form: crate::ui::components::FormState,
        on_saved: impl FnOnce() + 'static,
    ) {
        self.save(
            changes,
            undoable,
            form.save_error,
            Some(form.saving),
            on_saved,
        );
    }

    /// Applies a write's effect on the customer index; returns the customers
    /// it touched.
    fn absorb(&self, changes: &ChangeSet) -> Vec<Id> {
        if let Some(touched) = self.absorb_in_bulk(changes) {
            return touched;
        }
        let mut touched = Vec::new();
        self.index.update_value(|index| {
            for op in &changes.ops {
                match op {
                    Op::Put {
                        collection: "customers",
                        envelope,
                        ..
                    } => {
                        touched.push(envelope.id);
                        match envelope.open::<Customer>() {
                            Ok(c) if !c.is_deleted() => index.upsert_customer(&c),
                            _ => {
                                index.remove(&envelope.id);
                            }
                        }
                    }
                    Op::Purge {
                        collection: "customers",
                        id,
                        ..
                    } => {
                        touched.push(*id);
                        index.remove(id);
                    }
                    Op::Clear {
                        collection: "customers",
                    } => *index = CustomerIndex::new(),
                    _ => {}
                }
            }
        });
        if !touched.is_empty() || changes.ops.iter().any(|op| op.collection() == "customers") {
            self.index_revision.update(|r| *r += 1);
        }
        self.bump(&changes.collections());
        touched
    }

    /// A large batch that only puts customers (an import, a demo batch):
    /// absorbed with one rebuild of the index's token table
    /// (`CustomerIndex::upsert_customers`) instead of row by row, which at
    /// 100,000 imported customers was a 2.4 s task. `None` when the batch
    /// is small or also purges or clears customers (then row by row, in
    /// order).
    fn absorb_in_bulk(&self, changes: &ChangeSet) -> Option<Vec<Id>> {
        let mut customers = Vec::new();
        for op in &changes.ops {
            match op {
                Op::Put {
                    collection: "customers",
                    envelope,
                    ..
                } => customers.push(envelope),
                op if op.collection() == "customers" => return None,
                _ => {}
            }
        }
        if customers.len() < BULK_ABSORB {
            return None;
        }
        let touched: Vec<Id> = customers.iter().map(|e| e.id).collect();
        let (opened, unreadable): (Vec<_>, Vec<_>) = customers
            .iter()
            .map(|e| e.open::<Customer>().map_err(|_| e.id))
            .partition(Result::is_ok);
        let opened: Vec<Customer> = opened.into_iter().filter_map(Result::ok).collect();
        self.index.update_value(|index| {
            index.upsert_customers(&opened);
            for id in unreadable.into_iter().filter_map(Result::err) {
                index.remove(&id);
            }
        });
        self.index_revision.update(|r| *r += 1);
        self.bump(&changes.collections());
        Some(touched)
    }
}

/// From how many customers in one batch the index absorbs them in bulk.
const BULK_ABSORB: usize = 1_000;
