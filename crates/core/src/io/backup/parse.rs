//! Reading a backup file: every check runs before the caller writes
//! anything.
//!
//! Three passes over the text: a syntax check that keeps nothing (so a
//! cut-off file is told apart from a foreign one), the header, then the
//! body, whose records are decoded straight into their types and envelopes
//! by [`DeserializeSeed`]s — no `serde_json::Value` tree of the whole file,
//! which for 100,000 customers would take gigabytes.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::fmt;

use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::error::Category;
use serde_json::Value;

use super::records::{collection_name, decode};
use super::{Backup, BackupError, BACKUP_FORMAT, BACKUP_VERSION};
use crate::store::schema::SCHEMA_VERSION;
use crate::store::Envelope;

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

/// The largest backup file a restore reads (a tab has at most 4 GB of
/// wasm memory, and the file, its text and the records exist at once).
pub const MAX_BACKUP_BYTES: u64 = 512 * 1024 * 1024;

/// Refuses a file too large to restore, before any of it is read.
pub fn check_backup_size(bytes: u64) -> Result<(), BackupError> {
    if bytes <= MAX_BACKUP_BYTES {
        return Ok(());
    }
    const MB: u64 = 1024 * 1024;
    Err(BackupError::TooLarge {
        megabytes: bytes.div_ceil(MB),
        limit: MAX_BACKUP_BYTES / MB,
    })
}

/// [`parse_backup`] for raw file bytes: bytes that are not UTF-8 are
/// [`BackupError::NotJson`].
pub fn parse_backup_bytes(bytes: &[u8]) -> Result<Backup, BackupError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_backup(text),
        Err(_) => Err(BackupError::NotJson),
    }
}

/// Reads and checks a backup file (a leading byte-order mark is allowed).
///
/// ```
/// use rapport_core::io::backup::parse_backup;
/// let err = parse_backup(r#"{"name":"x"}"#).unwrap_err();
/// assert_eq!(err.to_string(), "This is a JSON file, but not a Rapport backup. Nothing was changed.");
/// ```
pub fn parse_backup(text: &str) -> Result<Backup, BackupError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(BackupError::Empty);
    }
    if let Err(e) = serde_json::from_str::<IgnoredAny>(text) {
        return Err(match e.classify() {
            Category::Eof => BackupError::Truncated,
            _ => BackupError::NotJson,
        });
    }
    // Valid JSON that starts with `{` is an object.
    if !text.trim_start().starts_with('{') {
        return Err(BackupError::NotABackup);
    }
    let header: Header = serde_json::from_str(text).map_err(|_| BackupError::NotABackup)?;
    if header.format.as_ref().and_then(Value::as_str) != Some(BACKUP_FORMAT) {
        return Err(BackupError::NotABackup);
    }
    let version = check_version(header.version, "backup format", BACKUP_VERSION)?;
    let schema_version = check_version(header.schema_version, "schema", SCHEMA_VERSION)?;

    let ctx = Ctx::default();
    let mut de = serde_json::Deserializer::from_str(text);
    let (settings, mut collections) = BodySeed(&ctx)
        .deserialize(&mut de)
        .map_err(|e| ctx.error(e))?;
    for (&collection, envelopes) in collections.iter_mut() {
        envelopes.sort_by_key(|e| e.id);
        if let Some(pair) = envelopes.windows(2).find(|w| w[0].id == w[1].id) {
            return Err(BackupError::DuplicateId {
                collection,
                id: pair[0].id,
            });
        }
    }
    for &name in crate::store::COLLECTIONS {
        collections.entry(name).or_default();
    }
    Ok(Backup {
        version,
        schema_version,
        as_of: super::write::newest_update(collections.values().flatten()),
        settings,
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

/// Where the body decoder is, and the first problem it met that is not a
/// decoder error (serde can only carry a message out).
#[derive(Default)]
struct Ctx {
    failure: RefCell<Option<BackupError>>,
    at: Cell<Option<(&'static str, usize)>>,
}

impl Ctx {
    fn fail<E: serde::de::Error>(&self, error: BackupError) -> E {
        let message = error.to_string();
        self.failure.borrow_mut().get_or_insert(error);
        E::custom(message)
    }

    /// The error to report for a failed body decode.
    fn error(&self, e: serde_json::Error) -> BackupError {
        if let Some(failure) = self.failure.take() {
            return failure;
        }
        match self.at.get() {
            Some((collection, number)) => BackupError::BadRecord {
                collection,
                number,
                reason: e.to_string(),
            },
            None => BackupError::Damaged(e.to_string()),
        }
    }
}

type Settings = BTreeMap<String, Value>;
type Collections = BTreeMap<&'static str, Vec<Envelope>>;

/// The top-level object: `settings` and `collections`; the rest skipped.
struct BodySeed<'c>(&'c Ctx);

impl<'de> DeserializeSeed<'de> for BodySeed<'_> {
    type Value = (Settings, Collections);
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for BodySeed<'_> {
    type Value = (Settings, Collections);
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a backup object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut settings, mut collections) = (Settings::new(), Collections::new());
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "settings" => settings = map.next_value()?,
                "collections" => collections = map.next_value_seed(CollectionsSeed(self.0))?,
                _ => drop(map.next_value::<IgnoredAny>()?),
            }
        }
        Ok((settings, collections))
    }
}

