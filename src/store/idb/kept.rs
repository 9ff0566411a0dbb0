//! Values kept as caches next to the generation of the collection they were
//! computed from (`meta`, key `<kind>/<collection>`):
//! - [`Kept::TallySum`]: a collection's tally added up, so a visit after the
//!   data last changed reads one value instead of every page's tally (at
//!   100,000 customers ≈ 25 MB of page tallies, most of the Dashboard's
//!   second);
//! - [`Kept::TallyTotals`]: the same without the per-customer maps, for
//!   readers of the figures by day and stage (the Orders page's totals);
//! - [`Kept::Newest`]: the Orders page's newest orders ([`NewestOrders`]),
//!   so its first pages show before ≈ 400,000 orders are decoded.
//!
//! A kept value is not data: it is never the only copy of anything, a write
//! makes it stale by moving the generation (nothing needs to update it), it
//! is sealed like the pages when encryption is on, and the encryption
//! rewrite deletes it. Anything wrong with it (stale, unreadable, sealed
//! with another key) makes the reader compute it again.
//!

use super::{map_error, pages, IdbStore};
use crate::model::newest_orders::NewestOrders;
use crate::model::Order;
use crate::store::schema::META;
use crate::store::seal::{open_value, page_label, Key};
use crate::store::tally::{is_tallied, Tally};
use crate::store::{Collection, Store, StoreError};
use idb::{Transaction, TransactionMode, TransactionResult};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// What is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kept {
    /// A collection's tally added up.
    TallySum,
    /// The same without its per-customer maps (`Tally::without_people`).
    TallyTotals,
    /// The newest orders and the live count.
    Newest,
}

impl Kept {
    const ALL: [Kept; 3] = [Kept::TallySum, Kept::TallyTotals, Kept::Newest];

    fn name(self) -> &'static str {
        match self {
            Kept::TallySum => "tally-sum",
            Kept::TallyTotals => "tally-totals",
            Kept::Newest => "newest",
        }
    }

    /// The `meta` key of `collection`'s kept value.
    fn key(self, collection: &str) -> JsValue {
        JsValue::from_str(&format!("{}/{collection}", self.name()))
    }

    /// The seal label of `collection`'s kept value.
    fn label(self, collection: &str) -> String {
        page_label(collection, self.name())
    }
}

/// A kept value as stored: its generation and the value.
#[derive(Deserialize)]
struct Stored<T> {
    #[serde(rename = "g")]
    generation: u64,
    #[serde(rename = "t")]
    value: T,
}

/// `collection`'s kept value if it was computed at `generation` and can be
/// read; `None` otherwise (then the caller computes it).
async fn read<T: DeserializeOwned>(
    txn: &Transaction,
    kept: Kept,
    collection: &str,
    generation: u64,
    key: Option<&Key>,
) -> Result<Option<T>, StoreError> {
    let value = txn
        .object_store(META)
        .map_err(map_error)?
        .get(kept.key(collection))
        .map_err(map_error)?
        .await
        .map_err(map_error)?;
    let Some(text) = value.and_then(|v| v.as_string()) else {
        return Ok(None);
    };
    let Ok(text) = open_value(key, &kept.label(collection), text) else {
        return Ok(None);
    };
    Ok(serde_json::from_str::<Stored<T>>(&text)
        .ok()
        .filter(|stored| stored.generation == generation)
        .map(|stored| stored.value))
}

/// Deletes every kept value of `collections` (the encryption rewrite, which
/// changes how they must be sealed), without waiting.
pub(super) fn forget(txn: &Transaction, collections: &[&str]) -> Result<(), StoreError> {
    let meta = txn.object_store(META).map_err(map_error)?;
    for collection in collections {
        for kept in Kept::ALL {
            drop(meta.delete(kept.key(collection)).map_err(map_error)?);
        }
    }
    Ok(())
}

