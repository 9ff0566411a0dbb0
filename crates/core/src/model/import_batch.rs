//! The record of one import (EspoCRM's "Import" entity): which file, what
//! it created, the JSON of every record it changed as it was before, and
//! whether it was reverted. `io::import` writes one in the same change set
//! as the imported records, and `io::import::revert` reads it to undo the
//! whole import later, long after the Undo toast is gone.

use serde::{Deserialize, Serialize};

use super::{
    impl_record, labelled_enum, require, FieldErrorKind, Id, Meta, Timestamp, ValidationErrors,
};

labelled_enum! {
    /// What an import brought in.
    pub enum ImportKind ("import kind") {
        /// A contacts / customers file.
        Customers => "Customers" (import_customers),
        /// A transactions file (orders, and customers they name).
        Orders => "Orders" (import_orders),
    }
}

/// A record by collection and id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RecordRef {
    /// The store collection, e.g. `"customers"`.
    pub collection: String,
    /// The record id.
    pub id: Id,
}

/// A record an import changed, as it was before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriorRecord {
    /// The store collection.
    pub collection: String,
    /// The record id.
    pub id: Id,
    /// The version the import wrote (the one before it is `version - 1`).
    pub version: u64,
    /// The record's JSON before the import.
    pub json: String,
}

/// How the rows of an imported file were used.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImportCounts {
    /// Data rows read (blank rows not counted).
    pub rows: usize,
    /// Records created (customers, or orders).
    pub created: usize,
    /// Existing records updated.
    pub updated: usize,
    /// Customers created because an orders file named them.
    pub customers_created: usize,
    /// Rows skipped as duplicates.
    pub duplicates: usize,
    /// Rows skipped because of errors.
    pub invalid: usize,
}

/// One import, kept so it can be reverted as a whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportBatch {
    /// Id, timestamps, version, trash mark.
    #[serde(flatten)]
    pub meta: Meta,
    /// What the import was, e.g. "Import of customers.csv".
    pub label: String,
    /// The name of the imported file.
    #[serde(default)]
    pub file_name: String,
    /// Customers or orders.
    pub kind: ImportKind,
    /// Every record the import created.
    #[serde(default)]
    pub created: Vec<RecordRef>,
    /// Every record the import changed, as it was before.
    #[serde(default)]
    pub updated: Vec<PriorRecord>,
    /// How the rows were used.
    #[serde(default)]
    pub counts: ImportCounts,
    /// When the import was reverted, if it was.
    #[serde(default)]
    pub reverted_at: Option<Timestamp>,
}

impl_record!(ImportBatch, "imports");

impl ImportBatch {
    /// An empty batch created at `now`.
    pub fn new(id: Id, now: Timestamp, kind: ImportKind, label: impl Into<String>) -> Self {
        ImportBatch {
            meta: Meta::new(id, now),
            label: label.into(),
            file_name: String::new(),
            kind,
            created: Vec::new(),
            updated: Vec::new(),
            counts: ImportCounts::default(),
            reverted_at: None,
        }
    }

    /// Whether the import was reverted.
    pub fn is_reverted(&self) -> bool {
        self.reverted_at.is_some()
    }

    fn check(&self, errors: &mut ValidationErrors) {
        require(errors, "label", &self.label);
        if self
            .created
            .iter()
            .map(|r| &r.collection)
            .chain(self.updated.iter().map(|r| &r.collection))
            .any(|c| c.trim().is_empty())
        {
            errors.push("created", FieldErrorKind::Required);
        }
        if let Some(at) = self.reverted_at {
            if at < self.meta.created_at {
                errors.push("reverted_at", FieldErrorKind::BeforeStart);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Record, Uuid};

    #[test]
    fn a_batch_round_trips_through_json_and_needs_a_label() {
        let mut b = ImportBatch::new(
            Uuid::from_u128(1),
            10,
            ImportKind::Orders,
            "Import of a.csv",
        );
        b.file_name = "a.csv".into();
        b.created.push(RecordRef {
            collection: "orders".into(),
            id: Uuid::from_u128(2),
        });
        b.updated.push(PriorRecord {
            collection: "customers".into(),
            id: Uuid::from_u128(3),
            version: 4,
            json: "{}".into(),
        });
        b.counts.created = 1;
        let back: ImportBatch = serde_json::from_str(&serde_json::to_string(&b).unwrap()).unwrap();
        assert_eq!(back, b);
        assert!(b.validate().is_ok());
        b.label = " ".into();
        assert!(b.validate().unwrap_err().has("label"));
    }
}
