//! The relationship network: who is linked to whom (referrals, colleagues,
//! family, partners), how central each customer is, the most influential
//! customers, and the neighbourhood of one customer for drawing.
//!
//! The graph is **undirected and unweighted**, a simple graph as NetworkX's
//! `nx.Graph` builds it from the relationship records that are not in the
//! trash: a referral links two people as much as a family tie does for
//! influence, so directions are dropped, repeated links between the same two
//! customers are one edge, and `strength` is not used (NetworkX's centrality
//! defaults ignore weights too). Customers without relationships are not in
//! the network (and do not count in the normalisation).
//!
//! - Betweenness: exact, normalised as `nx.betweenness_centrality(G)` for an
//!   undirected graph (the pair counts over ordered pairs, divided by
//!   (n − 1)(n − 2)). The trees hanging off the network are counted in
//!   closed form and Brandes' algorithm (one breadth-first search per node)
//!   runs, weighted, only on what is left, the 2-core, where the nodes
//!   inside chains of degree-2 nodes are counted from the searches of the
//!   chains' ends instead of their own (`network/betweenness.rs` and its
//!   sibling modules): on 10,000 relationships among 7,160 customers that
//!   is 2,808 searches instead of 7,160, each over fewer links.
//! - Eigenvector: `nx.eigenvector_centrality(G, max_iter, tol)` step for step:
//!   power iteration on A + I from the uniform vector, Euclidean
//!   normalisation, stopping when the L1 change is below n·tol, otherwise
//!   [`NetworkError::NotConverged`].
//!
//! Why not `rustworkx-core`, which has both: it requires rayon (threads a
//! wasm32 worker does not have, and a thread pool that would be dead weight
//! in the bundle) and pulls ndarray 0.16 and rand 0.10 beside the core's
//! ndarray 0.15 and rand 0.8, a second copy of each. Brandes and power
//! iteration on a compressed adjacency list are a page of code.

mod betweenness;
mod chains;
mod fold;
mod schedule;
mod search;

use crate::i18n::analysis_errors as t;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::layout::{fruchterman_reingold, LayoutParams};
use crate::model::{Id, Record, Relationship};

/// Why a centrality could not be computed.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum NetworkError {
    /// No relationships, so no network.
    #[error("{}", t::network_empty())]
    Empty,
    /// Power iteration did not settle.
    #[error("{}", t::network_not_converged(.iterations))]
    NotConverged {
        /// The iteration limit reached.
        iterations: usize,
    },
}

/// Settings of eigenvector centrality; `Default` is NetworkX's
/// (`max_iter=100, tol=1e-6`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct EigenParams {
    /// Most power iterations.
    pub max_iter: usize,
    /// Per-node tolerance: converged when the L1 change is below n·tol.
    pub tol: f64,
}

impl Default for EigenParams {
    fn default() -> Self {
        EigenParams {
            max_iter: 100,
            tol: 1e-6,
        }
    }
}

/// One customer's place in the network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Influence {
    /// The customer.
    pub customer_id: Id,
    /// Number of distinct customers linked to them.
    pub degree: usize,
    /// Normalised betweenness, 0–1.
    pub betweenness: f64,
    /// Eigenvector centrality (unit Euclidean norm over the network).
    pub eigenvector: f64,
}

/// Every customer's centrality.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Centrality {
    /// One per network node, sorted by customer id.
    pub customers: Vec<Influence>,
}

impl Centrality {
    /// The `k` most influential customers: by eigenvector centrality (being
    /// linked to well-linked people), then betweenness (bridging groups),
    /// then degree, then id.
    pub fn most_influential(&self, k: usize) -> Vec<&Influence> {
        let mut all: Vec<&Influence> = self.customers.iter().collect();
        all.sort_by(|a, b| {
            b.eigenvector
                .total_cmp(&a.eigenvector)
                .then(b.betweenness.total_cmp(&a.betweenness))
                .then(b.degree.cmp(&a.degree))
                .then(a.customer_id.cmp(&b.customer_id))
        });
        all.truncate(k);
        all
    }
}

/// A part of the network around one customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Subgraph {
    /// The customers, the centre first, then by distance and id.
    pub nodes: Vec<Id>,
    /// Hops from the centre, per node.
    pub distance: Vec<usize>,
    /// Links among them, as indices into `nodes` (smaller index first).
    pub edges: Vec<(usize, usize)>,
}

impl Subgraph {
    /// Positions in [0, 1]² for drawing (see [`fruchterman_reingold`]).
    pub fn layout(&self, params: &LayoutParams) -> Vec<[f64; 2]> {
        fruchterman_reingold(self.nodes.len(), &self.edges, params)
    }
}

/// The undirected simple graph of the relationships (see the module docs).
#[derive(Debug, Clone, Default)]
pub struct Network {
    nodes: Vec<Id>,
    offsets: Vec<usize>,
    adjacency: Vec<u32>,
}

impl Network {
    /// Builds the network from relationship records (trashed ones and
    /// self-links skipped, repeated links merged).
    pub fn new(relationships: &[Relationship]) -> Network {
        let live = || {
            relationships
                .iter()
                .filter(|r| !r.is_deleted() && r.from != r.to)
        };
        let mut nodes: Vec<Id> = live().flat_map(|r| [r.from, r.to]).collect();
        nodes.sort_unstable();
        nodes.dedup();
        let index = |id: Id| nodes.binary_search(&id).unwrap_or_default() as u32;
        let mut arcs: Vec<(u32, u32)> = live()
            .flat_map(|r| {
                let (a, b) = (index(r.from), index(r.to));
                [(a, b), (b, a)]
            })
            .collect();
        arcs.sort_unstable();
        arcs.dedup();
        let mut offsets = vec![0usize; nodes.len() + 1];
        for &(a, _) in &arcs {
            offsets[a as usize + 1] += 1;
        }
        for i in 0..nodes.len() {
            offsets[i + 1] += offsets[i];
        }
        Network {
            nodes,
            offsets,
            adjacency: arcs.into_iter().map(|(_, b)| b).collect(),
        }
    }

