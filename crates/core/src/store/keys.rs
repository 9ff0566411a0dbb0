//! What each record type contributes to the indexes.

use super::tally::Fact;
use super::Collection;
use crate::model::{
    Campaign, Customer, Deal, Id, ImportBatch, Interaction, Order, PropensityScores, Record,
    Relationship, StoredPipeline, Task, Ticket,
};

/// The index keys of one record. Empty lists leave the record out of that
/// index.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndexKeys {
    /// Customers the record belongs to (`by_customer`).
    pub customers: Vec<Id>,
    /// Normalised emails (`by_email`, customers only).
    pub emails: Vec<String>,
    /// Lower-cased full name (`by_name`, customers only).
    pub name: Option<String>,
    /// Tags (`by_tag`, customers only).
    pub tags: Vec<String>,
}

/// A record a store can keep: any [`Record`] that says how it is indexed.
pub trait Stored: Record {
    /// The collection it lives in (from its `COLLECTION` name, checked at
    /// compile time: a record naming no collection does not build).
    const KIND: Collection = Collection::named(Self::COLLECTION);

    /// The keys the indexes hold for this record.
    fn index_keys(&self) -> IndexKeys;

    /// What the record adds to its collection's tally (`store::tally`);
    /// `None` for collections without one. Trashed records are left out by
    /// the tally itself.
    fn fact(&self) -> Option<Fact> {
        None
    }
}

impl Stored for Customer {
    fn index_keys(&self) -> IndexKeys {
        IndexKeys {
            customers: Vec::new(),
            emails: self.emails.clone(),
            name: Some(self.name_key()),
            tags: self.tags.clone(),
        }
    }

    fn fact(&self) -> Option<Fact> {
        Some(Fact::of_customer(self))
    }
}

/// Records that belong to exactly one customer.
macro_rules! owned_by_customer {
    ($($ty:ty),*) => {$(
        impl Stored for $ty {
            fn index_keys(&self) -> IndexKeys {
                IndexKeys { customers: vec![self.customer_id], ..IndexKeys::default() }
            }
        }
    )*};
}
/// Records that belong to exactly one customer and add to a tally.
macro_rules! owned_and_tallied {
    ($($ty:ty => $fact:path),*) => {$(
        impl Stored for $ty {
            fn index_keys(&self) -> IndexKeys {
                IndexKeys { customers: vec![self.customer_id], ..IndexKeys::default() }
            }

            fn fact(&self) -> Option<Fact> {
                Some($fact(self))
            }
        }
    )*};
}
owned_by_customer!(Interaction);
owned_and_tallied!(Order => Fact::of_order, Deal => Fact::of_deal, Ticket => Fact::of_ticket);

impl Stored for Task {
    fn index_keys(&self) -> IndexKeys {
        IndexKeys {
            customers: self.customer_id.into_iter().collect(),
            ..IndexKeys::default()
        }
    }
}

impl Stored for Relationship {
    fn index_keys(&self) -> IndexKeys {
        IndexKeys {
            customers: vec![self.from, self.to],
            ..IndexKeys::default()
        }
    }
}

/// An import batch belongs to no customer and has no index but `by_updated`.
impl Stored for ImportBatch {
    fn index_keys(&self) -> IndexKeys {
        IndexKeys::default()
    }
}

/// The pipeline belongs to no customer.
impl Stored for StoredPipeline {
    fn index_keys(&self) -> IndexKeys {
        IndexKeys::default()
    }
}

/// The scores record belongs to no customer (it holds them all).
impl Stored for PropensityScores {
    fn index_keys(&self) -> IndexKeys {
        IndexKeys::default()
    }
}

impl Stored for Campaign {
    fn index_keys(&self) -> IndexKeys {
        IndexKeys {
            customers: self.members.iter().map(|m| m.customer_id).collect(),
            ..IndexKeys::default()
        }
    }
}
