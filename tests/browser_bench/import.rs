//! A 100,000-row CSV (HubSpot layout) imported the way the import card
//! does it: read in the card's 256 KiB slices (yielding to the browser
//! between slices, as the card does while it reads the file), each slice
//! parsed, mapped and validated, then one change set written by
//! `IdbStore::apply` (what `AppState::apply` calls) on the paged layout.
//! Beside it, the floor of issue #13: plain JS putting the same objects into
//! IndexedDB one per key in one transaction, in the same browser. Also the
//! main thread's long tasks during the import. Prints figures; asserts
//! nothing about speed.

use super::long_tasks::{figure, LongTasks};
use super::{now, CUSTOMERS};
use rapport::io::import::{auto_map, CsvReader, CustomerImport, DuplicatePolicy, ReadOptions};
use rapport::store::idb::IdbStore;
use rapport::store::{ChangeSet, Collection, Op, Store};
use rapport::ui::files::SLICE_BYTES;
use rapport::ui::state::sleep_ms;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{console_log, wasm_bindgen_test};

#[wasm_bindgen(inline_js = "
export function plain_put_one_per_key(name, keys, objects) {
    return new Promise((resolve, reject) => {
        const removed = indexedDB.deleteDatabase(name);
        removed.onerror = () => reject(removed.error);
        removed.onsuccess = () => {
            const open = indexedDB.open(name, 1);
            open.onupgradeneeded = () => open.result.createObjectStore('records');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
                const db = open.result;
                const start = performance.now();
                const tx = db.transaction('records', 'readwrite');
                const store = tx.objectStore('records');
                for (let i = 0; i < objects.length; i++) store.put(objects[i], keys[i]);
                tx.oncomplete = () => {
                    const ms = performance.now() - start;
                    db.close();
                    indexedDB.deleteDatabase(name);
                    resolve(ms);
                };
                tx.onabort = () => reject(tx.error);
            };
        };
    });
}
")]
extern "C" {
    /// Puts `objects[i]` under `keys[i]` in one readwrite transaction of a
    /// fresh database; resolves to the milliseconds from the transaction's
    /// start to its `complete`.
    fn plain_put_one_per_key(
        name: &str,
        keys: &js_sys::Array,
        objects: &js_sys::Array,
    ) -> js_sys::Promise;
}

/// The CSV: 100,000 HubSpot contacts, every one new.
fn hubspot_csv() -> Vec<u8> {
    let mut text = String::from("First Name,Last Name,Email,Phone Number,Company Name,City,Country/Region,Lifecycle Stage\n");
    for i in 0..CUSTOMERS {
        text.push_str(&format!(
            "Given{i},Family{i},person{i}@example.com,+1 415 555 {:04},Company {},City {},United States,Lead\n",
            i % 10_000,
            i % 997,
            i % 211
        ));
    }
    text.into_bytes()
}

/// Reads `bytes` slice by slice as the import card does and returns the
/// checked import.
async fn check(bytes: &[u8]) -> CustomerImport {
    let mut reader = CsvReader::new(ReadOptions::default());
    let mut import: Option<CustomerImport> = None;
    for slice in bytes.chunks(SLICE_BYTES as usize) {
        reader.feed(slice).expect("feed");
        let rows = reader.take_rows();
        let import = import.get_or_insert_with(|| {
            let header = reader.header().expect("header").to_vec();
            let (_, mapping) = auto_map(&header);
            CustomerImport::new(
                header,
                mapping,
                Vec::new(),
                DuplicatePolicy::Skip,
                1_790_000_000_000,
            )
        });
        import.add_rows(rows);
        // The card awaits the next slice of the file here.
        sleep_ms(0).await;
    }
    reader.finish().expect("finish");
    let mut import = import.expect("at least one slice");
    import.add_rows(reader.take_rows());
    import
}

/// The Put ops' ids and records as JS values, for the plain-JS put.
fn as_js_objects(changes: &ChangeSet) -> (js_sys::Array, js_sys::Array) {
    let (keys, jsons): (Vec<String>, Vec<&str>) = changes
        .ops
        .iter()
        .filter_map(|op| match op {
            Op::Put { envelope, .. } => Some((envelope.id.to_string(), envelope.json.as_str())),
            _ => None,
        })
        .unzip();
    let objects = js_sys::JSON::parse(&format!("[{}]", jsons.join(",")))
        .expect("the records' JSON")
        .unchecked_into::<js_sys::Array>();
    let keys = keys.into_iter().map(JsValue::from).collect();
    (keys, objects)
}

#[wasm_bindgen_test]
async fn import_100k_rows_into_indexeddb() {
    let bytes = hubspot_csv();
    let name = "rapport-bench-import";
    let _ = IdbStore::delete(name).await;
    let store = IdbStore::open(name).await.expect("open");

    let watch = LongTasks::start();
    let start = now();
    let import = check(&bytes).await;
    let checked = now();
    let (changes, _) = import
        .into_change_set("Bench import", "bench.csv")
        .expect("change set");
    let converted = now();
    store.apply(&changes).await.expect("write");
    let written = now();
    let main_thread = watch.stop().await;
    let per_second = |ms: f64| (CUSTOMERS as f64 / (ms / 1000.0)).round();
    console_log!(
        "import of 100,000 CSV rows on the paged store: read + parse + map + validate in {}-byte slices {:.0} ms, change set {:.0} ms, one IndexedDB transaction {:.0} ms; total {:.2} s = {} rows/s",
        SLICE_BYTES,
        checked - start,
        converted - checked,
        written - converted,
        (written - start) / 1000.0,
        per_second(written - start)
    );
    console_log!("import main thread: {}", main_thread.describe());
    assert_eq!(
        store.count(Collection::Customers).await.expect("count"),
        CUSTOMERS
    );
    store.close();
    let _ = IdbStore::delete(name).await;

    let (keys, objects) = as_js_objects(&changes);
    let plain = JsFuture::from(plain_put_one_per_key(
        "rapport-bench-plain-put",
        &keys,
        &objects,
    ))
    .await
    .expect("plain put")
    .as_f64()
    .expect("milliseconds");
    console_log!(
        "plain JS, the same {} objects put one per key in one transaction: {plain:.0} ms; the import's transaction is {:.2}× that, the whole import {:.2}×",
        objects.length(),
        (written - converted) / plain,
        (written - start) / plain
    );
    figure("import_total", written - start);
    figure("import_transaction", written - converted);
    figure("import_plain_put", plain);
    figure("import_longest_task", main_thread.longest_ms);
}
