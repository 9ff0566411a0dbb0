//! Turning one record's JSON into a stored [`Envelope`], typed by its
//! collection, so a backup is checked record by record before anything is
//! written and every record is written the way this build writes it.
//!
//! Collections without a type here (one added to `COLLECTIONS` later) fall
//! back to `Envelope::rebuild`, which decodes but does not validate.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::BackupError;
use crate::model::{
    Campaign, Customer, Deal, ImportBatch, Interaction, Order, PropensityScores, Relationship,
    StoredPipeline, Task, Ticket,
};
use crate::store::{Envelope, StoreError, Stored, COLLECTIONS};

/// The `&'static` name of a collection in [`COLLECTIONS`], if it is one.
pub(super) fn collection_name(name: &str) -> Option<&'static str> {
    COLLECTIONS.iter().copied().find(|c| *c == name)
}

/// Calls `$f::<RecordType>(args)` for the collection, or `$fallback`.
macro_rules! by_collection {
    ($collection:expr, $f:ident($($arg:expr),*), $fallback:expr) => {
        match $collection {
            "customers" => $f::<Customer, _>($($arg),*),
            "interactions" => $f::<Interaction, _>($($arg),*),
            "tasks" => $f::<Task, _>($($arg),*),
            "orders" => $f::<Order, _>($($arg),*),
            "deals" => $f::<Deal, _>($($arg),*),
            "tickets" => $f::<Ticket, _>($($arg),*),
            "campaigns" => $f::<Campaign, _>($($arg),*),
            "relationships" => $f::<Relationship, _>($($arg),*),
            "imports" => $f::<ImportBatch, _>($($arg),*),
            "scores" => $f::<PropensityScores, _>($($arg),*),
            "settings" => $f::<StoredPipeline, _>($($arg),*),
            _ => $fallback,
        }
    };
}

/// Re-encodes a stored record's JSON as this build writes it (decoded with
/// today's defaults, not validated). For making a backup.
pub(super) fn canonical(collection: &'static str, json: &str) -> Result<Envelope, StoreError> {
    fn again<R: Stored, T: AsRef<str>>(json: T) -> Result<Envelope, StoreError> {
        let record: R =
            serde_json::from_str(json.as_ref()).map_err(|e| StoreError::Backend(e.to_string()))?;
        Envelope::of(&record)
    }
    by_collection!(collection, again(json), Envelope::rebuild(collection, json))
}

/// Decodes record `number` (from 1) of `collection` straight from the
/// file, validates it and builds its envelope. The outer error is the
/// decoder's; the inner one a record that decoded but is not acceptable.
pub(super) fn decode<'de, D: Deserializer<'de>>(
    collection: &'static str,
    number: usize,
    d: D,
) -> Result<Result<Envelope, BackupError>, D::Error> {
    fn typed<'de, R: Stored, D: Deserializer<'de>>(
        collection: &'static str,
        number: usize,
        d: D,
    ) -> Result<Result<Envelope, BackupError>, D::Error> {
        let record = R::deserialize(d)?;
        if let Err(errors) = record.validate() {
            return Ok(Err(BackupError::InvalidRecord {
                collection,
                number,
                errors,
            }));
        }
        Ok(Envelope::of(&record).map_err(|e| bad(collection, number, e)))
    }
    by_collection!(
        collection,
        typed(collection, number, d),
        Value::deserialize(d).map(|v| {
            Envelope::rebuild(collection, &v.to_string()).map_err(|e| bad(collection, number, e))
        })
    )
}

fn bad(collection: &'static str, number: usize, e: StoreError) -> BackupError {
    BackupError::BadRecord {
        collection,
        number,
        reason: e.to_string(),
    }
}
