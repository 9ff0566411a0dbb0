//! "Load demo data": generates the seeded demo data set in batches, writing
//! each batch in one transaction and yielding to the browser between
//! batches, with a progress bar and Cancel.

use crate::demo::{DemoConfig, DemoGenerator};
use crate::ui::components::thousands;
use crate::ui::state::{now_ms, yield_to_browser, AppState};
use leptos::prelude::*;

/// Customers generated (and written) per batch.
const BATCH: usize = 500;

/// The size picker, the button, and the progress while loading.
#[component]
pub fn DemoLoader() -> impl IntoView {
    let state = expect_context::<AppState>();
    let size = RwSignal::new(DemoConfig::default().customers);
    let progress = RwSignal::new(None::<(usize, usize)>);
    let cancelled = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let load = move |_| {
        let config = DemoConfig {
            customers: size.get(),
            ..DemoConfig::default()
        };
        cancelled.set(false);
        error.set(None);
        progress.set(Some((0, config.customers)));
        leptos::task::spawn_local(async move {
            let mut generator = DemoGenerator::new(config, now_ms());
            while let Some(batch) = generator.next_batch(BATCH) {
                if cancelled.get_untracked() {
                    state.toast(format!(
                        "Stopped: {} demo customers were loaded",
                        thousands(generator.progress().0)
                    ));
                    break;
                }
                let written = match batch.to_change_set("Loaded demo data") {
                    Ok(changes) => state.apply(changes, false).await,
                    Err(e) => Err(e),
                };
                if let Err(e) = written {
                    error.set(Some(e.user_message()));
                    break;
                }
                progress.set(Some(generator.progress()));
                yield_to_browser().await;
            }
            progress.set(None);
        });
    };
    view! {
        <div class="demo-loader">
            <Show
                when=move || progress.get().is_some()
                fallback=move || {
                    view! {
                        <label class="field-inline">
                            "Demo customers "
                            <select
                                aria-label="Number of demo customers"
                                on:change=move |ev| size.set(event_target_value(&ev).parse().unwrap_or(2_000))
                            >
                                {DemoConfig::SIZES
                                    .iter()
                                    .map(|n| view! { <option value=n.to_string() selected=*n == size.get_untracked()>{thousands(*n)}</option> })
                                    .collect_view()}
                            </select>
                        </label>
                        <button class="primary" on:click=load>"Load demo data"</button>
                    }
                }
            >
                {move || {
                    let (done, total) = progress.get().unwrap_or((0, 1));
                    view! {
                        <div class="progress-row">
                            <progress aria-label="Loading demo data" max=total value=done></progress>
                            <span>{format!("{} of {} customers", thousands(done), thousands(total))}</span>
                            <button on:click=move |_| cancelled.set(true)>"Cancel"</button>
                        </div>
                    }
                }}
            </Show>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </div>
    }
}
