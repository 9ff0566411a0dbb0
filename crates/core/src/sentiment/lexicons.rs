//! Where the scorers' three lexicon texts come from. They are ≈ 210 KB of
//! text, so the page's module does not carry them: the page fetches the
//! files (`dist/` holds them, the service worker caches them) the first time
//! it shows a sentiment and [`install`]s them; the analysis worker, the
//! native build and the tests use the copies compiled in
//! ([`install_embedded`], and the native fallback in `texts`). Code that is
//! never called is not linked, so a module that never calls
//! [`install_embedded`] does not hold the texts.
//!
//! Until the texts are installed every lexicon is empty and every text
//! scores neutral: a caller on the page awaits its installation first.

use std::sync::OnceLock;

/// The lexicon files, as `dist/` serves them: (file name, what it is).
pub const FILES: [&str; 3] = ["vader_lexicon.tsv", "emoji_single.tsv", "zh_lexicon.tsv"];

/// The three texts, in the formats of `data/`.
#[derive(Debug, Clone, Copy)]
pub struct Texts {
    /// `vader_lexicon.tsv`: word, tab, mean valence, one per line.
    pub vader: &'static str,
    /// `emoji_single.tsv`: emoji, tab, description.
    pub emoji: &'static str,
    /// `zh_lexicon.tsv`: term, tab, valence.
    pub zh: &'static str,
}

static INSTALLED: OnceLock<Texts> = OnceLock::new();

/// The texts compiled into this module.
fn embedded() -> Texts {
    Texts {
        vader: include_str!("data/vader_lexicon.tsv"),
        emoji: include_str!("data/emoji_single.tsv"),
        zh: include_str!("data/zh_lexicon.tsv"),
    }
}

/// Installs the compiled-in texts (the worker calls it as it starts).
/// Does nothing if texts are installed already.
pub fn install_embedded() {
    INSTALLED.get_or_init(embedded);
}

/// Installs fetched texts, in [`FILES`]' order; they live as long as the
/// module (installed once, so this leaks at most one copy). Returns whether
/// these were installed (false if texts were installed already).
pub fn install(vader: String, emoji: String, zh: String) -> bool {
    let mut fresh = false;
    INSTALLED.get_or_init(|| {
        fresh = true;
        Texts {
            vader: Box::leak(vader.into_boxed_str()),
            emoji: Box::leak(emoji.into_boxed_str()),
            zh: Box::leak(zh.into_boxed_str()),
        }
    });
    fresh
}

/// Whether the texts are installed, so that [`super::score`] scores.
pub fn installed() -> bool {
    texts().is_some()
}

/// The installed texts. Natively they are the compiled-in ones unless
/// others were installed first; in wasm, `None` until installed.
#[cfg(target_arch = "wasm32")]
pub(crate) fn texts() -> Option<&'static Texts> {
    INSTALLED.get()
}

/// The installed texts. Natively they are the compiled-in ones unless
/// others were installed first; in wasm, `None` until installed.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn texts() -> Option<&'static Texts> {
    Some(INSTALLED.get_or_init(embedded))
}

/// A lexicon parsed from the installed texts and kept in `cell` for the
/// module's life; until the texts are installed, the `empty` one (so that
/// nothing parsed from no text is kept).
pub(crate) fn parsed<T: Send + Sync>(
    cell: &'static OnceLock<T>,
    empty: &'static OnceLock<T>,
    parse: impl FnOnce(&'static Texts) -> T,
    make_empty: impl FnOnce() -> T,
) -> &'static T {
    match texts() {
        Some(t) => cell.get_or_init(|| parse(t)),
        None => empty.get_or_init(make_empty),
    }
}
