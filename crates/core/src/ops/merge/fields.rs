//! The customer's fields as a merge sees them: which scalar fields can
//! disagree ([`MergeField`]), what each record holds there as text for the
//! confirmation dialog, which record's value the user picked
//! ([`MergeChoices`]), and the merged customer that results (emails, phones
//! and tags unioned, the survivor's first).

use std::collections::BTreeMap;

use super::MergeError;
use crate::model::{parse_email, CustomValue, Customer, Id};

/// A scalar field of a customer whose values may disagree in a merge.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MergeField {
    /// First name.
    GivenName,
    /// Last name.
    FamilyName,
    /// Company.
    Company,
    /// Job title.
    JobTitle,
    /// Date of birth.
    Birthday,
    /// Age.
    Age,
    /// Yearly income.
    AnnualIncome,
    /// Education.
    Education,
    /// Lifecycle stage.
    Lifecycle,
    /// Source.
    Source,
    /// Owner.
    Owner,
    /// Postal address (all parts together).
    Address,
    /// Segment.
    Segment,
    /// A custom field, by name.
    Custom(String),
}

impl MergeField {
    /// The built-in fields, in the order the dialog lists them.
    pub const BUILT_IN: [MergeField; 13] = [
        MergeField::GivenName,
        MergeField::FamilyName,
        MergeField::Company,
        MergeField::JobTitle,
        MergeField::Birthday,
        MergeField::Age,
        MergeField::AnnualIncome,
        MergeField::Education,
        MergeField::Lifecycle,
        MergeField::Source,
        MergeField::Owner,
        MergeField::Address,
        MergeField::Segment,
    ];

    /// The field's label in the dialog, in the current language.
    pub fn label(&self) -> String {
        match self {
            MergeField::GivenName => crate::i18n::analysis_labels::merge_given_name().into(),
            MergeField::FamilyName => crate::i18n::analysis_labels::merge_family_name().into(),
            MergeField::Company => crate::i18n::analysis_labels::merge_company().into(),
            MergeField::JobTitle => crate::i18n::analysis_labels::merge_job_title().into(),
            MergeField::Birthday => crate::i18n::analysis_labels::merge_birthday().into(),
            MergeField::Age => crate::i18n::analysis_labels::merge_age().into(),
            MergeField::AnnualIncome => crate::i18n::analysis_labels::merge_annual_income().into(),
            MergeField::Education => crate::i18n::analysis_labels::merge_education().into(),
            MergeField::Lifecycle => crate::i18n::analysis_labels::merge_lifecycle().into(),
            MergeField::Source => crate::i18n::analysis_labels::merge_source().into(),
            MergeField::Owner => crate::i18n::analysis_labels::merge_owner().into(),
            MergeField::Address => crate::i18n::analysis_labels::merge_address().into(),
            MergeField::Segment => crate::i18n::analysis_labels::merge_segment().into(),
            MergeField::Custom(name) => name.clone(),
        }
    }

    /// What `c` holds in this field, as text; `None` when it is empty.
    pub fn value(&self, c: &Customer) -> Option<String> {
        let text = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
        match self {
            MergeField::GivenName => text(&c.given_name),
            MergeField::FamilyName => text(&c.family_name),
            MergeField::Company => text(&c.company),
            MergeField::JobTitle => text(&c.job_title),
            MergeField::Birthday => c.birthday.map(crate::model::iso_date::format),
            MergeField::Age => c.age.map(|a| a.to_string()),
            MergeField::AnnualIncome => c.annual_income.map(|x| x.to_string()),
            MergeField::Education => c.education.map(|e| e.label().to_string()),
            MergeField::Lifecycle => Some(c.lifecycle.label().to_string()),
            MergeField::Source => text(&c.source),
            MergeField::Owner => text(&c.owner),
            MergeField::Address => {
                let a = &c.address;
                let parts: Vec<&str> = [&a.street, &a.city, &a.region, &a.postal_code, &a.country]
                    .into_iter()
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .collect();
                (!parts.is_empty()).then(|| parts.join(", "))
            }
            MergeField::Segment => c.segment.as_deref().and_then(text),
            MergeField::Custom(name) => c.custom_fields.get(name).map(custom_text),
        }
    }

