//! The fast k-means engine: the same update as `linfa_clustering::KMeans`
//! (m_k-means, see [`super`]) on the data as it comes, row-major and
//! contiguous, with no per-point allocation.
//!
//! The assignment step ranks centroids by `‖c‖² − 2 x·c` (the squared
//! distance minus the point's own `‖x‖²`, which does not change the
//! ranking), like scikit-learn's: centroids are packed six at a time,
//! feature by feature and pre-multiplied by −2, so each feature of a point
//! costs one broadcast and one vector multiply-add per pair of centroids
//! (SSE2 natively, simd128 in wasm), three points at a time so that their
//! sums are independent; the choice among a panel's scores is then made
//! centroid by centroid without branches. The same pass adds each point to
//! its cluster's running sum, so an iteration reads the data once
//! ([`step`]). Distances reported to callers ([`assign`], the final
//! inertia) are recomputed exactly as `Σ (x − c)²` for the chosen centroid;
//! `‖x‖²` is therefore never needed.
//!
//! Measured (100,000 × 8, k = 5, natively): 1.75 ms per step (was 2.56 ms
//! with a column-major copy and exact distances). In wasm (headless
//! Chromium, optimised tier, simd128) the generic ranking took 3.9 ms per
//! iteration and the explicit `f64x2` one (`nearest_simd`) 2.9 ms. The same `step`
//! instantiated in the bench crate (`#[inline]`) ran in 1.04 ms; why the
//! copy compiled in this crate is slower is not yet understood.
//!
//! Hand-written because it is hot and measured (`benches/analytics.rs`):
//! linfa allocates the new centroid matrix and walks rows through ndarray
//! views, and with its `rayon` feature it spreads the assignment over
//! threads natively, which a browser worker does not have. Given the same
//! labels both engines give the same centroids up to rounding; the ranking
//! by `‖c‖² − 2 x·c` can differ from linfa's exact distances only for a
//! point within rounding of half-way between two centroids. The tests
//! check that both engines give the same labels step by step.

use std::borrow::Cow;

use ndarray::ArrayView2;
use rand::Rng;

/// Centroids per packed panel: three 128-bit vectors of f64, so one
/// broadcast of a point's feature serves six centroids (measured at
/// k = 5: 6 beats 2, 4, 8 and 10).
const W: usize = 6;

/// Points ranked together, so that their sums are independent chains
/// (measured with W = 6: 3 beats 1, 2 and 4; 3 × 3 accumulators fit the
/// 16 vector registers).
const P: usize = 3;

/// The data, row-major: `rows[i * d + j]` is feature `j` of point `i`.
#[derive(Debug, Clone, PartialEq)]
pub struct Points<'a> {
    /// Number of points.
    pub n: usize,
    /// Number of features.
    pub d: usize,
    /// The values, row-major (borrowed when the array already is).
    pub rows: Cow<'a, [f64]>,
}

impl<'a> Points<'a> {
    /// The rows of a `n × d` matrix; borrowed when it is contiguous and
    /// row-major, copied otherwise.
    pub fn new(x: ArrayView2<'a, f64>) -> Points<'a> {
        let (n, d) = x.dim();
        let rows = match x.to_slice() {
            Some(s) => Cow::Borrowed(s),
            None => Cow::Owned(x.iter().copied().collect()),
        };
        Points { n, d, rows }
    }

    /// Point `i`.
    pub fn row(&self, i: usize) -> &[f64] {
        &self.rows[i * self.d..(i + 1) * self.d]
    }
}

/// Centroids packed for the ranking: per panel of [`W`] centroids, first
/// their `‖c‖²`, then `d` groups of `W` values `−2 c_j`. Missing centroids
/// of the last panel have `‖c‖² = ∞` and are never chosen.
fn pack<const W: usize>(centroids: &[f64], d: usize, out: &mut Vec<f64>) {
    let k = centroids.len() / d.max(1);
    out.clear();
    for first in (0..k).step_by(W) {
        for l in 0..W {
            let c = first + l;
            out.push(if c < k {
                centroids[c * d..(c + 1) * d].iter().map(|v| v * v).sum()
            } else {
                f64::INFINITY
            });
        }
        for j in 0..d {
            for l in 0..W {
                let c = first + l;
                out.push(if c < k {
                    -2.0 * centroids[c * d + j]
                } else {
                    0.0
                });
            }
        }
    }
}

/// The nearest centroid of each of `P` points (the first on ties): a
/// panel's `W` scores per point in vector registers, then the choice
/// centroid by centroid in index order with a strict `<` (no branch).
#[inline(always)]
#[cfg_attr(
    all(target_arch = "wasm32", target_feature = "simd128"),
    expect(dead_code, reason = "wasm with simd128 uses nearest_simd")
)]
fn nearest<const W: usize, const P: usize>(
    xs: [&[f64]; P],
    panels: &[f64],
    d: usize,
    k: usize,
) -> [usize; P] {
    let mut best = [f64::INFINITY; P];
    let mut which = [0usize; P];
    for (q, panel) in panels.chunks_exact((d + 1) * W).enumerate() {
        let (norms, coords) = panel.split_at(W);
        let norms: &[f64; W] = norms.try_into().expect("a panel starts with W norms");
        let mut acc = [*norms; P];
        for (j, c) in coords.chunks_exact(W).enumerate() {
            let c: &[f64; W] = c.try_into().expect("chunks of W");
            for p in 0..P {
                let v = xs[p][j];
                for l in 0..W {
                    acc[p][l] += v * c[l];
                }
            }
        }
        let last = W.min(k.saturating_sub(q * W));
        for p in 0..P {
            for (l, &score) in acc[p][..last].iter().enumerate() {
                let closer = score < best[p];
                best[p] = if closer { score } else { best[p] };
                which[p] = if closer { q * W + l } else { which[p] };
            }
        }
    }
    which
}

