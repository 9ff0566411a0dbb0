//! From the feature table to a complete numeric matrix: which customers
//! lack which feature ([`missing_report`], for the UI to ask about), median
//! imputation or exclusion per feature ([`prepare`]), and z-score
//! standardisation ([`StandardScaler`]).
//!
//! The scaler divides by the **population** standard deviation (divisor
//! `n`, not `n − 1`), exactly like scikit-learn's `StandardScaler`; a
//! constant column gets scale 1, as there.
//! The median is the midpoint of the two middle values for an even count,
//! like NumPy's and scikit-learn's `SimpleImputer(strategy="median")`; it
//! is taken over every customer that has the value (train and test alike).

use std::collections::BTreeMap;

use ndarray::{Array1, Array2, ArrayView2, Axis};
use serde::{Deserialize, Serialize};

use super::error::{MlError, Result};
use super::features::{Feature, FeatureTable};

/// What to do with customers that lack a feature.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MissingPolicy {
    /// Fill in the median of the customers that have the value (default).
    #[default]
    Impute,
    /// Leave those customers out of the analysis.
    Exclude,
}

/// A policy for all features, with optional exceptions per feature.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MissingHandling {
    /// The policy for features not listed in `per_feature`.
    pub policy: MissingPolicy,
    /// Exceptions, e.g. "leave out customers without income".
    #[serde(default)]
    pub per_feature: BTreeMap<Feature, MissingPolicy>,
}

impl MissingHandling {
    /// The same policy for every feature.
    pub fn all(policy: MissingPolicy) -> Self {
        MissingHandling {
            policy,
            per_feature: BTreeMap::new(),
        }
    }

    /// The policy that applies to `feature`.
    pub fn policy_for(&self, feature: Feature) -> MissingPolicy {
        *self.per_feature.get(&feature).unwrap_or(&self.policy)
    }
}

/// How many customers lack one feature, and what imputing would fill in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureMissing {
    /// The feature.
    pub feature: Feature,
    /// Customers without a value.
    pub missing: usize,
    /// The median of the others (`None` if nobody has a value).
    pub median: Option<f64>,
}

/// Missing values among chosen features, so the UI can say "412 customers
/// have no income: impute the median (54,000) or leave them out".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MissingReport {
    /// Customers in the table.
    pub rows: usize,
    /// Customers with every chosen feature (what "leave out" keeps).
    pub complete: usize,
    /// Customers lacking at least one chosen feature.
    pub incomplete: usize,
    /// Per chosen feature, in the order given.
    pub per_feature: Vec<FeatureMissing>,
}

/// Counts missing values of `features` in `table`.
pub fn missing_report(table: &FeatureTable, features: &[Feature]) -> MissingReport {
    let n = table.len();
    let complete = (0..n)
        .filter(|&i| features.iter().all(|&f| !table.column(f)[i].is_nan()))
        .count();
    MissingReport {
        rows: n,
        complete,
        incomplete: n - complete,
        per_feature: features
            .iter()
            .map(|&f| {
                let col = table.column(f);
                FeatureMissing {
                    feature: f,
                    missing: col.iter().filter(|v| v.is_nan()).count(),
                    median: median(col.iter().copied().filter(|v| !v.is_nan()).collect()),
                }
            })
            .collect(),
    }
}

/// The median of `values` (`None` when empty); `NaN`s must be removed first.
pub fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable_by(f64::total_cmp);
    let m = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[m - 1] + values[m]) / 2.0
    } else {
        values[m]
    })
}

/// What handling missing values did to the rows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MissingSummary {
    /// Customers left out (a feature with policy `Exclude` was missing, or
    /// the target was).
    pub excluded: usize,
    /// Of those, customers left out because the target itself was missing.
    pub target_missing: usize,
    /// Imputed features: how many values were filled in, and with what.
    pub imputed: Vec<FeatureMissing>,
}

/// A complete raw matrix of the chosen features for the kept customers.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// Row of the feature table each matrix row comes from.
    pub rows: Vec<usize>,
    /// The columns, in order.
    pub features: Vec<Feature>,
    /// Raw values (imputed where the policy says so), `rows × features`.
    pub x: Array2<f64>,
    /// What happened to missing values.
    pub summary: MissingSummary,
}

/// Selects `features`, keeps customers for which `keep_row` holds (e.g. the
/// target is known), and applies `missing` to each feature.
pub fn prepare(
    table: &FeatureTable,
    features: &[Feature],
    missing: &MissingHandling,
    keep_row: impl Fn(usize) -> bool,
) -> Result<Prepared> {
    if features.is_empty() {
        return Err(MlError::NoFeatures);
    }
    let n = table.len();
    let mut target_missing = 0;
    let rows: Vec<usize> = (0..n)
        .filter(|&i| {
            if !keep_row(i) {
                target_missing += 1;
                return false;
            }
            features.iter().all(|&f| {
                missing.policy_for(f) == MissingPolicy::Impute || !table.column(f)[i].is_nan()
            })
        })
        .collect();
    let mut x = Array2::zeros((rows.len(), features.len()));
    let mut imputed = Vec::new();
    for (j, &f) in features.iter().enumerate() {
        let col = table.column(f);
        let present: Vec<f64> = rows
            .iter()
            .map(|&i| col[i])
            .filter(|v| !v.is_nan())
            .collect();
        let gaps = rows.len() - present.len();
        let fill = median(present);
        if gaps > 0 {
            imputed.push(FeatureMissing {
                feature: f,
                missing: gaps,
                median: fill,
            });
        }
        // With no value at all the column is constant 0; the scaler copes.
        let fill = fill.unwrap_or(0.0);
        for (r, &i) in rows.iter().enumerate() {
            x[(r, j)] = if col[i].is_nan() { fill } else { col[i] };
        }
    }
    Ok(Prepared {
        summary: MissingSummary {
            excluded: n - rows.len(),
            target_missing,
            imputed,
        },
        rows,
        features: features.to_vec(),
        x,
    })
}

/// Z-score standardisation fitted on one matrix and applied to others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StandardScaler {
    /// Column means.
    pub mean: Vec<f64>,
    /// Column population standard deviations (1 for a constant column).
    pub scale: Vec<f64>,
}

impl StandardScaler {
    /// Means and population standard deviations of the columns of `x`.
    pub fn fit(x: ArrayView2<f64>) -> StandardScaler {
        let n = x.nrows().max(1) as f64;
        let mean: Array1<f64> = x.sum_axis(Axis(0)) / n;
        let scale = x
            .axis_iter(Axis(1))
            .zip(&mean)
            .map(|(col, &m)| {
                let var = col.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / n;
                // sklearn's `_handle_zeros_in_scale`: (near-)constant → 1.
                let sd = var.sqrt();
                if sd < 10.0 * f64::EPSILON * m.abs().max(1.0) {
                    1.0
                } else {
                    sd
                }
            })
            .collect();
        StandardScaler {
            mean: mean.to_vec(),
            scale,
        }
    }

    /// `(x − mean) / scale`, column by column.
    pub fn transform(&self, x: ArrayView2<f64>) -> Array2<f64> {
        let mut out = x.to_owned();
        for (mut col, (m, s)) in out
            .axis_iter_mut(Axis(1))
            .zip(self.mean.iter().zip(&self.scale))
        {
            col.mapv_inplace(|v| (v - m) / s);
        }
        out
    }
}
