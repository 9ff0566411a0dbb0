//! The one error type of the analyses, with the sentence the user sees as
//! its `Display`. Bugs panic; everything a user can cause by their data or
//! their choices is a variant here.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Why an analysis could not run. `to_string()` is the sentence to show.
#[derive(Debug, Clone, PartialEq, Error, Serialize, Deserialize)]
pub enum MlError {
    /// No feature was chosen.
    #[error("Choose at least one feature.")]
    NoFeatures,
    /// The same column was chosen as a feature and as the target.
    #[error("{0} is the target, so it cannot also be a feature.")]
    TargetIsFeature(String),
    /// A feature that gives the answer away was chosen for a target.
    #[error("{feature} gives away whether {target}; leave it out of the features.")]
    TargetLeak {
        /// The feature's label.
        feature: String,
        /// The target's label.
        target: String,
    },
    /// Fewer usable rows than the analysis needs.
    #[error("Too few customers with complete data ({rows}) for {needed}.")]
    TooFewRows {
        /// Rows left after handling missing values.
        rows: usize,
        /// What they were too few for, e.g. "5 segments".
        needed: String,
    },
    /// A number of segments outside what the data allows.
    #[error("Choose between 2 and {max} segments (asked for {k}).")]
    BadK {
        /// What was asked for.
        k: usize,
        /// The most the data allows.
        max: usize,
    },
    /// Every row of the training part has the same class.
    #[error("The target has only one class in the training data.")]
    OneClass,
    /// The test fraction is not strictly between 0 and 1.
    #[error("The test part must be between 1 % and 90 % of the customers (asked for {0}).")]
    BadTestFraction(f64),
    /// The threshold is not within 0..=1.
    #[error("The threshold must be between 0 and 1 (asked for {0}).")]
    BadThreshold(f64),
    /// The features are linearly dependent, or a chosen feature is constant.
    #[error("The chosen features carry the same information (or one never changes); remove one and try again.")]
    Singular,
    /// An underlying solver failed.
    #[error("The model could not be fitted: {0}")]
    Fit(String),
    /// The caller's progress hook asked to stop.
    #[error("Cancelled.")]
    Cancelled,
}

/// Short for `Result<T, MlError>`.
pub type Result<T> = std::result::Result<T, MlError>;
