//! The versioned JSON backup of every collection and the settings, and
//! restoring it (replace or merge).
//!
//! # The file
//!
//! ```text
//! {
//!   "format": "rapport-backup",
//!   "version": 1,
//!   "schema_version": 2,
//!   "as_of": 1718000000000,
//!   "settings": {
//!     "rapport.theme": "dark"
//!   },
//!   "collections": {
//!     "customers": [
//!       {"id":"…","created_at":…,"updated_at":…,"version":3,"deleted_at":null,"given_name":"Ann",…},
//!       …
//!     ],
//!     "interactions": [],
//!     …
//!   }
//! }
//! ```
//!
//! - `version` is this file layout ([`BACKUP_VERSION`]); `schema_version`
//!   the store schema of the build that wrote it ([`SCHEMA_VERSION`]). A
//!   file newer in either is refused; an older one is read, its records
//!   decoding with today's serde defaults for fields they lack.
//! - `as_of` is the newest `updated_at` of any record (`null` when empty),
//!   not the wall-clock time of the export, so backing up, wiping, restoring
//!   and backing up again gives a byte-identical file. The UI can put
//!   today's date in the file *name*.
//! - Every collection of [`COLLECTIONS`], in that order, each record on its
//!   own line, in id order, with its full meta (id, version, timestamps,
//!   `deleted_at`: trashed records are included), its keys in the order the
//!   record type declares its fields. Settings are sorted by key.
//!
//! # Reading and restoring
//!
//! [`parse_backup`] checks the whole file — JSON, marker, versions, known
//! collections, every record decoding and validating, no duplicate ids —
//! before anything is written, so every [`BackupError`] it returns means
//! "nothing was changed". [`plan_restore`] (or the pure
//! [`restore_change_set`]) then turns it into one [`ChangeSet`], committed
//! as one IndexedDB transaction:
//!
//! - [`RestoreMode::Replace`] clears every collection and puts every record
//!   exactly as in the file (same ids, versions, timestamps, trash marks).
//! - [`RestoreMode::Merge`] adds records that are missing here, replaces a
//!   local record when the backup's copy is newer — a later `updated_at`,
//!   or the same `updated_at` and a higher `version` — and keeps the local
//!   one otherwise. Local records that are not in the backup stay. Puts are
//!   version-checked, so an edit in another tab meanwhile makes the whole
//!   restore fail with a conflict instead of being overwritten.
//!
//! References between records are not checked: an order (or interaction,
//! ticket…) whose customer is not in the backup is restored as it is, in
//! both modes. A restore puts back what the file holds; it neither drops
//! such a record nor refuses the file for it.
//!
//! Settings are handed back in [`Backup::settings`]; the UI writes them to
//! localStorage.
//!
//! [`SCHEMA_VERSION`]: crate::store::schema::SCHEMA_VERSION
//! [`COLLECTIONS`]: crate::store::COLLECTIONS
//! [`ChangeSet`]: crate::store::ChangeSet

mod error;
mod parse;
mod records;
mod restore;
mod write;

use std::collections::BTreeMap;

pub use error::BackupError;
pub use parse::{check_backup_size, parse_backup, parse_backup_bytes, MAX_BACKUP_BYTES};
pub use restore::{plan_restore, restore, restore_change_set, RestoreMode, RestoreSummary};
pub use write::create_backup;

use crate::model::Timestamp;
use crate::store::Envelope;

/// The value of the `"format"` marker.
pub const BACKUP_FORMAT: &str = "rapport-backup";

/// The file layout version this build writes and the newest it reads.
pub const BACKUP_VERSION: u32 = 1;

/// A backup file, read and checked, ready to restore.
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    /// The file layout version (at most [`BACKUP_VERSION`]).
    pub version: u32,
    /// The store schema of the build that wrote it.
    pub schema_version: u32,
    /// The newest `updated_at` of any record in it.
    pub as_of: Option<Timestamp>,
    /// localStorage entries (key → value) to write back.
    pub settings: BTreeMap<String, serde_json::Value>,
    /// Every collection of `COLLECTIONS` (empty when the file lacks it), its
    /// records as envelopes in id order.
    pub collections: BTreeMap<&'static str, Vec<Envelope>>,
}

impl Backup {
    /// How many records each collection holds, in `COLLECTIONS` order, for
    /// the "this backup holds …" preview.
    pub fn counts(&self) -> Vec<(&'static str, usize)> {
        crate::store::COLLECTIONS
            .iter()
            .map(|&c| (c, self.collections.get(c).map_or(0, Vec::len)))
            .collect()
    }

    /// How many records the backup holds in all.
    pub fn record_count(&self) -> usize {
        self.collections.values().map(Vec::len).sum()
    }
}
