//! Getting data in and out: CSV import with column mapping and presets for
//! other CRMs' exports, CSV export with formula neutralisation, and the
//! versioned JSON backup. Pure functions over `model` types; the UI feeds
//! them bytes and writes their output through the store.

pub mod backup;
pub mod export;
pub mod import;
