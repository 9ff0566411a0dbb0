//! The store's collections as a typed enum, so a page that tracks changes
//! to "orders" names [`Collection::Orders`] and a typo does not compile
//! (it used to fall back to the customers silently). The store itself
//! keeps the names ([`Collection::name`]), which are its IndexedDB object
//! store names and the keys of a backup.

/// One collection of records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Collection {
    /// Customers.
    Customers,
    /// Notes, calls, emails and meetings.
    Interactions,
    /// Tasks.
    Tasks,
    /// Quotes, orders and contracts.
    Orders,
    /// Deals in the pipeline.
    Deals,
    /// Support tickets.
    Tickets,
    /// Campaigns.
    Campaigns,
    /// Links between customers.
    Relationships,
    /// Past imports.
    Imports,
    /// Propensity scores.
    Scores,
    /// Settings that belong with the data (the pipeline's stages).
    Settings,
}

impl Collection {
    /// Every collection, in the order backups list them.
    pub const ALL: [Collection; 11] = [
        Collection::Customers,
        Collection::Interactions,
        Collection::Tasks,
        Collection::Orders,
        Collection::Deals,
        Collection::Tickets,
        Collection::Campaigns,
        Collection::Relationships,
        Collection::Imports,
        Collection::Scores,
        Collection::Settings,
    ];

    /// The store's name for it.
    pub const fn name(self) -> &'static str {
        match self {
            Collection::Customers => "customers",
            Collection::Interactions => "interactions",
            Collection::Tasks => "tasks",
            Collection::Orders => "orders",
            Collection::Deals => "deals",
            Collection::Tickets => "tickets",
            Collection::Campaigns => "campaigns",
            Collection::Relationships => "relationships",
            Collection::Imports => "imports",
            Collection::Scores => "scores",
            Collection::Settings => "settings",
        }
    }

    /// The collection called `name`, at compile time (for a record type's
    /// constant); an unknown name is a build error.
    pub const fn named(name: &str) -> Collection {
        let mut i = 0;
        while i < Collection::ALL.len() {
            if same(Collection::ALL[i].name().as_bytes(), name.as_bytes()) {
                return Collection::ALL[i];
            }
            i += 1;
        }
        panic!("a record names a collection the store does not have")
    }

    /// The collection a stored name stands for, if any.
    pub fn from_name(name: &str) -> Option<Collection> {
        Collection::ALL.into_iter().find(|c| c.name() == name)
    }

    /// Its position in [`Collection::ALL`] (for per-collection tables).
    pub const fn index(self) -> usize {
        self as usize
    }
}

/// Byte-wise equality, usable in a `const fn`.
const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_agree_with_collections() {
        for (i, c) in Collection::ALL.into_iter().enumerate() {
            assert_eq!(Collection::from_name(c.name()), Some(c));
            assert_eq!(c.index(), i);
            assert_eq!(crate::store::COLLECTIONS[i], c.name());
        }
        assert_eq!(crate::store::COLLECTIONS.len(), Collection::ALL.len());
        assert_eq!(Collection::from_name("order"), None);
    }
}
