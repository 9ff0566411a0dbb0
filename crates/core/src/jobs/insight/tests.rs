use super::*;
use crate::insight::{rfm, Recommender};
use crate::jobs::analyses::tests::{demo_store, run_ready, NOW};
use crate::jobs::{run_named, Job};
use crate::store::{MemStore, Store};
use std::collections::HashSet;

fn run<J: Job>(store: &MemStore, input: J::Input) -> J::Output {
    let input = serde_json::to_string(&input).unwrap();
    let out = run_ready(run_named(store, J::NAME, &input, NOW, &mut |_, _| {})).unwrap();
    serde_json::from_str(&out).unwrap()
}

/// The purchases of live customers (a trashed customer's do not count).
fn purchases(store: &MemStore) -> Vec<Order> {
    let customers: Vec<Customer> = run_ready(store.all()).unwrap();
    let live: HashSet<Id> = customers
        .iter()
        .filter(|c| !c.is_deleted())
        .map(|c| c.meta.id)
        .collect();
    let orders: Vec<Order> = run_ready(store.all()).unwrap();
    orders
        .into_iter()
        .filter(|o| insight::is_purchase(o) && live.contains(&o.customer_id))
        .collect()
}

#[test]
fn the_overview_scores_every_buyer_as_rfm_does_and_sums_its_segments() {
    let store = demo_store(400);
    let overview = run::<InsightJob>(&store, InsightInput::default());
    let orders = purchases(&store);
    let table = rfm(&orders, None);
    assert_eq!(overview.as_of, table.as_of);
    assert_eq!(overview.customers.len(), table.customers.len());
    assert!(!overview.customers.is_empty());
    for (mine, reference) in overview.customers.iter().zip(&table.customers) {
        assert_eq!(mine.customer_id, reference.customer_id);
        assert_eq!(mine.rfm, (reference.r, reference.f, reference.m));
        assert_eq!(mine.segment, reference.segment);
        assert_eq!(mine.days_since_last, reference.recency_days);
        assert_eq!(overview.customer(&mine.customer_id), Some(mine));
    }
    let counted: usize = overview.segments.iter().map(|s| s.1).sum();
    assert_eq!(counted, overview.customers.len());
    let in_heatmap: usize = overview.heatmap.iter().flatten().map(|c| c.customers).sum();
    assert_eq!(in_heatmap, overview.customers.len());
    let model = overview
        .clv
        .as_ref()
        .expect("the demo's history fits a model");
    let predicted: f64 = overview
        .customers
        .iter()
        .filter_map(|c| c.predicted_value)
        .sum();
    assert!((model.total_predicted - predicted).abs() < 1e-6 * predicted.max(1.0));
}

#[test]
fn a_trashed_customer_drops_out_of_the_overview() {
    let store = demo_store(200);
    let before = run::<InsightJob>(&store, InsightInput::default());
    let gone = before.customers[0].customer_id;
    let changes = run_ready(crate::ops::records::trash_customer(&store, gone, NOW)).unwrap();
    run_ready(store.apply(&changes)).unwrap();
    let after = run::<InsightJob>(&store, InsightInput::default());
    assert!(after.customer(&gone).is_none());
    assert_eq!(after.customers.len(), before.customers.len() - 1);
}

#[test]
fn recommendations_from_the_job_are_the_recommenders() {
    let store = demo_store(300);
    let orders = purchases(&store);
    let buyer = orders[0].customer_id;
    let mine = run::<RecommendJob>(
        &store,
        RecommendInput {
            customer_id: buyer,
            k: 5,
        },
    );
    assert_eq!(mine, Recommender::new(&orders).recommend_for(buyer, 5));
    let bought: HashSet<&str> = orders
        .iter()
        .filter(|o| o.customer_id == buyer)
        .flat_map(|o| o.line_items.iter().map(|l| l.product.as_str()))
        .collect();
    for r in &mine {
        assert!(
            !bought.contains(r.product.as_str()),
            "{} was bought already",
            r.product
        );
    }
}

#[test]
fn the_network_report_names_every_linked_customer_with_its_centralities() {
    let store = demo_store(300);
    let report = run::<NetworkJob>(&store, ());
    let links: Vec<Relationship> = run_ready(store.all()).unwrap();
    let linked: HashSet<Id> = links
        .iter()
        .filter(|l| !l.is_deleted())
        .flat_map(|l| [l.from, l.to])
        .collect();
    assert!(!report.nodes.is_empty());
    assert_eq!(report.nodes.len(), linked.len());
    let network = Network::new(&links);
    let betweenness = network.betweenness();
    for (i, node) in report.nodes.iter().enumerate() {
        assert!(linked.contains(&node.customer_id));
        assert!(!node.name.is_empty());
        assert_eq!(node.betweenness, betweenness[i]);
        assert!(node.at.iter().all(|x| (0.0..=1.0).contains(x)));
    }
    for &(a, b) in &report.edges {
        assert!(a < report.nodes.len() && b < report.nodes.len());
    }
}

#[test]
fn each_buyer_carries_the_lifetime_models_predictions() {
    let store = demo_store(400);
    let overview = run::<InsightJob>(&store, InsightInput::default());
    let orders = purchases(&store);
    let params = crate::insight::ClvParams {
        observation_end: overview.as_of,
        ..crate::insight::ClvParams::default()
    };
    let model = crate::insight::predict_clv(&orders, &params).expect("the demo fits a model");
    let mut predicted = 0;
    for p in &model.customers {
        let Some(mine) = overview.customer(&p.customer_id) else {
            continue;
        };
        predicted += 1;
        // Equal up to the last bit JSON may round off on the way back.
        let same = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() <= 1e-12 * b.abs());
        assert!(same(mine.predicted_value, p.predicted_value));
        assert!(same(mine.predicted_purchases, p.expected_purchases));
        assert!(same(mine.probability_alive, p.probability_alive));
    }
    assert_eq!(
        predicted,
        overview
            .customers
            .iter()
            .filter(|c| c.predicted_purchases.is_some())
            .count()
    );
    assert!(predicted > 0);
}
