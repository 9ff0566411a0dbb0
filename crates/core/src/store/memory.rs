//! `MemStore`: the Store contract in memory, for native tests and benches.
//! It applies the same checks as IndexedDB (versions, atomic batches) so
//! that tests against it mean something for the real store.

use super::change::check_expected;
use super::{ChangeSet, CustomerLookup, Envelope, Op, Store, StoreError};
use crate::model::Id;
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

    fn select(&self, collection: &str, keep: impl Fn(&Envelope) -> bool) -> Vec<Envelope> {
        self.collections
            .borrow()
            .get(collection)
            .map(|c| c.values().filter(|e| keep(e)).cloned().collect())
            .unwrap_or_default()
    }
}

impl Store for MemStore {
    async fn envelope(&self, collection: &str, id: Id) -> Result<Option<Envelope>, StoreError> {
        Ok(self
            .collections
            .borrow()
            .get(collection)
            .and_then(|c| c.get(&id))
            .cloned())
    }

    async fn envelopes(&self, collection: &str) -> Result<Vec<Envelope>, StoreError> {
        Ok(self.select(collection, |_| true))
    }

    async fn envelopes_for_customer(
        &self,
        collection: &str,
        customer: Id,
    ) -> Result<Vec<Envelope>, StoreError> {
        Ok(self.select(collection, |e| e.customers.contains(&customer)))
    }

    async fn customer_envelopes(
        &self,
        lookup: &CustomerLookup,
    ) -> Result<Vec<Envelope>, StoreError> {
        Ok(self.select("customers", |e| match lookup {
            CustomerLookup::Email(email) => e.emails.iter().any(|x| x == email),
            CustomerLookup::Name(name) => e.name.as_deref() == Some(name.as_str()),
            CustomerLookup::Tag(tag) => e.tags.iter().any(|x| x == tag),
        }))
    }

    async fn recent_envelopes(
        &self,
        collection: &str,
        limit: usize,
    ) -> Result<Vec<Envelope>, StoreError> {
        let mut envelopes = self.select(collection, |_| true);
        // Newest first; ties by id descending, as IndexedDB's `prev` cursor over
        // the (updated_at, id) index does.
        envelopes.sort_by_key(|e| std::cmp::Reverse((e.updated_at, e.id)));
        envelopes.truncate(limit);
        Ok(envelopes)
    }
    async fn count(&self, collection: &str) -> Result<usize, StoreError> {
        Ok(self
            .collections
            .borrow()
            .get(collection)
            .map_or(0, BTreeMap::len))
    }

    async fn apply(&self, changes: &ChangeSet) -> Result<(), StoreError> {
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
            match op {
                Op::Put {
                    collection: name,
                    envelope,
                    expected,
                } => {
                    let found = collection.get(&envelope.id).map(|e| e.version);
                    check_expected(name, envelope.id, *expected, found)?;
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
