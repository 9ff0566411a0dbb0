//! A change set merged into pages: [`plan`] says which stored pages a batch
//! needs (read inside the write transaction), [`merge`] applies the batch's
//! operations in order to those pages with the contract's version checks
//! (the same as `MemStore`'s) and returns the pages to write, the pages to
//! delete, and what Undo needs.

use super::{Catalog, Page};
use crate::model::Id;
use crate::store::change::check_expected;
use crate::store::tally::{is_tallied, Fact, Tally};
use crate::store::undo::Before;
use crate::store::{ChangeSet, Envelope, Op, StoreError};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What a batch needs from one collection's stored pages.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CollectionPlan {
    /// The collection.
    pub collection: &'static str,
    /// The pages to read before merging.
    pub load: BTreeSet<u32>,
    /// Where each stored record the batch names lives.
    locations: HashMap<Id, u32>,
    /// Every stored page of the collection.
    pages: BTreeSet<u32>,
    /// The last page, when new records may be appended to it.
    tail: Option<u32>,
    /// One past the highest stored page.
    next: u32,
}

/// The pages each collection `changes` writes to must have read, from each
/// collection's current catalog (`catalog(name)`). With `read_before`, a
/// cleared collection's every page is read too (its records go into Undo).
pub fn plan<'c>(
    changes: &ChangeSet,
    read_before: bool,
    catalog: impl Fn(&'static str) -> &'c Catalog,
) -> Vec<CollectionPlan> {
    changes
        .collections()
        .into_iter()
        .map(|collection| {
            let catalog = catalog(collection);
            let mut plan = CollectionPlan {
                collection,
                pages: catalog.page_numbers().into_iter().collect(),
                tail: catalog.open_tail(),
                next: catalog.next_page(),
                ..CollectionPlan::default()
            };
            for op in changes
                .ops
                .iter()
                .filter(|op| op.collection() == collection)
            {
                let id = match op {
                    Op::Put { envelope, .. } => envelope.id,
                    Op::Purge { id, .. } => *id,
                    Op::Clear { .. } => {
                        if read_before {
                            plan.load.extend(plan.pages.iter().copied());
                        }
                        continue;
                    }
                };
                if let Some(slot) = catalog.slot(id) {
                    plan.locations.insert(id, slot.page);
                    plan.load.insert(slot.page);
                } else if matches!(op, Op::Put { .. }) {
                    plan.load.extend(plan.tail);
                }
            }
            plan
        })
        .collect()
}

/// What one collection's pages become.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CollectionWrite {
    /// The collection.
    pub collection: &'static str,
    /// Whether every stored page is deleted first (a clear).
    pub cleared: bool,
    /// Pages deleted (when not `cleared`).
    pub delete: Vec<u32>,
    /// Pages written whole, after the deletions.
    pub put: Vec<Page>,
}

/// A merged batch.
#[derive(Debug, Clone, Default)]
pub struct Merged {
    /// What each collection's pages become.
    pub writes: Vec<CollectionWrite>,
    /// What the batch overwrote, when asked for (for Undo).
    pub before: Option<Before>,
}

/// One collection while the batch is merged.
struct Draft {
    collection: &'static str,
    /// Stored pages (before a clear) and pages made by the batch.
    pages: BTreeMap<u32, Page>,
    dirty: BTreeSet<u32>,
    /// Stored pages still there (emptied by a clear).
    stored: BTreeSet<u32>,
    /// Where each record lives now: the plan's locations, overridden by the
    /// batch (`None`: purged).
    base: HashMap<Id, u32>,
    moved: HashMap<Id, Option<u32>>,
    cleared: bool,
    tail: Option<u32>,
    next: u32,
}

impl Draft {
    fn location(&self, id: Id) -> Option<u32> {
        match self.moved.get(&id) {
            Some(place) => *place,
            None if self.cleared => None,
            None => self.base.get(&id).copied(),
        }
    }

    /// The stored version of `id` and where it is.
    fn find(&self, id: Id) -> Result<Option<(u32, usize, u64)>, StoreError> {
        let Some(no) = self.location(id) else {
            return Ok(None);
        };
        let page = self.pages.get(&no).ok_or_else(|| self.missing(no))?;
        Ok(page.position(id).map(|i| (no, i, page.heads[i].version)))
    }

    fn missing(&self, page: u32) -> StoreError {
        StoreError::Backend(format!(
            "{} page {page} was needed but not read",
            self.collection
        ))
    }

    /// The page a new record goes to.
    fn append_page(&mut self) -> u32 {
        if let Some(tail) = self.tail {
            if self.pages.get(&tail).is_some_and(Page::has_room) {
                return tail;
            }
        }
        let no = self.next;
        self.next += 1;
        let mut page = Page::new(no);
        page.tally = is_tallied(self.collection).then(Tally::default);
        self.pages.insert(no, page);
        self.tail = Some(no);
        no
    }

