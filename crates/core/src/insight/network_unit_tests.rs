//! Unit tests of [`super`]: merging links, betweenness against its
//! definition (on graphs whose trees are folded and whose core is searched),
//! neighbourhoods.

use super::*;
use crate::model::{RelationshipKind, Uuid};

pub(super) fn link(a: u128, b: u128) -> Relationship {
    Relationship::new(
        Uuid::new_v4(),
        0,
        Uuid::from_u128(a),
        Uuid::from_u128(b),
        RelationshipKind::Referred,
        1.0,
    )
}

#[test]
fn repeated_reversed_self_and_trashed_links_are_merged_or_skipped() {
    let mut trashed = link(1, 4);
    trashed.meta.soft_delete(1);
    let net = Network::new(&[link(1, 2), link(2, 1), link(2, 3), link(3, 3), trashed]);
    assert_eq!((net.nodes().len(), net.edge_count()), (3, 2));
    assert_eq!(net.neighbours(Uuid::from_u128(2)).len(), 2);
}

#[test]
fn the_middle_of_a_path_has_all_the_betweenness() {
    // 1 - 2 - 3: node 2 lies on the one path between 1 and 3.
    let net = Network::new(&[link(1, 2), link(2, 3)]);
    assert_eq!(net.betweenness(), vec![0.0, 1.0, 0.0]);
}

/// Betweenness by definition: for every pair (s, t), the share of
/// shortest s–t paths through v, from all-pairs BFS counts.
pub(super) fn brute_force_betweenness(net: &Network) -> Vec<f64> {
    let n = net.nodes().len();
    let bfs = |s: usize| {
        let (mut d, mut sigma) = (vec![usize::MAX; n], vec![0.0; n]);
        let mut queue = std::collections::VecDeque::from([s]);
        (d[s], sigma[s]) = (0, 1.0);
        while let Some(v) = queue.pop_front() {
            for &w in net.neighbours_of(v) {
                let w = w as usize;
                if d[w] == usize::MAX {
                    d[w] = d[v] + 1;
                    queue.push_back(w);
                }
                if d[w] == d[v] + 1 {
                    sigma[w] += sigma[v];
                }
            }
        }
        (d, sigma)
    };
    let all: Vec<_> = (0..n).map(bfs).collect();
    let mut bc = vec![0.0; n];
    for s in 0..n {
        for t in (0..n).filter(|&t| t != s && all[s].0[t] != usize::MAX) {
            for v in (0..n).filter(|&v| v != s && v != t) {
                if all[s].0[v] != usize::MAX && all[s].0[v] + all[v].0[t] == all[s].0[t] {
                    bc[v] += all[s].1[v] * all[v].1[t] / all[s].1[t];
                }
            }
        }
    }
    let scale = 1.0 / ((n - 1) * (n - 2)) as f64;
    bc.iter().map(|v| v * scale).collect()
}

#[test]
fn betweenness_with_trees_folded_equals_the_definition() {
    use rand::{Rng, SeedableRng};
    let mut rng = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(3);
    // A cycle with chords, trees hanging off it, a separate pair and star.
    let mut links: Vec<Relationship> = (1..=12).map(|i| link(i, i % 12 + 1)).collect();
    links.extend((0..4).map(|_| link(rng.gen_range(1..=12), rng.gen_range(1..=12))));
    links.extend((13..=30).map(|i| link(i, rng.gen_range(1..i))));
    links.extend([link(40, 41), link(50, 51), link(50, 52), link(50, 53)]);
    let net = Network::new(&links);
    let want = brute_force_betweenness(&net);
    for (g, w) in net.betweenness().iter().zip(&want) {
        assert!((g - w).abs() < 1e-12, "{g} vs {w}");
    }
}

/// A seeded random graph on nodes `1..=n` with about `links` links (each
/// to an earlier node, preferring low numbers when `skew` > 1): sparse ones
/// are mostly trees, denser ones have a core with trees hanging off it.
fn random_links(seed: u64, n: u128, links: usize, skew: i32) -> Vec<Relationship> {
    use rand::{Rng, SeedableRng};
    let mut rng = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(seed);
    (0..links)
        .map(|_| {
            let a = rng.gen_range(2..=n);
            let b = (rng.gen::<f64>().powi(skew) * (a - 1) as f64) as u128 + 1;
            link(a, b)
        })
        .collect()
}

fn assert_betweenness_is_the_definition(links: &[Relationship]) {
    let net = Network::new(links);
    let want = brute_force_betweenness(&net);
    let got = net.betweenness();
    assert_eq!(got.len(), want.len());
    for (v, (g, w)) in got.iter().zip(&want).enumerate() {
        assert!(
            (g - w).abs() <= 1e-12 * w.abs().max(1.0),
            "node {v}: {g} vs {w}"
        );
    }
}

#[test]
fn betweenness_of_random_forests_and_cored_graphs_equals_the_definition() {
    for seed in 0..40 {
        let n = 5 + seed as u128 * 2;
        let links = [
            n as usize / 2,
            n as usize,
            n as usize * 3 / 2,
            n as usize * 3,
        ][seed as usize % 4];
        assert_betweenness_is_the_definition(&random_links(seed, n, links, 1 + seed as i32 % 3));
    }
}

#[test]
fn betweenness_of_trees_cycles_and_pairs_equals_the_definition() {
    let path: Vec<Relationship> = (1..8).map(|i| link(i, i + 1)).collect();
    let star: Vec<Relationship> = (2..9).map(|i| link(1, i)).collect();
    let cycle: Vec<Relationship> = (1..=7).map(|i| link(i, i % 7 + 1)).collect();
    // Two triangles joined by a path, with a tail on each and a pair apart.
    let barbell = [
        (1, 2),
        (2, 3),
        (3, 1),
        (3, 4),
        (4, 5),
        (5, 6),
        (6, 7),
        (7, 5),
    ]
    .into_iter()
    .chain([(1, 8), (8, 9), (7, 10), (20, 21)])
    .map(|(a, b)| link(a, b))
    .collect::<Vec<_>>();
    for links in [
        &path[..],
        &star,
        &cycle,
        &barbell,
        &[link(1, 2), link(3, 4)],
    ] {
        assert_betweenness_is_the_definition(links);
    }
}

#[test]
fn a_neighbourhood_holds_the_nodes_within_depth_and_their_links() {
    // 1 - 2 - 3 - 4, and 2 - 5
    let net = Network::new(&[link(1, 2), link(2, 3), link(3, 4), link(2, 5)]);
    let sub = net
        .neighbourhood(Uuid::from_u128(2), 1)
        .expect("in network");
    let ids: Vec<u128> = sub.nodes.iter().map(|u| u.as_u128()).collect();
    assert_eq!(ids, [2, 1, 3, 5]);
    assert_eq!(sub.distance, [0, 1, 1, 1]);
    assert_eq!(sub.edges, [(0, 1), (0, 2), (0, 3)]);
    let whole = net
        .neighbourhood(Uuid::from_u128(1), 9)
        .expect("in network");
    assert_eq!((whole.nodes.len(), whole.edges.len()), (5, 4));
    assert_eq!(sub.layout(&LayoutParams::default()).len(), 4);
    assert!(net.neighbourhood(Uuid::from_u128(99), 1).is_none());
}
