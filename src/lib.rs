//! Rapport: a customer relationship manager that runs entirely in the browser.
//!
//! The crate is layered (see `DESIGN.md`); data flows one way:
//!
//! - [`model`]: plain data types and their validation. No I/O.
//! - [`demo`]: the seeded generator of realistic demo data.
//! - [`store`]: the async [`store::Store`] contract over the collections, with
//!   an in-memory implementation and (wasm only) the IndexedDB one.
//! - [`io`]: CSV import/export and JSON backup.
//! - [`analytics`]: pure functions from model data to result structs.
//! - [`jobs`]: analyses run in a Web Worker with progress and cancel.
//! - [`charts`]: drawing functions generic over `plotters`' `DrawingBackend`.
//! - `ui` (wasm only): Leptos components, pages and routing.
//!
//! Native `cargo test` builds everything except `ui` and the IndexedDB store.

pub mod analytics;
pub mod charts;
pub mod demo;
pub mod io;
pub mod jobs;
pub mod model;
pub mod search;
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod ui;
