//! Support tickets: what a customer asked for, how fast it was solved, and how
//! satisfied they were afterwards.

use serde::{Deserialize, Serialize};

use super::{
    impl_record, labelled_enum, require, FieldErrorKind, Id, Meta, Timestamp, TransitionError,
    ValidationErrors,
};

labelled_enum! {
    /// Where a ticket stands.
    pub enum TicketStatus ("ticket status") {
        /// Waiting for us.
        Open => "Open" (ticket_open) | "new",
        /// Waiting for the customer or a third party.
        Pending => "Pending" (ticket_pending) | "on hold" | "waiting",
        /// Done.
        Solved => "Solved" (ticket_solved) | "closed" | "resolved",
    }
}

labelled_enum! {
    /// How urgent a ticket is.
    pub enum Priority ("priority") {
        /// Whenever there is time.
        Low => "Low" (priority_low),
        /// The usual.
        Normal => "Normal" (priority_normal) | "medium",
        /// Soon.
        High => "High" (priority_high),
        /// Now.
        Urgent => "Urgent" (priority_urgent) | "critical",
    }
}

/// A support request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ticket {
    /// Id, timestamps, version, trash mark.
    #[serde(flatten)]
    pub meta: Meta,
    /// Who asked.
    pub customer_id: Id,
    /// One-line summary.
    pub subject: String,
    /// The request.
    #[serde(default)]
    pub body: String,
    /// Open, pending or solved.
    pub status: TicketStatus,
    /// Low to urgent.
    pub priority: Priority,
    /// When it was opened (unix ms).
    pub opened_at: Timestamp,
    /// When it was solved; set exactly when the status is solved.
    #[serde(default)]
    pub solved_at: Option<Timestamp>,
    /// Customer satisfaction, 1 (bad) to 5 (great).
    #[serde(default)]
    pub satisfaction: Option<u8>,
    /// What the customer said about the handling.
    #[serde(default)]
    pub feedback: Option<String>,
}

impl_record!(Ticket, "tickets");

impl Ticket {
    /// A new open ticket, opened at `now`.
    pub fn new(
        id: Id,
        now: Timestamp,
        customer_id: Id,
        subject: impl Into<String>,
        body: impl Into<String>,
        priority: Priority,
    ) -> Self {
        Ticket {
            meta: Meta::new(id, now),
            customer_id,
            subject: subject.into(),
            body: body.into(),
            status: TicketStatus::Open,
            priority,
            opened_at: now,
            solved_at: None,
            satisfaction: None,
            feedback: None,
        }
    }

    /// [`Ticket::new`] with a random v4 id.
    pub fn new_v4(
        now: Timestamp,
        customer_id: Id,
        subject: impl Into<String>,
        body: impl Into<String>,
        priority: Priority,
    ) -> Self {
        Ticket::new(
            uuid::Uuid::new_v4(),
            now,
            customer_id,
            subject,
            body,
            priority,
        )
    }

    /// Marks the ticket solved at `now`.
    pub fn solve(&mut self, now: Timestamp) -> Result<(), TransitionError> {
        if self.status == TicketStatus::Solved {
            return Err(self.transition_error(TicketStatus::Solved));
        }
        self.status = TicketStatus::Solved;
        self.solved_at = Some(now.max(self.opened_at));
        self.meta.touch(now);
        Ok(())
    }

    /// Opens a solved ticket again at `now`.
    pub fn reopen(&mut self, now: Timestamp) -> Result<(), TransitionError> {
        if self.status != TicketStatus::Solved {
            return Err(self.transition_error(TicketStatus::Open));
        }
        self.status = TicketStatus::Open;
        self.solved_at = None;
        self.meta.touch(now);
        Ok(())
    }

    /// Time from opening to solving, in milliseconds.
    pub fn resolution_ms(&self) -> Option<i64> {
        self.solved_at.map(|s| s - self.opened_at)
    }

    /// Time from opening to solving, in hours.
    pub fn resolution_hours(&self) -> Option<f64> {
        self.resolution_ms().map(|ms| ms as f64 / 3_600_000.0)
    }

