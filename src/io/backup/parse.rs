//! Reading a backup file: every check runs before the caller writes
//! anything.

use std::collections::BTreeMap;

use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::error::Category;
use serde_json::Value;

use super::records::{collection_name, envelope_of, Source};
use super::{Backup, BackupError, BACKUP_FORMAT, BACKUP_VERSION};
use crate::model::Timestamp;
use crate::store::schema::SCHEMA_VERSION;

/// The fields that say what the file is; everything else is skipped.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: Option<Value>,
    #[serde(default)]
    version: Option<Value>,
    #[serde(default)]
    schema_version: Option<Value>,
}

/// The content, read once the header is known to be ours.
#[derive(Deserialize)]
struct Body {
    #[serde(default)]
    settings: BTreeMap<String, Value>,
    #[serde(default)]
    collections: BTreeMap<String, Vec<Value>>,
}

/// [`parse_backup`] for raw file bytes: bytes that are not UTF-8 are
/// [`BackupError::NotJson`].
pub fn parse_backup_bytes(bytes: &[u8]) -> Result<Backup, BackupError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_backup(text),
        Err(_) if bytes.iter().all(u8::is_ascii_whitespace) => Err(BackupError::Empty),
        Err(_) => Err(BackupError::NotJson),
    }
}

/// Reads and checks a backup file (a leading byte-order mark is allowed).
///
/// ```
/// use rapport::io::backup::parse_backup;
/// let err = parse_backup(r#"{"name":"x"}"#).unwrap_err();
/// assert_eq!(err.to_string(), "This is a JSON file, but not a Rapport backup. Nothing was changed.");
/// ```
pub fn parse_backup(text: &str) -> Result<Backup, BackupError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(BackupError::Empty);
    }
    // Syntax first, cheaply, so a cut-off file is told apart from a foreign one.
    if let Err(e) = serde_json::from_str::<IgnoredAny>(text) {
        return Err(match e.classify() {
            Category::Eof => BackupError::Truncated,
            _ => BackupError::NotJson,
        });
    }
    if !text.trim_start().starts_with('{') {
        return Err(BackupError::NotABackup);
    }
    let header: Header = serde_json::from_str(text).map_err(|_| BackupError::NotABackup)?;
    if header.format.as_ref().and_then(Value::as_str) != Some(BACKUP_FORMAT) {
        return Err(BackupError::NotABackup);
    }
    let version = check_version(header.version, "backup format", BACKUP_VERSION)?;
    let schema_version = check_version(header.schema_version, "schema", SCHEMA_VERSION)?;
    let body: Body = serde_json::from_str(text).map_err(|e| BackupError::Damaged(e.to_string()))?;

    let mut collections = BTreeMap::new();
    for (name, values) in &body.collections {
        let collection =
            collection_name(name).ok_or_else(|| BackupError::UnknownCollection(name.clone()))?;
        let mut envelopes = values
            .iter()
            .enumerate()
            .map(|(i, v)| envelope_of(collection, i + 1, Source::Value(v), true))
            .collect::<Result<Vec<_>, _>>()?;
        envelopes.sort_by_key(|e| e.id);
        if let Some(pair) = envelopes.windows(2).find(|w| w[0].id == w[1].id) {
            return Err(BackupError::DuplicateId {
                collection,
                id: pair[0].id,
            });
        }
        collections.insert(collection, envelopes);
    }
    for &name in crate::store::COLLECTIONS {
        collections.entry(name).or_default();
    }
    let as_of: Option<Timestamp> = super::write::newest_update(collections.values().flatten());
    Ok(Backup {
        version,
        schema_version,
        as_of,
        settings: body.settings,
        collections,
    })
}

/// A header version: present, a whole number, and not newer than `supported`.
fn check_version(
    value: Option<Value>,
    what: &'static str,
    supported: u32,
) -> Result<u32, BackupError> {
    let found = value
        .as_ref()
        .and_then(Value::as_u64)
        .ok_or_else(|| BackupError::Damaged(format!("its {what} version is missing")))?;
    if found > supported as u64 {
        return Err(BackupError::TooNew {
            what,
            found,
            supported: supported as u64,
        });
    }
    u32::try_from(found).map_err(|_| BackupError::Damaged(format!("bad {what} version")))
}
