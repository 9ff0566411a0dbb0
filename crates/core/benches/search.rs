//! Benchmarks of the Customers list index at 100,000 rows: the build, a
//! keystroke's query, and a re-sort of every row.

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
    use rapport_core::search::synthetic::synthetic_row;
    use rapport_core::search::{Column, CustomerIndex, CustomerRow, ListQuery, Sort};

    fn synthetic(n: u32) -> CustomerRow {
        synthetic_row(n, 1_700_000_000_000)
    }

    fn bench_search(c: &mut Criterion) {
        let rows: Vec<CustomerRow> = (0..100_000).map(synthetic).collect();
        c.bench_function("build 100k", |b| {
            b.iter(|| CustomerIndex::build(black_box(rows.clone())))
        });
        let index = CustomerIndex::build(rows);
        let by_company = Sort {
            column: Column::Company,
            descending: false,
        };
        for text in ["a", "ada lov", "lovelace@ex", "0123"] {
            let q = ListQuery {
                text: text.to_string(),
                sort: by_company,
                ..ListQuery::default()
            };
            c.bench_function(&format!("query {text:?} 100k"), |b| {
                b.iter(|| index.query(black_box(&q)))
            });
        }
        let all = ListQuery {
            sort: Sort {
                column: Column::Name,
                descending: true,
            },
            ..ListQuery::default()
        };
        c.bench_function("sort all 100k by name", |b| {
            b.iter(|| index.query(black_box(&all)))
        });
    }

    criterion_group!(benches, bench_search);
}
