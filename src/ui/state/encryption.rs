//! Encryption at rest in the app's state: whether the store is locked (the
//! shell shows the unlock screen instead of the app), unlocking and going on
//! with start-up, turning encryption on or off with the rewrite's progress,
//! resuming a rewrite a reload cut off, locking (which reloads the page, so
//! nothing read stays in memory) and the auto-lock after idle minutes.
//!
//! A hint in localStorage ([`ENCRYPTED_HINT_KEY`]) says encryption is on
//! before the database is open, so a locked start shows the unlock screen
//! first rather than an empty app; the store's encryption record decides.

use super::{now_ms, sleep_ms, AppState};
use crate::store::idb::RewriteProgress;
use crate::store::seal::{AutoLock, Target};
use crate::store::StoreError;
use leptos::prelude::*;
use rapport_core::i18n::notices as t;

/// localStorage: "1" while encryption is on (a hint for the first paint).
/// Not under the `rapport.` prefix: backups carry those settings, and this
/// one belongs to the browser, not the data.
pub const ENCRYPTED_HINT_KEY: &str = "rapport-encrypted";

/// localStorage: minutes of inactivity before locking (absent or 0: never).
pub const AUTO_LOCK_KEY: &str = "rapport.auto-lock-minutes";

/// Pages per rewrite transaction (up to 512 KiB each).
const REWRITE_BATCH_PAGES: usize = 8;

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// Whether the last session left encryption on (the first paint's guess).
pub fn encrypted_hint() -> bool {
    local_storage()
        .and_then(|s| s.get_item(ENCRYPTED_HINT_KEY).ok().flatten())
        .is_some_and(|v| v == "1")
}

fn set_encrypted_hint(on: bool) {
    if let Some(s) = local_storage() {
        let _ = if on {
            s.set_item(ENCRYPTED_HINT_KEY, "1")
        } else {
            s.remove_item(ENCRYPTED_HINT_KEY)
        };
    }
}

/// The chosen auto-lock delay.
pub fn auto_lock() -> AutoLock {
    let stored = local_storage().and_then(|s| s.get_item(AUTO_LOCK_KEY).ok().flatten());
    AutoLock::from_setting(stored.as_deref())
}

/// Remembers the auto-lock delay.
pub fn set_auto_lock(choice: AutoLock) {
    if let Some(s) = local_storage() {
        let _ = match choice.to_setting() {
            Some(value) => s.set_item(AUTO_LOCK_KEY, &value),
            None => s.remove_item(AUTO_LOCK_KEY),
        };
    }
}

/// What a rewrite is doing, for the sentence next to its progress bar.
pub fn rewrite_sentence(p: &RewriteProgress) -> String {
    match p.target {
        Target::Sealed => t::encrypting(p.done, p.total),
        Target::Plain => t::decrypting(p.done, p.total),
    }
}

impl AppState {
    /// After the store opened: whether encryption is on. When it is, the app
    /// stays locked until [`AppState::unlock`]; else start-up goes on.
    /// Returns whether it is locked.
    pub(super) async fn check_encryption(&self) -> Result<bool, StoreError> {
        let record = self.store()?.encryption().await?;
        let on = record.is_some();
        set_encrypted_hint(on);
        self.encrypted.set(on);
        self.locked.set(on);
        if let Some(target) = record.and_then(|r| r.rewriting()) {
            self.interrupted_rewrite.set(Some(target));
        }
        Ok(on)
    }

    /// Unlocks with `passphrase`, then finishes start-up and resumes a
    /// rewrite a reload cut off. A wrong passphrase changes nothing.
    pub async fn unlock(&self, passphrase: &str) -> Result<(), StoreError> {
        let store = self.store()?;
        store.unlock(passphrase).await?;
        crate::store::idb::serve_key(store);
        self.locked.set(false);
        self.watch_idle();
        let state = *self;
        leptos::task::spawn_local(async move {
            state.finish_opening(now_ms()).await;
            if let Some(target) = state.interrupted_rewrite.get_untracked() {
                let (resuming, resumed) = match target {
                    Target::Sealed => (t::turning_on_resuming(), t::turning_on_resumed()),
                    Target::Plain => (t::turning_off_resuming(), t::turning_off_resumed()),
                };
                state.interrupted.set(Some(resuming.to_string()));
                match state.run_rewrite().await {
                    Ok(()) => {
                        if target == Target::Plain {
                            set_encrypted_hint(false);
                            state.encrypted.set(false);
                        }
                        state.interrupted.set(Some(resumed.to_string()));
                    }
                    Err(e) => state.toast_error(e.user_message()),
                }
            }
        });
        Ok(())
    }

