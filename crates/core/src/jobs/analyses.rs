//! The jobs that read the store: each decodes its request, loads what it
//! needs through the [`Store`] contract, runs an analysis from
//! [`crate::analytics::ml`] and encodes a result small enough to cross to
//! the page quickly (charts get at most a few thousand points; per-customer
//! results are written by the job itself or sent compactly). Generic over
//! the store, so they are tested natively on a `MemStore` and run in the
//! worker on IndexedDB.

use super::{Job, JobError, ProgressFn};
use crate::analytics::ml::segment::{
    segment, KScore, SegmentProfile, SegmentRequest, Segmentation,
};
use crate::analytics::ml::{
    prepare::{missing_report, MissingSummary},
    Feature, FeatureTable, MissingReport, Progress, Stage,
};
use crate::i18n::jobs as jt;
use crate::model::{Customer, Record, Timestamp};
use crate::store::{ChangeSet, Collection, Store};
use serde::{Deserialize, Serialize};

/// At most this many points per segment go into the projection chart.
pub const POINTS_PER_SEGMENT: usize = 2_000;

/// Reads the customers and the tallies of orders, tickets and deals and
/// builds the feature table.
pub async fn feature_table<S: Store>(
    store: &S,
    now: Timestamp,
    progress: ProgressFn<'_>,
) -> Result<(Vec<Customer>, FeatureTable), JobError> {
    let fail = JobError::from;
    progress(0.0, jt::reading_customers());
    let customers: Vec<Customer> = store.all().await.map_err(fail)?;
    let customers: Vec<Customer> = customers.into_iter().filter(|c| !c.is_deleted()).collect();
    // Orders, tickets and deals through their tallies (the per-customer
    // figures the write path keeps), not record by record.
    progress(0.05, jt::reading_orders());
    let orders = store.tally(Collection::Orders).await.map_err(fail)?;
    progress(0.1, jt::reading_tickets_and_deals());
    let tickets = store.tally(Collection::Tickets).await.map_err(fail)?;
    let deals = store.tally(Collection::Deals).await.map_err(fail)?;
    progress(0.15, jt::computing_features());
    let table = FeatureTable::from_tallies(&customers, &orders, &tickets, &deals, now);
    Ok((customers, table))
}

/// Input of `missing`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MissingInput {
    /// The features to count missing values of.
    pub features: Vec<Feature>,
}

/// How many customers lack each chosen feature (before a segmentation).
pub struct MissingJob;

impl Job for MissingJob {
    const NAME: &'static str = "missing";
    type Input = MissingInput;
    type Output = MissingReport;

    async fn run<S: Store>(
        store: &S,
        input: MissingInput,
        now: Timestamp,
        progress: ProgressFn<'_>,
    ) -> Result<MissingReport, JobError> {
        let (_, table) = feature_table(store, now, progress).await?;
        Ok(missing_report(&table, &input.features))
    }
}

/// Maps the analysis's progress onto the 0.2..1 part of the bar.
pub(super) fn relay(progress: ProgressFn<'_>) -> impl FnMut(Progress) -> bool + '_ {
    move |p: Progress| {
        let within = if p.total == 0 {
            0.0
        } else {
            p.done as f64 / p.total as f64
        };
        let note = match p.stage {
            Stage::ChoosingK => jt::trying_k(p.done + 2, p.done + 1, p.total),
            Stage::Clustering => jt::kmeans_iteration(p.done),
            Stage::Silhouette => jt::scoring_segments().to_string(),
            Stage::Fitting => jt::fitting_iteration(p.done),
        };
        progress(0.2 + 0.8 * within.clamp(0.0, 1.0), &note);
        true
    }
}

/// What the Segments page shows: everything but the per-customer labels,
/// with the projection sampled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentSummary {
    /// The features used.
    pub features: Vec<Feature>,
    /// Customers segmented.
    pub customers: usize,
    /// Segments.
    pub k: usize,
    /// What happened to missing values.
    pub missing: MissingSummary,
    /// Sum of squared distances to the centroids (standardised units).
    pub inertia: f64,
    /// Mean silhouette of the chosen k, if computed.
    pub silhouette: Option<f64>,
    /// Whether the silhouette was computed on a sample.
    pub silhouette_sampled: bool,
    /// Silhouette and inertia per k tried.
    pub k_scores: Vec<KScore>,
    /// Size and feature means per segment.
    pub profiles: Vec<SegmentProfile>,
    /// Share of the variance on each of the two projection axes.
    pub explained_variance_ratio: Vec<f64>,
    /// Projection points per segment (sampled evenly).
    pub points: Vec<Vec<(f64, f64)>>,
}

