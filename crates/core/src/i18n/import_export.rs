//! Texts of the Import & export page and the import history (see [`crate::i18n`]).

crate::texts! {}
