//! A test-only Store over the paged layout with an in-memory "database" of
//! encoded pages and generations, shared by several connections the way
//! IndexedDB is shared by tabs: it runs the contract suite natively on the
//! same plan/merge/catalog code `IdbStore` runs, and tests catalog
//! coherence between connections.

use super::{merge, plan, Catalog, EncodedPage, Page, PageHead};
use crate::model::{Id, Timestamp};
use crate::store::tally::{is_tallied, Tally};
use crate::store::undo::inverse_of;
use crate::store::{ChangeSet, Collection, CustomerLookup, Envelope, Store, StoreError};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

/// The shared "database": encoded pages and generations.
#[derive(Debug, Default)]
pub struct Disk {
    pub pages: BTreeMap<(&'static str, u32), EncodedPage>,
    pub generations: HashMap<&'static str, u64>,
    /// How many page values were read (heads, bodies and tallies).
    pub reads: usize,
}

/// One connection: its own catalogs, the shared disk.
#[derive(Debug, Default)]
pub struct PagedMem {
    pub disk: Rc<RefCell<Disk>>,
    catalogs: RefCell<HashMap<&'static str, Catalog>>,
}

impl PagedMem {
    pub fn new() -> PagedMem {
        PagedMem::default()
    }

    /// Another connection to the same disk.
    pub fn connect(&self) -> PagedMem {
        PagedMem {
            disk: self.disk.clone(),
            catalogs: RefCell::default(),
        }
    }

    /// Makes the catalog of `collection` current (rebuilding it from the
    /// heads when the stored generation moved); returns whether it rebuilt.
    pub fn ensure(&self, collection: &'static str) -> bool {
        let mut disk = self.disk.borrow_mut();
        let generation = disk.generations.get(collection).copied().unwrap_or(0);
        let current = self
            .catalogs
            .borrow()
            .get(collection)
            .is_some_and(|c| c.generation == generation);
        if current {
            return false;
        }
        let heads: Vec<PageHead> = disk
            .pages
            .range((collection, 0)..=(collection, u32::MAX))
            .map(|(_, p)| serde_json::from_str(&p.head).expect("a head this module wrote"))
            .collect();
        disk.reads += heads.len();
        self.catalogs
            .borrow_mut()
            .insert(collection, Catalog::from_heads(generation, heads));
        true
    }

    fn page(&self, collection: &'static str, no: u32) -> Result<Page, StoreError> {
        let mut disk = self.disk.borrow_mut();
        disk.reads += 2;
        let p = disk
            .pages
            .get(&(collection, no))
            .ok_or_else(|| StoreError::Backend(format!("no page {no}")))?;
        Ok(Page::decode(collection, &p.head, &p.body)?.with_tally(p.tally.as_deref()))
    }

    fn read(
        &self,
        collection: Collection,
        find: impl Fn(&Catalog) -> Vec<(Id, u32)>,
    ) -> Result<Vec<Envelope>, StoreError> {
        let name = collection.name();
        self.ensure(name);
        let wanted = find(&self.catalogs.borrow()[name]);
        let mut pages: HashMap<u32, Page> = HashMap::new();
        let mut out = Vec::new();
        for (id, no) in wanted {
            if let std::collections::hash_map::Entry::Vacant(e) = pages.entry(no) {
                e.insert(self.page(name, no)?);
            }
            let page = &pages[&no];
            out.extend(page.position(id).and_then(|i| page.envelope(i)));
        }
        Ok(out)
    }

