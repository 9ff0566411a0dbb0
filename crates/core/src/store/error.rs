//! Store errors, and the sentences the user sees for them.

use crate::i18n::{errors as t, terms};
use crate::model::{Id, ValidationErrors};

/// Why a store operation failed. Nothing was written when one is returned.
#[derive(Debug, Clone, thiserror::Error)]
pub enum StoreError {
    /// A put was based on a version that is no longer the stored one: another
    /// tab (or an earlier edit) changed or created the record meanwhile.
    #[error("{}", t::store_conflict(terms::translate(.collection), .id, .expected, .found))]
    Conflict {
        /// The collection.
        collection: &'static str,
        /// The record.
        id: Id,
        /// The version the edit was based on (0: expected no record).
        expected: u64,
        /// The stored version, if any.
        found: Option<u64>,
    },
    /// The record does not validate.
    #[error("{}", t::store_invalid(terms::translate(.collection), .id, .errors))]
    Invalid {
        /// The collection.
        collection: &'static str,
        /// The record.
        id: Id,
        /// What is wrong.
        errors: ValidationErrors,
    },
    /// The browser's storage quota is used up.
    #[error("{}", t::store_quota())]
    QuotaExceeded,
    /// Another tab opened a newer version of the database.
    #[error("{}", t::store_version_changed())]
    VersionChanged,
    /// The database is newer than this version of the app.
    #[error("{}", t::store_too_new(.found, .supported))]
    TooNew {
        /// The stored schema version.
        found: u32,
        /// The newest version this build knows.
        supported: u32,
    },
    /// The database is still being opened (the first moments after load).
    #[error("{}", t::store_opening())]
    Opening,
    /// IndexedDB cannot be used (private mode, disabled, …).
    #[error("{}", t::store_unavailable(.0))]
    Unavailable(String),
    /// A stored record could not be decoded.
    #[error("{}", t::store_corrupt(terms::translate(.collection), .id, .reason))]
    Corrupt {
        /// The collection.
        collection: &'static str,
        /// The record.
        id: Id,
        /// The decoder's message.
        reason: String,
    },
    /// A record could not be encoded.
    #[error("{}", t::store_encode(.0))]
    Encode(String),
    /// Any other database failure.
    #[error("{}", t::store_backend(.0))]
    Backend(String),
    /// The data is encrypted and no key is loaded (not unlocked yet, or
    /// locked again).
    #[error("{}", t::store_locked())]
    Locked,
    /// Encrypting or decrypting failed (wrong passphrase, damaged value).
    #[error("{}", t::store_seal(.0))]
    Seal(crate::store::seal::SealError),
}

impl From<crate::store::seal::SealError> for StoreError {
    fn from(e: crate::store::seal::SealError) -> StoreError {
        match e {
            crate::store::seal::SealError::Locked => StoreError::Locked,
            other => StoreError::Seal(other),
        }
    }
}

impl StoreError {
    /// The sentence shown to the user.
    pub fn user_message(&self) -> String {
        match self {
            StoreError::Conflict { .. } => t::say_conflict().into(),
            StoreError::Invalid { errors, .. } => t::say_not_saved(errors),
            StoreError::QuotaExceeded => t::say_quota().into(),
            StoreError::Opening => t::say_opening().into(),
            StoreError::VersionChanged => t::say_version_changed().into(),
            StoreError::TooNew { .. } => t::say_too_new().into(),
            StoreError::Unavailable(_) => t::say_unavailable().into(),
            StoreError::Locked => t::say_locked().into(),
            StoreError::Seal(e) => seal_sentence(e),
            other => t::say_store_failed(other),
        }
    }

    /// Whether reloading the page is the way out.
    pub fn offers_reload(&self) -> bool {
        matches!(
            self,
            StoreError::Conflict { .. } | StoreError::VersionChanged | StoreError::TooNew { .. }
        )
    }
}

/// The sentence for an encryption failure.
fn seal_sentence(e: &crate::store::seal::SealError) -> String {
    use crate::store::seal::SealError;
    match e {
        SealError::WrongPassphrase => t::say_wrong_passphrase().into(),
        SealError::Locked => t::say_locked().into(),
        SealError::AlreadyOn => t::say_already_encrypted().into(),
        SealError::NotOn => t::say_not_encrypted().into(),
        SealError::Damaged { .. } => t::say_seal_damaged(e),
        SealError::Format(_) | SealError::Params(_) => t::say_seal_format(e),
        SealError::Random(_) => t::say_no_randomness().into(),
    }
}
