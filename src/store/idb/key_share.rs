//! The key for the analysis worker. Jobs that read the store run in a Web
//! Worker with their own `IdbStore` connection, which has no passphrase to
//! unlock with. An unlocked page answers, on a same-origin BroadcastChannel,
//! a worker's request for the key; a worker's connection that finds
//! encryption on asks once when it opens (waiting up to two seconds) and
//! checks what it gets against the stored key check. A locked or closed page
//! answers nothing, so a worker then fails with `StoreError::Locked`. Only a
//! context without a `window` (a worker) asks; a page always unlocks with
//! the passphrase.

use super::IdbStore;
use crate::store::seal::Key;
use js_sys::{Promise, Uint8Array};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The channel's name.
const CHANNEL: &str = "rapport-worker-key";
/// What a worker posts to ask.
const REQUEST: &str = "key-request";
/// How long a worker waits for an answer.
const PATIENCE_MS: i32 = 2_000;

thread_local! {
    static SERVING: Cell<bool> = const { Cell::new(false) };
}

/// Page side: from now on, answers key requests with `store`'s key while it
/// is unlocked. Idempotent.
pub fn serve_key(store: Rc<IdbStore>) {
    if SERVING.with(|s| s.replace(true)) {
        return;
    }
    let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else {
        return;
    };
    let reply = channel.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            if event.data().as_string().as_deref() != Some(REQUEST) {
                return;
            }
            if let Some(key) = store.key() {
                let _ = reply.post_message(&Uint8Array::from(&key.to_bytes()[..]));
            }
        });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Both live as long as the page: locking reloads it.
    on_message.forget();
    std::mem::forget(channel);
}

impl IdbStore {
    /// Worker side: when encryption is on, asks an unlocked page for the key
    /// and keeps it if it passes the key check. Does nothing in a page.
    pub(super) async fn borrow_key_from_page(&self) {
        if web_sys::window().is_some() || self.is_unlocked() {
            return;
        }
        let Ok(Some(record)) = self.encryption().await else {
            return;
        };
        let Some(bytes) = ask_for_key().await else {
            return;
        };
        let key = Key::from_bytes(&bytes);
        if key.verify(&record.check).is_ok() {
            *self.key.borrow_mut() = Some(Rc::new(key));
        }
    }
}

/// Posts a request and waits for the first answer (or gives up).
async fn ask_for_key() -> Option<[u8; 32]> {
    let scope = js_sys::global()
        .dyn_into::<web_sys::WorkerGlobalScope>()
        .ok()?;
    let channel = web_sys::BroadcastChannel::new(CHANNEL).ok()?;
    let answer = Promise::new(&mut |resolve, _reject| {
        // Every answer resolves; only the first counts. The timeout resolves
        // with `undefined`.
        channel.set_onmessage(Some(&resolve));
        let _ = scope.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, PATIENCE_MS);
    });
    channel.post_message(&JsValue::from_str(REQUEST)).ok()?;
    let answer = JsFuture::from(answer).await.ok();
    channel.set_onmessage(None);
    channel.close();
    let event: web_sys::MessageEvent = answer?.dyn_into().ok()?;
    let data: Uint8Array = event.data().dyn_into().ok()?;
    data.to_vec().try_into().ok()
}
