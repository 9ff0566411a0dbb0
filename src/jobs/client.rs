//! The page's side of a job: start the app's wasm module in a dedicated
//! worker, send it one [`Request`], relay its progress, and resolve with its
//! result. One worker per job, so cancelling is `terminate()` and no job
//! can leave state behind for the next.

use super::{Job, Reply, Request};
use rapport_core::i18n::analysis_errors as t;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

/// Why a job produced no result, as the page sees it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum JobError {
    /// The person cancelled it.
    #[error("{}", t::job_cancelled())]
    Cancelled,
    /// The job ran and reported a failure (typed; its `Display` is the
    /// sentence for people).
    #[error(transparent)]
    Failed(super::JobError),
    /// The worker could not be started or crashed.
    #[error("{}", t::job_worker_failed(.0))]
    Worker(String),
}

/// The URL of the worker's script: `scripts/post_build` writes it next to
/// the app's module (named by the `modulepreload` link Trunk puts into
/// `index.html`) as `rapport-<hash>-worker.js`, so a worker always runs the
/// page's own build and is a file of this origin (the CSP's `worker-src
/// 'self'`, and the service worker's cache, cover it).
fn worker_url() -> Result<String, JobError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JobError::Worker("no document".into()))?;
    let links = document
        .query_selector_all("link[rel=modulepreload]")
        .map_err(js_error)?;
    let glue = (0..links.length())
        .filter_map(|i| links.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlLinkElement>().ok())
        .map(|link| link.href())
        .find(|href| !href.contains("/snippets/"))
        .ok_or_else(|| JobError::Worker("the page does not name its script".into()))?;
    worker_script_for(&glue)
        .ok_or_else(|| JobError::Worker(format!("the page's script {glue} is not a .js file")))
}

/// `…/rapport-<hash>.js` → `…/rapport-<hash>-worker.js`.
fn worker_script_for(glue: &str) -> Option<String> {
    glue.strip_suffix(".js")
        .map(|stem| format!("{stem}-worker.js"))
}

fn js_error(value: JsValue) -> JobError {
    JobError::Worker(
        value
            .as_string()
            .or_else(|| value.dyn_ref::<js_sys::Error>().map(|e| e.message().into()))
            .unwrap_or_else(|| format!("{value:?}")),
    )
}

/// A job running in its own worker.
pub struct Running {
    worker: Worker,
    outcome: js_sys::Promise,
    settle: Rc<RefCell<Option<(js_sys::Function, js_sys::Function)>>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::ErrorEvent)>,
}

/// Cancels a running job from anywhere (a button's handler, say).
#[derive(Clone)]
pub struct Canceller {
    worker: Worker,
    settle: Rc<RefCell<Option<(js_sys::Function, js_sys::Function)>>>,
}

impl Canceller {
    /// Stops the worker at once; the job's result is [`JobError::Cancelled`].
    pub fn cancel(&self) {
        self.worker.terminate();
        if let Some((_, reject)) = self.settle.borrow_mut().take() {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("cancelled"));
        }
    }
}

impl Running {
    /// Starts `job` with `input` (JSON) against the database `database`;
    /// `on_progress` gets each `(fraction done, note)`.
    pub fn start(
        job: &str,
        input: String,
        database: &str,
        mut on_progress: impl FnMut(f64, String) + 'static,
    ) -> Result<Running, JobError> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(&worker_url()?, &options).map_err(js_error)?;

        let settle: Rc<RefCell<Option<(js_sys::Function, js_sys::Function)>>> = Rc::default();
        let slot = settle.clone();
        let outcome = js_sys::Promise::new(&mut |resolve, reject| {
            *slot.borrow_mut() = Some((resolve, reject));
        });
        let request = serde_json::to_string(&Request {
            id: 1,
            job: job.to_string(),
            input,
            database: database.to_string(),
            lang: rapport_core::i18n::lang().tag().to_string(),
            key: crate::store::idb::key_for_worker(),
        })
        .map_err(|e| JobError::Worker(e.to_string()))?;

        let for_message = settle.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let Some(reply) = event
                .data()
                .as_string()
                .and_then(|t| serde_json::from_str::<Reply>(&t).ok())
            else {
                return;
            };
            let finish = |ok: bool, value: String| {
                if let Some((resolve, reject)) = for_message.borrow_mut().take() {
                    let f = if ok { resolve } else { reject };
                    let _ = f.call1(&JsValue::NULL, &JsValue::from_str(&value));
                }
            };
            match reply {
                // The request went with the start (see below).
                Reply::Ready => crate::ui::state::mark_step("worker-ready"),
                Reply::Progress { done, note, .. } => on_progress(done, note),
                Reply::Done { output, .. } => finish(true, output),
                Reply::Failed { error, .. } => finish(
                    false,
                    format!(
                        "failed:{}",
                        serde_json::to_string(&error).unwrap_or_default()
                    ),
                ),
            }
        });
        let for_error = settle.clone();
        let on_error =
            Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |event: web_sys::ErrorEvent| {
                event.prevent_default();
                if let Some((_, reject)) = for_error.borrow_mut().take() {
                    let _ = reject.call1(
                        &JsValue::NULL,
                        &JsValue::from_str(&format!("crashed:{}", event.message())),
                    );
                }
            });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // Sent at once, not when the worker says it is ready: its script
        // keeps messages that come while its module compiles (see
        // `scripts/post_build`), and a page busy with its own start-up
        // would otherwise answer "ready" only after its long tasks.
        worker
            .post_message(&JsValue::from_str(&request))
            .map_err(js_error)?;
        Ok(Running {
            worker,
            outcome,
            settle,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// A handle that cancels this job.
    pub fn canceller(&self) -> Canceller {
        Canceller {
            worker: self.worker.clone(),
            settle: self.settle.clone(),
        }
    }

    /// Waits for the result (JSON text); the worker ends either way.
    pub async fn finish(self) -> Result<String, JobError> {
        let result = JsFuture::from(self.outcome.clone()).await;
        self.worker.terminate();
        match result {
            Ok(value) => Ok(value.as_string().unwrap_or_default()),
            Err(value) => {
                let text = value.as_string().unwrap_or_default();
                Err(if text == "cancelled" {
                    JobError::Cancelled
                } else if let Some(error) = text.strip_prefix("failed:") {
                    serde_json::from_str(error)
                        .map(JobError::Failed)
                        .unwrap_or_else(|e| JobError::Worker(e.to_string()))
                } else {
                    JobError::Worker(text.strip_prefix("crashed:").unwrap_or(&text).to_string())
                })
            }
        }
    }
}

/// Runs job `J` to completion in a worker and returns its output.
pub async fn run<J: Job>(
    input: &J::Input,
    database: &str,
    on_progress: impl FnMut(f64, String) + 'static,
    on_start: impl FnOnce(Canceller),
) -> Result<J::Output, JobError> {
    let input = serde_json::to_string(input).map_err(|e| JobError::Worker(e.to_string()))?;
    let job = Running::start(J::NAME, input, database, on_progress)?;
    on_start(job.canceller());
    let output = job.finish().await?;
    serde_json::from_str(&output).map_err(|e| JobError::Worker(e.to_string()))
}
