//! CSV import: the non-UI half of the Import page. Pure Rust over `model`
//! types; nothing here touches the DOM or the store except [`revert`], which
//! reads through the `Store` trait.
//!
//! How the page drives it, one slice of the `File` at a time:
//!
//! 1. [`CsvReader`]: `feed` bytes as they are read (the first 64 KB decide the
//!    encoding — UTF-8/16 by BOM, else UTF-8, GBK or Windows-1252 — and the
//!    delimiter); `take_rows` after each slice; `finish` at the end. Its
//!    [`ImportError`]s are whole-file problems, with sentences for the user.
//! 2. [`auto_map`] on the header: a recognised [`Preset`] (HubSpot,
//!    Salesforce, Google old and new, Outlook, Rapport's own export, whose
//!    columns are [`RAPPORT_COLUMNS`]) and a [`Mapping`] of one [`Target`]
//!    per column that the user may change.
//! 3. [`CustomerImport`]: `add_rows` per slice (so the page can yield), then
//!    `preview`, `issues` (a [`RowIssue`] per problem, [`report_csv`] to
//!    download), `summary`, and `into_change_set`: one `ChangeSet` holding
//!    every new or updated customer and the [`ImportBatch`] that records
//!    them. Rows with errors are left out whole; duplicates of stored
//!    customers (by email, else phone) follow the [`DuplicatePolicy`]; new
//!    rows that are probably a stored customer (score at least
//!    [`PROBABLE_DUPLICATE_SCORE`]) get a note on their preview row.
//! 4. Orders files go through [`auto_map_orders`] and [`OrdersImport`] the
//!    same way; customers are found (or created) by the custom field
//!    [`EXTERNAL_ID_FIELD`], and orders already stored are skipped with a
//!    warning ([`OrdersImport::with_stored_orders`]). [`propose_kind`]
//!    tells a purchase log from a contacts file, so the page can propose
//!    the kind.
//! 5. Later, [`revert`] builds the change set that undoes one import.
//!
//! [`ImportBatch`]: crate::model::ImportBatch

mod cells;
mod customers;
mod decode;
mod detect;
mod error;
mod kind;
mod known_orders;
mod mapping;
mod order_mapping;
mod orders;
mod patch;
mod presets;
mod probable;
mod read;
mod report;
mod revert;
mod scan;
mod tables;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod history_tests;

pub use customers::{CustomerImport, DuplicatePolicy, PreviewRow, RowAction};
pub use detect::{Delimiter, Detected, SAMPLE_BYTES};
pub use error::ImportError;
pub use kind::{propose_kind, FileKind, KindGuess};
pub use mapping::{auto_map, Mapping, Target};
pub use order_mapping::{auto_map_orders, OrderMapping, OrderOptions, OrderTarget};
pub use orders::OrdersImport;
pub use presets::{Preset, RAPPORT_COLUMNS, RAPPORT_LIST_SEPARATOR};
pub use probable::PROBABLE_DUPLICATE_SCORE;
pub use read::{CsvReader, ReadOptions, RowDamage, SourceRow};
pub use report::{report_csv, RowIssue};
pub use revert::{plan_revert, revert, EditedSince, RevertPlan};

/// How the rows of a file will be (or were) used: the same counts the
/// [`ImportBatch`](crate::model::ImportBatch) keeps.
pub type ImportSummary = crate::model::ImportCounts;

/// The custom field that holds a customer's id in the system a file came
/// from ([`Target::ExternalId`]); orders files find their customers by it.
pub const EXTERNAL_ID_FIELD: &str = "External ID";
