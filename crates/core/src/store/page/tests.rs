//! The paged layout, natively: encoding, merging, the catalog, and the
//! whole contract suite on a paged store with an in-memory disk.

use super::paged_mem::PagedMem;
use super::*;
use crate::model::{Customer, Interaction, Record, Uuid};
use crate::store::contract::store_contract;
use crate::store::{ChangeSet, Collection, CustomerLookup, MemStore, Store};
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

fn run_ready<F: Future>(future: F) -> F::Output {
    let mut cx = Context::from_waker(Waker::noop());
    match pin!(future).poll(&mut cx) {
        Poll::Ready(out) => out,
        Poll::Pending => panic!("in-memory futures complete without waiting"),
    }
}

const NOW: i64 = 1_750_000_000_000;

fn customer(n: u128) -> Customer {
    // Ids spread over the whole uuid space, as v4 ids are.
    let mut c = Customer::new(
        Uuid::from_u128(n.wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835)),
        NOW + n as i64,
    );
    c.given_name = format!("Given{n}");
    c.family_name = "Tester".into();
    c.emails = vec![format!("c{n}@example.com")];
    if n.is_multiple_of(10) {
        c.tags = vec!["vip".into()];
    }
    c
}

fn put_all(store: &impl Store, customers: &[Customer]) {
    let mut cs = ChangeSet::new("bulk");
    for c in customers {
        cs.put(c).unwrap();
    }
    run_ready(store.apply(&cs)).unwrap();
}

#[test]
fn paged_store_keeps_the_store_contract() {
    run_ready(store_contract(&PagedMem::new()));
}

#[test]
fn a_page_round_trips_through_its_two_strings() {
    let mut page = Page::new(7);
    let ada = Envelope::of(&customer(1)).unwrap();
    let mut damaged = Envelope::of(&customer(2)).unwrap();
    damaged.json = "{\"given_name\":\n 42".into();
    page.put(None, &ada);
    page.put(None, &damaged);
    let encoded = page.encode().unwrap();
    assert!(
        !encoded.head.contains(&ada.json),
        "the head holds no record"
    );
    assert_eq!(encoded.body.len(), page.body_bytes());
    let back = Page::decode("customers", &encoded.head, &encoded.body).unwrap();
    assert_eq!(back, page);
    assert_eq!(back.envelope(0), Some(ada));
    assert_eq!(
        back.envelope(1),
        Some(damaged),
        "a record with a newline survives"
    );
}

#[test]
fn a_page_whose_body_does_not_match_its_head_is_reported_damaged() {
    let mut page = Page::new(0);
    page.put(None, &Envelope::of(&customer(1)).unwrap());
    page.put(None, &Envelope::of(&customer(2)).unwrap());
    let encoded = page.encode().unwrap();
    let cut = encoded.body.split(BODY_SEPARATOR).next().unwrap();
    let err = Page::decode("customers", &encoded.head, cut).unwrap_err();
    assert!(err.to_string().contains("damaged"), "{err}");
    assert!(Page::decode("customers", "{not json", &encoded.body).is_err());
}

#[test]
fn every_body_joined_is_one_json_array_of_every_record() {
    let customers: Vec<Customer> = (0..1_200).map(customer).collect();
    let pages = paginate(customers.iter().map(|c| Envelope::of(c).unwrap()));
    assert_eq!(pages.len(), 3, "500 records a page");
    let bodies: Vec<String> = pages.iter().map(|p| p.encode().unwrap().body).collect();
    let all: Vec<Customer> = serde_json::from_str(&format!("[{}]", bodies.join(","))).unwrap();
    assert_eq!(all, customers);
}

#[test]
fn bulk_batches_append_pages_instead_of_rewriting_them() {
    let store = PagedMem::new();
    let customers: Vec<Customer> = (0..10_000).map(customer).collect();
    for chunk in customers.chunks(1_000) {
        put_all(&store, chunk);
    }
    let disk = store.disk.borrow();
    assert_eq!(disk.pages.len(), 20, "10,000 records in pages of 500");
    // Each batch read at most the one open last page (head and body).
    assert!(disk.reads <= 2 * 10, "{} page values read", disk.reads);
}

#[test]
fn lookups_on_a_large_paged_store_agree_with_mem_store() {
    let paged = PagedMem::new();
    let mem = MemStore::new();
    let customers: Vec<Customer> = (0..2_000).map(customer).collect();
    for chunk in customers.chunks(300) {
        put_all(&paged, chunk);
        put_all(&mem, chunk);
    }
    let same = |lookup: CustomerLookup| {
        let a = run_ready(paged.customer_envelopes(&lookup)).unwrap();
        let b = run_ready(mem.customer_envelopes(&lookup)).unwrap();
        assert_eq!(a, b, "{lookup:?}");
    };
    same(CustomerLookup::Tag("vip".into()));
    same(CustomerLookup::Email("c77@example.com".into()));
    same(CustomerLookup::Name("given1999 tester".into()));
    for limit in [0, 1, 50, 5_000] {
        assert_eq!(
            run_ready(paged.recent_envelopes(Collection::Customers, limit)).unwrap(),
            run_ready(mem.recent_envelopes(Collection::Customers, limit)).unwrap()
        );
    }
    assert_eq!(
        run_ready(paged.all::<Customer>()).unwrap(),
        run_ready(mem.all::<Customer>()).unwrap(),
        "all records, in id order"
    );
    assert_eq!(
        run_ready(paged.count(Collection::Customers)).unwrap(),
        2_000
    );
}

