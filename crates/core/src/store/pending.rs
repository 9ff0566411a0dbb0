//! Long writes that a reload can cut off — an import, a restore — are each
//! one transaction, so the store holds all of one or none of it. What a
//! reload loses is the *knowing*: [`PendingWrite`] is the note the page
//! keeps (in localStorage) while such a write runs, naming it and one
//! record the write puts (the probe). On the next open, [`PendingWrite::settle`]
//! reads that record back: at (or past) the probe's version, the write was
//! stored; otherwise none of it was. Either way the page says which.

use serde::{Deserialize, Serialize};

use super::{ChangeSet, Collection, Op, Store, StoreError};
use crate::model::Id;

/// A write under way, as remembered across a reload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingWrite {
    /// What it is, as a phrase: "The import of contacts.csv".
    pub what: String,
    /// One record the write puts: (collection name, id, version after).
    pub probe: Option<(String, Id, u64)>,
}

/// What became of a write a reload interrupted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Interrupted {
    /// The write was stored whole before the reload.
    Stored(String),
    /// None of it was stored; what was there before is unchanged.
    NothingStored(String),
}

impl Interrupted {
    /// The sentence the page shows.
    pub fn sentence(&self) -> String {
        match self {
            Interrupted::Stored(what) => crate::i18n::changes::interrupted_stored(what),
            Interrupted::NothingStored(what) => {
                crate::i18n::changes::interrupted_nothing_stored(what)
            }
        }
    }
}

impl PendingWrite {
    /// The note for `changes`, described as `what`; its probe is the last
    /// record the change set puts.
    pub fn of(changes: &ChangeSet, what: impl Into<String>) -> PendingWrite {
        let probe = changes.ops.iter().rev().find_map(|op| match op {
            Op::Put {
                collection,
                envelope,
                ..
            } => Some((collection.to_string(), envelope.id, envelope.version)),
            _ => None,
        });
        PendingWrite {
            what: what.into(),
            probe,
        }
    }

    /// Whether the write reached the store.
    pub async fn settle<S: Store>(&self, store: &S) -> Result<Interrupted, StoreError> {
        let stored = match &self.probe {
            Some((name, id, version)) => match Collection::from_name(name) {
                Some(collection) => store
                    .envelope(collection, *id)
                    .await?
                    .is_some_and(|e| e.version >= *version),
                None => false,
            },
            // A write that puts nothing (only clears or purges) cannot be
            // probed; a transaction is whole, so say it may have run.
            None => false,
        };
        Ok(if stored {
            Interrupted::Stored(self.what.clone())
        } else {
            Interrupted::NothingStored(self.what.clone())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jobs::analyses::tests::run_ready;
    use crate::model::{Customer, Uuid};
    use crate::store::MemStore;

    fn import_of(n: u128) -> ChangeSet {
        let mut changes = ChangeSet::new("Import of people.csv");
        for i in 0..n {
            let mut c = Customer::new(Uuid::from_u128(100 + i), 1_700_000_000_000);
            c.given_name = format!("Person {i}");
            changes.insert(&c).unwrap();
        }
        changes
    }

    #[test]
    fn a_write_cut_off_before_its_transaction_stored_nothing_and_says_so() {
        let store = MemStore::new();
        let changes = import_of(3);
        let pending = PendingWrite::of(&changes, "The import of people.csv");
        // The reload came first: nothing was applied.
        let outcome = run_ready(pending.settle(&store)).unwrap();
        assert_eq!(
            outcome,
            Interrupted::NothingStored("The import of people.csv".into())
        );
        assert!(outcome.sentence().contains("nothing of it was saved"));
    }

    #[test]
    fn a_write_stored_before_the_reload_is_reported_stored() {
        let store = MemStore::new();
        let changes = import_of(3);
        let pending = PendingWrite::of(&changes, "The import of people.csv");
        run_ready(store.apply(&changes)).unwrap();
        let outcome = run_ready(pending.settle(&store)).unwrap();
        assert_eq!(
            outcome,
            Interrupted::Stored("The import of people.csv".into())
        );
        // And the note survives a round trip through localStorage's JSON.
        let json = serde_json::to_string(&pending).unwrap();
        assert_eq!(
            serde_json::from_str::<PendingWrite>(&json).unwrap(),
            pending
        );
    }

    #[test]
    fn an_edit_of_a_stored_record_counts_only_at_its_new_version() {
        let store = MemStore::new();
        let mut c = Customer::new(Uuid::from_u128(7), 1_700_000_000_000);
        c.given_name = "First".into();
        let mut first = ChangeSet::new("add");
        first.insert(&c).unwrap();
        run_ready(store.apply(&first)).unwrap();
        c = run_ready(store.get(Uuid::from_u128(7))).unwrap().unwrap();
        c.given_name = "Edited".into();
        c.meta.touch(1_700_000_000_500);
        let mut edit = ChangeSet::new("restore");
        edit.update(&c).unwrap();
        let pending = PendingWrite::of(&edit, "The restore of backup.json");
        assert!(matches!(
            run_ready(pending.settle(&store)).unwrap(),
            Interrupted::NothingStored(_)
        ));
        run_ready(store.apply(&edit)).unwrap();
        assert!(matches!(
            run_ready(pending.settle(&store)).unwrap(),
            Interrupted::Stored(_)
        ));
    }
}