    fn apply(&mut self, op: &Op) -> Result<(), StoreError> {
        match op {
            Op::Put {
                envelope, expected, ..
            } => {
                let found = self.find(envelope.id)?;
                check_expected(self.collection, envelope.id, *expected, found.map(|f| f.2))?;
                let (no, at) = match found {
                    Some((no, i, _)) => (no, Some(i)),
                    None => (self.append_page(), None),
                };
                let collection = self.collection;
                let page = self
                    .pages
                    .get_mut(&no)
                    .ok_or(StoreError::Backend("a page vanished while merging".into()))?;
                let old = at.and_then(|i| page.envelope(i));
                recount(collection, page, old.as_ref(), Some(envelope));
                page.put(at, envelope);
                self.moved.insert(envelope.id, Some(no));
                self.dirty.insert(no);
            }
            Op::Purge { id, expected, .. } => {
                let found = self.find(*id)?;
                // A checked purge of a record already gone has nothing to destroy.
                if let Some((no, i, version)) = found {
                    check_expected(self.collection, *id, *expected, Some(version))?;
                    if let Some(page) = self.pages.get_mut(&no) {
                        let old = page.envelope(i);
                        recount(self.collection, page, old.as_ref(), None);
                        page.remove(i);
                    }
                    self.dirty.insert(no);
                }
                self.moved.insert(*id, None);
            }
            Op::Clear { .. } => {
                self.cleared = true;
                self.pages.clear();
                self.dirty.clear();
                self.stored.clear();
                self.moved.clear();
                self.tail = None;
                self.next = 0;
            }
        }
        Ok(())
    }

    fn finish(mut self) -> CollectionWrite {
        let mut write = CollectionWrite {
            collection: self.collection,
            cleared: self.cleared,
            ..CollectionWrite::default()
        };
        for no in std::mem::take(&mut self.dirty) {
            let Some(mut page) = self.pages.remove(&no) else {
                continue;
            };
            if page.tally.is_none() && is_tallied(self.collection) {
                page.tally = Some(page.count_tally(self.collection));
            }
            if !page.is_empty() {
                write.put.push(page);
            } else if self.stored.contains(&no) {
                write.delete.push(no);
            }
        }
        write
    }
}

/// Keeps `page`'s tally (when known) in step with one record of
/// `collection` going from `old` to `new` (`None`: absent).
fn recount(collection: &str, page: &mut Page, old: Option<&Envelope>, new: Option<&Envelope>) {
    let Some(tally) = page.tally.as_mut() else {
        return;
    };
    if let Some(fact) = old.and_then(|e| Fact::of_envelope(collection, e)) {
        tally.remove(&fact);
    }
    if let Some(fact) = new.and_then(|e| Fact::of_envelope(collection, e)) {
        tally.add(&fact);
    }
}

/// Applies `changes` to the pages `plans` named, as read (`loaded`, by
/// collection and page number). Fails, writing nothing, on the first stale
/// version, as `Store::apply` does.
pub fn merge(
    changes: &ChangeSet,
    plans: Vec<CollectionPlan>,
    mut loaded: HashMap<(&'static str, u32), Page>,
    read_before: bool,
) -> Result<Merged, StoreError> {
    let mut drafts: Vec<Draft> = plans
        .into_iter()
        .map(|plan| {
            let pages = plan
                .load
                .iter()
                .filter_map(|no| loaded.remove(&(plan.collection, *no)).map(|p| (*no, p)))
                .collect();
            Draft {
                collection: plan.collection,
                pages,
                dirty: BTreeSet::new(),
                stored: plan.pages,
                base: plan.locations,
                moved: HashMap::new(),
                cleared: false,
                tail: plan.tail,
                next: plan.next,
            }
        })
        .collect();
    let before = read_before.then(|| before_of(changes, &drafts));
    for op in &changes.ops {
        let draft = drafts
            .iter_mut()
            .find(|d| d.collection == op.collection())
            .ok_or_else(|| StoreError::Backend("a collection was not planned".into()))?;
        draft.apply(op)?;
    }
    Ok(Merged {
        writes: drafts.into_iter().map(Draft::finish).collect(),
        before,
    })
}

/// What the batch's records and cleared collections held, from the pages
/// as read (before any operation ran).
fn before_of(changes: &ChangeSet, drafts: &[Draft]) -> Before {
    let (records, cleared) = Before::wanted(changes);
    let draft = |c: &str| drafts.iter().find(|d| d.collection == c);
    let mut before = Before::default();
    for (collection, id) in records {
        let Some(d) = draft(collection) else { continue };
        let found = d
            .base
            .get(&id)
            .and_then(|no| d.pages.get(no))
            .and_then(|page| page.envelope(page.position(id)?));
        if let Some(envelope) = found {
            before.records.insert((collection, id), envelope);
        }
    }
    for collection in cleared {
        let all = draft(collection)
            .map(|d| d.pages.values().flat_map(Page::envelopes).collect())
            .unwrap_or_default();
        before.cleared.insert(collection, all);
    }
    before
}
