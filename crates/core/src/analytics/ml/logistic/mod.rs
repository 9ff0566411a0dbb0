//! Propensity: logistic regression of a yes/no target ("bought in the last
//! 90 days", "churned", "has a won deal") on standardised features, with a
//! seeded train/test split, a probability per customer, the ROC curve and
//! AUC on the test part, accuracy / precision / recall at a threshold, and
//! the coefficients as the explanation.
//!
//! Penalty: scikit-learn's `LogisticRegression(C)` minimises
//! `C · Σ logloss + ½‖w‖²` with the intercept unpenalised (lbfgs);
//! `linfa-logistic` minimises `Σ logloss + α/2 · ‖w‖²`, also without the
//! intercept, and no 1/n scaling on either side. Dividing scikit-learn's
//! objective by C gives linfa's with **α = 1 / C**, the same minimiser.
//! Both engines use that objective; the fixture test checks probabilities
//! within 1e-3 and the AUC to 3 decimals (in fact they agree far closer).
//!
//! The scaler is fitted on the training rows only; coefficients are given
//! per standard deviation (what the model saw) and per raw unit.

pub mod newton;

use linfa::prelude::*;
use linfa::DatasetBase;
use ndarray::{Array1, ArrayView2, Axis};
use serde::{Deserialize, Serialize};

use super::error::{MlError, Result};
use super::features::{Feature, FeatureTable};
use super::prepare::{prepare, MissingHandling, MissingSummary, StandardScaler};
use super::roc::{at_threshold, roc, RocPoint, ThresholdMetrics};
use super::split::train_test_split;
use super::{Engine, Progress, Stage};
use crate::model::{Id, LifecycleStage};

/// A yes/no property of a customer to predict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BinaryTarget {
    /// Has an order in the 90 days before the table was built.
    BoughtRecently,
    /// Lifecycle stage is "Churned".
    Churned,
    /// Has a deal in the "Won" stage.
    HasWonDeal,
}

impl BinaryTarget {
    /// Every target, in menu order.
    pub const ALL: [BinaryTarget; 3] = [
        BinaryTarget::BoughtRecently,
        BinaryTarget::Churned,
        BinaryTarget::HasWonDeal,
    ];

    /// Completes "whether the customer …" (in sentences), in the current
    /// language.
    pub fn display(self) -> &'static str {
        match self {
            BinaryTarget::BoughtRecently => crate::i18n::analysis_labels::target_bought_recently(),
            BinaryTarget::Churned => crate::i18n::analysis_labels::target_churned(),
            BinaryTarget::HasWonDeal => crate::i18n::analysis_labels::target_has_won_deal(),
        }
    }

    /// The English [`Self::display`]: the key the stored scores name their
    /// target by.
    pub fn label(self) -> &'static str {
        match self {
            BinaryTarget::BoughtRecently => "bought in the last 90 days",
            BinaryTarget::Churned => "churned",
            BinaryTarget::HasWonDeal => "has a won deal",
        }
    }

    /// The target of every row of `table`.
    pub fn values(self, table: &FeatureTable) -> Vec<bool> {
        match self {
            BinaryTarget::BoughtRecently => table.bought_recently.clone(),
            BinaryTarget::Churned => table
                .lifecycle
                .iter()
                .map(|&l| l == LifecycleStage::Churned)
                .collect(),
            BinaryTarget::HasWonDeal => table.has_won_deal.clone(),
        }
    }

    /// Whether `feature` states the answer outright (days since the last
    /// order tells whether someone bought in the last 90 days).
    pub fn leaks(self, feature: Feature) -> bool {
        self == BinaryTarget::BoughtRecently && feature == Feature::DaysSinceLastOrder
    }
}

