//! `IdbStore`: the Store contract on IndexedDB (through the `idb` crate).
//!
//! One object store per collection, keyed on the record id, holding
//! [`Envelope`]s as plain JS objects (index keys as fields, the record as a
//! JSON string). The schema comes from [`schema::MIGRATIONS`]; opening an
//! older database runs the missing migrations in the browser's upgrade
//! transaction. That one step uses `web_sys` directly, because the upgrade
//! transaction is only reachable from the raw `upgradeneeded` event.
//!
//! `apply` runs one readwrite transaction: it first reads the stored version
//! of every checked put, aborts on a mismatch, then issues all writes without
//! waiting for each and awaits the commit — many records per transaction,
//! which is what makes bulk loads fast.

mod upgrade;

pub use upgrade::UPGRADE_NOTICE_KEY;

use super::schema::SCHEMA_VERSION;
use super::undo::{inverse_of, Before};
use super::{ChangeSet, Collection, CustomerLookup, Envelope, Op, Store, StoreError, Stored};
use crate::model::{Id, Timestamp};
use idb::{CursorDirection, Database, Factory, Query, TransactionMode, TransactionResult};
use js_sys::Array;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A Store on one IndexedDB database.
pub struct IdbStore {
    db: Database,
    closed_by_upgrade: Rc<Cell<bool>>,
}

impl IdbStore {
    /// Opens (creating or upgrading) the database `name` at the current
    /// schema version.
    pub async fn open(name: &str) -> Result<IdbStore, StoreError> {
        IdbStore::open_at(name, SCHEMA_VERSION).await
    }

    /// Opens the database at a given schema version: the migration tests use
    /// it to create a database as an older release did.
    pub async fn open_at(name: &str, version: u32) -> Result<IdbStore, StoreError> {
        let factory = Factory::new().map_err(|e| StoreError::Unavailable(format!("{e:?}")))?;
        let mut request = factory.open(name, Some(version)).map_err(map_error)?;
        request.on_upgrade_needed(move |event| {
            let raw: web_sys::IdbVersionChangeEvent = event.into();
            let old = raw.old_version() as u32;
            if let Err(e) = upgrade::upgrade(&raw, old, version) {
                web_sys::console::error_1(
                    &format!("Rapport: database upgrade failed: {e:?}").into(),
                );
                if let Some(txn) = upgrade::upgrade_transaction(&raw) {
                    let _ = txn.abort();
                }
            }
        });
        // An older connection elsewhere that does not give way to upgrades.
        request.on_blocked(|_| {
            web_sys::console::warn_1(
                &"Rapport: opening the database waits for another tab to close it".into(),
            );
        });
        let db = request.await.map_err(|e| match map_error(e) {
            StoreError::Backend(m) if m.contains("VersionError") => StoreError::TooNew {
                found: 0,
                supported: version,
            },
            other => other,
        })?;
        let closed_by_upgrade = Rc::new(Cell::new(false));
        let raw_db: web_sys::IdbDatabase = db.into();
        let db = Database::from(raw_db.clone());
        let flag = closed_by_upgrade.clone();
        let db_for_close = raw_db.clone();
        // Another tab wants a newer schema: let it, and fail our later calls
        // with VersionChanged (the UI offers a reload).
        let on_version_change = Closure::<dyn FnMut()>::new(move || {
            flag.set(true);
            db_for_close.close();
        });
        raw_db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        on_version_change.forget();
        Ok(IdbStore {
            db,
            closed_by_upgrade,
        })
    }

    /// Deletes a whole database (tests, "erase everything").
    pub async fn delete(name: &str) -> Result<(), StoreError> {
        let factory = Factory::new().map_err(|e| StoreError::Unavailable(format!("{e:?}")))?;
        factory
            .delete(name)
            .map_err(map_error)?
            .await
            .map_err(map_error)
    }

    /// The schema version of the open database.
    pub fn version(&self) -> u32 {
        self.db.version().unwrap_or(0)
    }

    /// Closes the connection.
    pub fn close(&self) {
        self.db.close();
    }

    fn transaction(
        &self,
        stores: &[&str],
        mode: TransactionMode,
    ) -> Result<idb::Transaction, StoreError> {
        if self.closed_by_upgrade.get() {
            return Err(StoreError::VersionChanged);
        }
        self.db.transaction(stores, mode).map_err(map_error)
    }

