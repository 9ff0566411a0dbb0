//! K-means clustering of standardised features.
//!
//! Both engines ([`Engine`]: [`lloyd`] or `linfa_clustering::KMeans`) run linfa's variant of Lloyd's algorithm,
//! *m_k-means*: the update step averages each cluster's points together with
//! its old centroid, so clusters never empty. Its fixed points are exactly
//! Lloyd's (a centroid equal to its cluster's mean stays put), so run to
//! convergence from the same start it ends where scikit-learn's
//! `KMeans(algorithm="lloyd")` ends: the fixture test checks labels and
//! inertia against it. Each update moves a centroid `n_c / (n_c + 1)` of
//! the way to its cluster's mean, so the last steps converge geometrically
//! rather than in one jump; the tolerance is on the centroid movement.
//!
//! [`KMeansFit::inertia`] is scikit-learn's: the *sum* of squared distances
//! to the final centroids (linfa's `inertia()` is the mean).

pub mod hyperparams;
pub mod lloyd;
pub mod ranking;

pub use super::Engine;
pub use hyperparams::{KMeansInit, KMeansParams};

use linfa::prelude::*;
use linfa::DatasetBase;
use linfa_clustering::KMeans;
use ndarray::{Array2, ArrayView2};
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256Plus;
use serde::{Deserialize, Serialize};

use super::error::{MlError, Result};
use super::{Progress, Stage};
use lloyd::Points;

/// A fitted clustering.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KMeansFit {
    /// Number of clusters.
    pub k: usize,
    /// Centroids in the space of the data given (standardised units).
    pub centroids: Vec<Vec<f64>>,
    /// Cluster of every row.
    pub labels: Vec<usize>,
    /// Rows per cluster.
    pub sizes: Vec<usize>,
    /// Sum of squared distances to the nearest centroid (scikit-learn's).
    pub inertia: f64,
    /// Update steps of the winning start (`None` from the linfa engine,
    /// which does not report them). Divide a timing by this to get the time
    /// per iteration.
    pub iterations: Option<usize>,
}

/// Clusters the rows of `x` (normally standardised). Calls `progress` after
/// every iteration (stage [`Stage::Clustering`], `done` = iteration of the
/// current start); returning `false` cancels.
pub fn fit(
    x: ArrayView2<f64>,
    params: &KMeansParams,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<KMeansFit> {
    let (n, d) = x.dim();
    params.check(n, d)?;
    match params.engine {
        Engine::Fast => {
            let run = fit_fast(x, params, progress)?;
            Ok(from_run(
                d,
                run.centroids,
                run.labels,
                run.inertia,
                Some(run.iterations),
            ))
        }
        Engine::Linfa => {
            let centroids = fit_linfa(x, params, progress)?;
            let points = Points::new(x);
            let mut labels = vec![0; n];
            let mut dists = vec![0.0; n];
            lloyd::assign(&points, &centroids, &mut labels, &mut dists);
            Ok(from_run(d, centroids, labels, dists.iter().sum(), None))
        }
    }
}

fn fit_fast(
    x: ArrayView2<f64>,
    params: &KMeansParams,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<lloyd::Run> {
    let points = Points::new(x);
    let mut rng = Xoshiro256Plus::seed_from_u64(params.seed);
    let mut best: Option<lloyd::Run> = None;
    let runs = match params.init {
        KMeansInit::Precomputed(_) => 1,
        KMeansInit::KMeansPlusPlus => params.n_init,
    };
    for _ in 0..runs {
        let start = match &params.init {
            KMeansInit::Precomputed(c) => c.concat(),
            KMeansInit::KMeansPlusPlus => lloyd::plus_plus(&points, params.k, &mut rng),
        };
        let mut hook = |i| {
            progress(Progress {
                stage: Stage::Clustering,
                done: i,
                total: params.max_iter,
            })
        };
        let run = lloyd::run(&points, start, params.max_iter, params.tolerance, &mut hook)
            .ok_or(MlError::Cancelled)?;
        if best.as_ref().is_none_or(|b| run.inertia < b.inertia) {
            best = Some(run);
        }
    }
    // `runs >= 1` (checked), so a best run exists.
    Ok(best.expect("at least one k-means start"))
}

fn fit_linfa(
    x: ArrayView2<f64>,
    params: &KMeansParams,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Vec<f64>> {
    let d = x.ncols();
    let init = match &params.init {
        KMeansInit::KMeansPlusPlus => linfa_clustering::KMeansInit::KMeansPlusPlus,
        KMeansInit::Precomputed(c) => linfa_clustering::KMeansInit::Precomputed(
            Array2::from_shape_vec((params.k, d), c.concat())
                .map_err(|e| MlError::Fit(e.to_string()))?,
        ),
    };
    let n_runs = if matches!(params.init, KMeansInit::Precomputed(_)) {
        1
    } else {
        params.n_init
    };
    let dataset = DatasetBase::from(x.to_owned());
    let model = KMeans::params_with_rng(params.k, Xoshiro256Plus::seed_from_u64(params.seed))
        .n_runs(n_runs)
        .max_n_iterations(params.max_iter as u64)
        .tolerance(params.tolerance)
        .init_method(init)
        .fit(&dataset)
        .map_err(|e| MlError::Fit(e.to_string()))?;
    if !progress(Progress {
        stage: Stage::Clustering,
        done: params.max_iter,
        total: params.max_iter,
    }) {
        return Err(MlError::Cancelled);
    }
    Ok(model.centroids().iter().copied().collect())
}

/// The result from final centroids (`k × d` row-major) and labels.
fn from_run(
    d: usize,
    centroids: Vec<f64>,
    labels: Vec<usize>,
    inertia: f64,
    iterations: Option<usize>,
) -> KMeansFit {
    let k = centroids.len() / d;
    let mut sizes = vec![0; k];
    for &l in &labels {
        sizes[l] += 1;
    }
    KMeansFit {
        k,
        centroids: centroids.chunks(d).map(<[f64]>::to_vec).collect(),
        labels,
        sizes,
        inertia,
        iterations,
    }
}
