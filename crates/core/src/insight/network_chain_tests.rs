//! Tests of the chain folding in betweenness (`network/{chains, fold,
//! schedule}.rs`): on seeded random graphs full of chains, loops, cut
//! vertices and bridges, the betweenness equals its definition however
//! many searches may be held open (so with every chain folded, none, or
//! some), and the plan keeps its promises.

use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

use super::betweenness::ordered_pair_betweenness_holding;
use super::chains::{Chains, KERNEL};
use super::schedule::{plan, Step};
use super::tests::{brute_force_betweenness, link};
use super::Network;

/// Links among nodes numbered from 1, built up one piece at a time.
#[derive(Default)]
struct Links {
    pairs: Vec<(u128, u128)>,
    nodes: u128,
}

impl Links {
    fn node(&mut self) -> u128 {
        self.nodes += 1;
        self.nodes
    }

    fn existing(&self, rng: &mut Xoshiro256PlusPlus) -> u128 {
        rng.gen_range(1..=self.nodes)
    }

    /// A path of `inner` new nodes from `a` to `b` (a link if 0).
    fn path(&mut self, a: u128, b: u128, inner: usize) {
        let mut previous = a;
        for _ in 0..inner {
            let next = self.node();
            self.pairs.push((previous, next));
            previous = next;
        }
        self.pairs.push((previous, b));
    }

    /// A cycle of `length` nodes through `at`.
    fn cycle(&mut self, at: u128, length: usize) {
        self.path(at, at, length - 1);
    }

    /// Fewer than `most` leaves and small trees hung on random nodes.
    fn trees(&mut self, rng: &mut Xoshiro256PlusPlus, most: usize) {
        for _ in 0..rng.gen_range(0..most) {
            let at = self.existing(rng);
            let leaf = self.node();
            self.pairs.push((at, leaf));
        }
    }

    fn network(&self) -> Network {
        let links: Vec<_> = self.pairs.iter().map(|&(a, b)| link(a, b)).collect();
        Network::new(&links)
    }
}

/// Cycles of 3–8 nodes, each through a node already there (a cut vertex),
/// some with a chord, and trees hanging off them.
fn chained_cycles(rng: &mut Xoshiro256PlusPlus) -> Links {
    let mut links = Links::default();
    links.node();
    for _ in 0..rng.gen_range(3..9) {
        let at = links.existing(rng);
        let first = links.nodes + 1;
        let length = rng.gen_range(3..9);
        links.cycle(at, length);
        if length > 4 && rng.gen_bool(0.3) {
            links.pairs.push((first, links.nodes));
        }
    }
    links.trees(rng, 8);
    links
}

/// Blobs (cycles with chords) joined to earlier ones by bridges and by
/// paths, with trees hanging off them.
fn bridged_blobs(rng: &mut Xoshiro256PlusPlus) -> Links {
    let mut links = Links::default();
    for blob in 0..rng.gen_range(2..6) {
        let at = links.node();
        let first = links.nodes;
        let length = rng.gen_range(3..8);
        links.cycle(at, length);
        for _ in 0..rng.gen_range(0..3) {
            let (a, b) = (
                rng.gen_range(first..=links.nodes),
                rng.gen_range(first..=links.nodes),
            );
            if a != b {
                links.pairs.push((a, b));
            }
        }
        if blob > 0 {
            let there = rng.gen_range(1..first);
            links.path(at, there, rng.gen_range(0..4));
        }
    }
    links.trees(rng, 8);
    links
}

/// A few kernel nodes joined by links subdivided 0–3 times: parallel
/// chains, loops, chains between linked nodes; and a bare cycle apart.
fn subdivided(rng: &mut Xoshiro256PlusPlus) -> Links {
    let mut links = Links::default();
    let kernel = rng.gen_range(2..8);
    for _ in 0..kernel {
        links.node();
    }
    for _ in 0..rng.gen_range(kernel..kernel * 2 + 2) {
        let (a, b) = (rng.gen_range(1..=kernel), rng.gen_range(1..=kernel));
        let least = if a == b { 2 } else { 0 };
        links.path(a, b, rng.gen_range(least..4));
    }
    let apart = links.node();
    links.cycle(apart, rng.gen_range(3..9));
    links.trees(rng, 6);
    links
}

fn assert_equals_the_definition(net: &Network, held: Option<usize>) {
    let want = brute_force_betweenness(net);
    let n = net.nodes().len();
    let scale = 1.0 / ((n - 1) as f64 * (n - 2) as f64);
    let got = ordered_pair_betweenness_holding(&net.offsets, &net.adjacency, held);
    assert_eq!(got.len(), n);
    for (v, (g, w)) in got.iter().zip(&want).enumerate() {
        let g = g * scale;
        assert!(
            (g - w).abs() <= 1e-12 * w.abs().max(1.0),
            "holding {held:?}, node {v}: {g} vs {w}"
        );
    }
}

