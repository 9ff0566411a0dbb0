//! The JSON backup on the memory store: round trips, replace and merge
//! restores, and every kind of bad file refused with its sentence and
//! nothing written.

use rapport::store::Collection;

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use rapport::demo::{DemoConfig, DemoGenerator};
use rapport::io::backup::{
    create_backup, parse_backup, parse_backup_bytes, plan_restore, restore, Backup, BackupError,
    RestoreMode, RestoreSummary,
};
use rapport::model::{Customer, Record};
use rapport::store::schema::SCHEMA_VERSION;
use rapport::store::{ChangeSet, MemStore, Store, COLLECTIONS};

const NOW: i64 = 1_750_000_000_000;

/// Runs a future that never waits (MemStore's futures are ready at once).
fn run_ready<F: Future>(future: F) -> F::Output {
    let mut cx = Context::from_waker(Waker::noop());
    match pin!(future).poll(&mut cx) {
        Poll::Ready(out) => out,
        Poll::Pending => panic!("MemStore futures complete without waiting"),
    }
}

fn demo_store(customers: usize) -> MemStore {
    let store = MemStore::new();
    let mut g = DemoGenerator::new(DemoConfig { seed: 7, customers }, NOW);
    while let Some(batch) = g.next_batch(20_000) {
        run_ready(store.apply(&batch.to_change_set("demo").unwrap())).unwrap();
    }
    store
}

fn settings() -> BTreeMap<String, serde_json::Value> {
    let mut s = BTreeMap::new();
    s.insert("rapport.theme".to_string(), "dark".into());
    s.insert(
        "rapport.saved-views".to_string(),
        serde_json::json!([{"name": "VIPs", "tags": ["vip"]}]),
    );
    s
}

fn backup_of(store: &MemStore) -> String {
    run_ready(create_backup(store, settings())).unwrap()
}

fn wipe(store: &MemStore) {
    let mut cs = ChangeSet::new("wipe");
    for &c in COLLECTIONS {
        cs.clear(c);
    }
    run_ready(store.apply(&cs)).unwrap();
}

#[test]
fn backup_wipe_restore_backup_gives_an_identical_file() {
    let store = demo_store(300);
    let mut trash = ChangeSet::new("trash");
    for mut c in run_ready(store.all::<Customer>())
        .unwrap()
        .into_iter()
        .take(3)
    {
        c.meta.soft_delete(NOW + 1);
        trash.update(&c).unwrap();
    }
    run_ready(store.apply(&trash)).unwrap();
    let customers: Vec<Customer> = run_ready(store.all()).unwrap();
    assert!(customers.iter().filter(|c| c.is_deleted()).count() >= 3);
    let first = backup_of(&store);
    let backup = parse_backup(&first).unwrap();
    assert_eq!(backup.settings, settings());
    assert_eq!(backup.schema_version, SCHEMA_VERSION);
    for &c in COLLECTIONS {
        let stored = run_ready(store.count(Collection::named(c))).unwrap();
        assert_eq!(backup.collections[c].len(), stored, "{c}");
    }

    wipe(&store);
    assert_eq!(run_ready(store.count(Collection::Customers)).unwrap(), 0);
    let summary = run_ready(restore(&store, &backup, RestoreMode::Replace)).unwrap();
    assert_eq!(summary.added, backup.record_count());
    assert_eq!(backup_of(&store), first);
    let again: Vec<Customer> = run_ready(store.all()).unwrap();
    assert_eq!(again, customers, "same records, meta and trash marks");
}