    async fn read_all(
        &self,
        collection: &str,
        index: Option<&str>,
        key: Option<JsValue>,
    ) -> Result<Vec<Envelope>, StoreError> {
        let txn = self.transaction(&[collection], TransactionMode::ReadOnly)?;
        let store = txn.object_store(collection).map_err(map_error)?;
        let query = key.map(Query::from);
        let values = match index {
            Some(name) => store.index(name).map_err(map_error)?.get_all(query, None),
            None => store.get_all(query, None),
        }
        .map_err(map_error)?
        .await
        .map_err(map_error)?;
        let array: Array = values.into_iter().collect();
        from_js_all(&array)
    }
}

impl Store for IdbStore {
    async fn envelope(
        &self,
        collection: Collection,
        id: Id,
    ) -> Result<Option<Envelope>, StoreError> {
        let txn = self.transaction(&[collection.name()], TransactionMode::ReadOnly)?;
        let store = txn.object_store(collection.name()).map_err(map_error)?;
        let value = store
            .get(key_of(id))
            .map_err(map_error)?
            .await
            .map_err(map_error)?;
        value.as_ref().map(from_js).transpose()
    }

    async fn envelopes(&self, collection: Collection) -> Result<Vec<Envelope>, StoreError> {
        self.read_all(collection.name(), None, None).await
    }

    async fn envelopes_for_customer(
        &self,
        collection: Collection,
        customer: Id,
    ) -> Result<Vec<Envelope>, StoreError> {
        self.read_all(
            collection.name(),
            Some("by_customer"),
            Some(key_of(customer)),
        )
        .await
    }

    async fn customer_envelopes(
        &self,
        lookup: &CustomerLookup,
    ) -> Result<Vec<Envelope>, StoreError> {
        let (index, key) = match lookup {
            CustomerLookup::Email(e) => ("by_email", e),
            CustomerLookup::Name(n) => ("by_name", n),
            CustomerLookup::Tag(t) => ("by_tag", t),
        };
        self.read_all("customers", Some(index), Some(JsValue::from_str(key)))
            .await
    }

    async fn recent_envelopes(
        &self,
        collection: Collection,
        limit: usize,
    ) -> Result<Vec<Envelope>, StoreError> {
        let txn = self.transaction(&[collection.name()], TransactionMode::ReadOnly)?;
        let store = txn.object_store(collection.name()).map_err(map_error)?;
        let index = store.index("by_updated").map_err(map_error)?;
        let cursor = index
            .open_cursor(None, Some(CursorDirection::Prev))
            .map_err(map_error)?
            .await
            .map_err(map_error)?;
        let mut out = Vec::new();
        if let Some(cursor) = cursor {
            let mut cursor = cursor.into_managed();
            while out.len() < limit {
                match cursor.value().map_err(map_error)? {
                    Some(value) => out.push(from_js(&value)?),
                    None => break,
                }
                cursor.next(None).await.map_err(map_error)?;
            }
        }
        Ok(out)
    }

    /// Overrides the envelope-based default: a list of 100,000 customers is
    /// read with one getAll and decoded from one JSON array text.
    async fn all<R: Stored>(&self) -> Result<Vec<R>, StoreError> {
        let txn = self.transaction(&[R::COLLECTION], TransactionMode::ReadOnly)?;
        let store = txn.object_store(R::COLLECTION).map_err(map_error)?;
        let values = store
            .get_all(None, None)
            .map_err(map_error)?
            .await
            .map_err(map_error)?;
        let array: Array = values.into_iter().collect();
        let text = records_as_json_array(&array);
        serde_json::from_str(&text).map_err(|e| {
            StoreError::Backend(format!(
                "a stored {} record is malformed: {e}",
                R::COLLECTION
            ))
        })
    }

    async fn count(&self, collection: Collection) -> Result<usize, StoreError> {
        let txn = self.transaction(&[collection.name()], TransactionMode::ReadOnly)?;
        let store = txn.object_store(collection.name()).map_err(map_error)?;
        let n = store
            .count(None)
            .map_err(map_error)?
            .await
            .map_err(map_error)?;
        Ok(n as usize)
    }

    async fn apply(&self, changes: &ChangeSet) -> Result<(), StoreError> {
        self.commit(changes, false).await.map(drop)
    }

