use super::*;
use crate::analytics::ml::segment::KChoice;
use crate::analytics::ml::MissingReport;
use crate::demo::{DemoConfig, DemoGenerator};
use crate::jobs::run_named;
use crate::store::MemStore;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

pub(crate) const NOW: i64 = 1_750_000_000_000;

/// Runs a future that never waits (MemStore's futures are ready at once).
pub(crate) fn run_ready<F: Future>(future: F) -> F::Output {
    match pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(out) => out,
        Poll::Pending => panic!("MemStore futures complete without waiting"),
    }
}

pub(crate) fn demo_store(customers: usize) -> MemStore {
    let store = MemStore::new();
    let mut g = DemoGenerator::new(DemoConfig { seed: 3, customers }, NOW);
    while let Some(batch) = g.next_batch(500) {
        run_ready(store.apply(&batch.to_change_set("demo").unwrap())).unwrap();
    }
    store
}

fn run_job(
    store: &MemStore,
    job: &str,
    input: &str,
) -> (Result<String, String>, Vec<(f64, String)>) {
    let mut seen = Vec::new();
    let result = run_ready(run_named(store, job, input, NOW, &mut |done, note| {
        seen.push((done, note.to_string()))
    }))
    .map_err(|e| e.to_string());
    (result, seen)
}

fn request() -> SegmentRequest {
    SegmentRequest {
        features: vec![
            Feature::Income,
            Feature::Orders,
            Feature::TotalSpent,
            Feature::Tickets,
        ],
        k: KChoice::Fixed(3),
        ..SegmentRequest::default()
    }
}

#[test]
fn missing_counts_customers_without_each_feature() {
    let store = demo_store(300);
    let (out, _) = run_job(&store, "missing", r#"{"features":["income","orders"]}"#);
    let report: MissingReport = serde_json::from_str(&out.unwrap()).unwrap();
    assert!(report.rows >= 290, "{}", report.rows);
    assert_eq!(
        report.per_feature[1].missing, 0,
        "everyone has an order count"
    );
    assert_eq!(report.complete + report.incomplete, report.rows);
}

#[test]
fn segmenting_reports_progress_and_returns_a_sampled_summary() {
    let store = demo_store(300);
    let input = serde_json::to_string(&request()).unwrap();
    let (out, progress) = run_job(&store, "segment", &input);
    let summary: SegmentSummary = serde_json::from_str(&out.unwrap()).unwrap();
    assert_eq!(summary.k, 3);
    assert_eq!(
        summary.profiles.iter().map(|p| p.size).sum::<usize>(),
        summary.customers
    );
    assert_eq!(
        summary.points.iter().map(Vec::len).sum::<usize>(),
        summary.customers
    );
    assert!(progress.len() > 3);
    assert!(
        progress.windows(2).all(|w| w[0].0 <= w[1].0 + 0.8),
        "roughly forward"
    );
}

#[test]
fn saving_segments_names_every_segmented_customer_in_one_write() {
    let store = demo_store(200);
    let input = SaveSegmentsInput {
        request: request(),
        names: vec!["Loyal".into(), "New".into(), "At risk".into()],
    };
    let (out, _) = run_job(
        &store,
        "save_segments",
        &serde_json::to_string(&input).unwrap(),
    );
    let saved: SavedSegments = serde_json::from_str(&out.unwrap()).unwrap();
    assert!(saved.changed > 0 && saved.changed <= saved.segmented);
    assert_eq!(saved.changes.len(), saved.changed);
    let before: Vec<Customer> = run_ready(store.all()).unwrap();
    assert!(
        before
            .iter()
            .all(|c| !matches!(c.segment.as_deref(), Some("Loyal" | "New" | "At risk"))),
        "the job writes nothing itself: the page applies its batch"
    );
    // The page's write path: the batch, with Undo.
    let undo = run_ready(store.apply_undoable(&saved.changes, NOW + 1)).unwrap();
    let customers: Vec<Customer> = run_ready(store.all()).unwrap();
    let named = customers
        .iter()
        .filter(|c| matches!(c.segment.as_deref(), Some("Loyal" | "New" | "At risk")))
        .count();
    assert_eq!(named, saved.segmented);
    run_ready(store.apply(&undo)).unwrap();
    let undone: Vec<Customer> = run_ready(store.all()).unwrap();
    let segments = |all: &[Customer]| all.iter().map(|c| c.segment.clone()).collect::<Vec<_>>();
    assert_eq!(
        segments(&undone),
        segments(&before),
        "Undo puts the earlier segments back"
    );
}

#[test]
fn saving_refuses_blank_names_and_changes_nothing() {
    let store = demo_store(100);
    let before: Vec<Customer> = run_ready(store.all()).unwrap();
    let input = SaveSegmentsInput {
        request: request(),
        names: vec!["A".into(), " ".into(), "C".into()],
    };
    let (out, _) = run_job(
        &store,
        "save_segments",
        &serde_json::to_string(&input).unwrap(),
    );
    assert_eq!(out.unwrap_err(), "Give every segment a name before saving.");
    let after: Vec<Customer> = run_ready(store.all()).unwrap();
    assert_eq!(before, after);
}
