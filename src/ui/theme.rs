//! The light/dark theme: chosen in Settings, kept in localStorage through
//! `gloo-storage`, applied as `data-theme` on `<html>` (the stylesheet's
//! custom properties switch on it). `index.html` applies the stored choice
//! before the first paint so there is no flash of the wrong theme.

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

/// The localStorage key of the theme setting.
pub const THEME_KEY: &str = "rapport.theme";

/// A colour theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Dark text on light surfaces.
    #[default]
    Light,
    /// Light text on dark surfaces.
    Dark,
}

impl Theme {
    /// The value of the `data-theme` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The stored theme, or the browser's preference when none is stored.
    pub fn load() -> Theme {
        LocalStorage::get(THEME_KEY).unwrap_or_else(|_| Theme::preferred())
    }

    fn preferred() -> Theme {
        let dark = web_sys::window()
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
            .is_some_and(|m| m.matches());
        if dark {
            Theme::Dark
        } else {
            Theme::Light
        }
    }

    /// Stores the theme and applies it to the document.
    pub fn save_and_apply(self) -> Result<(), gloo_storage::errors::StorageError> {
        self.apply();
        LocalStorage::set(THEME_KEY, self)
    }

    /// Sets `data-theme` on the root element.
    pub fn apply(self) {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            // Setting an attribute on <html> cannot fail for a valid name.
            let _ = root.set_attribute("data-theme", self.as_str());
        }
    }
}
