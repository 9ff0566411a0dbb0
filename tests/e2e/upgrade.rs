//! A store written by the previous release opens in this one with nothing
//! lost. The fixture `fixtures/release-5-store.json` is the raw IndexedDB
//! content (object stores, their indexes, every value) of the release with
//! schema version 5 — one value per record — after loading the 2,000-customer
//! demo set and adding a customer and a note by hand; it was made by
//! [`dump_the_store_of_the_release_under_test`] run against that release's
//! `dist/`, and trimmed to a few customers and everything that refers to them
//! (`fixtures/trim_release_store.py`).

use crate::backup::download_backup;
use crate::customers::listed_total;
use crate::harness::Browser;
use std::path::PathBuf;

fn fixture_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/fixtures/release-5-store.json")
}

/// Reads every object store of the app's database: its key path, indexes
/// and values.
const DUMP: &str = r#"
const done = arguments[arguments.length - 1];
const open = indexedDB.open('rapport');
open.onsuccess = () => {
  const db = open.result;
  const names = [...db.objectStoreNames];
  const txn = db.transaction(names, 'readonly');
  const out = { version: db.version, stores: [] };
  for (const name of names) {
    const store = txn.objectStore(name);
    const entry = {
      name, keyPath: store.keyPath, autoIncrement: store.autoIncrement,
      indexes: [...store.indexNames].map(i => {
        const index = store.index(i);
        return { name: i, keyPath: index.keyPath, multiEntry: index.multiEntry, unique: index.unique };
      }),
      values: [],
    };
    out.stores.push(entry);
    const all = store.getAll();
    all.onsuccess = () => { entry.values = all.result; };
    // Out-of-line keys (the paged layout's `[collection, page]`).
    if (store.keyPath === null) {
      const keys = store.getAllKeys();
      keys.onsuccess = () => { entry.keys = keys.result; };
    }
  }
  txn.oncomplete = () => { db.close(); done(JSON.stringify(out)); };
  txn.onerror = () => done('error: ' + txn.error);
};
open.onerror = () => done('error: ' + open.error);
"#;

/// Writes a dump made by [`DUMP`] into a fresh database at its version.
const RESTORE: &str = r#"
const dump = JSON.parse(arguments[0]);
const done = arguments[arguments.length - 1];
const open = indexedDB.open('rapport', dump.version);
open.onupgradeneeded = () => {
  const db = open.result;
  for (const s of dump.stores) {
    const store = db.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
    for (const i of s.indexes) {
      store.createIndex(i.name, i.keyPath, { multiEntry: i.multiEntry, unique: i.unique });
    }
  }
};
open.onsuccess = () => {
  const db = open.result;
  const txn = db.transaction(dump.stores.map(s => s.name), 'readwrite');
  for (const s of dump.stores) {
    s.values.forEach((v, i) => s.keys ? txn.objectStore(s.name).put(v, s.keys[i]) : txn.objectStore(s.name).put(v));
  }
  txn.oncomplete = () => { db.close(); done('ok'); };
  txn.onerror = () => done('error: ' + txn.error);
};
open.onerror = () => done('error: ' + open.error);
"#;

/// Writes the raw store `dump` (as [`DUMP`] makes it) into the browser's
/// database from a same-origin document that is not the app, so the old
/// store is there before this release ever opens it.
pub async fn restore_dump(browser: &Browser, dump: &str) {
    browser.open("icon.svg").await;
    let written = browser
        .client
        .execute_async(RESTORE, vec![serde_json::Value::String(dump.to_string())])
        .await
        .expect("write the old store");
    assert_eq!(written, "ok", "{written}");
}

