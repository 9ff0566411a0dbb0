//! The user interface (wasm only): Leptos components, pages and routing.
//!
//! `app` holds the router and the shell (header, navigation, footer);
//! `pages/` has one file per route; `theme`, `language`, `pipeline_setting`
//! and `base_path` are the bits of browser state the shell needs before any page
//! renders.

pub mod app;
pub mod base_path;
pub mod components;
pub mod files;
pub mod language;
pub mod lexicons;
pub mod pages;
pub mod period_setting;
pub mod pipeline_setting;
pub mod state;
pub mod theme;

pub use app::App;
