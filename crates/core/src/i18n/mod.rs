//! The words the app shows, in every language it speaks: English and
//! Simplified Chinese (简体中文).
//!
//! A typed catalogue. Each area of the app has a module here whose entries
//! are written with [`texts!`]: a name, optional typed arguments, the
//! English and the Chinese text. Each entry becomes a function that returns
//! the text in the current language ([`lang`]), so the compiler refuses a
//! key that is missing or a call with the wrong arguments, and an entry
//! without both languages does not parse. The tests below check every entry
//! of every module: no empty text, the same `{placeholders}` in both
//! languages, and a Chinese text that is not the English one left in place.
//!
//! The current language is one per thread (the page's, and the worker's):
//! the UI sets it from the stored setting before it renders, and re-renders
//! when it changes. Error enums across the core take their `Display` from
//! here too, so a message reaches the UI already in the user's language.
//! Numbers and dates are formatted for the language by [`crate::format`].

use std::cell::Cell;

pub mod analysis_errors;
pub mod analysis_labels;
pub mod analytics;
pub mod campaigns;
pub mod changes;
pub mod common;
pub mod components;
pub mod customer;
pub mod customers;
pub mod dashboard;
pub mod duplicates;
pub mod errors;
pub mod import_export;
pub mod import_fields;
pub mod import_report;
pub mod insight;
pub mod io_errors;
pub mod jobs;
pub mod labels;
pub mod notices;
pub mod orders;
pub mod pipeline;
pub mod search;
pub mod settings;
pub mod shell;
pub mod tasks;
pub mod terms;
pub mod tickets;
pub mod trash;

/// A language of the UI.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// Every language, in the order the language switch lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The BCP 47 tag: the stored setting and `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// The language of a stored tag or of a browser's `navigator.language`
    /// (`zh`, `zh-CN`, `zh-Hans-SG` … are Chinese); anything else is English.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The language's name in that language, as the switch shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "简体中文",
        }
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The language texts are given in on this thread.
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// Makes `lang` the language of every text asked for on this thread.
pub fn set_lang(lang: Lang) {
    CURRENT.with(|current| current.set(lang));
}

/// Runs `f` with `lang` as the current language, then puts the previous one
/// back (for tests, and for text made for another reader).
pub fn with_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let previous = self::lang();
    set_lang(lang);
    let result = f();
    set_lang(previous);
    result
}

/// One catalogue entry as written: its name, English and Chinese text.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// The function's name.
    pub name: &'static str,
    /// The English text (a format string when the entry takes arguments).
    pub en: &'static str,
    /// The Chinese text (idem).
    pub zh: &'static str,
}

/// Writes catalogue entries as functions, and their table as `ENTRIES`.
///
/// ```ignore
/// texts! {
///     /// The page's heading.
///     title => "Customers", "客户";
///     /// The count under the heading.
///     shown(count: String) => "{count} customers", "{count} 位客户";
/// }
/// ```
///
/// An entry without arguments returns `&'static str`; one with arguments
/// returns a `String`, its texts being `format!` strings over the
/// arguments by name.
#[macro_export]
macro_rules! texts {
    ($( $(#[$doc:meta])* $name:ident $(( $($arg:ident : $ty:ty),* $(,)? ))? => $en:literal, $zh:literal; )*) => {
        $( $crate::texts!(@entry [$(#[$doc])*] $name [$($($arg: $ty),*)?] $en, $zh); )*

        /// Every entry of this module as written (for the catalogue's tests).
        pub const ENTRIES: &[$crate::i18n::Entry] = &[
            $( $crate::i18n::Entry { name: stringify!($name), en: $en, zh: $zh } ),*
        ];
    };
    (@entry [$(#[$doc:meta])*] $name:ident [] $en:literal, $zh:literal) => {
        #[doc = concat!("“", $en, "” / “", $zh, "”.")]
        $(#[$doc])*
        pub fn $name() -> &'static str {
            match $crate::i18n::lang() {
                $crate::i18n::Lang::En => $en,
                $crate::i18n::Lang::Zh => $zh,
            }
        }
    };
    (@entry [$(#[$doc:meta])*] $name:ident [$($arg:ident : $ty:ty),+] $en:literal, $zh:literal) => {
        #[doc = concat!("“", $en, "” / “", $zh, "”.")]
        $(#[$doc])*
        pub fn $name($($arg: $ty),+) -> String {
            match $crate::i18n::lang() {
                $crate::i18n::Lang::En => format!($en),
                $crate::i18n::Lang::Zh => format!($zh),
            }
        }
    };
}

/// Every module's entries, for the tests.
pub fn all_entries() -> Vec<(&'static str, Entry)> {
    [
        ("analysis_errors", analysis_errors::ENTRIES),
        ("analysis_labels", analysis_labels::ENTRIES),
        ("analytics", analytics::ENTRIES),
        ("campaigns", campaigns::ENTRIES),
        ("changes", changes::ENTRIES),
        ("common", common::ENTRIES),
        ("components", components::ENTRIES),
        ("customer", customer::ENTRIES),
        ("customers", customers::ENTRIES),
        ("dashboard", dashboard::ENTRIES),
        ("duplicates", duplicates::ENTRIES),
        ("errors", errors::ENTRIES),
        ("import_export", import_export::ENTRIES),
        ("import_fields", import_fields::ENTRIES),
        ("import_report", import_report::ENTRIES),
        ("insight", insight::ENTRIES),
        ("io_errors", io_errors::ENTRIES),
        ("jobs", jobs::ENTRIES),
        ("labels", labels::ENTRIES),
        ("notices", notices::ENTRIES),
        ("orders", orders::ENTRIES),
        ("pipeline", pipeline::ENTRIES),
        ("search", search::ENTRIES),
        ("settings", settings::ENTRIES),
        ("shell", shell::ENTRIES),
        ("tasks", tasks::ENTRIES),
        ("terms", terms::ENTRIES),
        ("tickets", tickets::ENTRIES),
        ("trash", trash::ENTRIES),
    ]
    .into_iter()
    .flat_map(|(module, entries)| entries.iter().map(move |e| (module, *e)))
    .collect()
}

#[cfg(test)]
mod tests;
