//! Change sets: the batch every write goes through, and the envelope a
//! record is stored in.

use super::tally::FactCache;
use super::{keys::Stored, StoreError};
use crate::model::{Id, Record, Timestamp};
use serde::{Deserialize, Serialize};

/// A record as stored: its JSON and the keys its indexes need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    /// The record id.
    pub id: Id,
    /// The record's version (see `Meta::version`).
    pub version: u64,
    /// When the record was last changed (unix ms), for `by_updated`.
    pub updated_at: Timestamp,
    /// Whether the record is in the trash.
    pub deleted: bool,
    /// Owning customers, for `by_customer`.
    pub customers: Vec<Id>,
    /// Normalised emails, for `by_email`.
    pub emails: Vec<String>,
    /// Lower-cased name, for `by_name`.
    pub name: Option<String>,
    /// Tags, for `by_tag`. Schema version 1 did not write this field, so a
    /// missing one reads as none (migration 2 re-derives it for customers).
    #[serde(default)]
    pub tags: Vec<String>,
    /// The record itself, as JSON.
    pub json: String,
    /// What the record adds to its collection's tally, when the envelope
    /// was made from the typed record (never stored).
    #[serde(skip)]
    pub fact: FactCache,
}

impl Envelope {
    /// Wraps a record.
    pub fn of<R: Stored>(record: &R) -> Result<Envelope, StoreError> {
        let keys = record.index_keys();
        let meta = record.meta();
        Ok(Envelope {
            id: meta.id,
            version: meta.version,
            updated_at: meta.updated_at,
            deleted: meta.deleted_at.is_some(),
            customers: keys.customers,
            emails: keys.emails,
            name: keys.name,
            tags: keys.tags,
            json: serde_json::to_string(record).map_err(|e| StoreError::Encode(e.to_string()))?,
            fact: FactCache::of(record.fact()),
        })
    }

    /// Re-derives the envelope of a stored record from its JSON (used by
    /// migrations that add index keys older versions did not write).
    pub fn rebuild(collection: &str, json: &str) -> Result<Envelope, StoreError> {
        use crate::model::*;
        fn again<R: Stored>(json: &str) -> Result<Envelope, StoreError> {
            let record: R = serde_json::from_str(json)
                .map_err(|e| StoreError::Backend(format!("{}: {e}", R::COLLECTION)))?;
            Envelope::of(&record)
        }
        match collection {
            "customers" => again::<Customer>(json),
            "interactions" => again::<Interaction>(json),
            "tasks" => again::<Task>(json),
            "orders" => again::<Order>(json),
            "deals" => again::<Deal>(json),
            "tickets" => again::<Ticket>(json),
            "campaigns" => again::<Campaign>(json),
            "relationships" => again::<Relationship>(json),
            "imports" => again::<ImportBatch>(json),
            "scores" => again::<PropensityScores>(json),
            "settings" => again::<StoredPipeline>(json),
            other => Err(StoreError::Backend(format!("unknown collection {other}"))),
        }
    }

    /// Reads the record back out.
    pub fn open<R: Stored>(&self) -> Result<R, StoreError> {
        serde_json::from_str(&self.json).map_err(|e| StoreError::Corrupt {
            collection: R::COLLECTION,
            id: self.id,
            reason: e.to_string(),
        })
    }
}

/// One write. Serialisable, so a job in the worker can hand the page the
/// batch it computed and the page applies it through its one write path.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Op {
    /// Insert or replace a record. With `expected`, the stored record must be
    /// at exactly that version (`Some(0)`: must not exist yet).
    Put {
        /// The collection name.
        collection: &'static str,
        /// The new content.
        envelope: Envelope,
        /// The version the edit was based on, if checked.
        expected: Option<u64>,
    },
    /// Remove a record for good (emptying the trash, undoing an insert).
    /// With `expected`, the stored record must be at exactly that version
    /// (so a purge never destroys what another tab has just changed); a
    /// record that is already gone counts as purged.
    Purge {
        /// The collection name.
        collection: &'static str,
        /// The record id.
        id: Id,
        /// The version the purge was decided on, if checked.
        expected: Option<u64>,
    },
    /// Remove every record of a collection (restore with "replace").
    Clear {
        /// The collection name.
        collection: &'static str,
    },
}

impl Op {
    /// The collection the operation writes to.
    pub fn collection(&self) -> &'static str {
        match self {
            Op::Put { collection, .. }
            | Op::Purge { collection, .. }
            | Op::Clear { collection } => collection,
        }
    }
}

/// [`Op`] as read from JSON, before its collection name is checked.
#[derive(Deserialize)]
enum OpWire {
    Put {
        collection: String,
        envelope: Envelope,
        expected: Option<u64>,
    },
    Purge {
        collection: String,
        id: Id,
        expected: Option<u64>,
    },
    Clear {
        collection: String,
    },
}

