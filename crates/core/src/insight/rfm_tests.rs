//! RFM against pandas: `tests/fixtures/insight/rfm.csv`, made by
//! `make_reference.py` from `purchases.csv` (see its docstring).

use super::fixtures::{fixture, purchase_orders};
use super::rfm;
use crate::model::Uuid;

struct Expected {
    id: Uuid,
    recency: i64,
    frequency: usize,
    monetary: f64,
    scores: (u8, u8, u8),
    segment: String,
}

fn expected() -> Vec<Expected> {
    let text = fixture("rfm.csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    reader
        .records()
        .map(|row| {
            let row = row.expect("rfm.csv row");
            let n = |i: usize| row[i].parse::<u8>().expect("score");
            Expected {
                id: row[0].parse().expect("id"),
                recency: row[1].parse().expect("recency"),
                frequency: row[2].parse().expect("frequency"),
                monetary: row[3].parse().expect("monetary"),
                scores: (n(4), n(5), n(6)),
                segment: row[7].to_string(),
            }
        })
        .collect()
}

#[test]
fn every_customers_r_f_m_scores_and_segment_match_pandas() {
    let table = rfm(&purchase_orders(), None);
    let expected = expected();
    assert_eq!(table.customers.len(), expected.len());
    assert_eq!(
        table.customers.len(),
        2001,
        "n - 1 divisible by 5: edges on ranks"
    );
    let mut mismatches = Vec::new();
    for (got, want) in table.customers.iter().zip(&expected) {
        assert_eq!(got.customer_id, want.id);
        assert_eq!(
            (got.recency_days, got.frequency),
            (want.recency, want.frequency)
        );
        assert_eq!(got.monetary, want.monetary, "cents, exactly");
        let scores = (got.r, got.f, got.m);
        if scores != want.scores || got.segment.label() != want.segment {
            mismatches.push((got.customer_id, scores, want.scores, got.segment));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} differ: {:?}",
        mismatches.len(),
        &mismatches[..mismatches.len().min(5)]
    );
}

#[test]
fn the_fixture_has_ties_in_frequency_and_monetary() {
    let table = rfm(&purchase_orders(), None);
    let mut f: Vec<usize> = table.customers.iter().map(|c| c.frequency).collect();
    let mut m: Vec<i64> = table
        .customers
        .iter()
        .map(|c| (c.monetary * 100.0).round() as i64)
        .collect();
    f.sort_unstable();
    f.dedup();
    m.sort_unstable();
    m.dedup();
    assert!(
        f.len() < 200 && m.len() < 1900,
        "{} distinct f, {} distinct m",
        f.len(),
        m.len()
    );
}
