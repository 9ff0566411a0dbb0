//! Benchmark of customer insight at the scale: per-customer
//! summaries and RFM over 100,000 customers with 1,000,000 order lines,
//! the lifetime-value fit and predictions, recommendations built from the
//! same 1M lines, and centrality and layout at 10,000 relationships.
//! The data is synthetic and seeded (`insight::synthetic`, which the
//! in-browser bench times too: Zipf-like product popularity, each customer
//! with a favourite range and an active span within three years).

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
    use std::time::{Duration, Instant};

    use criterion::{criterion_group, Criterion};
    use rapport_core::insight::{
        customer_summaries, predict_clv, rfm, synthetic, ClvParams, EigenParams, LayoutParams,
        Network, Recommender,
    };
    use rapport_core::model::{Order, Relationship, Uuid};
    use time::macros::date;

    const CUSTOMERS: u128 = 100_000;

    fn orders() -> Vec<Order> {
        synthetic::orders(CUSTOMERS)
    }

    fn relationships() -> Vec<Relationship> {
        synthetic::relationships(10_000)
    }

    fn once<T>(what: &str, f: impl FnOnce() -> T) -> T {
        let t = Instant::now();
        let out = f();
        println!(
            "{what}: {:.0} ms (one run)",
            t.elapsed().as_secs_f64() * 1e3
        );
        out
    }

    fn bench_insight(c: &mut Criterion) {
        let orders = orders();
        let lines: usize = orders.iter().map(|o| o.line_items.len()).sum();
        println!(
            "{} orders, {lines} lines, {CUSTOMERS} customers",
            orders.len()
        );
        let as_of = date!(2025 - 01 - 01);
        let clv = once("CLV fit + predictions", || {
            predict_clv(&orders, &ClvParams::default()).expect("fits")
        });
        println!(
            "  BG/NBD {:?}\n  Gamma-Gamma {:?}",
            clv.bgnbd, clv.gamma_gamma
        );

        let mut g = c.benchmark_group("insight 100k customers, 1M lines");
        g.sample_size(10).measurement_time(Duration::from_secs(8));
        g.bench_function("customer_summaries", |b| {
            b.iter(|| customer_summaries(black_box(&orders), as_of))
        });
        g.bench_function("rfm", |b| b.iter(|| rfm(black_box(&orders), None)));
        g.bench_function("clv fit + predictions", |b| {
            b.iter(|| predict_clv(black_box(&orders), &ClvParams::default()))
        });
        g.bench_function("recommender build", |b| {
            b.iter(|| Recommender::new(black_box(&orders)))
        });
        let rec = Recommender::new(&orders);
        let someone = Uuid::from_u128(4_242);
        g.bench_function("recommend_for one customer", |b| {
            b.iter(|| rec.recommend_for(black_box(someone), 10))
        });
        g.bench_function("also_bought one product", |b| {
            b.iter(|| rec.also_bought(black_box("Product 17"), 10))
        });
        g.finish();

        let rels = relationships();
        let net = Network::new(&rels);
        println!(
            "network: {} nodes, {} edges",
            net.nodes().len(),
            net.edge_count()
        );
        let mut g = c.benchmark_group("insight network, 10k relationships");
        g.sample_size(10).measurement_time(Duration::from_secs(8));
        g.bench_function("build", |b| b.iter(|| Network::new(black_box(&rels))));
        g.bench_function("betweenness", |b| b.iter(|| net.betweenness()));
        g.bench_function("eigenvector", |b| {
            b.iter(|| net.eigenvector(&EigenParams::default()))
        });
        g.bench_function("centrality (betweenness + eigenvector)", |b| {
            b.iter(|| net.centrality(&EigenParams::default()))
        });
        g.bench_function("layout (100 iterations)", |b| {
            b.iter(|| net.layout(&LayoutParams::default()))
        });
        g.finish();
    }

    criterion_group!(benches, bench_insight);
}
