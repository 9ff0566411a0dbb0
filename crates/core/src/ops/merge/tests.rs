//! Merges on a `MemStore`: every collection that points at a customer
//! moves, fields union and follow choices, Undo puts every record back, a
//! stale read fails the whole batch, and merged-away customers stay sane in
//! the trash.

use std::collections::BTreeMap;

use time::macros::date;

use super::*;
use crate::jobs::analyses::tests::run_ready as run;
use crate::model::{
    Campaign, CampaignMember, Channel, CustomValue, Deal, Interaction, LineItem, Order,
    OrderStatus, Priority, PropensityScores, Relationship, RelationshipKind, Task, Ticket, Uuid,
    SCORES_ID,
};
use crate::ops::records;
use crate::store::{MemStore, StoreError};

const NOW: i64 = 1_750_000_000_000;

fn id(n: u128) -> Id {
    Uuid::from_u128(n)
}

fn person(n: u128, given: &str, family: &str) -> Customer {
    let mut c = Customer::new(id(n), NOW);
    c.given_name = given.into();
    c.family_name = family.into();
    c
}

/// Ann (1) survives; Anne (2) and A. (3) are her duplicates; Bob (4) is
/// someone else. Anne has one record of every kind.
fn store() -> MemStore {
    let store = MemStore::new();
    let mut ann = person(1, "Ann", "Lee");
    ann.emails = vec!["ann@lee.net".into()];
    ann.tags = vec!["vip".into()];
    ann.company = "Globex".into();
    ann.custom_fields
        .insert("Shoe size".into(), CustomValue::Number(38.0));
    let mut anne = person(2, "Anne", "Lee");
    anne.emails = vec!["anne@globex.com".into(), "ann@lee.net".into()];
    anne.phones = vec!["+14155550134".into()];
    anne.tags = vec!["VIP".into(), "golf".into()];
    anne.company = "Globex Ltd".into();
    anne.job_title = "CTO".into();
    anne.birthday = Some(date!(1980 - 01 - 02));
    anne.custom_fields
        .insert("Shoe size".into(), CustomValue::Number(39.0));
    let mut a = person(3, "A.", "Lee");
    a.phones = vec!["+14155550134".into(), "+14155550199".into()];
    let bob = person(4, "Bob", "Ray");
    let mut batch = ChangeSet::new("setup");
    for c in [&ann, &anne, &a, &bob] {
        batch.insert(c).unwrap();
    }
    batch
        .insert(&Interaction::new(
            id(10),
            NOW,
            id(2),
            crate::model::InteractionKind::Call,
            crate::model::Direction::Inbound,
            NOW,
            "Hi",
            "Called",
        ))
        .unwrap();
    batch
        .insert(&Task::new(
            id(11),
            NOW,
            Some(id(2)),
            "Call back",
            date!(2025 - 07 - 01),
        ))
        .unwrap();
    batch
        .insert(&Order::new(
            id(12),
            NOW,
            id(2),
            date!(2025 - 03 - 01),
            OrderStatus::Order,
            vec![LineItem::new("Widget", 1.0, 10.0)],
            "USD",
        ))
        .unwrap();
    batch
        .insert(&Deal::new(
            id(13),
            NOW,
            id(2),
            "Renewal",
            "Proposal",
            100.0,
            0.5,
        ))
        .unwrap();
    batch
        .insert(&Ticket::new(
            id(14),
            NOW,
            id(2),
            "Broken",
            "It broke",
            Priority::Low,
        ))
        .unwrap();
    let link = |n, from, to, kind| Relationship::new(id(n), NOW, id(from), id(to), kind, 0.5);
    for l in [
        link(20, 2, 4, RelationshipKind::Colleague), // moves: Ann–Bob
        link(21, 4, 2, RelationshipKind::Referred),  // moves: Bob referred Ann
        link(22, 1, 2, RelationshipKind::Family),    // Ann–Anne: purged
        link(23, 1, 4, RelationshipKind::Partner),   // Ann's own
        link(24, 4, 2, RelationshipKind::Partner),   // would duplicate 23: purged
        link(25, 2, 3, RelationshipKind::Family),    // between two merged: purged
    ] {
        batch.insert(&l).unwrap();
    }
    let member = |n, opened, clicked, converted| CampaignMember {
        customer_id: id(n),
        opened,
        clicked,
        converted,
    };
    let campaign = |n: u128, members: Vec<CampaignMember>| {
        let mut c = Campaign::new(
            id(n),
            NOW,
            format!("Campaign {n}"),
            Channel::Email,
            date!(2025 - 03 - 01),
            date!(2025 - 03 - 31),
            10.0,
        );
        c.members = members;
        c
    };
    batch
        .insert(&campaign(
            30,
            vec![
                member(1, true, false, false),
                member(4, false, false, false),
                member(2, true, true, false),
            ],
        ))
        .unwrap();
    batch
        .insert(&campaign(
            31,
            vec![member(2, true, false, false), member(4, true, false, false)],
        ))
        .unwrap();
    batch
        .insert(&PropensityScores::new(
            NOW,
            "bought",
            vec![(id(4), 0.1), (id(2), 0.7), (id(3), 0.2)],
        ))
        .unwrap();
    run(store.apply(&batch)).unwrap();
    store
}

