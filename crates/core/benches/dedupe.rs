//! Benchmark of duplicate detection over 100,000 customers (demo data with
//! planted duplicates): building the blocking index, finding every pair,
//! and one import row's look-up.

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

    use criterion::{criterion_group, Criterion};
    use rapport_core::dedupe::{duplicates_of, find_duplicates, DuplicateIndex};
    use rapport_core::demo::{generate, DemoConfig};
    use rapport_core::model::{Customer, Uuid};

    fn customers() -> Vec<Customer> {
        let mut all = generate(
            DemoConfig {
                seed: 5,
                customers: 100_000,
            },
            1_700_000_000_000,
        )
        .customers;
        // Plant 2,000 near-copies (a dropped letter in the given name).
        for k in 0..2_000u128 {
            let mut copy = all[(k as usize * 37) % 100_000].clone();
            copy.meta.id = Uuid::from_u128(k + 1);
            copy.given_name = copy.given_name.chars().skip(1).collect();
            all.push(copy);
        }
        all
    }

    fn bench_dedupe(c: &mut Criterion) {
        let all = customers();
        let mut group = c.benchmark_group("dedupe");
        group.sample_size(10);
        group.bench_function("index 102k", |b| {
            b.iter(|| DuplicateIndex::new(black_box(&all)))
        });
        group.bench_function("find_duplicates 102k", |b| {
            b.iter(|| find_duplicates(black_box(&all), 0.7))
        });
        let index = DuplicateIndex::new(&all);
        let probe = all[12_345].clone();
        group.bench_function("duplicates_of one row", |b| {
            b.iter(|| duplicates_of(black_box(&probe), &index, 0.85))
        });
        group.finish();
    }

    criterion_group!(benches, bench_dedupe);
}
