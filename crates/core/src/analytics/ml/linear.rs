//! Linear regression of a numeric feature on others (ordinary least
//! squares with an intercept, like scikit-learn's `LinearRegression`), with
//! a seeded train/test split and the test part's R², MSE and MAE.
//!
//! Engines: `Fast` solves the normal equations of the *centred* data by
//! Cholesky (one pass to build a d × d matrix; rounding error grows with the
//! square of the condition number, harmless for a handful of centred
//! customer features, and dependent columns are reported as
//! [`MlError::Singular`]); `Linfa` is `linfa_linear::LinearRegression`
//! (Householder QR of the whole n × (d + 1) matrix). Both match
//! scikit-learn on the fixture.
//!
//! Standardised coefficients are "beta weights": the change of the target,
//! in target standard deviations, per standard deviation of the feature
//! (`raw × sd(x) / sd(y)`, population standard deviations of the training
//! rows).

use linfa::prelude::*;
use linfa::DatasetBase;
use ndarray::{ArrayView1, ArrayView2, Axis};
use serde::{Deserialize, Serialize};

use super::error::{MlError, Result};
use super::features::{Feature, FeatureTable};
use super::gram::Block;
use super::prepare::{prepare, MissingHandling, MissingSummary};
use super::split::train_test_split;
use super::{cholesky, Engine, Progress, Stage};
use crate::model::Id;

/// A linear regression request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LinearRequest {
    /// What to predict (customers without it are left out).
    pub target: Feature,
    /// What to predict it from.
    pub features: Vec<Feature>,
    /// What to do about missing feature values.
    pub missing: MissingHandling,
    /// Share of customers held out for testing.
    pub test_fraction: f64,
    /// Seed of the split.
    pub seed: u64,
    /// Implementation.
    pub engine: Engine,
}

impl Default for LinearRequest {
    /// Target total spent, no features yet, impute medians, 25 % test, seed
    /// 42, fast engine.
    fn default() -> Self {
        LinearRequest {
            target: Feature::TotalSpent,
            features: Vec::new(),
            missing: MissingHandling::default(),
            test_fraction: 0.25,
            seed: 42,
            engine: Engine::Fast,
        }
    }
}

/// A fitted line (plane): `y = intercept + Σ coefficients[j] · x[j]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinearFit {
    /// One per feature, in raw units.
    pub coefficients: Vec<f64>,
    /// The prediction when every feature is 0.
    pub intercept: f64,
}

impl LinearFit {
    /// Predictions for the rows of `x`.
    pub fn predict(&self, x: ArrayView2<f64>) -> Vec<f64> {
        x.rows()
            .into_iter()
            .map(|r| self.intercept + r.dot(&ArrayView1::from(&self.coefficients)))
            .collect()
    }
}

/// Fits `y` on the columns of `x` by least squares with an intercept.
pub fn fit_linear(x: ArrayView2<f64>, y: ArrayView1<f64>, engine: Engine) -> Result<LinearFit> {
    let (n, d) = x.dim();
    if n <= d + 1 {
        return Err(MlError::TooFewRows {
            rows: n,
            needed: crate::i18n::analysis_errors::needed_regression(d),
        });
    }
    match engine {
        Engine::Fast => fit_normal_equations(x, y),
        Engine::Linfa => {
            let data = DatasetBase::new(x.to_owned(), y.to_owned());
            let model = linfa_linear::LinearRegression::new()
                .fit(&data)
                .map_err(|e| MlError::Fit(e.to_string()))?;
            Ok(LinearFit {
                coefficients: model.params().to_vec(),
                intercept: model.intercept(),
            })
        }
    }
}

fn fit_normal_equations(x: ArrayView2<f64>, y: ArrayView1<f64>) -> Result<LinearFit> {
    let (n, d) = x.dim();
    let x = x.as_standard_layout();
    // A standard-layout array is one contiguous slice.
    let x = x.as_slice().expect("standard layout is contiguous");
    let rows = || (0..n).map(|i| &x[i * d..(i + 1) * d]);
    let mut mean = vec![0.0; d];
    for row in rows() {
        for (m, v) in mean.iter_mut().zip(row) {
            *m += v;
        }
    }
    for m in &mut mean {
        *m /= n as f64;
    }
    let y_mean = y.sum() / n as f64;
    // One Gram matrix of the centred rows [x − x̄, y − ȳ]: its leading
    // d × d block is XᵀX, its last row Xᵀy.
    let m = d + 1;
    let mut full = vec![0.0; m * m];
    let mut block = Block::new(m);
    let mut centred = vec![0.0; m];
    for (row, &t) in rows().zip(y) {
        for ((c, &v), &mu) in centred.iter_mut().zip(row).zip(&mean) {
            *c = v - mu;
        }
        centred[d] = t - y_mean;
        block.push(&centred, &[], 1.0);
        if block.is_full() {
            block.add_gram(&mut full);
            block.clear();
        }
    }
    if !block.is_empty() {
        block.add_gram(&mut full);
    }
    let mut gram = vec![0.0; d * d];
    for a in 0..d {
        gram[a * d..a * d + a + 1].copy_from_slice(&full[a * m..a * m + a + 1]);
    }
    let mut xty = full[d * m..d * m + d].to_vec();
    // Scale to unit diagonal for a well-conditioned Cholesky.
    let norm: Vec<f64> = (0..d).map(|a| gram[a * d + a].sqrt().max(1e-300)).collect();
    for a in 0..d {
        for b in 0..=a {
            gram[a * d + b] /= norm[a] * norm[b];
        }
        xty[a] /= norm[a];
    }
    let beta = cholesky::solve(&gram, &xty)?;
    let coefficients: Vec<f64> = beta.iter().zip(&norm).map(|(b, s)| b / s).collect();
    let intercept = y_mean
        - coefficients
            .iter()
            .zip(&mean)
            .map(|(b, m)| b * m)
            .sum::<f64>();
    Ok(LinearFit {
        coefficients,
        intercept,
    })
}

