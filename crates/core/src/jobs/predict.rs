//! The prediction jobs: linear regression, propensity (logistic regression)
//! and decision trees over the customer feature table, with results trimmed
//! for the page — chart points sampled, and the per-customer propensity
//! sent as compact `(id, probability)` pairs for the Customers list.

use super::analyses::{analysis, feature_table, relay};
use super::{Job, JobError, ProgressFn};
use crate::analytics::ml::linear::{linear_regression, LinearReport, LinearRequest};
use crate::analytics::ml::logistic::{logistic_regression, LogisticReport, LogisticRequest};
use crate::analytics::ml::tree::{decision_tree, TreeReport, TreeRequest};
use crate::i18n::jobs as jt;
use crate::model::{Id, PropensityScores, Timestamp};
use crate::store::{ChangeSet, Store};
use serde::{Deserialize, Serialize};

/// At most this many held-out customers go into the regression charts.
pub const MAX_CHART_POINTS: usize = 3_000;

fn thin<T>(items: &mut Vec<T>, at_most: usize) {
    let step = items.len().div_ceil(at_most).max(1);
    if step > 1 {
        let mut i = 0;
        items.retain(|_| {
            i += 1;
            (i - 1) % step == 0
        });
    }
}

/// Linear regression, with its chart points sampled.
pub struct LinearJob;

impl Job for LinearJob {
    const NAME: &'static str = "linear";
    type Input = LinearRequest;
    type Output = LinearReport;

    async fn run<S: Store>(
        store: &S,
        request: LinearRequest,
        now: Timestamp,
        progress: ProgressFn<'_>,
    ) -> Result<LinearReport, JobError> {
        let (_, table) = feature_table(store, now, progress).await?;
        let mut report =
            linear_regression(&table, &request, &mut relay(progress)).map_err(analysis)?;
        thin(&mut report.points, MAX_CHART_POINTS);
        Ok(report)
    }
}

/// Output of `propensity`: the report without its per-customer list, and
/// every modelled customer's probability.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Propensity {
    /// The model's report (`probabilities` emptied).
    pub report: LogisticReport,
    /// `(customer, P(yes))` for every modelled customer.
    pub scores: Vec<(Id, f32)>,
    /// The batch that keeps the scores (so the Likelihood column survives a
    /// reload), for the page to apply through its one write path.
    pub changes: ChangeSet,
}

/// Propensity by logistic regression: the report, every modelled
/// customer's probability, and the batch that keeps the scores.
pub struct PropensityJob;

impl Job for PropensityJob {
    const NAME: &'static str = "propensity";
    type Input = LogisticRequest;
    type Output = Propensity;

    async fn run<S: Store>(
        store: &S,
        request: LogisticRequest,
        now: Timestamp,
        progress: ProgressFn<'_>,
    ) -> Result<Propensity, JobError> {
        propensity(store, request, now, progress).await
    }
}

async fn propensity<S: Store>(
    store: &S,
    request: LogisticRequest,
    now: Timestamp,
    progress: ProgressFn<'_>,
) -> Result<Propensity, JobError> {
    let (_, table) = feature_table(store, now, progress).await?;
    let mut report =
        logistic_regression(&table, &request, &mut relay(progress)).map_err(analysis)?;
    let scores: Vec<(Id, f32)> = std::mem::take(&mut report.probabilities)
        .into_iter()
        .map(|p| (p.customer_id, p.probability as f32))
        .collect();
    // Kept in the store, so the Likelihood column survives a reload.
    let record = PropensityScores::new(now, request.target.label(), scores.clone());
    let mut changes = ChangeSet::new(jt::likelihood_scores(request.target.display()));
    changes.put(&record)?;
    Ok(Propensity {
        report,
        scores,
        changes,
    })
}

/// A decision tree with its rules and confusion matrix.
pub struct TreeJob;

impl Job for TreeJob {
    const NAME: &'static str = "tree";
    type Input = TreeRequest;
    type Output = TreeReport;

