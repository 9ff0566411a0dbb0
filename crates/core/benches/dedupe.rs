//! Benchmark of duplicate detection over 100,000 customers with 2,000
//! planted near-copies: building the blocking index, finding every pair,
//! and one import row's look-up. Two populations: the demo generator's as
//! it is (about 2,000 Western and 600 Chinese full names, so many
//! namesakes), and the same with names spread more like real ones (family
//! names with one of eleven endings, most Chinese given names with a second
//! character).

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
    use rand::{Rng, SeedableRng};
    use rand_xoshiro::Xoshiro256PlusPlus;
    use rapport_core::dedupe::{duplicates_of, find_duplicates, DuplicateIndex};
    use rapport_core::demo::{generate, DemoConfig};
    use rapport_core::model::{Customer, Uuid};

    const ENDINGS: [&str; 11] = [
        "", "son", "ley", "ton", "er", "ford", "wood", "well", "by", "ham", "field",
    ];
    const SECOND: [&str; 12] = [
        "明", "华", "丽", "军", "平", "红", "玉", "兰", "英", "文", "杰", "刚",
    ];

    fn customers(varied: bool) -> Vec<Customer> {
        let mut all = generate(
            DemoConfig {
                seed: 5,
                customers: 100_000,
            },
            1_700_000_000_000,
        )
        .customers;
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(5);
        if varied {
            for c in &mut all {
                if c.family_name.is_ascii() {
                    c.family_name
                        .push_str(ENDINGS[rng.gen_range(0..ENDINGS.len())]);
                } else if rng.gen_bool(0.7) {
                    c.given_name
                        .push_str(SECOND[rng.gen_range(0..SECOND.len())]);
                }
            }
        }
        // Plant 2,000 near-copies (the given name's first letter dropped).
        for k in 0..2_000u128 {
            let mut copy = all[(k as usize * 37) % 100_000].clone();
            copy.meta.id = Uuid::from_u128(k + 1);
            copy.given_name = copy.given_name.chars().skip(1).collect();
            all.push(copy);
        }
        all
    }

    fn bench_dedupe(c: &mut Criterion) {
        for (name, varied) in [("demo names", false), ("varied names", true)] {
            let all = customers(varied);
            let mut group = c.benchmark_group(format!("dedupe 102k, {name}"));
            group.sample_size(10);
            group.bench_function("index", |b| b.iter(|| DuplicateIndex::new(black_box(&all))));
            group.bench_function("find_duplicates", |b| {
                b.iter(|| find_duplicates(black_box(&all), 0.7))
            });
            let index = DuplicateIndex::new(&all);
            let probe = all[12_345].clone();
            group.bench_function("duplicates_of one row", |b| {
                b.iter(|| duplicates_of(black_box(&probe), &index, 0.85))
            });
            group.finish();
        }
    }

    criterion_group!(benches, bench_dedupe);
}
