//! Benchmark of customer insight at the scale: per-customer
//! summaries and RFM over 100,000 customers with 1,000,000 order lines,
//! the lifetime-value fit and predictions, recommendations built from the
//! same 1M lines, and centrality and layout at 10,000 relationships.
//! The data is synthetic and seeded (Zipf-like product popularity, each
//! customer with a favourite range and an active span within three years).

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
    use rand::{Rng, SeedableRng};
    use rand_xoshiro::Xoshiro256PlusPlus;
    use rapport_core::insight::{
        customer_summaries, predict_clv, rfm, ClvParams, EigenParams, LayoutParams, Network,
        Recommender,
    };
    use rapport_core::model::{LineItem, Order, OrderStatus, Relationship, RelationshipKind, Uuid};
    use time::macros::date;

    const CUSTOMERS: u128 = 100_000;
    const PRODUCTS: usize = 2_000;

    /// 100,000 customers' orders, about 1,000,000 lines in all: each
    /// customer arrives in the first year, buys at their own rate (skewed:
    /// a few buy very often) and drops out after each purchase with their
    /// own probability, as BG/NBD supposes; 1–4 lines per order.
    fn orders() -> Vec<Order> {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(11);
        let start = date!(2022 - 01 - 01);
        let mut orders = Vec::new();
        for customer in 1..=CUSTOMERS {
            let who = Uuid::from_u128(customer);
            let range = (customer as usize * 7919) % PRODUCTS;
            let rate = 0.002 + 0.1 * rng.gen::<f64>().powi(3);
            let drop = rng.gen_range(0.03..0.5);
            // How much they spend per item varies between customers, as
            // Gamma-Gamma supposes.
            let price = 2.0 + 40.0 * rng.gen::<f64>().powi(2);
            let mut day = rng.gen_range(0..365i64);
            while day < 1095 {
                let n_lines = rng.gen_range(1..=4);
                let items = (0..n_lines)
                    .map(|_| {
                        let p = if rng.gen_bool(0.6) {
                            (range + rng.gen_range(0..20)) % PRODUCTS
                        } else {
                            // Zipf-like popularity: low numbers far more often.
                            (rng.gen::<f64>().powi(3) * PRODUCTS as f64) as usize
                        };
                        LineItem::new(format!("Product {p}"), rng.gen_range(1..4) as f64, price)
                    })
                    .collect();
                orders.push(Order::new(
                    Uuid::from_u128(1 << 64 | orders.len() as u128),
                    0,
                    who,
                    start + time::Duration::days(day),
                    OrderStatus::Order,
                    items,
                    "EUR",
                ));
                if rng.gen_bool(drop) {
                    break;
                }
                let gap = -(1.0 - rng.gen::<f64>()).ln() / rate;
                day += 1 + gap.min(10_000.0) as i64;
            }
        }
        orders
    }

    /// 10,000 links among 8,000 customers (preferential: a few hubs).
    fn relationships() -> Vec<Relationship> {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(12);
        (0..10_000u128)
            .map(|i| {
                let a = rng.gen_range(1..=8_000u128);
                let b = (rng.gen::<f64>().powi(2) * 8_000.0) as u128 + 1;
                let b = if a == b { b % 8_000 + 1 } else { b };
                Relationship::new(
                    Uuid::from_u128(1 << 80 | i),
                    0,
                    Uuid::from_u128(a),
                    Uuid::from_u128(b),
                    RelationshipKind::ALL[i as usize % 4],
                    0.5,
                )
            })
            .collect()
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
