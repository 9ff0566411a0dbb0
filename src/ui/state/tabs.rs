//! Keeping other open tabs in step: after a write this tab posts which
//! customers and collections changed on a BroadcastChannel; a tab that
//! hears it re-reads those customers into its index and bumps the
//! collections' revisions (or reloads everything after a large change).

use crate::store::Collection;

use super::AppState;
use crate::model::{Customer, Id, Record};
use crate::store::{Envelope, Store, StoreError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const CHANNEL_NAME: &str = "rapport-changes";

/// What one tab tells the others after a write.
#[derive(Debug, Serialize, Deserialize)]
struct ChangeNotice {
    customers: Vec<Id>,
    collections: Vec<String>,
    reload_all: bool,
}

impl AppState {
    pub(super) fn tell_other_tabs(
        &self,
        customers: Vec<Id>,
        collections: Vec<&str>,
        reload_all: bool,
    ) {
        // Past a few hundred ids, a full reload is cheaper than the message.
        let reload_all = reload_all || customers.len() > 500;
        let customers = if reload_all { Vec::new() } else { customers };
        let collections = collections.into_iter().map(String::from).collect();
        let notice = ChangeNotice {
            customers,
            collections,
            reload_all,
        };
        let text = serde_json::to_string(&notice).unwrap_or_default();
        self.channel.with_value(|c| {
            if let Some(channel) = c {
                let _ = channel.post_message(&JsValue::from_str(&text));
            }
        });
    }

    pub(super) fn listen_to_other_tabs(&self) {
        let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL_NAME) else {
            return;
        };
        let state = *self;
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                let Some(text) = event.data().as_string() else {
                    return;
                };
                let Ok(notice) = serde_json::from_str::<ChangeNotice>(&text) else {
                    return;
                };
                leptos::task::spawn_local(async move {
                    if notice.reload_all
                        || notice
                            .collections
                            .iter()
                            .any(|c| c == "interactions" || c == "tickets")
                    {
                        state.text.invalidate();
                    }
                    let result = if notice.reload_all {
                        state.reload_everything().await
                    } else {
                        let collections: Vec<&str> =
                            notice.collections.iter().map(String::as_str).collect();
                        state.bump(&collections);
                        state.refresh_customers(&notice.customers).await
                    };
                    if let Err(e) = result {
                        state.toast_error(e.user_message());
                    }
                });
            },
        );
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        self.channel.set_value(Some(channel));
    }

    /// Re-reads some customers from the store into the index.
    async fn refresh_customers(&self, ids: &[Id]) -> Result<(), StoreError> {
        let store = self.store()?;
        let mut envelopes: Vec<(Id, Option<Envelope>)> = Vec::new();
        for id in ids {
            envelopes.push((*id, store.envelope(Collection::Customers, *id).await?));
        }
        self.index.update_value(|index| {
            for (id, envelope) in &envelopes {
                match envelope.as_ref().map(Envelope::open::<Customer>) {
                    Some(Ok(c)) if !c.is_deleted() => index.upsert_customer(&c),
                    _ => {
                        index.remove(id);
                    }
                }
            }
        });
        self.index_revision.update(|r| *r += 1);
        self.bump(&["customers"]);
        Ok(())
    }

    /// Closes the database when the page is hidden for good or put in the
    /// back/forward cache, so a frozen page never keeps a transaction or an
    /// upgrade open that the next page (or another tab) waits for; a page
    /// restored from that cache reloads to open it again.
    pub(super) fn give_way_when_hidden(&self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let state = *self;
        let on_hide = Closure::<dyn FnMut()>::new(move || {
            if let Some(store) = state.store.get_value() {
                store.close();
            }
        });
        let on_show = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let restored = js_sys::Reflect::get(&event, &JsValue::from_str("persisted"))
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            if restored {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            }
        });
        let _ =
            window.add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
        let _ =
            window.add_event_listener_with_callback("pageshow", on_show.as_ref().unchecked_ref());
        on_hide.forget();
        on_show.forget();
    }

    /// Keeps the page out of the back/forward cache until the database is
    /// open: an `unload` listener makes a page ineligible in Chromium. A
    /// page frozen there while it is still creating or upgrading the
    /// database keeps it locked for every later page (found by the
    /// end-to-end tests). Run the returned function once the store is open.
    pub(super) fn stay_out_of_cache_while_opening() -> impl FnOnce() {
        let listener = Closure::<dyn FnMut()>::new(|| {});
        let window = web_sys::window();
        if let Some(w) = &window {
            let _ = w.add_event_listener_with_callback("unload", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(w) = window {
                let _ = w.remove_event_listener_with_callback(
                    "unload",
                    listener.as_ref().unchecked_ref(),
                );
            }
            drop(listener);
        }
    }
}
