//! Texts of the core's error messages (see [`crate::i18n`]).

crate::texts! {}
