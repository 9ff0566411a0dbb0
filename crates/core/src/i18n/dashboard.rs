//! Texts of the Dashboard (see [`crate::i18n`]).

crate::texts! {}
