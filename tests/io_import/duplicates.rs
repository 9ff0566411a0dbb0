//! Duplicate policies against stored customers and within a file, and revert.

use rapport::store::Collection;

use super::support::*;

#[test]
fn duplicates_of_stored_customers_follow_the_policy() {
    let store = store_with_customers();
    let before = snapshot(&store);
    let err = import_customers(
        &store,
        b"First name,Email\nAda,ADA@example.com\n",
        DuplicatePolicy::Skip,
    )
    .err()
    .unwrap();
    assert_eq!(
        err.0.to_string(),
        "Nothing to import: the only row is already in Rapport and was skipped as a duplicate."
    );
    assert_eq!(snapshot(&store), before);

    // Update: imported fields win, emails are added, version goes up by one.
    let done = import_customers(
        &store,
        b"First name,Last name,Email,Email 2,Job title\nAda,Lovelace,ada@example.com,countess@example.com,Analyst\n",
        DuplicatePolicy::Update,
    )
    .unwrap();
    assert_eq!((done.counts.updated, done.counts.created), (1, 0));
    let ada: Customer = run(store.get(Uuid::from_u128(1))).unwrap().unwrap();
    assert_eq!(ada.family_name, "Lovelace");
    assert_eq!(ada.emails, ["ada@example.com", "countess@example.com"]);
    assert_eq!(ada.phones, ["+442079460958"]);
    assert_eq!((ada.job_title.as_str(), ada.meta.version), ("Analyst", 2));

    // Matched by phone when the row has no email; Create makes a new one.
    let done = import_customers(
        &store,
        b"Name,Phone\nAda Lovelace,0044 20 7946 0958\n",
        DuplicatePolicy::Create,
    )
    .unwrap();
    assert_eq!(done.counts.created, 1);
    assert_eq!(customers(&store).len(), 3);
}

#[test]
fn duplicates_within_the_file_are_matched_too() {
    let file = b"Name,Email,City\nAda Lovelace,ada@x.org,\nA. Lovelace,ADA@x.org,London\n";
    let store = MemStore::new();
    let done = import_customers(&store, file, DuplicatePolicy::Skip).unwrap();
    assert_eq!(
        done.issues,
        [issue(3, "", "Same person as the row on line 2; skipped.")]
    );
    assert_eq!(customers(&store).len(), 1);

    let store = MemStore::new();
    import_customers(&store, file, DuplicatePolicy::Update).unwrap();
    let all = customers(&store);
    assert_eq!(all.len(), 1);
    assert_eq!(
        (all[0].given_name.as_str(), all[0].address.city.as_str()),
        ("A.", "London")
    );
}

#[test]
fn update_then_revert_restores_the_customer_and_trashes_the_new_ones_with_undo() {
    let store = store_with_customers();
    let ada_before: Customer = run(store.get(Uuid::from_u128(1))).unwrap().unwrap();
    let done = import_customers(&store, &fixture("hubspot.csv"), DuplicatePolicy::Update).unwrap();
    assert_eq!((done.counts.updated, done.counts.created), (1, 2));
    assert_eq!(done.batch.created.len(), 2);
    // A note added to an imported customer after the import stays with them
    // (in the Trash), so restoring the customer brings it back.
    let grace = find(&store, "grace@example.com");
    let mut note = ChangeSet::new("note");
    note.insert(&Interaction::note_v4(NOW, grace.id(), "Called"))
        .unwrap();
    run(store.apply(&note)).unwrap();
    let before_revert = snapshot(&store);

    let plan = run(plan_revert(&store, done.batch.id())).unwrap();
    assert!(plan.edited_since.is_empty(), "nothing was edited since");
    assert_eq!(plan.counts(true), (2, 1));
    let changes = run(revert(&store, done.batch.id(), NOW + 10)).unwrap();
    assert_eq!(changes.label, "Revert: Import of test.csv");
    let undo = run(store.apply_undoable(&changes, NOW + 10)).unwrap();

    let all = customers(&store);
    assert_eq!(all.len(), 4, "nothing purged");
    let live: Vec<&Customer> = all.iter().filter(|c| !c.is_deleted()).collect();
    assert_eq!(live.len(), 2, "the two created customers are in the Trash");
    assert!(find(&store, "grace@example.com").is_deleted());
    let ada: Customer = run(store.get(Uuid::from_u128(1))).unwrap().unwrap();
    assert_eq!(ada.meta.version, 3);
    assert_eq!(
        Customer {
            meta: ada_before.meta.clone(),
            ..ada
        },
        ada_before,
        "every field as before the import"
    );
    assert_eq!(
        run(store.count(Collection::Interactions)).unwrap(),
        1,
        "the note added since is kept"
    );
    let batch: ImportBatch = run(store.get(done.batch.id())).unwrap().unwrap();
    assert_eq!(batch.reverted_at, Some(NOW + 10));
    let again = run(revert(&store, done.batch.id(), NOW + 20)).unwrap_err();
    assert_eq!(again.to_string(), "This import was already reverted.");
    let missing = run(revert(&store, Uuid::from_u128(99), NOW)).unwrap_err();
    assert!(matches!(missing, ImportError::BatchNotFound));

    // Undo puts every record back as it was just before the revert.
    run(store.apply(&undo)).unwrap();
    let after_undo = snapshot(&store);
    for (before, after) in before_revert.iter().zip(&after_undo) {
        assert_eq!(before.len(), after.len());
        for (b, a) in before.iter().zip(after) {
            let (mut b, mut a): (serde_json::Value, serde_json::Value) = (
                serde_json::from_str(&b.json).unwrap(),
                serde_json::from_str(&a.json).unwrap(),
            );
            for v in [&mut b, &mut a] {
                v["version"] = 0.into();
                v["updated_at"] = 0.into();
            }
            assert_eq!(b, a, "undo restores the content of every record");
        }
    }
    let batch: ImportBatch = run(store.get(done.batch.id())).unwrap().unwrap();
    assert_eq!(
        batch.reverted_at, None,
        "and the import can be reverted again"
    );
}

