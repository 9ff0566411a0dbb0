//! The port against `vaderSentiment` 3.3.2's own output
//! (`tests/fixtures/sentiment/vader_reference.json`, made by
//! `make_reference.py` beside it).

use super::*;

#[derive(Deserialize)]
struct Row {
    text: String,
    scores: VaderScores,
    unrounded: VaderScores,
}

fn reference() -> Vec<Row> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sentiment/vader_reference.json"
    );
    let json = std::fs::read_to_string(path).expect("fixture is committed");
    serde_json::from_str(&json).expect("fixture is valid JSON")
}

#[test]
fn every_reference_sentence_matches_polarity_scores() {
    let rows = reference();
    assert!(rows.len() >= 400, "{} sentences", rows.len());
    let mut failures = Vec::new();
    for row in &rows {
        let got = vader(&row.text);
        let raw = vader_unrounded(&row.text);
        let want = row.scores;
        let ok = (got.compound - want.compound).abs() <= 1e-6
            && (raw.compound - row.unrounded.compound).abs() <= 1e-6
            && (got.neg - want.neg).abs() <= 1e-3
            && (got.neu - want.neu).abs() <= 1e-3
            && (got.pos - want.pos).abs() <= 1e-3;
        if !ok {
            failures.push(format!(
                "{:?}: got {got:?} (unrounded {raw:?}), want {want:?} (unrounded {:?})",
                row.text, row.unrounded
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

#[test]
fn rounded_scores_equal_the_reference_exactly() {
    // Python's round and the port's agree digit for digit, not just within
    // the tolerance above.
    for row in reference() {
        assert_eq!(vader(&row.text), row.scores, "{:?}", row.text);
    }
}

#[test]
fn lexicons_parse_completely() {
    assert_eq!(lexicon().len(), 7506);
    assert_eq!(lexicon().get("good"), Some(&1.9));
    assert!(emojis().len() > 1000);
    assert_eq!(emojis().get(&'😁'), Some(&"beaming face with smiling eyes"));
}

#[test]
fn normalize_is_the_alpha_15_curve() {
    assert_eq!(normalize(0.0), 0.0);
    assert!((normalize(1.0) - 0.25).abs() < 1e-12);
    assert!((normalize(-4.0) + 4.0 / 31f64.sqrt()).abs() < 1e-12);
    assert!(normalize(1e300) <= 1.0);
}