/// A logistic regression request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LogisticRequest {
    /// What to predict.
    pub target: BinaryTarget,
    /// What to predict it from.
    pub features: Vec<Feature>,
    /// What to do about missing values.
    pub missing: MissingHandling,
    /// Share of customers held out for testing.
    pub test_fraction: f64,
    /// Seed of the split.
    pub seed: u64,
    /// Probability from which a customer counts as "yes".
    pub threshold: f64,
    /// Inverse penalty strength, scikit-learn's `C` (α = 1 / C).
    pub c: f64,
    /// Implementation.
    pub engine: Engine,
}

impl Default for LogisticRequest {
    /// Target churned, no features yet, impute medians, 25 % test, seed 42,
    /// threshold 0.5, C = 1 (scikit-learn's default), fast engine.
    fn default() -> Self {
        LogisticRequest {
            target: BinaryTarget::Churned,
            features: Vec::new(),
            missing: MissingHandling::default(),
            test_fraction: 0.25,
            seed: 42,
            threshold: 0.5,
            c: 1.0,
            engine: Engine::Fast,
        }
    }
}

/// A fitted model: `P(yes) = σ(intercept + Σ coefficients[j] · x[j])`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogisticFit {
    /// One per column of the data it was fitted on.
    pub coefficients: Vec<f64>,
    /// The log-odds when every column is 0.
    pub intercept: f64,
    /// Newton iterations (`None` from linfa, which does not report them).
    pub iterations: Option<usize>,
}

impl LogisticFit {
    /// `P(yes)` for every row of `x`.
    pub fn probabilities(&self, x: ArrayView2<f64>) -> Vec<f64> {
        let w = Array1::from(self.coefficients.clone());
        x.dot(&w)
            .iter()
            .map(|z| newton::sigmoid(z + self.intercept))
            .collect()
    }
}

/// Fits `y` on the columns of `x` with penalty `C = c` (see the module doc).
pub fn fit_logistic(
    x: ArrayView2<f64>,
    y: &[bool],
    c: f64,
    engine: Engine,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<LogisticFit> {
    if !(c > 0.0 && c.is_finite()) {
        return Err(MlError::Fit(format!(
            "C must be a positive number, not {c}"
        )));
    }
    if y.iter().all(|&v| v) || y.iter().all(|&v| !v) {
        return Err(MlError::OneClass);
    }
    let d = x.ncols();
    match engine {
        Engine::Fast => {
            let max_iter = 100;
            let mut hook = |i| {
                progress(Progress {
                    stage: Stage::Fitting,
                    done: i,
                    total: max_iter,
                })
            };
            let (w, iterations) = newton::fit(x, y, 1.0 / c, max_iter, &mut hook)?;
            Ok(LogisticFit {
                coefficients: w[..d].to_vec(),
                intercept: w[d],
                iterations: Some(iterations),
            })
        }
        Engine::Linfa => {
            let data = DatasetBase::new(x.to_owned(), Array1::from(y.to_vec()));
            let model = linfa_logistic::LogisticRegression::default()
                .alpha(1.0 / c)
                .gradient_tolerance(1e-8)
                .max_iterations(1000)
                .fit(&data)
                .map_err(|e| MlError::Fit(e.to_string()))?;
            // linfa's positive class is the *more frequent* one (not the
            // larger value): flip the signs when that is "no".
            let sign = if model.labels().pos.class { 1.0 } else { -1.0 };
            Ok(LogisticFit {
                coefficients: model.params().iter().map(|w| sign * w).collect(),
                intercept: sign * model.intercept(),
                iterations: None,
            })
        }
    }
}

/// One feature's effect on the odds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogisticCoefficient {
    /// The feature.
    pub feature: Feature,
    /// Change of the log-odds per standard deviation of the feature.
    pub per_sd: f64,
    /// Change of the log-odds per raw unit of the feature.
    pub per_unit: f64,
    /// Factor on the odds per standard deviation (`e^per_sd`).
    pub odds_ratio_per_sd: f64,
}

/// One customer's predicted probability.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerProbability {
    /// The customer.
    pub customer_id: Id,
    /// `P(yes)`.
    pub probability: f64,
    /// The truth.
    pub actual: bool,
    /// Whether the customer was held out (not used for fitting).
    pub test: bool,
}

