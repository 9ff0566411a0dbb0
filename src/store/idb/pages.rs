//! Page values in and out of IndexedDB, inside a transaction someone else
//! opened: the page stores are keyed `[collection, page]`, each value a
//! string ([`schema::HEADS`], [`schema::BODIES`]); [`schema::META`] holds
//! each collection's generation and the encryption record. What the pages
//! mean is the core's (`rapport_core::store::page`); this file only moves
//! strings, opening sealed ones with the connection's key on the way in and
//! sealing on the way out when the encryption record says so
//! (`rapport_core::store::seal`).

use super::map_error;
use crate::store::page::{CollectionWrite, Page, PageHead};
use crate::store::schema::{BODIES, HEADS, META, TALLIES};
use crate::store::seal::{
    open_value, page_label, EncryptionRecord, Key, ENCRYPTION_META_KEY, SEALED_PREFIX,
};
use crate::store::tally::{is_tallied, Tally};
use crate::store::{StoreError, COLLECTIONS};
use idb::{KeyRange, Query, Transaction};
use js_sys::Array;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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

/// Ends a read-only transaction whose requests have all been answered,
/// now rather than when the thread next yields. A readwrite transaction
/// waits for every earlier transaction on its stores, and a transaction
/// stays open while the thread runs on: a worker that decodes and computes
/// for seconds after its reads would hold the page's writes (a save, a
/// kept value) back until it was done. Errors (it had already finished)
/// are of no interest.
pub(super) fn release(txn: Transaction) {
    let _ = txn.commit();
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
    key: Option<&Key>,
) -> Result<Vec<PageHead>, StoreError> {
    let text = read_joined(txn, HEADS, collection, key).await?;
    serde_json::from_str(&text)
        .map_err(|e| StoreError::Backend(format!("a {collection} page head is damaged: {e}")))
}

/// Every value of `store` for `collection` (heads, bodies or tallies), as
/// stored (sealed ones still sealed), in page order.
pub(super) async fn read_values(
    txn: &Transaction,
    store: &str,
    collection: &str,
) -> Result<Vec<JsValue>, StoreError> {
    txn.object_store(store)
        .map_err(map_error)?
        .get_all(Some(collection_range(collection)?), None)
        .map_err(map_error)?
        .await
        .map_err(map_error)
}

/// The values of `store` for pages `first` to `last` (both included) of
/// `collection`, as stored, in page order.
pub(super) async fn read_values_between(
    txn: &Transaction,
    store: &str,
    collection: &str,
    first: u32,
    last: u32,
) -> Result<Vec<JsValue>, StoreError> {
    let range = KeyRange::bound(
        &page_key(collection, first),
        &page_key(collection, last),
        None,
        None,
    )
    .map(Query::from)
    .map_err(map_error)?;
    txn.object_store(store)
        .map_err(map_error)?
        .get_all(Some(range), None)
        .map_err(map_error)?
        .await
        .map_err(map_error)
}

/// The page numbers of `collection`, ascending (from the heads' keys).
pub(super) async fn page_numbers_of(
    txn: &Transaction,
    collection: &str,
) -> Result<Vec<u32>, StoreError> {
    let keys = txn
        .object_store(HEADS)
        .map_err(map_error)?
        .get_all_keys(Some(collection_range(collection)?), None)
        .map_err(map_error)?
        .await
        .map_err(map_error)?;
    Ok(keys
        .iter()
        .filter_map(|key| key.unchecked_ref::<Array>().get(1).as_f64())
        .map(|n| n as u32)
        .collect())
}

/// Every value of `store` for `collection` (heads or bodies) joined into one
/// JSON array: by one join in JS when none is sealed, else opened one by
/// one with `key` and joined here.
pub(super) async fn read_joined(
    txn: &Transaction,
    store: &str,
    collection: &str,
    key: Option<&Key>,
) -> Result<String, StoreError> {
    let values = read_values(txn, store, collection).await?;
    let array: Array = values.into_iter().collect();
    let separator = if store == BODIES { ",\n" } else { "," };
    if !any_sealed(&array, SEALED_PREFIX) {
        return Ok(join_as_array(&array, separator));
    }
    let label = page_label(collection, half(store));
    let mut joined = String::from("[");
    for (i, value) in array.iter().enumerate() {
        let Some(text) = value.as_string() else {
            return Err(StoreError::Backend(format!(
                "a {collection} page is not text"
            )));
        };
        if i > 0 {
            joined.push_str(separator);
        }
        joined.push_str(&open_value(key, &label, text)?);
    }
    joined.push(']');
    Ok(joined)
}

/// Which half of a page a store holds, for its seal label.
fn half(store: &str) -> &'static str {
    if store == BODIES {
        "body"
    } else {
        "head"
    }
}

/// Every page of `collection`, whole.
pub(super) async fn read_all_pages(
    txn: Transaction,
    collection: &str,
    key: Option<&Key>,
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
    release(txn);
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
        .map(|(head, body)| decode(collection, head, body, key))
        .collect()
}

