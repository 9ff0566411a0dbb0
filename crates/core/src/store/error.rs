//! Store errors, and the sentences the user sees for them.

use crate::model::{Id, ValidationErrors};

/// Why a store operation failed. Nothing was written when one is returned.
#[derive(Debug, Clone, thiserror::Error)]
pub enum StoreError {
    /// A put was based on a version that is no longer the stored one: another
    /// tab (or an earlier edit) changed or created the record meanwhile.
    #[error(
        "{collection} record {id} changed meanwhile (expected version {expected}, found {found:?})"
    )]
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
    #[error("{collection} record {id} is invalid: {errors}")]
    Invalid {
        /// The collection.
        collection: &'static str,
        /// The record.
        id: Id,
        /// What is wrong.
        errors: ValidationErrors,
    },
    /// The browser's storage quota is used up.
    #[error("storage quota exceeded")]
    QuotaExceeded,
    /// Another tab opened a newer version of the database.
    #[error("the database was upgraded by another tab")]
    VersionChanged,
    /// The database is newer than this version of the app.
    #[error("the database has schema version {found}, newer than this app's {supported}")]
    TooNew {
        /// The stored schema version.
        found: u32,
        /// The newest version this build knows.
        supported: u32,
    },
    /// The database is still being opened (the first moments after load).
    #[error("the database is still opening")]
    Opening,
    /// IndexedDB cannot be used (private mode, disabled, …).
    #[error("IndexedDB is unavailable: {0}")]
    Unavailable(String),
    /// A stored record could not be decoded.
    #[error("{collection} record {id} could not be read: {reason}")]
    Corrupt {
        /// The collection.
        collection: &'static str,
        /// The record.
        id: Id,
        /// The decoder's message.
        reason: String,
    },
    /// A record could not be encoded.
    #[error("a record could not be encoded: {0}")]
    Encode(String),
    /// Any other database failure.
    #[error("the database reported: {0}")]
    Backend(String),
    /// The data is encrypted and no key is loaded (not unlocked yet, or
    /// locked again).
    #[error("the data is encrypted and locked")]
    Locked,
    /// Encrypting or decrypting failed (wrong passphrase, damaged value).
    #[error("encryption: {0}")]
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
            StoreError::Conflict { .. } => "This record was changed in another tab or window since you opened it. \
                 Your edit was not saved, so nothing was overwritten: reload to see the latest version, then make your change again."
                .into(),
            StoreError::Invalid { errors, .. } => format!("Not saved: {errors}"),
            StoreError::QuotaExceeded => "The browser's storage for Rapport is full, so nothing was saved. \
                 Free space (Settings shows usage), or export a backup and remove old records."
                .into(),
            StoreError::Opening => "Rapport is still opening your data. Try again in a moment.".into(),
            StoreError::VersionChanged => "Rapport was updated in another tab. Reload this tab to continue.".into(),
            StoreError::TooNew { .. } => "This browser's data was written by a newer version of Rapport. \
                 Open that version, or reload to get it; nothing was changed."
                .into(),
            StoreError::Unavailable(_) => "This browser does not let Rapport store data (IndexedDB is unavailable — \
                 private browsing or a blocked site setting?). Nothing can be saved."
                .into(),
            StoreError::Locked => "Rapport is locked. Unlock it with your passphrase to continue; nothing was changed.".into(),
            StoreError::Seal(e) => seal_sentence(e),
            other => format!("Something went wrong while reading or saving data: {other}. Nothing was changed."),
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
        SealError::WrongPassphrase => "That passphrase is not the right one. Nothing was changed.".into(),
        SealError::Locked => "Rapport is locked. Unlock it with your passphrase to continue; nothing was changed.".into(),
        SealError::AlreadyOn => "Encryption is already on.".into(),
        SealError::NotOn => "Encryption is off, so there is nothing to unlock or turn off.".into(),
        SealError::Damaged { .. } => format!("Some stored data could not be decrypted ({e}). Nothing was changed; a backup restores it."),
        SealError::Format(_) | SealError::Params(_) => format!("The encrypted data is not in a form this version of Rapport reads ({e}). Nothing was changed."),
        SealError::Random(_) => "The browser gave no randomness for a new key, so encryption was not turned on. Nothing was changed.".into(),
    }
}
