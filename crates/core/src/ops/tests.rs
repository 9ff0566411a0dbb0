//! Every action on a `MemStore`: what it writes, what it refuses, and that
//! the batch it builds undoes cleanly.

use crate::store::Collection;

use super::records::{self, BulkEdit};
use super::sales::{self, Response};
use super::OpError;
use crate::jobs::analyses::tests::run_ready as run;
use crate::model::{
    Campaign, CampaignMember, Channel, Customer, Deal, DealDraft, Direction, Id, Interaction,
    InteractionKind, LifecycleStage, LineItem, Order, OrderStatus, Pipeline, Priority, Record,
    Relationship, RelationshipKind, Task, Ticket, TicketStatus, Uuid,
};
use crate::store::{ChangeSet, MemStore, Store, StoreError};
use time::macros::date;

const NOW: i64 = 1_750_000_000_000;

fn id(n: u128) -> Id {
    Uuid::from_u128(n)
}

fn ada() -> Customer {
    let mut c = Customer::new(id(1), NOW);
    c.given_name = "Ada".into();
    c.family_name = "Lovelace".into();
    c.emails = vec!["ada@example.com".into()];
    c
}

fn grace() -> Customer {
    let mut c = Customer::new(id(2), NOW);
    c.given_name = "Grace".into();
    c.family_name = "Hopper".into();
    c
}

/// A store with Ada and Grace.
fn store() -> MemStore {
    let store = MemStore::new();
    for c in [ada(), grace()] {
        run(store.apply(&records::add_customer(&c).unwrap())).unwrap();
    }
    store
}

fn apply(store: &MemStore, changes: Result<ChangeSet, OpError>) -> ChangeSet {
    let changes = changes.expect("the action is accepted");
    run(store.apply_undoable(&changes, NOW + 500)).expect("the batch commits")
}

fn customer(store: &MemStore, n: u128) -> Customer {
    run(store.get(id(n))).unwrap().expect("stored")
}

#[test]
fn add_customer_is_labelled_and_refuses_an_invalid_one() {
    let store = MemStore::new();
    let changes = records::add_customer(&ada()).unwrap();
    assert_eq!(changes.label, "Added Ada Lovelace");
    run(store.apply(&changes)).unwrap();
    assert_eq!(run(store.count(Collection::Customers)).unwrap(), 1);
    let mut bad = grace();
    bad.emails = vec!["not an email".into()];
    let refused = records::add_customer(&bad).unwrap_err();
    assert!(refused.field_errors().is_some_and(|e| e.has("emails")));
    assert!(refused.user_message().contains("not a valid email address"));
}

#[test]
fn a_stale_save_is_refused_with_a_reload_offer() {
    let store = store();
    let mut mine = customer(&store, 1);
    let mut theirs = mine.clone();
    theirs.job_title = "Countess".into();
    theirs.touch(NOW + 1);
    apply(&store, records::save_customer(&theirs));
    mine.job_title = "Mathematician".into();
    mine.touch(NOW + 2);
    let changes = records::save_customer(&mine).unwrap();
    let err: OpError = run(store.apply(&changes)).unwrap_err().into();
    assert!(err.offers_reload());
    assert_eq!(customer(&store, 1).job_title, "Countess");
}

#[test]
fn trash_restore_and_undo_round_trip() {
    let store = store();
    let undo = apply(&store, run(records::trash_customer(&store, id(1), NOW + 1)));
    assert!(customer(&store, 1).is_deleted());
    run(store.apply(&undo)).unwrap();
    assert!(!customer(&store, 1).is_deleted());
    apply(&store, run(records::trash_customer(&store, id(1), NOW + 2)));
    let trashed = customer(&store, 1);
    let changes = records::restore_customer(&trashed, NOW + 3).unwrap();
    assert_eq!(changes.label, "Restored Ada Lovelace");
    run(store.apply(&changes)).unwrap();
    assert!(!customer(&store, 1).is_deleted());
    let missing = run(records::trash_customer(&store, id(99), NOW)).unwrap_err();
    assert!(matches!(missing, OpError::Missing { what: "customer" }));
}

#[test]
fn delete_for_good_takes_the_history_and_undo_brings_it_back() {
    let store = store();
    let note = Interaction::note_v4(NOW, id(1), "Called about the engine");
    apply(&store, records::log_interaction(&note));
    let ada = customer(&store, 1);
    let undo = apply(&store, run(records::delete_for_good(&store, &ada)));
    assert_eq!(run(store.count(Collection::Customers)).unwrap(), 1);
    assert_eq!(run(store.count(Collection::Interactions)).unwrap(), 0);
    run(store.apply(&undo)).unwrap();
    assert_eq!(run(store.count(Collection::Customers)).unwrap(), 2);
    assert_eq!(run(store.count(Collection::Interactions)).unwrap(), 1);
}