#[test]
fn a_write_by_another_connection_is_seen_and_a_stale_one_refused() {
    let tab_a = PagedMem::new();
    let tab_b = tab_a.connect();
    let ada = customer(1);
    put_all(&tab_a, std::slice::from_ref(&ada));
    assert_eq!(run_ready(tab_b.count(Collection::Customers)).unwrap(), 1);

    // Both read Ada; A saves first.
    let mut in_a = run_ready(tab_a.get::<Customer>(ada.id())).unwrap().unwrap();
    let mut in_b = run_ready(tab_b.get::<Customer>(ada.id())).unwrap().unwrap();
    in_a.job_title = "Mathematician".into();
    in_a.touch(NOW + 10);
    let mut cs = ChangeSet::new("edit in A");
    cs.update(&in_a).unwrap();
    run_ready(tab_a.apply(&cs)).unwrap();

    // B's catalog is a generation behind: its lookup rebuilds and finds A's edit.
    assert!(tab_b.ensure("customers"), "B notices the generation moved");
    let found =
        run_ready(tab_b.find_customers(&CustomerLookup::Email("c1@example.com".into()))).unwrap();
    assert_eq!(found, vec![in_a.clone()]);

    in_b.job_title = "Poet".into();
    in_b.touch(NOW + 20);
    let mut cs = ChangeSet::new("edit in B");
    cs.update(&in_b).unwrap();
    let err = run_ready(tab_b.apply(&cs)).unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err:?}");
    assert_eq!(
        run_ready(tab_a.get::<Customer>(ada.id())).unwrap(),
        Some(in_a)
    );
}

#[test]
fn an_unchanged_generation_reads_no_heads() {
    let store = PagedMem::new();
    put_all(&store, &(0..1_000).map(customer).collect::<Vec<_>>());
    assert!(
        !store.ensure("customers"),
        "the writer's catalog is current"
    );
    let other = store.connect();
    assert!(other.ensure("customers"), "a new connection builds it once");
    assert!(!other.ensure("customers"));
}

#[test]
fn a_purged_record_written_again_in_one_batch_moves_to_the_last_page() {
    let store = PagedMem::new();
    let customers: Vec<Customer> = (0..600).map(customer).collect();
    put_all(&store, &customers);
    let first = customers[0].clone();
    let mut cs = ChangeSet::new("purge and put back");
    cs.purge::<Customer>(first.id());
    cs.put(&first).unwrap();
    run_ready(store.apply(&cs)).unwrap();
    assert_eq!(
        run_ready(store.get::<Customer>(first.id())).unwrap(),
        Some(first)
    );
    assert_eq!(run_ready(store.count(Collection::Customers)).unwrap(), 600);
    let fresh = store.connect();
    assert_eq!(run_ready(fresh.count(Collection::Customers)).unwrap(), 600);
}

#[test]
fn a_clear_then_puts_in_one_batch_leaves_only_the_new_records() {
    let store = PagedMem::new();
    put_all(&store, &(0..1_100).map(customer).collect::<Vec<_>>());
    let kept = customer(5_000);
    let mut cs = ChangeSet::new("replace");
    cs.clear("customers");
    cs.put(&kept).unwrap();
    let undo = run_ready(store.apply_undoable(&cs, NOW)).unwrap();
    assert_eq!(store.disk.borrow().pages.len(), 1);
    assert_eq!(
        run_ready(store.connect().all::<Customer>()).unwrap(),
        vec![kept]
    );
    run_ready(store.apply(&undo)).unwrap();
    assert_eq!(
        run_ready(store.count(Collection::Customers)).unwrap(),
        1_100
    );
}

#[test]
fn emptied_pages_are_deleted() {
    let store = PagedMem::new();
    let customers: Vec<Customer> = (0..700).map(customer).collect();
    put_all(&store, &customers);
    let mut cs = ChangeSet::new("purge the second page");
    for c in &customers[500..] {
        cs.purge::<Customer>(c.id());
    }
    run_ready(store.apply(&cs)).unwrap();
    assert_eq!(store.disk.borrow().pages.len(), 1);
    let note = Interaction::note_v4(NOW, customers[0].id(), "still here");
    let mut cs = ChangeSet::new("note");
    cs.insert(&note).unwrap();
    run_ready(store.apply(&cs)).unwrap();
    assert_eq!(
        run_ready(store.for_customer::<Interaction>(customers[0].id())).unwrap(),
        vec![note]
    );
}
