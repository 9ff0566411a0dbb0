//! Texts of customer (see [`crate::i18n`]).

crate::texts! {}
