//! Backup and restore: download every collection and the settings as one
//! JSON file; restore one, replacing everything or merging, after showing
//! what the file holds. A file that is not a usable backup is refused with
//! its reason and changes nothing. A backup may be encrypted with a
//! passphrase (`backup_crypto.rs`); restoring one asks for it.

use super::backup_crypto::{open_backup_text, seal_backup_text};
use crate::io::backup::{
    check_backup_size, create_backup, parse_backup_bytes, plan_restore, Backup, RestoreMode,
};
use crate::model::date_of;
use crate::store::seal::backup::{is_encrypted_backup, SealedBackup};
use crate::store::seal::check_new_passphrase;
use crate::ui::components::thousands;
use crate::ui::files::{download, read_all};
use crate::ui::pipeline_setting::PipelineSetting;
use crate::ui::state::{now_ms, AppState};
use crate::ui::theme::Theme;
use leptos::prelude::*;
use rapport_core::i18n::{common, import_export as t};
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The localStorage keys that are Rapport's settings.
const SETTINGS_PREFIX: &str = "rapport.";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Every Rapport setting in localStorage, values parsed as JSON.
fn read_settings() -> BTreeMap<String, Value> {
    let mut settings = BTreeMap::new();
    let Some(storage) = local_storage() else {
        return settings;
    };
    for i in 0..storage.length().unwrap_or(0) {
        let Some(key) = storage.key(i).ok().flatten() else {
            continue;
        };
        if !key.starts_with(SETTINGS_PREFIX) {
            continue;
        }
        if let Some(text) = storage.get_item(&key).ok().flatten() {
            let value = serde_json::from_str(&text).unwrap_or(Value::String(text));
            settings.insert(key, value);
        }
    }
    settings
}

fn write_settings(settings: &BTreeMap<String, Value>) {
    let Some(storage) = local_storage() else {
        return;
    };
    for (key, value) in settings
        .iter()
        .filter(|(k, _)| k.starts_with(SETTINGS_PREFIX))
    {
        let _ = storage.set_item(key, &value.to_string());
    }
}

