//! Texts of pipeline (see [`crate::i18n`]).

crate::texts! {}
