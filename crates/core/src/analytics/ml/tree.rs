//! Explaining a category (lifecycle stage, segment) with a decision tree:
//! `linfa_trees::DecisionTree` (Gini splits) on the raw features, so the
//! rules read in the user's units, with a seeded train/test split, test
//! accuracy, a confusion matrix and one sentence per leaf:
//! "if total spent ≤ 1,234.5 and tickets > 2 → Churned (87 customers, 91 %)".
//!
//! The tree is walked here, not with linfa's `predict`: linfa fits with
//! `value <= split` going left but predicts with `value < split`; splits
//! lie half-way between two training values, so only a new value exactly
//! on a split could differ, and walking with `<=` keeps the rules and the
//! predictions the same thing. Leaf counts and shares are of training rows.

use linfa::prelude::*;
use linfa::Dataset;
use linfa_trees::{DecisionTree, TreeNode};
use ndarray::{Array1, ArrayView1, ArrayView2, Axis};
use serde::{Deserialize, Serialize};

use super::error::{MlError, Result};
use super::features::{Feature, FeatureTable};
use super::prepare::{prepare, MissingHandling, MissingSummary};
use super::rules::{leaf_rules, Rule};
use super::split::train_test_split;
use super::{Progress, Stage};
use crate::model::LifecycleStage;

/// A category of a customer to explain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClassTarget {
    /// The lifecycle stage.
    Lifecycle,
    /// The segment name (customers without one are left out).
    Segment,
}

impl ClassTarget {
    /// Class names, and the class of every row of `table` (`None`: unknown).
    pub fn values(self, table: &FeatureTable) -> (Vec<String>, Vec<Option<usize>>) {
        match self {
            ClassTarget::Lifecycle => (
                LifecycleStage::ALL
                    .iter()
                    .map(|s| s.display().to_string())
                    .collect(),
                table
                    .lifecycle
                    .iter()
                    .map(|l| LifecycleStage::ALL.iter().position(|s| s == l))
                    .collect(),
            ),
            ClassTarget::Segment => {
                let mut names: Vec<String> = table.segment.iter().flatten().cloned().collect();
                names.sort();
                names.dedup();
                let of = |s: &Option<String>| s.as_ref().and_then(|s| names.binary_search(s).ok());
                let classes = table.segment.iter().map(of).collect();
                (names, classes)
            }
        }
    }
}

/// A decision tree request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TreeRequest {
    /// What to explain.
    pub target: ClassTarget,
    /// What to explain it with.
    pub features: Vec<Feature>,
    /// What to do about missing values.
    pub missing: MissingHandling,
    /// Share of customers held out for testing.
    pub test_fraction: f64,
    /// Seed of the split.
    pub seed: u64,
    /// Deepest question chain (rules have at most this many conditions).
    pub max_depth: usize,
    /// Fewest training customers in a leaf.
    pub min_leaf: usize,
}

impl Default for TreeRequest {
    /// Lifecycle, no features yet, impute medians, 25 % test, seed 42,
    /// depth 3, at least 5 customers per leaf.
    fn default() -> Self {
        TreeRequest {
            target: ClassTarget::Lifecycle,
            features: Vec::new(),
            missing: MissingHandling::default(),
            test_fraction: 0.25,
            seed: 42,
            max_depth: 3,
            min_leaf: 5,
        }
    }
}

/// Predicted against actual counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfusionMatrix {
    /// Class names, for both rows and columns.
    pub labels: Vec<String>,
    /// `counts[actual][predicted]`.
    pub counts: Vec<Vec<usize>>,
}

/// The result of [`decision_tree`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TreeReport {
    /// What was explained.
    pub target: ClassTarget,
    /// Share of held-out customers classified correctly.
    pub accuracy: f64,
    /// The same on the training customers.
    pub train_accuracy: f64,
    /// Held-out customers, actual vs predicted (classes present only).
    pub confusion: ConfusionMatrix,
    /// One rule per leaf, largest leaf first.
    pub rules: Vec<Rule>,
    /// Customers fitted on.
    pub train_rows: usize,
    /// Customers tested on.
    pub test_rows: usize,
    /// Missing values: who was left out (including unknown targets).
    pub missing: MissingSummary,
}

