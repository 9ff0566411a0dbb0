//! Texts of the Tasks page (see [`crate::i18n`]).

crate::texts! {}