#[test]
fn a_revert_lists_records_edited_since_and_keeps_them_unless_told() {
    let store = store_with_customers();
    let done = import_customers(&store, &fixture("hubspot.csv"), DuplicatePolicy::Update).unwrap();
    let mut grace = find(&store, "grace@example.com");
    grace.job_title = "Rear admiral".into();
    grace.touch(NOW + 5);
    let mut ada: Customer = run(store.get(Uuid::from_u128(1))).unwrap().unwrap();
    ada.job_title = "Edited after the import".into();
    ada.touch(NOW + 5);
    let mut edits = ChangeSet::new("edits");
    edits.update(&grace).unwrap().update(&ada).unwrap();
    run(store.apply(&edits)).unwrap();

    let plan = run(plan_revert(&store, done.batch.id())).unwrap();
    let mut edited: Vec<(bool, Option<String>)> = plan
        .edited_since
        .iter()
        .map(|e| (e.created_by_import, e.name.clone()))
        .collect();
    edited.sort();
    assert_eq!(
        edited,
        vec![
            (false, Some("ada lovelace".into())),
            (true, Some("grace hopper".into()))
        ]
    );
    assert_eq!(plan.counts(true), (1, 0), "kept: Grace and Ada");
    assert_eq!(plan.counts(false), (2, 1));

    run(store.apply(&plan.changes(true, NOW + 10).unwrap())).unwrap();
    let grace_now = find(&store, "grace@example.com");
    assert!(!grace_now.is_deleted(), "edited since: kept");
    assert_eq!(grace_now.job_title, "Rear admiral");
    let ada_now: Customer = run(store.get(Uuid::from_u128(1))).unwrap().unwrap();
    assert_eq!(ada_now.job_title, "Edited after the import");
}

#[test]
fn a_revert_chosen_over_later_edits_reverts_them_too() {
    let store = store_with_customers();
    let ada_before: Customer = run(store.get(Uuid::from_u128(1))).unwrap().unwrap();
    let done = import_customers(&store, &fixture("hubspot.csv"), DuplicatePolicy::Update).unwrap();
    let mut ada: Customer = run(store.get(Uuid::from_u128(1))).unwrap().unwrap();
    ada.job_title = "Edited after the import".into();
    ada.touch(NOW + 5);
    let mut edit = ChangeSet::new("edit");
    edit.update(&ada).unwrap();
    run(store.apply(&edit)).unwrap();
    let plan = run(plan_revert(&store, done.batch.id())).unwrap();
    run(store.apply(&plan.changes(false, NOW + 10).unwrap())).unwrap();
    let ada_now: Customer = run(store.get(Uuid::from_u128(1))).unwrap().unwrap();
    assert_eq!(ada_now.job_title, ada_before.job_title);
    assert_eq!(ada_now.address, ada_before.address);
}

#[test]
fn a_large_import_reverts_through_whole_collection_reads() {
    let store = MemStore::new();
    let mut seed = ChangeSet::new("seed");
    for i in 0..250u128 {
        let mut c = Customer::new(Uuid::from_u128(1000 + i), NOW - 1000);
        c.given_name = format!("Old{i}");
        c.emails = vec![format!("old{i}@example.com")];
        seed.insert(&c).unwrap();
    }
    run(store.apply(&seed)).unwrap();
    let before = snapshot(&store);
    let mut file = String::from("Name,Email,City\n");
    for i in 0..250 {
        file.push_str(&format!("Updated {i},old{i}@example.com,Paris\n"));
        file.push_str(&format!("New {i},new{i}@example.com,Rome\n"));
    }
    let done = import_customers(&store, file.as_bytes(), DuplicatePolicy::Update).unwrap();
    assert_eq!((done.counts.updated, done.counts.created), (250, 250));
    let newcomer = find(&store, "new7@example.com");
    let mut note = ChangeSet::new("note");
    note.insert(&Interaction::note_v4(NOW, newcomer.id(), "Met"))
        .unwrap();
    run(store.apply(&note)).unwrap();

    run(store.apply(&run(revert(&store, done.batch.id(), NOW + 5)).unwrap())).unwrap();
    let after = snapshot(&store);
    let customers_index = COLLECTIONS.iter().position(|c| *c == "customers").unwrap();
    assert_eq!(after[customers_index].len(), 500);
    let live: Vec<&Envelope> = after[customers_index]
        .iter()
        .filter(|e| !e.deleted)
        .collect();
    assert_eq!(live.len(), 250, "the 250 created are in the Trash");
    for (old, new) in before[customers_index].iter().zip(live) {
        let (o, n): (Customer, Customer) = (old.open().unwrap(), new.open().unwrap());
        assert_eq!(
            Customer {
                meta: o.meta.clone(),
                ..n
            },
            o
        );
    }
    assert_eq!(
        run(store.count(Collection::Interactions)).unwrap(),
        1,
        "the note on a trashed newcomer is kept with them"
    );
}
