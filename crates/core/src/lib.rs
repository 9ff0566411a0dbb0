//! Rapport's core: everything that needs no browser. It builds and tests
//! natively (and fast), and the app crate compiles it into the wasm module.
//!
//! The layers (see `DESIGN.md`); data flows one way:
//!
//! - [`model`]: plain data types, their validation, and the one parser per
//!   kind of typed value (amounts, percentages, integers, dates). No I/O.
//! - [`store`]: the async [`store::Store`] contract over the collections,
//!   the change set every write is, Undo, and the in-memory implementation.
//! - [`ops`]: the application layer — one function per user action that
//!   changes data; each validates and builds one change set.
//! - [`dedupe`]: probable duplicate customers (blocked candidates, scored
//!   with reasons) for the duplicates list, forms and the import preview.
//! - [`demo`]: the seeded generator of realistic demo data.
//! - [`search`]: the Customers list's in-memory index.
//! - [`sentiment`]: sentiment of English, Chinese and mixed text (VADER port).
//! - [`io`]: CSV import/export and JSON backup.
//! - [`text`]: tokenizer, TF-IDF, the incremental text index and topics.
//! - [`analytics`]: pure functions from model data to result structs.
//! - [`insight`]: what the purchase history says — per-customer figures,
//!   RFM, lifetime value (BG/NBD + Gamma-Gamma), recommendations, and the
//!   relationship network's centralities and layout.
//! - [`jobs`]: typed analyses that the app runs in a Web Worker.
//! - [`charts`]: drawing functions generic over `plotters`' `DrawingBackend`.
//! - [`format`]: numbers and dates as the pages show them, per language.
//! - [`i18n`]: the typed catalogue of every text, in English and Chinese.
//!
//! The browser side (Leptos UI, IndexedDB store, worker and canvas glue) is
//! the app crate at the top of the workspace.

pub mod analytics;
pub mod charts;
pub mod dedupe;
pub mod demo;
pub mod format;
pub mod i18n;
pub mod insight;
pub mod io;
pub mod jobs;
pub mod model;
pub mod ops;
pub mod search;
pub mod sentiment;
pub mod store;
pub mod text;
