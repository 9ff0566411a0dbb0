//! Texts of errors (see [`crate::i18n`]).

crate::texts! {}
