//! Texts of the Tickets list, a ticket's page and the new-ticket form (see [`crate::i18n`]).

crate::texts! {}
