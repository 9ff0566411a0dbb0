//! Actions on deals, quotes and orders, tickets and campaigns.

use super::{insert_one, update_one, OpError};
use crate::i18n::changes as ct;
use crate::model::{
    Campaign, Deal, DealDraft, Id, Order, Pipeline, PipelineEdit, Record, StoredPipeline, Ticket,
    Timestamp, ValidationErrors,
};
use crate::store::ChangeSet;

/// Creates a deal from the New deal form (every problem by field).
pub fn create_deal(
    draft: &DealDraft,
    pipeline: &Pipeline,
    id: Id,
    now: Timestamp,
) -> Result<(Deal, ChangeSet), OpError> {
    let deal = draft.to_deal(pipeline, id, now)?;
    let changes = insert_one(&deal, ct::added_deal(&deal.title))?;
    Ok((deal, changes))
}

/// Moves a deal to `stage` of `pipeline`; refused for an unknown stage and
/// [`OpError::NothingToDo`] when it is in that stage already.
pub fn move_deal(
    deal: &Deal,
    stage: &str,
    pipeline: &Pipeline,
    now: Timestamp,
) -> Result<ChangeSet, OpError> {
    if pipeline.index_of(stage).is_some()
        && pipeline.index_of(stage) == pipeline.index_of(&deal.stage)
    {
        return Err(OpError::NothingToDo);
    }
    let mut moved = deal.clone();
    moved.move_to(stage, pipeline, now)?;
    update_one(&moved, ct::moved_deal(&moved.title, &moved.stage))
}

/// Saves an edit of the pipeline's stages together with the deals it
/// moves (renamed or removed stages), as one batch with Undo. `stored` is
/// the pipeline record as read now (`None` before the first edit: the
/// stages then move over from localStorage into the store);
/// `edited_from` is the pipeline the editor showed when the edit began.
/// When they differ, another tab changed the stages meanwhile and the edit
/// is refused ([`OpError::ChangedElsewhere`]) rather than undoing that
/// change.
pub fn edit_pipeline(
    stored: Option<&StoredPipeline>,
    edited_from: &Pipeline,
    edit: &PipelineEdit,
    deals: &[Deal],
    now: Timestamp,
) -> Result<ChangeSet, OpError> {
    let mut changes = ChangeSet::new(ct::changed_stages());
    match stored {
        Some(stored) if stored.pipeline != *edited_from => {
            return Err(OpError::ChangedElsewhere { what: "pipeline" });
        }
        Some(stored) => {
            let mut record = stored.clone();
            record.pipeline = edit.pipeline.clone();
            record.touch(now);
            changes.update(&record)?;
        }
        None => {
            changes.insert(&StoredPipeline::new(now, edit.pipeline.clone()))?;
        }
    }
    for deal in &edit.restage(deals, now) {
        changes.update(deal)?;
    }
    Ok(changes)
}

/// Adds a quote, order or contract made with the order form.
pub fn add_order(order: &Order, customer_name: &str) -> Result<ChangeSet, OpError> {
    insert_one(
        order,
        ct::added_order(
            order.status.display().to_lowercase(),
            order.total,
            &order.currency,
            customer_name,
        ),
    )
}

/// Turns a quote into an order.
pub fn convert_quote(
    order: &Order,
    customer_name: &str,
    now: Timestamp,
) -> Result<ChangeSet, OpError> {
    let mut converted = order.clone();
    converted.convert_quote_to_order(now)?;
    update_one(
        &converted,
        ct::converted_quote(crate::format::date(converted.date), customer_name),
    )
}

/// Opens a ticket.
pub fn open_ticket(ticket: &Ticket, customer_name: &str) -> Result<ChangeSet, OpError> {
    insert_one(ticket, ct::opened_ticket(&ticket.subject, customer_name))
}

/// Saves a ticket edited on its page (status changes go through the
/// model's transitions before they reach here).
pub fn save_ticket(ticket: &Ticket, label: impl Into<String>) -> Result<ChangeSet, OpError> {
    update_one(ticket, label)
}

/// Solves a ticket (through the model's transition rules).
pub fn solve_ticket(ticket: &Ticket, now: Timestamp) -> Result<(Ticket, ChangeSet), OpError> {
    let mut solved = ticket.clone();
    solved.solve(now)?;
    let changes = update_one(&solved, ct::solved(&solved.subject))?;
    Ok((solved, changes))
}

/// Reopens a solved or closed ticket.
pub fn reopen_ticket(ticket: &Ticket, now: Timestamp) -> Result<(Ticket, ChangeSet), OpError> {
    let mut reopened = ticket.clone();
    reopened.reopen(now)?;
    let changes = update_one(&reopened, ct::reopened(&reopened.subject))?;
    Ok((reopened, changes))
}

/// Plans a campaign (with its members already chosen).
pub fn plan_campaign(campaign: &Campaign) -> Result<ChangeSet, OpError> {
    let n = campaign.members.len();
    insert_one(
        campaign,
        if n == 1 {
            ct::planned_campaign_one(&campaign.name)
        } else {
            ct::planned_campaign_many(&campaign.name, n)
        },
    )
}

/// One member's response to a campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Response {
    /// Opened the message.
    pub opened: bool,
    /// Clicked through.
    pub clicked: bool,
    /// Converted.
    pub converted: bool,
}

/// Records members' responses to a campaign; a response for someone who is
/// not a member is refused.
pub fn record_responses(
    campaign: &Campaign,
    responses: &[(Id, Response)],
    now: Timestamp,
) -> Result<ChangeSet, OpError> {
    if responses.is_empty() {
        return Err(OpError::NothingToDo);
    }
    let mut updated = campaign.clone();
    for (customer, response) in responses {
        let Some(member) = updated
            .members
            .iter_mut()
            .find(|m| m.customer_id == *customer)
        else {
            let mut e = ValidationErrors::default();
            e.push(
                "members",
                crate::model::FieldErrorKind::Inconsistent(
                    "a response for someone who is not a member",
                ),
            );
            return Err(e.into());
        };
        member.opened = response.opened;
        member.clicked = response.clicked;
        member.converted = response.converted;
    }
    updated.touch(now);
    let n = responses.len();
    update_one(
        &updated,
        if n == 1 {
            ct::saved_responses_one(&updated.name)
        } else {
            ct::saved_responses_many(n, &updated.name)
        },
    )
}
