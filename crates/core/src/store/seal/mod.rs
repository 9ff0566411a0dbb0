//! Encryption at rest, as pure logic: the sealed-value format, the key check,
//! the encryption record kept in the database's `meta` store, and the state
//! machine of turning encryption on or off (rewriting every page in batches,
//! resumable after a reload). Encrypted backups use the same format
//! ([`backup`]).
//!
//! What is sealed is each page value of the paged layout (a page's head and
//! its body, see [`crate::store::page`]): one string in, one string out.
//! A sealed value is [`SEALED_PREFIX`] then the base64 of a 96-bit nonce and
//! the AES-256-GCM ciphertext with its tag. The prefix can never start a
//! plain value (those are JSON, starting with `{`, `[` or `null`), so every
//! value says whether it is sealed: a store half-way through turning
//! encryption on or off reads each page either way, which is what makes the
//! rewrite safe to interrupt. The additional authenticated data names what
//! the value is (`customers/head`, `key-check`), so a head cannot be passed
//! off as a body or as another collection's page.
//!
//! The key is 256 bits derived from the passphrase by PBKDF2-SHA-256 with at
//! least [`MIN_ITERATIONS`] iterations and a random salt ([`KdfParams`]); the
//! derivation itself runs in the browser's WebCrypto (app crate,
//! `src/store/idb/crypto.rs`). AES-GCM runs here, in Rust, because it must
//! run synchronously inside an IndexedDB transaction: awaiting a WebCrypto
//! promise there lets the transaction commit early.

mod auto_lock;
pub mod backup;
mod record;
#[cfg(test)]
mod tests;

pub use auto_lock::AutoLock;
pub use record::{Cursor, EncryptionRecord, Phase, RewriteBatch, Target, ENCRYPTION_META_KEY};

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use rand::RngCore;
use serde::{Deserialize, Serialize};

use crate::i18n::errors as t;

/// What every sealed value starts with: format version 1.
pub const SEALED_PREFIX: &str = "~rse1:";

/// The fewest PBKDF2 iterations accepted (OWASP's 2023 figure for
/// PBKDF2-HMAC-SHA-256).
pub const MIN_ITERATIONS: u32 = 600_000;

/// The iterations used for new keys.
pub const DEFAULT_ITERATIONS: u32 = 600_000;

/// The most iterations accepted from a stored record (a damaged or hostile
/// record must not make unlocking take hours).
pub const MAX_ITERATIONS: u32 = 10_000_000;

/// The bytes of a salt.
pub const SALT_BYTES: usize = 16;

/// The bytes of a nonce (96 bits, as AES-GCM wants).
pub const NONCE_BYTES: usize = 12;

/// The plaintext of the key-check value.
const CHECK_PLAINTEXT: &str = "Rapport key check v1";
/// The additional data of the key-check value.
const CHECK_LABEL: &str = "key-check";

/// Why sealing or opening failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    /// The passphrase does not open the key check.
    #[error("{}", t::seal_wrong_passphrase())]
    WrongPassphrase,
    /// A sealed value was read without a key.
    #[error("{}", t::store_locked())]
    Locked,
    /// A sealed value does not open with the key (damaged or tampered with).
    #[error("{}", t::seal_damaged(.label))]
    Damaged {
        /// What the value is.
        label: String,
    },
    /// A sealed value or record is not in a known format.
    #[error("{}", t::seal_format(.0))]
    Format(String),
    /// The stored key parameters are out of the accepted range.
    #[error("{}", t::seal_params(.0))]
    Params(String),
    /// Encryption is already on (or being turned on or off).
    #[error("{}", t::seal_already_on())]
    AlreadyOn,
    /// Encryption is off.
    #[error("{}", t::seal_not_on())]
    NotOn,
    /// A salt or nonce could not be drawn from the system's randomness.
    #[error("{}", t::seal_random(.0))]
    Random(String),
}

/// A 256-bit AES-GCM key.
#[derive(Clone)]
pub struct Key {
    cipher: Aes256Gcm,
    bytes: [u8; 32],
}

/// A key on its way to the worker (base64 of its bytes). Its `Debug`
/// shows nothing of it, so a logged request does not leak it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LentKey(String);

impl std::fmt::Debug for LentKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LentKey(..)")
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(..)")
    }
}

impl Key {
    /// The key from its 32 bytes (as PBKDF2 derived them).
    pub fn from_bytes(bytes: &[u8; 32]) -> Key {
        Key {
            cipher: Aes256Gcm::new(bytes.into()),
            bytes: *bytes,
        }
    }

    /// The key's bytes.
    pub fn to_bytes(&self) -> [u8; 32] {
        self.bytes
    }

    /// The key as it travels from the unlocked page to its own analysis
    /// worker, inside the job's request (posted to that worker alone).
    pub fn lend(&self) -> LentKey {
        LentKey(BASE64.encode(self.bytes))
    }

    /// The key a [`LentKey`] carries (`None` if it is not one).
    pub fn from_lent(lent: &LentKey) -> Option<Key> {
        let bytes: [u8; 32] = BASE64.decode(&lent.0).ok()?.try_into().ok()?;
        Some(Key::from_bytes(&bytes))
    }

    /// Seals `plaintext` labelled `label` with a fresh random nonce.
    pub fn seal(&self, label: &str, plaintext: &str) -> Result<String, SealError> {
        let mut nonce = [0u8; NONCE_BYTES];
        random_bytes(&mut nonce)?;
        self.seal_with_nonce(&nonce, label, plaintext)
    }