/// The backup card.
#[component]
pub fn BackupCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let pipeline = expect_context::<PipelineSetting>();
    let theme = expect_context::<RwSignal<Theme>>();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let loaded = RwSignal::new(None::<(String, Arc<Backup>)>);
    let mode = RwSignal::new(RestoreMode::Merge);
    let encrypt = RwSignal::new(false);
    let backup_passphrase = RwSignal::new(String::new());
    let backup_confirm = RwSignal::new(String::new());
    // An encrypted backup chosen for restore, waiting for its passphrase.
    let sealed = RwSignal::new(None::<(String, Arc<SealedBackup>)>);
    let restore_passphrase = RwSignal::new(String::new());

    let save = move |_| {
        let passphrase = encrypt
            .get_untracked()
            .then(|| backup_passphrase.get_untracked());
        if let Some(p) = &passphrase {
            if let Err(e) = check_new_passphrase(p, &backup_confirm.get_untracked()) {
                error.set(Some(e.to_string()));
                return;
            }
        }
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = async {
                let store = state.opened_store().await.map_err(|e| e.user_message())?;
                let text = create_backup(&*store, read_settings())
                    .await
                    .map_err(|e| e.to_string())?;
                let (text, suffix) = match passphrase {
                    Some(p) => (
                        seal_backup_text(&p, &text)
                            .await
                            .map_err(|e| e.user_message())?,
                        ".encrypted",
                    ),
                    None => (text, ""),
                };
                download(
                    &format!("rapport-backup-{}{suffix}.json", date_of(now_ms())),
                    "application/json",
                    &text,
                )
            }
            .await;
            match result {
                Ok(()) => state.toast(t::backup_saved()),
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };

    let choose = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = ev.target().expect("target").unchecked_into();
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        error.set(None);
        loaded.set(None);
        sealed.set(None);
        busy.set(true);
        leptos::task::spawn_local(async move {
            let outcome = match check_backup_size(file.size() as u64) {
                Err(too_large) => Err(too_large.to_string()),
                Ok(()) => match read_all(&file).await {
                    Ok(bytes) => {
                        let text = std::str::from_utf8(&bytes).unwrap_or_default();
                        if is_encrypted_backup(text) {
                            match SealedBackup::parse(text) {
                                Ok(s) => {
                                    sealed.set(Some((file.name(), Arc::new(s))));
                                    busy.set(false);
                                    return;
                                }
                                Err(e) => Err(crate::store::StoreError::from(e).user_message()),
                            }
                        } else {
                            parse_backup_bytes(&bytes).map_err(|e| e.to_string())
                        }
                    }
                    Err(e) => Err(e),
                },
            };
            match outcome {
                Ok(backup) => loaded.set(Some((file.name(), Arc::new(backup)))),
                Err(e) => error.set(Some(format!("{}: {e}", file.name()))),
            }
            busy.set(false);
        });
    };

    let open_sealed = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((name, backup)) = sealed.get_untracked() else {
            return;
        };
        let passphrase = restore_passphrase.get_untracked();
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            match open_backup_text(&passphrase, &backup).await {
                Ok(text) => match parse_backup_bytes(text.as_bytes()) {
                    Ok(b) => {
                        sealed.set(None);
                        restore_passphrase.set(String::new());
                        loaded.set(Some((name, Arc::new(b))));
                    }
                    Err(e) => error.set(Some(format!("{name}: {e}"))),
                },
                Err(e) => error.set(Some(e.user_message())),
            }
            busy.set(false);
        });
    };

    let restore = move |_| {
        let Some((_, backup)) = loaded.get_untracked() else {
            return;
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = async {
                let store = state.opened_store().await.map_err(|e| e.user_message())?;
                let (changes, summary) = plan_restore(&*store, &backup, mode.get_untracked())
                    .await
                    .map_err(|e| e.to_string())?;
                state
                    .apply_remembered(changes, true, t::restore_of_backup())
                    .await
                    .map_err(|e| e.user_message())?;
                write_settings(&backup.settings);
                // The restored settings take effect at once.
                pipeline.reload();
                let restored_theme = Theme::load();
                restored_theme.apply();
                theme.set(restored_theme);
                state
                    .reload_everything()
                    .await
                    .map_err(|e| e.user_message())?;
                Ok::<_, String>(summary)
            }
            .await;
            match result {
                Ok(summary) => {
                    state.toast(summary.sentence());
                    loaded.set(None);
                }
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };

    view! {
        <section class="card">
            <h2>{t::backup()}</h2>
            <p class="muted">{t::backup_intro()}</p>
            <label class="field-inline">
                <input type="checkbox" name="encrypt-backup" prop:checked=move || encrypt.get() on:change=move |ev| encrypt.set(event_target_checked(&ev))/>
                " "{t::encrypt_backup()}
            </label>
            {move || encrypt.get().then(|| view! {
                <div class="form-grid">
                    <label class="field">
                        <span class="field-label">{t::backup_passphrase()}</span>
                        <input type="password" name="backup-passphrase" autocomplete="new-password"
                            prop:value=move || backup_passphrase.get()
                            on:input=move |ev| backup_passphrase.set(event_target_value(&ev))/>
                    </label>
                    <label class="field">
                        <span class="field-label">{t::confirm_backup_passphrase()}</span>
                        <input type="password" name="backup-confirm" autocomplete="new-password"
                            prop:value=move || backup_confirm.get()
                            on:input=move |ev| backup_confirm.set(event_target_value(&ev))/>
                    </label>
                </div>
            })}
            <div class="toolbar">
                <button type="button" class="primary" on:click=save disabled=move || busy.get()>{t::download_backup()}</button>
                <label class="button file-button">
                    {t::restore_from_backup()}
                    <input type="file" accept=".json,application/json" class="sr-only" on:change=choose disabled=move || busy.get()/>
                </label>
            </div>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            {move || sealed.get().map(|(name, _)| view! {
                <form class="restore-preview" on:submit=open_sealed>
                    <h3>{t::encrypted_backup(name)}</h3>
                    <label class="field">
                        <span class="field-label">{t::passphrase_of_backup()}</span>
                        <input type="password" name="restore-passphrase" autocomplete="off"
                            prop:value=move || restore_passphrase.get()
                            on:input=move |ev| restore_passphrase.set(event_target_value(&ev))/>
                    </label>
                    <div class="toolbar">
                        <button type="submit" class="primary" disabled=move || busy.get()>{t::open_backup()}</button>
                        <button type="button" on:click=move |_| sealed.set(None)>{common::cancel()}</button>
                    </div>
                </form>
            })}
            {move || loaded.get().map(|(name, backup)| view! {
                <div class="restore-preview">
                    <h3>{t::backup_holds(name, thousands(backup.record_count()))}</h3>
                    <ul class="counts">
                        {backup.counts().into_iter().filter(|(_, n)| *n > 0).map(|(c, n)| view! {
                            <li><span class="muted">{c}</span>" "{thousands(n)}</li>
                        }).collect_view()}
                    </ul>
                    <fieldset class="choices">
                        <legend>{t::restore_how()}</legend>
                        <label><input type="radio" name="restore-mode" checked=move || mode.get() == RestoreMode::Merge on:change=move |_| mode.set(RestoreMode::Merge)/>" "{t::restore_merge()}</label>
                        <label><input type="radio" name="restore-mode" checked=move || mode.get() == RestoreMode::Replace on:change=move |_| mode.set(RestoreMode::Replace)/>" "{t::restore_replace()}</label>
                    </fieldset>
                    <div class="toolbar">
                        <button type="button" class="primary" on:click=restore disabled=move || busy.get()>{t::restore_backup()}</button>
                        <button type="button" on:click=move |_| loaded.set(None)>{common::cancel()}</button>
                    </div>
                </div>
            })}
        </section>
    }
}