    /// Copies this field from `from` onto `to` (empty included).
    fn copy(&self, from: &Customer, to: &mut Customer) {
        match self {
            MergeField::GivenName => to.given_name.clone_from(&from.given_name),
            MergeField::FamilyName => to.family_name.clone_from(&from.family_name),
            MergeField::Company => to.company.clone_from(&from.company),
            MergeField::JobTitle => to.job_title.clone_from(&from.job_title),
            MergeField::Birthday => to.birthday = from.birthday,
            MergeField::Age => to.age = from.age,
            MergeField::AnnualIncome => to.annual_income = from.annual_income,
            MergeField::Education => to.education = from.education,
            MergeField::Lifecycle => to.lifecycle = from.lifecycle,
            MergeField::Source => to.source.clone_from(&from.source),
            MergeField::Owner => to.owner.clone_from(&from.owner),
            MergeField::Address => to.address.clone_from(&from.address),
            MergeField::Segment => to.segment.clone_from(&from.segment),
            MergeField::Custom(name) => match from.custom_fields.get(name) {
                Some(v) => {
                    to.custom_fields.insert(name.clone(), v.clone());
                }
                None => {
                    to.custom_fields.remove(name);
                }
            },
        }
    }
}

/// A custom value as the dialog shows it.
fn custom_text(v: &CustomValue) -> String {
    match v {
        CustomValue::Text(t) | CustomValue::Choice(t) => t.clone(),
        CustomValue::Number(n) => n.to_string(),
        CustomValue::Date(d) => crate::model::iso_date::format(*d),
        CustomValue::Bool(b) => if *b { "Yes" } else { "No" }.into(),
    }
}

/// A field where the records disagree, for the confirmation dialog.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldConflict {
    /// The field.
    pub field: MergeField,
    /// Its label.
    pub label: String,
    /// Each record's non-empty value, survivor first.
    pub values: Vec<(Id, String)>,
}

/// Which record's value each conflicting field takes. A field not chosen
/// takes the survivor's value when it has one, else the first merged
/// record's (in the order given) that has one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MergeChoices {
    picks: BTreeMap<MergeField, Id>,
}

impl MergeChoices {
    /// No choices: every field follows the default.
    pub fn new() -> MergeChoices {
        MergeChoices::default()
    }

    /// Takes `field` from the record `from`.
    pub fn pick(mut self, field: MergeField, from: Id) -> MergeChoices {
        self.picks.insert(field, from);
        self
    }

    /// The record chosen for `field`, if any.
    pub fn get(&self, field: &MergeField) -> Option<Id> {
        self.picks.get(field).copied()
    }
}

/// Every field that can conflict among `records` (survivor first): the
/// built-in ones and each custom field any record has.
fn all_fields(records: &[&Customer]) -> Vec<MergeField> {
    let mut fields = MergeField::BUILT_IN.to_vec();
    let mut custom: Vec<&String> = records
        .iter()
        .flat_map(|c| c.custom_fields.keys())
        .collect();
    custom.sort_unstable();
    custom.dedup();
    fields.extend(custom.into_iter().cloned().map(MergeField::Custom));
    fields
}

/// The fields where the records (survivor first) hold different non-empty
/// values.
pub(super) fn conflicts(records: &[&Customer]) -> Vec<FieldConflict> {
    all_fields(records)
        .into_iter()
        .filter_map(|field| {
            let values: Vec<(Id, String)> = records
                .iter()
                .filter_map(|c| field.value(c).map(|v| (c.meta.id, v)))
                .collect();
            let differ = values.iter().any(|(_, v)| *v != values[0].1);
            differ.then(|| FieldConflict {
                label: field.label(),
                field,
                values,
            })
        })
        .collect()
}

/// The survivor (`records[0]`) with the chosen values and every record's
/// emails, phones and tags; not yet touched.
pub(super) fn merged_customer(
    records: &[&Customer],
    choices: &MergeChoices,
) -> Result<Customer, MergeError> {
    for (field, id) in &choices.picks {
        if !records.iter().any(|c| c.meta.id == *id) {
            return Err(MergeError::ChoiceNotInMerge {
                field: field.label(),
            });
        }
    }
    let mut out = records[0].clone();
    for field in all_fields(records) {
        let from = match choices.get(&field) {
            Some(id) => records.iter().find(|c| c.meta.id == id),
            None => records.iter().find(|c| field.value(c).is_some()),
        };
        if let Some(from) = from {
            field.copy(from, &mut out);
        }
    }
    let mut seen: Vec<String> = Vec::new();
    out.emails.clear();
    out.phones.clear();
    for c in records {
        for e in &c.emails {
            let key = parse_email(e).unwrap_or_else(|_| e.clone());
            if !seen.contains(&key) {
                seen.push(key);
                out.emails.push(e.clone());
            }
        }
        for p in &c.phones {
            if !out.phones.contains(p) {
                out.phones.push(p.clone());
            }
        }
        for t in &c.tags {
            out.add_tag(t);
        }
    }
    Ok(out)
}
