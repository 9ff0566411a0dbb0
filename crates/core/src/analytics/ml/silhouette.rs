//! Silhouette score, as scikit-learn's `silhouette_score` defines it: for
//! each point, `a` = mean Euclidean distance to the other points of its
//! cluster, `b` = the smallest mean distance to the points of another
//! cluster, `s = (b − a) / max(a, b)`, and `s = 0` for a point alone in its
//! cluster; the score is the mean of `s`. (linfa's `SilhouetteScore` gives a
//! lone point 1 instead, and hashes a label per pair, so it is not used.)
//!
//! The exact score needs every pairwise distance, O(n²·d). Above
//! [`SilhouetteParams::max_exact`] rows it is computed on a seeded uniform
//! sample of that many rows, like `silhouette_score(sample_size=…,
//! random_state=…)`: the sample's own silhouette, not an estimate of each
//! point against all others. 2,000 rows take some 2 million distances.

use ndarray::ArrayView2;
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256Plus;
use serde::{Deserialize, Serialize};

/// How to compute the score on large data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SilhouetteParams {
    /// Largest row count scored exactly; above it a sample of this size.
    pub max_exact: usize,
    /// Seed of the sample.
    pub seed: u64,
}

impl Default for SilhouetteParams {
    /// `max_exact = 2000`, `seed = 7`.
    fn default() -> Self {
        SilhouetteParams {
            max_exact: 2000,
            seed: 7,
        }
    }
}

/// A score and how it was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Silhouette {
    /// Mean silhouette, −1 to 1 (higher: tighter, better separated clusters).
    pub score: f64,
    /// Rows the score was computed on (all of them, or the sample size).
    pub rows: usize,
    /// Whether those rows were a sample.
    pub sampled: bool,
}

/// The sample rows `silhouette` would use for `n` rows (all rows when
/// `n <= max_exact`), in increasing order. Reuse it to compare several k on
/// the same points.
pub fn sample_rows(n: usize, params: &SilhouetteParams) -> Vec<usize> {
    if n <= params.max_exact {
        return (0..n).collect();
    }
    let mut rng = Xoshiro256Plus::seed_from_u64(params.seed);
    let mut rows = rand::seq::index::sample(&mut rng, n, params.max_exact).into_vec();
    rows.sort_unstable();
    rows
}

/// The silhouette of `labels` (cluster `0..k` per row of `x`), exact or on a
/// sample (see the module doc). `None` when the rows scored hold fewer than
/// 2 clusters or every point is its own cluster (undefined, scikit-learn
/// raises).
pub fn silhouette(
    x: ArrayView2<f64>,
    labels: &[usize],
    params: &SilhouetteParams,
) -> Option<Silhouette> {
    let rows = sample_rows(x.nrows(), params);
    let score = silhouette_of_rows(x, labels, &rows)?;
    Some(Silhouette {
        score,
        rows: rows.len(),
        sampled: rows.len() < x.nrows(),
    })
}

/// The exact silhouette of the given rows among themselves.
pub fn silhouette_of_rows(x: ArrayView2<f64>, labels: &[usize], rows: &[usize]) -> Option<f64> {
    let m = rows.len();
    let d = x.ncols();
    let k = rows.iter().map(|&r| labels[r] + 1).max().unwrap_or(0);
    // Compact copies: the points row-major, their labels, cluster sizes.
    let pts: Vec<f64> = rows.iter().flat_map(|&r| x.row(r).to_vec()).collect();
    let lab: Vec<usize> = rows.iter().map(|&r| labels[r]).collect();
    let mut size = vec![0usize; k];
    for &l in &lab {
        size[l] += 1;
    }
    let used = size.iter().filter(|&&s| s > 0).count();
    if used < 2 || used >= m {
        return None;
    }
    // sums[i * k + c] = total distance from point i to the points of c.
    let mut sums = vec![0.0f64; m * k];
    for i in 0..m {
        let pi = &pts[i * d..(i + 1) * d];
        for j in (i + 1)..m {
            let pj = &pts[j * d..(j + 1) * d];
            let dist = pi
                .iter()
                .zip(pj)
                .map(|(a, b)| (a - b) * (a - b))
                .sum::<f64>()
                .sqrt();
            sums[i * k + lab[j]] += dist;
            sums[j * k + lab[i]] += dist;
        }
    }
    let mut total = 0.0;
    for i in 0..m {
        let own = lab[i];
        if size[own] == 1 {
            continue; // s = 0
        }
        let a = sums[i * k + own] / (size[own] - 1) as f64;
        let b = (0..k)
            .filter(|&c| c != own && size[c] > 0)
            .map(|c| sums[i * k + c] / size[c] as f64)
            .fold(f64::INFINITY, f64::min);
        let denom = a.max(b);
        if denom > 0.0 {
            total += (b - a) / denom;
        }
    }
    Some(total / m as f64)
}
