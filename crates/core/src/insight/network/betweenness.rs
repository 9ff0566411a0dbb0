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
//! The core is relabelled in breadth-first order so that a search walks
//! memory mostly forwards, and its arrays are reset only where the previous
//! search reached. One thread: the app runs this in a wasm worker.

/// Unnormalised betweenness (sum over ordered pairs) of every node of the
/// graph `offsets`/`adjacency` (node `i`'s neighbours are
/// `adjacency[offsets[i]..offsets[i + 1]]`, each link stored both ways).
pub(super) fn ordered_pair_betweenness(offsets: &[usize], adjacency: &[u32]) -> Vec<f64> {
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
    core.add_weighted_brandes(&mut bc);
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
struct Core {
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
    /// core node's `bc` (indexed by original node).
    fn add_weighted_brandes(&self, bc: &mut [f64]) {
        let n = self.original.len();
        let mut search = Search::new(n, self.adjacency.len());
        let mut core_bc = vec![0.0f64; n];
        for s in 0..n {
            search.run(self, s);
            search.accumulate(&self.weight, &mut core_bc);
        }
        for (v, value) in core_bc.into_iter().enumerate() {
            bc[self.original[v] as usize] += value;
        }
    }

    fn neighbours(&self, v: usize) -> &[u32] {
        &self.adjacency[self.offsets[v]..self.offsets[v + 1]]
    }
}

/// One breadth-first search's arrays, reused from source to source.
///
/// The inner loops avoid branches that depend on the data (which the
/// processor cannot predict on a random graph): a node is appended to the
/// queue, or a successor to the list, by writing it at the end and moving
/// the end by 0 or 1.
struct Search {
    /// Number of shortest paths from the source (0 where not reached).
    sigma: Vec<f64>,
    /// Hops from the source (`u32::MAX` where not reached).
    dist: Vec<u32>,
    /// `(w(v) + δ(v)) / σ(v)`, written on the way back before it is read.
    coefficient: Vec<f64>,
    /// The nodes in the order reached (one spare slot at the end); it is
    /// also the queue.
    order: Vec<u32>,
    /// How many of `order` are filled.
    reached: usize,
    /// The successors (neighbours one hop further) of each node of
    /// `order`, one after the other (one spare slot at the end) …
    successors: Vec<u32>,
    /// … ending at these positions, per position in `order`.
    successors_end: Vec<usize>,
}

impl Search {
    fn new(n: usize, arcs: usize) -> Search {
        Search {
            sigma: vec![0.0; n],
            dist: vec![u32::MAX; n],
            coefficient: vec![0.0; n],
            order: vec![0; n + 1],
            reached: 0,
            successors: vec![0; arcs + 1],
            successors_end: vec![0; n],
        }
    }

    /// Counts the shortest paths from `s` and records the successors.
    fn run(&mut self, core: &Core, s: usize) {
        for &v in &self.order[..self.reached] {
            (self.sigma[v as usize], self.dist[v as usize]) = (0.0, u32::MAX);
        }
        (self.sigma[s], self.dist[s], self.order[0]) = (1.0, 0, s as u32);
        let (mut head, mut tail, mut ends) = (0, 1, 0);
        while head < tail {
            let v = self.order[head] as usize;
            let (next, paths) = (self.dist[v] + 1, self.sigma[v]);
            for &w in core.neighbours(v) {
                let d = self.dist[w as usize];
                let new = d == u32::MAX;
                self.order[tail] = w;
                tail += usize::from(new);
                self.dist[w as usize] = if new { next } else { d };
                let successor = new || d == next;
                self.successors[ends] = w;
                ends += usize::from(successor);
                self.sigma[w as usize] += if successor { paths } else { 0.0 };
            }
            self.successors_end[head] = ends;
            head += 1;
        }
        self.reached = tail;
    }

    /// Brandes' dependency accumulation of the last search, weighted:
    /// `δ(v) = σ(v) · Σ (w(x) + δ(x)) / σ(x)` over `v`'s successors `x`,
    /// and `w(s)·δ(v)` added to `bc[v]` for every `v ≠ s`.
    fn accumulate(&mut self, weight: &[f64], bc: &mut [f64]) {
        let source_weight = weight[self.order[0] as usize];
        for i in (0..self.reached).rev() {
            let v = self.order[i] as usize;
            let start = if i == 0 {
                0
            } else {
                self.successors_end[i - 1]
            };
            let sum: f64 = self.successors[start..self.successors_end[i]]
                .iter()
                .map(|&x| self.coefficient[x as usize])
                .sum();
            let delta = self.sigma[v] * sum;
            self.coefficient[v] = (weight[v] + delta) / self.sigma[v];
            if i > 0 {
                bc[v] += source_weight * delta;
            }
        }
    }
}
