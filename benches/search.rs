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
    use rapport::model::{LifecycleStage, Uuid};
    use rapport::search::{Column, CustomerIndex, CustomerRow, ListQuery, Sort};

    const GIVEN: [&str; 8] = [
        "Ada", "Alan", "Grace", "Linus", "Barbara", "Ken", "Margaret", "Donald",
    ];
    const FAMILY: [&str; 8] = [
        "Lovelace", "Turing", "Hopper", "Torvalds", "Liskov", "Thompson", "Hamilton", "Knuth",
    ];

    fn synthetic(n: u32) -> CustomerRow {
        let (g, f) = (GIVEN[(n % 8) as usize], FAMILY[(n / 8 % 8) as usize]);
        CustomerRow {
            id: Uuid::from_u128(n as u128),
            name: format!("{g} {f}"),
            email: Some(format!(
                "{}.{}{n}@example{}.com",
                g.to_lowercase(),
                f.to_lowercase(),
                n % 50
            )),
            other_emails: Vec::new(),
            company: ["Acme Widgets", "Globex", "Initech Systems"][(n % 3) as usize].to_string(),
            phone: Some(format!("+1555{n:07}")),
            other_phones: Vec::new(),
            city: format!("City {}", n % 300),
            country: ["France", "China", "Brazil"][(n % 3) as usize].to_string(),
            stage: LifecycleStage::ALL[(n % 6) as usize],
            segment: (!n.is_multiple_of(4)).then(|| format!("Segment {}", n % 4)),
            tags: Vec::new(),
            created_at: 1_700_000_000_000 - n as i64 * 1_000,
            updated_at: 1_700_000_000_000,
            likelihood: Some((n % 100) as f64 / 100.0),
            custom: Vec::new(),
        }
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
