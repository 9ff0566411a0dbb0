//! The store contract and the schema migrations on real IndexedDB.

use rapport::store::Collection;

use rapport::model::{Customer, Record};
use rapport::store::idb::IdbStore;
use rapport::store::schema::SCHEMA_VERSION;

use rapport::store::{
    contract::store_contract, ChangeSet, CustomerLookup, Envelope, Store, Stored,
};
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

/// An index: name, key path, multi-entry.
type IndexDef = (&'static str, &'static [&'static str], bool);

/// Schema version 1 as it was released, written out here rather than read
/// from today's `MIGRATIONS` (so a change to the first migration cannot make
/// this test build the database it expects): the object stores, keyed on
/// `id`, and their indexes as (name, key path, multi-entry). No `by_tag`, no
/// `imports` or `scores` store, and `by_updated` on four stores only.
const VERSION_1: &[(&str, &[IndexDef])] = &[
    (
        "customers",
        &[
            ("by_email", &["emails"], true),
            ("by_name", &["name"], false),
            ("by_updated", &["updated_at", "id"], false),
        ],
    ),
    (
        "interactions",
        &[
            ("by_customer", &["customers"], true),
            ("by_updated", &["updated_at", "id"], false),
        ],
    ),
    ("tasks", &[("by_customer", &["customers"], true)]),
    (
        "orders",
        &[
            ("by_customer", &["customers"], true),
            ("by_updated", &["updated_at", "id"], false),
        ],
    ),
    ("deals", &[("by_customer", &["customers"], true)]),
    (
        "tickets",
        &[
            ("by_customer", &["customers"], true),
            ("by_updated", &["updated_at", "id"], false),
        ],
    ),
    ("campaigns", &[("by_customer", &["customers"], true)]),
    ("relationships", &[("by_customer", &["customers"], true)]),
];

/// Creates the database `name` at version 1 with raw IndexedDB calls.
async fn create_version_1(name: &str) -> idb::Database {
    use idb::builder::{DatabaseBuilder, IndexBuilder, ObjectStoreBuilder};
    use idb::KeyPath;
    IdbStore::delete(name)
        .await
        .expect("delete the test database");
    let mut builder = DatabaseBuilder::new(name).version(1);
    for (store, indexes) in VERSION_1 {
        let mut object_store =
            ObjectStoreBuilder::new(store).key_path(Some(KeyPath::new_single("id")));
        for (index, key_path, multi_entry) in *indexes {
            let key_path = match key_path {
                [single] => KeyPath::new_single(single),
                many => KeyPath::new_array(many.iter().copied()),
            };
            object_store = object_store.add_index(
                IndexBuilder::new(index.to_string(), key_path).multi_entry(*multi_entry),
            );
        }
        builder = builder.add_object_store(object_store);
    }
    builder
        .build()
        .await
        .expect("create the version 1 database")
}

/// A record as version 1 stored it: today's envelope without the `tags`
/// field, which version 1 did not write (migration 2 re-derives it).
fn version_1_object<R: Stored>(record: &R) -> wasm_bindgen::JsValue {
    let mut envelope = serde_json::to_value(Envelope::of(record).unwrap()).unwrap();
    envelope
        .as_object_mut()
        .unwrap()
        .remove("tags")
        .expect("today's envelope has tags");
    js_sys::JSON::parse(&envelope.to_string()).unwrap()
}

/// Writes `records` into `store` of the raw version 1 database.
async fn put_version_1<R: Stored>(db: &idb::Database, records: &[R]) {
    let txn = db
        .transaction(&[R::COLLECTION], idb::TransactionMode::ReadWrite)
        .unwrap();
    let store = txn.object_store(R::COLLECTION).unwrap();
    for record in records {
        store
            .put(&version_1_object(record), None)
            .unwrap()
            .await
            .unwrap();
    }
    let result = txn.commit().unwrap().await.unwrap();
    assert!(
        matches!(result, idb::TransactionResult::Committed),
        "{} written",
        R::COLLECTION
    );
}

/// Every record of `R` as today's store reads it, in id order.
async fn read_all<R: Stored + Clone + PartialEq>(store: &IdbStore, written: &[R]) {
    let mut stored = store
        .all::<R>()
        .await
        .unwrap_or_else(|e| panic!("{} readable after the upgrade: {e}", R::COLLECTION));
    let mut expected = written.to_vec();
    stored.sort_by_key(|r| r.id());
    expected.sort_by_key(|r| r.id());
    assert!(
        stored == expected,
        "every record of {} is intact after the upgrade ({} stored, {} written)",
        R::COLLECTION,
        stored.len(),
        expected.len()
    );
    for record in written {
        assert!(
            store.get::<R>(record.id()).await.unwrap().as_ref() == Some(record),
            "{} {} is found by id",
            R::COLLECTION,
            record.id()
        );
    }
}

#[wasm_bindgen_test]
async fn a_version_1_database_opens_in_the_current_schema_with_every_record() {
    use rapport::model::{
        Campaign, CampaignMember, Channel, Deal, Direction, Interaction, InteractionKind, LineItem,
        Order, OrderStatus, Priority, Relationship, RelationshipKind, Task, Ticket, Uuid,
    };
    use time::macros::date;
    let name = "rapport-test-migration";
    let now = 1_700_000_000_000;
    let id = |collection: u128, n: u128| Uuid::from_u128((collection << 64) | n);

    let customers: Vec<Customer> = (0..250)
        .map(|n| {
            let mut c = Customer::new(id(1, n), now + n as i64);
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
    let (ada, grace) = (customers[0].id(), customers[1].id());
    let interactions: Vec<Interaction> = (0..30)
        .map(|n| {
            Interaction::new(
                id(2, n),
                now,
                if n % 3 == 0 { ada } else { grace },
                InteractionKind::Call,
                Direction::Inbound,
                now - 86_400_000 * n as i64,
                format!("Call {n}"),
                "Asked about prices",
            )
        })
        .collect();
    let tasks = vec![
        Task::new(
            id(3, 0),
            now,
            Some(ada),
            "Send the offer",
            date!(2026 - 03 - 01),
        ),
        Task::new(
            id(3, 1),
            now,
            None,
            "Tidy the pipeline",
            date!(2026 - 03 - 02),
        ),
    ];
    let orders = vec![Order::new(
        id(4, 0),
        now,
        ada,
        date!(2025 - 11 - 20),
        OrderStatus::Order,
        vec![LineItem::new("Compiler licence", 2.0, 1_250.0)],
        "USD",
    )];
    let deals = vec![Deal::new(
        id(5, 0),
        now,
        grace,
        "Fleet licences",
        "Qualification",
        48_000.0,
        0.4,
    )];
    let tickets = vec![Ticket::new(
        id(6, 0),
        now,
        grace,
        "Broken lid",
        "The lid does not close.",
        Priority::Normal,
    )];
    let mut campaign = Campaign::new(
        id(7, 0),
        now,
        "Spring fair",
        Channel::Email,
        date!(2026 - 04 - 01),
        date!(2026 - 04 - 30),
        500.0,
    );
    campaign.members = vec![
        CampaignMember {
            customer_id: ada,
            opened: true,
            clicked: false,
            converted: false,
        },
        CampaignMember {
            customer_id: grace,
            opened: true,
            clicked: true,
            converted: true,
        },
    ];
    let campaigns = vec![campaign];
    let relationships = vec![Relationship::new(
        id(8, 0),
        now,
        ada,
        grace,
        RelationshipKind::Referred,
        0.8,
    )];

    let old = create_version_1(name).await;
    assert_eq!(old.version().unwrap(), 1);
    let mut stores = old.store_names();
    stores.sort();
    let mut expected_stores: Vec<String> = VERSION_1.iter().map(|(s, _)| s.to_string()).collect();
    expected_stores.sort();
    assert_eq!(stores, expected_stores, "version 1's stores, no more");
    put_version_1(&old, &customers).await;
    put_version_1(&old, &interactions).await;
    put_version_1(&old, &tasks).await;
    put_version_1(&old, &orders).await;
    put_version_1(&old, &deals).await;
    put_version_1(&old, &tickets).await;
    put_version_1(&old, &campaigns).await;
    put_version_1(&old, &relationships).await;
    old.close();

    let upgraded = IdbStore::open(name)
        .await
        .expect("the old database opens in the new schema");
    assert_eq!(upgraded.version(), SCHEMA_VERSION);
    read_all(&upgraded, &customers).await;
    read_all(&upgraded, &interactions).await;
    read_all(&upgraded, &tasks).await;
    read_all(&upgraded, &orders).await;
    read_all(&upgraded, &deals).await;
    read_all(&upgraded, &tickets).await;
    read_all(&upgraded, &campaigns).await;
    read_all(&upgraded, &relationships).await;

    // The indexes version 1 had still answer, and the new ones cover the
    // records version 1 wrote.
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
    assert_eq!(
        upgraded
            .for_customer::<Interaction>(ada)
            .await
            .unwrap()
            .len(),
        10
    );
    assert_eq!(
        upgraded.for_customer::<Task>(ada).await.unwrap(),
        vec![tasks[0].clone()]
    );
    assert_eq!(upgraded.for_customer::<Order>(ada).await.unwrap(), orders);
    assert_eq!(upgraded.for_customer::<Deal>(grace).await.unwrap(), deals);
    assert_eq!(
        upgraded.for_customer::<Ticket>(grace).await.unwrap(),
        tickets
    );
    assert_eq!(
        upgraded.for_customer::<Campaign>(grace).await.unwrap(),
        campaigns
    );
    assert_eq!(
        upgraded.for_customer::<Relationship>(grace).await.unwrap(),
        relationships
    );
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

#[wasm_bindgen_test]
async fn a_record_the_upgrade_cannot_convert_is_kept_as_it_was_and_reported() {
    use rapport::store::idb::UPGRADE_NOTICE_KEY;
    let name = "rapport-test-unconvertible";
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item(UPGRADE_NOTICE_KEY).unwrap();
    let db = create_version_1(name).await;
    let mut good = Customer::new(rapport::model::Uuid::from_u128(1), 1);
    good.given_name = "Good".into();
    put_version_1(&db, std::slice::from_ref(&good)).await;
    // A customer whose record JSON no build can read (damaged on disk, say).
    let mut damaged = serde_json::to_value(Envelope::of(&good).unwrap()).unwrap();
    let damaged_id = "00000000-0000-0000-0000-000000000002";
    damaged["id"] = damaged_id.into();
    damaged["json"] = "{\"given_name\": 42".into();
    damaged.as_object_mut().unwrap().remove("tags");
    let txn = db
        .transaction(&["customers"], idb::TransactionMode::ReadWrite)
        .unwrap();
    txn.object_store("customers")
        .unwrap()
        .put(&js_sys::JSON::parse(&damaged.to_string()).unwrap(), None)
        .unwrap()
        .await
        .unwrap();
    txn.commit().unwrap().await.unwrap();
    db.close();

    // The upgrade goes through (one bad record used to abort all of it).
    let store = IdbStore::open_at(name, SCHEMA_VERSION)
        .await
        .expect("the upgrade keeps going past a record it cannot convert");
    assert_eq!(store.get::<Customer>(good.id()).await.unwrap(), Some(good));
    let kept = store
        .envelope(Collection::Customers, damaged_id.parse().unwrap())
        .await
        .unwrap()
        .expect("the damaged record is kept");
    assert_eq!(kept.json, "{\"given_name\": 42", "kept exactly as it was");
    assert_eq!(
        storage.get_item(UPGRADE_NOTICE_KEY).unwrap().as_deref(),
        Some(
            "1 customers record(s) could not be converted by this update and were kept as \
             they were; they may not show in searches and filters. Export a backup and report it."
        )
    );
    storage.remove_item(UPGRADE_NOTICE_KEY).unwrap();
    store.close();
}

/// Writes `records` into the database `name` as the release with schema
/// version 5 did: one object per record (today's envelope, index keys as
/// fields, the record as a JSON string) in the collection's own store.
async fn put_as_release_5<R: Stored>(name: &str, records: &[R]) {
    let db = idb::Factory::new()
        .unwrap()
        .open(name, Some(5))
        .unwrap()
        .await
        .expect("open the version 5 database");
    let txn = db
        .transaction(&[R::COLLECTION], idb::TransactionMode::ReadWrite)
        .unwrap();
    let store = txn.object_store(R::COLLECTION).unwrap();
    for record in records {
        let object = serde_json::to_string(&Envelope::of(record).unwrap()).unwrap();
        store
            .put(&js_sys::JSON::parse(&object).unwrap(), None)
            .unwrap()
            .await
            .unwrap();
    }
    let result = txn.commit().unwrap().await.unwrap();
    assert!(matches!(result, idb::TransactionResult::Committed));
    db.close();
}

#[wasm_bindgen_test]
async fn a_schema_5_database_opens_in_pages_with_every_record_and_its_version() {
    use rapport::model::{
        Campaign, Channel, Deal, Direction, ImportBatch, ImportKind, Interaction, InteractionKind,
        LineItem, Order, OrderStatus, Pipeline, Priority, PropensityScores, Relationship,
        RelationshipKind, StoredPipeline, Task, Ticket, Uuid,
    };
    use time::macros::date;
    let name = "rapport-test-schema-5";
    let now = 1_700_000_000_000;
    let id = |collection: u128, n: u128| Uuid::from_u128((collection << 64) | n);

    // More customers than one page holds, some edited twice since created.
    let customers: Vec<Customer> = (0..1_234)
        .map(|n| {
            let mut c = Customer::new(id(1, n), now + n as i64);
            c.given_name = format!("Customer {n}");
            c.emails = vec![format!("c{n}@example.com")];
            if n.is_multiple_of(7) {
                c.tags = vec!["vip".into()];
                c.touch(now + 10_000);
                c.touch(now + 20_000);
            }
            c
        })
        .collect();
    let ada = customers[0].id();
    let interactions: Vec<Interaction> = (0..40)
        .map(|n| {
            Interaction::new(
                id(2, n),
                now,
                customers[n as usize % 4].id(),
                InteractionKind::Call,
                Direction::Inbound,
                now - 86_400_000 * n as i64,
                format!("Call {n}"),
                "Asked about prices",
            )
        })
        .collect();
    let tasks = vec![Task::new(
        id(3, 0),
        now,
        Some(ada),
        "Send the offer",
        date!(2026 - 03 - 01),
    )];
    let orders = vec![Order::new(
        id(4, 0),
        now,
        ada,
        date!(2025 - 11 - 20),
        OrderStatus::Order,
        vec![LineItem::new("Compiler licence", 2.0, 1_250.0)],
        "USD",
    )];
    let deals = vec![Deal::new(
        id(5, 0),
        now,
        ada,
        "Fleet",
        "Qualification",
        48_000.0,
        0.4,
    )];
    let tickets = vec![Ticket::new(
        id(6, 0),
        now,
        ada,
        "Lid",
        "It does not close.",
        Priority::Normal,
    )];
    let campaigns = vec![Campaign::new(
        id(7, 0),
        now,
        "Spring fair",
        Channel::Email,
        date!(2026 - 04 - 01),
        date!(2026 - 04 - 30),
        500.0,
    )];
    let relationships = vec![Relationship::new(
        id(8, 0),
        now,
        ada,
        customers[1].id(),
        RelationshipKind::Referred,
        0.8,
    )];
    let imports = vec![ImportBatch::new(
        id(9, 0),
        now,
        ImportKind::Customers,
        "Old CRM",
    )];
    let scores = vec![PropensityScores::new(now, "buys again", vec![(ada, 0.75)])];
    let settings = vec![StoredPipeline::new(now, Pipeline::default())];

    let old = fresh_store(name, 5).await;
    assert_eq!(old.version(), 5);
    old.close();
    put_as_release_5(name, &customers).await;
    put_as_release_5(name, &interactions).await;
    put_as_release_5(name, &tasks).await;
    put_as_release_5(name, &orders).await;
    put_as_release_5(name, &deals).await;
    put_as_release_5(name, &tickets).await;
    put_as_release_5(name, &campaigns).await;
    put_as_release_5(name, &relationships).await;
    put_as_release_5(name, &imports).await;
    put_as_release_5(name, &scores).await;
    put_as_release_5(name, &settings).await;

    let upgraded = IdbStore::open(name)
        .await
        .expect("the version 5 database opens in the paged layout");
    assert_eq!(upgraded.version(), SCHEMA_VERSION);
    read_all(&upgraded, &customers).await;
    read_all(&upgraded, &interactions).await;
    read_all(&upgraded, &tasks).await;
    read_all(&upgraded, &orders).await;
    read_all(&upgraded, &deals).await;
    read_all(&upgraded, &tickets).await;
    read_all(&upgraded, &campaigns).await;
    read_all(&upgraded, &relationships).await;
    read_all(&upgraded, &imports).await;
    read_all(&upgraded, &scores).await;
    read_all(&upgraded, &settings).await;
    for c in &customers {
        let stored = upgraded
            .envelope(Collection::Customers, c.id())
            .await
            .unwrap()
            .expect("every customer is found by id");
        assert_eq!(stored.version, c.meta.version, "the version is kept");
    }
    assert_eq!(
        upgraded.count(Collection::Customers).await.unwrap(),
        customers.len()
    );
    let vip = upgraded
        .find_customers(&CustomerLookup::Tag("vip".into()))
        .await
        .unwrap();
    assert_eq!(
        vip.len(),
        customers.iter().filter(|c| !c.tags.is_empty()).count()
    );
    assert_eq!(
        upgraded
            .find_customers(&CustomerLookup::Email("c1233@example.com".into()))
            .await
            .unwrap(),
        vec![customers[1_233].clone()]
    );
    assert_eq!(
        upgraded
            .for_customer::<Interaction>(ada)
            .await
            .unwrap()
            .len(),
        10
    );

    // The kept versions still guard edits: one based on the stored version
    // saves, one based on an older one is refused.
    let mut edited = customers[7].clone();
    edited.job_title = "Engineer".into();
    edited.touch(now + 30_000);
    let mut cs = ChangeSet::new("edit after the upgrade");
    cs.update(&edited).unwrap();
    upgraded
        .apply(&cs)
        .await
        .expect("an edit based on the kept version saves");
    let mut stale = customers[7].clone();
    stale.touch(now + 40_000);
    let mut cs = ChangeSet::new("stale edit");
    cs.update(&stale).unwrap();
    assert!(matches!(
        upgraded.apply(&cs).await,
        Err(rapport::store::StoreError::Conflict { .. })
    ));
    // Pages moved by the upgrade have no tally yet: the first read counts
    // them from their records (and stores them), the same sums as the records.
    for c in [Collection::Customers, Collection::Orders, Collection::Deals] {
        let envelopes = upgraded.envelopes(c).await.unwrap();
        let expected = rapport::store::Tally::of_envelopes(c.name(), &envelopes);
        assert_eq!(upgraded.tally(c).await.unwrap(), expected, "{}", c.name());
        assert_eq!(
            upgraded.tally(c).await.unwrap(),
            expected,
            "{} again",
            c.name()
        );
    }
    upgraded.close();

    let db = idb::Factory::new()
        .unwrap()
        .open(name, None)
        .unwrap()
        .await
        .unwrap();
    let mut stores = db.store_names();
    stores.sort();
    assert_eq!(
        stores,
        vec!["bodies", "heads", "meta", "tallies"],
        "the old stores are gone"
    );
    db.close();
}

#[wasm_bindgen_test]
async fn a_write_in_one_connection_is_seen_by_another() {
    let name = "rapport-test-two-connections";
    let tab_a = fresh_store(name, SCHEMA_VERSION).await;
    let tab_b = IdbStore::open(name).await.unwrap();
    assert_eq!(tab_b.count(Collection::Customers).await.unwrap(), 0);
    let mut ada = Customer::new_v4(1_750_000_000_000);
    ada.given_name = "Ada".into();
    ada.emails = vec!["ada@example.com".into()];
    let mut cs = ChangeSet::new("add Ada");
    cs.insert(&ada).unwrap();
    tab_a.apply(&cs).await.unwrap();
    assert_eq!(tab_b.count(Collection::Customers).await.unwrap(), 1);
    assert_eq!(
        tab_b
            .find_customers(&CustomerLookup::Email("ada@example.com".into()))
            .await
            .unwrap(),
        vec![ada.clone()]
    );
    // B edits on what it read; A's stale copy is then refused.
    let mut in_b = tab_b.get::<Customer>(ada.id()).await.unwrap().unwrap();
    in_b.job_title = "Mathematician".into();
    in_b.touch(1_750_000_000_100);
    let mut cs = ChangeSet::new("edit in B");
    cs.update(&in_b).unwrap();
    tab_b.apply(&cs).await.unwrap();
    let mut in_a = ada.clone();
    in_a.touch(1_750_000_000_200);
    let mut cs = ChangeSet::new("stale edit in A");
    cs.update(&in_a).unwrap();
    assert!(matches!(
        tab_a.apply(&cs).await,
        Err(rapport::store::StoreError::Conflict { .. })
    ));
    assert_eq!(tab_a.get::<Customer>(ada.id()).await.unwrap(), Some(in_b));
    tab_a.close();
    tab_b.close();
}