    /// Another tab turned encryption on or off (it sets or clears
    /// [`ENCRYPTED_HINT_KEY`]). Turned on while this tab holds no key: this
    /// tab reloads and meets the unlock screen, instead of going on with
    /// every write refused as locked (the store checks in each write's
    /// transaction, so nothing is ever written in clear). Otherwise this
    /// tab's Settings follow.
    pub(super) fn follow_encryption_of_other_tabs(&self) {
        let state = *self;
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            if ev.key().as_deref() != Some(ENCRYPTED_HINT_KEY) {
                return;
            }
            let on = ev.new_value().as_deref() == Some("1");
            let holds_key = state.store().is_ok_and(|s| s.is_unlocked());
            if on && !holds_key && !state.locked.get_untracked() {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            } else {
                state.encrypted.set(on);
            }
        });
        // Lives as long as the page.
        std::mem::forget(handle);
    }

    /// Locks: forgets the key and reloads the page, so no decrypted record
    /// stays in memory; the reloaded app shows the unlock screen.
    pub fn lock_now(&self) {
        if let Ok(store) = self.store() {
            store.lock();
        }
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    }

    /// Turns encryption on with `passphrase` and rewrites every page, with
    /// progress in `rewrite`.
    pub async fn turn_encryption_on(&self, passphrase: &str) -> Result<(), StoreError> {
        let store = self.store()?;
        store.turn_encryption_on(passphrase).await?;
        crate::store::idb::serve_key(store);
        set_encrypted_hint(true);
        self.encrypted.set(true);
        self.watch_idle();
        self.run_rewrite().await
    }

    /// Turns encryption off (needs the passphrase) and rewrites every page
    /// plain, with progress in `rewrite`.
    pub async fn turn_encryption_off(&self, passphrase: &str) -> Result<(), StoreError> {
        self.store()?.turn_encryption_off(passphrase).await?;
        self.run_rewrite().await?;
        set_encrypted_hint(false);
        self.encrypted.set(false);
        Ok(())
    }

    /// Runs the rewrite under way to its end, batch by batch.
    async fn run_rewrite(&self) -> Result<(), StoreError> {
        let store = self.store()?;
        let rewrite = self.rewrite;
        let result = store
            .finish_rewrite(REWRITE_BATCH_PAGES, |p| rewrite.set(Some(p)))
            .await;
        self.rewrite.set(None);
        self.interrupted_rewrite.set(None);
        result
    }

    /// Locks after the chosen idle minutes: activity (keys, pointer, scroll)
    /// resets the clock, checked every 15 s. Started once, on unlock or on
    /// turning encryption on; does nothing while encryption is off or no
    /// delay is chosen.
    fn watch_idle(&self) {
        if self.idle_watch.get_value() {
            return;
        }
        self.idle_watch.set_value(true);
        let last_active = StoredValue::new(now_ms());
        for event in ["keydown", "pointerdown", "wheel", "touchstart"] {
            let handle = window_event_listener_untyped(event, move |_| {
                last_active.set_value(now_ms());
            });
            // Lives as long as the page: locking reloads it.
            std::mem::forget(handle);
        }
        let state = *self;
        leptos::task::spawn_local(async move {
            loop {
                sleep_ms(15_000).await;
                let idle = now_ms() - last_active.get_value();
                let rewriting = state.rewrite.get_untracked().is_some();
                if state.encrypted.get_untracked() && auto_lock().is_due(idle, rewriting) {
                    state.lock_now();
                    return;
                }
            }
        });
    }
}