/// The store's name for `name`, refusing any that is not one of its collections.
fn known_collection(name: &str) -> Result<&'static str, String> {
    super::Collection::from_name(name)
        .map(super::Collection::name)
        .ok_or_else(|| format!("unknown collection “{name}”"))
}

impl<'de> Deserialize<'de> for Op {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Op, D::Error> {
        Op::try_from(OpWire::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

impl TryFrom<OpWire> for Op {
    type Error = String;

    fn try_from(wire: OpWire) -> Result<Op, String> {
        Ok(match wire {
            OpWire::Put {
                collection,
                envelope,
                expected,
            } => Op::Put {
                collection: known_collection(&collection)?,
                envelope,
                expected,
            },
            OpWire::Purge {
                collection,
                id,
                expected,
            } => Op::Purge {
                collection: known_collection(&collection)?,
                id,
                expected,
            },
            OpWire::Clear { collection } => Op::Clear {
                collection: known_collection(&collection)?,
            },
        })
    }
}

/// A batch of writes committed together, with a label for the Undo toast.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChangeSet {
    /// What the batch does, in words ("Deleted 3 customers").
    pub label: String,
    /// The operations, applied in order.
    pub ops: Vec<Op>,
}

impl ChangeSet {
    /// An empty batch with a label.
    pub fn new(label: impl Into<String>) -> ChangeSet {
        ChangeSet {
            label: label.into(),
            ops: Vec::new(),
        }
    }

    /// Adds a new record; refused if a record with its id exists. The record
    /// must validate.
    pub fn insert<R: Stored>(&mut self, record: &R) -> Result<&mut Self, StoreError> {
        self.put_checked(record, Some(0))
    }

    /// Adds an edited record: it must have been `touch`ed once since it was
    /// read, and the stored one must still be at the version it was read at.
    pub fn update<R: Stored>(&mut self, record: &R) -> Result<&mut Self, StoreError> {
        let based_on = record.meta().version.saturating_sub(1);
        self.put_checked(record, Some(based_on))
    }

    /// Writes a record whatever is stored (bulk loads, restores, undo).
    pub fn put<R: Stored>(&mut self, record: &R) -> Result<&mut Self, StoreError> {
        self.put_checked(record, None)
    }

    fn put_checked<R: Stored>(
        &mut self,
        record: &R,
        expected: Option<u64>,
    ) -> Result<&mut Self, StoreError> {
        record.validate().map_err(|errors| StoreError::Invalid {
            collection: R::COLLECTION,
            id: record.id(),
            errors,
        })?;
        self.ops.push(Op::Put {
            collection: R::COLLECTION,
            envelope: Envelope::of(record)?,
            expected,
        });
        Ok(self)
    }

    /// Removes a record for good, whatever its version.
    pub fn purge<R: Record>(&mut self, id: Id) -> &mut Self {
        self.ops.push(Op::Purge {
            collection: R::COLLECTION,
            id,
            expected: None,
        });
        self
    }

    /// Removes a record for good if it is still at `version` (the one the
    /// user saw when deciding); otherwise the batch fails with a conflict.
    pub fn purge_at(&mut self, collection: &'static str, id: Id, version: u64) -> &mut Self {
        self.ops.push(Op::Purge {
            collection,
            id,
            expected: Some(version),
        });
        self
    }

    /// Empties a collection.
    pub fn clear(&mut self, collection: &'static str) -> &mut Self {
        self.ops.push(Op::Clear { collection });
        self
    }

    /// The collections the batch writes to, each once.
    pub fn collections(&self) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = self.ops.iter().map(Op::collection).collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// Whether the batch has no operations.
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// How many operations the batch has.
    pub fn len(&self) -> usize {
        self.ops.len()
    }
}

impl Op {
    /// The version this operation expects to find stored, if it checks one.
    pub fn expected(&self) -> Option<(&'static str, Id, u64)> {
        match self {
            Op::Put {
                collection,
                envelope,
                expected: Some(v),
            } => Some((collection, envelope.id, *v)),
            Op::Purge {
                collection,
                id,
                expected: Some(v),
            } => Some((collection, *id, *v)),
            _ => None,
        }
    }
}

/// Checks an optimistic-concurrency expectation against what is stored.
pub fn check_expected(
    collection: &'static str,
    id: Id,
    expected: Option<u64>,
    found: Option<u64>,
) -> Result<(), StoreError> {
    match expected {
        Some(0) if found.is_none() => Ok(()),
        Some(v) if found == Some(v) => Ok(()),
        Some(v) => Err(StoreError::Conflict {
            collection,
            id,
            expected: v,
            found,
        }),
        None => Ok(()),
    }
}
