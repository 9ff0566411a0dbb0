//! Tests at realistic scale: demo customers, and 100,000 synthetic rows.

use std::time::Instant;

use super::*;

const NOW: i64 = 1_700_000_000_000;

fn search(index: &CustomerIndex, text: &str) -> Vec<Id> {
    index.query(&ListQuery {
        text: text.into(),
        ..ListQuery::default()
    })
}

#[test]
fn demo_customers_are_found_by_email_and_family_name() {
    let batch = crate::demo::generate(
        crate::demo::DemoConfig {
            seed: 3,
            customers: 300,
        },
        NOW,
    );
    let index = CustomerIndex::build(batch.customers.iter().map(CustomerRow::from_customer));
    assert_eq!(index.len(), 300);
    for c in &batch.customers {
        if let Some(email) = c.primary_email() {
            assert!(search(&index, email).contains(&c.meta.id), "{email}");
        }
        if !c.family_name.trim().is_empty() {
            let family = c.family_name.trim();
            assert!(search(&index, family).contains(&c.meta.id), "{family}");
        }
    }
}

fn synthetic(n: u32) -> CustomerRow {
    super::synthetic::synthetic_row(n, NOW)
}

#[test]
fn build_of_100_000_rows_answers_ten_keystrokes() {
    let rows: Vec<CustomerRow> = (0..100_000).map(synthetic).collect();
    let start = Instant::now();
    let index = CustomerIndex::build(rows);
    let built = start.elapsed();
    assert_eq!(index.len(), 100_000);
    let sort = Sort {
        column: Column::Company,
        descending: true,
    };
    let keystrokes = [
        "a",
        "ad",
        "ada",
        "ada l",
        "ada lo",
        "ada lov",
        "ada love",
        "ada lovelace",
        "ada.lovelace",
        "ada 0001232",
    ];
    let expected = [
        None,
        Some(12_500),
        Some(12_500),
        Some(3_125),
        Some(1_563),
        Some(1_563),
        Some(1_563),
        Some(1_563),
        Some(1_563),
        Some(1),
    ];
    let start = Instant::now();
    for (text, want) in keystrokes.iter().zip(expected) {
        let got = index.query(&ListQuery {
            text: text.to_string(),
            sort,
            ..ListQuery::default()
        });
        if let Some(want) = want {
            assert_eq!(got.len(), want, "{text}");
        }
        assert!(!got.is_empty());
        for id in got.iter().take(30) {
            let row = index.get(id).expect("query returns live ids");
            assert!(
                row.name.to_lowercase().contains(&text[..1]),
                "{text}: {}",
                row.name
            );
        }
    }
    let typed = start.elapsed();
    let start = Instant::now();
    let all = index.query(&ListQuery {
        sort: Sort {
            column: Column::Name,
            descending: false,
        },
        ..ListQuery::default()
    });
    assert_eq!(all.len(), 100_000);
    println!("100k rows (debug build): build {built:?}, 10 keystrokes {typed:?} (incl. first Company ranking), sort all by name {:?}", start.elapsed());
}

/// The demo's customers (CJK names among them) and synthetic rows: the
/// rows an index of real and made-up data is built from.
fn mixed_rows() -> Vec<CustomerRow> {
    let batch = crate::demo::generate(
        crate::demo::DemoConfig {
            seed: 11,
            customers: 600,
        },
        NOW,
    );
    batch
        .customers
        .iter()
        .map(CustomerRow::from_customer)
        .chain((0..3_000).map(synthetic))
        .collect()
}

fn built_in_slices(rows: &[CustomerRow], slice: usize) -> CustomerIndex {
    let mut builder = IndexBuilder::new();
    for chunk in rows.chunks(slice) {
        builder.add(chunk.iter().cloned());
    }
    builder.finish()
}

#[test]
fn an_index_built_in_slices_equals_one_built_at_once() {
    let rows = mixed_rows();
    let whole = CustomerIndex::build(rows.clone());
    for slice in [1, 7, 500, rows.len()] {
        let sliced = built_in_slices(&rows, slice);
        assert_eq!(sliced.table, whole.table, "slices of {slice}");
        assert_eq!(sliced.slots, whole.slots, "slices of {slice}");
        assert_eq!(sliced.by_id, whole.by_id, "slices of {slice}");
        assert_eq!(sliced.in_table, whole.in_table, "slices of {slice}");
        for text in ["ada", "lovelace", "example3", "0123", "王", "gmail", ""] {
            assert_eq!(search(&sliced, text), search(&whole, text), "{text:?}");
        }
    }
}

#[test]
fn a_row_met_again_in_a_later_slice_replaces_the_earlier_one() {
    let rows = mixed_rows();
    let mut renamed = rows[5].clone();
    renamed.name = "Zebulon Quartermaine".into();
    renamed.email = Some("zq@elsewhere.test".into());
    let old_email = rows[5]
        .email
        .clone()
        .expect("the demo's customers have emails");
    let mut builder = IndexBuilder::new();
    builder.add(rows[..100].iter().cloned());
    builder.add(std::iter::once(renamed.clone()));
    builder.add(rows[100..].iter().cloned());
    assert_eq!(builder.len(), rows.len());
    let sliced = builder.finish();

    let mut in_order = rows.clone();
    in_order.insert(100, renamed.clone());
    let whole = CustomerIndex::build(in_order);
    assert_eq!(sliced.table, whole.table);
    assert_eq!(sliced.slots, whole.slots);
    assert_eq!(search(&sliced, "zebulon"), vec![renamed.id]);
    assert!(!search(&sliced, &old_email).contains(&renamed.id));
    assert_eq!(sliced.get(&renamed.id), Some(&renamed));
}
