//! `IdbStore`: the Store contract on IndexedDB (through the `idb` crate).
//!
//! The paged layout of `rapport_core::store::page` (see `docs/storage.md`):
//! each collection's records in pages of up to 500, a page being two string
//! values (head: versions and index keys; body: the records' JSON) in the
//! object stores `heads` and `bodies`, keyed `[collection, page]`; `meta`
//! holds each collection's generation, and `tallies` each page's sums
//! (`rapport_core::store::tally`, written with the page). The schema comes from
//! [`schema::MIGRATIONS`]; opening an older database runs the missing
//! migrations in the browser's upgrade transaction (`upgrade.rs`, raw
//! `web_sys`, because that transaction is only reachable from the
//! `upgradeneeded` event), version 6 moving every record into pages.
//!
//! Each connection keeps a [`Catalog`] per collection in memory (where each
//! record lives, its keys), checked against the stored generation inside
//! every transaction that uses it, so a write by another tab or the worker
//! is never missed. `apply` is one readwrite transaction: read the touched
//! pages, merge the batch (refused whole on a stale version), write the
//! pages and bump the generations, commit.
//!
//! Encryption at rest (`encryption.rs`, `crypto.rs`): when `meta` holds an
//! encryption record, page values are sealed; the connection then needs the
//! key ([`IdbStore::unlock`]) to read them, and seals what it writes.

pub mod crypto;
mod encryption;
mod errors;
mod kept;
mod key_share;
mod pages;
mod slices;
mod upgrade;

pub use encryption::RewriteProgress;
pub use key_share::{key_for_worker, serve_key};
pub use slices::Slicer;

use errors::{map_error, storage_nearly_full};
use kept::Kept;

pub use upgrade::UPGRADE_NOTICE_KEY;

use super::page::{merge, plan, Catalog, CollectionWrite, Page};
use super::schema::{BODIES, HEADS, META, SCHEMA_VERSION, TALLIES};
use super::seal::Key;
use super::tally::{is_tallied, Tally};
use super::undo::{inverse_of, Before};
use super::{ChangeSet, Collection, CustomerLookup, Envelope, Store, StoreError, Stored};
use crate::model::newest_orders::NewestOrders;
use crate::model::{Id, Timestamp};
use idb::{Database, Factory, TransactionMode, TransactionResult};
use std::cell::{Cell, RefCell};
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A Store on one IndexedDB database.
pub struct IdbStore {
    db: Database,
    closed_by_upgrade: Rc<Cell<bool>>,
    /// Each collection's catalog, as of the generation it records.
    catalogs: RefCell<HashMap<&'static str, Rc<Catalog>>>,
    /// The key of sealed pages, once unlocked.
    key: RefCell<Option<Rc<Key>>>,
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
        let store = IdbStore {
            db,
            closed_by_upgrade,
            catalogs: RefCell::default(),
            key: RefCell::default(),
        };
        Ok(store)
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

    fn transaction(&self, mode: TransactionMode) -> Result<idb::Transaction, StoreError> {
        if self.closed_by_upgrade.get() {
            return Err(StoreError::VersionChanged);
        }
        self.db
            .transaction(&[HEADS, BODIES, META, TALLIES], mode)
            .map_err(map_error)
    }

    /// The catalog of `collection` as of `txn`: the one in memory when the
    /// stored generation has not moved, else one rebuilt from the heads
    /// (and kept, unless a newer one was kept meanwhile).
    async fn catalog(
        &self,
        txn: &idb::Transaction,
        collection: &'static str,
    ) -> Result<Rc<Catalog>, StoreError> {
        let generation = pages::generation(txn, collection).await?;
        if let Some(current) = self.kept_catalog(collection, generation) {
            return Ok(current);
        }
        let heads = pages::read_heads(txn, collection, self.key().as_deref()).await?;
        Ok(self.keep_catalog(collection, Catalog::from_heads(generation, heads)))
    }

