//! The paged storage layout, as pure logic: how a collection's records are
//! grouped into pages, how a page is encoded, and how a [`ChangeSet`] is
//! merged into the pages it touches with the contract's version checks.
//! `IdbStore` (app crate, `src/store/idb/`) only moves these pages in and out
//! of IndexedDB; everything that can be decided without a browser is decided
//! here and tested natively (see `docs/storage.md` for the why).
//!
//! - A page holds up to [`PAGE_RECORDS`] records (or about [`PAGE_BYTES`] of
//!   record JSON) of one collection, in the order they were first written:
//!   new records are appended to the collection's last page, so a bulk load
//!   writes a few new pages instead of rewriting every page it would touch if
//!   pages were a function of the id. Records never move between pages.
//! - A page is two strings ([`EncodedPage`]): its *head*, the index keys and
//!   versions of its records (small: what a cold open reads to know every
//!   record), and its *body*, the records' JSON. Each string is a whole
//!   payload, so a later encryption step encrypts each as one value.
//! - [`Catalog`] is the in-memory directory of one collection built from the
//!   heads: where each record lives and its index keys; the lookups (by
//!   customer, email, name, tag, update time) and counts read it.
//! - [`plan`] and [`merge`] turn a change set into page writes.

mod catalog;
mod merge;
#[cfg(test)]
pub(crate) mod paged_mem;
#[cfg(test)]
mod tests;

pub use catalog::{Catalog, Slot};
pub use merge::{merge, plan, CollectionPlan, CollectionWrite, Merged};

use super::{Envelope, StoreError, Tally};
use crate::model::{Id, Timestamp};
use serde::{Deserialize, Serialize};

/// The most records a page takes before new records go to a new page.
pub const PAGE_RECORDS: usize = 500;

/// The most body bytes a page takes before new records go to a new page
/// (one large record may still make a page larger than this).
pub const PAGE_BYTES: usize = 512 * 1024;

/// Between two records in a page body. Compact JSON (which is all
/// `serde_json::to_string` writes) never contains a raw newline, so splitting
/// on it gives the records back exactly; and the body of every page joined
/// with `,` and wrapped in `[` `]` is one JSON array of every record.
pub const BODY_SEPARATOR: &str = ",\n";

/// What a page keeps about one record besides its JSON: the envelope without
/// its `json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Head {
    /// The record id.
    pub id: Id,
    /// The record's version.
    #[serde(rename = "v")]
    pub version: u64,
    /// When it was last changed (unix ms).
    #[serde(rename = "u")]
    pub updated_at: Timestamp,
    /// Whether it is in the trash.
    #[serde(default, skip_serializing_if = "is_false", rename = "d")]
    pub deleted: bool,
    /// Owning customers.
    #[serde(default, skip_serializing_if = "Vec::is_empty", rename = "c")]
    pub customers: Vec<Id>,
    /// Normalised emails.
    #[serde(default, skip_serializing_if = "Vec::is_empty", rename = "e")]
    pub emails: Vec<String>,
    /// Lower-cased name.
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "n")]
    pub name: Option<String>,
    /// Tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty", rename = "t")]
    pub tags: Vec<String>,
    /// The replication revision (CouchDB's `_rev`): the place reserved for
    /// it; no build writes it yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rev: Option<String>,
    /// The record's JSON when it contains a newline (which compact JSON never
    /// does, but a damaged record kept by a migration might): kept here, and
    /// `null` in the body, so the body can still be split on newlines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A page's head as stored: the page number and its records' heads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageHead {
    /// The page number within its collection.
    pub page: u32,
    /// The length of the page's body in bytes.
    pub bytes: usize,
    /// One head per record, in body order.
    pub heads: Vec<Head>,
}

/// One page, decoded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// The page number within its collection.
    pub no: u32,
    /// One head per record.
    pub heads: Vec<Head>,
    /// The records' JSON, in the same order (`null` where the head keeps it).
    pub bodies: Vec<String>,
    /// The sums of its live records (`store::tally`), for collections that
    /// keep them; `None` when not known (a page written before tallies, or
    /// not read), and then worked out from the records when it is written.
    pub tally: Option<Tally>,
}

/// A page as stored: two strings.
#[derive(Debug, Clone, PartialEq)]
pub struct EncodedPage {
    /// The page number.
    pub no: u32,
    /// [`PageHead`] as JSON.
    pub head: String,
    /// The records' JSON joined by [`BODY_SEPARATOR`].
    pub body: String,
    /// The page's [`Tally`] as JSON, for collections that keep one.
    pub tally: Option<String>,
}

impl Page {
    /// An empty page.
    pub fn new(no: u32) -> Page {
        Page {
            no,
            ..Page::default()
        }
    }

    /// How many records it holds.
    pub fn len(&self) -> usize {
        self.heads.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.heads.is_empty()
    }

    /// The length of its encoded body.
    pub fn body_bytes(&self) -> usize {
        let joined: usize = self.bodies.iter().map(String::len).sum();
        joined + BODY_SEPARATOR.len() * self.bodies.len().saturating_sub(1)
    }

