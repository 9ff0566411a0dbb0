//! Reverting an import as a whole, long after its Undo toast is gone
//! (EspoCRM's "Revert import"), safely: the records it created go to the
//! Trash (not purged: whatever was attached to them since stays attached,
//! and restoring from the Trash brings it all back), the records it updated
//! get their previous content back, and the [`ImportBatch`] is marked
//! reverted — one [`ChangeSet`], applied with Undo.
//!
//! Records edited since the import (their version moved past the one the
//! import wrote) are listed in the [`RevertPlan`] and kept as they are
//! unless the user chooses to revert them too: a revert never silently
//! throws away later work.

use crate::i18n::changes as ct;
use std::collections::HashMap;

use super::ImportError;
use crate::model::{Id, ImportBatch, Record, Timestamp};
use crate::store::{ChangeSet, Collection, Envelope, Op, Store, StoreError};

/// Above this many records, the plan reads whole collections instead of
/// looking records up one by one.
const BULK: usize = 200;

/// A record the import created or updated that was edited after it.
#[derive(Debug, Clone, PartialEq)]
pub struct EditedSince {
    /// The collection.
    pub collection: &'static str,
    /// The record.
    pub id: Id,
    /// Whether the import created it (else it updated it).
    pub created_by_import: bool,
    /// The record's name where it has one (customers), for the list shown.
    pub name: Option<String>,
}

