//! The assignment half of a Lloyd step ([`super::lloyd::step`]): the
//! nearest centroid of every point, and each cluster's running sum, in one
//! pass over the rows as they come (row-major, contiguous, no copy, no
//! per-point allocation).
//!
//! Centroids are ranked by `‖c‖² − 2 x·c` (the squared distance minus the
//! point's own `‖x‖²`, which does not change the ranking), like
//! scikit-learn's blocked distances. Two points share a 128-bit vector,
//! one per lane: a feature of the pair costs one vector multiply-add per
//! centroid against the centroid's pre-multiplied `−2 c_j` broadcast from
//! memory, the `K` scores of the pair stay in `K` registers (the centroid
//! count is a const generic, so they are not an array in memory), and the
//! choice among them is two vector ops per centroid (a compare, then a
//! `pmin` and a lane select of the index), with no branch and no lane
//! extraction until the two labels. More than eight centroids are ranked
//! in equal panels of at most eight, padded with never-chosen centroids
//! (`‖c‖² = ∞`).
//!
//! In wasm the vectors are simd128's `f64x2` ([`pair`]); natively they are
//! `[f64; 2]`, which LLVM keeps in SSE2 registers. The scores are the same
//! operations in the same order either way (a multiply, then an add), so
//! the labels are identical on both.
//!
//! Measured in wasm (V8, 100,000 × 8, k = 5, per step with the sums): the
//! earlier layout — one point's scores for panels of six centroids across
//! three vectors, the choice by lane extraction — ran 2.6–2.8 ms, this
//! one 1.2–1.3 ms, of which the cluster sums are ≈ 0.4 ms (two points per
//! vector beat four: the eight extra accumulators spilled). The old
//! layout's cost in wasm was its shape, not the compiler settings: the
//! scores went through linear memory to be compared lane by lane, each
//! centroid pair was two lane loads, and the inner loop kept a bounds
//! check; the same step built at `opt-level = "z"` ran 3× slower in V8
//! than at 3 (the "1.04 ms in the bench crate" once noted here was a
//! native criterion figure).

use super::lloyd::Points;

/// At most this many centroids are scored at once (their scores, the
/// pair of points and a broadcast fit the 16 vector registers).
const MAX_PANEL: usize = 8;

/// Reusable buffer of [`rank_and_sum`] (the packed centroids), so that an
/// iteration allocates nothing.
#[derive(Debug, Clone, Default)]
pub struct Scratch {
    panels: Vec<f64>,
}

/// Centroids packed for the ranking, `width` per panel: first their
/// `‖c‖²`, then `d` groups of `width` values `−2 c_j`. Padding centroids
/// have `‖c‖² = ∞` and coordinates 0, so their score is ∞ and never wins.
fn pack(centroids: &[f64], d: usize, width: usize, out: &mut Vec<f64>) {
    let k = centroids.len() / d;
    let centroid = |c: usize| centroids.get(c * d..(c + 1) * d);
    out.clear();
    for first in (0..k).step_by(width) {
        for c in first..first + width {
            out.push(centroid(c).map_or(f64::INFINITY, |c| c.iter().map(|v| v * v).sum()));
        }
        for j in 0..d {
            for c in first..first + width {
                out.push(centroid(c).map_or(0.0, |c| -2.0 * c[j]));
            }
        }
    }
}

/// Labels every point with its nearest centroid (the first on ties; rows
/// of `x`, `centroids` is `k × d` row-major) and adds it to its cluster's
/// `sums` (`k × d`) and `counts` (`k`), which the caller has zeroed.
pub fn rank_and_sum(
    x: &Points,
    centroids: &[f64],
    labels: &mut [usize],
    sums: &mut [f64],
    counts: &mut [f64],
    scratch: &mut Scratch,
) {
    let d = x.d;
    let k = centroids.len() / d.max(1);
    if d == 0 || k == 0 {
        labels.fill(0);
        return;
    }
    let width = k.div_ceil(k.div_ceil(MAX_PANEL));
    pack(centroids, d, width, &mut scratch.panels);
    let panels = &scratch.panels;
    let sums = Sums { d, sums, counts };
    match width {
        1 => rank_and_sum_by::<1>(x, panels, labels, sums),
        2 => rank_and_sum_by::<2>(x, panels, labels, sums),
        3 => rank_and_sum_by::<3>(x, panels, labels, sums),
        4 => rank_and_sum_by::<4>(x, panels, labels, sums),
        5 => rank_and_sum_by::<5>(x, panels, labels, sums),
        6 => rank_and_sum_by::<6>(x, panels, labels, sums),
        7 => rank_and_sum_by::<7>(x, panels, labels, sums),
        _ => rank_and_sum_by::<MAX_PANEL>(x, panels, labels, sums),
    }
}

/// The clusters' running sums and counts.
struct Sums<'a> {
    d: usize,
    sums: &'a mut [f64],
    counts: &'a mut [f64],
}

impl Sums<'_> {
    /// Adds `row` to cluster `c`.
    #[inline(always)]
    fn add(&mut self, c: usize, row: &[f64]) {
        let d = self.d;
        if let (Some(n), Some(sum)) = (
            self.counts.get_mut(c),
            self.sums.get_mut(c * d..(c + 1) * d),
        ) {
            *n += 1.0;
            for (s, v) in sum.iter_mut().zip(row) {
                *s += v;
            }
        }
    }
}

