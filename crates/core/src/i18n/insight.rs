//! Texts of insight (see [`crate::i18n`]).

crate::texts! {}
