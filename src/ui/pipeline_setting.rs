//! The pipeline setting: the stages deals move through, edited in Settings
//! and kept in localStorage (through `gloo-storage`, under
//! [`PIPELINE_KEY`], so backups carry it with the other `rapport.*`
//! settings). Pages read it from the [`PipelineSetting`] context; a change
//! made in another tab arrives through the `storage` event.

use crate::model::Pipeline;
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
}

/// The stored pipeline; the default one when none is stored or what is
/// stored does not make a pipeline (a hand-edited or foreign value).
pub fn load() -> Pipeline {
    LocalStorage::get::<Pipeline>(PIPELINE_KEY)
        .ok()
        .filter(is_usable)
        .unwrap_or_default()
}

/// Stores `pipeline`.
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
