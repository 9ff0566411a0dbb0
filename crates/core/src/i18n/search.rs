//! Texts of the Search page (see [`crate::i18n`]).

crate::texts! {}
