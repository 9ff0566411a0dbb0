//! Texts of the Pipeline board and the new-deal form (see [`crate::i18n`]).

crate::texts! {}