    /// Keeps `built` as `collection`'s catalog unless a newer one is kept.
    fn keep_catalog(&self, collection: &'static str, built: Catalog) -> Rc<Catalog> {
        let built = Rc::new(built);
        let mut catalogs = self.catalogs.borrow_mut();
        let newer_kept = catalogs
            .get(collection)
            .is_some_and(|c| c.generation > built.generation);
        if !newer_kept {
            catalogs.insert(collection, built.clone());
        }
        built
    }

    /// The catalog kept for `collection`, if it is of `generation`.
    fn kept_catalog(&self, collection: &str, generation: u64) -> Option<Rc<Catalog>> {
        self.catalogs
            .borrow()
            .get(collection)
            .filter(|c| c.generation == generation)
            .cloned()
    }

    /// The envelopes a catalog lookup names, read from their pages.
    async fn lookup(
        &self,
        collection: Collection,
        find: impl FnOnce(&Catalog) -> Vec<(Id, u32)>,
    ) -> Result<Vec<Envelope>, StoreError> {
        let txn = self.transaction(TransactionMode::ReadOnly)?;
        let name = collection.name();
        let found = find(&*self.catalog(&txn, name).await?);
        let numbers: BTreeSet<u32> = found.iter().map(|(_, no)| *no).collect();
        let pages = pages::read_pages(&txn, name, numbers, self.key().as_deref()).await?;
        pages::release(txn);
        Ok(found
            .into_iter()
            .filter_map(|(id, no)| {
                let page = pages.get(&(name, no))?;
                page.envelope(page.position(id)?)
            })
            .collect())
    }
}

impl Store for IdbStore {
    async fn envelope(
        &self,
        collection: Collection,
        id: Id,
    ) -> Result<Option<Envelope>, StoreError> {
        let found = self
            .lookup(collection, |c| {
                c.slot(id).map(|s| (id, s.page)).into_iter().collect()
            })
            .await?;
        Ok(found.into_iter().next())
    }

    async fn envelopes(&self, collection: Collection) -> Result<Vec<Envelope>, StoreError> {
        let txn = self.transaction(TransactionMode::ReadOnly)?;
        let mut all: Vec<Envelope> =
            pages::read_all_pages(txn, collection.name(), self.key().as_deref())
                .await?
                .iter()
                .flat_map(Page::envelopes)
                .collect();
        all.sort_unstable_by_key(|e| e.id);
        Ok(all)
    }

    async fn envelopes_for_customer(
        &self,
        collection: Collection,
        customer: Id,
    ) -> Result<Vec<Envelope>, StoreError> {
        self.lookup(collection, |c| c.for_customer(customer)).await
    }

    async fn customer_envelopes(
        &self,
        lookup: &CustomerLookup,
    ) -> Result<Vec<Envelope>, StoreError> {
        self.lookup(Collection::Customers, |c| c.lookup(lookup))
            .await
    }

    async fn recent_envelopes(
        &self,
        collection: Collection,
        limit: usize,
    ) -> Result<Vec<Envelope>, StoreError> {
        self.lookup(collection, |c| c.recent(limit)).await
    }

    /// Overrides the envelope-based default: every body of the collection in
    /// one getAll, joined into one JSON array text in JS and decoded at once.
    async fn all<R: Stored>(&self) -> Result<Vec<R>, StoreError> {
        let txn = self.transaction(TransactionMode::ReadOnly)?;
        let text = pages::read_joined(&txn, BODIES, R::COLLECTION, self.key().as_deref()).await?;
        pages::release(txn);
        let mut all: Vec<R> = serde_json::from_str(&text).map_err(|e| {
            StoreError::Backend(format!(
                "a stored {} record is malformed: {e}",
                R::COLLECTION
            ))
        })?;
        // By key then one permutation: one sort of (id, index) pairs for
        // every record type, instead of a quicksort of each type's records.
        all.sort_by_cached_key(|r| r.id());
        Ok(all)
    }

