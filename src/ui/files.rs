//! Files in and out of the browser: reading a picked or dropped `File` in
//! slices (so a 50 MB file never sits in memory as one string and the page
//! stays responsive between slices), and offering text as a download.

use crate::ui::state::yield_to_browser;
use rapport_core::i18n::notices as t;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File, HtmlAnchorElement, Url};

/// How many bytes are read per slice: about 2,000 CSV rows, which the
/// importer checks in roughly 30 ms, so the page answers between slices.
pub const SLICE_BYTES: f64 = 256.0 * 1024.0;

/// Reads `file` slice by slice, calling `on_slice(bytes, fraction read)`;
/// stops early (returning `Ok(false)`) when `on_slice` returns false.
pub async fn read_slices(
    file: &File,
    mut on_slice: impl FnMut(&[u8], f64) -> bool,
) -> Result<bool, String> {
    let size = file.size();
    let mut start = 0.0;
    while start < size {
        let end = (start + SLICE_BYTES).min(size);
        let blob = file
            .slice_with_f64_and_f64(start, end)
            .map_err(|_| t::file_unreadable().to_string())?;
        let buffer = JsFuture::from(blob.array_buffer())
            .await
            .map_err(|_| t::file_gone().to_string())?;
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        if !on_slice(&bytes, end / size) {
            return Ok(false);
        }
        start = end;
        yield_to_browser().await;
    }
    Ok(true)
}

/// Reads the whole of a (small) file as bytes. Nothing is reserved up front
/// from the file's claimed size: callers check the size first and refuse
/// a file too large to hold.
pub async fn read_all(file: &File) -> Result<Vec<u8>, String> {
    let mut all = Vec::new();
    read_slices(file, |bytes, _| {
        all.extend_from_slice(bytes);
        true
    })
    .await?;
    Ok(all)
}

/// Offers `text` as a download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let bag = BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &bag)
        .map_err(|_| t::download_unprepared().to_string())?;
    let url = Url::create_object_url_with_blob(&blob)
        .map_err(|_| t::download_unprepared().to_string())?;
    let link = leptos::prelude::document()
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<HtmlAnchorElement>().ok())
        .ok_or_else(|| t::download_unstarted().to_string())?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Let the download start before the address goes.
    leptos::task::spawn_local(async move {
        crate::ui::state::sleep_ms(60_000).await;
        let _ = Url::revoke_object_url(&url);
    });
    Ok(())
}
