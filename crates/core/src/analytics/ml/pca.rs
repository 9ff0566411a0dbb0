//! A 2-D principal component projection for the segment scatter.
//!
//! The components come from `linfa_reduction::Pca` (a truncated SVD of the
//! centred data). Its `explained_variance()` divides by the number of
//! *components* minus one, and its `explained_variance_ratio()` by the
//! variance of the kept components only, so both are recomputed here the
//! way scikit-learn's `PCA` reports them: the variance of the scores along
//! each component with divisor `n − 1`, and its share of the total variance
//! (the sum of all column variances). Signs follow scikit-learn's
//! `svd_flip`: the largest-magnitude loading of each component is positive.

use linfa::prelude::*;
use linfa::DatasetBase;
use linfa_reduction::Pca;
use ndarray::{Array2, ArrayView2, Axis};
use serde::{Deserialize, Serialize};

use super::error::{MlError, Result};

/// The data seen along its main directions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Projection {
    /// Coordinates of every row on the components (second one 0 when the
    /// data has a single column).
    pub points: Vec<[f64; 2]>,
    /// Loadings: one row per component, one value per input column.
    pub components: Vec<Vec<f64>>,
    /// Variance along each component (divisor `n − 1`).
    pub explained_variance: Vec<f64>,
    /// Share of the total variance along each component.
    pub explained_variance_ratio: Vec<f64>,
}

/// Projects the rows of `x` on its first two principal components (one if
/// `x` has one column). Needs at least two rows.
pub fn project_2d(x: ArrayView2<f64>) -> Result<Projection> {
    let (n, d) = x.dim();
    if n < 2 {
        return Err(MlError::TooFewRows {
            rows: n,
            needed: crate::i18n::analysis_errors::needed_projection().into(),
        });
    }
    if d == 0 {
        return Err(MlError::NoFeatures);
    }
    let m = d.min(2);
    let model = Pca::params(m)
        .fit(&DatasetBase::from(x.to_owned()))
        .map_err(|e| MlError::Fit(e.to_string()))?;
    let mut components: Array2<f64> = model.components().to_owned();
    for mut row in components.axis_iter_mut(Axis(0)) {
        let largest = row
            .iter()
            .copied()
            .max_by(|a, b| a.abs().total_cmp(&b.abs()))
            .unwrap_or(0.0);
        if largest < 0.0 {
            row.mapv_inplace(|v| -v);
        }
    }
    let mean = x.mean_axis(Axis(0)).ok_or(MlError::NoFeatures)?;
    let centred = &x - &mean;
    let scores = centred.dot(&components.t());
    let denom = (n - 1) as f64;
    let explained_variance: Vec<f64> = scores
        .axis_iter(Axis(1))
        .map(|s| s.iter().map(|v| v * v).sum::<f64>() / denom)
        .collect();
    let total: f64 = centred.iter().map(|v| v * v).sum::<f64>() / denom;
    let explained_variance_ratio = explained_variance
        .iter()
        .map(|v| if total > 0.0 { v / total } else { 0.0 })
        .collect();
    Ok(Projection {
        points: scores
            .rows()
            .into_iter()
            .map(|r| [r[0], if m > 1 { r[1] } else { 0.0 }])
            .collect(),
        components: components.rows().into_iter().map(|r| r.to_vec()).collect(),
        explained_variance,
        explained_variance_ratio,
    })
}
