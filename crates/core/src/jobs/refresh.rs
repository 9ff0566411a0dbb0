//! Where an overview the app keeps current in the background stands (the
//! insight overview, the sentiment overview): each change to the data it
//! reads starts a run in the worker, and [`Refresh`] decides what the page
//! says meanwhile — "computing" before the first result, "updating" while a
//! shown result is older than the data, nothing once the latest run has
//! delivered, and, when the latest run failed, a sentence with the reason
//! (and Retry) instead of an "Updating…" that would never end.
//!
//! Runs are numbered; only the latest run's outcome settles the state. An
//! older run's result is still worth showing (it is newer than what is on
//! screen), but an older run's failure is not news: a newer run is on its
//! way. The app holds one `Refresh` per overview in a signal
//! (`ui/state/sentiment.rs`); the rules live here so they are tested
//! natively.

use crate::i18n::jobs as jt;
use serde::{Deserialize, Serialize};

/// The state of one background overview.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Refresh {
    /// The number of the latest run started (0: none yet).
    latest: u64,
    /// Whether some run has delivered a result (one is on screen).
    has_result: bool,
    /// Whether the latest run has not settled yet.
    pending: bool,
    /// Why the latest run failed, as the worker said it.
    failure: Option<String>,
}

/// What the page says about a background overview.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RefreshStatus<'a> {
    /// Nothing to show yet; the first run is on its way.
    Computing,
    /// A result is shown; a newer one (after a change) is on its way.
    Updating,
    /// The result shown is from the latest run (or nothing was asked yet).
    Current,
    /// The latest run failed.
    Failed {
        /// The reason, as the worker gave it.
        error: &'a str,
        /// Whether an older result is still shown.
        stale: bool,
    },
}

impl Refresh {
    /// Nothing started, nothing shown.
    pub fn new() -> Refresh {
        Refresh::default()
    }

    /// The data changed (or the person pressed Retry): a new run is on its
    /// way. Returns its number, for [`Refresh::succeeded`] and
    /// [`Refresh::failed`]. A previous failure is no longer current.
    pub fn start(&mut self) -> u64 {
        self.latest += 1;
        self.pending = true;
        self.failure = None;
        self.latest
    }

    /// Whether `run` is the latest run started.
    pub fn is_latest(&self, run: u64) -> bool {
        run == self.latest
    }

    /// Run `run` delivered its result (which the caller shows). When it is
    /// the latest, nothing is pending any more.
    pub fn succeeded(&mut self, run: u64) {
        self.has_result = true;
        if self.is_latest(run) {
            self.pending = false;
            self.failure = None;
        }
    }

    /// Run `run` failed with `error` (the sentence the worker gave). When
    /// it is the latest, nothing is pending any more and the failure is
    /// what the page says; an older run's failure is ignored, a newer run
    /// being on its way.
    pub fn failed(&mut self, run: u64, error: impl Into<String>) {
        if self.is_latest(run) {
            self.pending = false;
            self.failure = Some(error.into());
        }
    }

    /// Whether a run is under way whose result the page waits for (the
    /// "Updating…" flag). False after a failure.
    pub fn pending(&self) -> bool {
        self.pending
    }

    /// What the page says now.
    pub fn status(&self) -> RefreshStatus<'_> {
        match (&self.failure, self.pending, self.has_result) {
            (Some(error), _, stale) => RefreshStatus::Failed { error, stale },
            (None, true, false) => RefreshStatus::Computing,
            (None, true, true) => RefreshStatus::Updating,
            (None, false, _) => RefreshStatus::Current,
        }
    }

    /// The sentence for a failure of the latest run, naming `what` was
    /// being computed ("the customers' purchase figures"); `None` when the
    /// latest run has not failed.
    ///
    /// ```
    /// use rapport_core::jobs::refresh::Refresh;
    /// let mut r = Refresh::new();
    /// let run = r.start();
    /// r.failed(run, "The worker stopped.");
    /// assert_eq!(
    ///     r.failure_sentence("the sentiment overview").as_deref(),
    ///     Some("The sentiment overview could not be computed: The worker stopped.")
    /// );
    /// ```
    pub fn failure_sentence(&self, what: &str) -> Option<String> {
        let RefreshStatus::Failed { error, stale } = self.status() else {
            return None;
        };
        let mut what_chars = what.chars();
        let what = what_chars
            .next()
            .map(|first| first.to_uppercase().chain(what_chars).collect::<String>())
            .unwrap_or_default();
        Some(if stale {
            jt::refresh_stale(what, error)
        } else {
            jt::refresh_failed(what, error)
        })
    }
}

#[cfg(test)]
#[path = "refresh_tests.rs"]
mod tests;
