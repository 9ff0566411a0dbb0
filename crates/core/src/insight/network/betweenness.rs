//! Exact betweenness of an undirected simple graph given as a compressed
//! adjacency list, fast on the sparse, tree-rich networks relationships
//! make: the trees hanging off the graph are counted in closed form and
//! Brandes' searches run only on what is left (the 2-core), with weights.
//!
//! Peeling leaves one at a time leaves the 2-core of each component (or,
//! for a tree, one root). Every peeled node `v` hangs under one core node
//! (its root) in a tree; `sub(v)` is the size of `v`'s subtree and `w(c) =
//! sub(c)` the size of core node `c` with everything hanging off it. In a
//! component of `N` nodes:
//!
//! - A peeled node is a cut vertex: every shortest path between two of the
//!   parts it separates (its child subtrees and the rest of the component)
//!   runs through it, and no other does. It lies on `(N−1)² − Σ b²` ordered
//!   pairs' paths, `b` over the part sizes.
//! - A core node `c` lies on the paths of the pairs split by it within its
//!   own tree (`(w−1)² − Σ h²`, `h` over its child subtrees), of each node of
//!   its tree with each node outside (`2(w−1)(N−w)`), and on the core's
//!   shortest paths between other groups: `Σ w(s)·w(t)·σ_st(c)/σ_st` over core
//!   nodes `s ≠ t ≠ c`, which is Brandes' accumulation with each target
//!   counting `w(t)` and each source's dependencies scaled by `w(s)`
//!   (shortest paths between two groups enter and leave the core through
//!   their roots, and trees offer no shortcuts).
//!
//! The counts are whole numbers held in `f64` (exact below 2⁵³); only the
//! core's σ-ratios are fractions, summed in Brandes' order. The results are
//! the ordered-pair sums NetworkX accumulates before normalising.
//!
//! Not every core node needs its own search: the interior nodes of the
//! core's chains (runs of nodes with two links, `chains`) are *folded* into
//! the searches from their chain's two ends, in closed form (`fold`), which
//! needs both ends' searches at hand before either accumulates; `schedule`
//! orders the searches so that they are (holding a few open at once), and
//! `search` runs one, each target counting with its own weight.
//!
//! Measured on the bench network (10,000 relationships, 7,160 customers):
//! its 2-core of 4,805 nodes and 7,746 links has no cut vertex at all (one
//! biconnected block, so splitting it into blocks as Puzis et al. 2012 and
//! Sarıyüce et al. 2013 do would save nothing) and no two nodes with the
//! same neighbours, but 1,997 nodes of degree 2 in 1,477 chains (1,097 of
//! one node, 283 of two, the longest six). Folding them leaves 2,808
//! searches of the 4,805, a third less time.
//!
//! The core is relabelled in breadth-first order so that a search walks
//! memory mostly forwards, and its arrays are reset only where the previous
//! search reached. One thread: the app runs this in a wasm worker.

use super::chains::Chains;
use super::fold::{fold, EndTargets};
use super::schedule::{self, Step};
use super::search::Search;

/// Unnormalised betweenness (sum over ordered pairs) of every node of the
/// graph `offsets`/`adjacency` (node `i`'s neighbours are
/// `adjacency[offsets[i]..offsets[i + 1]]`, each link stored both ways).
pub(super) fn ordered_pair_betweenness(offsets: &[usize], adjacency: &[u32]) -> Vec<f64> {
    ordered_pair_betweenness_holding(offsets, adjacency, None)
}

/// [`ordered_pair_betweenness`] holding at most `held` searches open at
/// once (`None`: as many as [`HELD_BYTES`] allows).
pub(super) fn ordered_pair_betweenness_holding(
    offsets: &[usize],
    adjacency: &[u32],
    held: Option<usize>,
) -> Vec<f64> {
    let n = offsets.len().saturating_sub(1);
    let neighbours = |v: usize| &adjacency[offsets[v]..offsets[v + 1]];
    let peel = Peel::new(n, &neighbours);
    let component = component_sizes(n, &neighbours);
    let mut bc = vec![0.0f64; n];
    for v in 0..n {
        let size = component[v];
        let rest = size - peel.size[v];
        let split = peel.children_squares[v];
        bc[v] = if peel.in_core[v] {
            let hanging = peel.size[v] - 1.0;
            hanging * hanging - split + 2.0 * hanging * rest
        } else {
            (size - 1.0) * (size - 1.0) - split - rest * rest
        };
    }
    let core = Core::new(&peel, &neighbours);
    let held = held.unwrap_or_else(|| searches_held(core.original.len(), core.adjacency.len()));
    core.add_weighted_brandes(&mut bc, held);
    bc
}

