//! Encrypted backups: a backup file's text sealed whole with a key derived
//! from a passphrase, under the same scheme as the store (PBKDF2-SHA-256,
//! AES-256-GCM, the value format of [`super::Key::seal`]), wrapped in a small
//! JSON document that carries the key parameters. A restore recognises the
//! wrapper by its first field and asks for the passphrase.

use super::{KdfParams, Key, SealError};
use serde::{Deserialize, Serialize};

/// The `format` field of an encrypted backup.
pub const ENCRYPTED_BACKUP_FORMAT: &str = "rapport-encrypted-backup";

/// The label (additional data) the backup text is sealed under.
const BACKUP_LABEL: &str = "backup";

/// An encrypted backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedBackup {
    /// Always [`ENCRYPTED_BACKUP_FORMAT`]; written first, so a file is
    /// recognised by its opening bytes.
    pub format: String,
    /// The wrapper's version (1).
    pub version: u32,
    /// How the key is derived from the passphrase.
    pub kdf: KdfParams,
    /// The sealed backup text.
    pub data: String,
}

impl SealedBackup {
    /// Seals a backup's text with `key` (derived with `kdf`).
    pub fn seal(key: &Key, kdf: KdfParams, text: &str) -> Result<SealedBackup, SealError> {
        Ok(SealedBackup {
            format: ENCRYPTED_BACKUP_FORMAT.into(),
            version: 1,
            kdf,
            data: key.seal(BACKUP_LABEL, text)?,
        })
    }

    /// The file's text.
    pub fn to_json(&self) -> String {
        // Strings and numbers only: always serialises.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads an encrypted backup file.
    pub fn parse(text: &str) -> Result<SealedBackup, SealError> {
        let backup: SealedBackup = serde_json::from_str(text)
            .map_err(|e| SealError::Format(format!("the encrypted backup: {e}")))?;
        if backup.format != ENCRYPTED_BACKUP_FORMAT || backup.version != 1 {
            return Err(SealError::Format(format!(
                "{} version {}",
                backup.format, backup.version
            )));
        }
        Ok(backup)
    }

    /// The backup's text; [`SealError::WrongPassphrase`] when `key` is not
    /// the one it was sealed with.
    pub fn open(&self, key: &Key) -> Result<String, SealError> {
        key.open(BACKUP_LABEL, &self.data).map_err(|e| match e {
            SealError::Damaged { .. } => SealError::WrongPassphrase,
            other => other,
        })
    }
}

/// Whether a file's text is an encrypted backup (by its opening bytes,
/// without parsing a possibly large plain backup).
pub fn is_encrypted_backup(text: &str) -> bool {
    let start: String = text
        .trim_start()
        .chars()
        .take(64)
        .filter(|c| !c.is_whitespace())
        .collect();
    start.starts_with(&format!("{{\"format\":\"{ENCRYPTED_BACKUP_FORMAT}\""))
}
