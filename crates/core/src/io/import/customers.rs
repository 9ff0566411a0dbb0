//! [`CustomerImport`]: turns mapped rows into new and updated customers,
//! row by row as the reader hands them over, checking each with the
//! model's own validation and matching duplicates (by normalised email,
//! else by phone) against the customers already stored and the rows before
//! it in the same file; a new row that is probably a stored customer gets a
//! note (see `probable`). Nothing is written here: [`into_change_set`]
//! returns one [`ChangeSet`] with every record and the [`ImportBatch`] that
//! lets the import be reverted later.
//!
//! [`into_change_set`]: CustomerImport::into_change_set

use crate::i18n::import_report as rt;
use std::collections::HashMap;

use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

use super::patch::{read_row, sentence, Labels};
use super::probable::ProbableDuplicates;
use super::{ImportError, Mapping, RowIssue, SourceRow, Target};
use crate::model::error::field_label;
use crate::model::{
    new_id, Customer, ImportBatch, ImportCounts, ImportKind, PriorRecord, Record, RecordRef,
    Timestamp,
};
use crate::store::ChangeSet;

/// What to do with a row that matches a customer already stored (or an
/// earlier row of the file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DuplicatePolicy {
    /// Leave the existing customer alone and skip the row (the default).
    #[default]
    Skip,
    /// Copy the row's non-empty fields onto the existing customer; emails,
    /// phones and tags are added to theirs.
    Update,
    /// Import the row as a new customer anyway.
    Create,
}

/// What will happen to a previewed row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowAction {
    /// A new customer.
    Create,
    /// An existing customer, updated.
    Update,
}

/// A row as it will be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewRow {
    /// The line the (first) row starts on.
    pub row: usize,
    /// New or updated.
    pub action: RowAction,
    /// The customer as it will be stored.
    pub customer: Customer,
    /// For a new customer who is probably a stored one (not matched
    /// exactly): "Possibly the same as “Ann Lee” (similar name, same company)."
    pub notice: Option<String>,
}

/// A planned write: a new customer, or an existing one and its new state.
struct Plan {
    row: usize,
    before: Option<Customer>,
    after: Customer,
    notice: Option<String>,
}

/// The customer import in progress; see the module docs.
pub struct CustomerImport {
    header: Vec<String>,
    mapping: Mapping,
    policy: DuplicatePolicy,
    now: Timestamp,
    rng: Xoshiro256PlusPlus,
    existing: Vec<Customer>,
    /// Normalised email / phone → index in `existing`.
    existing_by_email: HashMap<String, usize>,
    existing_by_phone: HashMap<String, usize>,
    probable: ProbableDuplicates,
    plans: Vec<Plan>,
    /// Existing customer index → its plan.
    plan_of_existing: HashMap<usize, usize>,
    /// Email / phone of a new customer → its plan.
    new_by_email: HashMap<String, usize>,
    new_by_phone: HashMap<String, usize>,
    issues: Vec<RowIssue>,
    counts: ImportCounts,
    labels: Labels,
}

/// Where a row's duplicate is.
enum Match {
    Existing(usize),
    InFile(usize),
}

impl CustomerImport {
    /// Starts an import of a file with this header and mapping, against the
    /// customers already stored (trashed ones are not matched), at `now`.
    /// New ids come from the OS's random source (see [`with_seed`]).
    ///
    /// [`with_seed`]: CustomerImport::with_seed
    pub fn new(
        header: Vec<String>,
        mapping: Mapping,
        existing: Vec<Customer>,
        policy: DuplicatePolicy,
        now: Timestamp,
    ) -> CustomerImport {
        let mut by_email = HashMap::new();
        let mut by_phone = HashMap::new();
        for (i, c) in existing.iter().enumerate().filter(|(_, c)| !c.is_deleted()) {
            for e in &c.emails {
                // Stored before emails were put in NFC, an address may be
                // in another form; look it up by the form rows have.
                let key = crate::model::parse_email(e).unwrap_or_else(|_| e.clone());
                by_email.entry(key).or_insert(i);
            }
            for p in &c.phones {
                by_phone.entry(p.clone()).or_insert(i);
            }
        }
        let seed = u64::from_le_bytes(
            uuid::Uuid::new_v4().as_bytes()[..8]
                .try_into()
                .unwrap_or_default(),
        );
        CustomerImport {
            header,
            mapping,
            policy,
            now,
            rng: Xoshiro256PlusPlus::seed_from_u64(seed),
            probable: ProbableDuplicates::new(&existing),
            existing,
            existing_by_email: by_email,
            existing_by_phone: by_phone,
            plans: Vec::new(),
            plan_of_existing: HashMap::new(),
            new_by_email: HashMap::new(),
            new_by_phone: HashMap::new(),
            issues: Vec::new(),
            counts: ImportCounts::default(),
            labels: Labels::default(),
        }
    }