/// [`nearest`] for `W = 6` written with wasm's 128-bit vectors: three
/// `f64x2` accumulators per point. The same operations in the same order
/// (a multiply, then an add), so the same scores and labels; compiled for
/// wasm with simd128, where LLVM left the generic version's accumulator
/// arrays in linear memory (measured: several times slower than natively).
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline(always)]
fn nearest_simd<const P: usize>(xs: [&[f64]; P], panels: &[f64], d: usize, k: usize) -> [usize; P] {
    use core::arch::wasm32::{f64x2, f64x2_add, f64x2_extract_lane, f64x2_mul, f64x2_splat};
    const { assert!(W == 6, "three f64x2 vectors per panel") };
    let mut best = [f64::INFINITY; P];
    let mut which = [0usize; P];
    for (q, panel) in panels.chunks_exact((d + 1) * W).enumerate() {
        let pair = |i: usize| f64x2(panel[i], panel[i + 1]);
        let mut acc = [[pair(0), pair(2), pair(4)]; P];
        for (j, c) in panel[W..].chunks_exact(W).enumerate() {
            let c = [f64x2(c[0], c[1]), f64x2(c[2], c[3]), f64x2(c[4], c[5])];
            for p in 0..P {
                let v = f64x2_splat(xs[p][j]);
                for h in 0..3 {
                    acc[p][h] = f64x2_add(acc[p][h], f64x2_mul(v, c[h]));
                }
            }
        }
        let last = W.min(k.saturating_sub(q * W));
        for p in 0..P {
            let [a, b, c] = acc[p];
            let scores = [
                f64x2_extract_lane::<0>(a),
                f64x2_extract_lane::<1>(a),
                f64x2_extract_lane::<0>(b),
                f64x2_extract_lane::<1>(b),
                f64x2_extract_lane::<0>(c),
                f64x2_extract_lane::<1>(c),
            ];
            for (l, &score) in scores[..last].iter().enumerate() {
                let closer = score < best[p];
                best[p] = if closer { score } else { best[p] };
                which[p] = if closer { q * W + l } else { which[p] };
            }
        }
    }
    which
}

/// The nearest centroids of `P` points: the vector version where wasm has
/// simd128, the generic one elsewhere.
#[inline(always)]
fn nearest_of<const P: usize>(xs: [&[f64]; P], panels: &[f64], d: usize, k: usize) -> [usize; P] {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        nearest_simd::<P>(xs, panels, d, k)
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    {
        nearest::<W, P>(xs, panels, d, k)
    }
}

/// Squared Euclidean distance.
fn sq_dist(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum()
}

/// Reusable buffers of [`step`] (the packed centroids), so that an
/// iteration allocates nothing.
#[derive(Debug, Clone, Default)]
pub struct Scratch {
    panels: Vec<f64>,
}

/// One Lloyd step from `centroids` (`k × d`, row-major): the nearest
/// centroid of every point into `labels`, and per cluster the sum of its
/// points into `sums` (`k × d`) and their number into `counts` (`k`).
pub fn step(
    x: &Points,
    centroids: &[f64],
    labels: &mut [usize],
    sums: &mut [f64],
    counts: &mut [f64],
    scratch: &mut Scratch,
) {
    let d = x.d;
    let k = centroids.len() / d.max(1);
    pack::<W>(centroids, d, &mut scratch.panels);
    sums.fill(0.0);
    counts.fill(0.0);
    if d == 0 {
        labels.fill(0);
        return;
    }
    let mut add = |c: usize, row: &[f64]| {
        if let (Some(n), Some(s)) = (counts.get_mut(c), sums.get_mut(c * d..(c + 1) * d)) {
            *n += 1.0;
            for (s, v) in s.iter_mut().zip(row) {
                *s += v;
            }
        }
    };
    let mut groups = x.rows.chunks_exact(P * d);
    let mut out = labels.chunks_exact_mut(P);
    for (group, out) in groups.by_ref().zip(out.by_ref()) {
        let xs: [&[f64]; P] = std::array::from_fn(|p| &group[p * d..(p + 1) * d]);
        let best = nearest_of::<P>(xs, &scratch.panels, d, k);
        out.copy_from_slice(&best);
        for (&c, row) in best.iter().zip(xs) {
            add(c, row);
        }
    }
    for (row, l) in groups.remainder().chunks_exact(d).zip(out.into_remainder()) {
        let [best] = nearest_of::<1>([row], &scratch.panels, d, k);
        *l = best;
        add(best, row);
    }
}

