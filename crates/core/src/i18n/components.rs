//! Texts of components (see [`crate::i18n`]).

crate::texts! {}
