//! K-means settings, checked before fitting (linfa's `Params` → `check()`
//! pattern), serde so a request can cross the worker boundary.

use serde::{Deserialize, Serialize};

use crate::analytics::ml::error::{MlError, Result};
use crate::analytics::ml::Engine;

/// Where the centroids start.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KMeansInit {
    /// k-means++ (Arthur & Vassilvitskii), seeded (default).
    #[default]
    KMeansPlusPlus,
    /// Given centroids, `k` rows of the (standardised) feature space; used
    /// to compare with scikit-learn's `KMeans(init=centroids)`.
    Precomputed(Vec<Vec<f64>>),
}

/// K-means settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct KMeansParams {
    /// Number of clusters.
    pub k: usize,
    /// Independent starts; the one with the lowest inertia wins.
    pub n_init: usize,
    /// Most iterations per start.
    pub max_iter: usize,
    /// Stop when the centroids move less than this (Euclidean norm of the
    /// change of all centroids together, linfa's criterion).
    pub tolerance: f64,
    /// Seed of the k-means++ draws.
    pub seed: u64,
    /// Starting centroids.
    pub init: KMeansInit,
    /// Implementation.
    pub engine: Engine,
}

impl Default for KMeansParams {
    fn default() -> Self {
        KMeansParams::new(3)
    }
}

impl KMeansParams {
    /// Settings for `k` clusters with the defaults: `n_init = 3`,
    /// `max_iter = 300`, `tolerance = 1e-6`, `seed = 42`, k-means++ start,
    /// fast engine.
    pub fn new(k: usize) -> Self {
        KMeansParams {
            k,
            n_init: 3,
            max_iter: 300,
            tolerance: 1e-6,
            seed: 42,
            init: KMeansInit::KMeansPlusPlus,
            engine: Engine::Fast,
        }
    }

    /// Checks the settings against a data set of `n` rows and `d` columns.
    pub fn check(&self, n: usize, d: usize) -> Result<()> {
        if d == 0 {
            return Err(MlError::NoFeatures);
        }
        if self.k == 0 {
            return Err(MlError::BadK { k: 0, max: n });
        }
        if n < self.k {
            return Err(MlError::TooFewRows {
                rows: n,
                needed: crate::i18n::analysis_errors::needed_segments(self.k),
            });
        }
        if let KMeansInit::Precomputed(c) = &self.init {
            if c.len() != self.k || c.iter().any(|r| r.len() != d) {
                return Err(MlError::Fit(format!(
                    "expected {} starting centroids of {d} values",
                    self.k
                )));
            }
        }
        if self.n_init == 0
            || self.max_iter == 0
            || self.tolerance.is_nan()
            || self.tolerance <= 0.0
        {
            return Err(MlError::Fit(
                "n_init and max_iter must be positive, tolerance above 0".into(),
            ));
        }
        Ok(())
    }
}
