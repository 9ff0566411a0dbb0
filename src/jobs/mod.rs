//! The core's jobs ([`rapport_core::jobs`]) and, in the browser, the Web
//! Worker glue: [`client`] (the page's side) and [`worker`] (the worker's).

pub use rapport_core::jobs::*;

#[cfg(target_arch = "wasm32")]
pub mod client;
#[cfg(target_arch = "wasm32")]
pub mod worker;
