//! The order of the kernel's searches, and which chains they fold
//! (`chains`, `fold`).
//!
//! Folding a chain needs the searches from both its ends at once, before
//! either's accumulation runs; a search is held *open* from its run until
//! the searches of all its chain partners have run, then *closed*
//! (accumulated, its arrays reused). At most `held` searches are kept, so
//! the order matters: the next source is the waiting partner of the most
//! open searches (closing them soonest), ties going to the one with the
//! fewest waiting partners of its own (opening little); with no partner
//! waiting, the waiting node with the fewest chains starts a new region.
//! When more than `held − 1` are open, the open search with the most
//! waiting partners is closed early, and its chains to them are not folded:
//! their interior nodes are searched on their own, like the kernel nodes
//! with no chain. A loop is folded by its one end alone.
//!
//! On the bench network (1,477 chains, 1,863 of the 2,808 kernel nodes at
//! one) this order holds at most 14 searches at once and folds every chain.

use std::cmp::Reverse;

use super::chains::{Chains, KERNEL};

/// One step of the kernel's searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    /// Run the search from the node and fold its chains to open searches
    /// (and its loops).
    Open(usize),
    /// Accumulate the node's search and release its arrays.
    Close(usize),
}

/// The plan of the searches.
pub(super) struct Schedule {
    /// The kernel's searches, in order.
    pub(super) steps: Vec<Step>,
    /// Per chain: whether it is folded.
    pub(super) folded: Vec<bool>,
    /// The sources searched on their own: kernel nodes with no chain and
    /// the interior nodes of the chains not folded.
    pub(super) alone: Vec<u32>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Waiting,
    Open,
    Closed,
}

/// Plans the searches of the `n` nodes with the chains `chains`, holding at
/// most `held` (at least 1) searches at once.
pub(super) fn plan(chains: &Chains, n: usize, held: usize) -> Schedule {
    let mut planner = Planner {
        chains,
        state: vec![State::Waiting; n],
        waiting_partners: (0..n)
            .map(|v| {
                let at = chains.at(v).iter();
                at.filter(|&&k| chains.other_end(k as usize, v) != v)
                    .count()
            })
            .collect(),
        open_partners: vec![0; n],
        open: Vec::new(),
        schedule: Schedule {
            steps: Vec::new(),
            folded: vec![false; chains.len()],
            alone: Vec::new(),
        },
    };
    let mut starts: Vec<usize> = (0..n).filter(|&v| !chains.at(v).is_empty()).collect();
    starts.sort_by_key(|&v| chains.at(v).len());
    let mut next_start = starts.iter();
    loop {
        let v = match planner.best_partner() {
            Some(v) => v,
            None => match next_start.find(|&&v| planner.state[v] == State::Waiting) {
                Some(&v) => v,
                None => break,
            },
        };
        planner.open(v);
        while planner.open.len() + 1 > held.max(1) {
            let (_, &evicted) = planner
                .open
                .iter()
                .enumerate()
                .max_by_key(|&(i, &u)| (planner.waiting_partners[u], usize::MAX - i))
                .expect("more open searches than held, so at least one");
            planner.close(evicted);
        }
    }
    let mut schedule = planner.schedule;
    schedule.alone = (0..n)
        .filter(|&v| chains.chain_of()[v] == KERNEL && chains.at(v).is_empty())
        .map(|v| v as u32)
        .collect();
    for k in (0..chains.len()).filter(|&k| !schedule.folded[k]) {
        schedule.alone.extend_from_slice(chains.interior(k));
    }
    schedule
}

struct Planner<'a> {
    chains: &'a Chains,
    state: Vec<State>,
    /// Per node: its chains (not loops) to waiting nodes.
    waiting_partners: Vec<usize>,
    /// Per waiting node: its chains to open searches.
    open_partners: Vec<usize>,
    open: Vec<usize>,
    schedule: Schedule,
}

impl Planner<'_> {
    /// The waiting partner of the most open searches, then with the fewest
    /// waiting partners, then the first found.
    fn best_partner(&self) -> Option<usize> {
        let rank = |p: usize| (self.open_partners[p], Reverse(self.waiting_partners[p]));
        let mut best: Option<usize> = None;
        for &o in &self.open {
            for &k in self.chains.at(o) {
                let p = self.chains.other_end(k as usize, o);
                if self.state[p] == State::Waiting && best.is_none_or(|b| rank(p) > rank(b)) {
                    best = Some(p);
                }
            }
        }
        best
    }

    fn open(&mut self, v: usize) {
        self.state[v] = State::Open;
        self.schedule.steps.push(Step::Open(v));
        for &k in self.chains.at(v) {
            let k = k as usize;
            let o = self.chains.other_end(k, v);
            if o == v {
                self.schedule.folded[k] = true;
                continue;
            }
            match self.state[o] {
                State::Open => {
                    self.schedule.folded[k] = true;
                    self.waiting_partners[v] -= 1;
                    self.waiting_partners[o] -= 1;
                    if self.waiting_partners[o] == 0 {
                        self.close(o);
                    }
                }
                State::Closed => self.waiting_partners[v] -= 1,
                State::Waiting => self.open_partners[o] += 1,
            }
        }
        self.open.push(v);
        if self.waiting_partners[v] == 0 {
            self.close(v);
        }
    }

    fn close(&mut self, u: usize) {
        self.state[u] = State::Closed;
        self.schedule.steps.push(Step::Close(u));
        self.open.retain(|&o| o != u);
        for &k in self.chains.at(u) {
            let p = self.chains.other_end(k as usize, u);
            if self.state[p] == State::Waiting {
                self.open_partners[p] -= 1;
            }
        }
    }
}
