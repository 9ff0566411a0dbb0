//! Validation errors: one [`FieldError`] per problem, tied to the field a form
//! shows it next to, collected in [`ValidationErrors`]. Messages are sentences
//! a user can read; the field name is for the code that places them.

use crate::i18n::{errors as t, terms};
use std::fmt;
use thiserror::Error;

use super::parse::ParseError;

/// What is wrong with one field.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum FieldErrorKind {
    /// The field must not be empty.
    #[error("{}", t::required())]
    Required,
    /// Not an email address (the text as typed).
    #[error("{}", t::invalid_email(.0))]
    InvalidEmail(String),
    /// Not a phone number (the text as typed).
    #[error("{}", t::invalid_phone(.0))]
    InvalidPhone(String),
    /// Not a three-letter currency code.
    #[error("{}", t::invalid_currency(.0))]
    InvalidCurrency(String),
    /// Not a date in the expected form.
    #[error("{}", t::invalid_date(.0))]
    InvalidDate(String),
    /// A number outside its allowed range.
    #[error("{}", t::out_of_range(.min, .max, .value))]
    OutOfRange {
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
        /// The value given.
        value: f64,
    },
    /// A number that must not be negative.
    #[error("{}", t::negative(.0))]
    Negative(f64),
    /// Not a finite number.
    #[error("{}", t::not_a_number())]
    NotANumber,
    /// A stored total that disagrees with the line items.
    #[error("{}", t::total_mismatch(*.stored, *.computed))]
    TotalMismatch {
        /// The total stored on the record.
        stored: f64,
        /// The total computed from the line items.
        computed: f64,
    },
    /// An end (date or time) before its start.
    #[error("{}", t::before_start())]
    BeforeStart,
    /// A link from a record to itself.
    #[error("{}", t::same_as_other())]
    SameAsOther,
    /// The same value given twice.
    #[error("{}", t::duplicate_value(.0))]
    Duplicate(String),
    /// A value that is not one of the allowed choices.
    #[error("{}", t::not_allowed(.0))]
    NotAllowed(String),
    /// A value that only makes sense in another state.
    #[error("{}", terms::translate(.0))]
    Inconsistent(&'static str),
    /// Typed text the field's parser cannot read; the sentence says why.
    #[error("{0}")]
    Unreadable(ParseError),
}

impl From<ParseError> for FieldErrorKind {
    fn from(error: ParseError) -> Self {
        FieldErrorKind::Unreadable(error)
    }
}

/// One problem, tied to a field.
#[derive(Debug, Clone, PartialEq, Error)]
#[error("{}{}{kind}", terms::translate(&field_label(.field)), t::label_separator())]
pub struct FieldError {
    /// The field's name as in the record, e.g. `"emails"`.
    pub field: &'static str,
    /// What is wrong.
    pub kind: FieldErrorKind,
}

/// A field name as people read it: `"annual_income"` → `"Annual income"`.
pub fn field_label(field: &str) -> String {
    let words = field.replace('_', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Every problem found in one record (empty means valid).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ValidationErrors(pub Vec<FieldError>);

impl ValidationErrors {
    /// Adds a problem.
    pub fn push(&mut self, field: &'static str, kind: FieldErrorKind) {
        self.0.push(FieldError { field, kind });
    }

    /// Whether no problem was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many problems were found.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The problems with one field, for showing next to it.
    pub fn for_field<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a FieldErrorKind> {
        self.0
            .iter()
            .filter(move |e| e.field == field)
            .map(|e| &e.kind)
    }

    /// The problems with one field as sentences to show next to it
    /// ("“bob@” is not a valid email address."), or `""` when it is fine.
    pub fn sentences_for(&self, field: &str) -> String {
        self.for_field(field)
            .map(|kind| {
                let text = kind.to_string();
                let mut chars = text.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect::<String>() + t::sentence_end())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Whether any problem concerns `field`.
    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|e| e.field == field)
    }

    /// `Ok(())` when empty, else `Err(self)`.
    pub fn into_result(self) -> Result<(), ValidationErrors> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(t::problem_separator())?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

impl IntoIterator for ValidationErrors {
    type Item = FieldError;
    type IntoIter = std::vec::IntoIter<FieldError>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// Text that names none of an enum's variants (e.g. an imported lifecycle
/// stage the importer does not know).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{}", t::unknown_variant(.value, terms::translate(.what)))]
pub struct UnknownVariant {
    /// What was being parsed, e.g. `"lifecycle stage"`.
    pub what: &'static str,
    /// The text given.
    pub value: String,
}

/// A state change the record's current state does not allow.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{}", t::transition(terms::translate(.what), terms::translate(.from), terms::translate(.to)))]
pub struct TransitionError {
    /// What is changing, e.g. `"order status"`.
    pub what: &'static str,
    /// The current state.
    pub from: String,
    /// The state asked for.
    pub to: String,
}

/// The comparison key of enum text: trimmed, lower-case, with `-`, `_` and
/// runs of whitespace as one space (`" Needs_analysis"` → `"needs analysis"`).
pub(crate) fn enum_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.trim().chars() {
        if c == '-' || c == '_' || c.is_whitespace() {
            if !out.ends_with(' ') && !out.is_empty() {
                out.push(' ');
            }
            continue;
        }
        out.extend(c.to_lowercase());
    }
    out.truncate(out.trim_end().len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_error_reads_as_a_sentence() {
        let e = FieldErrorKind::InvalidEmail("bob@".into());
        assert_eq!(e.to_string(), "“bob@” is not a valid email address");
    }

    #[test]
    fn an_unreadable_value_reads_as_the_parser_sentence() {
        let e = FieldErrorKind::from(ParseError::NotWhole("3.5".into()));
        assert_eq!(
            e.to_string(),
            "“3.5” is not a whole number — leave out the decimals"
        );
    }

    #[test]
    fn errors_are_found_by_field_and_joined_for_display() {
        let mut errs = ValidationErrors::default();
        errs.push("given_name", FieldErrorKind::Required);
        errs.push("emails", FieldErrorKind::InvalidEmail("x".into()));
        assert!(errs.has("emails") && !errs.has("phones"));
        assert_eq!(errs.for_field("given_name").count(), 1);
        assert_eq!(
            errs.to_string(),
            "Given name: this field is required; Emails: “x” is not a valid email address"
        );
        assert!(errs.into_result().is_err());
        assert!(ValidationErrors::default().into_result().is_ok());
    }

    #[test]
    fn enum_key_folds_case_and_separators() {
        assert_eq!(enum_key("  Needs_analysis "), "needs analysis");
        assert_eq!(
            enum_key("marketing-qualified   LEAD"),
            "marketing qualified lead"
        );
    }
}
