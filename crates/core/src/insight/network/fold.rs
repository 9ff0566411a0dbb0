//! Folding a chain (`chains`): what the searches from its interior nodes
//! would add to the betweenness, counted from the searches of its two ends
//! instead, so that those nodes need no search of their own.
//!
//! Take the chain `a = c₀ – c₁ – … – c_L – c_{L+1} = b` and a target `t`
//! outside its interior, with `Δ(t) = d(a, t) − d(b, t)`. From `cᵢ` the way
//! through `a` is `i + d(a, t)` long and the way through `b` is
//! `L + 1 − i + d(b, t)`: `cᵢ` leaves through `a` when `Δ(t) < θᵢ = L + 1 − 2i`,
//! through `b` when `Δ(t) > θᵢ`, and on a tie splits its shortest paths as
//! `σ(a, t) : σ(b, t)` (a shortest path from `a` to such a `t` never runs
//! through the chain, or leaving through `b` would be shorter). Past the
//! end, the paths are the end's own, so:
//!
//! - the pairs `(cᵢ, t)` are added to the end's search as target weight:
//!   `W_a(t) += w(t) · Σ w(cᵢ) · share_a(i, t)`, the share being 1, 0 or
//!   `σ(a, t)/(σ(a, t) + σ(b, t))`, and the same for `b`; the sums over `i`
//!   depend on `Δ(t)` only, so they are tables over `Δ ∈ [−L−1, L+1]`;
//! - the nodes between `cᵢ` and the end it leaves by (and the end, unless it
//!   is the target) lie on all those paths: `w(cᵢ) · Σ w(t) · share(i, t)`,
//!   again from sums of `w(t)` per `Δ`;
//! - two interior nodes `cᵢ`, `cⱼ` (`i < j`) are joined directly (`j − i`
//!   hops, one path) or around (`i + d(a, b) + L + 1 − j` hops through `a`
//!   and `b`, `σ(a, b)` paths), or both on a tie; the way around adds its
//!   pairs to `W_a(b)` for the nodes between `a` and `b`.
//!
//! A loop (`a = b`) is the case `d(a, b) = 0`, `σ(a, b) = 1`, both ends one.

use super::chains::Chains;
use super::search::Search;

/// The target weights of the searches from a chain's ends.
pub(super) enum EndTargets<'a> {
    /// A loop: one search for both ends.
    Loop(&'a mut [f64]),
    /// The searches from `a` and from `b`.
    Pair(&'a mut [f64], &'a mut [f64]),
}

