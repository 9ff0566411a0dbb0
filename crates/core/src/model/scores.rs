//! The latest propensity model's scores: one record holding a probability
//! per customer, so the Customers list's Likelihood column survives a
//! reload and travels in backups. A new model replaces it.

use serde::{Deserialize, Serialize};

use super::{impl_record, FieldErrorKind, Id, Meta, ValidationErrors};

/// The id of the one scores record.
pub const SCORES_ID: Id = Id::from_u128(0x5c0_7e5);

/// Probabilities per customer from the latest propensity model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PropensityScores {
    /// Id ([`SCORES_ID`]), timestamps, version.
    #[serde(flatten)]
    pub meta: Meta,
    /// What was predicted, e.g. "bought in the last 90 days".
    pub target: String,
    /// `(customer, probability)` pairs.
    pub scores: Vec<(Id, f32)>,
}

impl_record!(PropensityScores, "scores");

impl PropensityScores {
    /// The scores of a model fitted at `now`.
    pub fn new(now: super::Timestamp, target: impl Into<String>, scores: Vec<(Id, f32)>) -> Self {
        PropensityScores {
            meta: Meta::new(SCORES_ID, now),
            target: target.into(),
            scores,
        }
    }

    fn check(&self, errors: &mut ValidationErrors) {
        if let Some((_, p)) = self.scores.iter().find(|(_, p)| !(0.0..=1.0).contains(p)) {
            errors.push(
                "scores",
                FieldErrorKind::OutOfRange {
                    min: 0.0,
                    max: 1.0,
                    value: f64::from(*p),
                },
            );
        }
    }
}
