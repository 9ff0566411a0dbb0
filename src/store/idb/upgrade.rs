//! Schema upgrades inside IndexedDB's upgrade transaction: create the stores
//! and indexes of the missing migrations, re-derive envelopes where a
//! migration asks for it, and move every record into pages (version 6).
//! Raw `web_sys`, because the upgrade transaction is only reachable from the
//! `upgradeneeded` event.

use super::pages::page_key;
use crate::store::page::paginate;
use crate::store::schema::{self, IndexSpec, Step, BODIES, HEADS, META};
use crate::store::{Collection, Envelope, StoreError};
use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub(super) fn upgrade_transaction(
    event: &web_sys::IdbVersionChangeEvent,
) -> Option<web_sys::IdbTransaction> {
    event
        .target()?
        .dyn_into::<web_sys::IdbOpenDbRequest>()
        .ok()?
        .transaction()
}

/// Runs the migrations from `old` to `new` inside the upgrade transaction.
pub(super) fn upgrade(
    event: &web_sys::IdbVersionChangeEvent,
    old: u32,
    new: u32,
) -> Result<(), JsValue> {
    let request: web_sys::IdbOpenDbRequest = event.target().ok_or("no target")?.dyn_into()?;
    let db: web_sys::IdbDatabase = request.result()?.dyn_into()?;
    let txn = request.transaction().ok_or("no upgrade transaction")?;
    let plan = schema::upgrade_plan(old, new);
    for step in &plan.steps {
        match *step {
            Step::CreateStore(name) => {
                let params = web_sys::IdbObjectStoreParameters::new();
                params.set_key_path(&JsValue::from_str("id"));
                db.create_object_store_with_optional_parameters(name, &params)?;
            }
            Step::CreateIndex(IndexSpec {
                store,
                name,
                key_path,
                multi_entry,
            }) => {
                let params = web_sys::IdbIndexParameters::new();
                params.set_multi_entry(multi_entry);
                let key: JsValue = match key_path {
                    [single] => JsValue::from_str(single),
                    many => many
                        .iter()
                        .map(|k| JsValue::from_str(k))
                        .collect::<Array>()
                        .into(),
                };
                txn.object_store(store)?
                    .create_index_with_str_sequence_and_optional_parameters(name, &key, &params)?;
            }
            Step::Reindex(store) => reindex(&txn, store)?,
            Step::ToPages => to_pages(&db, &txn, &plan.rebuild_on_paging)?,
            Step::CreateTallies => {
                // Keys out of line, `[collection, page]`, like the pages.
                db.create_object_store(schema::TALLIES)?;
            }
        }
    }
    Ok(())
}

/// Rewrites every envelope of `store` from its JSON, inside the upgrade
/// transaction (which stays open while these requests are pending).
fn reindex(txn: &web_sys::IdbTransaction, store_name: &'static str) -> Result<(), JsValue> {
    let store = txn.object_store(store_name)?;
    let request = store.get_all()?;
    let request_for_result = request.clone();
    let on_success = Closure::once_into_js(move || {
        let values = match request_for_result.result() {
            Ok(values) => values,
            Err(e) => {
                // Without the records there is nothing safe to rewrite:
                // abort, so the database stays at its old version, whole.
                web_sys::console::error_2(
                    &format!("Rapport: reading {store_name} to reindex failed").into(),
                    &e,
                );
                let _ = request_for_result.transaction().map(|t| t.abort());
                return;
            }
        };
        // A record that cannot be converted is kept exactly as it was (its
        // JSON is all there; only its index keys are old), counted, and
        // reported to the user after the upgrade — never dropped.
        let mut kept = 0usize;
        for value in Array::from(&values).iter() {
            let rebuilt = from_js(&value)
                .and_then(|e| Envelope::rebuild(store_name, &e.json))
                .and_then(|envelope| Ok(to_js_all(&[envelope])?.get(0)));
            match rebuilt {
                Ok(object) => {
                    let _ = store.put(&object);
                }
                Err(e) => {
                    kept += 1;
                    web_sys::console::error_1(
                        &format!(
                            "Rapport: reindexing {store_name}: {e}; the record was kept as it was"
                        )
                        .into(),
                    );
                }
            }
        }
        if kept > 0 {
            note_kept_records(store_name, kept);
        }
    });
    request.set_onsuccess(Some(on_success.unchecked_ref()));
    Ok(())
}

