//! End-to-end tests: the release build served on 127.0.0.1 under a sub-path,
//! driven in headless Chromium the way a person uses it. Needs `dist/`
//! (`trunk build --release`) and chromedriver; `scripts/test` provides both.
#![cfg(not(target_arch = "wasm32"))]

mod a11y;
mod analytics;
mod backup;
mod create;
mod csp;
mod customers;
mod encryption;
mod glance;
mod harness;
mod history;
mod hostile;
mod import;
mod insight;
mod interrupted;
mod language;
mod offline;
mod perf;
mod perf_page;
mod pipeline;
mod server;
mod shell;
mod text;
mod tour;
mod two_tabs;
mod upgrade;
mod upgrade_paged;
mod workflows;
