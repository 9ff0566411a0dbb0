//! The UI language: chosen in Settings, kept in localStorage through
//! `gloo-storage`, and otherwise the browser's own (`navigator.language`:
//! any Chinese is 简体中文, the rest English). Applying it sets the core's
//! current language ([`rapport_core::i18n::set_lang`]), which every text
//! and date reads, and `lang` on `<html>`; the shell re-renders on a change.

use gloo_storage::{LocalStorage, Storage};
use rapport_core::i18n::{set_lang, Lang};

/// The localStorage key of the language setting (a BCP 47 tag).
pub const LANG_KEY: &str = "rapport.lang";

/// The stored language, or the browser's when none is stored.
pub fn load() -> Lang {
    LocalStorage::get::<String>(LANG_KEY)
        .map(|tag| Lang::from_tag(&tag))
        .unwrap_or_else(|_| browser_language())
}

/// The language the browser asks for.
fn browser_language() -> Lang {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .map_or(Lang::En, |tag| Lang::from_tag(&tag))
}

/// Stores the language and applies it.
pub fn save_and_apply(lang: Lang) -> Result<(), gloo_storage::errors::StorageError> {
    apply(lang);
    LocalStorage::set(LANG_KEY, lang.tag())
}

/// Makes `lang` the language of every text and sets `<html lang>`.
pub fn apply(lang: Lang) {
    set_lang(lang);
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        // Setting an attribute on <html> cannot fail for a valid name.
        let _ = root.set_attribute("lang", lang.tag());
    }
}