/// How close predictions are to the truth.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RegressionMetrics {
    /// Coefficient of determination (1 is perfect; below 0 is worse than
    /// predicting the mean), scikit-learn's `r2_score`.
    pub r2: f64,
    /// Mean squared error.
    pub mse: f64,
    /// Mean absolute error.
    pub mae: f64,
}

/// R², MSE and MAE of `predicted` against `actual`.
pub fn regression_metrics(actual: &[f64], predicted: &[f64]) -> RegressionMetrics {
    let n = actual.len().max(1) as f64;
    let mean = actual.iter().sum::<f64>() / n;
    let (mut sse, mut sae, mut sst) = (0.0, 0.0, 0.0);
    for (a, p) in actual.iter().zip(predicted) {
        sse += (a - p) * (a - p);
        sae += (a - p).abs();
        sst += (a - mean) * (a - mean);
    }
    RegressionMetrics {
        r2: if sst > 0.0 { 1.0 - sse / sst } else { 0.0 },
        mse: sse / n,
        mae: sae / n,
    }
}

/// One feature's effect.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coefficient {
    /// The feature.
    pub feature: Feature,
    /// Change of the target per unit of the feature.
    pub raw: f64,
    /// Change in target standard deviations per feature standard deviation.
    pub standardised: f64,
}

/// A customer's actual and predicted target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PredictedPoint {
    /// The customer.
    pub customer_id: Id,
    /// The true value.
    pub actual: f64,
    /// The model's value.
    pub predicted: f64,
}

/// The result of [`linear_regression`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinearReport {
    /// What was predicted.
    pub target: Feature,
    /// Effects, in the order of the request's features.
    pub coefficients: Vec<Coefficient>,
    /// The prediction when every feature is 0 (raw units).
    pub intercept: f64,
    /// Fit on the held-out customers (the honest figure).
    pub test: RegressionMetrics,
    /// Fit on the training customers.
    pub train: RegressionMetrics,
    /// Held-out customers, actual vs predicted (scatter, residual plot).
    pub points: Vec<PredictedPoint>,
    /// Customers the model was fitted on.
    pub train_rows: usize,
    /// Customers it was tested on.
    pub test_rows: usize,
    /// Missing values: who was left out (including unknown targets).
    pub missing: MissingSummary,
}

/// Fits `request.target` on `request.features` for the customers of
/// `table`. Calls `progress` once before fitting.
pub fn linear_regression(
    table: &FeatureTable,
    request: &LinearRequest,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<LinearReport> {
    if request.features.contains(&request.target) {
        return Err(MlError::TargetIsFeature(request.target.label().into()));
    }
    let target = table.column(request.target);
    let prepared = prepare(table, &request.features, &request.missing, |i| {
        !target[i].is_nan()
    })?;
    let n = prepared.x.nrows();
    let split = train_test_split(n, request.test_fraction, request.seed)?;
    if !progress(Progress {
        stage: Stage::Fitting,
        done: 0,
        total: 1,
    }) {
        return Err(MlError::Cancelled);
    }
    let y: Vec<f64> = prepared.rows.iter().map(|&r| target[r]).collect();
    let pick = |rows: &[usize]| {
        (
            prepared.x.select(Axis(0), rows),
            rows.iter().map(|&i| y[i]).collect::<Vec<f64>>(),
        )
    };
    let (x_train, y_train) = pick(&split.train);
    let (x_test, y_test) = pick(&split.test);
    let fit = fit_linear(x_train.view(), ArrayView1::from(&y_train), request.engine)?;
    let pred_train = fit.predict(x_train.view());
    let pred_test = fit.predict(x_test.view());
    let sd = |v: &mut dyn Iterator<Item = f64>| {
        let v: Vec<f64> = v.collect();
        let m = v.iter().sum::<f64>() / v.len() as f64;
        (v.iter().map(|a| (a - m) * (a - m)).sum::<f64>() / v.len() as f64).sqrt()
    };
    let sd_y = sd(&mut y_train.iter().copied());
    let coefficients = request
        .features
        .iter()
        .zip(&fit.coefficients)
        .enumerate()
        .map(|(j, (&feature, &raw))| Coefficient {
            feature,
            raw,
            standardised: if sd_y > 0.0 {
                raw * sd(&mut x_train.column(j).iter().copied()) / sd_y
            } else {
                0.0
            },
        })
        .collect();
    Ok(LinearReport {
        target: request.target,
        coefficients,
        intercept: fit.intercept,
        test: regression_metrics(&y_test, &pred_test),
        train: regression_metrics(&y_train, &pred_train),
        points: split
            .test
            .iter()
            .zip(y_test.iter().zip(&pred_test))
            .map(|(&i, (&actual, &predicted))| PredictedPoint {
                customer_id: table.customer_ids[prepared.rows[i]],
                actual,
                predicted,
            })
            .collect(),
        train_rows: split.train.len(),
        test_rows: split.test.len(),
        missing: prepared.summary,
    })
}
