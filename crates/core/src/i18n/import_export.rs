//! Texts of import_export (see [`crate::i18n`]).

crate::texts! {}