/// [`rank_and_sum`] with panels of `K` centroids.
fn rank_and_sum_by<const K: usize>(
    x: &Points,
    panels: &[f64],
    labels: &mut [usize],
    mut sums: Sums,
) {
    let d = x.d;
    let mut pairs = x.rows.chunks_exact(2 * d);
    let mut out = labels.chunks_exact_mut(2);
    for (rows, out) in pairs.by_ref().zip(out.by_ref()) {
        let (a, b) = rows.split_at(d);
        let best = nearest::<K>(a, b, panels, d);
        out.copy_from_slice(&best);
        sums.add(best[0], a);
        sums.add(best[1], b);
    }
    for (row, label) in pairs.remainder().chunks_exact(d).zip(out.into_remainder()) {
        *label = nearest::<K>(row, row, panels, d)[0];
        sums.add(*label, row);
    }
}

/// The nearest centroids of points `a` and `b` (one per lane).
#[inline(always)]
fn nearest<const K: usize>(a: &[f64], b: &[f64], panels: &[f64], d: usize) -> [usize; 2] {
    use pair::{Labels, Pair};
    let mut best = Pair::splat(f64::INFINITY);
    let mut which = Labels::default();
    for (q, panel) in panels.chunks_exact((d + 1) * K).enumerate() {
        let (norms, coords) = panel.split_at(K);
        let mut scores: [Pair; K] = std::array::from_fn(|c| Pair::splat(norms[c]));
        for ((&xa, &xb), c) in a.iter().zip(b).zip(coords.chunks_exact(K)) {
            let x = Pair::new(xa, xb);
            for (score, &c) in scores.iter_mut().zip(c) {
                *score = score.add_product(x, c);
            }
        }
        for (l, &score) in scores.iter().enumerate() {
            which.take_if_closer(score, &mut best, q * K + l);
        }
    }
    which.get()
}

/// Two `f64` lanes, and two labels, as simd128 vectors.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod pair {
    use core::arch::wasm32::{
        f64x2, f64x2_add, f64x2_lt, f64x2_mul, f64x2_pmin, f64x2_splat, i64x2_extract_lane,
        i64x2_splat, v128, v128_bitselect,
    };

    /// Two `f64`, one per point.
    #[derive(Clone, Copy)]
    pub struct Pair(v128);

    impl Pair {
        #[inline(always)]
        pub fn new(a: f64, b: f64) -> Pair {
            Pair(f64x2(a, b))
        }

        #[inline(always)]
        pub fn splat(v: f64) -> Pair {
            Pair(f64x2_splat(v))
        }

        /// `self + x · c` (a multiply, then an add).
        #[inline(always)]
        pub fn add_product(self, x: Pair, c: f64) -> Pair {
            Pair(f64x2_add(self.0, f64x2_mul(x.0, f64x2_splat(c))))
        }
    }

    /// Two labels, one per point.
    #[derive(Clone, Copy)]
    pub struct Labels(v128);

    impl Default for Labels {
        fn default() -> Labels {
            Labels(i64x2_splat(0))
        }
    }

    impl Labels {
        /// In each lane where `score < best`: `best = score`, label `c`.
        #[inline(always)]
        pub fn take_if_closer(&mut self, score: Pair, best: &mut Pair, c: usize) {
            let closer = f64x2_lt(score.0, best.0);
            best.0 = f64x2_pmin(best.0, score.0);
            self.0 = v128_bitselect(i64x2_splat(c as i64), self.0, closer);
        }

        #[inline(always)]
        pub fn get(self) -> [usize; 2] {
            [
                i64x2_extract_lane::<0>(self.0) as usize,
                i64x2_extract_lane::<1>(self.0) as usize,
            ]
        }
    }
}

/// Two `f64` lanes, and two labels, as arrays (SSE2 registers natively).
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod pair {
    /// Two `f64`, one per point.
    #[derive(Clone, Copy)]
    pub struct Pair([f64; 2]);

    impl Pair {
        #[inline(always)]
        pub fn new(a: f64, b: f64) -> Pair {
            Pair([a, b])
        }

        #[inline(always)]
        pub fn splat(v: f64) -> Pair {
            Pair([v, v])
        }

        /// `self + x · c` (a multiply, then an add).
        #[inline(always)]
        pub fn add_product(self, x: Pair, c: f64) -> Pair {
            Pair([self.0[0] + x.0[0] * c, self.0[1] + x.0[1] * c])
        }
    }

    /// Two labels, one per point.
    #[derive(Clone, Copy, Default)]
    pub struct Labels([usize; 2]);

    impl Labels {
        /// In each lane where `score < best`: `best = score`, label `c`.
        #[inline(always)]
        pub fn take_if_closer(&mut self, score: Pair, best: &mut Pair, c: usize) {
            for lane in 0..2 {
                let closer = score.0[lane] < best.0[lane];
                best.0[lane] = if closer { score.0[lane] } else { best.0[lane] };
                self.0[lane] = if closer { c } else { self.0[lane] };
            }
        }

        #[inline(always)]
        pub fn get(self) -> [usize; 2] {
            self.0
        }
    }
}
