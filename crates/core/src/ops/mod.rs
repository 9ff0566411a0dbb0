//! The application layer: one function per user action that changes data,
//! on the model of Actual Budget's `loot-core` handlers. Each validates its
//! input, builds one [`ChangeSet`] with the label its Undo toast shows, and
//! returns it; the caller commits it through the one write path (the app's
//! `AppState::apply`: one transaction, Undo, other tabs told). Jobs in the
//! worker build their change sets here too and hand them to the page.
//!
//! Nothing here touches the DOM or IndexedDB: every action is tested
//! natively on `MemStore` (`tests.rs`). Pages hold signals and markup; they
//! call these and show [`OpError::user_message`] when one refuses.
//!
//! - [`records`]: customers (add, save, trash, restore, delete for good,
//!   bulk changes), timeline entries, tasks, relationships;
//! - [`sales`]: deals, quotes and orders, tickets, campaigns;
//! - [`imports`]: reverting an import, as one undoable batch;
//! - [`merge`]: merging duplicate customers into one.

pub mod imports;
pub mod merge;
pub mod records;
pub mod sales;

pub use merge::{
    merge_customers, plan_merge, FieldConflict, MergeChoices, MergeError, MergeField, MergePlan,
};

#[cfg(test)]
mod tests;

use crate::i18n::{errors as t, terms};
use crate::model::{FieldErrorKind, TransitionError, ValidationErrors};
use crate::store::{ChangeSet, StoreError, Stored};

/// Why an action was refused. Shown through [`OpError::user_message`].
#[derive(Debug, Clone, thiserror::Error)]
pub enum OpError {
    /// The store refused or failed (conflict, full, invalid record…).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The input has problems, by field (forms show them next to fields).
    #[error("{0}")]
    Invalid(ValidationErrors),
    /// A state change the record's lifecycle does not allow.
    #[error(transparent)]
    Transition(#[from] TransitionError),
    /// A value one field does not accept (an unknown stage, say).
    #[error("{0}")]
    Field(#[from] FieldErrorKind),
    /// The record is no longer stored (deleted for good in another tab).
    #[error("{}", t::op_missing(terms::translate(.what)))]
    Missing {
        /// What kind of record, in words ("customer").
        what: &'static str,
    },
    /// The action would change nothing.
    #[error("{}", t::op_nothing_to_do())]
    NothingToDo,
    /// What the edit started from was changed by another tab (or a
    /// restore) in the meantime: saving would overwrite that change.
    #[error("{}", t::op_changed_elsewhere(terms::translate(.what)))]
    ChangedElsewhere {
        /// What was changed, in words ("pipeline").
        what: &'static str,
    },
    /// A merge of customers was refused (or a merged-away one restored).
    #[error(transparent)]
    Merge(#[from] MergeError),
}

impl From<ValidationErrors> for OpError {
    fn from(errors: ValidationErrors) -> OpError {
        OpError::Invalid(errors)
    }
}

impl OpError {
    /// The sentence the user sees.
    pub fn user_message(&self) -> String {
        match self {
            OpError::Store(e) => e.user_message(),
            OpError::Invalid(errors) => t::say_not_saved(errors),
            OpError::Transition(e) => t::say_not_changed(e),
            OpError::Field(e) => t::say_not_changed(e),
            OpError::Missing { what } => t::say_missing(terms::translate(what)),
            OpError::NothingToDo => t::say_nothing_to_do().into(),
            OpError::ChangedElsewhere { what } => t::say_changed_elsewhere(terms::translate(what)),
            OpError::Merge(e) => e.user_message(),
        }
    }

    /// Whether reloading may help (the record changed elsewhere).
    pub fn offers_reload(&self) -> bool {
        matches!(self, OpError::Store(e) if e.offers_reload())
            || matches!(
                self,
                OpError::Missing { .. } | OpError::ChangedElsewhere { .. }
            )
    }

    /// The field problems, for forms that show them next to each field.
    pub fn field_errors(&self) -> Option<&ValidationErrors> {
        match self {
            OpError::Invalid(e) | OpError::Store(StoreError::Invalid { errors: e, .. }) => Some(e),
            _ => None,
        }
    }
}

/// One new record under `label`.
pub fn insert_one<R: Stored>(record: &R, label: impl Into<String>) -> Result<ChangeSet, OpError> {
    let mut changes = ChangeSet::new(label);
    changes.insert(record)?;
    Ok(changes)
}

/// One edited record (already `touch`ed) under `label`, checked against
/// the version it was read at.
pub fn update_one<R: Stored>(record: &R, label: impl Into<String>) -> Result<ChangeSet, OpError> {
    let mut changes = ChangeSet::new(label);
    changes.update(record)?;
    Ok(changes)
}
