//! The fast k-means engine: the same update as `linfa_clustering::KMeans`
//! (m_k-means, see [`super`]) on the data as it comes, row-major and
//! contiguous, with no per-point allocation.
//!
//! The assignment step ([`super::ranking`]) ranks centroids by
//! `‖c‖² − 2 x·c` and adds each point to its cluster's running sum in the
//! same pass, so an iteration reads the data once ([`step`]). Distances
//! reported to callers ([`assign`], the final inertia) are recomputed
//! exactly as `Σ (x − c)²` for the chosen centroid; `‖x‖²` is therefore
//! never needed.
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

use super::ranking::rank_and_sum;
pub use super::ranking::Scratch;

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

/// Squared Euclidean distance.
fn sq_dist(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum()
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
    sums.fill(0.0);
    counts.fill(0.0);
    rank_and_sum(x, centroids, labels, sums, counts, scratch);
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
