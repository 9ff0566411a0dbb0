//! Merging customers: one or more duplicates folded into a survivor, as one
//! undoable change set.
//!
//! [`plan_merge`] reads what the confirmation dialog shows (fields where
//! the records disagree, how many records of each kind will move);
//! [`merge_customers`] builds the batch:
//!
//! - every interaction, task, order, deal, ticket and relationship of a
//!   merged customer points at the survivor (a link between two of the
//!   merged, or between one of them and the survivor, is purged, and so is a
//!   link that would duplicate one the survivor has);
//! - campaign memberships move; where several of the customers were members
//!   one stays, with the most advanced response;
//! - the propensity score stays the survivor's, else takes the first merged
//!   customer's;
//! - emails, phones and tags are unioned (the survivor's first); the other
//!   fields follow [`MergeChoices`];
//! - the merged customers get `merged_into` and go to the trash, so links to
//!   them still find a record (the UI redirects) and Undo brings them back.
//!
//! Every write is checked against the version read here, so a record
//! changed meanwhile in another tab makes the whole merge fail unchanged.

mod fields;
mod moves;
#[cfg(test)]
mod tests;

pub use fields::{FieldConflict, MergeChoices, MergeField};

use super::OpError;
use crate::i18n::changes as ct;
use crate::i18n::errors as t;
use crate::model::{Customer, Id, Record, Timestamp};
use crate::store::{ChangeSet, Collection, Store};

/// Why a merge was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    /// No customer to merge into the survivor.
    #[error("{}", t::merge_nothing(.survivor))]
    NothingToMerge {
        /// The survivor's name.
        survivor: String,
    },
    /// The survivor is also listed among the customers merged away.
    #[error("{}", t::merge_survivor_among_merged(.name))]
    SurvivorAmongMerged {
        /// The survivor's name.
        name: String,
    },
    /// A customer was already merged into another one.
    #[error("{}", t::merge_already_merged(.name))]
    AlreadyMerged {
        /// The customer's name.
        name: String,
    },
    /// A customer is in the trash.
    #[error("{}", t::merge_trashed(.name))]
    Trashed {
        /// The customer's name.
        name: String,
    },
    /// A choice names a record that is not part of the merge.
    #[error("{}", t::merge_choice_not_in_merge(.field))]
    ChoiceNotInMerge {
        /// The field's label.
        field: String,
    },
    /// Restoring a customer that was merged away.
    #[error("{}", t::merge_restore_merged(.name))]
    RestoreMerged {
        /// The merged-away customer's name.
        name: String,
    },
}

impl MergeError {
    /// The sentence the user sees.
    pub fn user_message(&self) -> String {
        match self {
            MergeError::RestoreMerged { .. } => t::say_not_restored(self),
            _ => t::say_not_merged(self),
        }
    }
}

/// What a merge will do, for the confirmation dialog.
#[derive(Debug, Clone, PartialEq)]
pub struct MergePlan {
    /// The customer who stays.
    pub survivor: Id,
    /// The customers merged into them (each once, in the order given).
    pub merged: Vec<Id>,
    /// Fields where the records disagree.
    pub conflicts: Vec<FieldConflict>,
    /// How many records of each collection will move to the survivor
    /// (relationships that are purged instead included); only non-zero.
    pub moves: Vec<(Collection, usize)>,
}

/// The survivor and the merged customers as stored, checked.
struct Loaded {
    survivor: Customer,
    merged: Vec<Customer>,
}

impl Loaded {
    async fn read<S: Store>(store: &S, survivor: Id, merged: &[Id]) -> Result<Loaded, OpError> {
        let survivor: Customer = live(store, survivor).await?;
        let mut ids: Vec<Id> = Vec::with_capacity(merged.len());
        for id in merged {
            if !ids.contains(id) {
                ids.push(*id);
            }
        }
        if ids.contains(&survivor.id()) {
            return Err(MergeError::SurvivorAmongMerged {
                name: survivor.display_name(),
            }
            .into());
        }
        if ids.is_empty() {
            return Err(MergeError::NothingToMerge {
                survivor: survivor.display_name(),
            }
            .into());
        }
        let mut loaded = Vec::with_capacity(ids.len());
        for id in ids {
            loaded.push(live(store, id).await?);
        }
        Ok(Loaded {
            survivor,
            merged: loaded,
        })
    }

    /// Survivor first.
    fn records(&self) -> Vec<&Customer> {
        std::iter::once(&self.survivor)
            .chain(self.merged.iter())
            .collect()
    }

    fn merged_ids(&self) -> Vec<Id> {
        self.merged.iter().map(Record::id).collect()
    }
}

/// A stored customer that is neither merged away nor in the trash.
async fn live<S: Store>(store: &S, id: Id) -> Result<Customer, OpError> {
    let c: Customer = store
        .get(id)
        .await?
        .ok_or(OpError::Missing { what: "customer" })?;
    if c.merged_into.is_some() {
        return Err(MergeError::AlreadyMerged {
            name: c.display_name(),
        }
        .into());
    }
    if c.is_deleted() {
        return Err(MergeError::Trashed {
            name: c.display_name(),
        }
        .into());
    }
    Ok(c)
}

/// What merging `merged` into `survivor` would do (nothing is written).
pub async fn plan_merge<S: Store>(
    store: &S,
    survivor: Id,
    merged: &[Id],
) -> Result<MergePlan, OpError> {
    let loaded = Loaded::read(store, survivor, merged).await?;
    let moved = moves::Moved::read(store, loaded.survivor.id(), &loaded.merged_ids()).await?;
    Ok(MergePlan {
        survivor,
        merged: loaded.merged_ids(),
        conflicts: fields::conflicts(&loaded.records()),
        moves: moved.counts(),
    })
}

/// The change set that merges `merged` into `survivor` at `now` (see the
/// module docs), labelled "Merged 2 customers into Ann Lee".
pub async fn merge_customers<S: Store>(
    store: &S,
    survivor: Id,
    merged: &[Id],
    choices: &MergeChoices,
    now: Timestamp,
) -> Result<ChangeSet, OpError> {
    let loaded = Loaded::read(store, survivor, merged).await?;
    let mut result = fields::merged_customer(&loaded.records(), choices)?;
    result.touch(now);
    let label = ct::merged(loaded.merged.len() + 1, result.display_name());
    let mut changes = ChangeSet::new(label);
    changes.update(&result)?;
    for c in &loaded.merged {
        let mut gone = c.clone();
        gone.merged_into = Some(survivor);
        gone.meta.soft_delete(now);
        changes.update(&gone)?;
    }
    moves::Moved::read(store, survivor, &loaded.merged_ids())
        .await?
        .write(&mut changes, now)?;
    Ok(changes)
}