    async fn count(&self, collection: Collection) -> Result<usize, StoreError> {
        let txn = self.transaction(TransactionMode::ReadOnly)?;
        Ok(self.catalog(&txn, collection.name()).await?.len())
    }

    async fn apply(&self, changes: &ChangeSet) -> Result<(), StoreError> {
        self.commit(changes, false).await.map(drop)
    }

    /// The stored page tallies added up: the cached sum when the
    /// collection has not changed since it was kept (`kept`), else
    /// one `getAll` of the page tallies, added up and kept as the new sum.
    /// Pages written before tallies existed are counted from their records
    /// and given their tally, once.
    async fn tally(&self, collection: Collection) -> Result<Tally, StoreError> {
        let name = collection.name();
        if !is_tallied(name) {
            return Ok(Tally::default());
        }
        if let (_, Some(sum)) = self.current(Kept::TallySum, name).await? {
            return Ok(sum);
        }
        let key = self.key();
        let txn = self.transaction(TransactionMode::ReadOnly)?;
        let generation = pages::generation(&txn, name).await?;
        let (sum, missing) = pages::read_tallies(&txn, name, key.as_deref()).await?;
        pages::release(txn);
        let sum = match missing.is_empty() {
            true => sum,
            false => self.backfill_tallies(name).await?,
        };
        // Best effort: without the cache the next read adds up the pages.
        // The totals come from the same sum, so they are kept with it
        // rather than parsed out of it again by their first reader.
        let _ = self.keep(Kept::TallySum, name, generation, &sum).await;
        let _ = self
            .keep(Kept::TallyTotals, name, generation, &sum.without_people())
            .await;
        Ok(sum)
    }

    /// Kept next to the collection's generation (`kept`), else stripped
    /// from the tally and kept.
    async fn tally_totals(&self, collection: Collection) -> Result<Tally, StoreError> {
        self.tally_totals_kept_or_stripped(collection).await
    }

