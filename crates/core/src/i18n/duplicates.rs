//! Texts of duplicates (see [`crate::i18n`]).

crate::texts! {}