/// Folds chain `k` given the finished searches `[from a, from b]` (the same
/// search twice for a loop): adds to the ends' target weights and to `bc`.
pub(super) fn fold(
    chains: &Chains,
    k: usize,
    weight: &[f64],
    [from_a, from_b]: [&Search; 2],
    mut targets: EndTargets<'_>,
    bc: &mut [f64],
) {
    let interior = chains.interior(k);
    let [a, b] = chains.ends(k);
    let (l, span) = (interior.len(), interior.len() + 1);
    // Tables over Δ, indexed Δ + span; θᵢ sits at 2(span − i).
    let theta = |i: usize| 2 * (span - i);
    let mut tie = vec![0.0f64; 2 * span + 1];
    for (i, &c) in (1..).zip(interior) {
        tie[theta(i)] += weight[c as usize];
    }
    let toward_b = exclusive_prefix(&tie);
    let toward_a = exclusive_suffix(&tie);
    // Per Δ: Σ w(t), and Σ w(t)·ratio toward each end.
    let mut mass = vec![0.0f64; tie.len()];
    let (mut mass_a, mut mass_b) = (mass.clone(), mass.clone());
    // In node order (the searches' arrays are read in step); the nodes the
    // searches did not reach (another component) have no distance.
    let chain_of = chains.chain_of();
    for t in 0..weight.len() {
        let (to_a, to_b) = (from_a.dist[t], from_b.dist[t]);
        if to_a == u32::MAX || chain_of[t] == k as u32 {
            continue;
        }
        let delta = (to_a as usize + span) - to_b as usize;
        let (paths_a, paths_b) = (from_a.sigma[t], from_b.sigma[t]);
        let ratio_a = paths_a / (paths_a + paths_b);
        let ratio_b = 1.0 - ratio_a;
        let w = weight[t];
        let add_a = w * (toward_a[delta] + tie[delta] * ratio_a);
        let add_b = w * (toward_b[delta] + tie[delta] * ratio_b);
        match &mut targets {
            EndTargets::Loop(both) => both[t] += add_a + add_b,
            EndTargets::Pair(at_a, at_b) => {
                at_a[t] += add_a;
                at_b[t] += add_b;
            }
        }
        mass[delta] += w;
        mass_a[delta] += w * ratio_a;
        mass_b[delta] += w * ratio_b;
    }

    // Interior credits as a difference array over positions 0..=span.
    let mut diff = vec![0.0f64; span + 1];
    let mut add_range = |lo: usize, hi: usize, x: f64| {
        if lo <= hi {
            diff[lo] += x;
            diff[hi + 1] -= x;
        }
    };
    let below = exclusive_prefix(&mass);
    let above = exclusive_suffix(&mass);
    let (d_ab, paths_ab) = if a == b {
        (0, 1.0)
    } else {
        (from_a.dist[b] as usize, from_a.sigma[b])
    };
    // a's Δ index is span − d(a, b), b's is span + d(a, b); their own
    // ratios on a tie are 1 : σ(a, b).
    let share = |toward_a: bool, at: usize, theta: usize| match (at.cmp(&theta), toward_a) {
        (std::cmp::Ordering::Equal, _) => 1.0 / (1.0 + paths_ab),
        (std::cmp::Ordering::Less, true) | (std::cmp::Ordering::Greater, false) => 1.0,
        _ => 0.0,
    };
    for (i, &c) in (1..).zip(interior) {
        let w = weight[c as usize];
        let at = theta(i);
        let via_a = below[at] + mass_a[at];
        let via_b = above[at] + mass_b[at];
        add_range(1, i - 1, w * via_a);
        add_range(i + 1, l, w * via_b);
        if a == b {
            bc[a] += w * (via_a + via_b - weight[a]);
        } else {
            bc[a] += w * (via_a - weight[a] * share(true, span - d_ab, at));
            bc[b] += w * (via_b - weight[b] * share(false, span + d_ab, at));
        }
    }

    // Pairs within the chain, both orders.
    let mut around_total = 0.0;
    for (i, &ci) in (1..).zip(interior) {
        for (j, &cj) in (i + 1..).zip(&interior[i..]) {
            let pair = 2.0 * weight[ci as usize] * weight[cj as usize];
            let (direct, around) = (j - i, i + d_ab + span - j);
            let around_share = match direct.cmp(&around) {
                std::cmp::Ordering::Less => 0.0,
                std::cmp::Ordering::Greater => 1.0,
                std::cmp::Ordering::Equal => paths_ab / (1.0 + paths_ab),
            };
            add_range(i + 1, j - 1, pair * (1.0 - around_share));
            add_range(1, i - 1, pair * around_share);
            add_range(j + 1, l, pair * around_share);
            around_total += pair * around_share;
        }
    }
    bc[a] += around_total;
    if let EndTargets::Pair(at_a, _) = &mut targets {
        bc[b] += around_total;
        at_a[b] += around_total;
    }
    let mut running = 0.0;
    for (i, &c) in (1..).zip(interior) {
        running += diff[i];
        bc[c as usize] += running;
    }
}

/// `out[i] = Σ x[j]` over `j < i`.
fn exclusive_prefix(x: &[f64]) -> Vec<f64> {
    let mut sum = 0.0;
    x.iter()
        .map(|&v| {
            let before = sum;
            sum += v;
            before
        })
        .collect()
}

/// `out[i] = Σ x[j]` over `j > i`.
fn exclusive_suffix(x: &[f64]) -> Vec<f64> {
    let mut out = exclusive_prefix(&x.iter().rev().copied().collect::<Vec<_>>());
    out.reverse();
    out
}
