//! Benchmarks of the JSON backup on a demo store of 10,000 customers (about
//! 100,000 records with their orders, notes, tickets…): writing the file,
//! reading and checking it, and planning + applying a full replace.

#![allow(missing_docs)] // criterion_group! generates undocumented items

// Criterion is native-only; on wasm32 (clippy --all-targets) this is empty.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::benches();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::collections::BTreeMap;
    use std::future::Future;
    use std::hint::black_box;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};
    use std::time::Duration;

    use criterion::{criterion_group, Criterion, Throughput};
    use rapport_core::demo::{DemoConfig, DemoGenerator};
    use rapport_core::io::backup::{create_backup, parse_backup, plan_restore, RestoreMode};
    use rapport_core::store::{Collection, MemStore, Store, COLLECTIONS};

    const CUSTOMERS: usize = 10_000;

    /// Runs a future that never waits (MemStore's futures are ready at once).
    fn run_ready<F: Future>(future: F) -> F::Output {
        match pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(out) => out,
            Poll::Pending => panic!("MemStore futures complete without waiting"),
        }
    }

    fn demo_store() -> MemStore {
        let store = MemStore::new();
        let mut g = DemoGenerator::new(
            DemoConfig {
                seed: 7,
                customers: CUSTOMERS,
            },
            1_750_000_000_000,
        );
        while let Some(batch) = g.next_batch(CUSTOMERS) {
            run_ready(store.apply(&batch.to_change_set("demo").expect("demo batch")))
                .expect("load");
        }
        store
    }

    fn bench_backup(c: &mut Criterion) {
        let store = demo_store();
        let records: usize = COLLECTIONS
            .iter()
            .map(|name| run_ready(store.count(Collection::named(name))).expect("count"))
            .sum();
        let text = run_ready(create_backup(&store, BTreeMap::new())).expect("backup");
        println!(
            "backup of {CUSTOMERS} demo customers: {records} records, {:.1} MB",
            text.len() as f64 / 1e6
        );
        let mut g = c.benchmark_group("backup 10k customers");
        g.sample_size(10)
            .measurement_time(Duration::from_secs(8))
            .throughput(Throughput::Elements(records as u64));
        g.bench_function("create_backup", |b| {
            b.iter(|| run_ready(create_backup(black_box(&store), BTreeMap::new())).expect("backup"))
        });
        g.bench_function("parse_backup", |b| {
            b.iter(|| parse_backup(black_box(&text)).expect("parse"))
        });
        let backup = parse_backup(&text).expect("parse");
        g.bench_function("plan + apply a full replace", |b| {
            b.iter(|| {
                let (changes, _) =
                    run_ready(plan_restore(&store, &backup, RestoreMode::Replace)).expect("plan");
                run_ready(store.apply(&changes)).expect("apply");
            })
        });
        g.finish();
    }

    criterion_group!(benches, bench_backup);
}
