//! The fast k-means engine: the same update as `linfa_clustering::KMeans`
//! (m_k-means, see [`super`]) on a column-major copy of the data, so the
//! distance loop runs over contiguous memory for a block of points at a
//! time and the compiler vectorises it.
//!
//! Hand-written because it is hot and measured (`benches/analytics.rs`):
//! linfa allocates the new centroid matrix and walks rows through ndarray
//! views, and with its `rayon` feature it spreads the assignment over
//! threads natively, which a browser worker does not have. Given the same
//! labels both engines give the same centroids up to rounding (the sums are
//! split in four lanes here, see [`update`]), and distances are summed
//! feature by feature (linfa's ndarray sum unrolls differently); this can
//! only matter for a point exactly half-way between two centroids. The
//! tests check that both engines give the same labels step by step.

use ndarray::ArrayView2;
use rand::Rng;

/// Points per block of the assignment step (fits in L1 with the distances).
const BLOCK: usize = 256;

/// Points whose distances are summed together in registers.
const GROUP: usize = 8;

/// The data, column by column: `data[j * n + i]` is feature `j` of point `i`.
#[derive(Debug, Clone, PartialEq)]
pub struct Columns {
    /// Number of points.
    pub n: usize,
    /// Number of features.
    pub d: usize,
    /// The values, column-major.
    pub data: Vec<f64>,
}

impl Columns {
    /// A column-major copy of a `n × d` matrix.
    pub fn from_rows(x: ArrayView2<f64>) -> Columns {
        let (n, d) = x.dim();
        let mut data = Vec::with_capacity(n * d);
        for col in x.columns() {
            data.extend(col.iter());
        }
        Columns { n, d, data }
    }

    fn col(&self, j: usize) -> &[f64] {
        &self.data[j * self.n..(j + 1) * self.n]
    }
}

/// Nearest centroid (first on ties) and squared distance of every point.
/// `centroids` is `k × d`, row-major.
pub fn assign(x: &Columns, centroids: &[f64], labels: &mut [usize], dists: &mut [f64]) {
    let (n, d) = (x.n, x.d);
    let k = centroids.len() / d.max(1);
    let mut best = [0.0f64; BLOCK];
    // Labels as f64 so the compare-and-select below vectorises (no branch).
    let mut lab = [0.0f64; BLOCK];
    let mut dist = [0.0f64; BLOCK];
    for start in (0..n).step_by(BLOCK) {
        let m = BLOCK.min(n - start);
        for c in 0..k {
            let dist = &mut dist[..m];
            let centre = &centroids[c * d..(c + 1) * d];
            // Eight points at a time, their sums kept in registers across
            // the features (each point's sum still runs feature 0, 1, …).
            let whole = m - m % GROUP;
            for t in (0..whole).step_by(GROUP) {
                let mut acc = [0.0f64; GROUP];
                for (j, &cj) in centre.iter().enumerate() {
                    let at = j * n + start + t;
                    let v: &[f64; GROUP] = x.data[at..at + GROUP]
                        .try_into()
                        .expect("slice of GROUP values");
                    for q in 0..GROUP {
                        let e = v[q] - cj;
                        acc[q] += e * e;
                    }
                }
                dist[t..t + GROUP].copy_from_slice(&acc);
            }
            for (t, s) in dist.iter_mut().enumerate().skip(whole) {
                *s = centre.iter().enumerate().fold(0.0, |a, (j, &cj)| {
                    let e = x.data[j * n + start + t] - cj;
                    a + e * e
                });
            }
            if c == 0 {
                best[..m].copy_from_slice(dist);
                lab[..m].fill(0.0);
            } else {
                let cf = c as f64;
                for ((b, l), &s) in best[..m].iter_mut().zip(&mut lab[..m]).zip(dist.iter()) {
                    let closer = s < *b;
                    *b = if closer { s } else { *b };
                    *l = if closer { cf } else { *l };
                }
            }
        }
        for (out, &l) in labels[start..start + m].iter_mut().zip(&lab[..m]) {
            *out = l as usize;
        }
        dists[start..start + m].copy_from_slice(&best[..m]);
    }
}

/// linfa's m_k-means update: each new centroid is the mean of its points
/// *and the old centroid* (counted as one more point), so no cluster ever
/// empties. Writes into `new` (`k × d`).
///
/// Points are summed into four interleaved partial sums per cluster and
/// feature (point `i` into lane `i % 4`), so that runs of points in the same
/// cluster do not wait on each other's additions; the sums therefore round
/// differently from linfa's one-by-one order (by about 1e-16 relative).
pub fn update(x: &Columns, labels: &[usize], old: &[f64], new: &mut [f64], counts: &mut [f64]) {
    const LANES: usize = 4;
    let (n, d) = (x.n, x.d);
    let k = counts.len();
    counts.fill(1.0);
    for &l in labels {
        counts[l] += 1.0;
    }
    let mut acc = vec![0.0f64; k * LANES];
    let whole = n - n % LANES;
    for j in 0..d {
        acc.fill(0.0);
        let col = x.col(j);
        for (vals, labs) in col[..whole]
            .chunks_exact(LANES)
            .zip(labels[..whole].chunks_exact(LANES))
        {
            acc[labs[0] * LANES] += vals[0];
            acc[labs[1] * LANES + 1] += vals[1];
            acc[labs[2] * LANES + 2] += vals[2];
            acc[labs[3] * LANES + 3] += vals[3];
        }
        for (i, &v) in col.iter().enumerate().skip(whole) {
            acc[labels[i] * LANES + i % LANES] += v;
        }
        for c in 0..k {
            let a = &acc[c * LANES..(c + 1) * LANES];
            let sum = (a[0] + a[1]) + (a[2] + a[3]);
            new[c * d + j] = (sum + old[c * d + j]) / counts[c];
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
    x: &Columns,
    mut centroids: Vec<f64>,
    max_iter: usize,
    tolerance: f64,
    on_iteration: &mut dyn FnMut(usize) -> bool,
) -> Option<Run> {
    let k = centroids.len() / x.d.max(1);
    let mut labels = vec![0; x.n];
    let mut dists = vec![0.0; x.n];
    let mut new = vec![0.0; centroids.len()];
    let mut counts = vec![0.0; k];
    let mut iterations = 0;
    loop {
        assign(x, &centroids, &mut labels, &mut dists);
        update(x, &labels, &centroids, &mut new, &mut counts);
        let shift: f64 = centroids
            .iter()
            .zip(&new)
            .map(|(a, b)| (a - b) * (a - b))
            .sum::<f64>()
            .sqrt();
        std::mem::swap(&mut centroids, &mut new);
        iterations += 1;
        if !on_iteration(iterations) {
            return None;
        }
        if shift < tolerance || iterations >= max_iter {
            break;
        }
    }
    assign(x, &centroids, &mut labels, &mut dists);
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
pub fn plus_plus(x: &Columns, k: usize, rng: &mut impl Rng) -> Vec<f64> {
    let (n, d) = (x.n, x.d);
    let mut centroids = Vec::with_capacity(k * d);
    let mut pick = rng.gen_range(0..n);
    let mut nearest = vec![f64::INFINITY; n];
    for c in 0..k {
        centroids.extend((0..d).map(|j| x.data[j * n + pick]));
        if c + 1 == k {
            break;
        }
        let mut total = 0.0;
        for (i, best) in nearest.iter_mut().enumerate() {
            let s: f64 = (0..d)
                .map(|j| {
                    let e = x.data[j * n + i] - centroids[c * d + j];
                    e * e
                })
                .sum();
            *best = best.min(s);
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
