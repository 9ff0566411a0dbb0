//! The network against NetworkX: `tests/fixtures/insight/network.json`, made
//! by `make_reference.py` (see its docstring): 500 nodes, ~1,500 edges, six
//! components, some links written twice in reverse; and
//! `network_trees.json`, a tree-rich graph (782 nodes, 46 of them in the
//! 2-core) for the closed-form counting of the trees: pendant trees of
//! uneven sizes on a core with many equal shortest paths, chains hanging
//! off it and bridging it, whole-tree components, and a strength on every
//! link (ignored). Centralities within 1e-6 (measured differences are at
//! rounding level, ~1e-15).

use std::collections::HashMap;

use serde::Deserialize;

use super::fixtures::fixture;
use super::network::{EigenParams, Network, NetworkError};
use crate::model::{Relationship, RelationshipKind, Uuid};

#[derive(Deserialize)]
struct Reference {
    edges: Vec<(Uuid, Uuid)>,
    /// Each link's strength (0.5 where the fixture gives none).
    #[serde(default)]
    strength: Vec<f64>,
    betweenness: HashMap<Uuid, f64>,
    eigenvector: HashMap<Uuid, f64>,
    #[serde(default)]
    components: usize,
}

fn reference() -> Reference {
    load("network.json")
}

fn trees() -> Reference {
    load("network_trees.json")
}

fn load(name: &str) -> Reference {
    serde_json::from_str(&fixture(name)).unwrap_or_else(|e| panic!("{name} parses: {e}"))
}

fn relationships(want: &Reference) -> Vec<Relationship> {
    want.edges
        .iter()
        .enumerate()
        .map(|(i, &(a, b))| {
            let kind = RelationshipKind::ALL[i % RelationshipKind::ALL.len()];
            let strength = want.strength.get(i).copied().unwrap_or(0.5);
            Relationship::new(
                Uuid::from_u128(1 << 100 | i as u128),
                0,
                a,
                b,
                kind,
                strength,
            )
        })
        .collect()
}

/// The largest difference between `got` (per node of `net`) and `want`.
fn worst(net: &Network, got: &[f64], want: &HashMap<Uuid, f64>) -> f64 {
    assert_eq!(got.len(), want.len());
    net.nodes()
        .iter()
        .zip(got)
        .map(|(id, g)| (g - want[id]).abs())
        .fold(0.0, f64::max)
}

const NX: EigenParams = EigenParams {
    max_iter: 1000,
    tol: 1e-9,
};

#[test]
fn betweenness_matches_networkx_within_1e_6() {
    let want = reference();
    let net = Network::new(&relationships(&want));
    assert_eq!(net.nodes().len(), want.betweenness.len());
    let worst = worst(&net, &net.betweenness(), &want.betweenness);
    eprintln!("largest difference from NetworkX: {worst:e}");
    assert!(worst < 1e-6, "largest difference {worst:e}");
}

#[test]
fn eigenvector_centrality_matches_networkx_within_1e_6() {
    let want = reference();
    let net = Network::new(&relationships(&want));
    let got = net.eigenvector(&NX).expect("converges as NetworkX did");
    let worst = worst(&net, &got, &want.eigenvector);
    eprintln!("largest difference from NetworkX: {worst:e}");
    assert!(worst < 1e-6, "largest difference {worst:e}");
}

#[test]
fn betweenness_on_a_tree_rich_graph_matches_networkx_within_1e_6() {
    let want = trees();
    let net = Network::new(&relationships(&want));
    assert_eq!(net.nodes().len(), want.betweenness.len());
    assert_eq!(want.components, 5);
    // Most nodes hang in trees: the closed form, not Brandes, scores them.
    let leaves = net
        .nodes()
        .iter()
        .filter(|id| net.neighbours(**id).len() == 1);
    assert!(leaves.count() > net.nodes().len() / 3);
    let worst = worst(&net, &net.betweenness(), &want.betweenness);
    eprintln!("largest difference from NetworkX: {worst:e}");
    assert!(worst < 1e-6, "largest difference {worst:e}");
}

#[test]
fn eigenvector_centrality_on_a_tree_rich_graph_matches_networkx_within_1e_6() {
    let want = trees();
    let net = Network::new(&relationships(&want));
    let got = net.eigenvector(&NX).expect("converges as NetworkX did");
    let worst = worst(&net, &got, &want.eigenvector);
    eprintln!("largest difference from NetworkX: {worst:e}");
    assert!(worst < 1e-6, "largest difference {worst:e}");
}

#[test]
fn too_few_iterations_is_a_typed_not_converged_error() {
    let net = Network::new(&relationships(&reference()));
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
    let net = Network::new(&relationships(&want));
    let top = net.centrality(&NX).expect("converges");
    let best = top.most_influential(5);
    assert_eq!(best.len(), 5);
    let max = want.eigenvector.values().copied().fold(0.0, f64::max);
    assert!((best[0].eigenvector - max).abs() < 1e-6);
    assert!(best
        .windows(2)
        .all(|w| w[0].eigenvector >= w[1].eigenvector));
}
