//! The customer form's text as typed ([`CustomerDraft`], with one
//! [`CustomFieldDraft`] per custom field) and how it becomes a [`Customer`]:
//! every number and date goes through [`crate::model::parse`], and every
//! problem is reported by field so the form can show it next to the input.

use std::collections::BTreeMap;

use super::{CustomValue, Customer, MAX_AGE};
use crate::model::parse::{parse_amount, parse_date, parse_integer, ParseError};
use crate::model::{iso_date, FieldErrorKind, Record, ValidationErrors};

/// The custom field kinds a user can pick, as the form's choice shows them.
pub const CUSTOM_FIELD_KINDS: [&str; 5] = ["Text", "Number", "Date", "Yes/no", "Choice"];

/// One custom field as typed: name, kind and value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CustomFieldDraft {
    /// Field name.
    pub name: String,
    /// One of [`CUSTOM_FIELD_KINDS`]; anything else is text.
    pub kind: String,
    /// The value as typed ("yes"/"no" for Yes/no).
    pub value: String,
}

impl CustomFieldDraft {
    /// The drafts of stored custom fields, in name order.
    pub fn drafts_of(fields: &BTreeMap<String, CustomValue>) -> Vec<CustomFieldDraft> {
        fields
            .iter()
            .map(|(name, v)| {
                let (kind, value) = match v {
                    CustomValue::Text(t) => ("Text", t.clone()),
                    CustomValue::Number(n) => ("Number", n.to_string()),
                    CustomValue::Date(d) => ("Date", iso_date::format(*d)),
                    CustomValue::Bool(b) => ("Yes/no", if *b { "yes" } else { "no" }.to_string()),
                    CustomValue::Choice(c) => ("Choice", c.clone()),
                };
                CustomFieldDraft {
                    name: name.clone(),
                    kind: kind.into(),
                    value,
                }
            })
            .collect()
    }

    /// Reads the drafts into custom fields; rows with neither name nor value
    /// are dropped, and each problem goes to `errors` under `custom_fields`.
    pub fn read_all(
        drafts: &[CustomFieldDraft],
        errors: &mut ValidationErrors,
    ) -> BTreeMap<String, CustomValue> {
        let mut out = BTreeMap::new();
        for d in drafts {
            let (name, text) = (d.name.trim(), d.value.trim());
            if name.is_empty() && text.is_empty() {
                continue;
            }
            if name.is_empty() {
                errors.push("custom_fields", FieldErrorKind::Required);
                continue;
            }
            if out.contains_key(name) {
                errors.push("custom_fields", FieldErrorKind::Duplicate(name.to_string()));
                continue;
            }
            match d.value() {
                Ok(value) => {
                    out.insert(name.to_string(), value);
                }
                Err(e) => errors.push("custom_fields", e),
            }
        }
        out
    }

    /// The typed value read as the draft's kind.
    fn value(&self) -> Result<CustomValue, FieldErrorKind> {
        let text = self.value.trim();
        let required = |e: ParseError| match e {
            ParseError::Empty => FieldErrorKind::Required,
            e => FieldErrorKind::Unreadable(e),
        };
        Ok(match self.kind.as_str() {
            "Number" => CustomValue::Number(parse_amount(text).map_err(required)?),
            "Date" => CustomValue::Date(parse_date(text).map_err(required)?),
            "Yes/no" => CustomValue::Bool(matches!(
                text.to_lowercase().as_str(),
                "yes" | "y" | "true" | "1"
            )),
            "Choice" => CustomValue::Choice(text.to_string()),
            _ => CustomValue::Text(text.to_string()),
        })
    }
}

