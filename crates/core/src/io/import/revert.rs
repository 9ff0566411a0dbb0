//! Reverting an import as a whole, long after its Undo toast is gone
//! (EspoCRM's "Revert import"): the records it created are purged (with
//! whatever was attached to a created customer since, as deleting a
//! customer for good does), the records it updated get their previous
//! content back, and the [`ImportBatch`] is marked reverted — one
//! [`ChangeSet`], so the store commits it in one transaction.

use std::collections::{HashMap, HashSet};

use super::ImportError;
use crate::model::{Id, ImportBatch, Record, Timestamp};
use crate::store::cascade::{purge_customer, OWNED_BY_CUSTOMER};
use crate::store::{ChangeSet, Envelope, Op, Store, StoreError, COLLECTIONS};

/// Above this many records, revert reads whole collections instead of
/// looking records up one by one.
const BULK: usize = 200;

/// The change set that reverts import `batch` at `now`; apply it with the
/// store's `apply` (or `apply_with_undo`, so the revert itself can be
/// undone).
///
/// A record the import updated is restored to its content from before the
/// import even if it was edited since (its current version is the expected
/// one, so an edit in another tab between this read and the apply makes
/// the revert fail with a conflict rather than be lost); one that was
/// deleted for good since stays deleted. Refused for an import that is not
/// stored or was already reverted.
pub async fn revert<S: Store>(
    store: &S,
    batch: Id,
    now: Timestamp,
) -> Result<ChangeSet, ImportError> {
    let mut record: ImportBatch = store.get(batch).await?.ok_or(ImportError::BatchNotFound)?;
    if record.is_reverted() {
        return Err(ImportError::AlreadyReverted);
    }
    let mut changes = ChangeSet::new(format!("Revert: {}", record.label));
    let mut purged: HashSet<(&'static str, Id)> = HashSet::new();
    let mut purge = |changes: &mut ChangeSet, collection: &'static str, id: Id| {
        if purged.insert((collection, id)) {
            changes.ops.push(Op::Purge {
                collection,
                id,
                expected: None,
            });
        }
    };
    let mut customers: HashSet<Id> = HashSet::new();
    for created in &record.created {
        let collection = collection_name(&created.collection)?;
        if collection == "customers" {
            customers.insert(created.id);
        }
        purge(&mut changes, collection, created.id);
    }
    // What was attached to the created customers since goes with them, as
    // when a customer is deleted for good. Few customers: through the
    // `by_customer` index; many: one read per collection (one IndexedDB
    // transaction each instead of six per customer).
    if customers.len() <= BULK {
        for &customer in &customers {
            for op in purge_customer(store, customer, "").await?.ops {
                if let Op::Purge { collection, id, .. } = op {
                    purge(&mut changes, collection, id);
                }
            }
        }
    } else {
        for &collection in OWNED_BY_CUSTOMER {
            for envelope in store.envelopes(collection).await? {
                if envelope.customers.iter().any(|c| customers.contains(c)) {
                    purge(&mut changes, collection, envelope.id);
                }
            }
        }
    }
    let mut current: HashMap<(&'static str, Id), Envelope> = HashMap::new();
    if record.updated.len() > BULK {
        let mut names: Vec<&'static str> = Vec::new();
        for prior in &record.updated {
            let name = collection_name(&prior.collection)?;
            if !names.contains(&name) {
                names.push(name);
            }
        }
        for name in names {
            for envelope in store.envelopes(name).await? {
                current.insert((name, envelope.id), envelope);
            }
        }
    }
    for prior in &record.updated {
        let collection = collection_name(&prior.collection)?;
        let now_stored = if record.updated.len() > BULK {
            current.remove(&(collection, prior.id))
        } else {
            store.envelope(collection, prior.id).await?
        };
        // Deleted for good since the import: it stays deleted.
        let Some(stored) = now_stored else {
            continue;
        };
        let envelope = restored(collection, &prior.json, &stored, now)?;
        changes.ops.push(Op::Put {
            collection,
            envelope,
            expected: Some(stored.version),
        });
    }
    record.reverted_at = Some(now);
    record.touch(now);
    changes.update(&record)?;
    Ok(changes)
}

/// The store's name for a collection named in a batch.
fn collection_name(name: &str) -> Result<&'static str, StoreError> {
    COLLECTIONS
        .iter()
        .copied()
        .find(|c| *c == name)
        .ok_or_else(|| StoreError::Backend(format!("unknown collection {name}")))
}

/// `json` (the record before the import) as the version after `current`.
fn restored(
    collection: &'static str,
    json: &str,
    current: &Envelope,
    now: Timestamp,
) -> Result<Envelope, StoreError> {
    let corrupt = |e: serde_json::Error| StoreError::Corrupt {
        collection,
        id: current.id,
        reason: e.to_string(),
    };
    let mut value: serde_json::Value = serde_json::from_str(json).map_err(corrupt)?;
    value["version"] = (current.version + 1).into();
    value["updated_at"] = current.updated_at.max(now).into();
    Envelope::rebuild(collection, &value.to_string())
}