#[test]
fn a_purge_decided_before_another_tab_restored_is_refused() {
    let store = store();
    apply(&store, run(records::trash_customer(&store, id(1), NOW + 1)));
    let seen_in_trash = customer(&store, 1);
    let purge = run(records::delete_for_good(&store, &seen_in_trash)).unwrap();
    // Meanwhile, another tab restores Ada.
    apply(&store, records::restore_customer(&seen_in_trash, NOW + 2));
    let refused = run(store.apply(&purge)).unwrap_err();
    assert!(matches!(refused, StoreError::Conflict { .. }));
    assert!(!customer(&store, 1).is_deleted(), "Ada survives, restored");
}

#[test]
fn bulk_edits_change_only_who_needs_it_and_undo_whole() {
    let store = store();
    let ids = [id(1), id(2)];
    let mut tagged = customer(&store, 1);
    tagged.tags = vec!["vip".into()];
    tagged.touch(NOW + 1);
    apply(&store, records::save_customer(&tagged));
    let changes = run(records::bulk_edit(
        &store,
        &ids,
        &BulkEdit::AddTag(" vip ".into()),
        NOW + 2,
    ))
    .unwrap();
    assert_eq!(changes.label, "Tagged 1 customer “vip”");
    assert_eq!(changes.len(), 1, "Ada has the tag already");
    let undo = apply(&store, Ok(changes));
    assert_eq!(customer(&store, 2).tags, vec!["vip".to_string()]);
    run(store.apply(&undo)).unwrap();
    assert!(customer(&store, 2).tags.is_empty());
    let staged = run(records::bulk_edit(
        &store,
        &ids,
        &BulkEdit::SetStage(LifecycleStage::Customer),
        NOW + 3,
    ))
    .unwrap();
    assert_eq!(
        staged.label,
        format!("Moved 2 customers to {}", LifecycleStage::Customer.label())
    );
    apply(&store, Ok(staged));
    let again = run(records::bulk_edit(
        &store,
        &ids,
        &BulkEdit::SetStage(LifecycleStage::Customer),
        NOW + 4,
    ));
    assert!(matches!(again, Err(OpError::NothingToDo)));
    let blank = run(records::bulk_edit(
        &store,
        &ids,
        &BulkEdit::AddTag("  ".into()),
        NOW + 5,
    ));
    assert!(matches!(blank, Err(OpError::Field(_))));
    apply(
        &store,
        run(records::bulk_edit(&store, &ids, &BulkEdit::Trash, NOW + 6)),
    );
    assert!(customer(&store, 1).is_deleted() && customer(&store, 2).is_deleted());
}

#[test]
fn timeline_entries_and_tasks() {
    let store = store();
    let call = Interaction::new(
        id(10),
        NOW,
        id(1),
        InteractionKind::Call,
        Direction::Inbound,
        NOW,
        "Engine",
        "Asked about the engine",
    );
    let changes = records::log_interaction(&call).unwrap();
    assert_eq!(
        changes.label,
        format!("Added a {}", InteractionKind::Call.label().to_lowercase())
    );
    apply(&store, Ok(changes));
    assert_eq!(
        run(store.for_customer::<Interaction>(id(1))).unwrap().len(),
        1
    );
    let task = Task::new(
        id(20),
        NOW,
        Some(id(1)),
        "Send the notes",
        date!(2025 - 07 - 01),
    );
    apply(&store, records::add_task(&task));
    let stored: Task = run(store.get(id(20))).unwrap().unwrap();
    let undo = apply(&store, records::set_task_done(&stored, true, NOW + 1));
    assert!(run(store.get::<Task>(id(20))).unwrap().unwrap().done);
    run(store.apply(&undo)).unwrap();
    assert!(!run(store.get::<Task>(id(20))).unwrap().unwrap().done);
    let untitled = Task::new(id(21), NOW, None, "  ", date!(2025 - 07 - 01));
    assert!(records::add_task(&untitled).is_err());
}