/// `"collections": { "<name>": [record, …], … }`.
struct CollectionsSeed<'c>(&'c Ctx);

impl<'de> DeserializeSeed<'de> for CollectionsSeed<'_> {
    type Value = Collections;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Collections, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for CollectionsSeed<'_> {
    type Value = Collections;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of collections")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Collections, A::Error> {
        let mut out = Collections::new();
        while let Some(name) = map.next_key::<String>()? {
            let Some(collection) = collection_name(&name) else {
                return Err(self.0.fail(BackupError::UnknownCollection(name)));
            };
            if out.contains_key(collection) {
                let twice = format!("it lists {collection} twice");
                return Err(self.0.fail(BackupError::Damaged(twice)));
            }
            let records = map.next_value_seed(RecordsSeed(self.0, collection))?;
            out.insert(collection, records);
        }
        Ok(out)
    }
}

/// One collection's array of records.
struct RecordsSeed<'c>(&'c Ctx, &'static str);

impl<'de> DeserializeSeed<'de> for RecordsSeed<'_> {
    type Value = Vec<Envelope>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<Envelope>, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for RecordsSeed<'_> {
    type Value = Vec<Envelope>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a list of {} records", self.1)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Envelope>, A::Error> {
        let RecordsSeed(ctx, collection) = self;
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        loop {
            ctx.at.set(Some((collection, out.len() + 1)));
            match seq.next_element_seed(RecordSeed(ctx, collection, out.len() + 1))? {
                Some(envelope) => out.push(envelope),
                None => break,
            }
        }
        ctx.at.set(None);
        Ok(out)
    }
}

/// One record, decoded, validated and wrapped.
struct RecordSeed<'c>(&'c Ctx, &'static str, usize);

impl<'de> DeserializeSeed<'de> for RecordSeed<'_> {
    type Value = Envelope;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Envelope, D::Error> {
        let RecordSeed(ctx, collection, number) = self;
        decode(collection, number, d)?.map_err(|e| ctx.fail(e))
    }
}

#[cfg(test)]
mod size_tests {
    use super::*;

    #[test]
    fn a_backup_larger_than_a_tab_can_hold_is_refused_before_reading() {
        assert!(check_backup_size(MAX_BACKUP_BYTES).is_ok());
        assert!(check_backup_size(0).is_ok());
        let refused = check_backup_size(3 * 1024 * 1024 * 1024).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "This file is 3072 MB; Rapport restores backups of up to 512 MB in a browser tab. \
             Nothing was changed. (A backup of 100,000 customers with their history is about 200 MB.)"
        );
    }
}
