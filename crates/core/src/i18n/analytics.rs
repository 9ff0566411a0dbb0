//! Texts of analytics (see [`crate::i18n`]).

crate::texts! {}
