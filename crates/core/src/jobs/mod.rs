//! Long analyses off the page's thread, as typed jobs: each is a type that
//! implements [`Job`] — its name, its input and output types, and how it
//! runs against a [`Store`] — and [`run_named`] is the one registry that
//! turns a name from the wire into one of them. The page starts a job by
//! its type (`client::run::<SegmentJob>(input)`) and gets its output type
//! back; a failure is a typed [`JobError`] up to the UI edge. It runs in a
//! Web Worker (`worker.rs`, the worker's side; `client.rs`, the page's
//! side), reports progress as it goes, and is cancelled by terminating the
//! worker, so a job never needs to poll for it. Jobs never write: one that
//! saves results returns the change set for the page to apply.
//!
//! The worker is the app's own wasm module started a second time in a
//! dedicated worker (no second build): `main` sees that there is no
//! `window` and leaves the UI alone, and the worker's script calls
//! [`worker::rapport_worker_main`]. Jobs read the data they need from
//! IndexedDB themselves, so no large payload crosses the thread boundary.
//!
//! This file holds what both sides share and what can be tested natively:
//! the trait, the message format, the errors and the registry.

pub mod analyses;
pub mod dashboard;
pub mod insight;
pub mod order_totals;
pub mod predict;
pub mod products;
pub mod refresh;
pub mod tally_sums;
pub mod text;

use crate::i18n::analysis_errors as t;
use crate::i18n::jobs as jt;
use crate::model::Timestamp;
use crate::store::{MemStore, Store, StoreError};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

pub use analyses::{MissingJob, SaveSegmentsJob, SegmentJob};
pub use dashboard::{DashboardInput, DashboardJob, DashboardReport};
pub use insight::{InsightJob, NetworkJob, RecommendJob};
pub use order_totals::{OrderTotalsInput, OrderTotalsJob, OrderTotalsReport};
pub use predict::{LinearJob, PropensityJob, TreeJob};
pub use products::{AlsoBoughtInput, AlsoBoughtJob, AlsoBoughtReport};
pub use refresh::{Refresh, RefreshStatus};
pub use tally_sums::TallySumsJob;
pub use text::{DuplicateCustomersJob, NearDuplicatesJob, SentimentJob, TopicsJob};

/// A message from the page to the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// Matches the replies to this request.
    pub id: u64,
    /// The job's name (see [`JOBS`]).
    pub job: String,
    /// The job's input as JSON text.
    pub input: String,
    /// The IndexedDB database the job reads (and writes) through the store.
    pub database: String,
    /// The page's language ([`crate::i18n::Lang::tag`]): the worker is a
    /// wasm instance of its own, so it answers in the language it is told
    /// (English when a request names none).
    #[serde(default)]
    pub lang: String,
    /// The unlocked page's key when the store is encrypted: the worker has
    /// no passphrase, and the request goes to that one worker alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<crate::store::seal::LentKey>,
}

/// A message from the worker to the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    /// The worker has loaded and installed its handler (a request sent
    /// before waits in the worker's script until then; the page notes the
    /// moment on its performance timeline).
    Ready,
    /// How far request `id` has come (0..=1) and what it is doing.
    Progress {
        /// The request.
        id: u64,
        /// Fraction done.
        done: f64,
        /// What it is doing, for the progress line ("k = 4 of 10").
        note: String,
    },
    /// Request `id` finished; its result as JSON text.
    Done {
        /// The request.
        id: u64,
        /// The result.
        output: String,
    },
    /// Request `id` failed.
    Failed {
        /// The request.
        id: u64,
        /// What went wrong.
        error: JobError,
    },
}

/// Progress reporting handed to a job: `(fraction done, note)`.
pub type ProgressFn<'a> = &'a mut dyn FnMut(f64, &str);

/// Why a job gave no result. Serialisable: it crosses from the worker to
/// the page as it is, and becomes a sentence only at the UI edge (its
/// `Display`).
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize, Deserialize)]
pub enum JobError {
    /// No job has this name (a page and worker of different builds).
    #[error("{}", t::job_no_such(.0))]
    NoSuchJob(String),
    /// The input could not be decoded.
    #[error("{}", t::job_bad_request(.0))]
    BadRequest(String),
    /// The result could not be encoded.
    #[error("{}", t::job_encode(.0))]
    Encode(String),
    /// Reading the data failed (the store's own sentence).
    #[error("{0}")]
    Store(String),
    /// The analysis refused its input (too few customers, a constant
    /// feature…), in its own words.
    #[error("{0}")]
    Analysis(String),
    /// Saving segments needs a name for every segment.
    #[error("{}", t::job_unnamed_segments())]
    UnnamedSegments,
}

