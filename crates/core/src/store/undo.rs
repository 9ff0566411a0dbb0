//! Undo: the change set that reverses another, so every delete and bulk
//! change can be followed by an Undo toast.
//!
//! The "before" state is read inside the write's own transaction
//! ([`Store::apply_undoable`]): each store gathers the records a batch
//! touches into a [`Before`] in the same transaction that writes, and
//! [`inverse_of`] turns that into the reversing batch. A change made by
//! another tab between a separate read and the write can therefore never
//! end up in (or be missing from) the Undo.

use super::{ChangeSet, Envelope, Op, Store, StoreError};
use crate::model::{Id, Timestamp};
use std::collections::HashMap;

/// What a batch's records and cleared collections held before it ran.
#[derive(Debug, Clone, Default)]
pub struct Before {
    /// The stored envelope of every record a put or purge names (absent:
    /// the record did not exist).
    pub records: HashMap<(&'static str, Id), Envelope>,
    /// Every envelope of each collection the batch clears.
    pub cleared: HashMap<&'static str, Vec<Envelope>>,
}

impl Before {
    /// The records and collections a store must read for `changes`.
    pub fn wanted(changes: &ChangeSet) -> (Vec<(&'static str, Id)>, Vec<&'static str>) {
        let mut records = Vec::new();
        let mut collections = Vec::new();
        for op in &changes.ops {
            match op {
                Op::Put {
                    collection,
                    envelope,
                    ..
                } => records.push((*collection, envelope.id)),
                Op::Purge { collection, id, .. } => records.push((*collection, *id)),
                Op::Clear { collection } => collections.push(*collection),
            }
        }
        records.sort_unstable();
        records.dedup();
        collections.sort_unstable();
        collections.dedup();
        (records, collections)
    }
}

/// Applies `changes` and returns the change set that puts every touched
/// record back as it was (read in the same transaction).
pub async fn apply_with_undo<S: Store>(
    store: &S,
    changes: &ChangeSet,
    now: Timestamp,
) -> Result<ChangeSet, StoreError> {
    store.apply_undoable(changes, now).await
}

/// The change set that reverses `changes`, given what was stored before.
/// Restored records get a new version (the undo is an edit too), so other
/// tabs see it as a change rather than a conflict; an undone insert is a
/// purge checked against the inserted version, so an edit made since is
/// never destroyed.
pub fn inverse_of(
    changes: &ChangeSet,
    before: &Before,
    now: Timestamp,
) -> Result<ChangeSet, StoreError> {
    let mut inverse = ChangeSet::new(crate::i18n::changes::undo_of(&changes.label));
    for op in changes.ops.iter().rev() {
        match op {
            Op::Put {
                collection,
                envelope,
                ..
            } => {
                inverse
                    .ops
                    .push(match before.records.get(&(*collection, envelope.id)) {
                        Some(old) => restore_op(collection, old.clone(), envelope.version, now)?,
                        None => Op::Purge {
                            collection,
                            id: envelope.id,
                            expected: Some(envelope.version),
                        },
                    });
            }
            Op::Purge { collection, id, .. } => {
                if let Some(old) = before.records.get(&(*collection, *id)) {
                    inverse.ops.push(Op::Put {
                        collection,
                        envelope: old.clone(),
                        expected: Some(0),
                    });
                }
            }
            Op::Clear { collection } => {
                inverse.ops.push(Op::Clear { collection });
                for old in before.cleared.get(collection).into_iter().flatten() {
                    inverse.ops.push(Op::Put {
                        collection,
                        envelope: old.clone(),
                        expected: None,
                    });
                }
            }
        }
    }
    Ok(inverse)
}

/// A put of `old`'s content as the version after `current`.
fn restore_op(
    collection: &'static str,
    mut old: Envelope,
    current: u64,
    now: Timestamp,
) -> Result<Op, StoreError> {
    let mut value: serde_json::Value =
        serde_json::from_str(&old.json).map_err(|e| StoreError::Corrupt {
            collection,
            id: old.id,
            reason: e.to_string(),
        })?;
    old.version = current + 1;
    old.updated_at = old.updated_at.max(now);
    value["version"] = old.version.into();
    value["updated_at"] = old.updated_at.into();
    old.json = value.to_string();
    Ok(Op::Put {
        collection,
        envelope: old,
        expected: Some(current),
    })
}