    /// Draws new ids from a seeded generator instead (tests, benches).
    pub fn with_seed(mut self, seed: u64) -> CustomerImport {
        self.rng = Xoshiro256PlusPlus::seed_from_u64(seed);
        self
    }

    /// Reads more rows (call as often as the page likes, e.g. once per
    /// slice of the file, yielding in between).
    pub fn add_rows(&mut self, rows: Vec<SourceRow>) {
        for row in rows {
            self.add_row(row);
        }
    }

    fn add_row(&mut self, row: SourceRow) {
        self.counts.rows += 1;
        let line = row.line;
        if let Some(issue) = RowIssue::damaged(&row, &self.header) {
            self.counts.invalid += 1;
            self.issues.push(issue);
            return;
        }
        if row.cells.len() != self.header.len() {
            self.counts.invalid += 1;
            self.issues.push(RowIssue::skip(
                line,
                "",
                if row.cells.len() == 1 {
                    rt::row_width_one(self.header.len())
                } else {
                    rt::row_width(row.cells.len(), self.header.len())
                },
            ));
            return;
        }
        let first_issue = self.issues.len();
        let patch = read_row(
            &mut self.labels,
            &self.header,
            &self.mapping,
            line,
            &row.cells,
            &mut self.issues,
        );
        let mut customer = Customer::new(new_id(&mut self.rng), self.now);
        customer.source = "Import".into();
        patch.apply(&mut customer);
        customer.normalise();
        if let Err(errors) = customer.validate() {
            for e in errors {
                let (column, message) = self.explain(e.field, &e.kind.to_string());
                self.issues.push(RowIssue::skip(line, &column, message));
            }
        }
        if self.issues[first_issue..].iter().any(|i| i.skipped) {
            self.counts.invalid += 1;
            return;
        }
        match (self.find_duplicate(&customer), self.policy) {
            (None, _) | (Some(_), DuplicatePolicy::Create) => self.plan_new(line, customer),
            (Some(m), DuplicatePolicy::Skip) => {
                self.counts.duplicates += 1;
                let message = match m {
                    Match::Existing(i) => rt::already_in_rapport(self.existing[i].display_name()),
                    Match::InFile(p) => rt::same_as_line(self.plans[p].row),
                };
                self.issues.push(RowIssue::skip(line, "", message));
            }
            (Some(m), DuplicatePolicy::Update) => {
                let plan = match m {
                    Match::InFile(p) => p,
                    Match::Existing(i) => match self.plan_of_existing.get(&i) {
                        Some(&p) => p,
                        None => {
                            let before = self.existing[i].clone();
                            self.plans.push(Plan {
                                row: line,
                                after: before.clone(),
                                before: Some(before),
                                notice: None,
                            });
                            self.plan_of_existing.insert(i, self.plans.len() - 1);
                            self.plans.len() - 1
                        }
                    },
                };
                let mut merged = self.plans[plan].after.clone();
                patch.apply(&mut merged);
                merged.normalise();
                if let Err(errors) = merged.validate() {
                    self.counts.invalid += 1;
                    let name = merged.display_name();
                    self.issues.push(RowIssue::skip(
                        line,
                        "",
                        rt::merge_would_be_invalid(name, errors),
                    ));
                    return;
                }
                if self.plans[plan].before.is_none() {
                    self.index_new(plan, &merged);
                }
                self.plans[plan].after = merged;
            }
        }
    }

    /// The column and sentence for a model validation error.
    fn explain(&self, field: &str, text: &str) -> (String, String) {
        if field == "given_name" {
            return (String::new(), rt::no_name().into());
        }
        let target = match field {
            "emails" => Target::Email,
            "phones" => Target::Phone,
            "age" => Target::Age,
            "annual_income" => Target::AnnualIncome,
            "tags" => Target::Tags,
            _ => Target::Ignore,
        };
        match self
            .mapping
            .column_of(&target)
            .filter(|_| target != Target::Ignore)
        {
            Some(i) => (self.header[i].clone(), sentence(text)),
            None => (
                String::new(),
                format!(
                    "{}{}{}",
                    crate::i18n::terms::translate(&field_label(field)),
                    crate::i18n::errors::label_separator(),
                    sentence(text)
                ),
            ),
        }
    }

