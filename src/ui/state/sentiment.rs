//! Store-wide overviews computed in the worker and kept current: each is
//! computed once the store is open and again a moment after the
//! collections it reads change. The sentiment overview (the Dashboard's
//! trend, the Customers list's "recent negative" flag) and the insight
//! overview (every buyer's figures and RFM segment, for the list, the
//! customer pages and the Insight page) feed the customer index. Each
//! overview's [`Refresh`] says whether it is being computed or updated,
//! or why its latest run failed (pages show that with Retry, which runs it
//! again at once). The tally sums are kept the same way, for the next
//! visit's reports.

use super::{AppState, StoreStatus};
use crate::jobs::insight::{InsightInput, InsightOverview};
use crate::jobs::text::SentimentOverview;
use crate::jobs::{InsightJob, Job, Refresh, SentimentJob, TallySumsJob};
use crate::store::Collection;
use crate::ui::components::JobState;
use leptos::prelude::*;

/// Waits this long after a change before computing again, so a burst of
/// writes (a demo load, an import) is computed once.
const SETTLE_MS: i32 = 1_500;

/// Which retry counter an overview uses (`AppState::retries`).
const SENTIMENT: usize = 0;
const INSIGHT: usize = 1;

impl AppState {
    /// Keeps [`AppState::sentiment`] and the list's flags current.
    pub(super) fn watch_sentiment(&self) {
        let state = *self;
        self.keep_current::<SentimentJob>(
            &[Collection::Interactions, Collection::Tickets],
            || (),
            self.sentiment_refresh,
            self.retries[SENTIMENT],
            move |overview: SentimentOverview| {
                state
                    .index
                    .update_value(|index| index.set_recent_negative(&overview.recent_negative));
                state.index_revision.update(|r| *r += 1);
                state.sentiment.set(Some(overview));
            },
            true,
        );
    }

    /// Keeps [`AppState::insight`] and the list's purchase figures current.
    pub(super) fn watch_insight(&self) {
        let state = *self;
        self.keep_current::<InsightJob>(
            &[Collection::Orders, Collection::Customers],
            InsightInput::default,
            self.insight_refresh,
            self.retries[INSIGHT],
            move |overview: InsightOverview| {
                state
                    .index
                    .update_value(|index| index.set_figures(&overview.customers));
                state.index_revision.update(|r| *r += 1);
                state.insight.set(Some(std::sync::Arc::new(overview)));
            },
            true,
        );
    }

    /// Keeps the collections' tally sums current (`jobs::tally_sums`): a
    /// moment after writes (here or in another tab) settle, the worker adds
    /// up what changed and keeps the sums, so the next visit to the
    /// Dashboard (or a reload) reads one value per collection.
    pub(super) fn watch_tally_sums(&self) {
        self.keep_current::<TallySumsJob>(
            &[
                Collection::Customers,
                Collection::Orders,
                Collection::Deals,
                Collection::Tickets,
            ],
            || (),
            RwSignal::new(Refresh::new()),
            RwSignal::new(0),
            |_| (),
            // Not at every page load: the sums are kept from the last
            // change, and a report that finds them stale keeps new ones.
            false,
        );
    }

    /// Computes the insight overview again now (its Retry button).
    pub fn retry_insight(&self) {
        self.retries[INSIGHT].update(|n| *n += 1);
    }

    /// Computes the sentiment overview again now (its Retry button).
    pub fn retry_sentiment(&self) {
        self.retries[SENTIMENT].update(|n| *n += 1);
    }

    /// Runs job `J` in the worker once the store is ready (unless not
    /// `at_start`), again
    /// [`SETTLE_MS`] after the last change to any of `collections`, and at
    /// once when `retry` is bumped; `apply` takes each result. `refresh`
    /// follows each run (see [`crate::jobs::refresh`]): pending from a
    /// change until the result computed after it is applied, or failed with
    /// the reason when that run fails.
    fn keep_current<J: Job + 'static>(
        &self,
        collections: &'static [Collection],
        input: impl Fn() -> J::Input + Copy + 'static,
        refresh: RwSignal<Refresh>,
        retry: RwSignal<u64>,
        apply: impl Fn(J::Output) + Copy + 'static,
        at_start: bool,
    ) {
        let state = *self;
        let job = JobState::new();
        let retries_seen = StoredValue::new(0u64);
        let started = StoredValue::new(false);
        Effect::new(move |_| {
            for &collection in collections {
                state.track(collection);
            }
            let retried = retry.get() != retries_seen.get_value();
            retries_seen.set_value(retry.get_untracked());
            if state.status.get() != StoreStatus::Ready {
                return;
            }
            // Without `at_start`, only changes after the start run it.
            if !at_start && !started.get_value() {
                started.set_value(true);
                return;
            }
            let mut mine = 0;
            refresh.update(|r| mine = r.start());
            leptos::task::spawn_local(async move {
                if !retried {
                    super::sleep_ms(SETTLE_MS).await;
                }
                // The owner may be gone by now (a test's app unmounted):
                // then there is nothing to refresh.
                if refresh.try_with_untracked(|r| r.is_latest(mine)) != Some(true) {
                    return;
                }
                job.run_or_else::<J>(
                    input(),
                    move |output| {
                        // A change during the run starts another run, which
                        // cancels this one; so this result is the latest.
                        apply(output);
                        refresh.try_update(|r| r.succeeded(mine));
                    },
                    move |error| {
                        refresh.try_update(|r| r.failed(mine, error));
                    },
                );
            });
        });
    }
}