#[test]
fn backup_is_deterministic_and_has_no_wall_clock() {
    let store = demo_store(40);
    let text = backup_of(&store);
    assert_eq!(text, backup_of(&store));
    let newest = COLLECTIONS
        .iter()
        .flat_map(|c| run_ready(store.envelopes(Collection::named(c))).unwrap())
        .map(|e| e.updated_at)
        .max();
    assert_eq!(parse_backup(&text).unwrap().as_of, newest);
    assert!(text.contains(&format!("\"as_of\": {}", newest.unwrap())));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let names: Vec<&str> = value["collections"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected: Vec<&str> = COLLECTIONS.to_vec();
    expected.sort_unstable();
    assert_eq!(names, expected, "every collection, even empty ones");
}

#[test]
fn empty_store_backs_up_and_restores() {
    let store = MemStore::new();
    let text = run_ready(create_backup(&store, BTreeMap::new())).unwrap();
    let backup = parse_backup(&text).unwrap();
    assert_eq!(backup.as_of, None);
    assert_eq!(backup.record_count(), 0);
    run_ready(restore(&store, &backup, RestoreMode::Replace)).unwrap();
    assert_eq!(
        run_ready(create_backup(&store, BTreeMap::new())).unwrap(),
        text
    );
}

fn customer(n: u128, name: &str, updated_at: i64, version: u64) -> Customer {
    let mut c = Customer::new(rapport::model::Uuid::from_u128(n), NOW);
    c.given_name = name.into();
    c.meta.updated_at = updated_at;
    c.meta.version = version;
    c
}

fn store_with(customers: &[Customer]) -> MemStore {
    let store = MemStore::new();
    let mut cs = ChangeSet::new("setup");
    for c in customers {
        cs.put(c).unwrap();
    }
    run_ready(store.apply(&cs)).unwrap();
    store
}

fn names(store: &MemStore) -> Vec<String> {
    let all: Vec<Customer> = run_ready(store.all()).unwrap();
    all.into_iter().map(|c| c.given_name).collect()
}

#[test]
fn replace_removes_what_the_backup_lacks_and_keeps_backup_versions() {
    let old = store_with(&[customer(1, "Ann", NOW + 5, 3), customer(2, "Bo", NOW, 1)]);
    let backup = parse_backup(&backup_of(&old)).unwrap();
    let here = store_with(&[
        customer(2, "Bo edited", NOW + 9, 4),
        customer(3, "Cy", NOW, 1),
    ]);
    let summary = run_ready(restore(&here, &backup, RestoreMode::Replace)).unwrap();
    assert_eq!(
        summary,
        RestoreSummary {
            added: 1,
            replaced: 1,
            kept: 0,
            removed: 1
        }
    );
    assert_eq!(names(&here), ["Ann", "Bo"]);
    let ann: Customer = run_ready(here.get(customer(1, "", 0, 1).id()))
        .unwrap()
        .unwrap();
    assert_eq!((ann.meta.version, ann.meta.updated_at), (3, NOW + 5));
}

#[test]
fn merge_adds_missing_takes_newer_and_keeps_the_rest() {
    let old = store_with(&[
        customer(1, "Ann (backup, newer)", NOW + 9, 2),
        customer(2, "Bo (backup, older)", NOW + 1, 2),
        customer(3, "Cy (backup only)", NOW, 1),
        customer(5, "Ed (backup, same time, higher version)", NOW + 2, 3),
    ]);
    let backup = parse_backup(&backup_of(&old)).unwrap();
    let here = store_with(&[
        customer(1, "Ann (local)", NOW + 2, 5),
        customer(2, "Bo (local)", NOW + 3, 1),
        customer(4, "Di (local only)", NOW, 1),
        customer(5, "Ed (local)", NOW + 2, 2),
    ]);
    let (changes, planned) = run_ready(plan_restore(&here, &backup, RestoreMode::Merge)).unwrap();
    assert_eq!(
        planned,
        RestoreSummary {
            added: 1,
            replaced: 2,
            kept: 2,
            removed: 0
        }
    );
    assert_eq!(changes.len(), 3, "only records that change are written");
    run_ready(here.apply(&changes)).unwrap();
    assert_eq!(
        names(&here),
        [
            "Ann (backup, newer)",
            "Bo (local)",
            "Cy (backup only)",
            "Di (local only)",
            "Ed (backup, same time, higher version)"
        ]
    );
    assert_eq!(planned.sentence(), "Restored: 1 added, 2 replaced, 2 kept.");
}

#[test]
fn merge_refuses_as_a_whole_when_another_tab_wrote_meanwhile() {
    let old = store_with(&[customer(1, "Ann", NOW + 9, 2), customer(2, "Bo", NOW, 1)]);
    let backup = parse_backup(&backup_of(&old)).unwrap();
    let here = store_with(&[customer(1, "Ann local", NOW, 1)]);
    let (changes, _) = run_ready(plan_restore(&here, &backup, RestoreMode::Merge)).unwrap();
    // Another tab edits Ann after the plan was made.
    run_ready(
        here.apply(
            ChangeSet::new("tab")
                .put(&customer(1, "Ann tab", NOW + 1, 2))
                .unwrap(),
        ),
    )
    .unwrap();
    assert!(run_ready(here.apply(&changes)).is_err());
    assert_eq!(names(&here), ["Ann tab"], "Bo was not added either");
}

#[test]
fn version_one_fixture_restores() {
    let text = include_str!("fixtures/backup/v1-small.json");
    let backup = parse_backup(text).unwrap();
    assert_eq!((backup.version, backup.schema_version), (1, 1));
    assert_eq!(backup.settings["rapport.theme"], "light");
    let store = MemStore::new();
    let summary = run_ready(restore(&store, &backup, RestoreMode::Replace)).unwrap();
    assert_eq!(summary.added, backup.record_count());
    let customers: Vec<Customer> = run_ready(store.all()).unwrap();
    assert_eq!(customers.len(), 2);
    assert!(customers
        .iter()
        .any(|c| c.given_name == "王" && c.is_deleted()));
    let ann = customers.iter().find(|c| c.given_name == "Ann").unwrap();
    assert!(
        ann.tags.is_empty() && ann.custom_fields.is_empty(),
        "defaults"
    );
    assert_eq!(ann.meta.version, 4);
    assert_eq!(run_ready(store.count(Collection::Orders)).unwrap(), 1);
    // Written back in today's layout, and stable from then on.
    let rewritten = backup_of(&store);
    assert_eq!(backup_of(&store), rewritten);
    assert!(rewritten.contains(&format!("\"schema_version\": {SCHEMA_VERSION}")));
}

/// The store's full contents, to show a refused file changed nothing.
fn check_refused(text: &str, expected: &str) {
    let store = demo_store(20);
    let before = backup_of(&store);
    let err = parse_backup(text)
        .map(|b: Backup| b.record_count())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        expected,
        "for {:?}",
        &text[..text.len().min(60)]
    );
    assert_eq!(backup_of(&store), before);
}

