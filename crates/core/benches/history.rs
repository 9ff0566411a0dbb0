//! Benchmarks of history over any period: the Dashboard's `summarise` and
//! the Orders page's `totals_by_month` over 1,000,000 orders spread over 29
//! years (all time: 348 monthly slots; and the last 365 days), the same
//! Dashboard from the orders' per-page tallies (what its job reads now), the re-import
//! of a 100,000-row purchase log against the 100,000 orders it stored
//! before (every order skipped as already stored), and the tick thinning
//! of a 348-month axis. Criterion prints the times.

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
    use std::hint::black_box;
    use std::time::Duration;

    use criterion::{criterion_group, Criterion, Throughput};
    use rapport_core::analytics::dashboard::{summarise, Sources};
    use rapport_core::analytics::period::Period;
    use rapport_core::analytics::sales::totals_by_month;
    use rapport_core::analytics::tallied::{self, Tallies};
    use rapport_core::charts::ticks::labelled_ticks;
    use rapport_core::io::import::{
        auto_map_orders, CsvReader, OrderOptions, OrdersImport, ReadOptions, SourceRow,
    };
    use rapport_core::model::{Customer, LineItem, Order, OrderStatus, Pipeline, Uuid};
    use rapport_core::store::tally::{Fact, Tally};
    use rapport_core::store::{MemStore, Store};
    use std::future::Future;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};
    use time::macros::date;
    use time::{Date, Duration as Days};

    const NOW: i64 = 1_750_000_000_000;
    const TODAY: Date = date!(2025 - 12 - 31);

    /// `n` orders of `n / 10` customers, one every few hours from 1997 on.
    fn orders(n: usize) -> Vec<Order> {
        let first = date!(1997 - 01 - 01);
        let days = (TODAY - first).whole_days();
        (0..n)
            .map(|i| {
                let day = first + Days::days((i as i64 * 7919) % (days + 1));
                Order::new(
                    Uuid::from_u128(i as u128 + 1),
                    NOW,
                    Uuid::from_u128((i % (n / 10).max(1)) as u128 + 1_000_000_000),
                    day,
                    OrderStatus::Order,
                    vec![LineItem::new("Purchase", 1.0 + (i % 5) as f64, 10.5)],
                    if i % 10 == 0 { "EUR" } else { "USD" },
                )
            })
            .collect()
    }

    /// A CDNOW-style log with a header: `n` purchases of `n / 10` customers.
    fn log(n: usize) -> Vec<SourceRow> {
        let mut text = String::from("customer_id date number_of_items amount\n");
        for i in 0..n {
            let day = date!(1997 - 01 - 01) + Days::days((i as i64 * 37) % 545);
            text.push_str(&format!(
                "{:06} {}{:02}{:02}  {}  {}.{:02}\n",
                i % (n / 10),
                day.year(),
                day.month() as u8,
                day.day(),
                1 + i % 5,
                10 + i % 90,
                i % 100
            ));
        }
        let mut reader = CsvReader::new(ReadOptions::default());
        let mut rows = Vec::new();
        for slice in text.as_bytes().chunks(1 << 20) {
            reader.feed(slice).expect("a readable log");
            rows.extend(reader.take_rows());
        }
        reader.finish().expect("a readable log");
        rows.extend(reader.take_rows());
        rows
    }

    fn import(rows: Vec<SourceRow>, stored: &[Order], customers: &[Customer]) -> OrdersImport {
        let header: Vec<String> = ["customer_id", "date", "number_of_items", "amount"]
            .map(String::from)
            .into();
        let mapping = auto_map_orders(Some(&header), 4);
        let mut job = OrdersImport::new(
            Some(header),
            mapping,
            customers,
            OrderOptions::default(),
            NOW,
        )
        .expect("mapped")
        .with_seed(1)
        .with_stored_orders(stored);
        job.add_rows(rows);
        job
    }

    /// Runs a future that never waits (MemStore's futures are ready at once).
    fn run_ready<F: Future>(future: F) -> F::Output {
        match pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(out) => out,
            Poll::Pending => panic!("MemStore futures complete without waiting"),
        }
    }

    fn bench_history(c: &mut Criterion) {
        let all = orders(1_000_000);
        let created: Vec<i64> = vec![NOW; 100_000];
        let pipeline = Pipeline::default();
        let sources = Sources {
            customers_created: &created,
            orders: &all,
            deals: &[],
            pipeline: &pipeline,
            tickets: &[],
            campaigns: &[],
        };
        let span = sources.data_span();
        let mut group = c.benchmark_group("history");
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(8));
        group.throughput(Throughput::Elements(all.len() as u64));
        group.bench_function("summarise 1M orders, all time (348 months)", |b| {
            b.iter(|| black_box(summarise(sources, Period::AllTime.bounds(TODAY, span))))
        });
        group.bench_function("summarise 1M orders, last 365 days", |b| {
            b.iter(|| {
                black_box(summarise(
                    sources,
                    Period::LastDays(365).bounds(TODAY, span),
                ))
            })
        });
        group.bench_function("totals_by_month 1M orders, all time", |b| {
            let (from, to) = Period::AllTime.bounds(TODAY, span);
            b.iter(|| black_box(totals_by_month(&all, from, to)))
        });
        // What the Dashboard's job does now: the orders' per-page tallies
        // (pages of 500, as the store keeps them) parsed, added up and
        // summarised, instead of every order.
        let page_tallies: Vec<String> = all
            .chunks(500)
            .map(|page| {
                let mut tally = Tally::default();
                for order in page {
                    tally.add(&Fact::of_order(order));
                }
                serde_json::to_string(&tally).expect("a tally")
            })
            .collect();
        let bytes: usize = page_tallies.iter().map(String::len).sum();
        println!(
            "history: the tallies of 1M orders in {} pages: {:.1} MB of JSON",
            page_tallies.len(),
            bytes as f64 / 1e6
        );
        group.bench_function(
            "tallies of 1M orders: parse 2,000 pages, add up, summarise all time",
            |b| {
                b.iter(|| {
                    let mut orders = Tally::default();
                    for text in &page_tallies {
                        orders.absorb(serde_json::from_str(text).expect("a tally"));
                    }
                    let none = Tally::default();
                    let tallies = Tallies {
                        customers: &none,
                        orders: &orders,
                        deals: &none,
                        tickets: &none,
                    };
                    black_box(tallied::summarise(
                        tallies,
                        &pipeline,
                        &[],
                        Period::AllTime.bounds(TODAY, span),
                    ))
                })
            },
        );
        group.bench_function("data span and years of 1M orders", |b| {
            b.iter(|| black_box((sources.data_span(), sources.order_years())))
        });

        let rows = log(100_000);
        let first = import(rows.clone(), &[], &[]);
        let (changes, _) = first.into_change_set("Import", "log").expect("orders");
        let store = MemStore::new();
        run_ready(store.apply(&changes)).expect("stored");
        let stored: Vec<Order> = run_ready(store.all()).expect("orders");
        let customers: Vec<Customer> = run_ready(store.all()).expect("customers");
        assert_eq!(stored.len(), 100_000);
        group.throughput(Throughput::Elements(rows.len() as u64));
        group.bench_function(
            "re-import 100k-row log against its 100k stored orders",
            |b| {
                b.iter(|| {
                    let job = import(rows.clone(), &stored, &customers);
                    assert_eq!(job.summary().duplicates, 100_000);
                    black_box(job.summary())
                })
            },
        );
        group.bench_function("import 100k-row log, nothing stored", |b| {
            b.iter(|| black_box(import(rows.clone(), &[], &[]).summary()))
        });

        let labels: Vec<String> = (0..348)
            .map(|i| format!("M{:02} {:02}", i % 12, i / 12))
            .collect();
        group.throughput(Throughput::Elements(labels.len() as u64));
        group.bench_function("labelled_ticks, 348 months at 600 px", |b| {
            b.iter(|| black_box(labelled_ticks(&labels, 600.0, 12.0)))
        });
        group.finish();
    }

    criterion_group!(benches, bench_history);
}
