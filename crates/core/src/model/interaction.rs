//! What happened with a customer (notes, calls, emails, meetings — the
//! timeline) and what someone still has to do (tasks).

use rand::Rng;
use serde::{Deserialize, Serialize};
use time::Date;

use super::{
    impl_record, iso_date, labelled_enum, require, FieldErrorKind, Id, Meta, Timestamp,
    ValidationErrors,
};

labelled_enum! {
    /// The kind of interaction.
    pub enum InteractionKind ("interaction kind") {
        /// A written note.
        Note => "Note" (interaction_note),
        /// A phone call.
        Call => "Call" (interaction_call) | "phone call",
        /// An email.
        Email => "Email" (interaction_email) | "e-mail",
        /// A meeting.
        Meeting => "Meeting" (interaction_meeting),
    }
}

labelled_enum! {
    /// Who started the interaction.
    pub enum Direction ("direction") {
        /// The customer reached out.
        Inbound => "Inbound" (direction_inbound) | "incoming",
        /// We reached out.
        Outbound => "Outbound" (direction_outbound) | "outgoing",
        /// Internal only (e.g. a note).
        Internal => "Internal" (direction_internal),
    }
}

/// One entry in a customer's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Interaction {
    /// Id, timestamps, version, trash mark.
    #[serde(flatten)]
    pub meta: Meta,
    /// The customer concerned.
    pub customer_id: Id,
    /// Note, call, email or meeting.
    pub kind: InteractionKind,
    /// Inbound, outbound or internal.
    pub direction: Direction,
    /// When it happened (unix ms).
    pub at: Timestamp,
    /// One-line summary.
    #[serde(default)]
    pub subject: String,
    /// Full text.
    #[serde(default)]
    pub body: String,
}

impl_record!(Interaction, "interactions");

impl Interaction {
    /// A new interaction at `at`, recorded at `now`.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        id: Id,
        now: Timestamp,
        customer_id: Id,
        kind: InteractionKind,
        direction: Direction,
        at: Timestamp,
        subject: impl Into<String>,
        body: impl Into<String>,
    ) -> Self {
        Interaction {
            meta: Meta::new(id, now),
            customer_id,
            kind,
            direction,
            at,
            subject: subject.into(),
            body: body.into(),
        }
    }

    /// A note (internal) written at `now`, with a random v4 id.
    pub fn note_v4(now: Timestamp, customer_id: Id, body: impl Into<String>) -> Self {
        let body = body.into();
        let subject: String = body.lines().next().unwrap_or("").chars().take(80).collect();
        Interaction::new(
            uuid::Uuid::new_v4(),
            now,
            customer_id,
            InteractionKind::Note,
            Direction::Internal,
            now,
            subject,
            body,
        )
    }

    /// The subject and body together, for text analysis and search.
    pub fn text(&self) -> String {
        if self.body.is_empty() {
            self.subject.clone()
        } else if self.subject.is_empty() {
            self.body.clone()
        } else {
            format!("{}\n{}", self.subject, self.body)
        }
    }

    fn check(&self, errors: &mut ValidationErrors) {
        if self.subject.trim().is_empty() && self.body.trim().is_empty() {
            errors.push("subject", FieldErrorKind::Required);
        }
    }
}

/// A to-do, optionally about a customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    /// Id, timestamps, version, trash mark.
    #[serde(flatten)]
    pub meta: Meta,
    /// The customer concerned, if any.
    #[serde(default)]
    pub customer_id: Option<Id>,
    /// What to do.
    pub title: String,
    /// When it is due.
    #[serde(with = "iso_date")]
    pub due: Date,
    /// Whether it is done.
    #[serde(default)]
    pub done: bool,
}

impl_record!(Task, "tasks");

impl Task {
    /// A new open task.
    pub fn new(
        id: Id,
        now: Timestamp,
        customer_id: Option<Id>,
        title: impl Into<String>,
        due: Date,
    ) -> Self {
        Task {
            meta: Meta::new(id, now),
            customer_id,
            title: title.into(),
            due,
            done: false,
        }
    }

    /// [`Task::new`] with a random v4 id.
    pub fn new_v4(
        now: Timestamp,
        customer_id: Option<Id>,
        title: impl Into<String>,
        due: Date,
    ) -> Self {
        Task::new(uuid::Uuid::new_v4(), now, customer_id, title, due)
    }

    /// [`Task::new`] with an id drawn from `rng`.
    pub fn with_rng(
        rng: &mut impl Rng,
        now: Timestamp,
        customer_id: Option<Id>,
        title: impl Into<String>,
        due: Date,
    ) -> Self {
        Task::new(super::new_id(rng), now, customer_id, title, due)
    }

    /// Marks the task done (or not) at `now`.
    pub fn set_done(&mut self, done: bool, now: Timestamp) {
        if self.done != done {
            self.done = done;
            self.meta.touch(now);
        }
    }

    /// Whether the task is open and its due date is before `today`.
    pub fn is_overdue(&self, today: Date) -> bool {
        !self.done && self.due < today
    }

    fn check(&self, errors: &mut ValidationErrors) {
        require(errors, "title", &self.title);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Record;
    use time::macros::date;
    use uuid::Uuid;

    #[test]
    fn interaction_needs_a_subject_or_a_body() {
        let mut i = Interaction::new(
            Uuid::from_u128(1),
            0,
            Uuid::from_u128(2),
            InteractionKind::Call,
            Direction::Outbound,
            0,
            "",
            " ",
        );
        assert!(i.validate().unwrap_err().has("subject"));
        i.body = "Discussed renewal".into();
        assert!(i.validate().is_ok());
    }

    #[test]
    fn serde_round_trip_keeps_every_field() {
        let i = Interaction::new(
            Uuid::from_u128(1),
            5,
            Uuid::from_u128(2),
            InteractionKind::Meeting,
            Direction::Inbound,
            7,
            "Kick-off",
            "送货太慢了，很失望",
        );
        let back: Interaction = serde_json::from_str(&serde_json::to_string(&i).unwrap()).unwrap();
        assert_eq!(back, i);
        let t = Task::new(
            Uuid::from_u128(3),
            5,
            Some(Uuid::from_u128(2)),
            "Call back",
            date!(2024 - 01 - 31),
        );
        let json = serde_json::to_string(&t).unwrap();
        assert!(json.contains("\"due\":\"2024-01-31\""));
        assert_eq!(serde_json::from_str::<Task>(&json).unwrap(), t);
    }

    #[test]
    fn task_without_title_is_refused_and_overdue_only_while_open() {
        let mut t = Task::new_v4(0, None, " ", date!(2024 - 01 - 01));
        assert!(t.validate().unwrap_err().has("title"));
        t.title = "Send quote".into();
        assert!(t.is_overdue(date!(2024 - 01 - 02)));
        t.set_done(true, 10);
        assert!(!t.is_overdue(date!(2024 - 01 - 02)));
        assert_eq!(t.meta.version, 2);
    }

    #[test]
    fn kinds_parse_from_import_labels() {
        assert_eq!(
            "e-mail".parse::<InteractionKind>().unwrap(),
            InteractionKind::Email
        );
        assert_eq!(
            "Phone call".parse::<InteractionKind>().unwrap(),
            InteractionKind::Call
        );
        assert_eq!("INCOMING".parse::<Direction>().unwrap(), Direction::Inbound);
    }
}
