//! The customer (a person, possibly at a company): names, contact details,
//! demographics, lifecycle stage, tags and custom fields, plus the keys the
//! search index and duplicate detection use.

use std::collections::BTreeMap;

use rand::Rng;
use serde::{Deserialize, Serialize};
use time::Date;

use super::contact::{parse_email, parse_phone, phone_digits};
use super::{
    check_non_negative, impl_record, iso_date, labelled_enum, FieldErrorKind, Id, Meta, Timestamp,
    ValidationErrors,
};

labelled_enum! {
    /// Highest completed education.
    pub enum Education ("education level") {
        /// No formal qualification.
        None => "None" | "no formal education",
        /// Secondary / high school.
        Secondary => "Secondary" | "high school",
        /// Vocational / trade qualification.
        Vocational => "Vocational" | "trade",
        /// Bachelor's degree.
        Bachelor => "Bachelor" | "bachelor's" | "bachelors" | "undergraduate",
        /// Master's degree.
        Master => "Master" | "master's" | "masters" | "mba",
        /// Doctorate.
        Doctorate => "Doctorate" | "phd" | "doctor",
    }
}

labelled_enum! {
    /// Where the customer is in the relationship, HubSpot-style. Parsing also
    /// accepts HubSpot's labels ("Marketing qualified lead" → `Lead`, "Sales
    /// qualified lead" → `Opportunity`).
    pub enum LifecycleStage ("lifecycle stage") {
        /// Signed up for news, nothing more.
        Subscriber => "Subscriber" | "newsletter",
        /// Showed interest.
        Lead => "Lead" | "marketing qualified lead" | "mql" | "prospect",
        /// A sale is being worked on.
        Opportunity => "Opportunity" | "sales qualified lead" | "sql",
        /// Has bought.
        Customer => "Customer" | "client",
        /// Buys and recommends.
        Evangelist => "Evangelist" | "promoter" | "advocate",
        /// Used to buy, stopped.
        Churned => "Churned" | "lost" | "former customer" | "inactive",
    }
}

impl LifecycleStage {
    /// Whether the stage counts as a paying relationship (now or before).
    pub fn has_bought(self) -> bool {
        matches!(
            self,
            LifecycleStage::Customer | LifecycleStage::Evangelist | LifecycleStage::Churned
        )
    }
}

/// A postal address; every part optional (empty string).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Address {
    /// Street and number.
    pub street: String,
    /// City or town.
    pub city: String,
    /// State, province or region.
    pub region: String,
    /// Postal or ZIP code.
    pub postal_code: String,
    /// Country name.
    pub country: String,
}

impl Address {
    /// Whether every part is empty.
    pub fn is_empty(&self) -> bool {
        [
            &self.street,
            &self.city,
            &self.region,
            &self.postal_code,
            &self.country,
        ]
        .iter()
        .all(|s| s.trim().is_empty())
    }
}