/// The result of [`logistic_regression`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogisticReport {
    /// What was predicted.
    pub target: BinaryTarget,
    /// Effects, in the order of the request's features.
    pub coefficients: Vec<LogisticCoefficient>,
    /// Log-odds of the average customer (all features at their mean).
    pub intercept: f64,
    /// Every modelled customer's probability.
    pub probabilities: Vec<CustomerProbability>,
    /// ROC curve on the test part (at most [`super::roc::MAX_ROC_POINTS`]).
    pub roc: Vec<RocPoint>,
    /// Area under the ROC curve on the test part (`None`: one class only).
    pub auc: Option<f64>,
    /// Accuracy, precision, recall on the test part at the threshold.
    pub test: ThresholdMetrics,
    /// Share of "yes" among the training customers.
    pub base_rate: f64,
    /// Customers fitted on.
    pub train_rows: usize,
    /// Customers tested on.
    pub test_rows: usize,
    /// Newton iterations (fast engine).
    pub iterations: Option<usize>,
    /// Missing values: who was left out, what was imputed.
    pub missing: MissingSummary,
}

/// Fits `request.target` on `request.features` for the customers of
/// `table`. `progress` hears [`Stage::Fitting`] after each iteration.
pub fn logistic_regression(
    table: &FeatureTable,
    request: &LogisticRequest,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<LogisticReport> {
    if let Some(f) = request.features.iter().find(|&&f| request.target.leaks(f)) {
        return Err(MlError::TargetLeak {
            feature: f.label().into(),
            target: request.target.display().into(),
        });
    }
    if !(0.0..=1.0).contains(&request.threshold) {
        return Err(MlError::BadThreshold(request.threshold));
    }
    let target = request.target.values(table);
    let prepared = prepare(table, &request.features, &request.missing, |_| true)?;
    let split = train_test_split(prepared.x.nrows(), request.test_fraction, request.seed)?;
    let y: Vec<bool> = prepared.rows.iter().map(|&r| target[r]).collect();
    let x_train = prepared.x.select(Axis(0), &split.train);
    let scaler = StandardScaler::fit(x_train.view());
    let x_all = scaler.transform(prepared.x.view());
    let y_train: Vec<bool> = split.train.iter().map(|&i| y[i]).collect();
    let fit = fit_logistic(
        x_all.select(Axis(0), &split.train).view(),
        &y_train,
        request.c,
        request.engine,
        progress,
    )?;
    let probs = fit.probabilities(x_all.view());
    let test_probs: Vec<f64> = split.test.iter().map(|&i| probs[i]).collect();
    let test_y: Vec<bool> = split.test.iter().map(|&i| y[i]).collect();
    let (roc, auc) = roc(&test_probs, &test_y);
    let mut is_test = vec![false; y.len()];
    for &i in &split.test {
        is_test[i] = true;
    }
    Ok(LogisticReport {
        target: request.target,
        coefficients: request
            .features
            .iter()
            .zip(&fit.coefficients)
            .zip(&scaler.scale)
            .map(|((&feature, &per_sd), &sd)| LogisticCoefficient {
                feature,
                per_sd,
                per_unit: per_sd / sd,
                odds_ratio_per_sd: per_sd.exp(),
            })
            .collect(),
        intercept: fit.intercept,
        probabilities: prepared
            .rows
            .iter()
            .enumerate()
            .map(|(i, &r)| CustomerProbability {
                customer_id: table.customer_ids[r],
                probability: probs[i],
                actual: y[i],
                test: is_test[i],
            })
            .collect(),
        roc,
        auc,
        test: at_threshold(&test_probs, &test_y, request.threshold),
        base_rate: y_train.iter().filter(|&&v| v).count() as f64 / y_train.len() as f64,
        train_rows: split.train.len(),
        test_rows: split.test.len(),
        iterations: fit.iterations,
        missing: prepared.summary,
    })
}