    /// The customers in the network, sorted by id.
    pub fn nodes(&self) -> &[Id] {
        &self.nodes
    }

    /// Number of distinct links.
    pub fn edge_count(&self) -> usize {
        self.adjacency.len() / 2
    }

    fn neighbours_of(&self, i: usize) -> &[u32] {
        &self.adjacency[self.offsets[i]..self.offsets[i + 1]]
    }

    fn index(&self, id: Id) -> Option<usize> {
        self.nodes.binary_search(&id).ok()
    }

    /// The customers linked to `customer` (empty if not in the network).
    pub fn neighbours(&self, customer: Id) -> Vec<Id> {
        self.index(customer).map_or_else(Vec::new, |i| {
            self.neighbours_of(i)
                .iter()
                .map(|&j| self.nodes[j as usize])
                .collect()
        })
    }

    /// Every link once, as node indices (smaller first).
    pub fn edges(&self) -> Vec<(usize, usize)> {
        (0..self.nodes.len())
            .flat_map(|i| {
                self.neighbours_of(i)
                    .iter()
                    .filter(move |&&j| (j as usize) > i)
                    .map(move |&j| (i, j as usize))
            })
            .collect()
    }

    /// Normalised betweenness of every node, in [`Self::nodes`] order, as
    /// `nx.betweenness_centrality(G)`: exact, with the trees hanging off the
    /// network counted in closed form and Brandes' searches run only on the
    /// rest (see the `betweenness` submodule).
    pub fn betweenness(&self) -> Vec<f64> {
        let n = self.nodes.len();
        let mut bc = betweenness::ordered_pair_betweenness(&self.offsets, &self.adjacency);
        if n > 2 {
            let scale = 1.0 / ((n - 1) as f64 * (n - 2) as f64);
            bc.iter_mut().for_each(|v| *v *= scale);
        }
        bc
    }

    /// Eigenvector centrality of every node, in [`Self::nodes`] order.
    pub fn eigenvector(&self, params: &EigenParams) -> Result<Vec<f64>, NetworkError> {
        let n = self.nodes.len();
        if n == 0 {
            return Err(NetworkError::Empty);
        }
        let mut x = vec![1.0 / n as f64; n];
        let mut next = vec![0.0; n];
        for _ in 0..params.max_iter {
            for (i, value) in next.iter_mut().enumerate() {
                *value = x[i]
                    + self
                        .neighbours_of(i)
                        .iter()
                        .map(|&j| x[j as usize])
                        .sum::<f64>();
            }
            let norm = next.iter().map(|v| v * v).sum::<f64>().sqrt();
            let norm = if norm > 0.0 && norm.is_finite() {
                norm
            } else {
                1.0
            };
            next.iter_mut().for_each(|v| *v /= norm);
            let change: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
            std::mem::swap(&mut x, &mut next);
            if change < n as f64 * params.tol {
                return Ok(x);
            }
        }
        Err(NetworkError::NotConverged {
            iterations: params.max_iter,
        })
    }

    /// Degree, betweenness and eigenvector centrality of every customer.
    pub fn centrality(&self, params: &EigenParams) -> Result<Centrality, NetworkError> {
        let eigen = self.eigenvector(params)?;
        let between = self.betweenness();
        Ok(Centrality {
            customers: (0..self.nodes.len())
                .map(|i| Influence {
                    customer_id: self.nodes[i],
                    degree: self.neighbours_of(i).len(),
                    betweenness: between[i],
                    eigenvector: eigen[i],
                })
                .collect(),
        })
    }

    /// Positions of every node in [0, 1]², in [`Self::nodes`] order.
    pub fn layout(&self, params: &LayoutParams) -> Vec<[f64; 2]> {
        fruchterman_reingold(self.nodes.len(), &self.edges(), params)
    }

    /// The customers within `depth` links of `customer` and the links among
    /// them (`None` if the customer is not in the network).
    pub fn neighbourhood(&self, customer: Id, depth: usize) -> Option<Subgraph> {
        let centre = self.index(customer)?;
        let mut dist = std::collections::HashMap::from([(centre, 0usize)]);
        let mut reached = vec![centre];
        let mut frontier = vec![centre];
        for d in 1..=depth {
            let mut next = Vec::new();
            for &v in &frontier {
                for &w in self.neighbours_of(v) {
                    if let std::collections::hash_map::Entry::Vacant(e) = dist.entry(w as usize) {
                        e.insert(d);
                        next.push(w as usize);
                    }
                }
            }
            next.sort_unstable();
            reached.extend(&next);
            frontier = next;
        }
        let position: std::collections::HashMap<usize, usize> =
            reached.iter().enumerate().map(|(k, &v)| (v, k)).collect();
        let mut edges = Vec::new();
        for (k, &v) in reached.iter().enumerate() {
            for &w in self.neighbours_of(v) {
                if let Some(&l) = position.get(&(w as usize)) {
                    if k < l {
                        edges.push((k, l));
                    }
                }
            }
        }
        edges.sort_unstable();
        Some(Subgraph {
            nodes: reached.iter().map(|&v| self.nodes[v]).collect(),
            distance: reached.iter().map(|v| dist[v]).collect(),
            edges,
        })
    }
}

#[cfg(test)]
#[path = "network_unit_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "network_chain_tests.rs"]
mod chain_tests;
