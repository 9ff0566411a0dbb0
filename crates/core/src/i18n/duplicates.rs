//! Texts of the Duplicates page (see [`crate::i18n`]).

crate::texts! {}
