//! CSV import: decoding, delimiter detection, column mapping with presets
//! for other CRMs, per-row validation, duplicates, orders files, revert.

mod detect;
mod error;
mod mapping;
mod presets;
mod read;

pub use detect::{Delimiter, Detected, SAMPLE_BYTES};
pub use error::ImportError;
pub use mapping::{auto_map, Mapping, Target};
pub use presets::{Preset, RAPPORT_COLUMNS, RAPPORT_LIST_SEPARATOR};
pub use read::{CsvReader, ReadOptions, SourceRow};

/// The custom field that holds a customer's id in the system a file came
/// from ([`Target::ExternalId`]); orders files find their customers by it.
pub const EXTERNAL_ID_FIELD: &str = "External ID";
