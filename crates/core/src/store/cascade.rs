//! Deleting a customer for good together with their history, so no order,
//! note, ticket, deal, task or relationship is left pointing at nobody.

use crate::store::Collection;

use super::{ChangeSet, Store, StoreError};
use crate::model::Id;

/// The collections whose records belong to a customer and go with them.
/// Campaigns are left alone: a campaign's figures keep past members.
pub const OWNED_BY_CUSTOMER: &[Collection] = &[
    Collection::Interactions,
    Collection::Orders,
    Collection::Deals,
    Collection::Tickets,
    Collection::Tasks,
    Collection::Relationships,
];

/// A change set that removes the customer and every record attached to them
/// (found through the `by_customer` indexes), to apply in one transaction.
/// Every purge is checked against the version read here, so a record
/// changed meanwhile (in another tab) makes the whole batch fail instead of
/// being destroyed.
pub async fn purge_customer<S: Store>(
    store: &S,
    customer: Id,
    label: impl Into<String>,
) -> Result<ChangeSet, StoreError> {
    let mut changes = ChangeSet::new(label);
    for &collection in OWNED_BY_CUSTOMER {
        for envelope in store.envelopes_for_customer(collection, customer).await? {
            changes.purge_at(collection.name(), envelope.id, envelope.version);
        }
    }
    match store.envelope(Collection::Customers, customer).await? {
        Some(stored) => changes.purge_at("customers", customer, stored.version),
        None => changes.purge::<crate::model::Customer>(customer),
    };
    Ok(changes)
}
