//! Texts of customers (see [`crate::i18n`]).

crate::texts! {}
