//! Long analyses off the page's thread: a job is a name plus a JSON request;
//! it runs in a Web Worker (`worker.rs`, the worker's side; `client.rs`,
//! the page's side), reports progress as it goes and ends with a JSON
//! result or an error sentence. Cancelling terminates the worker, so a job
//! never needs to poll for it.
//!
//! The worker is the app's own wasm module started a second time in a
//! dedicated worker (no second build): `main` sees that there is no
//! `window` and leaves the UI alone, and the worker's script calls
//! [`worker::rapport_worker_main`]. Jobs read the data they need from
//! IndexedDB themselves, so no large payload crosses the thread boundary.
//!
//! This file holds what both sides share and what can be tested natively:
//! the message format and the registry that turns a job name into work.

pub mod analyses;
pub mod predict;

use serde::{Deserialize, Serialize};

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
}

/// A message from the worker to the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    /// The worker has loaded and takes requests.
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
    /// Request `id` failed; the sentence to show.
    Failed {
        /// The request.
        id: u64,
        /// What went wrong, for people.
        message: String,
    },
}

/// Progress reporting handed to a job: `(fraction done, note)`.
pub type ProgressFn<'a> = &'a mut dyn FnMut(f64, &str);

/// The jobs that need no store: runnable natively and in the worker.
pub const JOBS: &[&str] = &["count"];

/// Input of the `count` job, a self-test of the mechanism: counts to `to`
/// in `steps` progress steps and returns the sum of 0..to.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CountInput {
    /// Count up to (excluded).
    pub to: u64,
    /// How many progress reports to make.
    pub steps: u64,
}

/// Runs a job that needs no store; `None` when `job` is not one of those.
pub fn run_pure(
    job: &str,
    input: &str,
    progress: ProgressFn<'_>,
) -> Option<Result<String, String>> {
    match job {
        "count" => Some(count(input, progress)),
        _ => None,
    }
}

fn count(input: &str, progress: ProgressFn<'_>) -> Result<String, String> {
    let input: CountInput = parse(input)?;
    let steps = input.steps.max(1);
    let mut sum: u64 = 0;
    for step in 0..steps {
        let (from, to) = (input.to * step / steps, input.to * (step + 1) / steps);
        sum = (from..to).fold(sum, |s, v| s.wrapping_add(v));
        progress(
            (step + 1) as f64 / steps as f64,
            &format!("step {} of {steps}", step + 1),
        );
    }
    encode(&sum)
}

/// Decodes a job's input, or says the request was malformed.
pub fn parse<T: for<'de> Deserialize<'de>>(input: &str) -> Result<T, String> {
    serde_json::from_str(input)
        .map_err(|e| format!("The analysis got a request it cannot read ({e})."))
}

/// Encodes a job's output.
pub fn encode<T: Serialize>(output: &T) -> Result<String, String> {
    serde_json::to_string(output)
        .map_err(|e| format!("The analysis could not send its result ({e})."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_job_reports_each_step_and_returns_the_sum() {
        let mut seen = Vec::new();
        let out = run_pure("count", r#"{"to":1000,"steps":4}"#, &mut |done, note| {
            seen.push((done, note.to_string()))
        })
        .unwrap()
        .unwrap();
        assert_eq!(out, (0..1000u64).sum::<u64>().to_string());
        assert_eq!(seen.len(), 4);
        assert_eq!(seen[3], (1.0, "step 4 of 4".to_string()));
    }

    #[test]
    fn a_malformed_request_is_an_error_sentence_not_a_panic() {
        let err = run_pure("count", "{", &mut |_, _| {}).unwrap().unwrap_err();
        assert!(
            err.starts_with("The analysis got a request it cannot read"),
            "{err}"
        );
        assert!(run_pure("no such job", "{}", &mut |_, _| {}).is_none());
    }

    #[test]
    fn replies_travel_as_tagged_json() {
        let reply = Reply::Progress {
            id: 3,
            done: 0.5,
            note: "half".into(),
        };
        let text = serde_json::to_string(&reply).unwrap();
        assert_eq!(text, r#"{"progress":{"id":3,"done":0.5,"note":"half"}}"#);
        assert_eq!(serde_json::from_str::<Reply>(&text).unwrap(), reply);
    }
}