#[test]
fn links_are_refused_twice_and_removed_with_undo() {
    let store = store();
    let link = Relationship::new(id(30), NOW, id(1), id(2), RelationshipKind::Referred, 0.8);
    let changes = run(records::link_customers(
        &store,
        &link,
        ("Ada Lovelace", "Grace Hopper"),
    ))
    .unwrap();
    assert_eq!(changes.label, "Linked Ada Lovelace and Grace Hopper");
    apply(&store, Ok(changes));
    let twice = Relationship::new(id(31), NOW, id(1), id(2), RelationshipKind::Referred, 0.5);
    let refused = run(records::link_customers(&store, &twice, ("Ada", "Grace")));
    let refused = refused.unwrap_err();
    assert_eq!(
        refused.field_errors().map(|e| e.sentences_for("to")),
        Some("This link already exists.".to_string())
    );
    let stored: Relationship = run(store.get(id(30))).unwrap().unwrap();
    let undo = apply(&store, records::unlink(&stored, "Grace Hopper", NOW + 1));
    assert!(run(store.get::<Relationship>(id(30)))
        .unwrap()
        .unwrap()
        .is_deleted());
    run(store.apply(&undo)).unwrap();
    assert!(!run(store.get::<Relationship>(id(30)))
        .unwrap()
        .unwrap()
        .is_deleted());
    let to_self = Relationship::new(id(32), NOW, id(1), id(1), RelationshipKind::Colleague, 0.5);
    assert!(run(records::link_customers(&store, &to_self, ("Ada", "Ada"))).is_err());
}

#[test]
fn deals_are_created_from_the_form_and_moved_through_the_pipeline() {
    let store = store();
    let pipeline = Pipeline::default();
    let draft = DealDraft {
        customer: Some(id(1)),
        title: "Engine".into(),
        stage: pipeline.stages[0].clone(),
        value: "12,500".into(),
        percent: "20".into(),
        ..DealDraft::default()
    };
    let (deal, changes) = sales::create_deal(&draft, &pipeline, id(40), NOW).unwrap();
    assert_eq!((deal.value, deal.probability), (12_500.0, 0.2));
    apply(&store, Ok(changes));
    let stored: Deal = run(store.get(id(40))).unwrap().unwrap();
    let won = sales::move_deal(&stored, Pipeline::WON, &pipeline, NOW + 1).unwrap();
    assert_eq!(won.label, format!("Moved “Engine” to {}", Pipeline::WON));
    apply(&store, Ok(won));
    let moved: Deal = run(store.get(id(40))).unwrap().unwrap();
    assert_eq!(
        (moved.stage.as_str(), moved.probability),
        (Pipeline::WON, 1.0)
    );
    assert!(matches!(
        sales::move_deal(&moved, Pipeline::WON, &pipeline, NOW + 2),
        Err(OpError::NothingToDo)
    ));
    assert!(matches!(
        sales::move_deal(&moved, "Nowhere", &pipeline, NOW + 2),
        Err(OpError::Field(_))
    ));
    let no_customer = DealDraft {
        customer: None,
        ..draft
    };
    assert!(sales::create_deal(&no_customer, &pipeline, id(41), NOW)
        .unwrap_err()
        .field_errors()
        .is_some_and(|e| e.has("customer")));
}

#[test]
fn a_quote_converts_once() {
    let store = store();
    let quote = Order::new(
        id(50),
        NOW,
        id(1),
        date!(2025 - 03 - 01),
        OrderStatus::Quote,
        vec![LineItem::new("Widget", 2.0, 10.0)],
        "USD",
    );
    apply(&store, sales::add_order(&quote, "Ada Lovelace"));
    let stored: Order = run(store.get(id(50))).unwrap().unwrap();
    let changes = sales::convert_quote(&stored, "Ada Lovelace", NOW + 1).unwrap();
    assert_eq!(
        changes.label,
        "Converted the quote of 2025-03-01 for Ada Lovelace to an order"
    );
    apply(&store, Ok(changes));
    let order: Order = run(store.get(id(50))).unwrap().unwrap();
    assert_eq!(order.status, OrderStatus::Order);
    assert!(matches!(
        sales::convert_quote(&order, "Ada", NOW + 2),
        Err(OpError::Transition(_))
    ));
}

#[test]
fn tickets_follow_their_transitions() {
    let store = store();
    let ticket = Ticket::new(id(60), NOW, id(1), "Broken", "It broke", Priority::High);
    apply(&store, sales::open_ticket(&ticket, "Ada Lovelace"));
    let stored: Ticket = run(store.get(id(60))).unwrap().unwrap();
    let (solved, changes) = sales::solve_ticket(&stored, NOW + 1).unwrap();
    assert_eq!(solved.status, TicketStatus::Solved);
    apply(&store, Ok(changes));
    let stored: Ticket = run(store.get(id(60))).unwrap().unwrap();
    assert!(matches!(
        sales::solve_ticket(&stored, NOW + 2),
        Err(OpError::Transition(_))
    ));
    let (reopened, changes) = sales::reopen_ticket(&stored, NOW + 2).unwrap();
    assert_eq!(reopened.status, TicketStatus::Open);
    apply(&store, Ok(changes));
}