impl IdbStore {
    /// `collection`'s current generation and its kept value if it was kept
    /// at that generation (one read-only transaction).
    pub(super) async fn current<T: DeserializeOwned>(
        &self,
        kept: Kept,
        collection: &str,
    ) -> Result<(u64, Option<T>), StoreError> {
        let key = self.key();
        let txn = self.transaction(TransactionMode::ReadOnly)?;
        let generation = pages::generation(&txn, collection).await?;
        let value = read(&txn, kept, collection, generation, key.as_deref()).await?;
        pages::release(txn);
        Ok((generation, value))
    }

    /// Keeps `value` as `collection`'s kept value at `generation`, unless the
    /// collection has moved on meanwhile. Sealed when pages are.
    pub(super) async fn keep<T: Serialize>(
        &self,
        kept: Kept,
        collection: &str,
        generation: u64,
        value: &T,
    ) -> Result<(), StoreError> {
        let value = serde_json::to_string(value).map_err(|e| StoreError::Encode(e.to_string()))?;
        let text = format!("{{\"g\":{generation},\"t\":{value}}}");
        let (txn, _, seal) = self.sealed_write_transaction().await?;
        if pages::generation(&txn, collection).await? != generation {
            let _ = txn.abort();
            return Ok(());
        }
        let text = match seal.as_deref() {
            Some(key) => key.seal(&kept.label(collection), &text)?,
            None => text,
        };
        let put = txn
            .object_store(META)
            .map_err(map_error)?
            .put(&JsValue::from_str(&text), Some(&kept.key(collection)))
            .map_err(map_error)?;
        put.await.map_err(map_error)?;
        match txn.commit().map_err(map_error)?.await.map_err(map_error)? {
            TransactionResult::Committed => Ok(()),
            TransactionResult::Aborted => Err(self.aborted_because().await),
        }
    }
}

/// The orders' collection name.
const ORDERS: &str = Collection::Orders.name();

impl IdbStore {
    /// The orders' current generation and, if kept at it, the newest orders
    /// (one read of one small value; never reads the orders themselves).
    pub async fn kept_newest_orders(&self) -> Result<(u64, Option<NewestOrders>), StoreError> {
        self.current(Kept::Newest, ORDERS).await
    }

    /// The orders' current generation and whether their newest are kept at
    /// it (the kept value is opened and checked, not decoded).
    pub async fn newest_orders_are_kept(&self) -> Result<(u64, bool), StoreError> {
        let (generation, kept) = self
            .current::<serde::de::IgnoredAny>(Kept::Newest, ORDERS)
            .await?;
        Ok((generation, kept.is_some()))
    }

    /// Keeps `newest`, computed from the orders as they were at `generation`
    /// (read before reading them), unless they have changed since.
    pub async fn keep_newest_orders(
        &self,
        generation: u64,
        newest: &NewestOrders,
    ) -> Result<(), StoreError> {
        self.keep(Kept::Newest, ORDERS, generation, newest).await
    }

    /// The newest orders: kept, or computed from every order (read in
    /// slices) and kept.
    pub(super) async fn newest_orders_kept_or_read(&self) -> Result<NewestOrders, StoreError> {
        let (generation, kept) = self.kept_newest_orders().await?;
        if let Some(newest) = kept {
            return Ok(newest);
        }
        let newest = NewestOrders::of(self.all_in_slices::<Order>().await?);
        // Best effort: without it the next visit reads every order again.
        let _ = self.keep_newest_orders(generation, &newest).await;
        Ok(newest)
    }
}

impl IdbStore {
    /// `collection`'s tally without its per-customer maps: kept, or
    /// stripped from [`Store::tally`] and kept.
    pub(super) async fn tally_totals_kept_or_stripped(
        &self,
        collection: Collection,
    ) -> Result<Tally, StoreError> {
        let name = collection.name();
        if !is_tallied(name) {
            return Ok(Tally::default());
        }
        let (generation, kept) = self.current(Kept::TallyTotals, name).await?;
        if let Some(totals) = kept {
            return Ok(totals);
        }
        let totals = self.tally(collection).await?.without_people();
        // Best effort, and refused if the collection moved past `generation`.
        let _ = self
            .keep(Kept::TallyTotals, name, generation, &totals)
            .await;
        Ok(totals)
    }
}
