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
