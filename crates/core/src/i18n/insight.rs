//! Texts of the Insight page (RFM, lifetime value, recommendations, network) (see [`crate::i18n`]).

crate::texts! {}
