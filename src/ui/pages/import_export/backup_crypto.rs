//! Encrypted backups in the browser: the backup text sealed under a key
//! derived (WebCrypto PBKDF2) from a passphrase typed for the backup, and
//! opened again on restore. The format is the core's
//! ([`crate::store::seal::backup`]).

use crate::store::idb::crypto::derive_key;
use crate::store::seal::backup::SealedBackup;
use crate::store::seal::KdfParams;
use crate::store::StoreError;

/// The encrypted backup file's text for a backup's `text`.
pub async fn seal_backup_text(passphrase: &str, text: &str) -> Result<String, StoreError> {
    let kdf = KdfParams::fresh()?;
    let key = derive_key(passphrase, &kdf).await?;
    Ok(SealedBackup::seal(&key, kdf, text)?.to_json())
}

/// The backup text inside an encrypted backup; a wrong passphrase is
/// `SealError::WrongPassphrase`.
pub async fn open_backup_text(
    passphrase: &str,
    sealed: &SealedBackup,
) -> Result<String, StoreError> {
    let key = derive_key(passphrase, &sealed.kdf).await?;
    Ok(sealed.open(&key)?)
}
