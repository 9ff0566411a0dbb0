//! Entry point: install the panic hook and mount the app (browser only;
//! in the analysis worker, `rapport::jobs::worker` takes over instead).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // The same module also starts inside the analysis worker, which has no
    // window and runs `rapport_worker_main` instead.
    if web_sys::window().is_some() {
        leptos::mount::mount_to_body(rapport::ui::App);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "Rapport runs in the browser: build it with `trunk build --release` (see README.md)."
    );
}
