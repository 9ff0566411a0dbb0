//! The chains of the core (`betweenness`): the runs of nodes with exactly
//! two links between two nodes with any other number (the *kernel*).
//!
//! A chain `a – c₁ – … – c_L – b` has its ends `a`, `b` in the kernel and
//! its interior `c₁ … c_L` of degree 2; `a = b` for a loop. A component of
//! the core that is a bare cycle has no kernel node: its first node is made
//! one, and the rest of the cycle is a loop on it. Every core node is then
//! either in the kernel or in the interior of exactly one chain.
//!
//! `fold` counts what the searches from a chain's interior would add, from
//! the searches of its two ends; `schedule` picks which chains are folded.

/// Marks a node that is in no chain's interior.
pub(super) const KERNEL: u32 = u32::MAX;

/// The chains of a graph and where they attach.
pub(super) struct Chains {
    /// Per chain: its ends, `[a, b]` (equal for a loop).
    ends: Vec<[u32; 2]>,
    /// The interior of chain `k` is `interior[starts[k]..starts[k + 1]]`,
    /// from the `a` end to the `b` end.
    starts: Vec<usize>,
    interior: Vec<u32>,
    /// Per node: the chain whose interior holds it, or [`KERNEL`].
    chain_of: Vec<u32>,
    /// The chains at kernel node `v` (a loop once) are
    /// `at[at_starts[v]..at_starts[v + 1]]`.
    at_starts: Vec<usize>,
    at: Vec<u32>,
}

impl Chains {
    /// Finds the chains of the graph whose node `v` has the neighbours
    /// `neighbours(v)` (`n` nodes, a simple graph without nodes of degree
    /// 0 or 1: a 2-core).
    pub(super) fn find<'a>(n: usize, neighbours: impl Fn(usize) -> &'a [u32]) -> Chains {
        let mut chains = Chains {
            ends: Vec::new(),
            starts: vec![0],
            interior: Vec::new(),
            chain_of: vec![KERNEL; n],
            at_starts: Vec::new(),
            at: Vec::new(),
        };
        let mut kernel: Vec<bool> = (0..n).map(|v| neighbours(v).len() != 2).collect();
        let mut walked = vec![false; n];
        for pass in 0..2 {
            for a in 0..n {
                // Second pass: what is left unwalked is bare cycles.
                if pass == 1 && !walked[a] && !kernel[a] {
                    kernel[a] = true;
                }
                if !kernel[a] {
                    continue;
                }
                walked[a] = true;
                for &first in neighbours(a) {
                    if kernel[first as usize] || walked[first as usize] {
                        continue;
                    }
                    let id = chains.ends.len() as u32;
                    let (mut previous, mut current) = (a, first as usize);
                    while !kernel[current] {
                        walked[current] = true;
                        chains.chain_of[current] = id;
                        chains.interior.push(current as u32);
                        let next = neighbours(current)
                            .iter()
                            .map(|&x| x as usize)
                            .find(|&x| x != previous);
                        // Degree 2 in a simple graph: the other neighbour.
                        (previous, current) = (current, next.unwrap_or(previous));
                    }
                    chains.ends.push([a as u32, current as u32]);
                    chains.starts.push(chains.interior.len());
                }
            }
        }
        let mut count = vec![0usize; n + 1];
        for &[a, b] in &chains.ends {
            count[a as usize + 1] += 1;
            count[b as usize + 1] += usize::from(a != b);
        }
        for v in 0..n {
            count[v + 1] += count[v];
        }
        let mut fill = count.clone();
        chains.at = vec![0; count[n]];
        for (k, &[a, b]) in chains.ends.iter().enumerate() {
            let distinct = if a == b { 1 } else { 2 };
            for &end in &[a, b][..distinct] {
                chains.at[fill[end as usize]] = k as u32;
                fill[end as usize] += 1;
            }
        }
        chains.at_starts = count;
        chains
    }

    /// Number of chains.
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The ends `[a, b]` of chain `k`.
    pub(super) fn ends(&self, k: usize) -> [usize; 2] {
        self.ends[k].map(|v| v as usize)
    }

    /// The interior of chain `k`, from its `a` end to its `b` end.
    pub(super) fn interior(&self, k: usize) -> &[u32] {
        &self.interior[self.starts[k]..self.starts[k + 1]]
    }

    /// The chain whose interior holds each node, or [`KERNEL`].
    pub(super) fn chain_of(&self) -> &[u32] {
        &self.chain_of
    }

    /// The chains at node `v` (empty for an interior node).
    pub(super) fn at(&self, v: usize) -> &[u32] {
        &self.at[self.at_starts[v]..self.at_starts[v + 1]]
    }

    /// The other end of chain `k` seen from its end `v`.
    pub(super) fn other_end(&self, k: usize, v: usize) -> usize {
        let [a, b] = self.ends(k);
        if a == v {
            b
        } else {
            a
        }
    }
}
