//! The one error type of the analyses, with the sentence the user sees as
//! its `Display`. Bugs panic; everything a user can cause by their data or
//! their choices is a variant here.

use crate::i18n::analysis_errors as t;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Why an analysis could not run. `to_string()` is the sentence to show.
#[derive(Debug, Clone, PartialEq, Error, Serialize, Deserialize)]
pub enum MlError {
    /// No feature was chosen.
    #[error("{}", t::ml_no_features())]
    NoFeatures,
    /// The same column was chosen as a feature and as the target.
    #[error("{}", t::ml_target_is_feature(.0))]
    TargetIsFeature(String),
    /// A feature that gives the answer away was chosen for a target.
    #[error("{}", t::ml_target_leak(.feature, .target))]
    TargetLeak {
        /// The feature's label.
        feature: String,
        /// The target's label.
        target: String,
    },
    /// Fewer usable rows than the analysis needs.
    #[error("{}", t::ml_too_few_rows(.rows, .needed))]
    TooFewRows {
        /// Rows left after handling missing values.
        rows: usize,
        /// What they were too few for, e.g. "5 segments".
        needed: String,
    },
    /// A number of segments outside what the data allows.
    #[error("{}", t::ml_bad_k(.max, .k))]
    BadK {
        /// What was asked for.
        k: usize,
        /// The most the data allows.
        max: usize,
    },
    /// Every row of the training part has the same class.
    #[error("{}", t::ml_one_class())]
    OneClass,
    /// The test fraction is not strictly between 0 and 1.
    #[error("{}", t::ml_bad_test_fraction(.0))]
    BadTestFraction(f64),
    /// The threshold is not within 0..=1.
    #[error("{}", t::ml_bad_threshold(.0))]
    BadThreshold(f64),
    /// The features are linearly dependent, or a chosen feature is constant.
    #[error("{}", t::ml_singular())]
    Singular,
    /// An underlying solver failed.
    #[error("{}", t::ml_fit(.0))]
    Fit(String),
    /// The caller's progress hook asked to stop.
    #[error("{}", t::ml_cancelled())]
    Cancelled,
}

/// Short for `Result<T, MlError>`.
pub type Result<T> = std::result::Result<T, MlError>;
