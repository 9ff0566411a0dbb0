use super::*;
use crate::jobs::analyses::tests::{demo_store, run_ready, NOW};
use crate::jobs::{run_named, Job};
use crate::model::{Customer, Direction, Interaction, InteractionKind, Record, Ticket, Uuid};
use crate::sentiment;
use crate::store::{MemStore, Store};
use crate::text::{TextDoc, TextIndex};
use std::collections::HashSet;

fn run<J: Job>(store: &MemStore, input: J::Input) -> J::Output {
    let input = serde_json::to_string(&input).unwrap();
    let out = run_ready(run_named(store, J::NAME, &input, NOW, &mut |_, _| {})).unwrap();
    serde_json::from_str(&out).unwrap()
}

#[test]
fn duplicate_customers_of_the_demo_include_its_twins_with_reasons() {
    let store = demo_store(600);
    let rows = run::<DuplicateCustomersJob>(&store, DuplicateCustomersInput { min_score: 0.8 });
    let customers: Vec<Customer> = run_ready(store.all()).unwrap();
    let twins: Vec<&Customer> = customers
        .iter()
        .filter(|c| c.source == "Business card")
        .collect();
    assert!(!twins.is_empty());
    for twin in twins {
        let row = rows
            .iter()
            .find(|r| r.a == twin.id() || r.b == twin.id())
            .unwrap_or_else(|| panic!("the twin {} is not paired", twin.display_name()));
        assert!(row.score >= 0.8);
        assert!(!row.reasons.is_empty());
        assert!(!row.a_name.is_empty() && !row.b_name.is_empty());
    }
    assert!(rows.windows(2).all(|w| w[0].score >= w[1].score));
    // A group lists both of its pair, and more than two customers.
    for row in rows.iter().filter(|r| !r.group.is_empty()) {
        assert!(row.group.len() > 2);
        assert!(row.group.contains(&row.a) && row.group.contains(&row.b));
    }
}

#[test]
fn customers_linked_through_a_third_form_one_group() {
    let store = MemStore::new();
    let mut changes = crate::store::ChangeSet::new("three");
    for (n, given, email) in [
        (1, "Jonathan", "jon@acme.test"),
        (2, "Jonathan", "jon@acme.test"),
        (3, "Jonathan", "jon@acme.test"),
    ] {
        let mut c = Customer::new(Uuid::from_u128(n), NOW);
        c.given_name = given.into();
        c.family_name = "Harker".into();
        c.emails = vec![email.into()];
        changes.insert(&c).unwrap();
    }
    run_ready(store.apply(&changes)).unwrap();
    let rows = run::<DuplicateCustomersJob>(&store, DuplicateCustomersInput { min_score: 0.8 });
    assert_eq!(rows.len(), 3, "three pairs among three copies");
    for row in rows {
        let mut group = row.group.clone();
        group.sort();
        assert_eq!(group, (1..=3).map(Uuid::from_u128).collect::<Vec<_>>());
    }
}

#[test]
fn near_duplicates_report_every_pair_above_the_threshold_with_its_texts() {
    let store = demo_store(200);
    let report = run::<NearDuplicatesJob>(
        &store,
        NearDuplicatesInput {
            threshold: 0.9,
            kinds: Vec::new(),
        },
    );
    let docs = run_ready(live_texts(&store)).unwrap();
    assert_eq!(report.texts, docs.len());
    // The same pairs as the index finds directly.
    let index = TextIndex::build(docs);
    let direct = index.near_duplicates(0.9, &[]);
    assert_eq!(report.total, direct.len());
    assert!(report.total > 0, "templated demo notes repeat");
    for p in &report.pairs {
        assert!(p.score >= 0.9 - 1e-12);
        assert!(p.a.key != p.b.key);
        assert!(!p.a.customer_name.is_empty());
    }
}

#[test]
fn topics_cover_every_ticket_once_and_months_add_up() {
    let store = demo_store(300);
    let report = run::<TopicsJob>(&store, TopicsInput { k: 4 });
    let tickets: Vec<Ticket> = run_ready(store.all()).unwrap();
    let live: HashSet<_> = tickets
        .iter()
        .filter(|t| !t.is_deleted())
        .map(|t| t.id())
        .collect();
    assert_eq!(report.topics.len(), 4);
    let assigned: HashSet<_> = report.assignments.iter().map(|(id, _)| *id).collect();
    assert_eq!(assigned, live);
    assert_eq!(report.assignments.len(), live.len());
    for (k, topic) in report.topics.iter().enumerate() {
        let members = report.assignments.iter().filter(|(_, t)| *t == k).count();
        assert_eq!(topic.size, members);
        assert_eq!(report.per_month[k].iter().sum::<usize>(), members);
        assert!(!topic.name.is_empty());
    }
    assert!(report.topics.windows(2).all(|w| w[0].size >= w[1].size));
}

#[test]
fn topics_refuse_a_store_without_tickets() {
    let out = run_ready(run_named(
        &MemStore::new(),
        TopicsJob::NAME,
        r#"{"k":0}"#,
        NOW,
        &mut |_, _| {},
    ));
    assert!(out.is_err());
}

fn note(customer: u128, days_ago: i64, body: &str) -> Interaction {
    let at = NOW - days_ago * 86_400_000;
    Interaction::new(
        Uuid::new_v4(),
        at,
        Uuid::from_u128(customer),
        InteractionKind::Note,
        Direction::Internal,
        at,
        "",
        body,
    )
}

#[test]
fn the_sentiment_overview_flags_exactly_the_customers_negative_lately() {
    let docs: Vec<TextDoc> = [
        note(1, 3, "Furious: the delivery was terrible and late."),
        note(2, 3, "Great call, they love the product and will renew!"),
        note(3, 90, "Angry and disappointed, a terrible experience."),
        note(4, 10, "送货太慢了，很失望。"),
    ]
    .iter()
    .map(TextDoc::from_interaction)
    .collect();
    let o = sentiment_overview(&docs, NOW);
    assert_eq!(
        o.recent_negative,
        {
            let mut v = vec![Uuid::from_u128(1), Uuid::from_u128(4)];
            v.sort();
            v
        },
        "customer 3's negative note is older than {RECENT_DAYS} days"
    );
    assert_eq!(o.texts, 4);
    assert_eq!(o.monthly.iter().map(|m| m.count).sum::<usize>(), 4);
    let negative = docs
        .iter()
        .filter(|d| sentiment::is_negative(&sentiment::score(&d.text())))
        .count();
    assert_eq!(
        o.monthly.iter().map(|m| m.negative).sum::<usize>(),
        negative
    );
}
