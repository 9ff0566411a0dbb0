//! Store-wide overviews computed in the worker and kept current: each is
//! computed once the store is open and again a moment after the
//! collections it reads change. The sentiment overview (the Dashboard's
//! trend, the Customers list's "recent negative" flag) and the insight
//! overview (every buyer's figures and RFM segment, for the list, the
//! customer pages and the Insight page) feed the customer index.

use super::{AppState, StoreStatus};
use crate::jobs::insight::{InsightInput, InsightOverview};
use crate::jobs::text::SentimentOverview;
use crate::jobs::{InsightJob, Job, SentimentJob};
use crate::store::Collection;
use crate::ui::components::JobState;
use leptos::prelude::*;

/// Waits this long after a change before computing again, so a burst of
/// writes (a demo load, an import) is computed once.
const SETTLE_MS: i32 = 1_500;

impl AppState {
    /// Keeps [`AppState::sentiment`] and the list's flags current.
    pub(super) fn watch_sentiment(&self) {
        let state = *self;
        self.keep_current::<SentimentJob>(
            &[Collection::Interactions, Collection::Tickets],
            || (),
            RwSignal::new(true),
            move |overview: SentimentOverview| {
                state
                    .index
                    .update_value(|index| index.set_recent_negative(&overview.recent_negative));
                state.index_revision.update(|r| *r += 1);
                state.sentiment.set(Some(overview));
            },
        );
    }

    /// Keeps [`AppState::insight`] and the list's purchase figures current.
    pub(super) fn watch_insight(&self) {
        let state = *self;
        self.keep_current::<InsightJob>(
            &[Collection::Orders, Collection::Customers],
            InsightInput::default,
            self.insight_pending,
            move |overview: InsightOverview| {
                state
                    .index
                    .update_value(|index| index.set_figures(&overview.customers));
                state.index_revision.update(|r| *r += 1);
                state.insight.set(Some(std::sync::Arc::new(overview)));
            },
        );
    }

    /// Runs job `J` in the worker once the store is ready and again
    /// [`SETTLE_MS`] after the last change to any of `collections`; `apply`
    /// takes each result. `pending` is true from a change until the result
    /// computed after it is applied.
    fn keep_current<J: Job + 'static>(
        &self,
        collections: &'static [Collection],
        input: impl Fn() -> J::Input + Copy + 'static,
        pending: RwSignal<bool>,
        apply: impl Fn(J::Output) + Copy + 'static,
    ) {
        let state = *self;
        let job = JobState::new();
        let generation = StoredValue::new(0u64);
        Effect::new(move |_| {
            for &collection in collections {
                state.track(collection);
            }
            if state.status.get() != StoreStatus::Ready {
                return;
            }
            let mine = generation.get_value() + 1;
            generation.set_value(mine);
            pending.set(true);
            leptos::task::spawn_local(async move {
                super::sleep_ms(SETTLE_MS).await;
                if generation.get_value() != mine {
                    return;
                }
                job.run::<J>(input(), move |output| {
                    // A change during the run starts another run, which
                    // cancels this one; so this result is the latest.
                    apply(output);
                    if generation.get_value() == mine {
                        pending.set(false);
                    }
                });
            });
        });
    }
}
