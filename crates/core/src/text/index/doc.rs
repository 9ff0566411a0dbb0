//! What the text index holds per text: its kind, key and the few fields the
//! UI shows next to a hit, and how interactions and tickets become texts.

use serde::{Deserialize, Serialize};

use crate::model::{labelled_enum, Id, Interaction, InteractionKind, Ticket, Timestamp};

labelled_enum! {
    /// Which kind of record a text comes from.
    pub enum TextKind ("text kind") {
        /// An interaction of kind note.
        Note => "Note" (text_note),
        /// A phone call's notes.
        Call => "Call" (text_call),
        /// An email.
        Email => "Email" (text_email),
        /// A meeting's notes.
        Meeting => "Meeting" (text_meeting),
        /// A support ticket.
        Ticket => "Ticket" (text_ticket),
    }
}

impl From<InteractionKind> for TextKind {
    fn from(kind: InteractionKind) -> Self {
        match kind {
            InteractionKind::Note => TextKind::Note,
            InteractionKind::Call => TextKind::Call,
            InteractionKind::Email => TextKind::Email,
            InteractionKind::Meeting => TextKind::Meeting,
        }
    }
}

/// Which text: the record's kind and id. Orders by kind, then id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DocKey {
    /// The kind of record.
    pub kind: TextKind,
    /// The record's id.
    pub id: Id,
}

/// A text to index: a title (subject) and a body, with the customer and
/// time they belong to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextDoc {
    /// Which record.
    pub key: DocKey,
    /// The customer concerned.
    pub customer: Id,
    /// When it happened (interaction) or was opened (ticket).
    pub at: Timestamp,
    /// The subject.
    pub title: String,
    /// The full text.
    pub body: String,
}

impl TextDoc {
    /// The text of a note, call, email or meeting.
    pub fn from_interaction(i: &Interaction) -> TextDoc {
        TextDoc {
            key: DocKey {
                kind: i.kind.into(),
                id: i.meta.id,
            },
            customer: i.customer_id,
            at: i.at,
            title: i.subject.clone(),
            body: i.body.clone(),
        }
    }

    /// The text of a support ticket (opened at `opened_at`).
    pub fn from_ticket(t: &Ticket) -> TextDoc {
        TextDoc {
            key: DocKey {
                kind: TextKind::Ticket,
                id: t.meta.id,
            },
            customer: t.customer_id,
            at: t.opened_at,
            title: t.subject.clone(),
            body: t.body.clone(),
        }
    }
}

/// What the index keeps of a text besides its terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocInfo {
    /// Which record.
    pub key: DocKey,
    /// The customer concerned.
    pub customer: Id,
    /// When it happened or was opened.
    pub at: Timestamp,
    /// The subject, for showing a hit.
    pub title: String,
}

impl DocInfo {
    /// The kind of record.
    pub fn kind(&self) -> TextKind {
        self.key.kind
    }
}

/// A text found similar or matching, with its score (cosine, 0..=1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// Which text.
    pub key: DocKey,
    /// Its customer.
    pub customer: Id,
    /// Its time.
    pub at: Timestamp,
    /// Cosine similarity of the TF-IDF vectors.
    pub score: f64,
}

/// A search result: the hit and which query terms the text contains (for
/// [`crate::text::highlight`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// The text and its score.
    pub hit: Hit,
    /// The query's terms found in this text, in query order.
    pub matched: Vec<String>,
}

/// A text search: words, optional kinds and time window, and a limit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TextQuery {
    /// What the user typed (tokenized like the texts).
    pub text: String,
    /// Kinds to search; empty means all.
    pub kinds: Vec<TextKind>,
    /// Only texts at or after this time.
    pub from: Option<Timestamp>,
    /// Only texts before this time.
    pub to: Option<Timestamp>,
    /// At most this many hits; 0 means no limit.
    pub limit: usize,
}

/// Two texts whose cosine similarity reached the threshold; `a < b`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct NearDuplicate {
    /// The smaller key.
    pub a: DocKey,
    /// The larger key.
    pub b: DocKey,
    /// Their cosine similarity.
    pub score: f64,
}

/// Whether `kind` passes a kinds filter (empty = all).
pub(crate) fn kind_selected(kinds: &[TextKind], kind: TextKind) -> bool {
    kinds.is_empty() || kinds.contains(&kind)
}
