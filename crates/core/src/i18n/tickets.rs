//! Texts of tickets (see [`crate::i18n`]).

crate::texts! {}
