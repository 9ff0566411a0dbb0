//! Texts of the Orders page and the new-order form (see [`crate::i18n`]).

crate::texts! {}