    /// Seals with a given nonce (tests; every real write uses [`Key::seal`]).
    pub fn seal_with_nonce(
        &self,
        nonce: &[u8; NONCE_BYTES],
        label: &str,
        plaintext: &str,
    ) -> Result<String, SealError> {
        let sealed = self
            .cipher
            .encrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: plaintext.as_bytes(),
                    aad: label.as_bytes(),
                },
            )
            .map_err(|_| SealError::Format("the value is too long to encrypt".into()))?;
        let mut bytes = Vec::with_capacity(NONCE_BYTES + sealed.len());
        bytes.extend_from_slice(nonce);
        bytes.extend_from_slice(&sealed);
        let mut out = String::with_capacity(SEALED_PREFIX.len() + bytes.len() * 4 / 3 + 4);
        out.push_str(SEALED_PREFIX);
        BASE64.encode_string(&bytes, &mut out);
        Ok(out)
    }

    /// Opens a value sealed with this key and label.
    pub fn open(&self, label: &str, sealed: &str) -> Result<String, SealError> {
        let Some(encoded) = sealed.strip_prefix(SEALED_PREFIX) else {
            return Err(SealError::Format("the value is not sealed".into()));
        };
        let bytes = BASE64
            .decode(encoded)
            .map_err(|e| SealError::Format(e.to_string()))?;
        if bytes.len() < NONCE_BYTES + 16 {
            return Err(SealError::Format("the value is too short".into()));
        }
        let (nonce, ciphertext) = bytes.split_at(NONCE_BYTES);
        let plain = self
            .cipher
            .decrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: ciphertext,
                    aad: label.as_bytes(),
                },
            )
            .map_err(|_| SealError::Damaged {
                label: label.to_owned(),
            })?;
        String::from_utf8(plain).map_err(|_| SealError::Damaged {
            label: label.to_owned(),
        })
    }

    /// The key-check value: a known constant sealed with this key, stored so
    /// a later passphrase can be tested before anything is read or written.
    pub fn check_value(&self) -> Result<String, SealError> {
        self.seal(CHECK_LABEL, CHECK_PLAINTEXT)
    }

    /// Whether this key opens `check` (made by [`Key::check_value`]);
    /// [`SealError::WrongPassphrase`] when it does not.
    pub fn verify(&self, check: &str) -> Result<(), SealError> {
        match self.open(CHECK_LABEL, check) {
            Ok(text) if text == CHECK_PLAINTEXT => Ok(()),
            Ok(_) | Err(SealError::Damaged { .. }) => Err(SealError::WrongPassphrase),
            Err(other) => Err(other),
        }
    }
}

/// Whether a stored value is sealed (else it is plain JSON).
pub fn is_sealed(value: &str) -> bool {
    value.starts_with(SEALED_PREFIX)
}

/// The label (additional authenticated data) of a page value: the collection
/// and which half of the page (`head` or `body`).
pub fn page_label(collection: &str, half: &str) -> String {
    format!("{collection}/{half}")
}

/// Opens `value` if it is sealed (with `key`, else [`SealError::Locked`]);
/// a plain value comes back as it is.
pub fn open_value(key: Option<&Key>, label: &str, value: String) -> Result<String, SealError> {
    if !is_sealed(&value) {
        return Ok(value);
    }
    key.ok_or(SealError::Locked)?.open(label, &value)
}

/// The PBKDF2 parameters a key was derived with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// Always `"PBKDF2-SHA-256"` in this version.
    pub algorithm: String,
    /// The iteration count.
    pub iterations: u32,
    /// The salt, base64.
    pub salt: String,
}

impl KdfParams {
    /// New parameters: [`DEFAULT_ITERATIONS`] and a fresh random salt.
    pub fn fresh() -> Result<KdfParams, SealError> {
        let mut salt = [0u8; SALT_BYTES];
        random_bytes(&mut salt)?;
        Ok(KdfParams {
            algorithm: "PBKDF2-SHA-256".into(),
            iterations: DEFAULT_ITERATIONS,
            salt: BASE64.encode(salt),
        })
    }

    /// The salt's bytes, after checking the parameters are ones this version
    /// accepts (algorithm, iterations within bounds, salt length).
    pub fn checked_salt(&self) -> Result<Vec<u8>, SealError> {
        if self.algorithm != "PBKDF2-SHA-256" {
            return Err(SealError::Params(format!(
                "unknown algorithm {:?}",
                self.algorithm
            )));
        }
        if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&self.iterations) {
            return Err(SealError::Params(format!(
                "{} iterations (accepted: {MIN_ITERATIONS} to {MAX_ITERATIONS})",
                self.iterations
            )));
        }
        let salt = BASE64
            .decode(&self.salt)
            .map_err(|e| SealError::Params(format!("the salt is not base64: {e}")))?;
        if salt.len() < SALT_BYTES {
            return Err(SealError::Params(format!(
                "the salt has {} bytes",
                salt.len()
            )));
        }
        Ok(salt)
    }
}

/// Checks a new passphrase and its confirmation: not empty, and equal.
pub fn check_new_passphrase(passphrase: &str, confirm: &str) -> Result<(), PassphraseError> {
    if passphrase.is_empty() {
        return Err(PassphraseError::Empty);
    }
    if passphrase != confirm {
        return Err(PassphraseError::Mismatch);
    }
    Ok(())
}

/// What is wrong with a new passphrase as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PassphraseError {
    /// Nothing typed.
    #[error("{}", t::passphrase_empty())]
    Empty,
    /// The confirmation differs.
    #[error("{}", t::passphrase_mismatch())]
    Mismatch,
}

/// Fills `out` from the system's randomness (`crypto.getRandomValues` in
/// the browser).
fn random_bytes(out: &mut [u8]) -> Result<(), SealError> {
    rand::rngs::OsRng
        .try_fill_bytes(out)
        .map_err(|e| SealError::Random(e.to_string()))
}