    fn find_duplicate(&self, c: &Customer) -> Option<Match> {
        let (emails, phones) = (&c.emails, &c.phones);
        let lookup = |by_email: &HashMap<String, usize>, by_phone: &HashMap<String, usize>| {
            if emails.is_empty() {
                phones.iter().find_map(|p| by_phone.get(p).copied())
            } else {
                emails.iter().find_map(|e| by_email.get(e).copied())
            }
        };
        lookup(&self.new_by_email, &self.new_by_phone)
            .map(Match::InFile)
            .or_else(|| {
                lookup(&self.existing_by_email, &self.existing_by_phone).map(Match::Existing)
            })
    }

    fn plan_new(&mut self, row: usize, customer: Customer) {
        let plan = self.plans.len();
        self.index_new(plan, &customer);
        let notice = self.probable.notice(&customer);
        if let Some(n) = &notice {
            self.issues.push(RowIssue::note(row, "", n.clone()));
        }
        self.plans.push(Plan {
            row,
            before: None,
            after: customer,
            notice,
        });
    }

    /// Indexes the emails and phones of a new customer's plan (updates of
    /// stored customers are found through the stored customer).
    fn index_new(&mut self, plan: usize, c: &Customer) {
        for e in &c.emails {
            self.new_by_email.entry(e.clone()).or_insert(plan);
        }
        for p in &c.phones {
            self.new_by_phone.entry(p.clone()).or_insert(plan);
        }
    }

    /// The first `n` customers as they will be stored, in file order.
    pub fn preview(&self, n: usize) -> Vec<PreviewRow> {
        self.plans
            .iter()
            .filter(|p| p.before.as_ref() != Some(&p.after))
            .take(n)
            .map(|p| PreviewRow {
                row: p.row,
                action: if p.before.is_some() {
                    RowAction::Update
                } else {
                    RowAction::Create
                },
                customer: p.after.clone(),
                notice: p.notice.clone(),
            })
            .collect()
    }

    /// Every problem found so far, in file order, plus notes.
    pub fn issues(&self) -> &[RowIssue] {
        &self.issues
    }

    /// How the rows read so far will be used.
    pub fn summary(&self) -> ImportCounts {
        let mut counts = self.counts;
        for p in &self.plans {
            match &p.before {
                None => counts.created += 1,
                Some(b) if *b != p.after => counts.updated += 1,
                // Every matching row changed nothing: counted as duplicates.
                Some(_) => {}
            }
        }
        counts
    }

    /// The change set that stores the import (new customers inserted,
    /// updated ones written through [`ChangeSet::update`] so a customer
    /// edited meanwhile in another tab makes the whole import fail with a
    /// conflict instead of overwriting), together with its [`ImportBatch`]
    /// (also in the change set). Apply it with the store's `apply`, which
    /// commits it in one transaction.
    pub fn into_change_set(
        mut self,
        label: &str,
        file_name: &str,
    ) -> Result<(ChangeSet, ImportBatch), ImportError> {
        let counts = self.summary();
        if counts.rows == 0 {
            return Err(ImportError::NoRows);
        }
        if counts.created + counts.updated == 0 {
            return Err(ImportError::NothingToImport {
                rows: counts.rows,
                invalid: counts.invalid,
                duplicates: counts.rows - counts.invalid,
            });
        }
        let mut batch = ImportBatch::new(
            new_id(&mut self.rng),
            self.now,
            ImportKind::Customers,
            label,
        );
        batch.file_name = file_name.to_string();
        batch.counts = counts;
        let mut changes = ChangeSet::new(label);
        changes.ops.reserve(self.plans.len() + 1);
        for plan in &mut self.plans {
            match &plan.before {
                None => {
                    changes.insert(&plan.after)?;
                    batch.created.push(RecordRef {
                        collection: Customer::COLLECTION.into(),
                        id: plan.after.id(),
                    });
                }
                Some(before) if *before != plan.after => {
                    plan.after.touch(self.now);
                    changes.update(&plan.after)?;
                    batch.updated.push(PriorRecord {
                        collection: Customer::COLLECTION.into(),
                        id: before.id(),
                        version: plan.after.meta.version,
                        json: serde_json::to_string(before)
                            .map_err(|e| crate::store::StoreError::Encode(e.to_string()))?,
                    });
                }
                Some(_) => {}
            }
        }
        changes.insert(&batch)?;
        Ok((changes, batch))
    }
}
