//! The store contract and the schema migrations on real IndexedDB.

use rapport::model::{Customer, Record};
use rapport::store::idb::IdbStore;
use rapport::store::schema::SCHEMA_VERSION;
use rapport::store::{contract::store_contract, ChangeSet, CustomerLookup, Envelope, Op, Store};
use wasm_bindgen_test::wasm_bindgen_test;

async fn fresh_store(name: &str, version: u32) -> IdbStore {
    IdbStore::delete(name)
        .await
        .expect("delete the test database");
    IdbStore::open_at(name, version)
        .await
        .expect("open the test database")
}

#[wasm_bindgen_test]
async fn idb_store_keeps_the_store_contract() {
    let store = fresh_store("rapport-test-contract", SCHEMA_VERSION).await;
    store_contract(&store).await;
    store.close();
}

#[wasm_bindgen_test]
async fn a_record_written_is_read_back_after_reopening() {
    let name = "rapport-test-reopen";
    let store = fresh_store(name, SCHEMA_VERSION).await;
    let mut ada = Customer::new_v4(1_750_000_000_000);
    ada.given_name = "Ada".into();
    ada.emails = vec!["ada@example.com".into()];
    let mut cs = ChangeSet::new("add Ada");
    cs.insert(&ada).unwrap();
    store.apply(&cs).await.unwrap();
    store.close();
    let reopened = IdbStore::open(name).await.unwrap();
    assert_eq!(reopened.get::<Customer>(ada.id()).await.unwrap(), Some(ada));
    reopened.close();
}

/// Customers as schema version 1 stored them: without tags in the envelope.
fn version_1_put(c: &Customer) -> Op {
    let mut envelope = Envelope::of(c).unwrap();
    envelope.tags.clear();
    Op::Put {
        collection: "customers",
        envelope,
        expected: None,
    }
}

#[wasm_bindgen_test]
async fn a_version_1_database_opens_in_the_current_schema_with_every_record() {
    let name = "rapport-test-migration";
    let old = fresh_store(name, 1).await;
    assert_eq!(old.version(), 1);
    let customers: Vec<Customer> = (0..250)
        .map(|n| {
            let mut c = Customer::new_v4(1_700_000_000_000 + n);
            c.given_name = format!("Customer {n}");
            c.emails = vec![format!("c{n}@example.com")];
            c.tags = if n % 5 == 0 {
                vec!["vip".into()]
            } else {
                vec![]
            };
            c
        })
        .collect();
    let cs = ChangeSet {
        label: "v1 data".into(),
        ops: customers.iter().map(version_1_put).collect(),
    };
    old.apply(&cs).await.unwrap();
    old.close();

    let upgraded = IdbStore::open(name)
        .await
        .expect("the old database opens in the new schema");
    assert_eq!(upgraded.version(), SCHEMA_VERSION);
    let mut stored = upgraded.all::<Customer>().await.unwrap();
    let mut expected = customers.clone();
    stored.sort_by_key(|c| c.id());
    expected.sort_by_key(|c| c.id());
    assert_eq!(stored, expected, "every record is intact after the upgrade");
    let vip = upgraded
        .find_customers(&CustomerLookup::Tag("vip".into()))
        .await
        .unwrap();
    assert_eq!(
        vip.len(),
        50,
        "the new tag index covers records written by version 1"
    );
    let by_email = upgraded
        .find_customers(&CustomerLookup::Email("c7@example.com".into()))
        .await
        .unwrap();
    assert_eq!(by_email.len(), 1);
    upgraded.close();
}

#[wasm_bindgen_test]
async fn a_database_newer_than_the_app_is_refused_untouched() {
    let name = "rapport-test-too-new";
    let future = fresh_store(name, SCHEMA_VERSION + 1).await;
    future.close();
    let err = IdbStore::open(name)
        .await
        .err()
        .expect("an older app refuses a newer database");
    assert!(
        matches!(err, rapport::store::StoreError::TooNew { .. }),
        "{err:?}"
    );
}
