//! The analysis worker's module: installs the job handler
//! ([`rapport::jobs::worker::start`]) when the worker loads it. A binary of
//! its own so that the jobs' code (analytics, insight, text, network) is
//! linked here and not into the page's module.

#[cfg(target_arch = "wasm32")]
fn main() {
    rapport::jobs::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The analysis worker runs in the browser: `trunk build --release` builds it.");
}
