//! `analytics::ml` against scikit-learn: the fixture and the reference
//! values come from `tests/fixtures/analytics/make_reference.py` (300
//! customers, 5 features in 4 groups, income missing for 22).

use ndarray::{Array2, ArrayView2};
use rapport::analytics::ml::k_means::{self, Engine, KMeansInit, KMeansParams};
use rapport::analytics::ml::prepare::{self, missing_report, MissingHandling, StandardScaler};
use rapport::analytics::ml::silhouette::{silhouette, silhouette_of_rows, SilhouetteParams};
use rapport::analytics::ml::{no_progress, Feature, FeatureTable, MissingPolicy};
use rapport::model::Uuid;
use serde_json::Value;

const DIR: &str = "tests/fixtures/analytics";
const FEATURES: [Feature; 5] = [
    Feature::Age,
    Feature::Income,
    Feature::TenureDays,
    Feature::Orders,
    Feature::TotalSpent,
];

struct Fixture {
    table: FeatureTable,
    y_num: Vec<f64>,
    y_bin: Vec<bool>,
    y_cls: Vec<usize>,
    reference: Value,
}

fn fixture() -> Fixture {
    let mut reader = csv::Reader::from_path(format!("{DIR}/customers.csv")).unwrap();
    let mut cols = vec![Vec::new(); 5];
    let (mut y_num, mut y_bin, mut y_cls) = (Vec::new(), Vec::new(), Vec::new());
    for rec in reader.records() {
        let rec = rec.unwrap();
        for (j, col) in cols.iter_mut().enumerate() {
            col.push(rec[j].parse().unwrap_or(f64::NAN));
        }
        y_num.push(rec[5].parse().unwrap());
        y_bin.push(&rec[6] == "1");
        y_cls.push(rec[7].parse().unwrap());
    }
    let n = y_num.len();
    let mut columns = vec![vec![f64::NAN; n]; Feature::ALL.len()];
    for (f, col) in FEATURES.iter().zip(cols) {
        columns[f.index()] = col;
    }
    let ids = (0..n as u128).map(Uuid::from_u128).collect();
    let reference =
        serde_json::from_str(&std::fs::read_to_string(format!("{DIR}/reference.json")).unwrap())
            .unwrap();
    Fixture {
        table: FeatureTable::from_columns(ids, columns),
        y_num,
        y_bin,
        y_cls,
        reference,
    }
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

fn usizes(v: &Value) -> Vec<usize> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap() as usize)
        .collect()
}

fn matrix(v: &Value) -> Vec<Vec<f64>> {
    v.as_array().unwrap().iter().map(floats).collect()
}

fn assert_rel(actual: f64, expected: f64, tol: f64, what: &str) {
    let err = (actual - expected).abs() / expected.abs().max(1.0);
    assert!(
        err <= tol,
        "{what}: {actual} vs {expected} (relative {err:e})"
    );
}

fn assert_all_rel(actual: &[f64], expected: &[f64], tol: f64, what: &str) {
    assert_eq!(actual.len(), expected.len(), "{what}: length");
    for (i, (a, e)) in actual.iter().zip(expected).enumerate() {
        assert_rel(*a, *e, tol, &format!("{what}[{i}]"));
    }
}

/// The imputed, standardised matrix scikit-learn clusters.
fn scaled(f: &Fixture) -> Array2<f64> {
    let p = prepare::prepare(
        &f.table,
        &FEATURES,
        &MissingHandling::all(MissingPolicy::Impute),
        |_| true,
    )
    .unwrap();
    StandardScaler::fit(p.x.view()).transform(p.x.view())
}

fn init_centroids(x: ArrayView2<f64>, rows: &[usize]) -> KMeansInit {
    KMeansInit::Precomputed(rows.iter().map(|&r| x.row(r).to_vec()).collect())
}

mod clustering;
mod regression;