    async fn apply_undoable(
        &self,
        changes: &ChangeSet,
        now: Timestamp,
    ) -> Result<ChangeSet, StoreError> {
        let before = self.commit(changes, true).await?.unwrap_or_default();
        inverse_of(changes, &before, now)
    }
}

impl IdbStore {
    /// Writes `changes` in one readwrite transaction. With `read_before`,
    /// first reads (in the same transaction) what the batch will overwrite,
    /// for its Undo.
    async fn commit(
        &self,
        changes: &ChangeSet,
        read_before: bool,
    ) -> Result<Option<Before>, StoreError> {
        if changes.is_empty() {
            return Ok(read_before.then(Before::default));
        }
        let names = changes.collections();
        let txn = self.transaction(&names, TransactionMode::ReadWrite)?;
        // 1. What Undo needs, read before anything is written.
        let before = if read_before {
            Some(read_before_writing(&txn, changes).await?)
        } else {
            None
        };
        // 2. Optimistic concurrency: every checked put and purge against
        // what is stored (a checked purge of a record already gone is fine).
        let mut checks = Vec::new();
        for op in &changes.ops {
            if let Some((collection, id, expected)) = op.expected() {
                let store = txn.object_store(collection).map_err(map_error)?;
                let request = store.get(key_of(id)).map_err(map_error)?;
                checks.push((
                    collection,
                    id,
                    expected,
                    matches!(op, Op::Purge { .. }),
                    request,
                ));
            }
        }
        for (collection, id, expected, is_purge, request) in checks {
            let found = request.await.map_err(map_error)?;
            let found = found.as_ref().map(from_js).transpose()?.map(|e| e.version);
            if is_purge && found.is_none() {
                continue;
            }
            if let Err(conflict) = super::check_expected(collection, id, Some(expected), found) {
                let _ = txn.abort();
                return Err(conflict);
            }
        }
        // 3. All writes, issued without waiting for each one; the puts'
        // objects made in one JSON round trip, each store handle fetched once.
        let objects = to_js_all(changes.ops.iter().filter_map(|op| match op {
            Op::Put { envelope, .. } => Some(envelope),
            _ => None,
        }))?;
        let mut stores: Vec<(&str, idb::ObjectStore)> = Vec::new();
        let mut next_put = 0;
        for op in &changes.ops {
            let name = op.collection();
            let position = match stores.iter().position(|(n, _)| *n == name) {
                Some(p) => p,
                None => {
                    stores.push((name, txn.object_store(name).map_err(map_error)?));
                    stores.len() - 1
                }
            };
            let store = &stores[position].1;
            match op {
                Op::Put { .. } => {
                    drop(store.put(&objects.get(next_put), None).map_err(map_error)?);
                    next_put += 1;
                }
                Op::Purge { id, .. } => drop(store.delete(key_of(*id)).map_err(map_error)?),
                Op::Clear { .. } => drop(store.clear().map_err(map_error)?),
            }
        }
        // 4. The commit decides. A commit aborted for lack of space says so.
        match txn.commit().map_err(map_error)?.await.map_err(map_error)? {
            TransactionResult::Committed => Ok(before),
            TransactionResult::Aborted => Err(self.aborted_because().await),
        }
    }

    /// Why a commit was aborted: Chromium aborts a transaction that would
    /// exceed the quota with a `QuotaExceededError` on the transaction,
    /// which the `idb` crate reports only as "aborted"; when the storage
    /// estimate shows the origin at (or near) its quota, say storage is full.
    async fn aborted_because(&self) -> StoreError {
        if storage_nearly_full().await {
            StoreError::QuotaExceeded
        } else {
            StoreError::Backend("the write was aborted".into())
        }
    }
}

/// Reads, inside `txn`, every record and cleared collection `changes` touches.
async fn read_before_writing(
    txn: &idb::Transaction,
    changes: &ChangeSet,
) -> Result<Before, StoreError> {
    let (records, cleared) = Before::wanted(changes);
    let mut requests = Vec::new();
    for (collection, id) in records {
        let store = txn.object_store(collection).map_err(map_error)?;
        requests.push((collection, id, store.get(key_of(id)).map_err(map_error)?));
    }
    let mut everything = Vec::new();
    for collection in cleared {
        let store = txn.object_store(collection).map_err(map_error)?;
        everything.push((collection, store.get_all(None, None).map_err(map_error)?));
    }
    let mut before = Before::default();
    for (collection, id, request) in requests {
        if let Some(found) = request.await.map_err(map_error)? {
            before.records.insert((collection, id), from_js(&found)?);
        }
    }
    for (collection, request) in everything {
        let values: Array = request.await.map_err(map_error)?.into_iter().collect();
        before.cleared.insert(collection, from_js_all(&values)?);
    }
    Ok(before)
}