#[test]
fn betweenness_of_chained_cycles_bridged_blobs_and_subdivided_graphs_equals_the_definition() {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(11);
    for round in 0..90 {
        let links = match round % 3 {
            0 => chained_cycles(&mut rng),
            1 => bridged_blobs(&mut rng),
            _ => subdivided(&mut rng),
        };
        let net = links.network();
        for held in [None, Some(1), Some(2), Some(3)] {
            assert_equals_the_definition(&net, held);
        }
    }
}

#[test]
fn betweenness_of_theta_graphs_and_bare_cycles_equals_the_definition() {
    // Two nodes joined by chains of every mix of lengths: ties between
    // parallel chains, and ([1, 1, 5], [2, 2, 6], [1, 1, 1, 5]) between
    // the long chain's direct way and its way around through several
    // shortest paths. Then even and odd cycles on their own.
    let thetas: [&[usize]; 8] = [
        &[1, 1, 1],
        &[1, 2, 3],
        &[2, 2, 4],
        &[3, 3, 3],
        &[1, 4, 5],
        &[1, 1, 5],
        &[2, 2, 6],
        &[1, 1, 1, 5],
    ];
    for lengths in thetas {
        let mut links = Links::default();
        let (a, b) = (links.node(), links.node());
        for &inner in lengths {
            links.path(a, b, inner);
        }
        assert_equals_the_definition(&links.network(), None);
    }
    for length in 3..10 {
        let mut links = Links::default();
        let at = links.node();
        links.cycle(at, length);
        let leaf = links.node();
        links.pairs.push((leaf, links.nodes - 1));
        assert_equals_the_definition(&links.network(), None);
        assert_equals_the_definition(&links.network(), Some(1));
    }
}

#[test]
fn the_plan_searches_every_node_once_and_folds_only_chains_with_both_ends_open() {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(5);
    for round in 0..60 {
        let net = match round % 3 {
            0 => chained_cycles(&mut rng),
            1 => bridged_blobs(&mut rng),
            _ => subdivided(&mut rng),
        }
        .network();
        // The whole graph with its leaves is no 2-core; drop them first.
        let (offsets, adjacency) = two_core(&net);
        let n = offsets.len() - 1;
        let chains = Chains::find(n, |v| &adjacency[offsets[v]..offsets[v + 1]]);
        let held = 1 + round % 4;
        let schedule = plan(&chains, n, held);
        let mut open = vec![false; n];
        let mut searched = vec![0usize; n];
        for step in &schedule.steps {
            match *step {
                Step::Open(v) => {
                    open[v] = true;
                    searched[v] += 1;
                    for &k in chains.at(v) {
                        let other = chains.other_end(k as usize, v);
                        if schedule.folded[k as usize] && other != v && searched[other] > 0 {
                            assert!(open[other], "chain {k} folded with a closed end");
                        }
                    }
                }
                Step::Close(v) => {
                    assert!(open[v]);
                    open[v] = false;
                }
            }
            assert!(open.iter().filter(|&&o| o).count() <= held);
        }
        assert!(open.iter().all(|&o| !o), "every search closed");
        for &v in &schedule.alone {
            searched[v as usize] += 1;
        }
        for (v, &count) in searched.iter().enumerate() {
            let chain = chains.chain_of()[v];
            let folded = chain != KERNEL && schedule.folded[chain as usize];
            assert_eq!(count, usize::from(!folded), "node {v}");
        }
    }
}

/// The 2-core of `net` as a compressed adjacency list (nodes renumbered).
fn two_core(net: &Network) -> (Vec<usize>, Vec<u32>) {
    let n = net.nodes().len();
    let mut degree: Vec<usize> = (0..n).map(|v| net.neighbours_of(v).len()).collect();
    let mut gone = vec![false; n];
    let mut leaves: Vec<usize> = (0..n).filter(|&v| degree[v] <= 1).collect();
    while let Some(v) = leaves.pop() {
        if gone[v] {
            continue;
        }
        gone[v] = true;
        for &w in net.neighbours_of(v) {
            let w = w as usize;
            if !gone[w] {
                degree[w] -= 1;
                if degree[w] == 1 {
                    leaves.push(w);
                }
            }
        }
    }
    let kept: Vec<usize> = (0..n).filter(|&v| !gone[v]).collect();
    let label = |v: usize| kept.binary_search(&v).ok();
    let mut offsets = vec![0];
    let mut adjacency = Vec::new();
    for &v in &kept {
        adjacency.extend(
            net.neighbours_of(v)
                .iter()
                .filter_map(|&w| label(w as usize).map(|l| l as u32)),
        );
        offsets.push(adjacency.len());
    }
    (offsets, adjacency)
}
