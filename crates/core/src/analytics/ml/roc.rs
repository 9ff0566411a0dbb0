//! Scoring a yes/no prediction: the ROC curve and its area (as
//! scikit-learn's `roc_curve` / `roc_auc_score` compute them: one point per
//! distinct score, tied scores move both rates at once, trapezoids in
//! between), and accuracy, precision and recall at a chosen threshold.

use serde::{Deserialize, Serialize};

/// Most ROC points returned for a chart; the area is always computed on
/// the full curve.
pub const MAX_ROC_POINTS: usize = 200;

/// One point of the ROC curve.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RocPoint {
    /// Share of the negatives scored at or above `threshold`.
    pub fpr: f64,
    /// Share of the positives scored at or above `threshold`.
    pub tpr: f64,
    /// The score cut-off (the first point, nothing predicted positive, has
    /// the largest score plus one).
    pub threshold: f64,
}

/// The ROC curve (thinned to at most [`MAX_ROC_POINTS`]) and the area under
/// it; `None` for the area when `actual` lacks one of the two classes.
pub fn roc(scores: &[f64], actual: &[bool]) -> (Vec<RocPoint>, Option<f64>) {
    let pos = actual.iter().filter(|&&a| a).count() as f64;
    let neg = actual.len() as f64 - pos;
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let top = order.first().map_or(1.0, |&i| scores[i] + 1.0);
    let rate = |hit: f64, all: f64| if all > 0.0 { hit / all } else { 0.0 };
    let mut points = vec![RocPoint {
        fpr: 0.0,
        tpr: 0.0,
        threshold: top,
    }];
    let (mut tp, mut fp) = (0.0, 0.0);
    for (pos_in_order, &i) in order.iter().enumerate() {
        if actual[i] {
            tp += 1.0;
        } else {
            fp += 1.0;
        }
        let last_of_tie = order
            .get(pos_in_order + 1)
            .is_none_or(|&j| scores[j] != scores[i]);
        if last_of_tie {
            points.push(RocPoint {
                fpr: rate(fp, neg),
                tpr: rate(tp, pos),
                threshold: scores[i],
            });
        }
    }
    let auc = (pos > 0.0 && neg > 0.0).then(|| {
        points
            .windows(2)
            .map(|w| (w[1].fpr - w[0].fpr) * (w[1].tpr + w[0].tpr) / 2.0)
            .sum()
    });
    (thin(points), auc)
}

fn thin(points: Vec<RocPoint>) -> Vec<RocPoint> {
    if points.len() <= MAX_ROC_POINTS {
        return points;
    }
    let last = points.len() - 1;
    (0..MAX_ROC_POINTS)
        .map(|i| points[i * last / (MAX_ROC_POINTS - 1)])
        .collect()
}

/// Counts of a yes/no prediction against the truth.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confusion {
    /// Predicted yes, is yes.
    pub true_positive: usize,
    /// Predicted yes, is no.
    pub false_positive: usize,
    /// Predicted no, is no.
    pub true_negative: usize,
    /// Predicted no, is yes.
    pub false_negative: usize,
}

/// Quality of the prediction "yes when the score is at least `threshold`".
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ThresholdMetrics {
    /// The cut-off.
    pub threshold: f64,
    /// Share predicted correctly.
    pub accuracy: f64,
    /// Of those predicted yes, the share that is yes (`None`: none predicted).
    pub precision: Option<f64>,
    /// Of those that are yes, the share predicted yes (`None`: no yes).
    pub recall: Option<f64>,
    /// The counts.
    pub confusion: Confusion,
}

/// Accuracy, precision and recall of `score >= threshold`.
pub fn at_threshold(scores: &[f64], actual: &[bool], threshold: f64) -> ThresholdMetrics {
    let mut c = Confusion::default();
    for (&s, &a) in scores.iter().zip(actual) {
        match (s >= threshold, a) {
            (true, true) => c.true_positive += 1,
            (true, false) => c.false_positive += 1,
            (false, false) => c.true_negative += 1,
            (false, true) => c.false_negative += 1,
        }
    }
    let ratio = |a: usize, b: usize| (b > 0).then(|| a as f64 / b as f64);
    ThresholdMetrics {
        threshold,
        accuracy: ratio(c.true_positive + c.true_negative, scores.len()).unwrap_or(0.0),
        precision: ratio(c.true_positive, c.true_positive + c.false_positive),
        recall: ratio(c.true_positive, c.true_positive + c.false_negative),
        confusion: c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auc_counts_a_tie_between_classes_as_half() {
        // sklearn: roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75
        let (_, auc) = roc(&[0.1, 0.4, 0.35, 0.8], &[false, false, true, true]);
        assert!((auc.unwrap() - 0.75).abs() < 1e-12);
        let (pts, auc) = roc(&[0.5, 0.5], &[false, true]);
        assert_eq!(auc, Some(0.5));
        assert_eq!(pts.len(), 2);
    }

    #[test]
    fn auc_needs_both_classes() {
        assert_eq!(roc(&[0.2, 0.3], &[true, true]).1, None);
    }

    #[test]
    fn threshold_metrics_count_each_cell() {
        let m = at_threshold(&[0.9, 0.6, 0.4, 0.2], &[true, false, true, false], 0.5);
        assert_eq!(m.accuracy, 0.5);
        assert_eq!((m.precision, m.recall), (Some(0.5), Some(0.5)));
    }
}
