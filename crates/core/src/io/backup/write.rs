//! Making a backup: every record of every collection, written the way this
//! build writes records, in a deterministic layout.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::Value;

use super::records::canonical;
use super::{BackupError, BACKUP_FORMAT, BACKUP_VERSION};
use crate::model::Timestamp;
use crate::store::schema::SCHEMA_VERSION;
use crate::store::Collection;
use crate::store::{Envelope, Store, StoreError, COLLECTIONS};

/// Reads every collection of `store` and returns the backup file's text.
///
/// `settings` are the localStorage entries to keep (key → value). Each
/// record is decoded and re-encoded as this build writes it (so a record an
/// older version stored with fewer fields comes out the same as after a
/// restore); records are not validated here, because refusing to back up
/// data the store holds would be worse than a backup that names the bad
/// record when it is read back.
///
/// Errors: the store's, or [`StoreError::Corrupt`] for a stored record that
/// does not decode.
pub async fn create_backup<S: Store>(
    store: &S,
    settings: BTreeMap<String, Value>,
) -> Result<String, BackupError> {
    let mut collections = Vec::with_capacity(COLLECTIONS.len());
    for collection in Collection::ALL {
        let name = collection.name();
        let stored = store.envelopes(collection).await?;
        let mut envelopes = Vec::with_capacity(stored.len());
        for env in &stored {
            let again = canonical(name, &env.json).map_err(|e| StoreError::Corrupt {
                collection: name,
                id: env.id,
                reason: e.to_string(),
            })?;
            envelopes.push(again);
        }
        envelopes.sort_by_key(|e| e.id);
        collections.push((name, envelopes));
    }
    Ok(render(&settings, &collections))
}

/// The newest `updated_at` of any record, `None` for an empty store.
pub(super) fn newest_update<'a>(
    envelopes: impl IntoIterator<Item = &'a Envelope>,
) -> Option<Timestamp> {
    envelopes.into_iter().map(|e| e.updated_at).max()
}

/// The file text: the header fields, settings and collections in a fixed
/// order, one record per line.
pub(super) fn render(
    settings: &BTreeMap<String, Value>,
    collections: &[(&'static str, Vec<Envelope>)],
) -> String {
    let as_of = newest_update(collections.iter().flat_map(|(_, e)| e));
    let size: usize = collections
        .iter()
        .flat_map(|(_, e)| e)
        .map(|e| e.json.len() + 8)
        .sum();
    let mut out = String::with_capacity(size + 1024);
    // `write!` into a String cannot fail; its Result is ignored below.
    let _ = write!(
        out,
        "{{\n  \"format\": {},\n  \"version\": {BACKUP_VERSION},\n  \"schema_version\": {SCHEMA_VERSION},\n  \"as_of\": {},\n  \"settings\": {{",
        json_string(BACKUP_FORMAT),
        as_of.map_or("null".to_string(), |t| t.to_string()),
    );
    for (i, (key, value)) in settings.iter().enumerate() {
        let sep = if i == 0 { "" } else { "," };
        let _ = write!(out, "{sep}\n    {}: {value}", json_string(key));
    }
    out.push_str(if settings.is_empty() {
        "},\n"
    } else {
        "\n  },\n"
    });
    out.push_str("  \"collections\": {");
    for (i, (name, envelopes)) in collections.iter().enumerate() {
        let sep = if i == 0 { "" } else { "," };
        let _ = write!(out, "{sep}\n    {}: [", json_string(name));
        for (j, env) in envelopes.iter().enumerate() {
            out.push_str(if j == 0 { "\n      " } else { ",\n      " });
            out.push_str(&env.json);
        }
        out.push_str(if envelopes.is_empty() { "]" } else { "\n    ]" });
    }
    out.push_str("\n  }\n}\n");
    out
}

fn json_string(s: &str) -> String {
    Value::from(s).to_string()
}
