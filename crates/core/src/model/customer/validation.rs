//! The field checks behind [`Record::validate`](crate::model::Record::validate)
//! for a customer: a name (or email or company), normalised and distinct
//! emails, valid phones, a plausible age and income, distinct tags and sound
//! custom fields.

use super::{CustomValue, Customer, MAX_AGE};
use crate::model::contact::{is_stored_form_of, parse_email, parse_phone};
use crate::model::{check_non_negative, FieldErrorKind, ValidationErrors};

impl Customer {
    pub(super) fn check(&self, errors: &mut ValidationErrors) {
        let has_name = !self.given_name.trim().is_empty() || !self.family_name.trim().is_empty();
        if !has_name && self.emails.is_empty() && self.company.trim().is_empty() {
            errors.push("given_name", FieldErrorKind::Required);
        }
        let mut seen = Vec::with_capacity(self.emails.len());
        for email in &self.emails {
            match parse_email(email) {
                Ok(n) if seen.contains(&n) => errors.push("emails", FieldErrorKind::Duplicate(n)),
                Ok(n) if !is_stored_form_of(email, &n) => {
                    errors.push("emails", FieldErrorKind::InvalidEmail(email.clone()))
                }
                Ok(n) => seen.push(n),
                Err(_) => errors.push("emails", FieldErrorKind::InvalidEmail(email.clone())),
            }
        }
        for phone in &self.phones {
            if parse_phone(phone).as_deref() != Ok(phone.as_str()) {
                errors.push("phones", FieldErrorKind::InvalidPhone(phone.clone()));
            }
        }
        if let Some(age) = self.age {
            if age > MAX_AGE {
                errors.push(
                    "age",
                    FieldErrorKind::OutOfRange {
                        min: 0.0,
                        max: MAX_AGE as f64,
                        value: age as f64,
                    },
                );
            }
        }
        if let Some(income) = self.annual_income {
            check_non_negative(errors, "annual_income", income);
        }
        let mut tags_seen: Vec<String> = Vec::new();
        for tag in &self.tags {
            let key = tag.trim().to_lowercase();
            if key.is_empty() {
                errors.push("tags", FieldErrorKind::Required);
            } else if tags_seen.contains(&key) {
                errors.push("tags", FieldErrorKind::Duplicate(tag.clone()));
            } else {
                tags_seen.push(key);
            }
        }
        if self.custom_fields.keys().any(|k| k.trim().is_empty()) {
            errors.push("custom_fields", FieldErrorKind::Required);
        }
        if self
            .custom_fields
            .values()
            .any(|v| matches!(v, CustomValue::Number(n) if !n.is_finite()))
        {
            errors.push("custom_fields", FieldErrorKind::NotANumber);
        }
    }
}
