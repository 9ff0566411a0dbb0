//! Texts of the Campaigns list and a campaign's page (see [`crate::i18n`]).

crate::texts! {}
