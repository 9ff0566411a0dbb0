//! Rapport: a customer relationship manager that runs entirely in the browser.
//!
//! This is the app crate: the thin browser shell around `rapport_core`
//! (model, store contract, application layer, import/export, analytics,
//! charts — all native-tested). It adds what needs a browser:
//!
//! - [`store`]: the core's store contract plus `IdbStore` (IndexedDB).
//! - [`charts`]: the core's drawing functions plus the `<canvas>` glue.
//! - [`jobs`]: the core's typed jobs plus the Web Worker glue (page and
//!   worker sides).
//! - `ui` (wasm only): Leptos components, pages and routing.
//!
//! The core's other modules are re-exported under the same names, so
//! `rapport::model` and `rapport_core::model` are one thing.

pub use rapport_core::{
    analytics, dedupe, demo, format, insight, io, model, ops, search, sentiment, text,
};

pub mod charts;
pub mod jobs;
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod ui;