fn customer(store: &MemStore, n: u128) -> Customer {
    run(store.get(id(n))).unwrap().expect("stored")
}

/// Every record of every collection with its index keys, the version and
/// update time left out (an Undo is an edit: it bumps both).
fn dump(store: &MemStore) -> BTreeMap<(&'static str, Id), String> {
    let mut out = BTreeMap::new();
    for c in Collection::ALL {
        for e in run(store.envelopes(c)).unwrap() {
            let mut json: serde_json::Value = serde_json::from_str(&e.json).unwrap();
            json["version"] = 0.into();
            json["updated_at"] = 0.into();
            let keys = format!(
                "{:?} {:?} {:?} {:?} {:?} {json}",
                e.deleted, e.customers, e.emails, e.name, e.tags
            );
            out.insert((c.name(), e.id), keys);
        }
    }
    out
}

fn merge(store: &MemStore, merged: &[u128], choices: &MergeChoices) -> ChangeSet {
    let ids: Vec<Id> = merged.iter().map(|n| id(*n)).collect();
    let changes = run(merge_customers(store, id(1), &ids, choices, NOW + 10)).unwrap();
    run(store.apply_undoable(&changes, NOW + 20)).unwrap()
}

#[test]
fn every_record_of_the_merged_customer_ends_up_at_the_survivor() {
    let store = store();
    let plan = run(plan_merge(&store, id(1), &[id(2)])).unwrap();
    assert_eq!(
        plan.moves,
        vec![
            (Collection::Interactions, 1),
            (Collection::Tasks, 1),
            (Collection::Orders, 1),
            (Collection::Deals, 1),
            (Collection::Tickets, 1),
            (Collection::Relationships, 5),
            (Collection::Campaigns, 2),
            (Collection::Scores, 1),
        ]
    );
    merge(&store, &[2], &MergeChoices::new());
    for c in Collection::ALL {
        let left = run(store.envelopes_for_customer(c, id(2))).unwrap();
        assert!(left.is_empty(), "{} still points at Anne", c.name());
    }
    let get = |c: Collection, n: u128| run(store.envelope(c, id(n))).unwrap().unwrap();
    for (c, n) in [
        (Collection::Interactions, 10),
        (Collection::Tasks, 11),
        (Collection::Orders, 12),
        (Collection::Deals, 13),
        (Collection::Tickets, 14),
        (Collection::Campaigns, 31),
    ] {
        assert!(get(c, n).customers.contains(&id(1)), "{} {n}", c.name());
    }
    let link = |n: u128| run(store.get::<Relationship>(id(n))).unwrap();
    let colleague = link(20).unwrap();
    assert_eq!((colleague.from, colleague.to), (id(1), id(4)));
    let referral = link(21).unwrap();
    assert_eq!((referral.from, referral.to), (id(4), id(1)));
    assert!(link(22).is_none(), "Ann–Anne would link Ann to herself");
    assert!(link(24).is_none(), "a duplicate of Ann's own partner link");
    let moved = link(25).unwrap();
    assert_eq!((moved.from, moved.to), (id(1), id(3)), "A. was not merged");
    assert!(link(23).is_some());
    let campaign: Campaign = run(store.get(id(30))).unwrap().unwrap();
    assert_eq!(
        campaign.members,
        vec![
            CampaignMember {
                customer_id: id(1),
                opened: true,
                clicked: true,
                converted: false
            },
            CampaignMember {
                customer_id: id(4),
                opened: false,
                clicked: false,
                converted: false
            },
        ],
        "one membership, with Anne's click"
    );
    let scores: PropensityScores = run(store.get(SCORES_ID)).unwrap().unwrap();
    assert_eq!(
        scores.scores,
        vec![(id(4), 0.1), (id(1), 0.7), (id(3), 0.2)]
    );
    let anne = customer(&store, 2);
    assert_eq!(anne.merged_into, Some(id(1)));
    assert!(anne.is_deleted());
}

