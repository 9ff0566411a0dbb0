//! Texts of a customer's page and a note's page (see [`crate::i18n`]).

crate::texts! {}
