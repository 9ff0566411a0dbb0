//! One row read through the mapping: a [`Patch`] of the customer fields
//! the row gives (nothing for empty cells), and the problems found in its
//! cells. Applying a patch to a blank customer makes a new one; applying it
//! to an existing customer is the "Update" duplicate policy (imported
//! non-empty fields win, lists are merged).

use crate::i18n::import_report as rt;
use std::collections::{BTreeMap, HashMap};

use time::Date;

use super::cells::{first_value, split_list, split_name};
use super::{Mapping, RowIssue, Target, EXTERNAL_ID_FIELD, RAPPORT_LIST_SEPARATOR};
use crate::io::export::unneutralise;
use crate::model::customer::MAX_AGE;
use crate::model::parse::{parse_amount, parse_integer, read_date_cell, DateCell, ParseError};
use crate::model::{parse_email, parse_phone, CustomValue, Customer, Education, LifecycleStage};

/// The custom field that keeps a lifecycle stage Rapport does not know.
pub(crate) const IMPORTED_STAGE_FIELD: &str = "Imported lifecycle stage";

/// The fields one row gives.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Patch {
    pub given: Option<String>,
    pub family: Option<String>,
    pub full: Option<String>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub company: Option<String>,
    pub job_title: Option<String>,
    pub street: Option<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub postal_code: Option<String>,
    pub country: Option<String>,
    pub birthday: Option<Date>,
    pub age: Option<u8>,
    pub income: Option<f64>,
    pub education: Option<Education>,
    pub lifecycle: Option<LifecycleStage>,
    pub source: Option<String>,
    pub owner: Option<String>,
    pub tags: Vec<String>,
    pub segment: Option<String>,
    pub custom: BTreeMap<String, String>,
}

/// Parsed enum cells by their text: a file repeats a handful of stage and
/// education labels, and parsing one costs a dozen allocations.
#[derive(Default)]
pub(crate) struct Labels {
    stages: HashMap<String, Option<LifecycleStage>>,
    education: HashMap<String, Result<Education, String>>,
}

impl Labels {
    fn stage(&mut self, cell: &str) -> Option<LifecycleStage> {
        if let Some(s) = self.stages.get(cell) {
            return *s;
        }
        let parsed = cell.parse().ok();
        self.stages.insert(cell.to_string(), parsed);
        parsed
    }

    fn education(&mut self, cell: &str) -> Result<Education, String> {
        if let Some(e) = self.education.get(cell) {
            return e.clone();
        }
        let parsed = cell.parse::<Education>().map_err(|e| e.to_string());
        self.education.insert(cell.to_string(), parsed.clone());
        parsed
    }
}

