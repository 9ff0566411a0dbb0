//! The passphrase → key step on the browser's WebCrypto: PBKDF2-SHA-256
//! (`SubtleCrypto.importKey` + `deriveBits`) with the record's salt and
//! iteration count, giving the 256-bit AES-GCM key of
//! [`rapport_core::store::seal::Key`]. The derivation is the slow,
//! deliberately expensive part (≥ 600,000 iterations), so it runs in the
//! browser's native code; sealing and opening pages is Rust (see the core's
//! `seal` module for why).

use crate::store::seal::{KdfParams, Key, SealError};
use crate::store::StoreError;
use js_sys::{Array, Object, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The key for `passphrase` under `params` (checked first: algorithm,
/// iterations within bounds, salt length).
pub async fn derive_key(passphrase: &str, params: &KdfParams) -> Result<Key, StoreError> {
    let salt = params.checked_salt()?;
    let bits = derive_bits(passphrase, &salt, params.iterations).await?;
    Ok(Key::from_bytes(&bits))
}

/// PBKDF2-SHA-256 of `passphrase` and `salt` with `iterations`, 32 bytes,
/// computed by WebCrypto. Public for the browser test that checks it on a
/// published test vector; everything else goes through [`derive_key`].
pub async fn derive_bits(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<[u8; 32], StoreError> {
    let fail =
        |what: &str, e: JsValue| StoreError::Seal(SealError::Format(format!("{what}: {e:?}")));
    let subtle = subtle().ok_or_else(|| {
        StoreError::Unavailable("this browser has no WebCrypto (crypto.subtle)".into())
    })?;
    let raw = Uint8Array::from(passphrase.as_bytes());
    let algorithm = Object::new();
    js_sys::Reflect::set(&algorithm, &"name".into(), &"PBKDF2".into())
        .map_err(|e| fail("PBKDF2", e))?;
    let usages = Array::of1(&"deriveBits".into());
    let base = subtle
        .import_key_with_object("raw", &raw, &algorithm, false, &usages)
        .map_err(|e| fail("importKey", e))?;
    let base: web_sys::CryptoKey = JsFuture::from(base)
        .await
        .map_err(|e| fail("importKey", e))?
        .unchecked_into();
    let params = web_sys::Pbkdf2Params::new(
        "PBKDF2",
        &"SHA-256".into(),
        iterations,
        &Uint8Array::from(salt),
    );
    let bits = subtle
        .derive_bits_with_object(&params, &base, 256)
        .map_err(|e| fail("deriveBits", e))?;
    let bits = JsFuture::from(bits)
        .await
        .map_err(|e| fail("deriveBits", e))?;
    let bytes = Uint8Array::new(&bits).to_vec();
    bytes
        .try_into()
        .map_err(|_| StoreError::Seal(SealError::Format("deriveBits gave a short key".into())))
}

/// The SubtleCrypto of the page or the worker this runs in.
fn subtle() -> Option<web_sys::SubtleCrypto> {
    let crypto = match web_sys::window() {
        Some(window) => window.crypto().ok()?,
        None => js_sys::global()
            .dyn_into::<web_sys::WorkerGlobalScope>()
            .ok()?
            .crypto()
            .ok()?,
    };
    Some(crypto.subtle())
}
