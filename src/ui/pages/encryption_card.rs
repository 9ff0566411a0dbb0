//! The Encryption section of Settings: turn encryption at rest on (a
//! passphrase typed twice), lock now, lock after idle minutes (remembered in
//! this browser), turn it off (needs the passphrase), and the progress of
//! the rewrite that turning it on or off runs.

use crate::store::seal::{check_new_passphrase, AutoLock, PassphraseError};
use crate::store::StoreError;
use crate::ui::state::{auto_lock, rewrite_sentence, set_auto_lock, AppState};
use leptos::prelude::*;
use rapport_core::i18n::settings as t;

/// Why an encryption action did not happen.
#[derive(Debug, Clone)]
enum EncryptionFormError {
    /// The new passphrase as typed.
    Passphrase(PassphraseError),
    /// The store refused or failed.
    Store(StoreError),
}

impl EncryptionFormError {
    /// The sentence shown next to the form.
    fn sentence(&self) -> String {
        match self {
            EncryptionFormError::Passphrase(e) => e.to_string(),
            EncryptionFormError::Store(e) => e.user_message(),
        }
    }
}

/// A password field with a visible label.
fn passphrase_field(
    label: &'static str,
    name: &'static str,
    autocomplete: &'static str,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <label class="field">
            <span class="field-label">{label}</span>
            <input
                type="password"
                name=name
                autocomplete=autocomplete
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </label>
    }
}

/// The Encryption card.
#[component]
pub fn EncryptionCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let new_passphrase = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let off_passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<EncryptionFormError>);
    let busy = RwSignal::new(false);
    let chosen_lock = RwSignal::new(auto_lock());

    let turn_on = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = new_passphrase.get_untracked();
        if let Err(e) = check_new_passphrase(&typed, &confirm.get_untracked()) {
            error.set(Some(EncryptionFormError::Passphrase(e)));
            return;
        }
        error.set(None);
        busy.set(true);
        leptos::task::spawn_local(async move {
            match state.turn_encryption_on(&typed).await {
                Ok(()) => {
                    new_passphrase.set(String::new());
                    confirm.set(String::new());
                    state.toast(t::encryption_turned_on());
                }
                Err(e) => error.set(Some(EncryptionFormError::Store(e))),
            }
            busy.set(false);
        });
    };
    let turn_off = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = off_passphrase.get_untracked();
        error.set(None);
        busy.set(true);
        leptos::task::spawn_local(async move {
            match state.turn_encryption_off(&typed).await {
                Ok(()) => {
                    off_passphrase.set(String::new());
                    state.toast(t::encryption_turned_off());
                }
                Err(e) => error.set(Some(EncryptionFormError::Store(e))),
            }
            busy.set(false);
        });
    };
    let choose_auto_lock = move |ev: leptos::ev::Event| {
        let choice = AutoLock::from_setting(Some(&event_target_value(&ev)));
        chosen_lock.set(choice);
        set_auto_lock(choice);
    };

    let off_view = move || {
        view! {
            <p class="muted">{t::encryption_intro()}</p>
            <form class="encryption-form" on:submit=turn_on>
                {passphrase_field(t::new_passphrase(), "new-passphrase", "new-password", new_passphrase)}
                {passphrase_field(t::confirm_passphrase(), "confirm-passphrase", "new-password", confirm)}
                <div class="form-actions">
                    <button type="submit" class="primary" disabled=move || busy.get()>{t::turn_encryption_on()}</button>
                </div>
            </form>
        }
    };
    let on_view = move || {
        view! {
            <p>{t::encryption_is_on()}</p>
            <div class="toolbar">
                <button type="button" on:click=move |_| state.lock_now() disabled=move || busy.get()>{t::lock_now()}</button>
                <label class="field-inline">
                    {t::lock_automatically()}" "
                    <select name="auto-lock" on:change=choose_auto_lock>
                        {AutoLock::CHOICES.iter().map(|&(choice, label)| view! {
                            <option value=choice.0.to_string() selected=move || chosen_lock.get() == choice>{label}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <form class="encryption-form" on:submit=turn_off>
                {passphrase_field(t::passphrase_to_turn_off(), "off-passphrase", "current-password", off_passphrase)}
                <div class="form-actions">
                    <button type="submit" disabled=move || busy.get()>{t::turn_encryption_off()}</button>
                </div>
            </form>
        }
    };

    view! {
        <section class="card" aria-labelledby="encryption-heading">
            <h2 id="encryption-heading">{t::encryption()}</h2>
            {move || match state.rewrite.get() {
                Some(p) => view! {
                    <div class="rewrite-progress" role="status">
                        <p>{t::rewrite_in_progress(rewrite_sentence(&p))}</p>
                        <progress aria-label=t::encryption_progress() max=p.total.max(1) value=p.done></progress>
                    </div>
                }.into_any(),
                None if state.encrypted.get() => on_view().into_any(),
                None => off_view().into_any(),
            }}
            {move || busy.get().then(|| view! {
                <p class="muted" role="status">{t::deriving_key()}</p>
            })}
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e.sentence()}</p> })}
        </section>
    }
}
