//! A collection's tally added up, kept as a cache next to the generation it
//! was added up at (`meta`, key `tally-sum/<collection>`): a visit after
//! the data last changed reads one value instead of every page's tally and
//! adding them up, which at 100,000 customers (≈ 25 MB of page tallies)
//! was most of the Dashboard's second. The cache is not data: it is never
//! the only copy of anything, a write makes it stale by moving the
//! generation (nothing needs to update it), it is sealed like the pages
//! when encryption is on, and the encryption rewrite deletes it. Anything
//! wrong with it (stale, unreadable, sealed with another key) makes the
//! read add up the page tallies again and store the sum afresh.

use super::{map_error, pages, IdbStore};
use crate::store::schema::META;
use crate::store::seal::{open_value, page_label, Key};
use crate::store::tally::Tally;
use crate::store::StoreError;
use idb::{Transaction, TransactionResult};
use serde::Deserialize;
use wasm_bindgen::JsValue;

/// The `meta` key of `collection`'s cached sum.
fn sum_key(collection: &str) -> JsValue {
    JsValue::from_str(&format!("tally-sum/{collection}"))
}

/// The seal label of `collection`'s cached sum.
fn sum_label(collection: &str) -> String {
    page_label(collection, "tally-sum")
}

/// A cached sum as stored: its generation and the tally.
#[derive(Deserialize)]
struct CachedSum {
    #[serde(rename = "g")]
    generation: u64,
    #[serde(rename = "t")]
    tally: Tally,
}

/// The cached sum of `collection` if it was added up at `generation` and
/// can be read; `None` otherwise (then the caller adds up the pages).
pub(super) async fn read(
    txn: &Transaction,
    collection: &str,
    generation: u64,
    key: Option<&Key>,
) -> Result<Option<Tally>, StoreError> {
    let value = txn
        .object_store(META)
        .map_err(map_error)?
        .get(sum_key(collection))
        .map_err(map_error)?
        .await
        .map_err(map_error)?;
    let Some(text) = value.and_then(|v| v.as_string()) else {
        return Ok(None);
    };
    let Ok(text) = open_value(key, &sum_label(collection), text) else {
        return Ok(None);
    };
    Ok(serde_json::from_str::<CachedSum>(&text)
        .ok()
        .filter(|cached| cached.generation == generation)
        .map(|cached| cached.tally))
}

/// Deletes the cached sums of `collections` (the encryption rewrite, which
/// changes how they must be sealed), without waiting.
pub(super) fn forget(txn: &Transaction, collections: &[&str]) -> Result<(), StoreError> {
    let meta = txn.object_store(META).map_err(map_error)?;
    for collection in collections {
        drop(meta.delete(sum_key(collection)).map_err(map_error)?);
    }
    Ok(())
}

impl IdbStore {
    /// Stores `sum` as `collection`'s cached sum at `generation`, unless the
    /// collection has moved on meanwhile. Sealed when pages are.
    pub(super) async fn keep_tally_sum(
        &self,
        collection: &str,
        generation: u64,
        sum: &Tally,
    ) -> Result<(), StoreError> {
        let tally = serde_json::to_string(sum).map_err(|e| StoreError::Encode(e.to_string()))?;
        let text = format!("{{\"g\":{generation},\"t\":{tally}}}");
        let (txn, _, seal) = self.sealed_write_transaction().await?;
        if pages::generation(&txn, collection).await? != generation {
            let _ = txn.abort();
            return Ok(());
        }
        let text = match seal.as_deref() {
            Some(key) => key.seal(&sum_label(collection), &text)?,
            None => text,
        };
        let put = txn
            .object_store(META)
            .map_err(map_error)?
            .put(&JsValue::from_str(&text), Some(&sum_key(collection)))
            .map_err(map_error)?;
        put.await.map_err(map_error)?;
        match txn.commit().map_err(map_error)?.await.map_err(map_error)? {
            TransactionResult::Committed => Ok(()),
            TransactionResult::Aborted => Err(self.aborted_because().await),
        }
    }
}
