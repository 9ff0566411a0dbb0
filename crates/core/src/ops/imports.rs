//! Reverting an import: the plan (what would change, and which records
//! were edited since) comes from [`crate::io::import::plan_revert`]; the
//! action builds the one batch, which the app applies with Undo like any
//! other write.

use crate::io::import::{ImportError, RevertPlan};
use crate::model::Timestamp;
use crate::store::ChangeSet;

/// The batch that reverts the planned import: created records to the
/// Trash, updated ones back as they were; records edited since the import
/// are kept unless `also_edited_since`.
pub fn revert_import(
    plan: &RevertPlan,
    also_edited_since: bool,
    now: Timestamp,
) -> Result<ChangeSet, ImportError> {
    plan.changes(!also_edited_since, now)
}
