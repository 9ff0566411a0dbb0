//! `MemStore`: the Store contract in memory, for native tests and benches.
//! It applies the same checks as IndexedDB (versions, atomic batches) so
//! that tests against it mean something for the real store.

use super::change::check_expected;
use super::undo::{inverse_of, Before};
use super::{ChangeSet, Collection, CustomerLookup, Envelope, Op, Store, StoreError};
use crate::model::{Id, Timestamp};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};

/// An in-memory store. Cloning shares nothing: each value is its own store.
#[derive(Debug, Default)]
pub struct MemStore {
    collections: RefCell<HashMap<&'static str, BTreeMap<Id, Envelope>>>,
}

impl MemStore {
    /// An empty store.
    pub fn new() -> MemStore {
        MemStore::default()
    }

    fn select(&self, collection: Collection, keep: impl Fn(&Envelope) -> bool) -> Vec<Envelope> {
        self.collections
            .borrow()
            .get(collection.name())
            .map(|c| c.values().filter(|e| keep(e)).cloned().collect())
            .unwrap_or_default()
    }
}

impl Store for MemStore {
    async fn envelope(
        &self,
        collection: Collection,
        id: Id,
    ) -> Result<Option<Envelope>, StoreError> {
        Ok(self
            .collections
            .borrow()
            .get(collection.name())
            .and_then(|c| c.get(&id))
            .cloned())
    }

    async fn envelopes(&self, collection: Collection) -> Result<Vec<Envelope>, StoreError> {
        Ok(self.select(collection, |_| true))
    }

    async fn envelopes_for_customer(
        &self,
        collection: Collection,
        customer: Id,
    ) -> Result<Vec<Envelope>, StoreError> {
        Ok(self.select(collection, |e| e.customers.contains(&customer)))
    }

    async fn customer_envelopes(
        &self,
        lookup: &CustomerLookup,
    ) -> Result<Vec<Envelope>, StoreError> {
        Ok(self.select(Collection::Customers, |e| match lookup {
            CustomerLookup::Email(email) => e.emails.iter().any(|x| x == email),
            CustomerLookup::Name(name) => e.name.as_deref() == Some(name.as_str()),
            CustomerLookup::Tag(tag) => e.tags.iter().any(|x| x == tag),
        }))
    }

    async fn recent_envelopes(
        &self,
        collection: Collection,
        limit: usize,
    ) -> Result<Vec<Envelope>, StoreError> {
        let mut envelopes = self.select(collection, |_| true);
        // Newest first; ties by id descending, as IndexedDB's `prev` cursor over
        // the (updated_at, id) index does.
        envelopes.sort_by_key(|e| std::cmp::Reverse((e.updated_at, e.id)));
        envelopes.truncate(limit);
        Ok(envelopes)
    }
    async fn count(&self, collection: Collection) -> Result<usize, StoreError> {
        Ok(self
            .collections
            .borrow()
            .get(collection.name())
            .map_or(0, BTreeMap::len))
    }

    async fn apply(&self, changes: &ChangeSet) -> Result<(), StoreError> {
        self.commit(changes)
    }

    async fn apply_undoable(
        &self,
        changes: &ChangeSet,
        now: Timestamp,
    ) -> Result<ChangeSet, StoreError> {
        // No await between the read and the write: nothing can come between.
        let before = {
            let collections = self.collections.borrow();
            let (records, cleared) = Before::wanted(changes);
            Before {
                records: records
                    .into_iter()
                    .filter_map(|(c, id)| {
                        let found = collections.get(c)?.get(&id)?;
                        Some(((c, id), found.clone()))
                    })
                    .collect(),
                cleared: cleared
                    .into_iter()
                    .map(|c| {
                        let all = collections
                            .get(c)
                            .map(|m| m.values().cloned().collect())
                            .unwrap_or_default();
                        (c, all)
                    })
                    .collect(),
            }
        };
        let inverse = inverse_of(changes, &before, now)?;
        self.commit(changes)?;
        Ok(inverse)
    }
}

impl MemStore {
    fn commit(&self, changes: &ChangeSet) -> Result<(), StoreError> {
        let mut collections = self.collections.borrow_mut();
        // Work on a copy of the touched collections so a refused batch leaves
        // the store exactly as it was.
        let mut staged: HashMap<&'static str, BTreeMap<Id, Envelope>> = changes
            .collections()
            .into_iter()
            .map(|name| (name, collections.get(name).cloned().unwrap_or_default()))
            .collect();
        for op in &changes.ops {
            let collection = staged.entry(op.collection()).or_default();
            if let Some((name, id, expected)) = op.expected() {
                let found = collection.get(&id).map(|e| e.version);
                // A checked purge of a record already gone has nothing to destroy.
                let gone_already = matches!(op, Op::Purge { .. }) && found.is_none();
                if !gone_already {
                    check_expected(name, id, Some(expected), found)?;
                }
            }
            match op {
                Op::Put { envelope, .. } => {
                    collection.insert(envelope.id, envelope.clone());
                }
                Op::Purge { id, .. } => {
                    collection.remove(id);
                }
                Op::Clear { .. } => collection.clear(),
            }
        }
        collections.extend(staged);
        Ok(())
    }
}
