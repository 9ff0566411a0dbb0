//! Texts of the Analytics page (segments, regression, text and sentiment) (see [`crate::i18n`]).

crate::texts! {}
