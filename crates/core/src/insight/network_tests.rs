//! The network against NetworkX: `tests/fixtures/insight/network.json`, made
//! by `make_reference.py` (see its docstring): 500 nodes, ~1,500 edges, six
//! components, some links written twice in reverse. Centralities within 1e-6
//! (measured differences are at rounding level, ~1e-15).

use std::collections::HashMap;

use serde::Deserialize;

use super::fixtures::fixture;
use super::network::{EigenParams, Network, NetworkError};
use crate::model::{Relationship, RelationshipKind, Uuid};

#[derive(Deserialize)]
struct Reference {
    edges: Vec<(Uuid, Uuid)>,
    betweenness: HashMap<Uuid, f64>,
    eigenvector: HashMap<Uuid, f64>,
}

fn reference() -> Reference {
    serde_json::from_str(&fixture("network.json")).expect("network.json parses")
}

fn relationships(edges: &[(Uuid, Uuid)]) -> Vec<Relationship> {
    edges
        .iter()
        .enumerate()
        .map(|(i, &(a, b))| {
            let kind = RelationshipKind::ALL[i % RelationshipKind::ALL.len()];
            Relationship::new(Uuid::from_u128(1 << 100 | i as u128), 0, a, b, kind, 0.5)
        })
        .collect()
}

const NX: EigenParams = EigenParams {
    max_iter: 1000,
    tol: 1e-9,
};

#[test]
fn betweenness_matches_networkx_within_1e_6() {
    let want = reference();
    let net = Network::new(&relationships(&want.edges));
    assert_eq!(net.nodes().len(), want.betweenness.len());
    let got = net.betweenness();
    let worst = net
        .nodes()
        .iter()
        .zip(&got)
        .map(|(id, g)| (g - want.betweenness[id]).abs())
        .fold(0.0, f64::max);
    eprintln!("largest difference from NetworkX: {worst:e}");
    assert!(worst < 1e-6, "largest difference {worst:e}");
}

#[test]
fn eigenvector_centrality_matches_networkx_within_1e_6() {
    let want = reference();
    let net = Network::new(&relationships(&want.edges));
    let got = net.eigenvector(&NX).expect("converges as NetworkX did");
    let worst = net
        .nodes()
        .iter()
        .zip(&got)
        .map(|(id, g)| (g - want.eigenvector[id]).abs())
        .fold(0.0, f64::max);
    eprintln!("largest difference from NetworkX: {worst:e}");
    assert!(worst < 1e-6, "largest difference {worst:e}");
}

#[test]
fn too_few_iterations_is_a_typed_not_converged_error() {
    let net = Network::new(&relationships(&reference().edges));
    let few = EigenParams {
        max_iter: 3,
        tol: 1e-12,
    };
    assert_eq!(
        net.eigenvector(&few),
        Err(NetworkError::NotConverged { iterations: 3 })
    );
    assert_eq!(Network::new(&[]).eigenvector(&NX), Err(NetworkError::Empty));
}

#[test]
fn the_most_influential_are_ranked_by_eigenvector_centrality() {
    let want = reference();
    let net = Network::new(&relationships(&want.edges));
    let top = net.centrality(&NX).expect("converges");
    let best = top.most_influential(5);
    assert_eq!(best.len(), 5);
    let max = want.eigenvector.values().copied().fold(0.0, f64::max);
    assert!((best[0].eigenvector - max).abs() < 1e-6);
    assert!(best
        .windows(2)
        .all(|w| w[0].eigenvector >= w[1].eigenvector));
}
