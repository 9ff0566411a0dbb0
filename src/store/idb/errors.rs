//! IndexedDB failures as `StoreError`s: the `idb` crate's errors mapped to
//! named ones (a full quota above all), and the storage estimate that tells
//! an aborted commit for lack of space from any other abort.

use crate::store::StoreError;
use wasm_bindgen::JsCast;

/// Whether this origin's storage is at least 98 % used (or its quota is
/// unknown to be otherwise).
pub(super) async fn storage_nearly_full() -> bool {
    let Some(storage) = storage_manager() else {
        return false;
    };
    let Ok(promise) = storage.estimate() else {
        return false;
    };
    let Ok(estimate) = wasm_bindgen_futures::JsFuture::from(promise).await else {
        return false;
    };
    let estimate: web_sys::StorageEstimate = estimate.unchecked_into();
    match (estimate.get_usage(), estimate.get_quota()) {
        (Some(usage), Some(quota)) if quota > 0.0 => usage / quota >= 0.98,
        _ => false,
    }
}

/// The storage manager of the page or the worker this runs in.
fn storage_manager() -> Option<web_sys::StorageManager> {
    if let Some(window) = web_sys::window() {
        return Some(window.navigator().storage());
    }
    js_sys::global()
        .dyn_into::<web_sys::WorkerGlobalScope>()
        .ok()
        .map(|scope| scope.navigator().storage())
}

pub(super) fn map_error(error: idb::Error) -> StoreError {
    let name_of = |e: &web_sys::DomException| e.name();
    match &error {
        idb::Error::DomException(e) if name_of(e) == "QuotaExceededError" => {
            StoreError::QuotaExceeded
        }
        idb::Error::DomException(e) => {
            StoreError::Backend(format!("{}: {}", e.name(), e.message()))
        }
        other => {
            let text = format!("{other:?}");
            if text.contains("QuotaExceededError") {
                StoreError::QuotaExceeded
            } else {
                StoreError::Backend(text)
            }
        }
    }
}
