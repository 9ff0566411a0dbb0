//! CSV import: decoding, delimiter detection, column mapping with presets
//! for other CRMs, per-row validation, duplicates, orders files, revert.

mod cells;
mod customers;
mod detect;
mod error;
mod mapping;
mod orders;
mod patch;
mod presets;
mod read;
mod report;
mod revert;

pub use customers::{CustomerImport, DuplicatePolicy, PreviewRow, RowAction};
pub use detect::{Delimiter, Detected, SAMPLE_BYTES};
pub use error::ImportError;
pub use mapping::{auto_map, Mapping, Target};
pub use orders::{auto_map_orders, OrderMapping, OrderOptions, OrderTarget, OrdersImport};
pub use presets::{Preset, RAPPORT_COLUMNS, RAPPORT_LIST_SEPARATOR};
pub use read::{CsvReader, ReadOptions, SourceRow};
pub use report::{report_csv, RowIssue};
pub use revert::revert;

/// The custom field that holds a customer's id in the system a file came
/// from ([`Target::ExternalId`]); orders files find their customers by it.
pub const EXTERNAL_ID_FIELD: &str = "External ID";
