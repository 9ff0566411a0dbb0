//! Actions on customers and what hangs off them: the customer form, the
//! trash, bulk changes from the list, timeline entries, tasks and
//! relationships.

use super::{insert_one, update_one, OpError};
use crate::i18n::changes as ct;
use crate::model::{
    Customer, Id, Interaction, LifecycleStage, Record, Relationship, Task, Timestamp,
};
use crate::store::cascade::purge_customer;
use crate::store::{ChangeSet, Store};
use std::collections::HashSet;

/// Adds a new customer (validated).
pub fn add_customer(customer: &Customer) -> Result<ChangeSet, OpError> {
    insert_one(customer, ct::added_customer(customer.display_name()))
}

/// Saves an edited customer, refused if another tab changed it since it
/// was read (`customer` carries the version it was read at plus one).
pub fn save_customer(customer: &Customer) -> Result<ChangeSet, OpError> {
    update_one(customer, ct::saved_customer(customer.display_name()))
}

/// Moves a stored customer to the trash (their history stays attached).
pub async fn trash_customer<S: Store>(
    store: &S,
    id: Id,
    now: Timestamp,
) -> Result<ChangeSet, OpError> {
    let mut customer: Customer = store
        .get(id)
        .await?
        .ok_or(OpError::Missing { what: "customer" })?;
    customer.meta.soft_delete(now);
    update_one(&customer, ct::trashed_customer(customer.display_name()))
}

/// Takes a customer (as listed in the trash) out of the trash; refused for
/// a customer merged into another (their history moved to the survivor:
/// Undo of the merge brings them back whole).
pub fn restore_customer(customer: &Customer, now: Timestamp) -> Result<ChangeSet, OpError> {
    if customer.merged_into.is_some() {
        return Err(super::MergeError::RestoreMerged {
            name: customer.display_name(),
        }
        .into());
    }
    let mut back = customer.clone();
    back.meta.restore(now);
    update_one(&back, ct::restored_customer(customer.display_name()))
}

/// Deletes a customer for good with every record attached to them; each
/// purge is checked against the version read here.
pub async fn delete_for_good<S: Store>(
    store: &S,
    customer: &Customer,
) -> Result<ChangeSet, OpError> {
    let label = ct::deleted_for_good(customer.display_name());
    Ok(purge_customer(store, customer.id(), label).await?)
}

/// A change the Customers list applies to every selected customer.
#[derive(Debug, Clone, PartialEq)]
pub enum BulkEdit {
    /// Adds a tag (trimmed; customers that have it are left alone).
    AddTag(String),
    /// Sets the lifecycle stage.
    SetStage(LifecycleStage),
    /// Moves to the trash.
    Trash,
}

impl BulkEdit {
    fn label(&self, n: usize) -> String {
        match (self, n) {
            (BulkEdit::AddTag(tag), 1) => ct::tagged_one(tag.trim()),
            (BulkEdit::AddTag(tag), _) => ct::tagged_many(n, tag.trim()),
            (BulkEdit::SetStage(stage), 1) => ct::moved_one_to_stage(stage.display()),
            (BulkEdit::SetStage(stage), _) => ct::moved_many_to_stage(n, stage.display()),
            (BulkEdit::Trash, 1) => ct::trashed_one().to_string(),
            (BulkEdit::Trash, _) => ct::trashed_many(n),
        }
    }

    /// Applies the edit to one customer; `false` when it changes nothing.
    fn apply(&self, customer: &mut Customer, now: Timestamp) -> bool {
        match self {
            BulkEdit::AddTag(tag) => {
                if !customer.add_tag(tag) {
                    return false;
                }
            }
            BulkEdit::SetStage(stage) => {
                if customer.lifecycle == *stage {
                    return false;
                }
                customer.lifecycle = *stage;
            }
            BulkEdit::Trash => {
                if customer.is_deleted() {
                    return false;
                }
                customer.meta.soft_delete(now);
                return true;
            }
        }
        customer.touch(now);
        true
    }
}

/// Applies `edit` to the customers `ids`, as one batch; refused with
/// [`OpError::NothingToDo`] when no customer would change.
pub async fn bulk_edit<S: Store>(
    store: &S,
    ids: &[Id],
    edit: &BulkEdit,
    now: Timestamp,
) -> Result<ChangeSet, OpError> {
    if let BulkEdit::AddTag(tag) = edit {
        if tag.trim().is_empty() {
            return Err(OpError::Field(crate::model::FieldErrorKind::Required));
        }
    }
    // One read per customer for small selections; one read of all for large
    // ones (100,000 single reads would take far longer than one getAll).
    let customers: Vec<Customer> = if ids.len() <= 200 {
        let mut found = Vec::new();
        for id in ids {
            found.extend(store.get::<Customer>(*id).await?);
        }
        found
    } else {
        let wanted: HashSet<Id> = ids.iter().copied().collect();
        store
            .all::<Customer>()
            .await?
            .into_iter()
            .filter(|c| wanted.contains(&c.id()))
            .collect()
    };
    let mut changed = Vec::new();
    for mut customer in customers {
        if edit.apply(&mut customer, now) {
            changed.push(customer);
        }
    }
    if changed.is_empty() {
        return Err(OpError::NothingToDo);
    }
    let mut changes = ChangeSet::new(edit.label(changed.len()));
    for customer in &changed {
        changes.update(customer)?;
    }
    Ok(changes)
}

/// Logs a note, call, email or meeting on a customer's timeline.
pub fn log_interaction(entry: &Interaction) -> Result<ChangeSet, OpError> {
    insert_one(
        entry,
        ct::added_interaction(entry.kind.display().to_lowercase()),
    )
}

/// Adds a task.
pub fn add_task(task: &Task) -> Result<ChangeSet, OpError> {
    insert_one(task, ct::added_task(&task.title))
}

/// Marks a task done, or open again.
pub fn set_task_done(task: &Task, done: bool, now: Timestamp) -> Result<ChangeSet, OpError> {
    let mut task = task.clone();
    task.set_done(done, now);
    let label = if done {
        ct::marked_done(&task.title)
    } else {
        ct::reopened(&task.title)
    };
    update_one(&task, label)
}

/// Links two customers; refused when the same link is stored already
/// (read from the store, not from what a page happens to show) — a
/// problem of the form's "to" field, shown next to it like a typo.
pub async fn link_customers<S: Store>(
    store: &S,
    link: &Relationship,
    names: (&str, &str),
) -> Result<ChangeSet, OpError> {
    link.validate()?;
    let existing: Vec<Relationship> = store.for_customer(link.from).await?;
    if existing
        .iter()
        .any(|l| !l.is_deleted() && l.same_link(link))
    {
        let mut e = crate::model::ValidationErrors::default();
        e.push(
            "to",
            crate::model::FieldErrorKind::Inconsistent("this link already exists"),
        );
        return Err(e.into());
    }
    insert_one(link, ct::linked(names.0, names.1))
}

/// Removes a link (to the trash, so Undo brings it back).
pub fn unlink(link: &Relationship, other_name: &str, now: Timestamp) -> Result<ChangeSet, OpError> {
    let mut gone = link.clone();
    gone.meta.soft_delete(now);
    update_one(&gone, ct::unlinked(other_name))
}