/// Nearest centroid (first on ties) of every point, and its exact squared
/// distance `Σ (x − c)²`. `centroids` is `k × d`, row-major.
pub fn assign(x: &Points, centroids: &[f64], labels: &mut [usize], dists: &mut [f64]) {
    let k = centroids.len() / x.d.max(1);
    let mut sums = vec![0.0; k * x.d];
    let mut counts = vec![0.0; k];
    step(
        x,
        centroids,
        labels,
        &mut sums,
        &mut counts,
        &mut Scratch::default(),
    );
    distances(x, centroids, labels, dists);
}

/// The exact squared distance of every point to its labelled centroid.
pub fn distances(x: &Points, centroids: &[f64], labels: &[usize], dists: &mut [f64]) {
    let d = x.d;
    for ((out, &l), i) in dists.iter_mut().zip(labels).zip(0..x.n) {
        *out = sq_dist(x.row(i), &centroids[l * d..(l + 1) * d]);
    }
}

/// linfa's m_k-means update from a [`step`]'s sums: each new centroid is
/// the mean of its points *and the old centroid* (counted as one more
/// point), so no cluster ever empties. Writes into `new` (`k × d`).
pub fn update(sums: &[f64], counts: &[f64], old: &[f64], new: &mut [f64]) {
    let d = old.len() / counts.len().max(1);
    for (c, &count) in counts.iter().enumerate() {
        for j in c * d..(c + 1) * d {
            new[j] = (sums[j] + old[j]) / (count + 1.0);
        }
    }
}

/// One finished run.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// Final centroids, `k × d` row-major.
    pub centroids: Vec<f64>,
    /// Nearest final centroid of every point.
    pub labels: Vec<usize>,
    /// Sum of squared distances to the nearest final centroid.
    pub inertia: f64,
    /// Update steps taken.
    pub iterations: usize,
}

/// Iterates from `centroids` until they move less than `tolerance` or
/// `max_iter` updates were made, then assigns every point to its nearest
/// final centroid. `on_iteration(i)` runs after update `i`; returning
/// `false` stops and yields `None`.
pub fn run(
    x: &Points,
    mut centroids: Vec<f64>,
    max_iter: usize,
    tolerance: f64,
    on_iteration: &mut dyn FnMut(usize) -> bool,
) -> Option<Run> {
    let k = centroids.len() / x.d.max(1);
    let mut labels = vec![0; x.n];
    let mut sums = vec![0.0; centroids.len()];
    let mut new = vec![0.0; centroids.len()];
    let mut counts = vec![0.0; k];
    let mut scratch = Scratch::default();
    let mut iterations = 0;
    loop {
        step(
            x,
            &centroids,
            &mut labels,
            &mut sums,
            &mut counts,
            &mut scratch,
        );
        update(&sums, &counts, &centroids, &mut new);
        let shift = sq_dist(&centroids, &new).sqrt();
        std::mem::swap(&mut centroids, &mut new);
        iterations += 1;
        if !on_iteration(iterations) {
            return None;
        }
        if shift < tolerance || iterations >= max_iter {
            break;
        }
    }
    step(
        x,
        &centroids,
        &mut labels,
        &mut sums,
        &mut counts,
        &mut scratch,
    );
    let mut dists = vec![0.0; x.n];
    distances(x, &centroids, &labels, &mut dists);
    Some(Run {
        centroids,
        labels,
        inertia: dists.iter().sum(),
        iterations,
    })
}

/// k-means++ starting centroids (`k × d`): the first point uniformly, each
/// next one with probability proportional to its squared distance from the
/// nearest centroid so far.
pub fn plus_plus(x: &Points, k: usize, rng: &mut impl Rng) -> Vec<f64> {
    let (n, d) = (x.n, x.d);
    let mut centroids = Vec::with_capacity(k * d);
    let mut pick = rng.gen_range(0..n);
    let mut nearest = vec![f64::INFINITY; n];
    for c in 0..k {
        centroids.extend_from_slice(x.row(pick));
        if c + 1 == k {
            break;
        }
        let centre = &centroids[c * d..(c + 1) * d];
        let mut total = 0.0;
        for (best, row) in nearest.iter_mut().zip(x.rows.chunks_exact(d.max(1))) {
            *best = best.min(sq_dist(row, centre));
            total += *best;
        }
        pick = if total > 0.0 {
            let mut target = rng.gen::<f64>() * total;
            nearest
                .iter()
                .position(|&w| {
                    target -= w;
                    target < 0.0
                })
                .unwrap_or(n - 1)
        } else {
            rng.gen_range(0..n)
        };
    }
    centroids
}

#[cfg(test)]
#[path = "lloyd_tests.rs"]
mod tests;
