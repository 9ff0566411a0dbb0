//! The per-page tallies on real IndexedDB: equal to the sums of the records
//! after bulk loads, edits, trash, purges, Undo and clears, written by a
//! second connection too; and pages whose tallies are missing (as a store
//! written before tallies has) are counted from their records once.

use rapport::demo::{DemoConfig, DemoGenerator};
use rapport::model::{Customer, Order, OrderStatus, Record};
use rapport::store::idb::IdbStore;
use rapport::store::schema::{HEADS, META, TALLIES};
use rapport::store::seal::SEALED_PREFIX;
use rapport::store::{ChangeSet, Collection, Store, Tally};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const NOW: i64 = 1_750_000_000_000;
const TALLIED: [Collection; 4] = [
    Collection::Customers,
    Collection::Orders,
    Collection::Deals,
    Collection::Tickets,
];

async fn assert_tallies_match_records(store: &IdbStore, when: &str) {
    for c in TALLIED {
        let envelopes = store.envelopes(c).await.unwrap();
        let expected = Tally::of_envelopes(c.name(), &envelopes);
        assert_eq!(
            store.tally(c).await.unwrap(),
            expected,
            "{} {when}",
            c.name()
        );
    }
}

/// A fresh store `name` holding a demo set of `customers` (from `seed`),
/// written `batch` customers per change set.
pub(crate) async fn demo_store(name: &str, seed: u64, customers: usize, batch: usize) -> IdbStore {
    IdbStore::delete(name).await.unwrap();
    let store = IdbStore::open(name).await.unwrap();
    let mut g = DemoGenerator::new(DemoConfig { seed, customers }, NOW);
    while let Some(batch) = g.next_batch(batch) {
        store
            .apply(&batch.to_change_set("demo").unwrap())
            .await
            .unwrap();
    }
    store
}

/// Cancels the store's first order (a write that moves the orders on).
pub(crate) async fn cancel_first_order(store: &IdbStore) {
    let mut order: Order = store.all().await.unwrap().remove(0);
    order.status = OrderStatus::Cancelled;
    order.touch(NOW + 5);
    let mut cs = ChangeSet::new("cancel");
    cs.update(&order).unwrap();
    store.apply(&cs).await.unwrap();
}

/// The database itself, as another page would open it.
async fn open_raw(name: &str) -> idb::Database {
    idb::Factory::new()
        .unwrap()
        .open(name, None)
        .unwrap()
        .await
        .unwrap()
}

/// How many values a raw object store of the database holds.
async fn raw_count(name: &str, store: &str) -> u32 {
    let db = open_raw(name).await;
    let txn = db
        .transaction(&[store], idb::TransactionMode::ReadOnly)
        .unwrap();
    let n = txn
        .object_store(store)
        .unwrap()
        .count(None)
        .unwrap()
        .await
        .unwrap();
    db.close();
    n
}

/// Makes the store look written before tallies: no page tallies, and so
/// no cached sums of them either.
async fn forget_every_tally(name: &str) {
    let db = open_raw(name).await;
    let txn = db
        .transaction(&[TALLIES, META], idb::TransactionMode::ReadWrite)
        .unwrap();
    txn.object_store(TALLIES)
        .unwrap()
        .clear()
        .unwrap()
        .await
        .unwrap();
    for c in TALLIED {
        txn.object_store(META)
            .unwrap()
            .delete(JsValue::from_str(&sum_key(c)))
            .unwrap()
            .await
            .unwrap();
    }
    txn.commit().unwrap().await.unwrap();
    db.close();
}

fn sum_key(c: Collection) -> String {
    format!("tally-sum/{}", c.name())
}

/// The raw `meta` value under `key`, as IndexedDB holds it.
pub(crate) async fn raw_meta(name: &str, key: &str) -> Option<String> {
    let db = open_raw(name).await;
    let txn = db
        .transaction(&[META], idb::TransactionMode::ReadOnly)
        .unwrap();
    let value = txn
        .object_store(META)
        .unwrap()
        .get(JsValue::from_str(key))
        .unwrap()
        .await
        .unwrap();
    db.close();
    value.and_then(|v| v.as_string())
}

/// Replaces the raw `meta` value under `key`.
pub(crate) async fn put_raw_meta(name: &str, key: &str, value: &str) {
    let db = open_raw(name).await;
    let txn = db
        .transaction(&[META], idb::TransactionMode::ReadWrite)
        .unwrap();
    txn.object_store(META)
        .unwrap()
        .put(&JsValue::from_str(value), Some(&JsValue::from_str(key)))
        .unwrap()
        .await
        .unwrap();
    txn.commit().unwrap().await.unwrap();
    db.close();
}

