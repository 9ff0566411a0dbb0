//! The core's chart drawing functions ([`rapport_core::charts`]) and, in
//! the browser, the glue that draws them into a `<canvas>` ([`canvas`]).

pub use rapport_core::charts::*;

#[cfg(target_arch = "wasm32")]
pub mod canvas;
