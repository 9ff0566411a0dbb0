//! One of Brandes' searches on the core (`betweenness`): a breadth-first
//! search counting shortest paths from a source, then the dependency
//! accumulation over the targets, each target counting with its own weight.
//!
//! The chain folding (`fold`) reads a finished search's distances and path
//! counts, and adds to the target weights of a search that is held open
//! (`schedule`) before its accumulation runs.

use super::betweenness::Core;

/// One breadth-first search's arrays, reused from source to source.
///
/// The inner loops avoid branches that depend on the data (which the
/// processor cannot predict on a random graph): a node is appended to the
/// queue, or a successor to the list, by writing it at the end and moving
/// the end by 0 or 1.
pub(super) struct Search {
    /// Number of shortest paths from the source (0 where not reached).
    pub(super) sigma: Vec<f64>,
    /// Hops from the source (`u32::MAX` where not reached).
    pub(super) dist: Vec<u32>,
    /// `(W(v) + δ(v)) / σ(v)`, written on the way back before it is read.
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
    successors_end: Vec<u32>,
}

impl Search {
    /// Arrays for a core of `n` nodes and `arcs` arcs (each link counted
    /// both ways).
    pub(super) fn new(n: usize, arcs: usize) -> Search {
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

    /// Bytes held by the arrays of [`Search::new`] for `n` nodes and `arcs`.
    pub(super) fn bytes(n: usize, arcs: usize) -> usize {
        n * (8 + 4 + 8 + 4 + 4) + arcs * 4
    }

    /// Counts the shortest paths from `s` and records the successors.
    pub(super) fn run(&mut self, core: &Core, s: usize) {
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
            self.successors_end[head] = ends as u32;
            head += 1;
        }
        self.reached = tail;
    }

    /// Brandes' dependency accumulation of the last search with target
    /// weights `W`: `δ(v) = σ(v) · Σ (W(x) + δ(x)) / σ(x)` over `v`'s
    /// successors `x`, and `scale · δ(v)` added to `bc[v]` for every reached
    /// `v` but the source. `δ(v)` is then `Σ W(t)·σ_st(v)/σ_st` over the
    /// targets `t`.
    pub(super) fn accumulate(&mut self, target_weight: &[f64], scale: f64, bc: &mut [f64]) {
        for i in (0..self.reached).rev() {
            let v = self.order[i] as usize;
            let start = if i == 0 {
                0
            } else {
                self.successors_end[i - 1] as usize
            };
            let sum: f64 = self.successors[start..self.successors_end[i] as usize]
                .iter()
                .map(|&x| self.coefficient[x as usize])
                .sum();
            let delta = self.sigma[v] * sum;
            self.coefficient[v] = (target_weight[v] + delta) / self.sigma[v];
            if i > 0 {
                bc[v] += scale * delta;
            }
        }
    }
}
