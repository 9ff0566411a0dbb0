//! Entry point: install the panic hook and mount the app (browser only).
//! The analysis worker is its own binary, `src/bin/rapport-worker.rs`.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(rapport::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "Rapport runs in the browser: build it with `trunk build --release` (see README.md)."
    );
}