/// A fitted tree over classes `0..k`.
#[derive(Debug, Clone)]
pub struct Tree {
    root: TreeNode<f64, usize>,
}

impl Tree {
    /// Fits a Gini tree of at most `max_depth` levels, `min_leaf` rows per
    /// leaf.
    pub fn fit(x: ArrayView2<f64>, y: &[usize], max_depth: usize, min_leaf: usize) -> Result<Tree> {
        let data = Dataset::new(x.to_owned(), Array1::from(y.to_vec()));
        let tree = DecisionTree::params()
            .max_depth(Some(max_depth.max(1)))
            .min_weight_leaf(min_leaf.max(1) as f32)
            .min_weight_split(2.0 * min_leaf.max(1) as f32)
            .fit(&data)
            .map_err(|e| MlError::Fit(e.to_string()))?;
        Ok(Tree {
            root: tree.root_node().clone(),
        })
    }

    /// The root node (walk it with `split()`, `children()`, `prediction()`).
    pub fn root(&self) -> &TreeNode<f64, usize> {
        &self.root
    }

    /// The class of one row (`value <= split` goes left).
    pub fn predict_one(&self, row: ArrayView1<f64>) -> usize {
        let mut node = &self.root;
        loop {
            if let Some(class) = node.prediction() {
                return class;
            }
            let (feature, split, _) = node.split();
            let side = if row[feature] <= split { 0 } else { 1 };
            // An internal node of a fitted tree has both children.
            node = node.children()[side]
                .as_deref()
                .expect("internal node has two children");
        }
    }

    /// The class of every row.
    pub fn predict(&self, x: ArrayView2<f64>) -> Vec<usize> {
        x.rows().into_iter().map(|r| self.predict_one(r)).collect()
    }
}

/// Fits a tree explaining `request.target` by `request.features`.
pub fn decision_tree(
    table: &FeatureTable,
    request: &TreeRequest,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<TreeReport> {
    let (names, classes) = request.target.values(table);
    let prepared = prepare(table, &request.features, &request.missing, |i| {
        classes[i].is_some()
    })?;
    let y: Vec<usize> = prepared.rows.iter().filter_map(|&r| classes[r]).collect();
    let split = train_test_split(y.len(), request.test_fraction, request.seed)?;
    let pick = |rows: &[usize]| {
        let y: Vec<usize> = rows.iter().map(|&i| y[i]).collect();
        (prepared.x.select(Axis(0), rows), y)
    };
    let (x_train, y_train) = pick(&split.train);
    let (x_test, y_test) = pick(&split.test);
    if y_train.iter().all(|&c| c == y_train[0]) {
        return Err(MlError::OneClass);
    }
    if !progress(Progress {
        stage: Stage::Fitting,
        done: 0,
        total: 1,
    }) {
        return Err(MlError::Cancelled);
    }
    let tree = Tree::fit(
        x_train.view(),
        &y_train,
        request.max_depth,
        request.min_leaf,
    )?;
    let accuracy = |x: ArrayView2<f64>, y: &[usize]| {
        let hits = tree
            .predict(x)
            .iter()
            .zip(y)
            .filter(|(p, a)| p == a)
            .count();
        hits as f64 / y.len().max(1) as f64
    };
    let present: Vec<usize> = (0..names.len()).filter(|c| y.contains(c)).collect();
    let mut counts = vec![vec![0; present.len()]; present.len()];
    let at = |c: usize| present.iter().position(|&p| p == c).unwrap_or(0);
    for (p, &a) in tree.predict(x_test.view()).into_iter().zip(&y_test) {
        counts[at(a)][at(p)] += 1;
    }
    Ok(TreeReport {
        target: request.target,
        accuracy: accuracy(x_test.view(), &y_test),
        train_accuracy: accuracy(x_train.view(), &y_train),
        confusion: ConfusionMatrix {
            labels: present.iter().map(|&c| names[c].clone()).collect(),
            counts,
        },
        rules: leaf_rules(&tree, &request.features, &names, x_train.view(), &y_train),
        train_rows: split.train.len(),
        test_rows: split.test.len(),
        missing: prepared.summary,
    })
}
