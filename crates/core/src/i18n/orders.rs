//! Texts of orders (see [`crate::i18n`]).

crate::texts! {}