/// The result of peeling leaves until none is left.
struct Peel {
    /// Whether the node is in the 2-core (or is the last node of a tree).
    in_core: Vec<bool>,
    /// Size of the node's subtree (for a core node, itself and all that
    /// hangs off it), a whole number.
    size: Vec<f64>,
    /// Sum of the squared sizes of the node's child subtrees.
    children_squares: Vec<f64>,
}

impl Peel {
    fn new<'a>(n: usize, neighbours: &impl Fn(usize) -> &'a [u32]) -> Peel {
        let mut degree: Vec<usize> = (0..n).map(|v| neighbours(v).len()).collect();
        let mut in_core = vec![true; n];
        let mut size = vec![1.0f64; n];
        let mut children_squares = vec![0.0f64; n];
        let mut leaves: Vec<usize> = (0..n).filter(|&v| degree[v] == 1).collect();
        while let Some(v) = leaves.pop() {
            // The other end of a two-node remainder was peeled already: `v`
            // is its tree's root and stays.
            if degree[v] == 0 {
                continue;
            }
            in_core[v] = false;
            degree[v] = 0;
            // The one neighbour not peeled yet.
            let Some(parent) = neighbours(v)
                .iter()
                .map(|&p| p as usize)
                .find(|&p| in_core[p] && degree[p] > 0)
            else {
                continue;
            };
            size[parent] += size[v];
            children_squares[parent] += size[v] * size[v];
            degree[parent] -= 1;
            if degree[parent] == 1 {
                leaves.push(parent);
            }
        }
        Peel {
            in_core,
            size,
            children_squares,
        }
    }
}

/// The size of each node's connected component, per node (a whole number).
fn component_sizes<'a>(n: usize, neighbours: &impl Fn(usize) -> &'a [u32]) -> Vec<f64> {
    let mut size = vec![0.0f64; n];
    let mut seen = vec![false; n];
    let mut queue = Vec::new();
    for start in 0..n {
        if seen[start] {
            continue;
        }
        seen[start] = true;
        queue.clear();
        queue.push(start);
        let mut head = 0;
        while let Some(&v) = queue.get(head) {
            head += 1;
            for &w in neighbours(v) {
                let w = w as usize;
                if !seen[w] {
                    seen[w] = true;
                    queue.push(w);
                }
            }
        }
        for &v in &queue {
            size[v] = queue.len() as f64;
        }
    }
    size
}

/// The 2-core, relabelled in breadth-first order, with its weights.
pub(super) struct Core {
    /// Original index of each core node.
    original: Vec<u32>,
    /// `w`: the node and everything hanging off it.
    weight: Vec<f64>,
    offsets: Vec<usize>,
    adjacency: Vec<u32>,
}