#[test]
fn bad_files_are_refused_with_their_sentence() {
    let good = backup_of(&demo_store(5));
    check_refused("", "The file is empty. Nothing was changed.");
    check_refused(" \n ", "The file is empty. Nothing was changed.");
    check_refused(
        &good[..good.len() / 2],
        "The file ends early — it looks truncated. Nothing was changed.",
    );
    let foreign = "This is a JSON file, but not a Rapport backup. Nothing was changed.";
    check_refused(r#"{"name":"x"}"#, foreign);
    check_refused("[]", foreign);
    check_refused("42", foreign);
    check_refused(r#"{"format":"other-app","version":1}"#, foreign);
    check_refused(
        "PK\u{3}\u{4}\u{14}\u{0}binary",
        "This is not a Rapport backup: the file is not JSON text. Nothing was changed.",
    );
    let next = SCHEMA_VERSION + 1;
    let newer = good.replacen(
        &format!("\"schema_version\": {SCHEMA_VERSION}"),
        &format!("\"schema_version\": {next}"),
        1,
    );
    check_refused(
        &newer,
        &format!(
            "This backup was made by a newer version of Rapport (schema {next}); \
             this version reads up to {SCHEMA_VERSION}. Nothing was changed."
        ),
    );
    check_refused(
        &good.replacen("\"version\": 1", "\"version\": 2", 1),
        "This backup was made by a newer version of Rapport (backup format 2); \
         this version reads up to 1. Nothing was changed.",
    );
}

#[test]
fn binary_bytes_are_not_json() {
    let err = parse_backup_bytes(&[0x89, b'P', b'N', b'G', 0xff, 0xfe, 0]).unwrap_err();
    assert!(matches!(err, BackupError::NotJson));
    assert!(matches!(parse_backup_bytes(b""), Err(BackupError::Empty)));
    let good = backup_of(&demo_store(3));
    let mut with_bom = "\u{feff}".as_bytes().to_vec();
    with_bom.extend_from_slice(good.as_bytes());
    assert!(parse_backup_bytes(&with_bom).is_ok());
}

fn minimal(collections: &str) -> String {
    format!(
        r#"{{"format":"rapport-backup","version":1,"schema_version":1,"settings":{{}},"collections":{{{collections}}}}}"#
    )
}

const ANN: &str = r#"{"id":"00000000-0000-4000-8000-000000000001","created_at":1,"updated_at":1,"version":1,"given_name":"Ann","lifecycle":"lead"}"#;

#[test]
fn bad_records_unknown_collections_and_duplicates_are_named() {
    check_refused(
        &minimal(r#""widgets":[]"#),
        "This backup holds “widgets” records, which this version of Rapport does not know. \
         Nothing was changed.",
    );
    let missing_stage = ANN.replace(r#","lifecycle":"lead""#, "");
    let err = parse_backup(&minimal(&format!(r#""customers":[{ANN},{missing_stage}]"#)))
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with(
            "Record 2 of customers in this backup could not be read (missing field `lifecycle`"
        ),
        "{err}"
    );
    let bad_email = ANN.replace(
        r#""given_name""#,
        r#""emails":["not an email"],"given_name""#,
    );
    let err = parse_backup(&minimal(&format!(r#""customers":[{bad_email}]"#)))
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("Record 1 of customers in this backup is invalid: "),
        "{err}"
    );
    check_refused(
        &minimal(&format!(r#""customers":[{ANN},{ANN}]"#)),
        "This backup lists customers record 00000000-0000-4000-8000-000000000001 twice. \
         Nothing was changed.",
    );
    check_refused(
        &minimal(r#""customers":[1]"#),
        "Record 1 of customers in this backup could not be read \
         (invalid type: integer `1`, expected struct Customer at line 1 column 101). Nothing was changed.",
    );
    assert!(matches!(
        parse_backup(r#"{"format":"rapport-backup","schema_version":1}"#),
        Err(BackupError::Damaged(_))
    ));
}

#[test]
fn a_backup_missing_a_collection_reads_it_as_empty() {
    let backup = parse_backup(&minimal(&format!(r#""customers":[{ANN}]"#))).unwrap();
    assert_eq!(backup.counts()[0], ("customers", 1));
    assert!(COLLECTIONS
        .iter()
        .all(|c| backup.collections.contains_key(c)));
}

#[test]
fn awkward_floats_survive_backup_and_restore() {
    let awkward = [
        0.1 + 0.2,
        1.0 / 3.0,
        123_456.789_012_345_67,
        2.225_073_858_507_201_4e-308,
        9_007_199_254_740_993.0,
        1e300 / 7.0,
        0.000_001_234_567_890_123_4,
    ];
    let mut c = customer(1, "Ann", NOW, 1);
    c.annual_income = Some(awkward[0]);
    for (i, x) in awkward.iter().enumerate() {
        c.custom_fields
            .insert(format!("f{i}"), rapport::model::CustomValue::Number(*x));
    }
    let store = store_with(&[c.clone()]);
    let first = backup_of(&store);
    let backup = parse_backup(&first).unwrap();
    wipe(&store);
    run_ready(restore(&store, &backup, RestoreMode::Replace)).unwrap();
    let back: Customer = run_ready(store.get(c.id())).unwrap().unwrap();
    assert_eq!(back, c, "bit-identical floats");
    assert_eq!(backup_of(&store), first);
}

/// A store with records in every collection: demo customers and their
/// interactions, tasks, orders, deals, tickets, campaigns and
/// relationships, plus one import batch, one set of scores and the
/// pipeline's stages.
fn every_collection_store() -> MemStore {
    use rapport::model::{
        ImportBatch, ImportKind, Pipeline, PropensityScores, RecordRef, StoredPipeline, Uuid,
    };
    let store = demo_store(8);
    let customers: Vec<Customer> = run_ready(store.all()).unwrap();
    let mut batch = ImportBatch::new(
        Uuid::from_u128(0xba7c),
        NOW,
        ImportKind::Customers,
        "Import of contacts.csv",
    );
    batch.file_name = "contacts.csv".into();
    batch.created = customers
        .iter()
        .take(2)
        .map(|c| RecordRef {
            collection: "customers".into(),
            id: c.id(),
        })
        .collect();
    batch.counts.rows = 2;
    batch.counts.created = 2;
    let scores = PropensityScores::new(
        NOW,
        "bought in the last 90 days",
        customers
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id(), i as f32 / 8.0))
            .collect(),
    );
    let mut cs = ChangeSet::new("import and scores");
    let mut stages = Pipeline::default();
    stages.stages[0] = "Discovery".into();
    cs.insert(&batch)
        .unwrap()
        .insert(&scores)
        .unwrap()
        .insert(&StoredPipeline::new(NOW, stages))
        .unwrap();
    run_ready(store.apply(&cs)).unwrap();
    store
}

const EVERY_COLLECTION: &str = "tests/fixtures/backup/v1-every-collection.json";

/// Rewrites the fixture: `cargo test --test io_backup -- --ignored`.
#[test]
#[ignore = "writes tests/fixtures/backup/v1-every-collection.json"]
fn write_every_collection_fixture() {
    let path = format!("{}/{EVERY_COLLECTION}", env!("CARGO_MANIFEST_DIR"));
    std::fs::write(path, backup_of(&every_collection_store())).unwrap();
}

#[test]
fn a_backup_with_every_collection_filled_restores_every_record() {
    let text = include_str!("fixtures/backup/v1-every-collection.json");
    let backup = parse_backup(text).unwrap();
    for &c in COLLECTIONS {
        assert!(!backup.collections[c].is_empty(), "{c} is empty");
    }
    assert_eq!(backup.settings, settings());
    // Into an empty store, and over a store with other data.
    let other = MemStore::new();
    let other_batch = DemoGenerator::new(
        DemoConfig {
            seed: 99,
            customers: 3,
        },
        NOW,
    )
    .generate_all();
    run_ready(other.apply(&other_batch.to_change_set("other").unwrap())).unwrap();
    let other_records: usize = COLLECTIONS
        .iter()
        .map(|c| run_ready(other.count(Collection::named(c))).unwrap())
        .sum();
    for (store, removed) in [(MemStore::new(), 0), (other, other_records)] {
        let summary = run_ready(restore(&store, &backup, RestoreMode::Replace)).unwrap();
        assert_eq!(
            summary,
            RestoreSummary {
                added: backup.record_count(),
                replaced: 0,
                kept: 0,
                removed,
            }
        );
        for &c in COLLECTIONS {
            assert_eq!(
                run_ready(store.envelopes(Collection::named(c))).unwrap(),
                backup.collections[c],
                "{c}: every record, with its meta"
            );
        }
    }
    // And the fixture (written by schema 5) is what today's demo data backs
    // up to, but for the schema version it names.
    let mut today = parse_backup(&backup_of(&every_collection_store())).unwrap();
    assert_eq!(today.schema_version, rapport::store::schema::SCHEMA_VERSION);
    assert_eq!(backup.schema_version, 5);
    today.schema_version = backup.schema_version;
    assert_eq!(today, backup);
}

/// The every-collection backup as an older schema wrote it: without the
/// collections that schema did not have yet.
fn as_schema(schema: u32, missing: &[&str]) -> String {
    let mut value: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/backup/v1-every-collection.json")).unwrap();
    value["schema_version"] = schema.into();
    let collections = value["collections"].as_object_mut().unwrap();
    for name in missing {
        assert!(collections.remove(*name).is_some(), "{name}");
    }
    value.to_string()
}

#[test]
fn backups_from_schemas_2_and_3_with_every_collection_filled_restore_every_record() {
    // Schema 2 had no import batches, scores or settings; schema 3 no
    // scores or settings.
    for (schema, missing) in [
        (2, &["imports", "scores", "settings"][..]),
        (3, &["scores", "settings"][..]),
    ] {
        let backup = parse_backup(&as_schema(schema, missing)).unwrap();
        let store = MemStore::new();
        let summary = run_ready(restore(&store, &backup, RestoreMode::Replace)).unwrap();
        assert_eq!(summary.added, backup.record_count(), "schema {schema}");
        for &c in COLLECTIONS {
            let stored = run_ready(store.envelopes(Collection::named(c))).unwrap();
            if missing.contains(&c) {
                assert!(stored.is_empty(), "schema {schema}: {c}");
            } else {
                assert!(!stored.is_empty(), "schema {schema}: {c} is filled");
                assert_eq!(
                    stored, backup.collections[c],
                    "schema {schema}: every {c} record"
                );
            }
        }
    }
}

#[test]
fn an_order_whose_customer_is_not_in_the_backup_is_restored_as_it_is() {
    // A backup holding one order and not its customer (e.g. edited by hand,
    // or the customer purged before the backup was made).
    let order = rapport::model::Order::new(
        rapport::model::Uuid::from_u128(0x0de7),
        NOW,
        rapport::model::Uuid::from_u128(0x90e),
        time::macros::date!(2024 - 05 - 01),
        rapport::model::OrderStatus::Order,
        vec![rapport::model::LineItem::new("Book", 2.0, 12.5)],
        "EUR",
    );
    let lone = MemStore::new();
    let mut cs = ChangeSet::new("one order");
    cs.insert(&order).unwrap();
    run_ready(lone.apply(&cs)).unwrap();
    let backup = parse_backup(&backup_of(&lone)).unwrap();
    assert_eq!(backup.counts()[3], ("orders", 1));
    assert_eq!(backup.counts()[0], ("customers", 0));

    // Replace: the order is put as it is, pointing at no customer.
    let store = demo_store(3);
    let summary = run_ready(restore(&store, &backup, RestoreMode::Replace)).unwrap();
    assert_eq!(summary.added, 1);
    assert_eq!(run_ready(store.count(Collection::Customers)).unwrap(), 0);
    let back: rapport::model::Order = run_ready(store.get(order.id())).unwrap().unwrap();
    assert_eq!(back, order);
    assert_eq!(
        run_ready(store.get::<Customer>(order.customer_id)).unwrap(),
        None
    );

    // Merge into a store that lacks that customer: added, nothing else touched.
    let store = demo_store(3);
    let counts: Vec<usize> = COLLECTIONS
        .iter()
        .map(|c| run_ready(store.count(Collection::named(c))).unwrap())
        .collect();
    let summary = run_ready(restore(&store, &backup, RestoreMode::Merge)).unwrap();
    assert_eq!(
        summary,
        RestoreSummary {
            added: 1,
            replaced: 0,
            kept: counts.iter().sum(),
            removed: 0,
        }
    );
    assert_eq!(
        summary.sentence(),
        format!(
            "Restored: 1 added, 0 replaced, {} kept.",
            counts.iter().sum::<usize>()
        )
    );
    assert_eq!(
        run_ready(store.count(Collection::Orders)).unwrap(),
        counts[3] + 1
    );
}