/// Creates the page stores and moves every collection store's records into
/// pages, deleting each store once its records are moved. Envelopes of the
/// stores in `rebuild` are re-derived from their JSON on the way (the
/// reindex of older migrations); one that cannot be is moved as it was
/// stored, and reported. A store holding a value that is not an envelope at
/// all is left in place whole (nothing is lost), and reported.
fn to_pages(
    db: &web_sys::IdbDatabase,
    txn: &web_sys::IdbTransaction,
    rebuild: &[&'static str],
) -> Result<(), JsValue> {
    for name in [HEADS, BODIES, META] {
        db.create_object_store(name)?;
    }
    let names = db.object_store_names();
    for i in 0..names.length() {
        let Some(collection) = names.get(i).and_then(|n| Collection::from_name(&n)) else {
            continue;
        };
        let name = collection.name();
        let request = txn.object_store(name)?.get_all()?;
        let request_for_result = request.clone();
        let db = db.clone();
        let txn = txn.clone();
        let rebuild = rebuild.contains(&name);
        let on_success = Closure::once_into_js(move || {
            if let Err(e) = move_into_pages(&db, &txn, &request_for_result, name, rebuild) {
                // Without the records moved there is nothing safe to delete:
                // abort, so the database stays at its old version, whole.
                web_sys::console::error_2(
                    &format!("Rapport: moving {name} into pages failed").into(),
                    &e,
                );
                let _ = txn.abort();
            }
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
    }
    Ok(())
}

/// The `getAll` of one collection store, written as pages.
fn move_into_pages(
    db: &web_sys::IdbDatabase,
    txn: &web_sys::IdbTransaction,
    request: &web_sys::IdbRequest,
    name: &'static str,
    rebuild: bool,
) -> Result<(), JsValue> {
    let values = Array::from(&request.result()?);
    let mut envelopes = Vec::with_capacity(values.length() as usize);
    let (mut kept, mut unreadable) = (0usize, 0usize);
    for value in from_js_values(&values)? {
        let envelope = match serde_json::from_value::<Envelope>(value) {
            Ok(envelope) => envelope,
            Err(e) => {
                unreadable += 1;
                web_sys::console::error_1(
                    &format!("Rapport: a stored {name} value is not a record: {e}").into(),
                );
                continue;
            }
        };
        if !rebuild {
            envelopes.push(envelope);
            continue;
        }
        match Envelope::rebuild(name, &envelope.json) {
            Ok(again) => envelopes.push(again),
            Err(e) => {
                kept += 1;
                web_sys::console::error_1(
                    &format!("Rapport: reindexing {name}: {e}; the record was kept as it was")
                        .into(),
                );
                envelopes.push(envelope);
            }
        }
    }
    let heads = txn.object_store(HEADS)?;
    let bodies = txn.object_store(BODIES)?;
    for page in paginate(envelopes) {
        let encoded = page
            .encode()
            .map_err(|e| JsValue::from_str(&e.to_string()))?;
        let key = page_key(name, page.no);
        heads.put_with_key(&JsValue::from_str(&encoded.head), &key)?;
        bodies.put_with_key(&JsValue::from_str(&encoded.body), &key)?;
    }
    txn.object_store(META)?
        .put_with_key(&JsValue::from(1), &JsValue::from_str(name))?;
    if kept > 0 {
        note_kept_records(name, kept);
    }
    if unreadable > 0 {
        note(&format!(
            "{unreadable} {name} value(s) are not records this version can read; they were left \
             in place and do not show. Export a backup and report it."
        ));
    } else {
        db.delete_object_store(name)?;
    }
    Ok(())
}

/// Stored objects as JSON values (one `JSON.stringify` for all of them).
fn from_js_values(values: &Array) -> Result<Vec<serde_json::Value>, JsValue> {
    let text: String = js_sys::JSON::stringify(values)?.into();
    serde_json::from_str(&text).map_err(|e| JsValue::from_str(&e.to_string()))
}

/// Many envelopes as JS objects, in order (the layout before version 6).
fn to_js_all(envelopes: &[Envelope]) -> Result<Array, StoreError> {
    let text = serde_json::to_string(envelopes).map_err(|e| StoreError::Encode(e.to_string()))?;
    let parsed = js_sys::JSON::parse(&text).map_err(|e| StoreError::Encode(format!("{e:?}")))?;
    Ok(parsed.unchecked_into())
}

/// One stored object (the layout before version 6) back into an envelope.
fn from_js(value: &JsValue) -> Result<Envelope, StoreError> {
    let mut values = from_js_values(&Array::of1(value))
        .map_err(|e| StoreError::Backend(format!("reading a stored record: {e:?}")))?;
    let value = values
        .pop()
        .ok_or_else(|| StoreError::Backend("empty read".into()))?;
    serde_json::from_value(value)
        .map_err(|e| StoreError::Backend(format!("a stored record is malformed: {e}")))
}

/// The localStorage key under which an upgrade leaves a notice for the
/// user (read and cleared by the app once the database is open).
pub const UPGRADE_NOTICE_KEY: &str = "rapport.upgrade-notice";

/// Leaves the notice that `kept` records of `store_name` could not be
/// converted by the upgrade and were kept as they were.
fn note_kept_records(store_name: &str, kept: usize) {
    note(&format!(
        "{kept} {store_name} record(s) could not be converted by this update and were kept as \
         they were; they may not show in searches and filters. Export a backup and report it."
    ));
}

/// Adds `line` to the notice the app shows after the upgrade.
fn note(line: &str) {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return;
    };
    let earlier = storage.get_item(UPGRADE_NOTICE_KEY).ok().flatten();
    let text = match earlier {
        Some(earlier) => format!("{earlier} {line}"),
        None => line.to_owned(),
    };
    let _ = storage.set_item(UPGRADE_NOTICE_KEY, &text);
}
