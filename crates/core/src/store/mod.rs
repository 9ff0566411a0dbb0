//! Persistence: one async [`Store`] contract over the record collections.
//!
//! - [`ChangeSet`] is the only way to write: a batch of puts, purges and
//!   clears that a store commits atomically (one IndexedDB readwrite
//!   transaction), refusing the whole batch when any put was based on a stale
//!   `version` ([`StoreError::Conflict`]) — optimistic concurrency between tabs.
//! - Records travel as an [`Envelope`]: the record's JSON plus the keys the
//!   indexes need (customer ids, emails, lower-cased name, tags, update time),
//!   computed once here so every implementation indexes the same way.
//! - [`MemStore`] keeps collections in memory (native tests); `IdbStore`
//!   (wasm only, `idb.rs`) keeps them in IndexedDB with a versioned schema and
//!   migrations (`schema.rs`).
//! - [`contract`] is the conformance suite both implementations must pass.
//! - [`undo`] turns a change set into its inverse, for Undo toasts.
//! - [`tally`] holds the sums the Dashboard and the Orders totals show, kept
//!   per page by the paged store's write path ([`Store::tally`]).

pub mod cascade;
mod change;
mod collection;
pub mod contract;
mod error;
mod keys;
mod memory;
pub mod page;
pub mod pending;
pub mod schema;
pub mod seal;
pub mod tally;
pub mod undo;

pub use change::{check_expected, ChangeSet, Envelope, Op};
pub use collection::Collection;
pub use error::StoreError;
pub use keys::{IndexKeys, Stored};
pub use memory::MemStore;
pub use pending::{Interrupted, PendingWrite};
pub use tally::Tally;

use crate::model::newest_orders::NewestOrders;
use crate::model::{Customer, Id, Order, Timestamp};

/// A lookup of customers through one of the customer indexes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CustomerLookup {
    /// By normalised (lower-cased) email address.
    Email(String),
    /// By lower-cased "given family" name.
    Name(String),
    /// By tag.
    Tag(String),
}

/// The storage contract. Implementations provide the untyped envelope
/// methods; the typed ones are built on them. Reads return trashed records
/// too (callers filter with `Record::is_deleted`); every write goes through
/// [`Store::apply`].
///
/// Futures are not `Send`: IndexedDB handles live on the page's one thread.
#[allow(async_fn_in_trait)]
pub trait Store {
    /// One stored envelope by collection and id.
    async fn envelope(
        &self,
        collection: Collection,
        id: Id,
    ) -> Result<Option<Envelope>, StoreError>;

    /// Every envelope of a collection, in id order.
    async fn envelopes(&self, collection: Collection) -> Result<Vec<Envelope>, StoreError>;

    /// The envelopes of a collection attached to a customer (`by_customer`).
    async fn envelopes_for_customer(
        &self,
        collection: Collection,
        customer: Id,
    ) -> Result<Vec<Envelope>, StoreError>;

    /// Customer envelopes found through `by_email`, `by_name` or `by_tag`.
    async fn customer_envelopes(
        &self,
        lookup: &CustomerLookup,
    ) -> Result<Vec<Envelope>, StoreError>;

    /// The `limit` most recently updated envelopes, newest first (`by_updated`).
    async fn recent_envelopes(
        &self,
        collection: Collection,
        limit: usize,
    ) -> Result<Vec<Envelope>, StoreError>;

    /// How many records a collection holds (trashed included).
    async fn count(&self, collection: Collection) -> Result<usize, StoreError>;

    /// Commits every operation of `changes`, or none of them.
    async fn apply(&self, changes: &ChangeSet) -> Result<(), StoreError>;

    /// Commits `changes` like [`Store::apply`] and returns the change set
    /// that reverses them, built from the records as they were read inside
    /// the same transaction (see [`undo`]).
    async fn apply_undoable(
        &self,
        changes: &ChangeSet,
        now: Timestamp,
    ) -> Result<ChangeSet, StoreError>;

    /// One record by id.
    async fn get<R: Stored>(&self, id: Id) -> Result<Option<R>, StoreError> {
        self.envelope(R::KIND, id)
            .await?
            .as_ref()
            .map(Envelope::open)
            .transpose()
    }

    /// Every record of a collection, in id order.
    async fn all<R: Stored>(&self) -> Result<Vec<R>, StoreError> {
        open_all(&self.envelopes(R::KIND).await?)
    }

    /// The records attached to a customer.
    async fn for_customer<R: Stored>(&self, customer: Id) -> Result<Vec<R>, StoreError> {
        open_all(&self.envelopes_for_customer(R::KIND, customer).await?)
    }

    /// Customers found through an index.
    async fn find_customers(&self, lookup: &CustomerLookup) -> Result<Vec<Customer>, StoreError> {
        open_all(&self.customer_envelopes(lookup).await?)
    }

    /// The `limit` most recently updated records, newest first.
    async fn recently_updated<R: Stored>(&self, limit: usize) -> Result<Vec<R>, StoreError> {
        open_all(&self.recent_envelopes(R::KIND, limit).await?)
    }

    /// The newest live orders and how many live orders there are, as the
    /// Orders page's first screen shows them ([`NewestOrders`]). This
    /// default reads every order; the paged store keeps the answer next to
    /// the orders' generation and reads every order only when they changed.
    async fn newest_orders(&self) -> Result<NewestOrders, StoreError> {
        Ok(NewestOrders::of(self.all::<Order>().await?))
    }

    /// [`Store::tally`] without its per-customer maps
    /// ([`Tally::without_people`]). This default strips the whole tally; the
    /// paged store keeps the result as a value of its own, so a reader of
    /// the figures by day and stage does not parse every buyer's days.
    async fn tally_totals(&self, collection: Collection) -> Result<Tally, StoreError> {
        Ok(self.tally(collection).await?.without_people())
    }

    /// The sums of a collection's live records ([`tally`]); empty for a
    /// collection without a tally. This default adds up every record; the
    /// paged store reads the tallies its write path keeps per page.
    async fn tally(&self, collection: Collection) -> Result<Tally, StoreError> {
        if !tally::is_tallied(collection.name()) {
            return Ok(Tally::default());
        }
        let envelopes = self.envelopes(collection).await?;
        Ok(Tally::of_envelopes(collection.name(), &envelopes))
    }
}

fn open_all<R: Stored>(envelopes: &[Envelope]) -> Result<Vec<R>, StoreError> {
    envelopes.iter().map(Envelope::open).collect()
}

/// The names of every collection, in the order backups list them.
pub const COLLECTIONS: &[&str] = &{
    let mut names = [""; Collection::ALL.len()];
    let mut i = 0;
    while i < names.len() {
        names[i] = Collection::ALL[i].name();
        i += 1;
    }
    names
};
