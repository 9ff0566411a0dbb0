//! "Load demo data": generates the seeded demo data set in batches, writing
//! each batch in one transaction and yielding to the browser between
//! batches, with a progress bar and Cancel. The loading task and its
//! progress live in [`AppState`], so it goes on if the user navigates away;
//! [`DemoProgress`] shows it in the top bar.

use crate::demo::{DemoConfig, DemoGenerator};
use crate::model::Pipeline;
use crate::ui::components::thousands;
use crate::ui::pipeline_setting::PipelineSetting;
use crate::ui::state::{now_ms, yield_to_browser, AppState};
use leptos::prelude::*;

/// Customers generated (and written) per batch.
const BATCH: usize = 500;

/// Starts loading `customers` demo customers (no-op while a load runs),
/// their open deals on the stages of `pipeline`.
fn start_loading(state: AppState, customers: usize, pipeline: Pipeline) {
    if state.demo_progress.get_untracked().is_some() {
        return;
    }
    let config = DemoConfig {
        customers,
        ..DemoConfig::default()
    };
    state.demo_cancel.set(false);
    state.demo_progress.set(Some((0, config.customers)));
    leptos::task::spawn_local(async move {
        let mut generator = DemoGenerator::new(config, now_ms()).with_pipeline(pipeline);
        while let Some(batch) = generator.next_batch(BATCH) {
            if state.demo_cancel.get_untracked() {
                let done = thousands(generator.progress().0.saturating_sub(BATCH));
                state.toast(format!("Stopped loading demo data after {done} customers"));
                break;
            }
            let written = match batch.to_change_set("Loaded demo data") {
                Ok(changes) => state.apply(changes, false).await,
                Err(e) => Err(e),
            };
            if let Err(e) = written {
                state.toast_error(e.user_message());
                break;
            }
            state.demo_progress.set(Some(generator.progress()));
            yield_to_browser().await;
        }
        if generator.is_finished() {
            state.toast(format!(
                "Loaded {} demo customers",
                thousands(config.customers)
            ));
        }
        state.demo_progress.set(None);
    });
}

/// The size picker and the button (or the progress while loading).
#[component]
pub fn DemoLoader() -> impl IntoView {
    let state = expect_context::<AppState>();
    let pipeline = PipelineSetting::current();
    let size = RwSignal::new(DemoConfig::default().customers);
    view! {
        <div class="demo-loader">
            <Show
                when=move || state.demo_progress.get().is_some()
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
                        <button class="primary" on:click=move |_| start_loading(state, size.get(), pipeline.get_untracked())>"Load demo data"</button>
                    }
                }
            >
                <p class="muted" role="status">"Loading demo data… (progress and Cancel at the top of the page)"</p>
            </Show>
        </div>
    }
}

/// The progress of a running demo load, with Cancel; nothing otherwise.
#[component]
pub fn DemoProgress() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.demo_progress.get().map(|(done, total)| {
            view! {
                <div class="progress-row">
                    <progress aria-label="Loading demo data" max=total value=done></progress>
                    <span>{format!("{} of {} demo customers", thousands(done), thousands(total))}</span>
                    <button on:click=move |_| state.demo_cancel.set(true)>"Cancel"</button>
                </div>
            }
        })
    }
}
