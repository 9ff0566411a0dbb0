//! Why a backup could not be made, read or restored, in the sentences the
//! user sees (`to_string()`).

use crate::i18n::{io_errors as t, terms};
use crate::model::{Id, ValidationErrors};
use crate::store::StoreError;

/// Why a backup could not be made, read or restored. Every error from
/// [`parse_backup`](super::parse_backup) is returned before anything is
/// written, and says so.
#[derive(Debug, Clone, thiserror::Error)]
pub enum BackupError {
    /// Larger than a browser tab can read and parse in memory.
    #[error("{}", t::backup_too_large(.megabytes, .limit))]
    TooLarge {
        /// The file's size in MB (rounded up).
        megabytes: u64,
        /// The limit in MB.
        limit: u64,
    },
    /// The file holds nothing (or only spaces).
    #[error("{}", t::backup_empty())]
    Empty,
    /// The JSON stops in the middle (a cut-off download or copy).
    #[error("{}", t::backup_truncated())]
    Truncated,
    /// The file is not JSON at all (binary, a spreadsheet, …).
    #[error("{}", t::backup_not_json())]
    NotJson,
    /// Valid JSON without the `"format": "rapport-backup"` marker.
    #[error("{}", t::backup_not_a_backup())]
    NotABackup,
    /// Made by a newer build: a higher backup `version` or `schema_version`.
    #[error("{}", t::backup_too_new(.what, .found, .supported))]
    TooNew {
        /// `"schema"` or `"backup format"`.
        what: &'static str,
        /// The version in the file.
        found: u64,
        /// The newest version this build reads.
        supported: u64,
    },
    /// The header or the layout is not what a backup has.
    #[error("{}", t::backup_damaged(.0))]
    Damaged(String),
    /// A collection this build does not know.
    #[error("{}", t::backup_unknown_collection(.0))]
    UnknownCollection(String),
    /// A record that does not decode.
    #[error("{}", t::backup_bad_record(.number, terms::translate(.collection), .reason))]
    BadRecord {
        /// The collection.
        collection: &'static str,
        /// The position in the file's list, from 1.
        number: usize,
        /// The decoder's message.
        reason: String,
    },
    /// A record that decodes but does not validate.
    #[error("{}", t::backup_invalid_record(.number, terms::translate(.collection), .errors))]
    InvalidRecord {
        /// The collection.
        collection: &'static str,
        /// The position in the file's list, from 1.
        number: usize,
        /// What is wrong.
        errors: ValidationErrors,
    },
    /// The same id twice in one collection.
    #[error("{}", t::backup_duplicate_id(terms::translate(.collection), .id))]
    DuplicateId {
        /// The collection.
        collection: &'static str,
        /// The repeated id.
        id: Id,
    },
    /// Reading the store (making a backup) or writing it (restoring) failed.
    #[error("{}", .0.user_message())]
    Store(#[from] StoreError),
}
