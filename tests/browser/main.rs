//! Browser tests: run by `wasm-bindgen-test-runner` in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown --test browser`). They cover
//! what needs a real browser: IndexedDB, localStorage, mounted components.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod analytics;
mod components;
mod encryption;
mod lexicons;
mod newest;
mod slices;
mod store;
mod tallies;
