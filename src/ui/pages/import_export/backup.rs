//! Backup and restore: download every collection and the settings as one
//! JSON file; restore one, replacing everything or merging, after showing
//! what the file holds. A file that is not a usable backup is refused with
//! its reason and changes nothing.

use crate::io::backup::{
    check_backup_size, create_backup, parse_backup_bytes, plan_restore, Backup, RestoreMode,
};
use crate::model::date_of;
use crate::ui::components::thousands;
use crate::ui::files::{download, read_all};
use crate::ui::pipeline_setting::PipelineSetting;
use crate::ui::state::{now_ms, AppState};
use crate::ui::theme::Theme;
use leptos::prelude::*;
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

    let save = move |_| {
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = async {
                let store = state.store().map_err(|e| e.user_message())?;
                let text = create_backup(&*store, read_settings())
                    .await
                    .map_err(|e| e.to_string())?;
                download(
                    &format!("rapport-backup-{}.json", date_of(now_ms())),
                    "application/json",
                    &text,
                )
            }
            .await;
            match result {
                Ok(()) => state.toast("Backup saved to your downloads."),
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
        busy.set(true);
        leptos::task::spawn_local(async move {
            let outcome = match check_backup_size(file.size() as u64) {
                Err(too_large) => Err(too_large.to_string()),
                Ok(()) => match read_all(&file).await {
                    Ok(bytes) => parse_backup_bytes(&bytes).map_err(|e| e.to_string()),
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

    let restore = move |_| {
        let Some((_, backup)) = loaded.get_untracked() else {
            return;
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = async {
                let store = state.store().map_err(|e| e.user_message())?;
                let (changes, summary) = plan_restore(&*store, &backup, mode.get_untracked())
                    .await
                    .map_err(|e| e.to_string())?;
                state
                    .apply_remembered(changes, true, "The restore of the backup")
                    .await
                    .map_err(|e| e.user_message())?;
                write_settings(&backup.settings);
                // The restored settings take effect at once.
                pipeline.reload();
                let restored_theme = Theme::load();
                restored_theme.apply();
                theme.set(restored_theme);
                state.reload_index().await.map_err(|e| e.user_message())?;
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
            <h2>"Backup"</h2>
            <p class="muted">"A backup is one JSON file with every record — trashed ones included — and your settings. Restore it here or in any other browser."</p>
            <div class="toolbar">
                <button type="button" class="primary" on:click=save disabled=move || busy.get()>"Download backup"</button>
                <label class="button file-button">
                    "Restore from a backup…"
                    <input type="file" accept=".json,application/json" class="sr-only" on:change=choose disabled=move || busy.get()/>
                </label>
            </div>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            {move || loaded.get().map(|(name, backup)| view! {
                <div class="restore-preview">
                    <h3>{format!("{name} holds {} records", thousands(backup.record_count()))}</h3>
                    <ul class="counts">
                        {backup.counts().into_iter().filter(|(_, n)| *n > 0).map(|(c, n)| view! {
                            <li><span class="muted">{c}</span>" "{thousands(n)}</li>
                        }).collect_view()}
                    </ul>
                    <fieldset class="choices">
                        <legend>"How should it meet the data here?"</legend>
                        <label><input type="radio" name="restore-mode" checked=move || mode.get() == RestoreMode::Merge on:change=move |_| mode.set(RestoreMode::Merge)/>" Merge: add what is missing, take newer copies, keep the rest"</label>
                        <label><input type="radio" name="restore-mode" checked=move || mode.get() == RestoreMode::Replace on:change=move |_| mode.set(RestoreMode::Replace)/>" Replace everything here with the backup"</label>
                    </fieldset>
                    <div class="toolbar">
                        <button type="button" class="primary" on:click=restore disabled=move || busy.get()>"Restore backup"</button>
                        <button type="button" on:click=move |_| loaded.set(None)>"Cancel"</button>
                    </div>
                </div>
            })}
        </section>
    }
}
