//! Reading a whole collection without freezing the page: the bodies come
//! out of IndexedDB [`PAGES_PER_READ`] pages at a time, and are decoded one
//! page value at a time, handing the thread back to the browser whenever a
//! slice has run for [`SLICE_MS`], so input and painting go on in between.
//! Each read is its own transaction, so a list read while another tab
//! writes may show some records before that write and some after it (the
//! write's notice makes the page read again). `Store::all` decodes
//! everything in one task, which at 300,000 orders froze the Orders page
//! for four seconds (issue #13).

use super::{pages, IdbStore};
use crate::store::page::{Catalog, PageHead};
use crate::store::schema::{BODIES, HEADS};
use crate::store::seal::{open_value, page_label};
use crate::store::{Collection, StoreError, Stored};
use idb::TransactionMode;
use wasm_bindgen::prelude::*;

/// How long one slice of decoding may run before the browser gets the
/// thread back (well under the 50 ms that makes a "long task").
pub const SLICE_MS: f64 = 12.0;

/// Pages read per `getAll` (each its own short transaction): the browser
/// turns a result into JS strings on the page's thread, which for a whole
/// collection of 300,000 orders (≈ 200 MB) was itself a task of seconds.
pub const PAGES_PER_READ: usize = 8;

#[wasm_bindgen(inline_js = "
export function yield_to_browser() {
  return new Promise(resolve => setTimeout(resolve, 0));
}
export function now_ms() {
  return performance.now();
}
")]
extern "C" {
    /// A promise resolved by a zero-delay timer: awaiting it lets the
    /// browser run input, rendering and other tasks first.
    fn yield_to_browser() -> js_sys::Promise;
    /// `performance.now()`, in the page and in workers alike.
    fn now_ms() -> f64;
}

/// Hands the thread back to the browser once a slice of work has run for
/// [`SLICE_MS`]: call [`Slicer::pause_if_due`] between small pieces of a
/// long job on the page.
pub struct Slicer {
    began: f64,
}

impl Default for Slicer {
    fn default() -> Self {
        Slicer { began: now_ms() }
    }
}

impl Slicer {
    /// A slicer whose first slice starts now.
    pub fn new() -> Slicer {
        Slicer::default()
    }

    /// Yields to the browser if the current slice has run for
    /// [`SLICE_MS`], and starts the next.
    pub async fn pause_if_due(&mut self) -> Result<(), StoreError> {
        if now_ms() - self.began > SLICE_MS {
            wasm_bindgen_futures::JsFuture::from(yield_to_browser())
                .await
                .map_err(map_error_js)?;
            self.began = now_ms();
        }
        Ok(())
    }
}

impl IdbStore {
    /// Reads `collection`'s page heads and builds its catalog (what counts
    /// and lookups read) a page head at a time, handing the thread back to
    /// the browser between slices; later reads of the same generation use
    /// it. At 100,000 customers, decoding the heads in one piece was the
    /// cold open's longest task (270 ms).
    pub async fn load_catalog_in_slices(&self, collection: Collection) -> Result<(), StoreError> {
        let name = collection.name();
        let txn = self.transaction(TransactionMode::ReadOnly)?;
        let generation = pages::generation(&txn, name).await?;
        if self.kept_catalog(name, generation).is_some() {
            return Ok(());
        }
        let values = pages::read_values(&txn, HEADS, name).await?;
        pages::release(txn);
        let key = self.key();
        let label = page_label(name, "head");
        let mut heads = Vec::with_capacity(values.len());
        let mut slicer = Slicer::new();
        for value in values {
            let text = value
                .as_string()
                .ok_or_else(|| StoreError::Backend(format!("a {name} page head is not text")))?;
            let text = open_value(key.as_deref(), &label, text)?;
            let head: PageHead = serde_json::from_str(&text)
                .map_err(|e| StoreError::Backend(format!("a {name} page head is damaged: {e}")))?;
            heads.push(head);
            slicer.pause_if_due().await?;
        }
        self.keep_catalog(name, Catalog::from_heads(generation, heads));
        Ok(())
    }

    /// Every record of `R`'s collection (trashed included), in id order as
    /// `Store::all` gives them, decoded in slices of at most about
    /// [`SLICE_MS`].
    pub async fn all_in_slices<R: Stored>(&self) -> Result<Vec<R>, StoreError> {
        let txn = self.transaction(TransactionMode::ReadOnly)?;
        let numbers = pages::page_numbers_of(&txn, R::COLLECTION).await?;
        pages::release(txn);
        let key = self.key();
        let label = page_label(R::COLLECTION, "body");
        let mut all = Vec::new();
        let mut slicer = Slicer::new();
        for chunk in numbers.chunks(PAGES_PER_READ) {
            let (Some(first), Some(last)) = (chunk.first(), chunk.last()) else {
                continue;
            };
            let txn = self.transaction(TransactionMode::ReadOnly)?;
            let values =
                pages::read_values_between(&txn, BODIES, R::COLLECTION, *first, *last).await?;
            pages::release(txn);
            for value in values {
                let text = value.as_string().ok_or_else(|| {
                    StoreError::Backend(format!("a {} page is not text", R::COLLECTION))
                })?;
                let text = open_value(key.as_deref(), &label, text)?;
                let mut page: Vec<R> = serde_json::from_str(&format!("[{text}]")).map_err(|e| {
                    StoreError::Backend(format!(
                        "a stored {} record is malformed: {e}",
                        R::COLLECTION
                    ))
                })?;
                all.append(&mut page);
                slicer.pause_if_due().await?;
            }
        }
        // By key then one permutation: one sort of (id, index) pairs for
        // every record type, instead of a quicksort of each type's records.
        all.sort_by_cached_key(|r| r.id());
        // A record rewritten to another page between two reads (a purge
        // and a put in one batch) could be met twice: keep one.
        all.dedup_by_key(|r| r.id());
        Ok(all)
    }
}

fn map_error_js(value: JsValue) -> StoreError {
    StoreError::Backend(format!("{value:?}"))
}