/// k-means segmentation, summarised for the Segments page.
pub struct SegmentJob;

impl Job for SegmentJob {
    const NAME: &'static str = "segment";
    type Input = SegmentRequest;
    type Output = SegmentSummary;

    async fn run<S: Store>(
        store: &S,
        request: SegmentRequest,
        now: Timestamp,
        progress: ProgressFn<'_>,
    ) -> Result<SegmentSummary, JobError> {
        let (_, table) = feature_table(store, now, progress).await?;
        let result = segment(&table, &request, &mut relay(progress)).map_err(analysis)?;
        Ok(summarise(&result))
    }
}

/// What the page shows of a segmentation.
fn summarise(result: &Segmentation) -> SegmentSummary {
    let mut points: Vec<Vec<(f64, f64)>> = vec![Vec::new(); result.k];
    let sizes: Vec<usize> = (0..result.k)
        .map(|s| result.labels.iter().filter(|l| **l == s).count())
        .collect();
    let mut seen = vec![0usize; result.k];
    for (label, point) in result.labels.iter().zip(&result.projection.points) {
        let step = sizes[*label].div_ceil(POINTS_PER_SEGMENT).max(1);
        if seen[*label].is_multiple_of(step) {
            points[*label].push((point[0], point[1]));
        }
        seen[*label] += 1;
    }
    SegmentSummary {
        features: result.features.clone(),
        customers: result.labels.len(),
        k: result.k,
        missing: result.missing.clone(),
        inertia: result.inertia,
        silhouette: result.silhouette.as_ref().map(|s| s.score),
        silhouette_sampled: result.silhouette.as_ref().is_some_and(|s| s.sampled),
        k_scores: result.k_scores.clone(),
        profiles: result.profiles.clone(),
        explained_variance_ratio: result.projection.explained_variance_ratio.clone(),
        points,
    }
}

/// Input of `save_segments`: the same request as the segmentation shown
/// (it is seeded, so it gives the same segments again) and a name per
/// segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SaveSegmentsInput {
    /// The segmentation request.
    pub request: SegmentRequest,
    /// Segment names, by segment number.
    pub names: Vec<String>,
}

/// Output of `save_segments`: the batch that writes the segments, which
/// the page applies through its one write path (Undo, other tabs told) —
/// the worker never writes to the store itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedSegments {
    /// Customers whose segment changes.
    pub changed: usize,
    /// Customers segmented.
    pub segmented: usize,
    /// The customers with their new segment, as one batch.
    pub changes: ChangeSet,
}

/// Segments the customers again (seeded: the same segments as shown) and
/// builds the batch that names each customer's segment.
pub struct SaveSegmentsJob;

impl Job for SaveSegmentsJob {
    const NAME: &'static str = "save_segments";
    type Input = SaveSegmentsInput;
    type Output = SavedSegments;

    async fn run<S: Store>(
        store: &S,
        input: SaveSegmentsInput,
        now: Timestamp,
        progress: ProgressFn<'_>,
    ) -> Result<SavedSegments, JobError> {
        save_segments(store, input, now, progress).await
    }
}

async fn save_segments<S: Store>(
    store: &S,
    input: SaveSegmentsInput,
    now: Timestamp,
    progress: ProgressFn<'_>,
) -> Result<SavedSegments, JobError> {
    let (customers, table) = feature_table(store, now, progress).await?;
    let result = segment(&table, &input.request, &mut relay(progress)).map_err(analysis)?;
    if input.names.len() != result.k || input.names.iter().any(|n| n.trim().is_empty()) {
        return Err(JobError::UnnamedSegments);
    }
    let by_id: std::collections::HashMap<_, _> = customers.iter().map(|c| (c.meta.id, c)).collect();
    let mut changes = ChangeSet::new(jt::saved_segments(result.k));
    let mut changed = 0;
    for (id, label) in result.customer_ids.iter().zip(&result.labels) {
        let Some(customer) = by_id.get(id) else {
            continue;
        };
        let name = input.names[*label].trim().to_string();
        if customer.segment.as_deref() == Some(name.as_str()) {
            continue;
        }
        let mut updated = (*customer).clone();
        updated.segment = Some(name);
        updated.touch(now);
        changes.update(&updated)?;
        changed += 1;
    }
    Ok(SavedSegments {
        changed,
        segmented: result.labels.len(),
        changes,
    })
}

/// An analysis's refusal, in its own words.
pub(super) fn analysis(e: impl std::fmt::Display) -> JobError {
    JobError::Analysis(e.to_string())
}

#[cfg(test)]
#[path = "analyses_tests.rs"]
pub(crate) mod tests;
