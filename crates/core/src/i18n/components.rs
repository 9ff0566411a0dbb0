//! Texts of the shared components (palette, toasts, unlock screen, demo loader, forms, filters, pickers, job status) (see [`crate::i18n`]).

crate::texts! {}
