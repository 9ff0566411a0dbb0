//! Long single-transaction writes (an import, a restore) remembered while
//! they run, so that after a reload in the middle the page can say whether
//! the write was stored or not (see `store::pending`).

use super::AppState;
use crate::store::{ChangeSet, PendingWrite, StoreError};
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

const PENDING_KEY: &str = "rapport.pending-write";

impl AppState {
    /// [`AppState::apply`], remembered as `what` ("The import of x.csv")
    /// until the write is done, so a reload meanwhile is reported on the
    /// next open.
    pub async fn apply_remembered(
        &self,
        changes: ChangeSet,
        undoable: bool,
        what: &str,
    ) -> Result<(), StoreError> {
        let _ = LocalStorage::set(PENDING_KEY, PendingWrite::of(&changes, what));
        let result = self.apply(changes, undoable).await;
        LocalStorage::delete(PENDING_KEY);
        result
    }

    /// On start-up: says what became of a write a reload cut off.
    pub(super) async fn report_interrupted_write(&self) {
        let Ok(pending) = LocalStorage::get::<PendingWrite>(PENDING_KEY) else {
            return;
        };
        let Ok(store) = self.store() else {
            return;
        };
        if let Ok(outcome) = pending.settle(&*store).await {
            self.interrupted.set(Some(outcome.sentence()));
            LocalStorage::delete(PENDING_KEY);
        }
    }
}
