//! Turning one record's JSON into a stored [`Envelope`], typed by its
//! collection, so a backup is checked record by record before anything is
//! written and every record is written the way this build writes it.

use serde_json::Value;

use super::BackupError;
use crate::model::{Campaign, Customer, Deal, Interaction, Order, Relationship, Task, Ticket};
use crate::store::{Envelope, Stored, COLLECTIONS};

/// The `&'static` name of a collection in [`COLLECTIONS`], if it is one.
pub(super) fn collection_name(name: &str) -> Option<&'static str> {
    COLLECTIONS.iter().copied().find(|c| *c == name)
}

/// Where a record's JSON comes from: a parsed backup, or a stored envelope.
#[derive(Clone, Copy)]
pub(super) enum Source<'a> {
    /// A record in a parsed backup file.
    Value(&'a Value),
    /// A stored envelope's JSON text.
    Text(&'a str),
}

/// A function that decodes one collection's records.
type Decode = fn(&'static str, usize, Source<'_>, bool) -> Result<Envelope, BackupError>;

/// Decodes record `number` (from 1) of `collection` and builds its envelope;
/// with `validate`, the record must also pass `Record::validate`.
///
/// Collections this function has no type for (one added to `COLLECTIONS`
/// later) fall back to `Envelope::rebuild`, which decodes but does not
/// validate.
pub(super) fn envelope_of(
    collection: &'static str,
    number: usize,
    source: Source<'_>,
    validate: bool,
) -> Result<Envelope, BackupError> {
    let typed: Decode = match collection {
        "customers" => typed::<Customer>,
        "interactions" => typed::<Interaction>,
        "tasks" => typed::<Task>,
        "orders" => typed::<Order>,
        "deals" => typed::<Deal>,
        "tickets" => typed::<Ticket>,
        "campaigns" => typed::<Campaign>,
        "relationships" => typed::<Relationship>,
        _ => {
            let text = match source {
                Source::Value(v) => v.to_string(),
                Source::Text(t) => t.to_string(),
            };
            return Envelope::rebuild(collection, &text).map_err(|e| BackupError::BadRecord {
                collection,
                number,
                reason: e.to_string(),
            });
        }
    };
    typed(collection, number, source, validate)
}

fn typed<R: Stored>(
    collection: &'static str,
    number: usize,
    source: Source<'_>,
    validate: bool,
) -> Result<Envelope, BackupError> {
    let bad = |reason: String| BackupError::BadRecord {
        collection,
        number,
        reason,
    };
    let record: R = match source {
        Source::Value(v) => R::deserialize(v),
        Source::Text(t) => serde_json::from_str(t),
    }
    .map_err(|e| bad(e.to_string()))?;
    if validate {
        record
            .validate()
            .map_err(|errors| BackupError::InvalidRecord {
                collection,
                number,
                errors,
            })?;
    }
    Envelope::of(&record).map_err(|e| bad(e.to_string()))
}
