//! Turning a checked [`Backup`] into the one change set that restores it.

use std::collections::{BTreeMap, HashMap};

use super::{Backup, BackupError};
use crate::i18n::changes as ct;
use crate::model::{Id, Timestamp};
use crate::store::Collection;
use crate::store::{ChangeSet, Envelope, Op, Store, COLLECTIONS};

/// How a backup meets the data already here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestoreMode {
    /// Remove everything, then put every record exactly as in the backup.
    Replace,
    /// Add missing records, take the backup's copy where it is newer, keep
    /// everything else.
    Merge,
}

/// What a restore does (or did), in records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RestoreSummary {
    /// Records in the backup that were not here.
    pub added: usize,
    /// Records here that the backup's copy replaces (with `Replace`: every
    /// record that is in both).
    pub replaced: usize,
    /// Records here kept as they are (`Merge` only): newer or as new as the
    /// backup's copy, or not in the backup.
    pub kept: usize,
    /// Records here that are gone afterwards (`Replace` only: not in the
    /// backup).
    pub removed: usize,
}

impl RestoreSummary {
    /// One sentence for the toast, e.g. "Restored: 12 added, 3 replaced,
    /// 40 kept."
    pub fn sentence(&self) -> String {
        let mut parts = vec![
            ct::count_added(self.added),
            ct::count_replaced(self.replaced),
        ];
        if self.kept > 0 {
            parts.push(ct::count_kept(self.kept));
        }
        if self.removed > 0 {
            parts.push(ct::count_removed(self.removed));
        }
        ct::restored_summary(parts.join(ct::list_separator()))
    }
}

/// The change set that restores `backup` over `current` (every envelope
/// stored now, by collection; missing collections count as empty), and
/// what it will do. Pure: see [`plan_restore`] to read `current` from a
/// store.
///
/// `Replace`: per collection, a `Clear` and unchecked puts. `Merge`: only the
/// records that change, each put checked against the version read in
/// `current` (`Some(0)` for a new one), so the batch fails with a conflict
/// if another tab wrote meanwhile.
pub fn restore_change_set(
    backup: &Backup,
    mode: RestoreMode,
    current: &BTreeMap<&str, Vec<Envelope>>,
) -> (ChangeSet, RestoreSummary) {
    let label = match mode {
        RestoreMode::Replace => ct::restored_backup(),
        RestoreMode::Merge => ct::merged_backup(),
    };
    let mut changes = ChangeSet::new(label);
    let mut summary = RestoreSummary::default();
    let empty = Vec::new();
    for &collection in COLLECTIONS {
        let incoming = backup.collections.get(collection).unwrap_or(&empty);
        let here: HashMap<Id, (Timestamp, u64)> = current
            .get(collection)
            .unwrap_or(&empty)
            .iter()
            .map(|e| (e.id, (e.updated_at, e.version)))
            .collect();
        match mode {
            RestoreMode::Replace => {
                let in_both = incoming.iter().filter(|e| here.contains_key(&e.id)).count();
                summary.replaced += in_both;
                summary.added += incoming.len() - in_both;
                summary.removed += here.len() - in_both;
                changes.clear(collection);
                changes.ops.extend(incoming.iter().map(|envelope| Op::Put {
                    collection,
                    envelope: envelope.clone(),
                    expected: None,
                }));
            }
            RestoreMode::Merge => {
                let mut matched = 0;
                for envelope in incoming {
                    let expected = match here.get(&envelope.id) {
                        None => {
                            summary.added += 1;
                            Some(0)
                        }
                        Some(&(updated_at, version)) => {
                            matched += 1;
                            if (envelope.updated_at, envelope.version) <= (updated_at, version) {
                                summary.kept += 1;
                                continue;
                            }
                            summary.replaced += 1;
                            Some(version)
                        }
                    };
                    changes.ops.push(Op::Put {
                        collection,
                        envelope: envelope.clone(),
                        expected,
                    });
                }
                summary.kept += here.len() - matched;
            }
        }
    }
    (changes, summary)
}

/// Reads every collection of `store` and returns [`restore_change_set`]'s
/// result. Apply the change set with `store.apply` (or
/// `store::undo::apply_with_undo` for an Undo toast).
pub async fn plan_restore<S: Store>(
    store: &S,
    backup: &Backup,
    mode: RestoreMode,
) -> Result<(ChangeSet, RestoreSummary), BackupError> {
    let mut current = BTreeMap::new();
    for collection in Collection::ALL {
        current.insert(collection.name(), store.envelopes(collection).await?);
    }
    Ok(restore_change_set(backup, mode, &current))
}

/// [`plan_restore`], then applies it (one transaction, no undo).
pub async fn restore<S: Store>(
    store: &S,
    backup: &Backup,
    mode: RestoreMode,
) -> Result<RestoreSummary, BackupError> {
    let (changes, summary) = plan_restore(store, backup, mode).await?;
    store.apply(&changes).await?;
    Ok(summary)
}