    /// Kept next to the orders' generation (`kept`), else computed from
    /// every order and kept.
    async fn newest_orders(&self) -> Result<NewestOrders, StoreError> {
        self.newest_orders_kept_or_read().await
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
    /// Writes `changes` in one readwrite transaction: the touched pages are
    /// read, merged with the batch (refused whole on a stale version), and
    /// written back with each collection's generation bumped. With
    /// `read_before`, also returns what the batch overwrote, as read inside
    /// the same transaction, for its Undo.
    async fn commit(
        &self,
        changes: &ChangeSet,
        read_before: bool,
    ) -> Result<Option<Before>, StoreError> {
        if changes.is_empty() {
            return Ok(read_before.then(Before::default));
        }
        // 0. Whether pages are sealed now (another tab may have turned
        // encryption on or off).
        let (txn, key, seal) = self.sealed_write_transaction().await?;
        let key = key.as_deref();
        // 1. Each collection's catalog as of this transaction.
        let mut catalogs: HashMap<&'static str, Rc<Catalog>> = HashMap::new();
        for name in changes.collections() {
            catalogs.insert(name, self.catalog(&txn, name).await?);
        }
        // 2. The pages the batch touches, read here.
        let plans = plan(changes, read_before, |name| &catalogs[name]);
        let mut loaded = HashMap::new();
        for p in &plans {
            loaded
                .extend(pages::read_pages(&txn, p.collection, p.load.iter().copied(), key).await?);
        }
        // 3. The batch merged into them, with every version check.
        let merged = match merge(changes, plans, loaded, read_before) {
            Ok(merged) => merged,
            Err(refused) => {
                let _ = txn.abort();
                return Err(refused);
            }
        };
        // 4. All writes issued without waiting; the commit decides. A
        // commit aborted for lack of space says so.
        let bases: HashMap<&'static str, u64> =
            catalogs.iter().map(|(n, c)| (*n, c.generation)).collect();
        drop(catalogs);
        for write in &merged.writes {
            let generation = bases[write.collection] + 1;
            if let Err(e) = pages::write(&txn, write, generation, seal.as_deref()) {
                let _ = txn.abort();
                return Err(e);
            }
        }
        match txn.commit().map_err(map_error)?.await.map_err(map_error)? {
            TransactionResult::Committed => {
                self.catch_up(&merged.writes, &bases);
                Ok(merged.before)
            }
            TransactionResult::Aborted => Err(self.aborted_because().await),
        }
    }

    /// A readwrite transaction, this connection's key, and the key to seal
    /// its writes with ([`IdbStore::seal_for_writes`]); the transaction is
    /// aborted when that is refused.
    async fn sealed_write_transaction(
        &self,
    ) -> Result<(idb::Transaction, Option<Rc<Key>>, Option<Rc<Key>>), StoreError> {
        let key = self.key();
        let txn = self.transaction(TransactionMode::ReadWrite)?;
        match self.seal_for_writes(&txn, key.as_ref()).await {
            Ok(seal) => Ok((txn, key, seal)),
            Err(e) => {
                let _ = txn.abort();
                Err(e)
            }
        }
    }

    /// The key to seal what `txn` writes with: `None` while encryption is
    /// off or being turned off; refused as locked while it is on (or being
    /// turned on) and this connection has no key. Read inside the write's
    /// own transaction, since another tab may have turned encryption on or
    /// off.
    async fn seal_for_writes(
        &self,
        txn: &idb::Transaction,
        key: Option<&Rc<Key>>,
    ) -> Result<Option<Rc<Key>>, StoreError> {
        match pages::encryption(txn).await? {
            Some(record) if record.seals_writes() => {
                key.cloned().map(Some).ok_or(StoreError::Locked)
            }
            _ => Ok(None),
        }
    }

    /// Counts the tally of every page of `collection` that has none and
    /// stores it (sealed when encryption is on), in one readwrite
    /// transaction so no write slips in between; returns the collection's
    /// whole tally. The records and generations do not change.
    async fn backfill_tallies(&self, name: &'static str) -> Result<Tally, StoreError> {
        let (txn, key, seal) = self.sealed_write_transaction().await?;
        let (mut sum, missing) = pages::read_tallies(&txn, name, key.as_deref()).await?;
        let counted = pages::read_pages(&txn, name, missing, key.as_deref()).await?;
        for ((_, no), page) in counted {
            let tally = page.count_tally(name);
            let json =
                serde_json::to_string(&tally).map_err(|e| StoreError::Encode(e.to_string()))?;
            if let Err(e) = pages::put_tally(&txn, name, no, &json, seal.as_deref()) {
                let _ = txn.abort();
                return Err(e);
            }
            sum.absorb(tally);
        }
        match txn.commit().map_err(map_error)?.await.map_err(map_error)? {
            TransactionResult::Committed => Ok(sum),
            TransactionResult::Aborted => Err(self.aborted_because().await),
        }
    }

    /// After a commit: each written collection's catalog patched with what
    /// was written, when it is still the one the batch was planned on (else
    /// dropped, so the next use rebuilds it).
    fn catch_up(&self, writes: &[CollectionWrite], bases: &HashMap<&'static str, u64>) {
        let mut catalogs = self.catalogs.borrow_mut();
        for write in writes {
            let base = bases[write.collection];
            let Some(catalog) = catalogs.get_mut(write.collection) else {
                continue;
            };
            if catalog.generation != base {
                catalogs.remove(write.collection);
                continue;
            }
            // Not shared now (the batch dropped its handles): patched in place.
            let catalog = Rc::make_mut(catalog);
            if write.cleared {
                catalog.clear();
            }
            for no in &write.delete {
                catalog.remove_page(*no);
            }
            for page in &write.put {
                catalog.set_page(page);
            }
            catalog.generation = base + 1;
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
