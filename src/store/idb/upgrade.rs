//! Schema upgrades inside IndexedDB's upgrade transaction: create the stores
//! and indexes of the missing migrations and re-derive envelopes where a
//! migration asks for it. Raw `web_sys`, because the upgrade transaction is
//! only reachable from the `upgradeneeded` event.

use super::{from_js, to_js};
use crate::store::schema::{self, IndexSpec, Step};
use crate::store::Envelope;
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
    for migration in schema::migrations_between(old, new) {
        for step in migration.steps {
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
                        .create_index_with_str_sequence_and_optional_parameters(
                            name, &key, &params,
                        )?;
                }
                Step::Reindex(store) => reindex(&txn, store)?,
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
                .and_then(|envelope| to_js(&envelope));
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

/// The localStorage key under which an upgrade leaves a notice for the
/// user (read and cleared by the app once the database is open).
pub const UPGRADE_NOTICE_KEY: &str = "rapport.upgrade-notice";

/// Leaves the notice that `kept` records of `store_name` could not be
/// converted by the upgrade and were kept as they were.
fn note_kept_records(store_name: &str, kept: usize) {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return;
    };
    let earlier = storage.get_item(UPGRADE_NOTICE_KEY).ok().flatten();
    let line = format!(
        "{kept} {store_name} record(s) could not be converted by this update and were kept as \
         they were; they may not show in searches and filters. Export a backup and report it."
    );
    let text = match earlier {
        Some(earlier) => format!("{earlier} {line}"),
        None => line,
    };
    let _ = storage.set_item(UPGRADE_NOTICE_KEY, &text);
}