impl Core {
    fn new<'a>(peel: &Peel, neighbours: &impl Fn(usize) -> &'a [u32]) -> Core {
        let n = peel.in_core.len();
        let mut label = vec![u32::MAX; n];
        let mut original: Vec<u32> = Vec::new();
        for start in (0..n).filter(|&v| peel.in_core[v]) {
            if label[start] != u32::MAX {
                continue;
            }
            label[start] = original.len() as u32;
            original.push(start as u32);
            let mut head = label[start] as usize;
            while let Some(&v) = original.get(head) {
                head += 1;
                for &w in neighbours(v as usize) {
                    let w = w as usize;
                    if peel.in_core[w] && label[w] == u32::MAX {
                        label[w] = original.len() as u32;
                        original.push(w as u32);
                    }
                }
            }
        }
        let mut offsets = Vec::with_capacity(original.len() + 1);
        let mut adjacency = Vec::new();
        offsets.push(0);
        for &v in &original {
            let start = adjacency.len();
            adjacency.extend(
                neighbours(v as usize)
                    .iter()
                    .filter(|&&w| peel.in_core[w as usize])
                    .map(|&w| label[w as usize]),
            );
            adjacency[start..].sort_unstable();
            offsets.push(adjacency.len());
        }
        Core {
            weight: original.iter().map(|&v| peel.size[v as usize]).collect(),
            original,
            offsets,
            adjacency,
        }
    }

    /// Adds `Σ w(s)·w(t)·σ_st(v)/σ_st` over core nodes `s ≠ t ≠ v` to each
    /// core node's `bc` (indexed by original node): the kernel's searches
    /// in the planned order, folding the chains planned, then the searches
    /// of the other sources.
    fn add_weighted_brandes(&self, bc: &mut [f64], held: usize) {
        let n = self.original.len();
        let chains = Chains::find(n, |v| self.neighbours(v));
        let plan = schedule::plan(&chains, n, held);
        let mut core_bc = vec![0.0f64; n];
        let mut open = OpenSearches {
            searches: Vec::new(),
            targets: Vec::new(),
            free: Vec::new(),
            slot_of: vec![usize::MAX; n],
        };
        for &step in &plan.steps {
            match step {
                Step::Open(a) => {
                    let slot = open.take(n, self.adjacency.len());
                    open.searches[slot].run(self, a);
                    let source_weight = self.weight[a];
                    for (target, &w) in open.targets[slot].iter_mut().zip(&self.weight) {
                        *target = source_weight * w;
                    }
                    open.slot_of[a] = slot;
                    for &k in chains.at(a) {
                        let k = k as usize;
                        let o = chains.other_end(k, a);
                        if plan.folded[k] && (o == a || open.slot_of[o] != usize::MAX) {
                            open.fold(&chains, k, &self.weight, &mut core_bc);
                        }
                    }
                }
                Step::Close(a) => {
                    let slot = open.slot_of[a];
                    open.searches[slot].accumulate(&open.targets[slot], 1.0, &mut core_bc);
                    open.free.push(slot);
                    open.slot_of[a] = usize::MAX;
                }
            }
        }
        let scratch = open.take(n, self.adjacency.len());
        let search = &mut open.searches[scratch];
        // A lone tree's root has no links in the core and lies on no path.
        for s in plan.alone.iter().map(|&s| s as usize) {
            if self.neighbours(s).is_empty() {
                continue;
            }
            search.run(self, s);
            search.accumulate(&self.weight, self.weight[s], &mut core_bc);
        }
        for (v, value) in core_bc.into_iter().enumerate() {
            bc[self.original[v] as usize] += value;
        }
    }

    /// The neighbours of core node `v`.
    pub(super) fn neighbours(&self, v: usize) -> &[u32] {
        &self.adjacency[self.offsets[v]..self.offsets[v + 1]]
    }
}

/// The searches held open, each with its target weights, in slots that
/// are reused once closed.
struct OpenSearches {
    searches: Vec<Search>,
    targets: Vec<Vec<f64>>,
    free: Vec<usize>,
    /// Per core node: the slot of its open search, or `usize::MAX`.
    slot_of: Vec<usize>,
}

impl OpenSearches {
    /// A free slot, made if there is none.
    fn take(&mut self, n: usize, arcs: usize) -> usize {
        self.free.pop().unwrap_or_else(|| {
            self.searches.push(Search::new(n, arcs));
            self.targets.push(vec![0.0; n]);
            self.searches.len() - 1
        })
    }

    /// Folds chain `k`, whose ends' searches are both open.
    fn fold(&mut self, chains: &Chains, k: usize, weight: &[f64], bc: &mut [f64]) {
        let [a, b] = chains.ends(k).map(|end| self.slot_of[end]);
        let searches = [&self.searches[a], &self.searches[b]];
        let targets = if a == b {
            EndTargets::Loop(&mut self.targets[a])
        } else if a < b {
            let (low, high) = self.targets.split_at_mut(b);
            EndTargets::Pair(&mut low[a], &mut high[0])
        } else {
            let (low, high) = self.targets.split_at_mut(a);
            EndTargets::Pair(&mut high[0], &mut low[b])
        };
        fold(chains, k, weight, searches, targets, bc);
    }
}

/// How many searches to hold open at once: as many as fit in
/// [`HELD_BYTES`], at least 2 and at most [`MOST_HELD`].
fn searches_held(n: usize, arcs: usize) -> usize {
    (HELD_BYTES / (Search::bytes(n, arcs) + 8 * n).max(1)).clamp(2, MOST_HELD)
}

/// Memory for the open searches.
const HELD_BYTES: usize = 32 << 20;

/// Enough for the bench network, which holds 14 at most; more would fold
/// a few more chains only on networks made of little else.
const MOST_HELD: usize = 24;