/// What reverting an import would do, read from the store.
#[derive(Debug, Clone)]
pub struct RevertPlan {
    /// The import.
    pub batch: ImportBatch,
    /// Records the import created that are still stored and not in the
    /// Trash, as stored now.
    created: Vec<(&'static str, Envelope)>,
    /// Records the import updated, still stored: (content before the
    /// import, as stored now).
    updated: Vec<(&'static str, String, Envelope)>,
    /// Of the above, those edited since the import.
    pub edited_since: Vec<EditedSince>,
}

impl RevertPlan {
    /// How many records the revert sends to the Trash and restores, with
    /// the records edited since kept (`keep_edited`) or not.
    pub fn counts(&self, keep_edited: bool) -> (usize, usize) {
        let kept = |c: &str, id: Id| keep_edited && self.was_edited(c, id);
        (
            self.created.iter().filter(|(c, e)| !kept(c, e.id)).count(),
            self.updated
                .iter()
                .filter(|(c, _, e)| !kept(c, e.id))
                .count(),
        )
    }

    fn was_edited(&self, collection: &str, id: Id) -> bool {
        self.edited_since
            .iter()
            .any(|e| e.collection == collection && e.id == id)
    }

    /// The change set: created records to the Trash, updated ones back to
    /// their content before the import, the batch marked reverted. With
    /// `keep_edited`, the records in [`RevertPlan::edited_since`] are left
    /// as they are. Every put is checked against the version read for the
    /// plan, so an edit in another tab meanwhile makes it fail whole.
    pub fn changes(&self, keep_edited: bool, now: Timestamp) -> Result<ChangeSet, ImportError> {
        let mut changes = ChangeSet::new(ct::reverted_import(&self.batch.label));
        for (collection, current) in &self.created {
            if keep_edited && self.was_edited(collection, current.id) {
                continue;
            }
            let envelope = rewritten(collection, &current.json, current, now, Some(now))?;
            changes.ops.push(Op::Put {
                collection,
                envelope,
                expected: Some(current.version),
            });
        }
        for (collection, prior, current) in &self.updated {
            if keep_edited && self.was_edited(collection, current.id) {
                continue;
            }
            let envelope = rewritten(collection, prior, current, now, None)?;
            changes.ops.push(Op::Put {
                collection,
                envelope,
                expected: Some(current.version),
            });
        }
        let mut batch = self.batch.clone();
        batch.reverted_at = Some(now);
        batch.touch(now);
        changes.update(&batch)?;
        Ok(changes)
    }
}

/// Reads what reverting import `batch` would do. Refused for an import
/// that is not stored or was already reverted.
pub async fn plan_revert<S: Store>(store: &S, batch: Id) -> Result<RevertPlan, ImportError> {
    let batch: ImportBatch = store.get(batch).await?.ok_or(ImportError::BatchNotFound)?;
    if batch.is_reverted() {
        return Err(ImportError::AlreadyReverted);
    }
    let mut wanted: Vec<(&'static str, Id)> = Vec::new();
    for created in &batch.created {
        wanted.push((collection_name(&created.collection)?, created.id));
    }
    for prior in &batch.updated {
        wanted.push((collection_name(&prior.collection)?, prior.id));
    }
    let mut current = current_envelopes(store, &wanted).await?;
    let mut plan = RevertPlan {
        batch: batch.clone(),
        created: Vec::new(),
        updated: Vec::new(),
        edited_since: Vec::new(),
    };
    for created in &batch.created {
        let collection = collection_name(&created.collection)?;
        // Deleted for good, or in the Trash already: nothing to do.
        let Some(now_stored) = current.remove(&(collection, created.id)) else {
            continue;
        };
        if now_stored.deleted {
            continue;
        }
        // Created at version 1; anything above is a later edit.
        if now_stored.version > 1 {
            plan.edited_since.push(EditedSince {
                collection,
                id: created.id,
                created_by_import: true,
                name: now_stored.name.clone(),
            });
        }
        plan.created.push((collection, now_stored));
    }
    for prior in &batch.updated {
        let collection = collection_name(&prior.collection)?;
        let Some(now_stored) = current.remove(&(collection, prior.id)) else {
            continue;
        };
        if now_stored.version > prior.version {
            plan.edited_since.push(EditedSince {
                collection,
                id: prior.id,
                created_by_import: false,
                name: now_stored.name.clone(),
            });
        }
        plan.updated
            .push((collection, prior.json.clone(), now_stored));
    }
    Ok(plan)
}

/// The change set that reverts import `batch` at `now`, keeping the
/// records edited since (see [`RevertPlan::changes`]).
pub async fn revert<S: Store>(
    store: &S,
    batch: Id,
    now: Timestamp,
) -> Result<ChangeSet, ImportError> {
    plan_revert(store, batch).await?.changes(true, now)
}

/// The stored envelopes of `wanted` (absent ones left out).
async fn current_envelopes<S: Store>(
    store: &S,
    wanted: &[(&'static str, Id)],
) -> Result<HashMap<(&'static str, Id), Envelope>, StoreError> {
    let mut found = HashMap::new();
    if wanted.len() <= BULK {
        for &(collection, id) in wanted {
            if let Some(envelope) = store.envelope(known(collection)?, id).await? {
                found.insert((collection, id), envelope);
            }
        }
        return Ok(found);
    }
    let mut names: Vec<&'static str> = wanted.iter().map(|(c, _)| *c).collect();
    names.sort_unstable();
    names.dedup();
    let wanted: std::collections::HashSet<(&'static str, Id)> = wanted.iter().copied().collect();
    for name in names {
        for envelope in store.envelopes(known(name)?).await? {
            if wanted.contains(&(name, envelope.id)) {
                found.insert((name, envelope.id), envelope);
            }
        }
    }
    Ok(found)
}

/// The collection a (checked) name stands for.
fn known(name: &str) -> Result<Collection, StoreError> {
    Collection::from_name(name)
        .ok_or_else(|| StoreError::Backend(format!("unknown collection {name}")))
}

/// The store's name for a collection named in a batch.
fn collection_name(name: &str) -> Result<&'static str, StoreError> {
    Collection::from_name(name)
        .map(Collection::name)
        .ok_or_else(|| StoreError::Backend(format!("unknown collection {name}")))
}

/// `json` as the version after `current`, moved to the Trash at
/// `trashed_at` when given.
fn rewritten(
    collection: &'static str,
    json: &str,
    current: &Envelope,
    now: Timestamp,
    trashed_at: Option<Timestamp>,
) -> Result<Envelope, StoreError> {
    let corrupt = |e: serde_json::Error| StoreError::Corrupt {
        collection,
        id: current.id,
        reason: e.to_string(),
    };
    let mut value: serde_json::Value = serde_json::from_str(json).map_err(corrupt)?;
    value["version"] = (current.version + 1).into();
    value["updated_at"] = current.updated_at.max(now).into();
    if let Some(at) = trashed_at {
        value["deleted_at"] = at.into();
    }
    Envelope::rebuild(collection, &value.to_string())
}
