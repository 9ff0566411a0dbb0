//! The worker's side: answers [`Request`]s posted by the page with progress
//! and a result. It runs in its own wasm module, the `rapport-worker` binary
//! (`src/bin/rapport-worker.rs`), which is the only one that links the jobs'
//! code: the page's module stays small and the analysis code is fetched
//! when the first worker starts.

use super::{reads_store, run_named, JobError, Reply, Request};
use crate::store::idb::IdbStore;
use crate::store::MemStore;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn post(scope: &DedicatedWorkerGlobalScope, reply: &Reply) {
    if let Ok(text) = serde_json::to_string(reply) {
        let _ = scope.post_message(&JsValue::from_str(&text));
    }
}

/// Installs the message handler and tells the page the worker is ready:
/// the worker binary's `main`.
pub fn start() {
    console_error_panic_hook::set_once();
    // The text jobs score sentiment; the worker's module carries the word
    // lists the page's module leaves out (`ui::lexicons`).
    rapport_core::sentiment::lexicons::install_embedded();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let handler_scope = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(text) = event.data().as_string() else {
            return;
        };
        let Ok(request) = serde_json::from_str::<Request>(&text) else {
            return;
        };
        // The worker's texts (progress notes, errors) in the page's language.
        rapport_core::i18n::set_lang(rapport_core::i18n::Lang::from_tag(&request.lang));
        let scope = handler_scope.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let reply = match answer(&request, &scope).await {
                Ok(output) => Reply::Done {
                    id: request.id,
                    output,
                },
                Err(error) => Reply::Failed {
                    id: request.id,
                    error,
                },
            };
            post(&scope, &reply);
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker does.
    on_message.forget();
    post(&scope, &Reply::Ready);
}

async fn answer(request: &Request, scope: &DedicatedWorkerGlobalScope) -> Result<String, JobError> {
    let id = request.id;
    let mut progress = |done: f64, note: &str| {
        post(
            scope,
            &Reply::Progress {
                id,
                done,
                note: note.to_string(),
            },
        )
    };
    let now = js_sys::Date::now() as i64;
    match reads_store(&request.job) {
        None => Err(JobError::NoSuchJob(request.job.clone())),
        Some(false) => {
            run_named(
                &MemStore::new(),
                &request.job,
                &request.input,
                now,
                &mut progress,
            )
            .await
        }
        Some(true) => {
            let store = IdbStore::open(&request.database).await?;
            if let Some(key) = &request.key {
                store.accept_lent_key(key).await;
            }
            let result = run_named(&store, &request.job, &request.input, now, &mut progress).await;
            store.close();
            result
        }
    }
}
