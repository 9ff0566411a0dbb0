//! "Load demo data": generates the seeded demo data set in batches, writing
//! each batch in one transaction and yielding to the browser between
//! batches, with a progress bar and Cancel. The loading task and its
//! progress live in [`AppState`], so it goes on if the user navigates away;
//! [`DemoProgress`] shows it in the top bar.
//!
//! All or nothing: the load is recorded in localStorage ([`DemoLoad`]) as
//! it goes; a cancel or a failed batch rolls back what landed, and so does
//! the next start of the app after a reload cut a load off.

use crate::demo::load::DemoLoad;
use crate::demo::DemoConfig;
use crate::model::Pipeline;
use crate::ui::components::thousands;
use crate::ui::pipeline_setting::PipelineSetting;
use crate::ui::state::{now_ms, yield_to_browser, AppState};
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use rapport_core::i18n::{common, components as t};

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
        let mut load = DemoLoad::new(config, now_ms(), pipeline, BATCH);
        let mut generator = load.generator();
        remember(Some(&load));
        let mut stopped = None;
        while let Some(batch) = generator.next_batch(BATCH) {
            if state.demo_cancel.get_untracked() {
                stopped = Some(t::demo_stopped().to_string());
                break;
            }
            let written = match batch.to_change_set("Loaded demo data") {
                Ok(changes) => state.apply(changes, false).await,
                Err(e) => Err(e),
            };
            if let Err(e) = written {
                stopped = Some(e.user_message());
                break;
            }
            load.batches_written += 1;
            remember(Some(&load));
            state.demo_progress.set(Some(generator.progress()));
            yield_to_browser().await;
        }
        match stopped {
            None => {
                remember(None);
                state.toast(t::demo_loaded(thousands(config.customers)));
            }
            Some(why) => roll_back(state, &load, &why).await,
        }
        state.demo_progress.set(None);
    });
}

/// The localStorage key of the demo load under way.
const LOAD_KEY: &str = "rapport.demo-load";

/// Records the load under way (`None`: none is).
fn remember(load: Option<&DemoLoad>) {
    let result = match load {
        Some(load) => LocalStorage::set(LOAD_KEY, load),
        None => {
            LocalStorage::delete(LOAD_KEY);
            Ok(())
        }
    };
    if let Err(e) = result {
        web_sys::console::warn_1(&format!("Rapport: recording the demo load: {e}").into());
    }
}

/// Removes what a stopped load wrote, and says so.
async fn roll_back(state: AppState, load: &DemoLoad, why: &str) {
    let undone = match load.rollback() {
        Ok(changes) => state.apply(changes, false).await,
        Err(e) => Err(e),
    };
    match undone {
        Ok(()) => {
            remember(None);
            state.toast(t::demo_rolled_back(why.to_string()));
        }
        Err(e) => state.toast_error(t::demo_rollback_failed(why.to_string(), e.user_message())),
    }
}

/// On start-up: a demo load that a reload cut off is rolled back.
pub async fn finish_interrupted_load(state: AppState) {
    let Ok(load) = LocalStorage::get::<DemoLoad>(LOAD_KEY) else {
        return;
    };
    roll_back(state, &load, t::demo_interrupted()).await;
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
                            {t::demo_customers()}
                            <select
                                aria-label=t::demo_size()
                                on:change=move |ev| size.set(event_target_value(&ev).parse().unwrap_or(2_000))
                            >
                                {DemoConfig::SIZES
                                    .iter()
                                    .map(|n| view! { <option value=n.to_string() selected=*n == size.get_untracked()>{thousands(*n)}</option> })
                                    .collect_view()}
                            </select>
                        </label>
                        <button class="primary" on:click=move |_| start_loading(state, size.get(), pipeline.get_untracked())>{t::load_demo()}</button>
                    }
                }
            >
                <p class="muted" role="status">{t::demo_loading_elsewhere()}</p>
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
                    <progress aria-label=t::demo_loading() max=total value=done></progress>
                    <span>{t::demo_progress(thousands(done), thousands(total))}</span>
                    <button on:click=move |_| state.demo_cancel.set(true)>{common::cancel()}</button>
                </div>
            }
        })
    }
}
