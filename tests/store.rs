//! The store contract on the in-memory store (the same suite runs on
//! IndexedDB in `tests/browser/store.rs`).

use rapport::store::contract::store_contract;
use rapport::store::MemStore;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// Runs a future that never waits (MemStore's futures are ready at once).
fn run_ready<F: Future>(future: F) -> F::Output {
    let mut cx = Context::from_waker(Waker::noop());
    match pin!(future).poll(&mut cx) {
        Poll::Ready(out) => out,
        Poll::Pending => panic!("MemStore futures complete without waiting"),
    }
}

#[test]
fn mem_store_keeps_the_store_contract() {
    run_ready(store_contract(&MemStore::new()));
}

#[test]
fn deleting_a_customer_for_good_takes_their_history_and_undo_brings_it_back() {
    use rapport::model::{Customer, Interaction, Record};
    use rapport::store::cascade::purge_customer;
    use rapport::store::undo::apply_with_undo;
    use rapport::store::{ChangeSet, Store};

    let store = MemStore::new();
    let now = 1_750_000_000_000;
    let mut ada = Customer::new_v4(now);
    ada.given_name = "Ada".into();
    let mut grace = Customer::new_v4(now);
    grace.given_name = "Grace".into();
    let mut cs = ChangeSet::new("setup");
    cs.insert(&ada).unwrap();
    cs.insert(&grace).unwrap();
    cs.insert(&Interaction::note_v4(now, ada.id(), "Ada's note"))
        .unwrap();
    cs.insert(&Interaction::note_v4(now, grace.id(), "Grace's note"))
        .unwrap();
    run_ready(store.apply(&cs)).unwrap();

    let purge = run_ready(purge_customer(&store, ada.id(), "Deleted Ada")).unwrap();
    let undo = run_ready(apply_with_undo(&store, &purge, now + 1)).unwrap();
    assert!(run_ready(store.get::<Customer>(ada.id()))
        .unwrap()
        .is_none());
    let left: Vec<Interaction> = run_ready(store.all()).unwrap();
    assert_eq!(left.len(), 1, "only Grace's note is left");
    assert_eq!(left[0].customer_id, grace.id());

    run_ready(store.apply(&undo)).unwrap();
    assert!(run_ready(store.get::<Customer>(ada.id()))
        .unwrap()
        .is_some());
    assert_eq!(
        run_ready(store.for_customer::<Interaction>(ada.id()))
            .unwrap()
            .len(),
        1
    );
}
