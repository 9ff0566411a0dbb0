//! Deleting a customer for good together with their history, so no order,
//! note, ticket, deal, task or relationship is left pointing at nobody.

use super::{ChangeSet, Op, Store, StoreError};
use crate::model::Id;

/// The collections whose records belong to a customer and go with them.
/// Campaigns are left alone: a campaign's figures keep past members.
pub const OWNED_BY_CUSTOMER: &[&str] = &[
    "interactions",
    "orders",
    "deals",
    "tickets",
    "tasks",
    "relationships",
];

/// A change set that removes the customer and every record attached to them
/// (found through the `by_customer` indexes), to apply in one transaction.
pub async fn purge_customer<S: Store>(
    store: &S,
    customer: Id,
    label: impl Into<String>,
) -> Result<ChangeSet, StoreError> {
    let mut changes = ChangeSet::new(label);
    for collection in OWNED_BY_CUSTOMER {
        for envelope in store.envelopes_for_customer(collection, customer).await? {
            changes.ops.push(Op::Purge {
                collection,
                id: envelope.id,
            });
        }
    }
    changes.ops.push(Op::Purge {
        collection: "customers",
        id: customer,
    });
    Ok(changes)
}
