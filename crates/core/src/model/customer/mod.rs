//! The customer (a person, possibly at a company): names, contact details,
//! demographics, lifecycle stage, tags and custom fields, plus the keys the
//! search index and duplicate detection use.
//!
//! The value types of its fields ([`Education`], [`LifecycleStage`],
//! [`Address`], [`CustomValue`]) live in `fields`, the checks behind
//! [`Record::validate`](super::Record::validate) in `validation`, and the
//! form's typed text ([`CustomerDraft`], [`CustomFieldDraft`]) in `draft`.

mod draft;
#[cfg(test)]
mod draft_tests;
mod fields;
#[cfg(test)]
mod tests;
mod validation;

pub use draft::{CustomFieldDraft, CustomerDraft, CUSTOM_FIELD_KINDS};
pub use fields::{Address, CustomValue, Education, LifecycleStage};

use std::collections::BTreeMap;

use rand::Rng;
use serde::{Deserialize, Serialize};
use time::Date;

use super::contact::{parse_email, parse_phone, phone_digits};
use super::{impl_record, iso_date, FieldErrorKind, Id, Meta, Timestamp};

/// A customer or contact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Customer {
    /// Id, timestamps, version, trash mark.
    #[serde(flatten)]
    pub meta: Meta,
    /// First name.
    #[serde(default)]
    pub given_name: String,
    /// Last name.
    #[serde(default)]
    pub family_name: String,
    /// Email addresses, normalised (see [`parse_email`]); the first is primary.
    #[serde(default)]
    pub emails: Vec<String>,
    /// Phone numbers, normalised (see [`parse_phone`]).
    #[serde(default)]
    pub phones: Vec<String>,
    /// Company name.
    #[serde(default)]
    pub company: String,
    /// Job title.
    #[serde(default)]
    pub job_title: String,
    /// Postal address.
    #[serde(default)]
    pub address: Address,
    /// Date of birth.
    #[serde(default, with = "iso_date::option")]
    pub birthday: Option<Date>,
    /// Age in years, when known without a birthday.
    #[serde(default)]
    pub age: Option<u8>,
    /// Yearly income (in the business currency).
    #[serde(default)]
    pub annual_income: Option<f64>,
    /// Highest completed education.
    #[serde(default)]
    pub education: Option<Education>,
    /// Lifecycle stage.
    pub lifecycle: LifecycleStage,
    /// Where the customer came from ("Website", "Referral", …).
    #[serde(default)]
    pub source: String,
    /// The team member who looks after the customer.
    #[serde(default)]
    pub owner: String,
    /// Free labels, trimmed and without duplicates.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Segment name, e.g. assigned by the segmentation analysis.
    #[serde(default)]
    pub segment: Option<String>,
    /// User-defined fields.
    #[serde(default)]
    pub custom_fields: BTreeMap<String, CustomValue>,
    /// Set when this customer was merged into another one (and moved to the
    /// trash with it): the survivor, where links to this one redirect.
    /// Records stored before merging existed have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<Id>,
}

impl_record!(Customer, "customers");

/// Largest age accepted.
pub const MAX_AGE: u8 = 130;

impl Customer {
    /// An empty customer (stage `Lead`) with the given id, created at `now`.
    pub fn new(id: Id, now: Timestamp) -> Self {
        Customer {
            meta: Meta::new(id, now),
            given_name: String::new(),
            family_name: String::new(),
            emails: Vec::new(),
            phones: Vec::new(),
            company: String::new(),
            job_title: String::new(),
            address: Address::default(),
            birthday: None,
            age: None,
            annual_income: None,
            education: None,
            lifecycle: LifecycleStage::Lead,
            source: String::new(),
            owner: String::new(),
            tags: Vec::new(),
            segment: None,
            custom_fields: BTreeMap::new(),
            merged_into: None,
        }
    }

    /// [`Customer::new`] with a random v4 id.
    pub fn new_v4(now: Timestamp) -> Self {
        Customer::new(uuid::Uuid::new_v4(), now)
    }

    /// [`Customer::new`] with an id drawn from `rng`.
    pub fn with_rng(rng: &mut impl Rng, now: Timestamp) -> Self {
        Customer::new(super::new_id(rng), now)
    }

    /// The name to show: "given family" (family first, without a space, for
    /// CJK names such as 王伟), else the company, else the primary email.
    pub fn display_name(&self) -> String {
        let given = self.given_name.trim();
        let family = self.family_name.trim();
        let name = if is_cjk(given) || is_cjk(family) {
            format!("{family}{given}")
        } else {
            format!("{given} {family}").trim().to_string()
        };
        if !name.is_empty() {
            name
        } else if !self.company.trim().is_empty() {
            self.company.trim().to_string()
        } else if let Some(email) = self.primary_email() {
            email.to_string()
        } else {
            crate::i18n::labels::no_name().to_string()
        }
    }