/// Makes the fixture: run by hand against the previous release's `dist/`
/// (`cargo test --test e2e dump_the_store -- --ignored`), then trim it.
#[tokio::test(flavor = "current_thread")]
#[ignore = "makes the fixture from a release build; not a test"]
async fn dump_the_store_of_the_release_under_test() {
    let browser = Browser::start().await;
    crate::customers::load_demo_data(&browser).await;
    crate::customers::add_customer(&browser, "Ada", "Lovelace", "ada@example.com").await;
    browser
        .fill("Note text", "Asked for the engine's schematics")
        .await;
    browser.click_button("Add to timeline").await;
    browser
        .expect_text("Asked for the engine's schematics")
        .await;
    let dump = browser
        .client
        .execute_async(DUMP, vec![])
        .await
        .expect("dump the store");
    let dump = dump.as_str().expect("a JSON string");
    assert!(!dump.starts_with("error"), "{dump}");
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/release-store-dump.json");
    std::fs::write(&out, dump).expect("write the dump");
    browser.close().await;
}

/// Every record, by id. A store value is an envelope holding the record as
/// a JSON string; a backup holds the record itself. Either way the record
/// carries its meta (id, version, times, trash mark).
type Records = std::collections::BTreeMap<String, serde_json::Value>;

fn records_of(values: &[serde_json::Value]) -> Records {
    values
        .iter()
        .map(|value| {
            let record = match &value["json"] {
                serde_json::Value::String(text) => {
                    serde_json::from_str(text).expect("the record is JSON")
                }
                _ => value.clone(),
            };
            (record["id"].as_str().expect("an id").to_string(), record)
        })
        .collect()
}

#[tokio::test(flavor = "current_thread")]
async fn a_store_written_by_the_schema_5_release_opens_with_every_record_and_its_version() {
    let fixture = std::fs::read_to_string(fixture_path()).expect("read the fixture");
    let dump: serde_json::Value = serde_json::from_str(&fixture).expect("the fixture is JSON");
    assert_eq!(dump["version"], 5, "the fixture is a schema-5 store");

    let browser = Browser::start().await;
    restore_dump(&browser, &fixture).await;

    browser.open("customers").await;
    browser.expect_heading("Customers").await;
    browser
        .expect_true(
            "document.documentElement.dataset.started !== undefined",
            "start-up",
        )
        .await;
    let customers = dump["stores"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["name"] == "customers"))
        .and_then(|s| s["values"].as_array())
        .expect("customers in the fixture");
    let live = customers.iter().filter(|c| c["deleted"] == false).count();
    browser
        .expect_true(
            &format!(
                "(document.querySelector('.result-count')?.textContent ?? '').includes('{live} customers')"
            ),
            "every customer listed",
        )
        .await;
    assert_eq!(listed_total(&browser).await, live);

    // The hand-added customer and her note.
    browser.fill("Search customers", "Lovelace").await;
    browser.click_link("Ada Lovelace").await;
    browser.expect_heading("Ada Lovelace").await;
    browser
        .expect_text("Asked for the engine's schematics")
        .await;

    // The database is on the paged layout (with its tallies) now.
    let stores = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             const open = indexedDB.open('rapport'); \
             open.onsuccess = () => { const db = open.result; \
               const r = { version: db.version, stores: [...db.objectStoreNames].sort() }; \
               db.close(); done(r); };",
            vec![],
        )
        .await
        .expect("read the database's shape");
    assert_eq!(
        stores,
        serde_json::json!({ "version": 7, "stores": ["bodies", "heads", "meta", "tallies"] })
    );

    // A backup holds every record of every collection, with its version and
    // time, exactly as the old store had it.
    browser.click_link("Import & export").await;
    browser.expect_heading("Import & export").await;
    let backup = download_backup(&browser).await;
    let backup: serde_json::Value = serde_json::from_str(&backup).expect("the backup is JSON");
    let mut compared = 0;
    for store in dump["stores"].as_array().expect("stores") {
        let name = store["name"].as_str().expect("a name");
        let old = records_of(store["values"].as_array().expect("values"));
        let now = records_of(
            backup["collections"][name]
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or_default(),
        );
        assert_eq!(
            now.keys().collect::<Vec<_>>(),
            old.keys().collect::<Vec<_>>(),
            "the ids of {name}"
        );
        for (id, record) in &old {
            assert_eq!(&now[id], record, "{name} {id}");
        }
        compared += old.len();
    }
    assert_eq!(compared, 469, "every record of the fixture compared");
    browser.close().await;
}
