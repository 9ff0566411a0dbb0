//! Sentiment's word lists on the page. They are ≈ 210 KB of text the first
//! screen does not need, so the page's module leaves them out
//! (`rapport_core::sentiment::lexicons`): the first view that shows a
//! sentiment awaits [`ready`], which fetches the three files from the app's
//! own `dist/` (the service worker keeps them with the rest of the build, so
//! this works offline) and installs them for the page's life. Concurrent
//! callers share the one fetch; a failed fetch is tried again by the next
//! caller.

use futures_util::future::{join3, FutureExt, LocalBoxFuture, Shared};
use rapport_core::i18n::components as t;
use rapport_core::sentiment::lexicons::{self, FILES};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why the word lists could not be loaded.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LexiconError {
    /// The server answered, but not with the file (e.g. 404 from a host
    /// that was given an incomplete copy of `dist/`).
    #[error("{file}: HTTP {status}")]
    Status {
        /// The file asked for.
        file: &'static str,
        /// The HTTP status.
        status: u16,
    },
    /// The fetch itself failed (offline before the service worker had the
    /// files, or the page is being closed).
    #[error("{file}: {reason}")]
    Fetch {
        /// The file asked for.
        file: &'static str,
        /// What the browser said.
        reason: String,
    },
}

impl LexiconError {
    /// The sentence shown where the sentiment would be.
    pub fn user_message(&self) -> String {
        match self {
            Self::Status { file, status } => t::lexicon_unavailable(file, format!("HTTP {status}")),
            Self::Fetch { file, reason } => t::lexicon_unavailable(file, reason),
        }
    }
}

type Loading = Shared<LocalBoxFuture<'static, Result<(), LexiconError>>>;

thread_local! {
    static LOADING: RefCell<Option<Loading>> = const { RefCell::new(None) };
}

/// Resolves once the word lists are installed, fetching them the first time.
pub async fn ready() -> Result<(), LexiconError> {
    if lexicons::installed() {
        return Ok(());
    }
    let loading = LOADING.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| fetch_and_install().boxed_local().shared())
            .clone()
    });
    let result = loading.await;
    if result.is_err() {
        LOADING.with(|cell| cell.borrow_mut().take());
    }
    result
}

async fn fetch_and_install() -> Result<(), LexiconError> {
    let [vader, emoji, zh] = FILES;
    let (vader, emoji, zh) = join3(fetch_text(vader), fetch_text(emoji), fetch_text(zh)).await;
    lexicons::install(vader?, emoji?, zh?);
    Ok(())
}

/// The text of one of the app's own files, by its path relative to the
/// document's base (the app's root, wherever it is hosted).
async fn fetch_text(file: &'static str) -> Result<String, LexiconError> {
    let fetch_error = |e: wasm_bindgen::JsValue| LexiconError::Fetch {
        file,
        reason: e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "network error".into()),
    };
    let window = web_sys::window().ok_or_else(|| fetch_error("no window".into()))?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(file))
        .await
        .map_err(fetch_error)?
        .dyn_into()
        .map_err(fetch_error)?;
    if !response.ok() {
        return Err(LexiconError::Status {
            file,
            status: response.status(),
        });
    }
    let text = JsFuture::from(response.text().map_err(fetch_error)?)
        .await
        .map_err(fetch_error)?;
    text.as_string()
        .ok_or_else(|| fetch_error("the file is not text".into()))
}