    /// The first email address, if any.
    pub fn primary_email(&self) -> Option<&str> {
        self.emails.first().map(String::as_str)
    }

    /// The first phone number, if any.
    pub fn primary_phone(&self) -> Option<&str> {
        self.phones.first().map(String::as_str)
    }

    /// Lower-cased `"given family"`, for sorting and duplicate detection.
    pub fn name_key(&self) -> String {
        format!("{} {}", self.given_name.trim(), self.family_name.trim())
            .trim()
            .to_lowercase()
    }

    /// Lower-cased tokens for the search index: name parts (and the joined
    /// CJK name), each email and its local part, company words, phone digits
    /// and tags. Sorted, without duplicates.
    pub fn search_keys(&self) -> Vec<String> {
        let mut keys = Vec::new();
        let words = |s: &str, keys: &mut Vec<String>| {
            for w in s.split(|c: char| !c.is_alphanumeric()) {
                if !w.is_empty() {
                    keys.push(w.to_lowercase());
                }
            }
        };
        words(&self.given_name, &mut keys);
        words(&self.family_name, &mut keys);
        if is_cjk(&self.given_name) || is_cjk(&self.family_name) {
            keys.push(format!(
                "{}{}",
                self.family_name.trim(),
                self.given_name.trim()
            ));
        }
        for email in &self.emails {
            let email = email.to_lowercase();
            if let Some((local, _)) = email.split_once('@') {
                keys.push(local.to_string());
            }
            keys.push(email);
        }
        words(&self.company, &mut keys);
        for phone in &self.phones {
            let digits = phone_digits(phone);
            if !digits.is_empty() {
                keys.push(digits);
            }
        }
        for tag in &self.tags {
            keys.push(tag.to_lowercase());
        }
        keys.retain(|k| !k.is_empty());
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// Age in whole years on `on`, from the birthday, else the stored age.
    pub fn age_on(&self, on: Date) -> Option<u8> {
        match self.birthday {
            Some(b) => Some(years_between(b, on)),
            None => self.age,
        }
    }

    /// Adds a tag (trimmed) unless it is blank or already there
    /// (case-insensitively). Returns whether it was added.
    pub fn add_tag(&mut self, tag: &str) -> bool {
        let tag = tag.trim();
        if tag.is_empty() || self.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            return false;
        }
        self.tags.push(tag.to_string());
        true
    }

    /// Tidies what a form or import produced: trims names and text, normalises
    /// emails and phones that parse (leaving bad ones for [`validate`] to
    /// report), drops blank entries and duplicate tags.
    ///
    /// [`validate`]: super::Record::validate
    pub fn normalise(&mut self) {
        for s in [
            &mut self.given_name,
            &mut self.family_name,
            &mut self.company,
            &mut self.job_title,
            &mut self.source,
            &mut self.owner,
            &mut self.address.street,
            &mut self.address.city,
            &mut self.address.region,
            &mut self.address.postal_code,
            &mut self.address.country,
        ] {
            let t = s.trim();
            if t.len() != s.len() {
                *s = t.to_string();
            }
        }
        normalise_in_place(&mut self.emails, parse_email);
        normalise_in_place(&mut self.phones, parse_phone);
        let tags = std::mem::take(&mut self.tags);
        for t in &tags {
            self.add_tag(t);
        }
        if let Some(seg) = &self.segment {
            if seg.trim().is_empty() {
                self.segment = None;
            }
        }
    }
}

/// Whole years from `from` to `to` (0 if `to` is earlier).
pub fn years_between(from: Date, to: Date) -> u8 {
    let mut years = to.year() - from.year();
    if (to.month() as u8, to.day()) < (from.month() as u8, from.day()) {
        years -= 1;
    }
    years.clamp(0, u8::MAX as i32) as u8
}

/// Whether the text contains CJK ideographs.
fn is_cjk(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}'))
}

fn normalise_in_place(list: &mut Vec<String>, parse: fn(&str) -> Result<String, FieldErrorKind>) {
    let mut out: Vec<String> = Vec::with_capacity(list.len());
    for item in list.drain(..) {
        if item.trim().is_empty() {
            continue;
        }
        let value = parse(&item).unwrap_or(item);
        if !out.contains(&value) {
            out.push(value);
        }
    }
    *list = out;
}
