//! Recommendations against NumPy: `tests/fixtures/insight/recommend.json`,
//! made by `make_reference.py` from `purchases.csv` (see its docstring).
//!
//! The cosine matrix is compared exactly up to 1e-12 (both sides divide the
//! same integer count by the same product of square roots). Ranked lists
//! are compared position by position on scores (1e-12), and on products
//! wherever the score is not tied (within 1e-12) with a neighbour, since
//! summation order may swap exactly tied entries.

use std::collections::HashMap;

use serde::Deserialize;

use super::fixtures::{fixture, purchase_orders};
use super::Recommender;
use crate::model::Uuid;

#[derive(Deserialize)]
struct Reference {
    products: Vec<String>,
    cosine: Vec<Vec<f64>>,
    also_bought: HashMap<String, Vec<(String, f64)>>,
    recommend_for: HashMap<Uuid, Vec<(String, f64)>>,
}

fn reference() -> Reference {
    serde_json::from_str(&fixture("recommend.json")).expect("recommend.json parses")
}

const TOL: f64 = 1e-12;

fn same_ranking(what: &str, got: &[(String, f64)], want: &[(String, f64)]) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (k, (g, w)) in got.iter().zip(want).enumerate() {
        assert!((g.1 - w.1).abs() < TOL, "{what} #{k}: {} vs {}", g.1, w.1);
        let tied = |i: usize| want.get(i).is_some_and(|o| (o.1 - w.1).abs() < TOL);
        let tied_before = k > 0 && tied(k - 1);
        if !tied_before && !tied(k + 1) {
            assert_eq!(g.0, w.0, "{what} #{k}");
        }
    }
}

#[test]
fn the_cosine_between_every_two_products_matches_numpy() {
    let want = reference();
    let rec = Recommender::new(&purchase_orders());
    assert_eq!(rec.products(), want.products.as_slice());
    for (i, a) in want.products.iter().enumerate() {
        for (j, b) in want.products.iter().enumerate() {
            let got = rec.similarity(a, b).expect("known products");
            assert!((got - want.cosine[i][j]).abs() < TOL, "{a} / {b}");
        }
    }
}

#[test]
fn also_bought_top_five_matches_numpy_for_every_product() {
    let want = reference();
    let rec = Recommender::new(&purchase_orders());
    for (product, top) in &want.also_bought {
        let got: Vec<(String, f64)> = rec
            .also_bought(product, 5)
            .into_iter()
            .map(|a| (a.product, a.score))
            .collect();
        same_ranking(product, &got, top);
    }
}

#[test]
fn recommendations_for_sixty_customers_match_numpy_and_name_a_bought_reason() {
    let want = reference();
    let rec = Recommender::new(&purchase_orders());
    assert_eq!(want.recommend_for.len(), 60);
    for (customer, top) in &want.recommend_for {
        let got = rec.recommend_for(*customer, 5);
        let pairs: Vec<(String, f64)> = got.iter().map(|r| (r.product.clone(), r.score)).collect();
        same_ranking(&customer.to_string(), &pairs, top);
        for r in &got {
            let (reason, score) = &r.because[0];
            assert_eq!(rec.similarity(reason, &r.product), Some(*score));
            let parts: f64 = r.because.iter().map(|b| b.1).sum();
            assert!(parts <= r.score + TOL);
        }
    }
}
