//! The pipeline's stages as a stored record (one, in the `settings`
//! collection), so an edit of the stages and the deals it moves are one
//! transaction with Undo, other tabs hear of it like any change, and
//! backups carry it with the records. (Until schema 5 the stages lived in
//! localStorage; the app moves them over on the first edit.)

use serde::{Deserialize, Serialize};

use super::{impl_record, Meta, Pipeline, ValidationErrors};

/// The id of the one pipeline record.
pub const PIPELINE_ID: super::Id = super::Id::from_u128(0x919e_11e5);

/// The stages deals move through, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredPipeline {
    /// Id ([`PIPELINE_ID`]), timestamps, version.
    #[serde(flatten)]
    pub meta: Meta,
    /// The stages, in order (ending in Won and Lost).
    pub pipeline: Pipeline,
}

impl_record!(StoredPipeline, "settings");

impl StoredPipeline {
    /// The first stored pipeline, written at `now`.
    pub fn new(now: super::Timestamp, pipeline: Pipeline) -> Self {
        StoredPipeline {
            meta: Meta::new(PIPELINE_ID, now),
            pipeline,
        }
    }

    fn check(&self, errors: &mut ValidationErrors) {
        if let Err(found) = self.pipeline.validate() {
            errors.absorb_new(found);
        }
    }
}
