//! Machine learning on customer features: k-means with silhouette, PCA,
//! linear and logistic regression, decision trees — checked against
//! scikit-learn fixtures (`tests/fixtures/analytics/make_reference.py`,
//! `tests/analytics_ml.rs`).
//!
//! The flow: [`features::FeatureTable::build`] turns model records into one
//! row per customer; [`prepare::missing_report`] tells the UI how many
//! customers lack each chosen feature; the analyses take the table and a
//! serde request, apply the request's [`prepare::MissingHandling`], and
//! return serde results (they run in a Web Worker and cross as JSON):
//!
//! * [`segment::segment`] — k-means (k given or chosen by silhouette), a 2-D
//!   PCA projection and a profile per segment;
//! * [`linear::linear_regression`] — a numeric target;
//! * [`logistic::logistic_regression`] — a yes/no target, with ROC and AUC;
//! * [`tree::decision_tree`] — a categorical target, with readable rules.
//!
//! Long functions take a progress hook, `&mut dyn FnMut(Progress) -> bool`,
//! called between steps (k values, iterations); returning `false` stops the
//! work with [`MlError::Cancelled`]. No DOM, no clock, no threads: the same
//! code runs natively (tests, benches) and in wasm32.

pub mod cholesky;
pub mod error;
pub mod features;
pub mod gram;
pub mod k_means;
pub mod linear;
pub mod logistic;
pub mod pca;
pub mod prepare;
pub mod roc;
pub mod rules;
pub mod segment;
pub mod silhouette;
pub mod split;
pub mod synthetic;
pub mod tree;

pub use error::MlError;
pub use features::{CrmData, Feature, FeatureTable};
pub use prepare::{MissingHandling, MissingPolicy, MissingReport};

use serde::{Deserialize, Serialize};

/// What a long analysis is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Trying one k after another (`done` of `total` k values).
    ChoosingK,
    /// Iterating k-means (`done` = iteration, `total` = the iteration cap).
    Clustering,
    /// Computing silhouette scores.
    Silhouette,
    /// Fitting a model (`done` = iteration, `total` = the iteration cap).
    Fitting,
}

/// A progress report passed to the caller's hook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// The current step.
    pub stage: Stage,
    /// Units done within the step.
    pub done: usize,
    /// Units in the step (an upper bound for iterations).
    pub total: usize,
}

/// Which implementation fits a model. Both are tested against the same
/// scikit-learn reference values; `Fast` is the default because it is the
/// one measured fast enough for the browser (see `benches/analytics.rs`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Engine {
    /// Hand-written for small `d` and large `n`: k-means in
    /// [`k_means::lloyd`] (reports iterations, cancellable between them),
    /// least squares by normal equations, logistic regression by Newton's
    /// method.
    #[default]
    Fast,
    /// The linfa crates: `linfa-clustering` k-means (no iteration count),
    /// `linfa-linear` QR least squares, `linfa-logistic` L-BFGS.
    Linfa,
}

/// A hook that never cancels, for callers that do not report progress.
pub fn no_progress(_: Progress) -> bool {
    true
}
