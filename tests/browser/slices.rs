//! `IdbStore::all_in_slices`: the same records as `Store::all`, decoded a
//! page at a time with pauses for the browser, also when the pages are
//! sealed; and `IdbStore::load_catalog_in_slices`: a fresh connection's
//! catalog built a page head at a time counts and finds what the writer's
//! does.

use rapport::model::{Customer, Record};
use rapport::store::idb::IdbStore;
use rapport::store::{ChangeSet, Collection, Store};
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
async fn reading_in_slices_gives_every_record_as_all_does_plain_and_sealed() {
    let name = "rapport-test-slices";
    IdbStore::delete(name).await.unwrap();
    let store = IdbStore::open(name).await.unwrap();
    let mut cs = ChangeSet::new("customers");
    let customers: Vec<Customer> = (0..1_300)
        .map(|n| {
            let mut c = Customer::new_v4(1_750_000_000_000 + n);
            c.given_name = format!("Customer {n}");
            c
        })
        .collect();
    for c in &customers {
        cs.insert(c).unwrap();
    }
    store.apply(&cs).await.unwrap();
    let by_id = |mut records: Vec<Customer>| {
        records.sort_by_key(|c| c.id());
        records
    };
    let all = store.all::<Customer>().await.unwrap();
    assert_eq!(all.len(), 1_300);
    let sliced = store.all_in_slices::<Customer>().await.unwrap();
    assert_eq!(by_id(sliced), all);

    store
        .turn_encryption_on("correct horse battery")
        .await
        .unwrap();
    store.finish_rewrite(8, |_| {}).await.unwrap();
    let sealed = store.all_in_slices::<Customer>().await.unwrap();
    assert_eq!(by_id(sealed), all);
    store.close();
}

/// The 20 most recently updated customers' ids, as `store` finds them.
async fn recent_ids(store: &IdbStore) -> Vec<rapport::model::Id> {
    store
        .recently_updated::<Customer>(20)
        .await
        .unwrap()
        .iter()
        .map(|c| c.id())
        .collect()
}

#[wasm_bindgen_test]
async fn a_catalog_loaded_in_slices_counts_and_finds_as_the_writers_plain_and_sealed() {
    let name = "rapport-test-catalog-slices";
    IdbStore::delete(name).await.unwrap();
    let writer = IdbStore::open(name).await.unwrap();
    let mut cs = ChangeSet::new("customers");
    for n in 0..1_700 {
        let mut c = Customer::new_v4(1_750_000_000_000 + n);
        c.given_name = format!("Customer {n}");
        cs.insert(&c).unwrap();
    }
    writer.apply(&cs).await.unwrap();
    let expected_recent = recent_ids(&writer).await;
    assert_eq!(expected_recent.len(), 20);

    let reader = IdbStore::open(name).await.unwrap();
    reader
        .load_catalog_in_slices(Collection::Customers)
        .await
        .unwrap();
    assert_eq!(reader.count(Collection::Customers).await.unwrap(), 1_700);
    assert_eq!(recent_ids(&reader).await, expected_recent);
    reader.close();

    writer
        .turn_encryption_on("correct horse battery")
        .await
        .unwrap();
    writer.finish_rewrite(8, |_| {}).await.unwrap();
    let sealed = IdbStore::open(name).await.unwrap();
    sealed.unlock("correct horse battery").await.unwrap();
    sealed
        .load_catalog_in_slices(Collection::Customers)
        .await
        .unwrap();
    assert_eq!(sealed.count(Collection::Customers).await.unwrap(), 1_700);
    assert_eq!(recent_ids(&sealed).await, expected_recent);
    sealed.close();
    writer.close();
}