impl From<StoreError> for JobError {
    fn from(e: StoreError) -> JobError {
        JobError::Store(e.user_message())
    }
}

/// A long analysis: its name on the wire, its input and output types, and
/// how it runs.
#[allow(async_fn_in_trait)]
pub trait Job {
    /// The name the worker knows it by.
    const NAME: &'static str;
    /// Whether it reads the store (the worker opens IndexedDB only then).
    const READS_STORE: bool = true;
    /// What the page sends.
    type Input: Serialize + DeserializeOwned;
    /// What the page gets back.
    type Output: Serialize + DeserializeOwned;

    /// Runs the job on `store` at `now`, reporting progress.
    async fn run<S: Store>(
        store: &S,
        input: Self::Input,
        now: Timestamp,
        progress: ProgressFn<'_>,
    ) -> Result<Self::Output, JobError>;
}

/// Decodes `input`, runs job `J` and encodes its output.
async fn run_encoded<J: Job, S: Store>(
    store: &S,
    input: &str,
    now: Timestamp,
    progress: ProgressFn<'_>,
) -> Result<String, JobError> {
    let input: J::Input =
        serde_json::from_str(input).map_err(|e| JobError::BadRequest(e.to_string()))?;
    let output = J::run(store, input, now, progress).await?;
    serde_json::to_string(&output).map_err(|e| JobError::Encode(e.to_string()))
}

/// Whether the job called `name` reads the store (`None`: no such job).
pub fn reads_store(name: &str) -> Option<bool> {
    Some(match name {
        CountJob::NAME => CountJob::READS_STORE,
        MissingJob::NAME | SegmentJob::NAME | SaveSegmentsJob::NAME => true,
        LinearJob::NAME | PropensityJob::NAME | TreeJob::NAME => true,
        DuplicateCustomersJob::NAME | NearDuplicatesJob::NAME => true,
        TopicsJob::NAME | SentimentJob::NAME => true,
        InsightJob::NAME | RecommendJob::NAME | NetworkJob::NAME => true,
        AlsoBoughtJob::NAME | DashboardJob::NAME | OrderTotalsJob::NAME => true,
        TallySumsJob::NAME => true,
        _ => return None,
    })
}

/// The registry: runs the job called `name` with its JSON `input`, and
/// returns its JSON output. Jobs that do not read the store get an empty
/// in-memory one instead of `store`.
pub async fn run_named<S: Store>(
    store: &S,
    name: &str,
    input: &str,
    now: Timestamp,
    progress: ProgressFn<'_>,
) -> Result<String, JobError> {
    match name {
        CountJob::NAME => run_encoded::<CountJob, _>(&MemStore::new(), input, now, progress).await,
        MissingJob::NAME => run_encoded::<MissingJob, _>(store, input, now, progress).await,
        SegmentJob::NAME => run_encoded::<SegmentJob, _>(store, input, now, progress).await,
        SaveSegmentsJob::NAME => {
            run_encoded::<SaveSegmentsJob, _>(store, input, now, progress).await
        }
        LinearJob::NAME => run_encoded::<LinearJob, _>(store, input, now, progress).await,
        PropensityJob::NAME => run_encoded::<PropensityJob, _>(store, input, now, progress).await,
        TreeJob::NAME => run_encoded::<TreeJob, _>(store, input, now, progress).await,
        DuplicateCustomersJob::NAME => {
            run_encoded::<DuplicateCustomersJob, _>(store, input, now, progress).await
        }
        NearDuplicatesJob::NAME => {
            run_encoded::<NearDuplicatesJob, _>(store, input, now, progress).await
        }
        TopicsJob::NAME => run_encoded::<TopicsJob, _>(store, input, now, progress).await,
        SentimentJob::NAME => run_encoded::<SentimentJob, _>(store, input, now, progress).await,
        InsightJob::NAME => run_encoded::<InsightJob, _>(store, input, now, progress).await,
        RecommendJob::NAME => run_encoded::<RecommendJob, _>(store, input, now, progress).await,
        NetworkJob::NAME => run_encoded::<NetworkJob, _>(store, input, now, progress).await,
        AlsoBoughtJob::NAME => run_encoded::<AlsoBoughtJob, _>(store, input, now, progress).await,
        DashboardJob::NAME => run_encoded::<DashboardJob, _>(store, input, now, progress).await,
        OrderTotalsJob::NAME => run_encoded::<OrderTotalsJob, _>(store, input, now, progress).await,
        TallySumsJob::NAME => run_encoded::<TallySumsJob, _>(store, input, now, progress).await,
        other => Err(JobError::NoSuchJob(other.to_string())),
    }
}

