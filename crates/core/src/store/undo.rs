//! Undo: apply a change set and get back the one that reverses it, so every
//! delete and bulk change can be followed by an Undo toast.

use super::{ChangeSet, Envelope, Op, Store, StoreError};
use crate::model::Timestamp;

/// Applies `changes` and returns the change set that puts every touched
/// record back as it was. Restored records get a new version (the undo is an
/// edit too), so other tabs see it as a change rather than a conflict.
pub async fn apply_with_undo<S: Store>(
    store: &S,
    changes: &ChangeSet,
    now: Timestamp,
) -> Result<ChangeSet, StoreError> {
    let mut inverse = ChangeSet::new(format!("Undo: {}", changes.label));
    for op in changes.ops.iter().rev() {
        match op {
            Op::Put {
                collection,
                envelope,
                ..
            } => {
                let before = store.envelope(collection, envelope.id).await?;
                inverse.ops.push(match before {
                    Some(old) => restore_op(collection, old, envelope.version, now)?,
                    None => Op::Purge {
                        collection,
                        id: envelope.id,
                    },
                });
            }
            Op::Purge { collection, id } => {
                if let Some(old) = store.envelope(collection, *id).await? {
                    inverse.ops.push(Op::Put {
                        collection,
                        envelope: old,
                        expected: Some(0),
                    });
                }
            }
            Op::Clear { collection } => {
                inverse.ops.push(Op::Clear { collection });
                for old in store.envelopes(collection).await? {
                    inverse.ops.push(Op::Put {
                        collection,
                        envelope: old,
                        expected: None,
                    });
                }
            }
        }
    }
    store.apply(changes).await?;
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
