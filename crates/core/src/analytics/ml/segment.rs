//! Customer segmentation: chosen features → missing values handled →
//! standardised → k-means (k given, or the k in a range with the best
//! silhouette) → a 2-D PCA projection and a profile per segment.
//!
//! Segments are numbered by size, largest first. Profiles are the mean of
//! each raw feature (all of [`Feature::ALL`], not only the clustered ones)
//! over the segment's customers that have it, like pandas'
//! `groupby(labels).mean()`, which skips missing values.

use serde::{Deserialize, Serialize};

use super::error::{MlError, Result};
use super::features::{Feature, FeatureTable};
use super::k_means::{self, Engine, KMeansFit, KMeansParams};
use super::pca::{project_2d, Projection};
use super::prepare::{prepare, MissingHandling, MissingSummary, StandardScaler};
use super::silhouette::{sample_rows, silhouette_of_rows, Silhouette, SilhouetteParams};
use super::{Progress, Stage};
use crate::model::Id;

/// How many segments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KChoice {
    /// Exactly this many.
    Fixed(usize),
    /// The k in `min..=max` with the highest silhouette.
    Auto {
        /// Smallest k tried (at least 2).
        min: usize,
        /// Largest k tried.
        max: usize,
    },
}

/// What the Segments page clusters on until the user picks (and what the
/// segmentation benchmark runs on).
pub const DEFAULT_FEATURES: [Feature; 6] = [
    Feature::Age,
    Feature::Income,
    Feature::Orders,
    Feature::TotalSpent,
    Feature::DaysSinceLastOrder,
    Feature::Tickets,
];

/// A segmentation request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SegmentRequest {
    /// Features to cluster on.
    pub features: Vec<Feature>,
    /// Number of segments.
    pub k: KChoice,
    /// What to do about missing values.
    pub missing: MissingHandling,
    /// Seed of k-means++ and of the silhouette sample.
    pub seed: u64,
    /// k-means starts per k.
    pub n_init: usize,
    /// k-means implementation.
    pub engine: Engine,
    /// Rows scored exactly by the silhouette (above: a sample this size).
    pub silhouette_max_exact: usize,
}

impl Default for SegmentRequest {
    /// No features yet, `k` automatic in 2..=10, impute medians, seed 42,
    /// 3 starts, fast engine, silhouette exact up to 2,000 rows.
    fn default() -> Self {
        SegmentRequest {
            features: Vec::new(),
            k: KChoice::Auto { min: 2, max: 10 },
            missing: MissingHandling::default(),
            seed: 42,
            n_init: 3,
            engine: Engine::Fast,
            silhouette_max_exact: 2000,
        }
    }
}

/// Fit quality for one k (for the "choose k" chart).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KScore {
    /// Number of segments.
    pub k: usize,
    /// Silhouette (`None` if undefined, e.g. all points in one cluster).
    pub silhouette: Option<f64>,
    /// Sum of squared distances to the centroids (standardised units).
    pub inertia: f64,
    /// k-means iterations of the best start (fast engine only).
    pub iterations: Option<usize>,
}

/// One segment's size and average customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentProfile {
    /// Segment number (0 = largest).
    pub segment: usize,
    /// Customers in it.
    pub size: usize,
    /// Share of the clustered customers.
    pub share: f64,
    /// Mean raw value of each of [`Feature::ALL`] (`None`: nobody has it).
    pub means: Vec<Option<f64>>,
}

/// The result of [`segment`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Segmentation {
    /// The features clustered on.
    pub features: Vec<Feature>,
    /// Customers clustered (those not left out for missing values).
    pub customer_ids: Vec<Id>,
    /// Segment of each of those customers.
    pub labels: Vec<usize>,
    /// Number of segments.
    pub k: usize,
    /// Missing values: who was left out, what was imputed.
    pub missing: MissingSummary,
    /// The standardisation used (means and population std per feature).
    pub scaler: StandardScaler,
    /// Segment centres in standardised units.
    pub centroids: Vec<Vec<f64>>,
    /// Segment centres in raw units.
    pub centroids_raw: Vec<Vec<f64>>,
    /// Sum of squared distances to the centres (standardised units).
    pub inertia: f64,
    /// k-means iterations of the final fit (fast engine only).
    pub iterations: Option<usize>,
    /// Silhouette of the final segments.
    pub silhouette: Option<Silhouette>,
    /// Silhouette and inertia per k tried (one entry for a fixed k).
    pub k_scores: Vec<KScore>,
    /// 2-D PCA projection of the clustered customers.
    pub projection: Projection,
    /// Size and mean raw features per segment, largest first.
    pub profiles: Vec<SegmentProfile>,
}