#[wasm_bindgen_test]
async fn a_collections_sum_is_kept_until_a_write_moves_it_on_and_is_sealed_with_the_pages() {
    let name = "rapport-test-tally-sums";
    let store = demo_store(name, 9, 80, 40).await;
    // The first read adds up the pages and keeps the sum.
    assert_eq!(raw_meta(name, &sum_key(Collection::Orders)).await, None);
    assert_tallies_match_records(&store, "added up").await;
    let kept = raw_meta(name, &sum_key(Collection::Orders))
        .await
        .expect("the orders' sum is kept");
    assert!(kept.starts_with("{\"g\":"), "{kept}");

    // A later read uses it: a sum planted at the same generation is what
    // comes back (and a fresh connection reads it too).
    let planted = kept.replacen("\"t\":{", "\"t\":{\"u\":4242,", 1);
    put_raw_meta(name, &sum_key(Collection::Orders), &planted).await;
    let reader = IdbStore::open(name).await.unwrap();
    assert_eq!(
        reader.tally(Collection::Orders).await.unwrap().open_tickets,
        4242
    );
    reader.close();

    // A write moves the generation on: the stale sum is not used, and the
    // new one is kept.
    cancel_first_order(&store).await;
    assert_tallies_match_records(&store, "after a write").await;
    assert!(!raw_meta(name, &sum_key(Collection::Orders))
        .await
        .unwrap()
        .contains("4242"));

    // A damaged sum is added up again rather than failing.
    put_raw_meta(name, &sum_key(Collection::Orders), "{not json").await;
    assert_tallies_match_records(&store, "after damage").await;

    // With encryption on, the rewrite drops the plain sums and the next
    // ones are sealed.
    store
        .turn_encryption_on("correct horse battery")
        .await
        .unwrap();
    store.finish_rewrite(8, |_| {}).await.unwrap();
    for c in TALLIED {
        assert_eq!(raw_meta(name, &sum_key(c)).await, None, "{}", c.name());
    }
    assert_tallies_match_records(&store, "sealed").await;
    for c in TALLIED {
        let sealed = raw_meta(name, &sum_key(c)).await.expect("kept again");
        assert!(sealed.starts_with(SEALED_PREFIX), "{}: {sealed}", c.name());
    }
    store.close();
}

#[wasm_bindgen_test]
async fn tallies_follow_every_write_and_missing_ones_are_counted_from_the_records_once() {
    let name = "rapport-test-tallies";
    let store = demo_store(name, 4, 150, 60).await;
    assert_tallies_match_records(&store, "after the demo load").await;

    // Edits from another connection, then Undo of one of them here.
    let other_tab = IdbStore::open(name).await.unwrap();
    let mut orders: Vec<Order> = other_tab.all().await.unwrap();
    let mut cs = ChangeSet::new("edits");
    for (i, order) in orders.iter_mut().enumerate().take(60) {
        match i % 3 {
            0 => order.status = OrderStatus::Cancelled,
            1 => order.currency = "EUR".into(),
            _ => order.meta.deleted_at = Some(NOW),
        }
        order.touch(NOW + 1);
        cs.update(order).unwrap();
    }
    let customers: Vec<Customer> = other_tab.all().await.unwrap();
    cs.purge::<Customer>(customers[3].id());
    let undo = other_tab.apply_undoable(&cs, NOW + 1).await.unwrap();
    assert_tallies_match_records(&store, "after another tab's edits").await;
    store.apply(&undo).await.unwrap();
    assert_tallies_match_records(&other_tab, "after Undo").await;
    other_tab.close();

    // A store from before tallies: every page is counted once, then stored.
    let pages = raw_count(name, HEADS).await;
    let tallied_pages = raw_count(name, TALLIES).await;
    assert!(
        tallied_pages > 0 && tallied_pages < pages,
        "only tallied collections"
    );
    forget_every_tally(name).await;
    assert_eq!(raw_count(name, TALLIES).await, 0);
    let reopened = IdbStore::open(name).await.unwrap();
    assert_tallies_match_records(&reopened, "counted from the records").await;
    assert_eq!(raw_count(name, TALLIES).await, tallied_pages);

    let mut cs = ChangeSet::new("clear orders");
    cs.clear("orders");
    reopened.apply(&cs).await.unwrap();
    assert_eq!(
        reopened.tally(Collection::Orders).await.unwrap(),
        Tally::default()
    );
    assert_tallies_match_records(&reopened, "after a clear").await;
    reopened.close();
    store.close();
}
