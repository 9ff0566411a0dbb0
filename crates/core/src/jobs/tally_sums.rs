//! Keeping the collections' tally sums and the Orders page's newest orders
//! ready: [`TallySumsJob`] reads [`Store::tally`] of each collection that
//! keeps one, which on the browser store adds up the page tallies when the
//! collection changed since its sum was last kept, and keeps the new sum
//! (with [`Store::tally_totals`], the sum without its per-customer maps);
//! then [`Store::newest_orders`], which reads every order when they changed
//! and keeps the newest. The page runs it in the worker a moment after
//! writes settle, so the Dashboard, the Orders page and the segmentation
//! opened later (after a reload too) read one value per collection instead
//! of every page's tally, and the Orders page shows its first pages before
//! it has read every order.

use super::{Job, JobError, ProgressFn};
use crate::model::Timestamp;
use crate::store::tally::TALLIED;
use crate::store::{Collection, Store};

/// Adds up (or finds kept) the tally of every tallied collection, then finds
/// (or computes and keeps) the newest orders; returns how many live records
/// the tallies count and how many newest orders there are, for a look at
/// what it did.
#[derive(Debug, Clone, Copy)]
pub struct TallySumsJob;

impl Job for TallySumsJob {
    const NAME: &'static str = "tally-sums";
    type Input = ();
    type Output = Vec<(String, usize)>;

    async fn run<S: Store>(
        store: &S,
        _input: (),
        _now: Timestamp,
        progress: ProgressFn<'_>,
    ) -> Result<Vec<(String, usize)>, JobError> {
        let mut counted = Vec::new();
        for (i, name) in TALLIED.iter().enumerate() {
            progress(i as f64 / TALLIED.len() as f64, name);
            let Some(collection) = Collection::from_name(name) else {
                continue;
            };
            let tally = store.tally(collection).await?;
            counted.push((name.to_string(), tally.live_records()));
        }
        progress(1.0, "newest orders");
        let newest = store.newest_orders().await?;
        counted.push(("newest orders".to_string(), newest.orders.len()));
        Ok(counted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{generate, DemoConfig};
    use crate::jobs::analyses::tests::run_ready;
    use crate::model::newest_orders::NEWEST_KEPT;
    use crate::store::MemStore;

    #[test]
    fn it_counts_what_each_collection_holds() {
        let store = MemStore::new();
        let batch = generate(
            DemoConfig {
                seed: 2,
                customers: 40,
            },
            1_750_000_000_000,
        );
        run_ready(store.apply(&batch.to_change_set("demo").unwrap())).unwrap();
        let counted = run_ready(TallySumsJob::run(&store, (), 0, &mut |_, _| {})).unwrap();
        let expect = |name: &str| match name {
            "customers" => batch.customers.len(),
            "orders" => batch.orders.len(),
            "deals" => batch.deals.len(),
            "tickets" => batch.tickets.len(),
            "newest orders" => batch.orders.len().min(NEWEST_KEPT),
            _ => unreachable!(),
        };
        assert_eq!(counted.len(), 5);
        for (name, n) in counted {
            assert_eq!(n, expect(&name), "{name}");
        }
    }
}