/// The pages `numbers` of `collection` (all requests issued, then awaited).
pub(super) async fn read_pages(
    txn: &Transaction,
    collection: &'static str,
    numbers: impl IntoIterator<Item = u32>,
    key: Option<&Key>,
) -> Result<HashMap<(&'static str, u32), Page>, StoreError> {
    let heads = txn.object_store(HEADS).map_err(map_error)?;
    let bodies = txn.object_store(BODIES).map_err(map_error)?;
    let tallies = txn.object_store(TALLIES).map_err(map_error)?;
    let tallied = is_tallied(collection);
    let mut requests = Vec::new();
    // Requests are awaited in the order they were issued: a request's
    // future listens from its first poll, so one that completed before an
    // earlier one was awaited would never be heard.
    for no in numbers {
        let page = page_key(collection, no);
        let head = heads.get(page.clone()).map_err(map_error)?;
        let body = bodies.get(page.clone()).map_err(map_error)?;
        let tally = match tallied {
            true => Some(tallies.get(page).map_err(map_error)?),
            false => None,
        };
        requests.push((no, head, body, tally));
    }
    let mut pages = HashMap::new();
    for (no, head, body, tally) in requests {
        let head = head.await.map_err(map_error)?;
        let body = body.await.map_err(map_error)?;
        let (Some(head), Some(body)) = (head, body) else {
            return Err(StoreError::Backend(format!(
                "{collection} page {no} is missing"
            )));
        };
        let tally = match tally {
            Some(request) => request.await.map_err(map_error)?,
            None => None,
        };
        let tally = open_tally(collection, tally.as_ref(), key)?;
        let page = decode(collection, &head, &body, key)?.with_tally(tally.as_deref());
        pages.insert((collection, no), page);
    }
    Ok(pages)
}

fn decode(
    collection: &str,
    head: &JsValue,
    body: &JsValue,
    key: Option<&Key>,
) -> Result<Page, StoreError> {
    let (head, body) = open_pair(collection, head, body, key)?;
    Page::decode(collection, &head, &body)
}

/// A page's two stored values as plain text (opened when sealed).
pub(super) fn open_pair(
    collection: &str,
    head: &JsValue,
    body: &JsValue,
    key: Option<&Key>,
) -> Result<(String, String), StoreError> {
    let (Some(head), Some(body)) = (head.as_string(), body.as_string()) else {
        return Err(StoreError::Backend(format!(
            "a {collection} page is not text"
        )));
    };
    Ok((
        open_value(key, &page_label(collection, "head"), head)?,
        open_value(key, &page_label(collection, "body"), body)?,
    ))
}

/// Writes a page's two values (sealed with `seal` when given), without
/// waiting.
pub(super) fn put_pair(
    txn: &Transaction,
    collection: &str,
    no: u32,
    head: &str,
    body: &str,
    seal: Option<&Key>,
) -> Result<(), StoreError> {
    let heads = txn.object_store(HEADS).map_err(map_error)?;
    let bodies = txn.object_store(BODIES).map_err(map_error)?;
    let (head, body) = match seal {
        Some(key) => (
            key.seal(&page_label(collection, "head"), head)?,
            key.seal(&page_label(collection, "body"), body)?,
        ),
        None => (head.to_owned(), body.to_owned()),
    };
    let key = page_key(collection, no);
    drop(
        heads
            .put(&JsValue::from_str(&head), Some(&key))
            .map_err(map_error)?,
    );
    drop(
        bodies
            .put(&JsValue::from_str(&body), Some(&key))
            .map_err(map_error)?,
    );
    Ok(())
}

/// A stored tally as plain text (opened when sealed); `None` when absent.
pub(super) fn open_tally(
    collection: &str,
    value: Option<&JsValue>,
    key: Option<&Key>,
) -> Result<Option<String>, StoreError> {
    match value.and_then(JsValue::as_string) {
        Some(text) => Ok(Some(open_value(
            key,
            &page_label(collection, "tally"),
            text,
        )?)),
        None => Ok(None),
    }
}

/// Writes a page's tally (sealed with `seal` when given), without waiting.
pub(super) fn put_tally(
    txn: &Transaction,
    collection: &str,
    no: u32,
    tally: &str,
    seal: Option<&Key>,
) -> Result<(), StoreError> {
    let tally = match seal {
        Some(key) => key.seal(&page_label(collection, "tally"), tally)?,
        None => tally.to_owned(),
    };
    let store = txn.object_store(TALLIES).map_err(map_error)?;
    drop(
        store
            .put(&JsValue::from_str(&tally), Some(&page_key(collection, no)))
            .map_err(map_error)?,
    );
    Ok(())
}

