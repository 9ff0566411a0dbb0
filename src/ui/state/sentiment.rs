//! The store's sentiment overview (the Dashboard's trend, the Customers
//! list's "recent negative" flag), scored in the worker once the store is
//! open and again a moment after notes or tickets change; the customer
//! index gets the flags.

use super::{AppState, StoreStatus};
use crate::jobs::text::SentimentOverview;
use crate::jobs::SentimentJob;
use crate::store::Collection;
use crate::ui::components::JobState;
use leptos::prelude::*;

/// Waits this long after a change before scoring again, so a burst of
/// writes (a demo load, an import) is scored once.
const SETTLE_MS: i32 = 1_500;

impl AppState {
    /// Keeps [`AppState::sentiment`] and the list's flags current.
    pub(super) fn watch_sentiment(&self) {
        let state = *self;
        let job = JobState::new();
        let generation = StoredValue::new(0u64);
        Effect::new(move |_| {
            state.track(Collection::Interactions);
            state.track(Collection::Tickets);
            if state.status.get() != StoreStatus::Ready {
                return;
            }
            let mine = generation.get_value() + 1;
            generation.set_value(mine);
            leptos::task::spawn_local(async move {
                super::sleep_ms(SETTLE_MS).await;
                if generation.get_value() != mine {
                    return;
                }
                job.run::<SentimentJob>((), move |overview: SentimentOverview| {
                    state
                        .index
                        .update_value(|index| index.set_recent_negative(&overview.recent_negative));
                    state.index_revision.update(|r| *r += 1);
                    state.sentiment.set(Some(overview));
                });
            });
        });
    }
}
