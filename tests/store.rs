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
