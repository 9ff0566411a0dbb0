//! The steps every draft (a form's fields as typed) shares when it is read
//! into a record: a parsed field that is required or optional, the customer
//! chosen in a picker, and the record's own validation added for the fields
//! that have no problem yet (a field already unreadable is reported once,
//! by its parser). The drafts themselves live beside their records.

use super::parse::ParseError;
use super::{FieldError, FieldErrorKind, Id, ValidationErrors};

impl ValidationErrors {
    /// The value of a required field; `None` with the problem recorded when
    /// it is blank or unreadable.
    pub fn required<T>(&mut self, field: &'static str, parsed: Result<T, ParseError>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(ParseError::Empty) => {
                self.push(field, FieldErrorKind::Required);
                None
            }
            Err(e) => {
                self.push(field, e.into());
                None
            }
        }
    }

    /// The value of an optional field: `None` when blank, and when
    /// unreadable (with the reason recorded).
    pub fn optional<T>(&mut self, field: &'static str, parsed: Result<T, ParseError>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(ParseError::Empty) => None,
            Err(e) => {
                self.push(field, e.into());
                None
            }
        }
    }

    /// The customer picked in a form's customer field (`unresolved`: text
    /// was typed but no suggestion chosen); a problem is recorded when it
    /// is unresolved, or missing and `required`.
    pub fn picked_customer(
        &mut self,
        customer: Option<Id>,
        unresolved: bool,
        required: bool,
    ) -> Option<Id> {
        if unresolved {
            self.push(
                "customer",
                FieldErrorKind::Inconsistent(if required {
                    "pick the customer from the suggestions"
                } else {
                    "pick the customer from the suggestions, or clear the field for a task about no one"
                }),
            );
            return None;
        }
        if customer.is_none() && required {
            self.push("customer", FieldErrorKind::Required);
        }
        customer
    }

    /// Adds the problems of `more` (a record's own validation) for the
    /// fields that had none before: a field already reported, unreadable
    /// say, is not reported again in other words.
    pub fn absorb_new(&mut self, more: impl IntoIterator<Item = FieldError>) {
        let reported: Vec<&'static str> = self.0.iter().map(|e| e.field).collect();
        self.0
            .extend(more.into_iter().filter(|e| !reported.contains(&e.field)));
    }
}
