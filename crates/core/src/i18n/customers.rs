//! Texts of the Customers list and the new-customer form (see [`crate::i18n`]).

crate::texts! {}
