//! Texts of tasks (see [`crate::i18n`]).

crate::texts! {}