/// The stored tallies of `collection`, added up, and the pages that have
/// none (written before tallies), which the caller counts from their
/// records.
pub(super) async fn read_tallies(
    txn: &Transaction,
    collection: &str,
    key: Option<&Key>,
) -> Result<(Tally, Vec<u32>), StoreError> {
    let range = || collection_range(collection);
    let page_keys = txn
        .object_store(HEADS)
        .map_err(map_error)?
        .get_all_keys(Some(range()?), None)
        .map_err(map_error)?;
    let tallies = txn.object_store(TALLIES).map_err(map_error)?;
    let tally_keys = tallies
        .get_all_keys(Some(range()?), None)
        .map_err(map_error)?;
    let values = tallies.get_all(Some(range()?), None).map_err(map_error)?;
    let page_keys = page_keys.await.map_err(map_error)?;
    let tally_keys = tally_keys.await.map_err(map_error)?;
    let values = values.await.map_err(map_error)?;
    let number = |key: &JsValue| {
        key.unchecked_ref::<Array>()
            .get(1)
            .as_f64()
            .map(|n| n as u32)
    };
    let tallied: std::collections::BTreeSet<u32> = tally_keys.iter().filter_map(number).collect();
    let missing = page_keys
        .iter()
        .filter_map(number)
        .filter(|no| !tallied.contains(no))
        .collect();
    let mut sum = Tally::default();
    for value in &values {
        let Some(text) = open_tally(collection, Some(value), key)? else {
            continue;
        };
        let page: Tally = serde_json::from_str(&text)
            .map_err(|e| StoreError::Backend(format!("a {collection} tally is damaged: {e}")))?;
        sum.absorb(page);
    }
    Ok((sum, missing))
}

/// The encryption record, if encryption is on (or being turned on or off).
pub(super) async fn encryption(txn: &Transaction) -> Result<Option<EncryptionRecord>, StoreError> {
    let value = txn
        .object_store(META)
        .map_err(map_error)?
        .get(JsValue::from_str(ENCRYPTION_META_KEY))
        .map_err(map_error)?
        .await
        .map_err(map_error)?;
    match value.and_then(|v| v.as_string()) {
        Some(text) => Ok(Some(EncryptionRecord::from_json(&text)?)),
        None => Ok(None),
    }
}

/// Stores the encryption record (`None`: removes it), without waiting.
pub(super) fn put_encryption(
    txn: &Transaction,
    record: Option<&EncryptionRecord>,
) -> Result<(), StoreError> {
    let meta = txn.object_store(META).map_err(map_error)?;
    let key = JsValue::from_str(ENCRYPTION_META_KEY);
    match record {
        Some(r) => drop(
            meta.put(&JsValue::from_str(&r.to_json()), Some(&key))
                .map_err(map_error)?,
        ),
        None => drop(meta.delete(key).map_err(map_error)?),
    }
    Ok(())
}

/// Every collection's page numbers, ascending, indexed as [`COLLECTIONS`]
/// (from the keys of the heads: nothing is opened).
pub(super) async fn page_numbers(txn: &Transaction) -> Result<Vec<Vec<u32>>, StoreError> {
    let keys = txn
        .object_store(HEADS)
        .map_err(map_error)?
        .get_all_keys(None, None)
        .map_err(map_error)?
        .await
        .map_err(map_error)?;
    let mut pages = vec![Vec::new(); COLLECTIONS.len()];
    for key in keys {
        let key: Array = key.unchecked_into();
        let (Some(name), Some(no)) = (key.get(0).as_string(), key.get(1).as_f64()) else {
            continue;
        };
        if let Some(i) = COLLECTIONS.iter().position(|c| *c == name) {
            pages[i].push(no as u32);
        }
    }
    for numbers in &mut pages {
        numbers.sort_unstable();
    }
    Ok(pages)
}

/// Issues (without waiting) what `write` does to the stored pages, and the
/// collection's new generation.
/// Pages are sealed with `seal` when given.
pub(super) fn write(
    txn: &Transaction,
    write: &CollectionWrite,
    generation: u64,
    seal: Option<&Key>,
) -> Result<(), StoreError> {
    let heads = txn.object_store(HEADS).map_err(map_error)?;
    let bodies = txn.object_store(BODIES).map_err(map_error)?;
    let tallies = txn.object_store(TALLIES).map_err(map_error)?;
    let c = write.collection;
    if write.cleared {
        for store in [&heads, &bodies, &tallies] {
            drop(store.delete(collection_range(c)?).map_err(map_error)?);
        }
    }
    for no in &write.delete {
        for store in [&heads, &bodies, &tallies] {
            drop(store.delete(page_key(c, *no)).map_err(map_error)?);
        }
    }
    for page in &write.put {
        let encoded = page.encode()?;
        put_pair(txn, c, page.no, &encoded.head, &encoded.body, seal)?;
        if let Some(tally) = &encoded.tally {
            put_tally(txn, c, page.no, tally, seal)?;
        }
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
export function any_sealed(values, prefix) {
  return values.some(v => typeof v === 'string' && v.startsWith(prefix));
}
")]
extern "C" {
    /// Stored strings joined into one JSON array text: one crossing from JS
    /// for a whole collection instead of one per page.
    fn join_as_array(values: &Array, separator: &str) -> String;
    /// Whether any stored string is sealed (then they are opened one by one).
    fn any_sealed(values: &Array, prefix: &str) -> bool;
}