    fn commit(&self, changes: &ChangeSet, read_before: bool) -> Result<Merged2, StoreError> {
        for c in changes.collections() {
            self.ensure(c);
        }
        let catalogs = self.catalogs.borrow();
        let plans = plan(changes, read_before, |c| &catalogs[c]);
        let mut loaded = HashMap::new();
        for p in &plans {
            for no in &p.load {
                loaded.insert((p.collection, *no), self.page(p.collection, *no)?);
            }
        }
        drop(catalogs);
        let merged = merge(changes, plans, loaded, read_before)?;
        let mut disk = self.disk.borrow_mut();
        let mut catalogs = self.catalogs.borrow_mut();
        for write in &merged.writes {
            let c = write.collection;
            if write.cleared {
                let keys: Vec<_> = disk
                    .pages
                    .range((c, 0)..=(c, u32::MAX))
                    .map(|(k, _)| *k)
                    .collect();
                for k in keys {
                    disk.pages.remove(&k);
                }
            }
            for no in &write.delete {
                disk.pages.remove(&(c, *no));
            }
            for page in &write.put {
                disk.pages.insert((c, page.no), page.encode()?);
            }
            let generation = disk.generations.entry(c).or_default();
            *generation += 1;
            let catalog = catalogs.entry(c).or_default();
            if write.cleared {
                catalog.clear();
            }
            for no in &write.delete {
                catalog.remove_page(*no);
            }
            for page in &write.put {
                catalog.set_page(page);
            }
            catalog.generation = *generation;
        }
        Ok(Merged2(merged.before.unwrap_or_default()))
    }
}

pub struct Merged2(crate::store::undo::Before);

impl Store for PagedMem {
    async fn envelope(&self, c: Collection, id: Id) -> Result<Option<Envelope>, StoreError> {
        Ok(self
            .read(c, |cat| {
                cat.slot(id).map(|s| (id, s.page)).into_iter().collect()
            })?
            .pop())
    }

    async fn envelopes(&self, c: Collection) -> Result<Vec<Envelope>, StoreError> {
        let disk = self.disk.borrow();
        let mut all = Vec::new();
        for p in disk
            .pages
            .range((c.name(), 0)..=(c.name(), u32::MAX))
            .map(|(_, p)| p)
        {
            all.extend(Page::decode(c.name(), &p.head, &p.body)?.envelopes());
        }
        all.sort_by_key(|e| e.id);
        Ok(all)
    }

    async fn envelopes_for_customer(
        &self,
        c: Collection,
        customer: Id,
    ) -> Result<Vec<Envelope>, StoreError> {
        self.read(c, |cat| cat.for_customer(customer))
    }

    async fn customer_envelopes(&self, l: &CustomerLookup) -> Result<Vec<Envelope>, StoreError> {
        self.read(Collection::Customers, |cat| cat.lookup(l))
    }

    async fn recent_envelopes(&self, c: Collection, n: usize) -> Result<Vec<Envelope>, StoreError> {
        self.read(c, |cat| cat.recent(n))
    }

    async fn count(&self, c: Collection) -> Result<usize, StoreError> {
        self.ensure(c.name());
        Ok(self.catalogs.borrow()[c.name()].len())
    }

    async fn apply(&self, changes: &ChangeSet) -> Result<(), StoreError> {
        self.commit(changes, false).map(drop)
    }

    /// The stored page tallies added up, as `IdbStore` does; a page without
    /// one (written before tallies) is counted from its records.
    async fn tally(&self, c: Collection) -> Result<Tally, StoreError> {
        let mut disk = self.disk.borrow_mut();
        let mut tally = Tally::default();
        let mut reads = 0;
        for p in disk
            .pages
            .range((c.name(), 0)..=(c.name(), u32::MAX))
            .map(|(_, p)| p)
        {
            reads += 1;
            let page = match &p.tally {
                Some(stored) => serde_json::from_str(stored)
                    .map_err(|e| StoreError::Backend(format!("a tally is damaged: {e}")))?,
                None if is_tallied(c.name()) => {
                    reads += 2;
                    Page::decode(c.name(), &p.head, &p.body)?.count_tally(c.name())
                }
                None => Tally::default(),
            };
            tally.absorb(page);
        }
        disk.reads += reads;
        Ok(tally)
    }

    async fn apply_undoable(
        &self,
        changes: &ChangeSet,
        now: Timestamp,
    ) -> Result<ChangeSet, StoreError> {
        let before = self.commit(changes, true)?.0;
        inverse_of(changes, &before, now)
    }
}
