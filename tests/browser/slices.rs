//! `IdbStore::all_in_slices`: the same records as `Store::all`, decoded a
//! page at a time with pauses for the browser, also when the pages are
//! sealed.

use rapport::model::{Customer, Record};
use rapport::store::idb::IdbStore;
use rapport::store::{ChangeSet, Store};
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
