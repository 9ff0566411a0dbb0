//! Building the customer index a slice at a time, so the page can build
//! the index of 100,000 customers at a cold open without a long task.

use super::tokens::TokenTableBuilder;
use super::{CustomerIndex, CustomerRow};
use crate::model::Id;
use std::collections::HashMap;

/// Builds a [`CustomerIndex`] a slice of rows at a time: each
/// [`add`](IndexBuilder::add) tokenises its rows (most of the work), so a
/// page building the index of 100,000 customers can hand the thread back to
/// the browser between slices; [`finish`](IndexBuilder::finish) sorts the
/// tokens. The result is the index [`CustomerIndex::build`] makes of the
/// same rows in the same order.
#[derive(Default)]
pub struct IndexBuilder {
    slots: Vec<Option<CustomerRow>>,
    by_id: HashMap<Id, u32>,
    table: TokenTableBuilder,
    /// A row replaced an earlier one of its id, whose tokens the table
    /// builder already holds: the table is then built again at the end.
    replaced: bool,
}

impl IndexBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `rows`; of rows with the same id (here or in an earlier slice),
    /// the last wins.
    pub fn add(&mut self, rows: impl IntoIterator<Item = CustomerRow>) {
        for row in rows {
            match self.by_id.get(&row.id) {
                Some(&slot) => {
                    self.slots[slot as usize] = Some(row);
                    self.replaced = true;
                }
                None => {
                    let slot = self.slots.len() as u32;
                    if !self.replaced {
                        self.table.add(slot, &row);
                    }
                    self.by_id.insert(row.id, slot);
                    self.slots.push(Some(row));
                }
            }
        }
    }

    /// Rows added so far (distinct ids).
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Whether no row was added.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// The index of every row added.
    pub fn finish(self) -> CustomerIndex {
        let rows = self.slots.len();
        let mut index = CustomerIndex {
            slots: self.slots,
            by_id: self.by_id,
            ..CustomerIndex::default()
        };
        if self.replaced {
            index.rebuild_table();
        } else {
            index.table = self.table.finish();
            index.in_table = vec![true; rows];
        }
        index
    }
}
