//! The encryption record kept in `meta` under [`ENCRYPTION_META_KEY`]: the
//! key's parameters, its check value, and the phase — on, or a rewrite of
//! every page towards sealed or plain with how far it got. Its absence means
//! encryption is off. Each rewrite batch is one transaction that writes its
//! pages and the advanced record together, so a reload at any point leaves
//! the record saying exactly which pages are done; the pages after the cursor
//! are still in the old form, and every value says which form it is in.

use super::KdfParams;
use crate::store::COLLECTIONS;
use serde::{Deserialize, Serialize};

/// The `meta` key of the encryption record.
pub const ENCRYPTION_META_KEY: &str = "encryption";

/// The record's format version.
const RECORD_VERSION: u32 = 1;

/// Which form a rewrite brings every page to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// Turning encryption on.
    Sealed,
    /// Turning encryption off.
    Plain,
}

/// How far a rewrite got: every page of the collections before
/// `collection` (in [`COLLECTIONS`] order), and the pages of `collection`
/// numbered up to `after`, are done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Cursor {
    /// The index in [`COLLECTIONS`] of the collection being rewritten.
    pub collection: usize,
    /// The last page of it done, if any.
    pub after: Option<u32>,
}

/// Where encryption stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "phase", rename_all = "snake_case")]
pub enum Phase {
    /// Every page is sealed.
    On,
    /// Every page is being rewritten towards `target`.
    Rewriting {
        /// Sealed (turning on) or plain (turning off).
        target: Target,
        /// The pages done so far.
        next: Cursor,
        /// How many pages were rewritten so far.
        done: u64,
    },
}

/// The pages one rewrite batch takes: a run of one collection's pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RewriteBatch {
    /// The index of the collection in [`COLLECTIONS`].
    pub collection_index: usize,
    /// Its name.
    pub collection: &'static str,
    /// The page numbers, ascending.
    pub pages: Vec<u32>,
}

/// The encryption record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncryptionRecord {
    /// The record's format version.
    pub version: u32,
    /// How the key is derived from the passphrase.
    pub kdf: KdfParams,
    /// The key-check value ([`super::Key::check_value`]).
    pub check: String,
    /// On, or a rewrite under way.
    #[serde(flatten)]
    pub phase: Phase,
}

impl EncryptionRecord {
    /// The record that starts turning encryption on.
    pub fn turning_on(kdf: KdfParams, check: String) -> EncryptionRecord {
        EncryptionRecord {
            version: RECORD_VERSION,
            kdf,
            check,
            phase: Phase::Rewriting {
                target: Target::Sealed,
                next: Cursor::default(),
                done: 0,
            },
        }
    }

    /// The record that starts turning encryption off (from on, or from
    /// part-way through turning it on: every page is visited again).
    pub fn turning_off(&self) -> EncryptionRecord {
        EncryptionRecord {
            phase: Phase::Rewriting {
                target: Target::Plain,
                next: Cursor::default(),
                done: 0,
            },
            ..self.clone()
        }
    }

    /// Decodes the record as stored; `None` for an unknown format.
    pub fn from_json(text: &str) -> Result<EncryptionRecord, super::SealError> {
        let record: EncryptionRecord = serde_json::from_str(text)
            .map_err(|e| super::SealError::Format(format!("the encryption record: {e}")))?;
        if record.version != RECORD_VERSION {
            return Err(super::SealError::Format(format!(
                "encryption record version {}",
                record.version
            )));
        }
        Ok(record)
    }

    /// The record as stored.
    pub fn to_json(&self) -> String {
        // A struct of strings and numbers always serialises.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Whether pages written now are sealed: when on, and while turning on
    /// (a page written behind the cursor must not be left plain).
    pub fn seals_writes(&self) -> bool {
        matches!(
            self.phase,
            Phase::On
                | Phase::Rewriting {
                    target: Target::Sealed,
                    ..
                }
        )
    }

    /// The rewrite under way, if any.
    pub fn rewriting(&self) -> Option<Target> {
        match self.phase {
            Phase::On => None,
            Phase::Rewriting { target, .. } => Some(target),
        }
    }

    /// The next batch of at most `max_pages` pages to rewrite, given every
    /// collection's page numbers (ascending, indexed as [`COLLECTIONS`]);
    /// `None` when the rewrite is complete (or none is under way).
    pub fn next_batch(&self, pages: &[Vec<u32>], max_pages: usize) -> Option<RewriteBatch> {
        let Phase::Rewriting { next, .. } = self.phase else {
            return None;
        };
        let max_pages = max_pages.max(1);
        for (index, name) in COLLECTIONS.iter().enumerate().skip(next.collection) {
            let numbers = pages.get(index).map(Vec::as_slice).unwrap_or_default();
            let after = if index == next.collection {
                next.after
            } else {
                None
            };
            let batch: Vec<u32> = numbers
                .iter()
                .copied()
                .filter(|no| after.is_none_or(|a| *no > a))
                .take(max_pages)
                .collect();
            if !batch.is_empty() {
                return Some(RewriteBatch {
                    collection_index: index,
                    collection: name,
                    pages: batch,
                });
            }
        }
        None
    }

    /// The record once `batch` is written.
    pub fn advanced(&self, batch: &RewriteBatch) -> EncryptionRecord {
        let mut record = self.clone();
        if let Phase::Rewriting { next, done, .. } = &mut record.phase {
            *next = Cursor {
                collection: batch.collection_index,
                after: batch.pages.last().copied().or(next.after),
            };
            *done += batch.pages.len() as u64;
        }
        record
    }

    /// The record once the rewrite is complete: on after turning on; `None`
    /// (no record: encryption off) after turning off.
    pub fn finished(&self) -> Option<EncryptionRecord> {
        match self.phase {
            Phase::Rewriting {
                target: Target::Plain,
                ..
            } => None,
            _ => Some(EncryptionRecord {
                phase: Phase::On,
                ..self.clone()
            }),
        }
    }

    /// Pages done and pages in all, given every collection's page numbers
    /// (as for [`EncryptionRecord::next_batch`]); `(0, 0)` when no rewrite
    /// is under way.
    pub fn progress(&self, pages: &[Vec<u32>]) -> (u64, u64) {
        let Phase::Rewriting { next, done, .. } = self.phase else {
            return (0, 0);
        };
        let remaining: usize = pages
            .iter()
            .enumerate()
            .skip(next.collection)
            .map(|(index, numbers)| {
                let after = (index == next.collection).then_some(next.after).flatten();
                numbers
                    .iter()
                    .filter(|no| after.is_none_or(|a| **no > a))
                    .count()
            })
            .sum();
        (done, done + remaining as u64)
    }
}