    fn transition_error(&self, to: TicketStatus) -> TransitionError {
        TransitionError {
            what: "ticket status",
            from: self.status.label().to_string(),
            to: to.label().to_string(),
        }
    }

    fn check(&self, errors: &mut ValidationErrors) {
        require(errors, "subject", &self.subject);
        match (self.status, self.solved_at) {
            (TicketStatus::Solved, None) => errors.push("solved_at", FieldErrorKind::Required),
            (TicketStatus::Open | TicketStatus::Pending, Some(_)) => errors.push(
                "solved_at",
                FieldErrorKind::Inconsistent("only a solved ticket has a solved date"),
            ),
            (_, Some(s)) if s < self.opened_at => {
                errors.push("solved_at", FieldErrorKind::BeforeStart)
            }
            _ => {}
        }
        if let Some(score) = self.satisfaction {
            if !(1..=5).contains(&score) {
                errors.push(
                    "satisfaction",
                    FieldErrorKind::OutOfRange {
                        min: 1.0,
                        max: 5.0,
                        value: score as f64,
                    },
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Record;
    use uuid::Uuid;

    fn ticket() -> Ticket {
        Ticket::new(
            Uuid::from_u128(1),
            1_000,
            Uuid::from_u128(2),
            "Late delivery",
            "",
            Priority::High,
        )
    }

    #[test]
    fn a_new_v4_ticket_is_open_since_now_and_needs_a_subject() {
        let t = Ticket::new_v4(7, Uuid::from_u128(2), "Broken lid", "", Priority::Normal);
        assert_eq!(
            (t.status, t.opened_at, t.solved_at),
            (TicketStatus::Open, 7, None)
        );
        assert_ne!(t.meta.id, ticket().meta.id);
        assert!(t.validate().is_ok());
        let blank = Ticket::new_v4(7, Uuid::from_u128(2), "  ", "", Priority::Normal);
        assert!(blank.validate().unwrap_err().has("subject"));
    }

    #[test]
    fn satisfaction_outside_one_to_five_is_refused() {
        let mut t = ticket();
        for (score, ok) in [(0, false), (1, true), (5, true), (6, false)] {
            t.satisfaction = Some(score);
            assert_eq!(t.validate().is_ok(), ok, "score {score}");
        }
    }

    #[test]
    fn solving_sets_solved_at_and_reopening_clears_it() {
        let mut t = ticket();
        t.solve(4_600_000).unwrap();
        assert_eq!(
            t.resolution_hours(),
            Some((4_600_000.0 - 1_000.0) / 3_600_000.0)
        );
        assert!(t.validate().is_ok());
        assert!(t.solve(5_000_000).is_err());
        t.reopen(6_000_000).unwrap();
        assert_eq!((t.status, t.solved_at), (TicketStatus::Open, None));
    }

    #[test]
    fn solved_ticket_without_date_or_solved_before_opened_is_refused() {
        let mut t = ticket();
        t.status = TicketStatus::Solved;
        assert!(t.validate().unwrap_err().has("solved_at"));
        t.solved_at = Some(0);
        assert_eq!(
            t.validate().unwrap_err().for_field("solved_at").next(),
            Some(&FieldErrorKind::BeforeStart)
        );
    }

    #[test]
    fn serde_round_trip_keeps_every_field() {
        let mut t = ticket();
        t.solve(2_000).unwrap();
        t.satisfaction = Some(2);
        t.feedback = Some("送货太慢了，很失望".into());
        let back: Ticket = serde_json::from_str(&serde_json::to_string(&t).unwrap()).unwrap();
        assert_eq!(back, t);
    }

    #[test]
    fn zendesk_style_labels_parse() {
        assert_eq!(
            "closed".parse::<TicketStatus>().unwrap(),
            TicketStatus::Solved
        );
        assert_eq!(
            "On-hold".parse::<TicketStatus>().unwrap(),
            TicketStatus::Pending
        );
        assert_eq!("Medium".parse::<Priority>().unwrap(), Priority::Normal);
    }
}
