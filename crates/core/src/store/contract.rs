//! The conformance suite every [`Store`] implementation must pass: run
//! natively on `MemStore` (`tests/store.rs`) and in headless Chromium on
//! `IdbStore` (`tests/browser/store.rs`), so the in-memory fake cannot drift
//! from IndexedDB. Each check panics with a message saying which promise of
//! the contract broke.

use crate::store::Collection;

use super::undo::apply_with_undo;
use super::{ChangeSet, CustomerLookup, Store, StoreError};
use crate::model::{Customer, Id, Interaction, Record, Uuid};

const NOW: i64 = 1_750_000_000_000;

fn id(n: u128) -> Id {
    Uuid::from_u128(0x5eed_0000_0000_4000_8000_0000_0000_0000 | n)
}

fn customer(n: u128, given: &str, email: &str) -> Customer {
    let mut c = Customer::new(id(n), NOW + n as i64);
    c.given_name = given.into();
    c.family_name = "Tester".into();
    c.emails = vec![email.into()];
    c
}

fn note(n: u128, customer: Id, body: &str) -> Interaction {
    let mut i = Interaction::note_v4(NOW, customer, body);
    i.meta.id = id(n);
    i
}

async fn insert<S: Store>(store: &S, records: &[Customer]) {
    let mut cs = ChangeSet::new("insert");
    for r in records {
        cs.insert(r).expect("valid test customer");
    }
    store
        .apply(&cs)
        .await
        .expect("inserting new customers succeeds");
}

/// Runs every check on an empty store.
pub async fn store_contract<S: Store>(store: &S) {
    starts_empty(store).await;
    insert_then_get_round_trips(store).await;
    inserting_an_existing_id_is_a_conflict(store).await;
    stale_update_is_refused_and_keeps_the_stored_record(store).await;
    a_refused_batch_writes_nothing(store).await;
    indexes_find_customers_by_email_name_and_tag(store).await;
    child_records_are_found_by_customer(store).await;
    recently_updated_is_newest_first(store).await;
    purge_and_clear_remove_records(store).await;
    undo_restores_a_deleted_record(store).await;
    a_purge_decided_on_an_old_version_is_refused(store).await;
    undo_of_an_insert_spares_a_later_edit(store).await;
    bulk_batches_are_stored_whole(store).await;
}

async fn starts_empty<S: Store>(store: &S) {
    for c in super::Collection::ALL {
        assert_eq!(
            store.count(c).await.unwrap(),
            0,
            "{} is not empty at start",
            c.name()
        );
    }
    assert!(store.get::<Customer>(id(1)).await.unwrap().is_none());
}

async fn insert_then_get_round_trips<S: Store>(store: &S) {
    let mut ada = customer(1, "Ada", "ada@example.com");
    ada.tags = vec!["vip".into()];
    ada.company = "Analytical Engines".into();
    insert(store, std::slice::from_ref(&ada)).await;
    let stored = store.get::<Customer>(ada.id()).await.unwrap();
    assert_eq!(
        stored.as_ref(),
        Some(&ada),
        "a stored customer reads back unchanged"
    );
    assert_eq!(store.count(Collection::Customers).await.unwrap(), 1);
    assert_eq!(store.all::<Customer>().await.unwrap(), vec![ada]);
}

async fn inserting_an_existing_id_is_a_conflict<S: Store>(store: &S) {
    let again = customer(1, "Impostor", "x@example.com");
    let mut cs = ChangeSet::new("insert twice");
    cs.insert(&again).unwrap();
    let err = store
        .apply(&cs)
        .await
        .expect_err("a second insert of an id is refused");
    assert!(
        matches!(
            err,
            StoreError::Conflict {
                expected: 0,
                found: Some(1),
                ..
            }
        ),
        "{err:?}"
    );
    let kept = store.get::<Customer>(id(1)).await.unwrap().unwrap();
    assert_eq!(kept.given_name, "Ada");
}

