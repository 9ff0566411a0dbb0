//! Running an analysis from a page: start a job in the worker, show its
//! progress with Cancel, and hand its decoded result to the page. The page
//! thread only posts a request and receives a small result. Also the line
//! a page shows about an overview kept current in the background
//! ([`RefreshNotice`]).

use crate::jobs::client::{self, Canceller, JobError};
use crate::jobs::{Job, Refresh, RefreshStatus};
use crate::ui::state::DATABASE_NAME;
use leptos::prelude::*;
use rapport_core::i18n::{common, components as t};

/// The state of one kind of job on a page (one run at a time; starting a
/// new run cancels the previous one).
#[derive(Clone, Copy)]
pub struct JobState {
    /// Whether a run is under way.
    pub running: RwSignal<bool>,
    /// Fraction done and what it is doing.
    pub progress: RwSignal<(f64, String)>,
    /// The last run's failure, as a sentence.
    pub error: RwSignal<Option<String>>,
    canceller: StoredValue<Option<Canceller>, LocalStorage>,
}

impl Default for JobState {
    fn default() -> JobState {
        JobState::new()
    }
}

impl JobState {
    /// A job state with nothing running.
    pub fn new() -> JobState {
        JobState {
            running: RwSignal::new(false),
            progress: RwSignal::new((0.0, String::new())),
            error: RwSignal::new(None),
            canceller: StoredValue::new_local(None),
        }
    }

    /// Starts job `J` with `input`; `on_done` gets its output.
    pub fn run<J: Job + 'static>(self, input: J::Input, on_done: impl FnOnce(J::Output) + 'static) {
        self.run_or_else::<J>(input, on_done, |_| ());
    }

    /// [`JobState::run`], and `on_failed` gets the sentence of a failure
    /// (also in `error`); a cancelled run calls neither.
    pub fn run_or_else<J: Job + 'static>(
        self,
        input: J::Input,
        on_done: impl FnOnce(J::Output) + 'static,
        on_failed: impl FnOnce(String) + 'static,
    ) {
        self.cancel();
        self.running.set(true);
        self.error.set(None);
        self.progress.set((0.0, t::starting_worker().into()));
        crate::ui::state::mark_step(&format!("job-start:{}", J::NAME));
        leptos::task::spawn_local(async move {
            let progress = self.progress;
            let result = client::run::<J>(
                &input,
                DATABASE_NAME,
                move |done, note| {
                    crate::ui::state::mark_step(&format!("job-progress:{}:{done}", J::NAME));
                    progress.set((done, note))
                },
                move |canceller| self.canceller.set_value(Some(canceller)),
            )
            .await;
            self.canceller.set_value(None);
            crate::ui::state::mark_step(&format!("job-end:{}", J::NAME));
            match result {
                Ok(output) => on_done(output),
                Err(JobError::Cancelled) => {}
                Err(e) => {
                    self.error.set(Some(e.to_string()));
                    on_failed(e.to_string());
                }
            }
            self.running.set(false);
        });
    }

    /// Stops the running job, if any.
    pub fn cancel(self) {
        if let Some(canceller) = self.canceller.get_value() {
            canceller.cancel();
            self.canceller.set_value(None);
        }
        self.running.set(false);
    }
}

/// The progress bar with Cancel while `job` runs, and its error after.
#[component]
pub fn JobProgress(job: JobState, label: &'static str) -> impl IntoView {
    view! {
        <Show when=move || job.running.get()>
            <div class="progress-row" role="status">
                <progress
                    max="1"
                    value=move || job.progress.get().0.to_string()
                    aria-label=label
                ></progress>
                <span class="muted">{move || job.progress.get().1}</span>
                <button type="button" on:click=move |_| job.cancel()>{common::cancel()}</button>
            </div>
        </Show>
        {move || job.error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
    }
}

/// What a page says about an overview kept current in the background
/// (`AppState::insight_refresh`, `sentiment_refresh`): `computing` before
/// the first result, `updating` while a newer one is on its way (both
/// `role="status"`), and when the latest run failed, the sentence naming
/// `what` failed and why (`role="alert"`) with a Retry button that calls
/// `on_retry`. Nothing once the result shown is current.
#[component]
pub fn RefreshNotice(
    refresh: RwSignal<Refresh>,
    /// What the overview is, for the failure sentence ("the customers'
    /// purchase figures and RFM segments").
    what: &'static str,
    /// Said before the first result.
    computing: &'static str,
    /// Said while a newer result is computed.
    updating: &'static str,
    /// Starts the computation again.
    #[prop(into)]
    on_retry: Callback<()>,
    /// A class for the "computing" and "updating" line, for pages and
    /// tests that look for it.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let status_class = format!("muted refresh-status {class}");
    move || {
        let status_class = status_class.clone();
        refresh.with(|r| match r.status() {
            RefreshStatus::Current => ().into_any(),
            RefreshStatus::Computing => {
                view! { <p class=status_class role="status">{computing}</p> }.into_any()
            }
            RefreshStatus::Updating => {
                view! { <p class=status_class role="status">{updating}</p> }.into_any()
            }
            RefreshStatus::Failed { .. } => view! {
                <div class="refresh-failed">
                    <p class="error" role="alert">{r.failure_sentence(what)}</p>
                    <button type="button" on:click=move |_| on_retry.run(())>{common::retry()}</button>
                </div>
            }
            .into_any(),
        })
    }
}