/// The customer form's fields as typed, one string per input. Lists
/// (emails, phones, tags) are separated by commas, semicolons or new lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CustomerDraft {
    /// Given name.
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// Email addresses.
    pub emails: String,
    /// Phone numbers.
    pub phones: String,
    /// Company.
    pub company: String,
    /// Job title.
    pub job_title: String,
    /// Street.
    pub street: String,
    /// City.
    pub city: String,
    /// Region.
    pub region: String,
    /// Postal code.
    pub postal_code: String,
    /// Country.
    pub country: String,
    /// Birthday, read by [`parse_date`].
    pub birthday: String,
    /// Age in whole years, read by [`parse_integer`].
    pub age: String,
    /// Annual income, read by [`parse_amount`].
    pub annual_income: String,
    /// Education label (blank for none).
    pub education: String,
    /// Lifecycle stage label.
    pub lifecycle: String,
    /// Source.
    pub source: String,
    /// Owner.
    pub owner: String,
    /// Tags.
    pub tags: String,
    /// Segment (blank for none).
    pub segment: String,
}

fn joined(items: &[String]) -> String {
    items.join(", ")
}

fn split(text: &str) -> Vec<String> {
    text.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

impl CustomerDraft {
    /// The draft showing a stored customer.
    pub fn of(c: &Customer) -> CustomerDraft {
        CustomerDraft {
            given_name: c.given_name.clone(),
            family_name: c.family_name.clone(),
            emails: joined(&c.emails),
            phones: joined(&c.phones),
            company: c.company.clone(),
            job_title: c.job_title.clone(),
            street: c.address.street.clone(),
            city: c.address.city.clone(),
            region: c.address.region.clone(),
            postal_code: c.address.postal_code.clone(),
            country: c.address.country.clone(),
            birthday: c.birthday.map(iso_date::format).unwrap_or_default(),
            age: c.age.map(|a| a.to_string()).unwrap_or_default(),
            annual_income: c.annual_income.map(|v| v.to_string()).unwrap_or_default(),
            education: c
                .education
                .map(|e| e.label().to_string())
                .unwrap_or_default(),
            lifecycle: c.lifecycle.label().to_string(),
            source: c.source.clone(),
            owner: c.owner.clone(),
            tags: joined(&c.tags),
            segment: c.segment.clone().unwrap_or_default(),
        }
    }

    /// `base` with the draft's fields and `custom` fields written over it,
    /// normalised and validated, or every problem by field (a blank
    /// birthday, age or income clears it).
    pub fn apply_to(
        &self,
        base: &Customer,
        custom: &[CustomFieldDraft],
    ) -> Result<Customer, ValidationErrors> {
        let mut c = base.clone();
        let mut errors = ValidationErrors::default();
        c.given_name = self.given_name.clone();
        c.family_name = self.family_name.clone();
        c.emails = split(&self.emails);
        c.phones = split(&self.phones);
        c.company = self.company.clone();
        c.job_title = self.job_title.clone();
        c.address.street = self.street.clone();
        c.address.city = self.city.clone();
        c.address.region = self.region.clone();
        c.address.postal_code = self.postal_code.clone();
        c.address.country = self.country.clone();
        c.birthday = errors.optional("birthday", parse_date(&self.birthday));
        c.age = errors
            .optional("age", parse_integer(&self.age))
            .and_then(|age| {
                let fits = u8::try_from(age).ok().filter(|a| *a <= MAX_AGE);
                if fits.is_none() {
                    errors.push(
                        "age",
                        FieldErrorKind::OutOfRange {
                            min: 0.0,
                            max: f64::from(MAX_AGE),
                            value: age as f64,
                        },
                    );
                }
                fits
            });
        c.annual_income = errors.optional("annual_income", parse_amount(&self.annual_income));
        c.education = self.education.parse().ok();
        c.lifecycle = self.lifecycle.parse().unwrap_or(c.lifecycle);
        c.source = self.source.clone();
        c.owner = self.owner.clone();
        c.tags = split(&self.tags);
        c.segment = Some(self.segment.trim().to_string()).filter(|s| !s.is_empty());
        c.custom_fields = CustomFieldDraft::read_all(custom, &mut errors);
        c.normalise();
        // A field already unreadable is reported once, by its parser.
        errors.absorb_new(c.validate().err().into_iter().flatten());
        errors.into_result().map(|()| c)
    }
}