#[test]
fn campaign_responses_are_recorded_for_members_only() {
    let store = store();
    let mut campaign = Campaign::new(
        id(70),
        NOW,
        "Spring",
        Channel::Email,
        date!(2025 - 03 - 01),
        date!(2025 - 03 - 31),
        100.0,
    );
    campaign.members = vec![CampaignMember {
        customer_id: id(1),
        opened: false,
        clicked: false,
        converted: false,
    }];
    let planned = sales::plan_campaign(&campaign).unwrap();
    assert_eq!(planned.label, "Planned “Spring” for 1 customer");
    apply(&store, Ok(planned));
    let stored: Campaign = run(store.get(id(70))).unwrap().unwrap();
    let yes = Response {
        opened: true,
        clicked: true,
        converted: true,
    };
    let changes = sales::record_responses(&stored, &[(id(1), yes)], NOW + 1).unwrap();
    assert_eq!(changes.label, "Saved the responses of 1 member to “Spring”");
    apply(&store, Ok(changes));
    let back: Campaign = run(store.get(id(70))).unwrap().unwrap();
    assert!(back.members[0].converted);
    assert!(sales::record_responses(&back, &[(id(2), yes)], NOW + 2).is_err());
    assert!(matches!(
        sales::record_responses(&back, &[], NOW + 2),
        Err(OpError::NothingToDo)
    ));
}

#[test]
fn a_pipeline_edit_and_the_deals_it_moves_are_one_batch_with_undo() {
    use crate::model::{PipelineEdit, StoredPipeline, PIPELINE_ID};
    let store = store();
    let pipeline = Pipeline::default();
    let proposal = pipeline.stages[2].clone();
    let draft = DealDraft {
        customer: Some(id(1)),
        title: "Engine".into(),
        stage: proposal.clone(),
        value: "100".into(),
        percent: "50".into(),
        ..DealDraft::default()
    };
    let (_, changes) = sales::create_deal(&draft, &pipeline, id(80), NOW).unwrap();
    apply(&store, Ok(changes));
    let mut renamed = pipeline.clone();
    renamed.stages[2] = "Offer".into();
    let edit = PipelineEdit {
        pipeline: renamed.clone(),
        renamed: vec![(proposal.clone(), "Offer".into())],
        removed: Vec::new(),
        destination: None,
    };
    let deals: Vec<Deal> = run(store.all()).unwrap();
    // The first edit moves the stages into the store.
    let undo = apply(
        &store,
        sales::edit_pipeline(None, &pipeline, &edit, &deals, NOW + 1),
    );
    let stored: StoredPipeline = run(store.get(PIPELINE_ID)).unwrap().unwrap();
    assert_eq!(stored.pipeline, renamed);
    assert_eq!(
        run(store.get::<Deal>(id(80))).unwrap().unwrap().stage,
        "Offer"
    );
    run(store.apply(&undo)).unwrap();
    assert!(run(store.get::<StoredPipeline>(PIPELINE_ID))
        .unwrap()
        .is_none());
    assert_eq!(
        run(store.get::<Deal>(id(80))).unwrap().unwrap().stage,
        proposal
    );
    // Later edits update the stored record, checked against its version.
    let deals: Vec<Deal> = run(store.all()).unwrap();
    apply(
        &store,
        sales::edit_pipeline(None, &pipeline, &edit, &deals, NOW + 2),
    );
    let stored: StoredPipeline = run(store.get(PIPELINE_ID)).unwrap().unwrap();
    let back = PipelineEdit {
        pipeline: pipeline.clone(),
        renamed: vec![("Offer".into(), proposal.clone())],
        removed: Vec::new(),
        destination: None,
    };
    let deals: Vec<Deal> = run(store.all()).unwrap();
    apply(
        &store,
        sales::edit_pipeline(Some(&stored), &renamed, &back, &deals, NOW + 3),
    );
    assert_eq!(
        run(store.get::<StoredPipeline>(PIPELINE_ID))
            .unwrap()
            .unwrap()
            .pipeline,
        pipeline
    );
    let stale = sales::edit_pipeline(Some(&stored), &renamed, &back, &[], NOW + 4).unwrap();
    assert!(matches!(
        run(store.apply(&stale)),
        Err(StoreError::Conflict { .. })
    ));
    // An editor opened on the renamed stages, saved after another tab put
    // them back: refused, and the stored stages stay as the other tab left them.
    let now_stored: StoredPipeline = run(store.get(PIPELINE_ID)).unwrap().unwrap();
    let late = sales::edit_pipeline(Some(&now_stored), &renamed, &edit, &[], NOW + 5);
    let error = late.expect_err("an edit of stages changed meanwhile");
    assert!(matches!(
        error,
        OpError::ChangedElsewhere { what: "pipeline" }
    ));
    assert!(error.offers_reload());
    assert!(error.user_message().contains("changed in another tab"));
    assert_eq!(
        run(store.get::<StoredPipeline>(PIPELINE_ID))
            .unwrap()
            .unwrap()
            .pipeline,
        pipeline
    );
}