/// Reads a row's cells into a patch; problems go to `issues` (a skipping
/// issue means the row must not be imported).
pub(crate) fn read_row(
    labels: &mut Labels,
    header: &[String],
    mapping: &Mapping,
    line: usize,
    cells: &[String],
    issues: &mut Vec<RowIssue>,
) -> Patch {
    let mut p = Patch::default();
    for (i, (target, raw)) in mapping.targets.iter().zip(cells).enumerate() {
        let cell = unneutralise(raw.trim()).trim();
        // A line break inside a quoted cell is kept as "\n" whatever the file used.
        let unified;
        let cell = if cell.contains('\r') {
            unified = cell.replace("\r\n", "\n").replace('\r', "\n");
            unified.as_str()
        } else {
            cell
        };
        if cell.is_empty() || *target == Target::Ignore {
            continue;
        }
        let column = header.get(i).map_or("", String::as_str);
        let mut bad = |message: String| issues.push(RowIssue::skip(line, column, message));
        let text = || Some(first_value(cell).to_string());
        match target {
            Target::GivenName => join_into(&mut p.given, cell),
            Target::FamilyName => join_into(&mut p.family, cell),
            Target::FullName => p.full = p.full.take().or_else(text),
            Target::Email => {
                for value in split_list(cell) {
                    match parse_email(value) {
                        Ok(e) if !p.emails.contains(&e) => p.emails.push(e),
                        Ok(_) => {}
                        Err(e) => bad(sentence(&e.to_string())),
                    }
                }
            }
            Target::Phone => {
                for value in split_list(cell) {
                    match parse_phone(value.trim_start_matches('\'')) {
                        Ok(n) if !p.phones.contains(&n) => p.phones.push(n),
                        Ok(_) => {}
                        Err(e) => bad(sentence(&e.to_string())),
                    }
                }
            }
            Target::Company => p.company = p.company.take().or_else(text),
            Target::JobTitle => p.job_title = p.job_title.take().or_else(text),
            Target::Street => p.street = p.street.take().or_else(text),
            Target::City => p.city = p.city.take().or_else(text),
            Target::Region => p.region = p.region.take().or_else(text),
            Target::PostalCode => p.postal_code = p.postal_code.take().or_else(text),
            Target::Country => p.country = p.country.take().or_else(text),
            Target::Source => p.source = p.source.take().or_else(text),
            Target::Owner => p.owner = p.owner.take().or_else(text),
            Target::Segment => p.segment = p.segment.take().or_else(text),
            Target::Birthday => match read_date_cell(cell) {
                DateCell::Date(d) => {
                    p.birthday = Some(d);
                    if let Some(note) = ambiguous_date_note(cell, d) {
                        issues.push(RowIssue::note(line, column, note));
                    }
                }
                DateCell::Empty => {}
                DateCell::NoYear => {
                    p.custom
                        .insert("Birthday (no year)".into(), cell.to_string());
                }
                DateCell::Bad => bad(sentence(&ParseError::NotADate(cell.into()).to_string())),
            },
            Target::Age => match parse_integer(cell) {
                Ok(a) => match u8::try_from(a).ok().filter(|a| *a <= MAX_AGE) {
                    Some(age) => p.age = Some(age),
                    None => bad(rt::not_an_age(cell, MAX_AGE)),
                },
                Err(e) => bad(sentence(&e.to_string())),
            },
            Target::AnnualIncome => match parse_amount(cell) {
                Ok(v) if v >= 0.0 => p.income = Some(v),
                Ok(_) => bad(rt::negative_income(cell)),
                Err(e) => bad(sentence(&e.to_string())),
            },
            Target::Education => match labels.education(cell) {
                Ok(e) => p.education = Some(e),
                Err(e) => bad(rt::choose_one_of(
                    sentence(&e).trim_end_matches(['.', '。']),
                    join_labels(Education::ALL.iter().map(|e| e.label())),
                )),
            },
            Target::Lifecycle => match labels.stage(cell) {
                Some(s) => p.lifecycle = Some(s),
                None => {
                    p.custom
                        .insert(IMPORTED_STAGE_FIELD.into(), cell.to_string());
                    issues.push(RowIssue::note(
                        line,
                        column,
                        format!(
                            "“{cell}” is not a lifecycle stage Rapport knows; it was kept in the \
                             custom field “{IMPORTED_STAGE_FIELD}”."
                        ),
                    ));
                }
            },
            Target::Tags => {
                for tag in split_list(cell) {
                    match tag.strip_prefix("* ") {
                        // Google's built-in groups: "* myContacts" is everyone.
                        Some("myContacts") => {}
                        Some(system) => p.tags.push(system.to_string()),
                        None => p.tags.push(tag.to_string()),
                    }
                }
            }
            Target::ExternalId => {
                p.custom
                    .insert(EXTERNAL_ID_FIELD.into(), first_value(cell).to_string());
            }
            Target::Custom(name) => {
                let name = if name.trim().is_empty() {
                    column
                } else {
                    name.as_str()
                };
                let value = p.custom.entry(name.trim().to_string()).or_default();
                if !value.is_empty() {
                    value.push_str(RAPPORT_LIST_SEPARATOR);
                }
                value.push_str(cell);
            }
            Target::Ignore => {}
        }
    }
    p
}

