//! The core's store contract ([`rapport_core::store`]) and, in the browser,
//! its IndexedDB implementation ([`idb::IdbStore`]).

pub use rapport_core::store::*;

#[cfg(target_arch = "wasm32")]
pub mod idb;
