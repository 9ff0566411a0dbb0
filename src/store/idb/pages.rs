//! Page values in and out of IndexedDB, inside a transaction someone else
//! opened: the page stores are keyed `[collection, page]`, each value a
//! string ([`schema::HEADS`], [`schema::BODIES`]); [`schema::META`] holds
//! each collection's generation. What the pages mean is the core's
//! (`rapport_core::store::page`); this file only moves strings.

use super::map_error;
use crate::store::page::{CollectionWrite, Page, PageHead};
use crate::store::schema::{BODIES, HEADS, META};
use crate::store::StoreError;
use idb::{KeyRange, Query, Transaction};
use js_sys::Array;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;

/// The key of page `no` of `collection`.
pub(super) fn page_key(collection: &str, no: u32) -> JsValue {
    Array::of2(&JsValue::from_str(collection), &JsValue::from(no)).into()
}

/// Every page key of `collection`.
fn collection_range(collection: &str) -> Result<Query, StoreError> {
    let upper = Array::of2(
        &JsValue::from_str(collection),
        &JsValue::from(f64::INFINITY),
    );
    KeyRange::bound(&page_key(collection, 0), &upper, None, None)
        .map(Query::from)
        .map_err(map_error)
}

/// The stored generation of `collection` (0 when it was never written).
pub(super) async fn generation(txn: &Transaction, collection: &str) -> Result<u64, StoreError> {
    let value = txn
        .object_store(META)
        .map_err(map_error)?
        .get(JsValue::from_str(collection))
        .map_err(map_error)?
        .await
        .map_err(map_error)?;
    Ok(value.and_then(|v| v.as_f64()).map_or(0, |g| g as u64))
}

/// Every page head of `collection`, decoded from one joined JSON text.
pub(super) async fn read_heads(
    txn: &Transaction,
    collection: &str,
) -> Result<Vec<PageHead>, StoreError> {
    let text = read_joined(txn, HEADS, collection).await?;
    serde_json::from_str(&text)
        .map_err(|e| StoreError::Backend(format!("a {collection} page head is damaged: {e}")))
}

/// Every body of `collection` joined into one JSON array of its records.
pub(super) async fn read_joined(
    txn: &Transaction,
    store: &str,
    collection: &str,
) -> Result<String, StoreError> {
    let values = txn
        .object_store(store)
        .map_err(map_error)?
        .get_all(Some(collection_range(collection)?), None)
        .map_err(map_error)?
        .await
        .map_err(map_error)?;
    let array: Array = values.into_iter().collect();
    let separator = if store == BODIES { ",\n" } else { "," };
    Ok(join_as_array(&array, separator))
}

/// Every page of `collection`, whole.
pub(super) async fn read_all_pages(
    txn: &Transaction,
    collection: &str,
) -> Result<Vec<Page>, StoreError> {
    let heads = txn.object_store(HEADS).map_err(map_error)?;
    let bodies = txn.object_store(BODIES).map_err(map_error)?;
    let heads = heads
        .get_all(Some(collection_range(collection)?), None)
        .map_err(map_error)?;
    let bodies = bodies
        .get_all(Some(collection_range(collection)?), None)
        .map_err(map_error)?;
    let heads = heads.await.map_err(map_error)?;
    let bodies = bodies.await.map_err(map_error)?;
    if heads.len() != bodies.len() {
        return Err(StoreError::Backend(format!(
            "{collection}: {} page heads but {} bodies",
            heads.len(),
            bodies.len()
        )));
    }
    heads
        .iter()
        .zip(&bodies)
        .map(|(head, body)| decode(collection, head, body))
        .collect()
}

/// The pages `numbers` of `collection` (all requests issued, then awaited).
pub(super) async fn read_pages(
    txn: &Transaction,
    collection: &'static str,
    numbers: impl IntoIterator<Item = u32>,
) -> Result<HashMap<(&'static str, u32), Page>, StoreError> {
    let heads = txn.object_store(HEADS).map_err(map_error)?;
    let bodies = txn.object_store(BODIES).map_err(map_error)?;
    let mut requests = Vec::new();
    for no in numbers {
        let key = page_key(collection, no);
        requests.push((
            no,
            heads.get(key.clone()).map_err(map_error)?,
            bodies.get(key).map_err(map_error)?,
        ));
    }
    let mut pages = HashMap::new();
    for (no, head, body) in requests {
        let head = head.await.map_err(map_error)?;
        let body = body.await.map_err(map_error)?;
        let (Some(head), Some(body)) = (head, body) else {
            return Err(StoreError::Backend(format!(
                "{collection} page {no} is missing"
            )));
        };
        pages.insert((collection, no), decode(collection, &head, &body)?);
    }
    Ok(pages)
}

fn decode(collection: &str, head: &JsValue, body: &JsValue) -> Result<Page, StoreError> {
    let (Some(head), Some(body)) = (head.as_string(), body.as_string()) else {
        return Err(StoreError::Backend(format!(
            "a {collection} page is not text"
        )));
    };
    Page::decode(collection, &head, &body)
}

/// Issues (without waiting) what `write` does to the stored pages, and the
/// collection's new generation.
pub(super) fn write(
    txn: &Transaction,
    write: &CollectionWrite,
    generation: u64,
) -> Result<(), StoreError> {
    let heads = txn.object_store(HEADS).map_err(map_error)?;
    let bodies = txn.object_store(BODIES).map_err(map_error)?;
    let c = write.collection;
    if write.cleared {
        drop(heads.delete(collection_range(c)?).map_err(map_error)?);
        drop(bodies.delete(collection_range(c)?).map_err(map_error)?);
    }
    for no in &write.delete {
        drop(heads.delete(page_key(c, *no)).map_err(map_error)?);
        drop(bodies.delete(page_key(c, *no)).map_err(map_error)?);
    }
    for page in &write.put {
        let encoded = page.encode()?;
        let key = page_key(c, page.no);
        drop(
            heads
                .put(&JsValue::from_str(&encoded.head), Some(&key))
                .map_err(map_error)?,
        );
        drop(
            bodies
                .put(&JsValue::from_str(&encoded.body), Some(&key))
                .map_err(map_error)?,
        );
    }
    let meta = txn.object_store(META).map_err(map_error)?;
    drop(
        meta.put(
            &JsValue::from(generation as f64),
            Some(&JsValue::from_str(c)),
        )
        .map_err(map_error)?,
    );
    Ok(())
}

#[wasm_bindgen(inline_js = "
export function join_as_array(values, separator) {
  return '[' + values.join(separator) + ']';
}
")]
extern "C" {
    /// Stored strings joined into one JSON array text: one crossing from JS
    /// for a whole collection instead of one per page.
    fn join_as_array(values: &Array, separator: &str) -> String;
}