/// Segments the customers of `table` as `request` says. `progress` hears
/// [`Stage::ChoosingK`] between k values and [`Stage::Clustering`] between
/// iterations; returning `false` cancels.
pub fn segment(
    table: &FeatureTable,
    request: &SegmentRequest,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Segmentation> {
    let prepared = prepare(table, &request.features, &request.missing, |_| true)?;
    let n = prepared.x.nrows();
    let (lo, hi) = match request.k {
        KChoice::Fixed(k) => (k, k),
        KChoice::Auto { min, max } => (min.max(2), max.min(n.saturating_sub(1))),
    };
    if lo < 2 || (matches!(request.k, KChoice::Fixed(_)) && lo > 50) {
        return Err(MlError::BadK { k: lo, max: 50 });
    }
    if n <= lo {
        return Err(MlError::TooFewRows {
            rows: n,
            needed: crate::i18n::analysis_errors::needed_segments(lo),
        });
    }
    let scaler = StandardScaler::fit(prepared.x.view());
    let x = scaler.transform(prepared.x.view());
    let sil = SilhouetteParams {
        max_exact: request.silhouette_max_exact.max(2),
        seed: request.seed,
    };
    let sample = sample_rows(n, &sil);
    let mut best: Option<(f64, KMeansFit, Option<f64>)> = None;
    let mut k_scores = Vec::new();
    for (i, k) in (lo..=hi).enumerate() {
        let step = Progress {
            stage: Stage::ChoosingK,
            done: i,
            total: hi - lo + 1,
        };
        if !progress(step) {
            return Err(MlError::Cancelled);
        }
        let params = KMeansParams {
            n_init: request.n_init.max(1),
            seed: request.seed,
            engine: request.engine,
            ..KMeansParams::new(k)
        };
        let fit = k_means::fit(x.view(), &params, progress)?;
        let score = silhouette_of_rows(x.view(), &fit.labels, &sample);
        k_scores.push(KScore {
            k,
            silhouette: score,
            inertia: fit.inertia,
            iterations: fit.iterations,
        });
        let s = score.unwrap_or(f64::NEG_INFINITY);
        if best.as_ref().is_none_or(|(b, _, _)| s > *b) {
            best = Some((s, fit, score));
        }
    }
    // `lo <= hi` was checked, so the loop ran at least once.
    let (_, fit, score) = best.expect("at least one k tried");
    let fit = by_size(fit);
    let silhouette = score.map(|score| Silhouette {
        score,
        rows: sample.len(),
        sampled: sample.len() < n,
    });
    let projection = project_2d(x.view())?;
    let profiles = profiles(table, &prepared.rows, &fit.labels, fit.k);
    let centroids_raw = fit
        .centroids
        .iter()
        .map(|c| {
            c.iter()
                .zip(scaler.mean.iter().zip(&scaler.scale))
                .map(|(v, (m, s))| v * s + m)
                .collect()
        })
        .collect();
    Ok(Segmentation {
        features: prepared.features,
        customer_ids: prepared
            .rows
            .iter()
            .map(|&r| table.customer_ids[r])
            .collect(),
        labels: fit.labels,
        k: fit.k,
        missing: prepared.summary,
        scaler,
        centroids: fit.centroids,
        centroids_raw,
        inertia: fit.inertia,
        iterations: fit.iterations,
        silhouette,
        k_scores,
        projection,
        profiles,
    })
}

/// Renumbers clusters by size, largest first (ties: lower old number first).
fn by_size(mut fit: KMeansFit) -> KMeansFit {
    let mut order: Vec<usize> = (0..fit.k).collect();
    order.sort_by_key(|&c| (std::cmp::Reverse(fit.sizes[c]), c));
    let mut new_of = vec![0; fit.k];
    for (new, &old) in order.iter().enumerate() {
        new_of[old] = new;
    }
    for l in &mut fit.labels {
        *l = new_of[*l];
    }
    fit.centroids = order.iter().map(|&c| fit.centroids[c].clone()).collect();
    fit.sizes = order.iter().map(|&c| fit.sizes[c]).collect();
    fit
}

/// Size, share and mean raw features of each of `k` segments; `rows[i]` is
/// the table row of the customer labelled `labels[i]`.
pub fn profiles(
    table: &FeatureTable,
    rows: &[usize],
    labels: &[usize],
    k: usize,
) -> Vec<SegmentProfile> {
    let nf = Feature::ALL.len();
    let mut sums = vec![0.0; k * nf];
    let mut counts = vec![0usize; k * nf];
    let mut sizes = vec![0usize; k];
    for (&r, &l) in rows.iter().zip(labels) {
        sizes[l] += 1;
        for (j, &f) in Feature::ALL.iter().enumerate() {
            let v = table.column(f)[r];
            if !v.is_nan() {
                sums[l * nf + j] += v;
                counts[l * nf + j] += 1;
            }
        }
    }
    let total = rows.len().max(1) as f64;
    (0..k)
        .map(|c| SegmentProfile {
            segment: c,
            size: sizes[c],
            share: sizes[c] as f64 / total,
            means: (0..nf)
                .map(|j| {
                    let cnt = counts[c * nf + j];
                    (cnt > 0).then(|| sums[c * nf + j] / cnt as f64)
                })
                .collect(),
        })
        .collect()
}