/// For a date written `N/N/YYYY` (or with `-`) whose two first numbers
/// could each be the month, which [`read_date_cell`] read month first (US
/// order): a note that says so. Dates written `D.M.YYYY`, year first, with
/// a number above 12, or with day and month equal say nothing.
fn ambiguous_date_note(cell: &str, read: Date) -> Option<String> {
    let date_part = cell.split(['T', ' ']).next().unwrap_or(cell);
    let parts: Vec<&str> = date_part.split(['/', '-']).collect();
    let short = |p: &str| (1..=2).contains(&p.chars().count());
    if cell.contains('.') || parts.len() != 3 || !short(parts[0]) || !short(parts[1]) {
        return None;
    }
    let (day, month) = (read.day(), u8::from(read.month()));
    if day > 12 || day == month {
        return None;
    }
    let other =
        Date::from_calendar_date(read.year(), time::Month::try_from(day).ok()?, month).ok()?;
    let (first, second, chosen) = match crate::i18n::lang() {
        crate::i18n::Lang::En => (
            format!("{} {}", read.day(), read.month()),
            format!("{} {} {}", other.day(), other.month(), read.year()),
            format!("{} {} {}", read.day(), read.month(), read.year()),
        ),
        crate::i18n::Lang::Zh => (
            crate::format::date(read),
            crate::format::date(other),
            crate::format::date(read),
        ),
    };
    Some(rt::ambiguous_date(cell, first, second, chosen))
}

/// Appends a name part (two "First name" columns make "Ada Augusta").
fn join_into(slot: &mut Option<String>, cell: &str) {
    let value = first_value(cell);
    match slot {
        Some(s) => {
            s.push(' ');
            s.push_str(value);
        }
        None => *slot = Some(value.to_string()),
    }
}

/// A model message as a sentence: capitalised, with a full stop.
pub(crate) fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut s: String = first.to_uppercase().chain(chars).collect();
    if !s.ends_with(['.', '。']) {
        s.push_str(crate::i18n::errors::sentence_end());
    }
    s
}

fn join_labels<'a>(labels: impl Iterator<Item = &'a str>) -> String {
    labels.collect::<Vec<_>>().join(", ")
}

impl Patch {
    /// Writes the patch onto `c`: given fields replace, emails, phones and
    /// tags are added, custom fields are set one by one. A full name is
    /// split only when the row gives neither a given nor a family name.
    pub(crate) fn apply(&self, c: &mut Customer) {
        let set = |slot: &mut String, value: &Option<String>| {
            if let Some(v) = value {
                slot.clone_from(v);
            }
        };
        if self.given.is_some() || self.family.is_some() {
            set(&mut c.given_name, &self.given);
            set(&mut c.family_name, &self.family);
        } else if let Some(full) = &self.full {
            let (given, family) = split_name(full);
            c.given_name = given;
            c.family_name = family;
        }
        add_all(&mut c.emails, &self.emails);
        add_all(&mut c.phones, &self.phones);
        set(&mut c.company, &self.company);
        set(&mut c.job_title, &self.job_title);
        set(&mut c.address.street, &self.street);
        set(&mut c.address.city, &self.city);
        set(&mut c.address.region, &self.region);
        set(&mut c.address.postal_code, &self.postal_code);
        set(&mut c.address.country, &self.country);
        set(&mut c.source, &self.source);
        set(&mut c.owner, &self.owner);
        c.birthday = self.birthday.or(c.birthday);
        c.age = self.age.or(c.age);
        c.annual_income = self.income.or(c.annual_income);
        c.education = self.education.or(c.education);
        c.lifecycle = self.lifecycle.unwrap_or(c.lifecycle);
        if self.segment.is_some() {
            c.segment.clone_from(&self.segment);
        }
        for tag in &self.tags {
            c.add_tag(tag);
        }
        for (name, value) in &self.custom {
            c.custom_fields
                .insert(name.clone(), CustomValue::Text(value.clone()));
        }
    }
}

fn add_all(list: &mut Vec<String>, values: &[String]) {
    for v in values {
        if !list.contains(v) {
            list.push(v.clone());
        }
    }
}
