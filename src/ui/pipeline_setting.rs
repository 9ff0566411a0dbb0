//! The pipeline setting: the stages deals move through, edited in Settings.
//! They are a stored record (`StoredPipeline`, in the `settings`
//! collection), so an edit and the deals it moves are one transaction with
//! Undo and other tabs hear of it like of any change; localStorage (under
//! [`PIPELINE_KEY`]) keeps a copy for the first paint, and is where the
//! stages lived before schema 5 (the first edit moves them into the store).
//! Pages read them from the [`PipelineSetting`] context.

use crate::model::{Pipeline, StoredPipeline, PIPELINE_ID};
use crate::store::{Collection, Store};
use crate::ui::state::{now_ms, AppState};
use gloo_storage::{errors::StorageError, LocalStorage, Storage};
use leptos::prelude::*;

/// The localStorage key of the pipeline's stages.
pub const PIPELINE_KEY: &str = "rapport.pipeline";

/// The pipeline in use, shared by every page through context.
#[derive(Clone, Copy)]
pub struct PipelineSetting(pub RwSignal<Pipeline>);

impl PipelineSetting {
    /// Reads the stored pipeline and provides it as context.
    pub fn provide() -> PipelineSetting {
        let setting = PipelineSetting(RwSignal::new(load()));
        provide_context(setting);
        setting
    }

    /// The pipeline from context (reactive).
    pub fn current() -> RwSignal<Pipeline> {
        expect_context::<PipelineSetting>().0
    }

    /// Re-reads the stored pipeline (after another tab changed it).
    pub fn reload(&self) {
        self.0.set(load());
    }

    /// Follows the pipeline record in the store: at start-up, after an
    /// edit or its Undo, after a restore, and after another tab's change.
    pub fn follow_store(&self, state: AppState) {
        let stored = state.store_resource(&[Collection::Settings], |state| async move {
            state.store()?.get::<StoredPipeline>(PIPELINE_ID).await
        });
        let setting = self.0;
        Effect::new(move |_| match stored.get() {
            Some(Ok(Some(Some(record))))
                if is_usable(&record.pipeline)
                    && setting.with_untracked(|p| *p != record.pipeline) =>
            {
                let _ = store(&record.pipeline);
                setting.set(record.pipeline);
            }
            // None stored yet (a database from before schema 5): move the
            // stages over from localStorage, so every edit is an update
            // whose Undo puts the previous stages back. Another tab doing
            // the same at once makes this insert a harmless conflict.
            Some(Ok(Some(None))) => {
                let record = StoredPipeline::new(now_ms(), setting.get_untracked());
                leptos::task::spawn_local(async move {
                    let _ = state
                        .save_quietly(crate::ops::insert_one(
                            &record,
                            "Moved the pipeline's stages into the database",
                        ))
                        .await;
                });
            }
            _ => {}
        });
    }
}

/// The stored pipeline; the default one when none is stored or what is
/// stored does not make a pipeline (a hand-edited or foreign value).
pub fn load() -> Pipeline {
    LocalStorage::get::<Pipeline>(PIPELINE_KEY)
        .ok()
        .filter(is_usable)
        .unwrap_or_default()
}

/// Keeps `pipeline` as the copy for the first paint.
pub fn store(pipeline: &Pipeline) -> Result<(), StorageError> {
    LocalStorage::set(PIPELINE_KEY, pipeline)
}

/// Valid, with at least one open stage, ending in Won and Lost.
fn is_usable(pipeline: &Pipeline) -> bool {
    let n = pipeline.stages.len();
    pipeline.validate().is_ok()
        && n >= 3
        && pipeline.stages[n - 2] == Pipeline::WON
        && pipeline.stages[n - 1] == Pipeline::LOST
}