    /// Whether a new record may still be appended.
    pub fn has_room(&self) -> bool {
        self.len() < PAGE_RECORDS && self.body_bytes() < PAGE_BYTES
    }

    /// Where record `id` is in the page.
    pub fn position(&self, id: Id) -> Option<usize> {
        self.heads.iter().position(|h| h.id == id)
    }

    /// The envelope of the record at `i`.
    pub fn envelope(&self, i: usize) -> Option<Envelope> {
        let head = self.heads.get(i)?.clone();
        let json = match head.raw {
            Some(ref raw) => raw.clone(),
            None => self.bodies.get(i)?.clone(),
        };
        Some(Envelope {
            id: head.id,
            version: head.version,
            updated_at: head.updated_at,
            deleted: head.deleted,
            customers: head.customers,
            emails: head.emails,
            name: head.name,
            tags: head.tags,
            json,
            fact: Default::default(),
        })
    }

    /// The page with its stored tally (JSON, as [`EncodedPage::tally`]); a
    /// damaged one is dropped, to be worked out again from the records.
    pub fn with_tally(mut self, tally: Option<&str>) -> Page {
        self.tally = tally.and_then(|t| serde_json::from_str(t).ok());
        self
    }

    /// The page's tally worked out from its records (of `collection`).
    pub fn count_tally(&self, collection: &str) -> Tally {
        let envelopes: Vec<Envelope> = self.envelopes().collect();
        Tally::of_envelopes(collection, &envelopes)
    }

    /// Every envelope, in page order.
    pub fn envelopes(&self) -> impl Iterator<Item = Envelope> + '_ {
        (0..self.len()).filter_map(|i| self.envelope(i))
    }

    /// Replaces the record at `i`, or appends when `i` is `None`.
    pub fn put(&mut self, i: Option<usize>, envelope: &Envelope) {
        let (head, body) = split(envelope);
        match i {
            Some(i) if i < self.heads.len() => {
                self.heads[i] = head;
                self.bodies[i] = body;
            }
            _ => {
                self.heads.push(head);
                self.bodies.push(body);
            }
        }
    }

    /// Removes the record at `i`.
    pub fn remove(&mut self, i: usize) {
        if i < self.heads.len() {
            self.heads.remove(i);
            self.bodies.remove(i);
        }
    }

    /// The page as stored.
    pub fn encode(&self) -> Result<EncodedPage, StoreError> {
        let body = self.bodies.join(BODY_SEPARATOR);
        let head = PageHead {
            page: self.no,
            bytes: body.len(),
            heads: self.heads.clone(),
        };
        let head = serde_json::to_string(&head).map_err(|e| StoreError::Encode(e.to_string()))?;
        let tally = self
            .tally
            .as_ref()
            .map(serde_json::to_string)
            .transpose()
            .map_err(|e| StoreError::Encode(e.to_string()))?;
        Ok(EncodedPage {
            no: self.no,
            head,
            body,
            tally,
        })
    }

    /// A stored page read back; `collection` names it in errors.
    pub fn decode(collection: &str, head: &str, body: &str) -> Result<Page, StoreError> {
        let head: PageHead = serde_json::from_str(head)
            .map_err(|e| StoreError::Backend(format!("a {collection} page is damaged: {e}")))?;
        Page::from_head(collection, head, body)
    }

    /// A page from its already decoded head and its body.
    pub fn from_head(collection: &str, head: PageHead, body: &str) -> Result<Page, StoreError> {
        let bodies: Vec<String> = if head.heads.is_empty() {
            Vec::new()
        } else {
            body.split(BODY_SEPARATOR).map(str::to_owned).collect()
        };
        if bodies.len() != head.heads.len() {
            return Err(StoreError::Backend(format!(
                "{collection} page {} is damaged: {} records listed, {} stored",
                head.page,
                head.heads.len(),
                bodies.len()
            )));
        }
        Ok(Page {
            no: head.page,
            heads: head.heads,
            bodies,
            tally: None,
        })
    }
}

/// An envelope as a head and a body entry.
pub fn split(envelope: &Envelope) -> (Head, String) {
    let (raw, body) = if envelope.json.contains('\n') {
        (Some(envelope.json.clone()), "null".to_owned())
    } else {
        (None, envelope.json.clone())
    };
    let head = Head {
        id: envelope.id,
        version: envelope.version,
        updated_at: envelope.updated_at,
        deleted: envelope.deleted,
        customers: envelope.customers.clone(),
        emails: envelope.emails.clone(),
        name: envelope.name.clone(),
        tags: envelope.tags.clone(),
        rev: None,
        raw,
    };
    (head, body)
}

/// Envelopes packed into consecutive pages numbered from 0, in the order
/// given (the migration from one record per value, and restores).
pub fn paginate(envelopes: impl IntoIterator<Item = Envelope>) -> Vec<Page> {
    let mut pages = vec![Page::new(0)];
    for envelope in envelopes {
        let last = pages.len() - 1;
        if !pages[last].has_room() {
            pages.push(Page::new(last as u32 + 1));
        }
        let last = pages.len() - 1;
        pages[last].put(None, &envelope);
    }
    pages.retain(|p| !p.is_empty());
    pages
}
