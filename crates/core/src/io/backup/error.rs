//! Why a backup could not be made, read or restored, in the sentences the
//! user sees (`to_string()`).

use crate::model::{Id, ValidationErrors};
use crate::store::StoreError;

/// Why a backup could not be made, read or restored. Every error from
/// [`parse_backup`](super::parse_backup) is returned before anything is
/// written, and says so.
#[derive(Debug, Clone, thiserror::Error)]
pub enum BackupError {
    /// Larger than a browser tab can read and parse in memory.
    #[error(
        "This file is {megabytes} MB; Rapport restores backups of up to {limit} MB in a browser \
         tab. Nothing was changed. (A backup of 100,000 customers with their history is about 200 MB.)"
    )]
    TooLarge {
        /// The file's size in MB (rounded up).
        megabytes: u64,
        /// The limit in MB.
        limit: u64,
    },
    /// The file holds nothing (or only spaces).
    #[error("The file is empty. Nothing was changed.")]
    Empty,
    /// The JSON stops in the middle (a cut-off download or copy).
    #[error("The file ends early — it looks truncated. Nothing was changed.")]
    Truncated,
    /// The file is not JSON at all (binary, a spreadsheet, …).
    #[error("This is not a Rapport backup: the file is not JSON text. Nothing was changed.")]
    NotJson,
    /// Valid JSON without the `"format": "rapport-backup"` marker.
    #[error("This is a JSON file, but not a Rapport backup. Nothing was changed.")]
    NotABackup,
    /// Made by a newer build: a higher backup `version` or `schema_version`.
    #[error(
        "This backup was made by a newer version of Rapport ({what} {found}); \
         this version reads up to {supported}. Nothing was changed."
    )]
    TooNew {
        /// `"schema"` or `"backup format"`.
        what: &'static str,
        /// The version in the file.
        found: u64,
        /// The newest version this build reads.
        supported: u64,
    },
    /// The header or the layout is not what a backup has.
    #[error("This Rapport backup is damaged: {0}. Nothing was changed.")]
    Damaged(String),
    /// A collection this build does not know.
    #[error(
        "This backup holds “{0}” records, which this version of Rapport does not know. \
         Nothing was changed."
    )]
    UnknownCollection(String),
    /// A record that does not decode.
    #[error(
        "Record {number} of {collection} in this backup could not be read ({reason}). \
         Nothing was changed."
    )]
    BadRecord {
        /// The collection.
        collection: &'static str,
        /// The position in the file's list, from 1.
        number: usize,
        /// The decoder's message.
        reason: String,
    },
    /// A record that decodes but does not validate.
    #[error(
        "Record {number} of {collection} in this backup is invalid: {errors}. Nothing was changed."
    )]
    InvalidRecord {
        /// The collection.
        collection: &'static str,
        /// The position in the file's list, from 1.
        number: usize,
        /// What is wrong.
        errors: ValidationErrors,
    },
    /// The same id twice in one collection.
    #[error("This backup lists {collection} record {id} twice. Nothing was changed.")]
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
