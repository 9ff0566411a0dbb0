//! Texts of campaigns (see [`crate::i18n`]).

crate::texts! {}
