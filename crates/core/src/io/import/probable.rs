//! Probable duplicates in the import preview: a row that matches no stored
//! customer exactly (by email, else phone) but is probably one of them
//! (similar name at the same company, same phone written another way…)
//! is still imported as new, with a note on its preview row naming who it
//! may be and why, so the user can merge them afterwards.

use crate::i18n::import_report as rt;
use std::collections::HashMap;

use crate::dedupe::{duplicates_of, DuplicateIndex};
use crate::model::{Customer, Id};

/// The score from which a row gets the note.
pub const PROBABLE_DUPLICATE_SCORE: f64 = 0.85;

/// The stored customers, indexed once when the import starts.
#[derive(Debug, Clone, Default)]
pub(super) struct ProbableDuplicates {
    index: DuplicateIndex,
    names: HashMap<Id, String>,
}

impl ProbableDuplicates {
    /// Indexes the live stored customers.
    pub(super) fn new(existing: &[Customer]) -> ProbableDuplicates {
        let index = DuplicateIndex::new(existing);
        if index.is_empty() {
            return ProbableDuplicates::default();
        }
        let names = existing
            .iter()
            .map(|c| (c.meta.id, c.display_name()))
            .collect();
        ProbableDuplicates { index, names }
    }

    /// The note for a new customer that is probably a stored one:
    /// "Possibly the same as “Ann Lee” (similar name, same company)."
    pub(super) fn notice(&self, row: &Customer) -> Option<String> {
        if self.index.is_empty() {
            return None;
        }
        let (id, _, reasons) = duplicates_of(row, &self.index, PROBABLE_DUPLICATE_SCORE)
            .into_iter()
            .next()?;
        let name = self
            .names
            .get(&id)
            .map_or(crate::i18n::labels::no_name(), String::as_str);
        let why: Vec<&str> = reasons.iter().map(|r| r.short()).collect();
        Some(rt::possibly_same(name, why.join(rt::list_separator())))
    }
}

#[cfg(test)]
mod tests {
    use super::super::{auto_map, CustomerImport, DuplicatePolicy, RowAction, SourceRow};
    use crate::model::{Customer, Uuid};

    const NOW: i64 = 1_750_000_000_000;

    fn stored() -> Vec<Customer> {
        let mut ann = Customer::new(Uuid::from_u128(1), NOW);
        (ann.given_name, ann.family_name) = ("Ann".into(), "Lee".into());
        ann.company = "Globex Inc".into();
        ann.emails = vec!["ann@lee.net".into()];
        vec![ann]
    }

    fn import(rows: &[[&str; 4]], policy: DuplicatePolicy) -> CustomerImport {
        let header: Vec<String> = ["First name", "Last name", "Email", "Company"]
            .map(String::from)
            .to_vec();
        let (_, mapping) = auto_map(&header);
        let mut job = CustomerImport::new(header, mapping, stored(), policy, NOW).with_seed(3);
        job.add_rows(
            rows.iter()
                .enumerate()
                .map(|(i, cells)| SourceRow {
                    line: i + 2,
                    cells: cells.map(String::from).to_vec(),
                    damage: None,
                })
                .collect(),
        );
        job
    }

    #[test]
    fn a_probable_duplicate_row_is_imported_with_a_notice() {
        let job = import(
            &[
                ["Anne", "Lee", "anne@globex.com", "Globex"],
                ["Bob", "Ray", "bob@ray.net", "Globex"],
            ],
            DuplicatePolicy::Skip,
        );
        let preview = job.preview(10);
        assert_eq!(preview.len(), 2);
        assert_eq!(preview[0].action, RowAction::Create);
        let note = "Possibly the same as “Ann Lee” (similar name, same company).";
        assert_eq!(preview[0].notice.as_deref(), Some(note));
        assert_eq!(preview[1].notice, None, "a colleague is someone else");
        let issues = job.issues();
        assert_eq!(issues.len(), 1);
        assert_eq!((issues[0].row, issues[0].skipped), (2, false));
        assert_eq!(issues[0].message, note);
        assert_eq!(job.summary().created, 2);
    }

    #[test]
    fn an_exact_duplicate_gets_no_probable_notice() {
        let job = import(
            &[["Ann", "Lee", "ann@lee.net", "Globex"]],
            DuplicatePolicy::Update,
        );
        let preview = job.preview(10);
        assert_eq!(preview[0].action, RowAction::Update);
        assert_eq!(preview[0].notice, None);
        assert!(job.issues().is_empty());
        let skipped = import(&[["Ann", "Lee", "ann@lee.net", ""]], DuplicatePolicy::Skip);
        assert!(skipped.issues()[0]
            .message
            .starts_with("Already in Rapport"));
        assert_eq!(skipped.issues().len(), 1);
    }
}
