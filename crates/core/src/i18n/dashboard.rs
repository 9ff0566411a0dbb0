//! Texts of dashboard (see [`crate::i18n`]).

crate::texts! {}