    async fn run<S: Store>(
        store: &S,
        request: TreeRequest,
        now: Timestamp,
        progress: ProgressFn<'_>,
    ) -> Result<TreeReport, JobError> {
        let (_, table) = feature_table(store, now, progress).await?;
        decision_tree(&table, &request, &mut relay(progress)).map_err(analysis)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::ml::logistic::BinaryTarget;
    use crate::analytics::ml::tree::TreeReport;
    use crate::analytics::ml::Feature;
    use crate::jobs::analyses::tests::{demo_store, run_ready, NOW};

    fn run_job(job: &str, input: String) -> String {
        let store = demo_store(400);
        run_ready(crate::jobs::run_named(
            &store,
            job,
            &input,
            NOW,
            &mut |_, _| {},
        ))
        .expect("the job succeeds")
    }

    const FEATURES: [Feature; 4] = [
        Feature::Age,
        Feature::Income,
        Feature::Orders,
        Feature::Tickets,
    ];

    #[test]
    fn linear_regression_of_total_spent_reports_test_metrics_and_points() {
        let request = LinearRequest {
            features: FEATURES.to_vec(),
            ..LinearRequest::default()
        };
        let report: LinearReport =
            serde_json::from_str(&run_job("linear", serde_json::to_string(&request).unwrap()))
                .unwrap();
        assert_eq!(report.coefficients.len(), 4);
        assert_eq!(report.points.len(), report.test_rows.min(MAX_CHART_POINTS));
        assert!(report.test.r2.is_finite());
    }

    #[test]
    fn propensity_scores_every_modelled_customer_between_zero_and_one() {
        let request = LogisticRequest {
            target: BinaryTarget::BoughtRecently,
            features: vec![Feature::Orders, Feature::TenureDays, Feature::Tickets],
            ..LogisticRequest::default()
        };
        let out: Propensity = serde_json::from_str(&run_job(
            "propensity",
            serde_json::to_string(&request).unwrap(),
        ))
        .unwrap();
        assert!(out.report.probabilities.is_empty());
        assert_eq!(
            out.scores.len(),
            out.report.train_rows + out.report.test_rows
        );
        assert!(out.scores.iter().all(|(_, p)| (0.0..=1.0).contains(p)));
        assert!(!out.report.roc.is_empty());
    }

    #[test]
    fn propensity_hands_the_page_the_batch_that_keeps_its_scores() {
        let store = demo_store(300);
        let request = LogisticRequest {
            target: BinaryTarget::BoughtRecently,
            features: vec![Feature::Orders, Feature::Tickets],
            ..LogisticRequest::default()
        };
        // Called by its type, as the page does (no JSON in between).
        let out: Propensity =
            run_ready(PropensityJob::run(&store, request, NOW, &mut |_, _| {})).unwrap();
        assert!(
            run_ready(store.get::<PropensityScores>(crate::model::SCORES_ID))
                .unwrap()
                .is_none(),
            "the job writes nothing itself"
        );
        run_ready(store.apply(&out.changes)).unwrap();
        let stored: PropensityScores = run_ready(store.get(crate::model::SCORES_ID))
            .unwrap()
            .unwrap();
        assert_eq!(stored.scores, out.scores);
        assert_eq!(stored.target, "bought in the last 90 days");
    }

    #[test]
    fn a_tree_for_the_lifecycle_stage_gives_rules_and_a_square_confusion_matrix() {
        let request = TreeRequest {
            features: FEATURES.to_vec(),
            ..TreeRequest::default()
        };
        let report: TreeReport =
            serde_json::from_str(&run_job("tree", serde_json::to_string(&request).unwrap()))
                .unwrap();
        assert!(!report.rules.is_empty());
        let n = report.confusion.labels.len();
        assert!(report.confusion.counts.iter().all(|row| row.len() == n));
    }

    #[test]
    fn thinning_keeps_an_even_sample_no_larger_than_asked() {
        let mut v: Vec<u32> = (0..10_000).collect();
        thin(&mut v, 3_000);
        assert!(v.len() <= 3_000 && v.len() > 2_000);
        assert_eq!(v[1] - v[0], v[2] - v[1]);
    }
}
