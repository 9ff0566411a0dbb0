//! The jobs that read the store: each decodes its request, loads what it
//! needs through the [`Store`] contract, runs an analysis from
//! [`crate::analytics`] and encodes the result. Generic over the store, so
//! they are tested natively on a `MemStore` and run in the worker on
//! IndexedDB.

use super::{encode, ProgressFn};
use crate::model::{Customer, Record, Timestamp};
use crate::store::Store;
use serde::{Deserialize, Serialize};

/// Output of `census`: how many live customers there are, a cheap check that
/// the worker reaches the page's data.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Census {
    /// Live (not trashed) customers.
    pub customers: usize,
}

/// Runs store job `job`; `None` when there is no such job.
pub async fn run<S: Store>(
    store: &S,
    job: &str,
    input: &str,
    now: Timestamp,
    progress: ProgressFn<'_>,
) -> Option<Result<String, String>> {
    let _ = (input, now);
    match job {
        "census" => Some(census(store, progress).await),
        _ => None,
    }
}

async fn census<S: Store>(store: &S, progress: ProgressFn<'_>) -> Result<String, String> {
    progress(0.0, "Reading customers");
    let customers: Vec<Customer> = store.all().await.map_err(|e| e.user_message())?;
    progress(1.0, "Counted");
    encode(&Census {
        customers: customers.iter().filter(|c| !c.is_deleted()).count(),
    })
}