/// Whether this origin's storage is at least 98 % used (or its quota is
/// unknown to be otherwise).
async fn storage_nearly_full() -> bool {
    let Some(storage) = storage_manager() else {
        return false;
    };
    let Ok(promise) = storage.estimate() else {
        return false;
    };
    let Ok(estimate) = wasm_bindgen_futures::JsFuture::from(promise).await else {
        return false;
    };
    let estimate: web_sys::StorageEstimate = estimate.unchecked_into();
    match (estimate.get_usage(), estimate.get_quota()) {
        (Some(usage), Some(quota)) if quota > 0.0 => usage / quota >= 0.98,
        _ => false,
    }
}

/// The storage manager of the page or the worker this runs in.
fn storage_manager() -> Option<web_sys::StorageManager> {
    if let Some(window) = web_sys::window() {
        return Some(window.navigator().storage());
    }
    js_sys::global()
        .dyn_into::<web_sys::WorkerGlobalScope>()
        .ok()
        .map(|scope| scope.navigator().storage())
}

fn key_of(id: Id) -> JsValue {
    JsValue::from_str(&id.to_string())
}

fn map_error(error: idb::Error) -> StoreError {
    let name_of = |e: &web_sys::DomException| e.name();
    match &error {
        idb::Error::DomException(e) if name_of(e) == "QuotaExceededError" => {
            StoreError::QuotaExceeded
        }
        idb::Error::DomException(e) => {
            StoreError::Backend(format!("{}: {}", e.name(), e.message()))
        }
        other => {
            let text = format!("{other:?}");
            if text.contains("QuotaExceededError") {
                StoreError::QuotaExceeded
            } else {
                StoreError::Backend(text)
            }
        }
    }
}

#[wasm_bindgen(inline_js = "
export function records_as_json_array(values) {
  return '[' + values.map(v => v.json).join(',') + ']';
}
")]
extern "C" {
    /// The `json` field of every stored object, as one JSON array text: one
    /// crossing from JS instead of one per record, and no envelope to decode.
    fn records_as_json_array(values: &Array) -> String;
}

// Envelopes cross into JS as JSON: one `JSON.parse` for a whole batch (and
// one `JSON.stringify` for a whole read) instead of a dozen property calls
// per record, which is most of the cost of bulk writes and cold reads. The
// serde form of `Envelope` is the stored object: index keys as fields (a
// missing name is `null`, which IndexedDB leaves out of `by_name`).

/// Many envelopes as JS objects, in order.
fn to_js_all<'a>(envelopes: impl Iterator<Item = &'a Envelope>) -> Result<Array, StoreError> {
    let envelopes: Vec<&Envelope> = envelopes.collect();
    let text = serde_json::to_string(&envelopes).map_err(|e| StoreError::Encode(e.to_string()))?;
    let parsed = js_sys::JSON::parse(&text).map_err(|e| StoreError::Encode(format!("{e:?}")))?;
    Ok(parsed.unchecked_into())
}

/// One envelope as a JS object.
pub(super) fn to_js(envelope: &Envelope) -> Result<JsValue, StoreError> {
    Ok(to_js_all(std::iter::once(envelope))?.get(0))
}

/// Many stored objects back into envelopes.
fn from_js_all(values: &JsValue) -> Result<Vec<Envelope>, StoreError> {
    let text: String = js_sys::JSON::stringify(values)
        .map_err(|e| StoreError::Backend(format!("reading stored records: {e:?}")))?
        .into();
    serde_json::from_str(&text)
        .map_err(|e| StoreError::Backend(format!("a stored record is malformed: {e}")))
}

/// One stored object back into an envelope.
pub(super) fn from_js(value: &JsValue) -> Result<Envelope, StoreError> {
    let one = Array::of1(value);
    from_js_all(&one)?
        .pop()
        .ok_or_else(|| StoreError::Backend("empty read".into()))
}