#[test]
fn fields_are_unioned_and_conflicts_follow_choices() {
    let store = store();
    let plan = run(plan_merge(&store, id(1), &[id(2)])).unwrap();
    let fields: Vec<&MergeField> = plan.conflicts.iter().map(|c| &c.field).collect();
    assert_eq!(
        fields,
        [
            &MergeField::GivenName,
            &MergeField::Company,
            &MergeField::Custom("Shoe size".into())
        ]
    );
    assert_eq!(
        plan.conflicts[1].values,
        vec![
            (id(1), "Globex".to_string()),
            (id(2), "Globex Ltd".to_string())
        ]
    );
    let choices = MergeChoices::new()
        .pick(MergeField::Company, id(2))
        .pick(MergeField::Custom("Shoe size".into()), id(2));
    let undo = merge(&store, &[2], &choices);
    assert_eq!(undo.label, "Undo: Merged 2 customers into Ann Lee");
    let ann = customer(&store, 1);
    assert_eq!(ann.given_name, "Ann", "not chosen: the survivor's");
    assert_eq!(ann.company, "Globex Ltd", "chosen");
    assert_eq!(ann.job_title, "CTO", "only Anne had one");
    assert_eq!(ann.birthday, Some(date!(1980 - 01 - 02)));
    assert_eq!(
        ann.custom_fields.get("Shoe size"),
        Some(&CustomValue::Number(39.0))
    );
    assert_eq!(ann.emails, ["ann@lee.net", "anne@globex.com"]);
    assert_eq!(ann.phones, ["+14155550134"]);
    assert_eq!(ann.tags, ["vip", "golf"]);
    assert_eq!(ann.meta.version, 2, "one edit");
}

#[test]
fn three_customers_merge_at_once() {
    let store = store();
    let undo = merge(&store, &[2, 3, 2], &MergeChoices::new());
    assert_eq!(undo.label, "Undo: Merged 3 customers into Ann Lee");
    let ann = customer(&store, 1);
    assert_eq!(ann.phones, ["+14155550134", "+14155550199"]);
    for n in [2, 3] {
        assert_eq!(customer(&store, n).merged_into, Some(id(1)));
    }
    let scores: PropensityScores = run(store.get(SCORES_ID)).unwrap().unwrap();
    assert_eq!(
        scores.scores,
        vec![(id(4), 0.1), (id(1), 0.7)],
        "Anne's, the first merged"
    );
    assert!(
        run(store.get::<Relationship>(id(25))).unwrap().is_none(),
        "a link between two merged customers is purged"
    );
    for c in Collection::ALL {
        for n in [2, 3] {
            assert!(run(store.envelopes_for_customer(c, id(n)))
                .unwrap()
                .is_empty());
        }
    }
}