async fn stale_update_is_refused_and_keeps_the_stored_record<S: Store>(store: &S) {
    let read_in_tab_a = store.get::<Customer>(id(1)).await.unwrap().unwrap();
    let mut read_in_tab_b = read_in_tab_a.clone();

    let mut edit_a = read_in_tab_a;
    edit_a.job_title = "Mathematician".into();
    edit_a.touch(NOW + 10);
    let mut cs = ChangeSet::new("edit in tab A");
    cs.update(&edit_a).unwrap();
    store
        .apply(&cs)
        .await
        .expect("an update based on the stored version succeeds");

    read_in_tab_b.job_title = "Poet".into();
    read_in_tab_b.touch(NOW + 20);
    let mut cs = ChangeSet::new("edit in tab B");
    cs.update(&read_in_tab_b).unwrap();
    let err = store
        .apply(&cs)
        .await
        .expect_err("an update based on a stale version is refused");
    assert!(
        matches!(
            err,
            StoreError::Conflict {
                expected: 1,
                found: Some(2),
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.offers_reload());
    let stored = store.get::<Customer>(id(1)).await.unwrap().unwrap();
    assert_eq!(
        stored.job_title, "Mathematician",
        "the refused edit did not overwrite"
    );
    assert_eq!(stored.meta.version, 2);
}

async fn a_refused_batch_writes_nothing<S: Store>(store: &S) {
    let fresh = customer(2, "Grace", "grace@example.com");
    let stale = customer(1, "Stale", "stale@example.com"); // version 1, stored is 2
    let mut cs = ChangeSet::new("mixed");
    cs.insert(&fresh).unwrap();
    cs.update(&{
        let mut s = stale;
        s.touch(NOW + 30);
        s
    })
    .unwrap();
    assert!(
        store.apply(&cs).await.is_err(),
        "the batch with a stale edit is refused"
    );
    assert!(
        store.get::<Customer>(id(2)).await.unwrap().is_none(),
        "a refused batch leaves no partial writes"
    );
    assert_eq!(store.count(Collection::Customers).await.unwrap(), 1);
}

async fn indexes_find_customers_by_email_name_and_tag<S: Store>(store: &S) {
    let mut grace = customer(3, "Grace", "grace@navy.mil");
    grace.tags = vec!["vip".into(), "navy".into()];
    insert(
        store,
        &[grace.clone(), customer(4, "Alan", "alan@example.com")],
    )
    .await;
    let by_email = store
        .find_customers(&CustomerLookup::Email("grace@navy.mil".into()))
        .await
        .unwrap();
    assert_eq!(by_email, vec![grace.clone()]);
    let by_name = store
        .find_customers(&CustomerLookup::Name("alan tester".into()))
        .await
        .unwrap();
    assert_eq!(by_name.len(), 1, "by_name finds the lower-cased full name");
    let mut vip: Vec<Id> = store
        .find_customers(&CustomerLookup::Tag("vip".into()))
        .await
        .unwrap()
        .iter()
        .map(Record::id)
        .collect();
    vip.sort();
    assert_eq!(vip, vec![id(1), id(3)]);
}

async fn child_records_are_found_by_customer<S: Store>(store: &S) {
    let mut cs = ChangeSet::new("notes");
    cs.insert(&note(10, id(1), "Called about the engine"))
        .unwrap();
    cs.insert(&note(11, id(1), "Sent the plans")).unwrap();
    cs.insert(&note(12, id(3), "Met at the conference"))
        .unwrap();
    store.apply(&cs).await.unwrap();
    let notes = store.for_customer::<Interaction>(id(1)).await.unwrap();
    assert_eq!(notes.len(), 2);
    assert!(notes.iter().all(|n| n.customer_id == id(1)));
    assert!(store
        .for_customer::<Interaction>(id(4))
        .await
        .unwrap()
        .is_empty());
}

async fn recently_updated_is_newest_first<S: Store>(store: &S) {
    let recent = store.recently_updated::<Customer>(2).await.unwrap();
    let ids: Vec<Id> = recent.iter().map(Record::id).collect();
    assert_eq!(
        ids,
        vec![id(1), id(4)],
        "id(1) was edited last; then id(4), created after id(3)"
    );
}

async fn purge_and_clear_remove_records<S: Store>(store: &S) {
    let mut cs = ChangeSet::new("purge");
    cs.purge::<Interaction>(id(12));
    store.apply(&cs).await.unwrap();
    assert_eq!(store.count(Collection::Interactions).await.unwrap(), 2);
    let mut cs = ChangeSet::new("clear");
    cs.clear("interactions");
    store.apply(&cs).await.unwrap();
    assert_eq!(store.count(Collection::Interactions).await.unwrap(), 0);
    assert_eq!(
        store.count(Collection::Customers).await.unwrap(),
        3,
        "clear touches one collection only"
    );
}

async fn undo_restores_a_deleted_record<S: Store>(store: &S) {
    let mut alan = store.get::<Customer>(id(4)).await.unwrap().unwrap();
    alan.meta.soft_delete(NOW + 40);
    let mut cs = ChangeSet::new("Deleted Alan Tester");
    cs.update(&alan).unwrap();
    let undo = apply_with_undo(store, &cs, NOW + 41).await.unwrap();
    assert!(store
        .get::<Customer>(id(4))
        .await
        .unwrap()
        .unwrap()
        .is_deleted());
    store
        .apply(&undo)
        .await
        .expect("undo applies on top of the delete");
    let back = store.get::<Customer>(id(4)).await.unwrap().unwrap();
    assert!(
        !back.is_deleted(),
        "undo takes the customer out of the trash"
    );
    assert_eq!(back.meta.version, 3, "undo is an edit of its own");
    assert_eq!(back.given_name, "Alan");
}

async fn bulk_batches_are_stored_whole<S: Store>(store: &S) {
    let many: Vec<Customer> = (100..1_100)
        .map(|n| customer(n, &format!("Bulk{n}"), &format!("bulk{n}@example.com")))
        .collect();
    let mut cs = ChangeSet::new("bulk");
    for c in &many {
        cs.put(c).unwrap();
    }
    store.apply(&cs).await.unwrap();
    assert_eq!(store.count(Collection::Customers).await.unwrap(), 1_003);
    let found = store
        .find_customers(&CustomerLookup::Email("bulk777@example.com".into()))
        .await
        .unwrap();
    assert_eq!(found.len(), 1);
}

async fn a_purge_decided_on_an_old_version_is_refused<S: Store>(store: &S) {
    let seen = store
        .envelope(Collection::Customers, id(3))
        .await
        .unwrap()
        .unwrap();
    let mut grace = store.get::<Customer>(id(3)).await.unwrap().unwrap();
    grace.job_title = "Restored in another tab".into();
    grace.touch(NOW + 50);
    let mut edit = ChangeSet::new("edit");
    edit.update(&grace).unwrap();
    store.apply(&edit).await.unwrap();
    let mut purge = ChangeSet::new("Deleted for good");
    purge.purge_at("customers", id(3), seen.version);
    let refused = store.apply(&purge).await;
    assert!(
        matches!(refused, Err(StoreError::Conflict { .. })),
        "a purge decided on version {} after an edit to {} is a conflict, got {refused:?}",
        seen.version,
        seen.version + 1
    );
    assert!(
        store.get::<Customer>(id(3)).await.unwrap().is_some(),
        "the refused purge destroyed nothing"
    );
    let mut current = ChangeSet::new("Deleted for good");
    current.purge_at("customers", id(3), seen.version + 1);
    let undo = store.apply_undoable(&current, NOW + 51).await.unwrap();
    assert!(store.get::<Customer>(id(3)).await.unwrap().is_none());
    store
        .apply(&undo)
        .await
        .expect("undo of a purge puts the record back");
    assert_eq!(
        store
            .get::<Customer>(id(3))
            .await
            .unwrap()
            .unwrap()
            .job_title,
        "Restored in another tab"
    );
}

async fn undo_of_an_insert_spares_a_later_edit<S: Store>(store: &S) {
    let mut cs = ChangeSet::new("Added Late Tester");
    cs.insert(&customer(90, "Late", "late@example.com"))
        .unwrap();
    let undo = store.apply_undoable(&cs, NOW + 60).await.unwrap();
    let mut late = store.get::<Customer>(id(90)).await.unwrap().unwrap();
    late.job_title = "Edited after the insert".into();
    late.touch(NOW + 61);
    let mut edit = ChangeSet::new("edit");
    edit.update(&late).unwrap();
    store.apply(&edit).await.unwrap();
    let refused = store.apply(&undo).await;
    assert!(
        matches!(refused, Err(StoreError::Conflict { .. })),
        "undoing the insert would destroy a later edit: refused, got {refused:?}"
    );
    assert_eq!(
        store
            .get::<Customer>(id(90))
            .await
            .unwrap()
            .unwrap()
            .job_title,
        "Edited after the insert"
    );
    let mut cleanup = ChangeSet::new("cleanup");
    cleanup.purge::<Customer>(id(90));
    store.apply(&cleanup).await.unwrap();
}
