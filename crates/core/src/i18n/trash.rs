//! Texts of the Trash page and the page-not-found page (see [`crate::i18n`]).

crate::texts! {}