#[test]
fn undo_restores_every_record_exactly() {
    let store = store();
    let before = dump(&store);
    let undo = merge(&store, &[2, 3], &MergeChoices::new());
    assert_ne!(dump(&store), before);
    run(store.apply(&undo)).unwrap();
    assert_eq!(dump(&store), before);
}

#[test]
fn a_stale_version_fails_the_whole_merge_and_changes_nothing() {
    let store = store();
    let changes = run(merge_customers(
        &store,
        id(1),
        &[id(2)],
        &MergeChoices::new(),
        NOW + 10,
    ))
    .unwrap();
    // Meanwhile another tab edits Anne's deal.
    let mut deal: Deal = run(store.get(id(13))).unwrap().unwrap();
    deal.title = "Renewal 2026".into();
    deal.touch(NOW + 5);
    run(store.apply(&crate::ops::update_one(&deal, "edit").unwrap())).unwrap();
    let before = dump(&store);
    let refused = run(store.apply_undoable(&changes, NOW + 20)).unwrap_err();
    assert!(matches!(refused, StoreError::Conflict { .. }));
    assert!(OpError::from(refused).offers_reload());
    assert_eq!(dump(&store), before);
}

#[test]
fn impossible_merges_are_refused_with_sentences() {
    let store = store();
    let refuse = |survivor: u128, merged: &[u128]| {
        let ids: Vec<Id> = merged.iter().map(|n| id(*n)).collect();
        run(merge_customers(
            &store,
            id(survivor),
            &ids,
            &MergeChoices::new(),
            NOW,
        ))
        .unwrap_err()
    };
    assert_eq!(
        refuse(1, &[2, 1]).user_message(),
        "Not merged: Ann Lee cannot be merged into themselves."
    );
    assert_eq!(
        refuse(1, &[]).user_message(),
        "Not merged: choose at least one customer to merge into Ann Lee."
    );
    assert!(matches!(
        refuse(1, &[99]),
        OpError::Missing { what: "customer" }
    ));
    assert!(matches!(refuse(99, &[2]), OpError::Missing { .. }));
    let wrong = MergeChoices::new().pick(MergeField::Company, id(4));
    let err = run(merge_customers(&store, id(1), &[id(2)], &wrong, NOW)).unwrap_err();
    assert_eq!(
        err.user_message(),
        "Not merged: the value chosen for Company comes from a customer who is not part of the merge."
    );
    merge(&store, &[2], &MergeChoices::new());
    assert_eq!(
        refuse(3, &[2]).user_message(),
        "Not merged: Anne Lee was already merged into another customer."
    );
    assert_eq!(
        refuse(2, &[3]).user_message(),
        "Not merged: Anne Lee was already merged into another customer."
    );
    let trash = run(records::trash_customer(&store, id(4), NOW + 30)).unwrap();
    run(store.apply(&trash)).unwrap();
    assert_eq!(
        refuse(1, &[4]).user_message(),
        "Not merged: Bob Ray is in the trash; restore them first."
    );
}

#[test]
fn a_merged_customer_is_not_restored_and_is_deleted_alone() {
    let store = store();
    merge(&store, &[2], &MergeChoices::new());
    let anne = customer(&store, 2);
    let refused = records::restore_customer(&anne, NOW + 30).unwrap_err();
    assert_eq!(
        refused.user_message(),
        "Not restored: Anne Lee was merged into another customer; open that customer, or undo the merge."
    );
    let before = dump(&store);
    let purge = run(records::delete_for_good(&store, &anne)).unwrap();
    assert_eq!(purge.len(), 1, "nothing is attached to Anne any more");
    run(store.apply(&purge)).unwrap();
    let mut after = dump(&store);
    assert!(after.len() + 1 == before.len());
    after.insert(("customers", id(2)), before[&("customers", id(2))].clone());
    assert_eq!(after, before, "Ann's records are untouched");
    assert!(crate::dedupe::find_duplicates(&[anne, customer(&store, 1)], 0.0).is_empty());
}
