//! The catalog: one collection's directory, built from its page heads and
//! kept in memory by each connection. It knows where every record lives and
//! its index keys, so lookups read only the pages holding what they find,
//! and counts read nothing. A catalog belongs to one *generation* of its
//! collection (a counter every write bumps in the database); a connection
//! that finds the stored generation moved rebuilds it.

use super::{Head, Page, PageHead, PAGE_BYTES, PAGE_RECORDS};
use crate::model::Id;
use crate::store::CustomerLookup;
use std::collections::{BTreeMap, HashMap};

/// Where one record lives, and its keys.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    /// Its page.
    pub page: u32,
    /// Its head (version, update time, index keys).
    pub head: Head,
}

/// What the catalog knows of one page.
#[derive(Debug, Clone, Default, PartialEq)]
struct PageFill {
    ids: Vec<Id>,
    bytes: usize,
}

/// The directory of one collection at one generation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalog {
    /// The collection generation this catalog reflects.
    pub generation: u64,
    slots: HashMap<Id, Slot>,
    pages: BTreeMap<u32, PageFill>,
}

impl Catalog {
    /// An empty catalog at a generation.
    pub fn empty(generation: u64) -> Catalog {
        Catalog {
            generation,
            ..Catalog::default()
        }
    }

    /// The catalog of the pages whose heads are given.
    pub fn from_heads(generation: u64, heads: Vec<PageHead>) -> Catalog {
        let mut catalog = Catalog::empty(generation);
        for head in heads {
            catalog.set_page_heads(head.page, head.heads, head.bytes);
        }
        catalog
    }

    /// How many records the collection holds.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// Where record `id` lives.
    pub fn slot(&self, id: Id) -> Option<&Slot> {
        self.slots.get(&id)
    }

    /// Every page number, ascending.
    pub fn page_numbers(&self) -> Vec<u32> {
        self.pages.keys().copied().collect()
    }

    /// The last page, if new records may still be appended to it.
    pub fn open_tail(&self) -> Option<u32> {
        let (no, fill) = self.pages.iter().next_back()?;
        (fill.ids.len() < PAGE_RECORDS && fill.bytes < PAGE_BYTES).then_some(*no)
    }

    /// One past the highest page number.
    pub fn next_page(&self) -> u32 {
        self.pages.keys().next_back().map_or(0, |n| n + 1)
    }

    /// The records attached to `customer`, in id order.
    pub fn for_customer(&self, customer: Id) -> Vec<(Id, u32)> {
        self.select(|h| h.customers.contains(&customer))
    }

    /// The customers an index lookup finds, in id order.
    pub fn lookup(&self, lookup: &CustomerLookup) -> Vec<(Id, u32)> {
        self.select(|h| match lookup {
            CustomerLookup::Email(email) => h.emails.iter().any(|x| x == email),
            CustomerLookup::Name(name) => h.name.as_deref() == Some(name.as_str()),
            CustomerLookup::Tag(tag) => h.tags.iter().any(|x| x == tag),
        })
    }

    /// The `limit` most recently updated records, newest first (ties by id
    /// descending, as a backwards walk of an `(updated_at, id)` index).
    pub fn recent(&self, limit: usize) -> Vec<(Id, u32)> {
        let mut all: Vec<(i64, Id, u32)> = self
            .slots
            .values()
            .map(|s| (s.head.updated_at, s.head.id, s.page))
            .collect();
        let by_newest = |a: &(i64, Id, u32), b: &(i64, Id, u32)| (b.0, b.1).cmp(&(a.0, a.1));
        if limit < all.len() {
            all.select_nth_unstable_by(limit, by_newest);
            all.truncate(limit);
        }
        all.sort_unstable_by(by_newest);
        all.into_iter().map(|(_, id, page)| (id, page)).collect()
    }

    fn select(&self, keep: impl Fn(&Head) -> bool) -> Vec<(Id, u32)> {
        let mut found: Vec<(Id, u32)> = self
            .slots
            .values()
            .filter(|s| keep(&s.head))
            .map(|s| (s.head.id, s.page))
            .collect();
        found.sort_unstable();
        found
    }

    /// Records that page `page` now holds what `written` holds.
    pub fn set_page(&mut self, written: &Page) {
        self.set_page_heads(written.no, written.heads.clone(), written.body_bytes());
    }

    fn set_page_heads(&mut self, page: u32, heads: Vec<Head>, bytes: usize) {
        self.remove_page(page);
        let ids = heads.iter().map(|h| h.id).collect();
        for head in heads {
            self.slots.insert(head.id, Slot { page, head });
        }
        self.pages.insert(page, PageFill { ids, bytes });
    }

    /// Records that page `page` is gone.
    pub fn remove_page(&mut self, page: u32) {
        if let Some(fill) = self.pages.remove(&page) {
            for id in fill.ids {
                // A record purged here and written again in the same batch
                // lives on another page now: leave that one.
                if self.slots.get(&id).is_some_and(|s| s.page == page) {
                    self.slots.remove(&id);
                }
            }
        }
    }

    /// Records that the collection was emptied.
    pub fn clear(&mut self) {
        self.slots.clear();
        self.pages.clear();
    }
}