/// Input of [`CountJob`], a self-test of the mechanism: counts to `to` in
/// `steps` progress steps and returns the sum of 0..to.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CountInput {
    /// Count up to (excluded).
    pub to: u64,
    /// How many progress reports to make.
    pub steps: u64,
}

/// The self-test job: no store, just progress and a sum.
pub struct CountJob;

impl Job for CountJob {
    const NAME: &'static str = "count";
    const READS_STORE: bool = false;
    type Input = CountInput;
    type Output = u64;

    async fn run<S: Store>(
        _store: &S,
        input: CountInput,
        _now: Timestamp,
        progress: ProgressFn<'_>,
    ) -> Result<u64, JobError> {
        let steps = input.steps.max(1);
        let mut sum: u64 = 0;
        for step in 0..steps {
            let (from, to) = (input.to * step / steps, input.to * (step + 1) / steps);
            sum = (from..to).fold(sum, |s, v| s.wrapping_add(v));
            progress(
                (step + 1) as f64 / steps as f64,
                &jt::step_of(step + 1, steps),
            );
        }
        Ok(sum)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jobs::analyses::tests::run_ready;

    fn run(name: &str, input: &str, progress: ProgressFn<'_>) -> Result<String, JobError> {
        run_ready(run_named(&MemStore::new(), name, input, 0, progress))
    }

    #[test]
    fn the_count_job_reports_each_step_and_returns_the_sum() {
        let mut seen = Vec::new();
        let out = run("count", r#"{"to":1000,"steps":4}"#, &mut |done, note| {
            seen.push((done, note.to_string()))
        })
        .unwrap();
        assert_eq!(out, (0..1000u64).sum::<u64>().to_string());
        assert_eq!(seen.len(), 4);
        assert_eq!(seen[3], (1.0, "step 4 of 4".to_string()));
        assert_eq!(reads_store("count"), Some(false));
    }

    #[test]
    fn a_malformed_request_or_unknown_job_is_a_typed_error_not_a_panic() {
        let err = run("count", "{", &mut |_, _| {}).unwrap_err();
        assert!(matches!(err, JobError::BadRequest(_)), "{err:?}");
        assert!(
            err.to_string()
                .starts_with("The analysis got a request it cannot read"),
            "{err}"
        );
        let unknown = run("no such job", "{}", &mut |_, _| {}).unwrap_err();
        assert_eq!(unknown, JobError::NoSuchJob("no such job".into()));
        assert_eq!(
            unknown.to_string(),
            "There is no analysis called “no such job”."
        );
        assert_eq!(reads_store("no such job"), None);
    }

    #[test]
    fn every_registered_name_is_known_to_the_registry() {
        for name in [
            CountJob::NAME,
            MissingJob::NAME,
            SegmentJob::NAME,
            SaveSegmentsJob::NAME,
            LinearJob::NAME,
            PropensityJob::NAME,
            TreeJob::NAME,
            AlsoBoughtJob::NAME,
            DashboardJob::NAME,
            OrderTotalsJob::NAME,
            TallySumsJob::NAME,
        ] {
            assert!(reads_store(name).is_some(), "{name}");
            let err = run(name, "not json", &mut |_, _| {}).unwrap_err();
            assert!(matches!(err, JobError::BadRequest(_)), "{name}: {err:?}");
        }
    }

    #[test]
    fn replies_travel_as_tagged_json_with_typed_errors() {
        let reply = Reply::Progress {
            id: 3,
            done: 0.5,
            note: "half".into(),
        };
        let text = serde_json::to_string(&reply).unwrap();
        assert_eq!(text, r#"{"progress":{"id":3,"done":0.5,"note":"half"}}"#);
        assert_eq!(serde_json::from_str::<Reply>(&text).unwrap(), reply);
        let failed = Reply::Failed {
            id: 4,
            error: JobError::UnnamedSegments,
        };
        let text = serde_json::to_string(&failed).unwrap();
        assert_eq!(serde_json::from_str::<Reply>(&text).unwrap(), failed);
    }
}