/// The value of a user-defined field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum CustomValue {
    /// Free text.
    Text(String),
    /// A number.
    Number(f64),
    /// A calendar date.
    Date(#[serde(with = "iso_date")] Date),
    /// Yes / no.
    Bool(bool),
    /// One option from a list the user defined.
    Choice(String),
}

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
            "(no name)".to_string()
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

    fn check(&self, errors: &mut ValidationErrors) {
        let has_name = !self.given_name.trim().is_empty() || !self.family_name.trim().is_empty();
        if !has_name && self.emails.is_empty() && self.company.trim().is_empty() {
            errors.push("given_name", FieldErrorKind::Required);
        }
        let mut seen = Vec::with_capacity(self.emails.len());
        for email in &self.emails {
            match parse_email(email) {
                Ok(n) if seen.contains(&n) => errors.push("emails", FieldErrorKind::Duplicate(n)),
                Ok(n) if &n != email => {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Record;
    use time::macros::date;

    fn ann() -> Customer {
        let mut c = Customer::new(uuid::Uuid::from_u128(1), 1_000);
        c.given_name = "Ann".into();
        c.family_name = "Lee".into();
        c.emails = vec!["ann@example.com".into()];
        c.phones = vec!["+14155550134".into()];
        c.company = "Acme Widgets".into();
        c
    }

    #[test]
    fn serde_round_trip_keeps_every_field() {
        let mut c = ann();
        c.job_title = "CTO".into();
        c.address = Address {
            street: "1 Main St".into(),
            city: "Springfield".into(),
            region: "IL".into(),
            postal_code: "62701".into(),
            country: "United States".into(),
        };
        c.birthday = Some(date!(1980 - 02 - 29));
        c.age = Some(44);
        c.annual_income = Some(120_000.5);
        c.education = Some(Education::Master);
        c.lifecycle = LifecycleStage::Evangelist;
        c.source = "Referral".into();
        c.owner = "Sam".into();
        c.tags = vec!["vip".into()];
        c.segment = Some("Affluent professionals".into());
        c.custom_fields
            .insert("since".into(), CustomValue::Date(date!(2020 - 01 - 02)));
        c.custom_fields
            .insert("score".into(), CustomValue::Number(7.5));
        c.custom_fields.insert("ok".into(), CustomValue::Bool(true));
        c.custom_fields
            .insert("plan".into(), CustomValue::Choice("Gold".into()));
        c.custom_fields
            .insert("note".into(), CustomValue::Text("hi".into()));
        c.meta.deleted_at = Some(5);
        let json = serde_json::to_string(&c).unwrap();
        assert!(json.contains("\"birthday\":\"1980-02-29\""), "{json}");
        assert!(json.contains("\"lifecycle\":\"evangelist\""), "{json}");
        let back: Customer = serde_json::from_str(&json).unwrap();
        assert_eq!(back, c);
    }

    #[test]
    fn customer_with_no_name_email_or_company_is_refused() {
        let mut c = Customer::new_v4(0);
        assert!(c.validate().unwrap_err().has("given_name"));
        c.company = "Acme".into();
        assert!(c.validate().is_ok());
    }

    #[test]
    fn unnormalised_or_bad_email_is_refused_with_its_text() {
        let mut c = ann();
        c.emails.push("bob@".into());
        let errs = c.validate().unwrap_err();
        assert_eq!(
            errs.for_field("emails").next().unwrap().to_string(),
            "“bob@” is not a valid email address"
        );
    }

    #[test]
    fn normalise_fixes_what_it_can_and_leaves_the_rest_for_validation() {
        let mut c = ann();
        c.given_name = "  Ann ".into();
        c.emails = vec![
            " ANN@example.com".into(),
            "ann@example.com".into(),
            "".into(),
        ];
        c.phones = vec!["+1 (415) 555-0134".into(), "call me".into()];
        c.tags = vec![" vip".into(), "VIP".into(), " ".into(), "b2b".into()];
        c.normalise();
        assert_eq!(c.given_name, "Ann");
        assert_eq!(c.emails, ["ann@example.com"]);
        assert_eq!(c.phones, ["+14155550134", "call me"]);
        assert_eq!(c.tags, ["vip", "b2b"]);
        let errs = c.validate().unwrap_err();
        assert_eq!(errs.len(), 1);
        assert!(errs.has("phones"));
    }

    #[test]
    fn lifecycle_parses_hubspot_labels_case_insensitively() {
        let p = |s: &str| s.parse::<LifecycleStage>().unwrap();
        assert_eq!(p("Marketing qualified lead"), LifecycleStage::Lead);
        assert_eq!(p("Sales qualified lead"), LifecycleStage::Opportunity);
        assert_eq!(p("SALES_QUALIFIED_LEAD"), LifecycleStage::Opportunity);
        assert_eq!(p(" customer "), LifecycleStage::Customer);
        assert_eq!(p("evangelist"), LifecycleStage::Evangelist);
        let err = "VIP".parse::<LifecycleStage>().unwrap_err();
        assert_eq!(err.to_string(), "“VIP” is not a known lifecycle stage");
        assert_eq!(LifecycleStage::ALL.len(), 6);
    }

    #[test]
    fn education_parses_labels_and_aliases() {
        assert_eq!("PhD".parse::<Education>().unwrap(), Education::Doctorate);
        assert_eq!(
            "high-school".parse::<Education>().unwrap(),
            Education::Secondary
        );
        assert_eq!(Education::Bachelor.to_string(), "Bachelor");
    }

    #[test]
    fn display_name_puts_chinese_family_name_first() {
        let mut c = Customer::new_v4(0);
        c.given_name = "伟".into();
        c.family_name = "王".into();
        assert_eq!(c.display_name(), "王伟");
        assert!(c.search_keys().contains(&"王伟".to_string()));
        assert_eq!(ann().display_name(), "Ann Lee");
    }

    #[test]
    fn display_name_falls_back_to_company_then_email() {
        let mut c = Customer::new_v4(0);
        c.emails = vec!["x@y.io".into()];
        assert_eq!(c.display_name(), "x@y.io");
        c.company = "Acme".into();
        assert_eq!(c.display_name(), "Acme");
    }

    #[test]
    fn search_keys_hold_name_email_company_and_phone_digits() {
        let keys = ann().search_keys();
        for k in [
            "ann",
            "lee",
            "ann@example.com",
            "acme",
            "widgets",
            "14155550134",
        ] {
            assert!(keys.contains(&k.to_string()), "{k} missing from {keys:?}");
        }
        assert_eq!(ann().name_key(), "ann lee");
    }

    #[test]
    fn age_on_uses_the_birthday_when_known() {
        let mut c = ann();
        c.birthday = Some(date!(2000 - 06 - 15));
        assert_eq!(c.age_on(date!(2024 - 06 - 14)), Some(23));
        assert_eq!(c.age_on(date!(2024 - 06 - 15)), Some(24));
    }

    #[test]
    fn negative_income_and_impossible_age_are_refused() {
        let mut c = ann();
        c.annual_income = Some(-1.0);
        c.age = Some(200);
        let errs = c.validate().unwrap_err();
        assert!(errs.has("annual_income") && errs.has("age"));
    }

    #[test]
    fn missing_optional_fields_deserialise_to_defaults() {
        let json = r#"{"id":"00000000-0000-4000-8000-000000000001","created_at":1,"updated_at":1,"version":1,"given_name":"Z","lifecycle":"lead"}"#;
        let c: Customer = serde_json::from_str(json).unwrap();
        assert!(c.validate().is_ok());
        assert_eq!(c.meta.deleted_at, None);
    }
}
