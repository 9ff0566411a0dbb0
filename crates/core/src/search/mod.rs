//! The Customers list's in-memory index: search as you type, filters, sort by
//! any column and saved views over every live customer, kept fast at 100,000
//! customers. Pure Rust (no DOM, no store): the UI loads the live customers
//! from the store once, [`CustomerIndex::build`]s the index, then keeps it in
//! step with [`CustomerIndex::upsert`] / [`CustomerIndex::remove`] (or
//! [`CustomerIndex::upsert_customer`]) as records change, and renders only
//! the visible window of [`CustomerIndex::query`]'s ids.
//!
//! # How it works
//!
//! - **Rows and slots.** Each [`CustomerRow`] lives in a slot of a `Vec`;
//!   an `Id → slot` map finds it. Removing a row leaves a tombstone whose slot
//!   is reused; queries answer with [`Id`]s, which never change.
//! - **Tokens.** A row's tokens (see `tokens.rs`) are its lower-cased name
//!   and company words; each email whole, its local part, its domain and the
//!   pieces between `. _ - + @`; each phone's digits and every digit suffix
//!   of four or more ("15550123", "5550123", …, "0123"), so a prefix lookup
//!   finds any run of digits ending at least four before the end. Runs of
//!   CJK ideographs also index each ideograph and each suffix, so one
//!   character of a Chinese name (or any tail of it) finds it, and the whole
//!   name (王伟) is a token of its own.
//! - **Token table.** All tokens are kept sorted, once, in a compact table
//!   (one string arena; per token a sorted slot list). A query word is looked
//!   up by two binary searches for the range of tokens it is a **prefix**
//!   of: O(log tokens + matches). Rows changed after the build go to a small
//!   sorted delta map (`BTreeMap`, same prefix range lookup) and their old
//!   postings in the table are masked out; when the delta and the masked
//!   postings exceed a quarter of the table, the table is rebuilt from the
//!   live rows (amortised O(1) per change) and the slots are compacted.
//! - **Query text.** Words are ANDed: each word's slot set is computed, then
//!   the sets are intersected smallest first. A word of digits and phone
//!   punctuation ("555-0123", "+1") looks up its digits. A word with
//!   punctuation inside ("lovelace@ex", "ada.lovelace") looks up each
//!   alphanumeric piece ("lovelace", "ex"), and then — only over the
//!   candidates those lookups return — checks that the whole word occurs in
//!   the row's name, company or an email. No step scans all rows.
//! - **Filters** ([`Filter`]) are checked per candidate (every live row when
//!   the text is empty, which is O(n) but only when a filter changes).
//! - **Sorting.** Per column, a ranking of all slots (missing values last,
//!   ties by name) is computed on first use and cached until a row changes;
//!   a query then sorts its matches by the cached rank, O(m log m) integer
//!   compares, so typing with a sort active does not re-compare strings.

mod builder;
mod figure_filter;
#[cfg(test)]
mod figures_tests;
pub mod page;
mod query;
mod row;
#[doc(hidden)]
pub mod synthetic;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_large;
mod tokens;

pub use builder::IndexBuilder;
pub use figure_filter::{
    parse_last_purchase_before, parse_spend_at_least, BoundKind, FigureBound, FigureFilterError,
};
pub use query::{Column, Filter, ListQuery, SavedView, Sort};
pub use row::{custom_text, CustomerRow, Figures};

use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;
use std::sync::OnceLock;

use crate::jobs::insight::CustomerInsight;
use crate::model::{Customer, Id};
use query::{PreparedFilter, Ranking};
use tokens::{query_terms, row_contains, row_tokens, Term, TokenTable};

/// Changes absorbed by the delta before the table is rebuilt, on top of a
/// quarter of the table's postings.
const MIN_DELTA_BEFORE_REBUILD: usize = 4_096;

/// The searchable, sortable, filterable set of customer rows (see the
/// module doc).
#[derive(Debug, Default)]
pub struct CustomerIndex {
    /// Rows by slot; `None` is a tombstone.
    slots: Vec<Option<CustomerRow>>,
    by_id: HashMap<Id, u32>,
    /// Tombstoned slots, reused first.
    free: Vec<u32>,
    /// Tokens of the rows as they were at the last build.
    table: TokenTable,
    /// Whether the slot's postings in `table` are current.
    in_table: Vec<bool>,
    /// Postings in `table` that are masked out.
    masked: usize,
    /// Tokens of rows added or changed since the last build.
    delta: BTreeMap<String, Vec<u32>>,
    delta_postings: usize,
    /// Cached sort rankings by `Column as usize`; cleared on change.
    rankings: [OnceLock<Ranking>; Column::ALL.len()],
}

impl CustomerIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// The index of `rows`; of rows with the same id, the last wins.
    pub fn build(rows: impl IntoIterator<Item = CustomerRow>) -> Self {
        let mut builder = IndexBuilder::default();
        builder.add(rows);
        builder.finish()
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// The row with id `id`.
    pub fn get(&self, id: &Id) -> Option<&CustomerRow> {
        let slot = *self.by_id.get(id)?;
        self.slots[slot as usize].as_ref()
    }

    /// Every row, in no particular order.
    pub fn rows(&self) -> impl Iterator<Item = &CustomerRow> {
        self.slots.iter().flatten()
    }

    /// Adds `row`, or replaces the row with its id. Returns whether it was
    /// new.
    pub fn upsert(&mut self, row: CustomerRow) -> bool {
        let tokens = row_tokens(&row);
        let new = match self.by_id.get(&row.id) {
            Some(&slot) => {
                let old = self.slots[slot as usize].replace(row);
                let old_tokens = old.as_ref().map(row_tokens).unwrap_or_default();
                if old_tokens != tokens {
                    self.unindex(slot, &old_tokens);
                    self.index_in_delta(slot, tokens);
                }
                false
            }
            None => {
                let slot = match self.free.pop() {
                    Some(slot) => slot,
                    None => {
                        self.slots.push(None);
                        self.in_table.push(false);
                        (self.slots.len() - 1) as u32
                    }
                };
                self.by_id.insert(row.id, slot);
                self.slots[slot as usize] = Some(row);
                self.index_in_delta(slot, tokens);
                true
            }
        };
        self.rankings = Default::default();
        self.maybe_rebuild();
        new
    }

    /// Applies a changed customer: removes it when it is in the trash, else
    /// upserts its row, keeping the likelihood already stored.
    pub fn upsert_customer(&mut self, customer: &Customer) {
        if customer.meta.is_deleted() {
            self.remove(&customer.meta.id);
            return;
        }
        let mut row = CustomerRow::from_customer(customer);
        if let Some(old) = self.get(&row.id) {
            row.likelihood = old.likelihood;
            row.recent_negative = old.recent_negative;
            row.figures = old.figures.clone();
        }
        self.upsert(row);
    }

    /// Applies many changed customers at once (a bulk import or restore):
    /// the same rows as [`CustomerIndex::upsert_customer`] for each, but
    /// the token table is rebuilt once at the end instead of kept up row by
    /// row (which at 100,000 new customers rebuilt it several times over).
    pub fn upsert_customers<'c>(&mut self, customers: impl IntoIterator<Item = &'c Customer>) {
        for customer in customers {
            let id = customer.meta.id;
            if customer.meta.is_deleted() {
                if let Some(slot) = self.by_id.remove(&id) {
                    self.slots[slot as usize] = None;
                }
                continue;
            }
            let mut row = CustomerRow::from_customer(customer);
            match self.by_id.get(&id) {
                Some(&slot) => {
                    if let Some(old) = self.slots[slot as usize].take() {
                        row.likelihood = old.likelihood;
                        row.recent_negative = old.recent_negative;
                        row.figures = old.figures;
                    }
                    self.slots[slot as usize] = Some(row);
                }
                None => {
                    self.by_id.insert(id, self.slots.len() as u32);
                    self.slots.push(Some(row));
                }
            }
        }
        self.rebuild_table();
    }

    /// Sets a row's propensity score; returns whether the row exists.
    pub fn set_likelihood(&mut self, id: &Id, likelihood: Option<f64>) -> bool {
        let Some(&slot) = self.by_id.get(id) else {
            return false;
        };
        if let Some(row) = self.slots[slot as usize].as_mut() {
            row.likelihood = likelihood;
        }
        self.rankings[Column::Likelihood as usize] = OnceLock::new();
        true
    }

    /// Sets every row's purchase figures from the insight overview's
    /// `customers` (rows not among them get none).
    pub fn set_figures(&mut self, customers: &[CustomerInsight]) {
        let by_id: std::collections::HashMap<&Id, &CustomerInsight> =
            customers.iter().map(|c| (&c.customer_id, c)).collect();
        for row in self.slots.iter_mut().flatten() {
            row.figures = by_id.get(&row.id).map(|c| Figures::from(*c));
        }
        for column in Column::FIGURES {
            self.rankings[column as usize] = OnceLock::new();
        }
    }

    /// Flags exactly the customers in `ids` as having said something
    /// negative lately (the previous flags are cleared).
    pub fn set_recent_negative(&mut self, ids: &[Id]) {
        let flagged: std::collections::HashSet<&Id> = ids.iter().collect();
        for row in self.slots.iter_mut().flatten() {
            row.recent_negative = flagged.contains(&row.id);
        }
    }

    /// Removes the row with id `id`, returning it.
    pub fn remove(&mut self, id: &Id) -> Option<CustomerRow> {
        let slot = self.by_id.remove(id)?;
        let row = self.slots[slot as usize].take()?;
        self.unindex(slot, &row_tokens(&row));
        self.free.push(slot);
        self.maybe_rebuild();
        Some(row)
    }

    /// The ids of the rows matching `q.text` and `q.filter`, in `q.sort`
    /// order. Slice it for the visible window and [`get`](Self::get) those.
    pub fn query(&self, q: &ListQuery) -> Vec<Id> {
        let terms = query_terms(&q.text);
        let mut slots: Vec<u32> = if terms.is_empty() {
            (0..self.slots.len() as u32)
                .filter(|&s| self.slots[s as usize].is_some())
                .collect()
        } else {
            self.text_matches(&terms)
        };
        if !q.filter.is_empty() {
            let filter = PreparedFilter::new(&q.filter);
            slots.retain(|&s| {
                self.slots[s as usize]
                    .as_ref()
                    .is_some_and(|r| filter.matches(r))
            });
        }
        self.ranking(q.sort.column)
            .sort(&mut slots, q.sort.descending);
        slots
            .iter()
            .filter_map(|&s| self.slots[s as usize].as_ref().map(|r| r.id))
            .collect()
    }

    /// Tags with the number of rows that have them, most used first (then by
    /// name). Tags differing only in case count as one, spelled as first seen.
    pub fn distinct_tags(&self) -> Vec<(String, usize)> {
        facet(self.rows().flat_map(|r| r.tags.iter().map(String::as_str)))
    }

    /// Segments with their row counts, most used first.
    pub fn distinct_segments(&self) -> Vec<(String, usize)> {
        facet(self.rows().filter_map(|r| r.segment.as_deref()))
    }

    /// Countries with their row counts, most used first.
    pub fn distinct_countries(&self) -> Vec<(String, usize)> {
        facet(self.rows().map(|r| r.country.as_str()))
    }

    /// Custom field names with the number of rows that set them, most used
    /// first.
    pub fn distinct_custom_fields(&self) -> Vec<(String, usize)> {
        facet(
            self.rows()
                .flat_map(|r| r.custom.iter().map(|(k, _)| k.as_str())),
        )
    }

    fn ranking(&self, column: Column) -> &Ranking {
        self.rankings[column as usize].get_or_init(|| {
            let names = (column != Column::Name).then(|| self.ranking(Column::Name));
            Ranking::new(&self.slots, column, names)
        })
    }

    /// Slots matching every term, sorted.
    fn text_matches(&self, terms: &[Term]) -> Vec<u32> {
        let mut sets: Vec<Vec<u32>> = Vec::with_capacity(terms.len());
        for term in terms {
            let mut set = self.term_matches(term);
            if set.is_empty() {
                return set;
            }
            set.shrink_to_fit();
            sets.push(set);
        }
        sets.sort_by_key(Vec::len);
        let mut sets = sets.into_iter();
        let mut result = sets.next().unwrap_or_default();
        for set in sets {
            result.retain(|s| set.binary_search(s).is_ok());
        }
        result
    }

    fn term_matches(&self, term: &Term) -> Vec<u32> {
        let mut pieces: Vec<Vec<u32>> = term.pieces.iter().map(|p| self.prefix(p)).collect();
        pieces.sort_by_key(Vec::len);
        let mut pieces = pieces.into_iter();
        let mut result = pieces.next().unwrap_or_default();
        for set in pieces {
            result.retain(|s| set.binary_search(s).is_ok());
        }
        if let Some(needle) = &term.verify {
            result.retain(|&s| {
                self.slots[s as usize]
                    .as_ref()
                    .is_some_and(|r| row_contains(r, needle))
            });
        }
        result
    }

    /// Live slots with a token starting with `prefix`, sorted.
    fn prefix(&self, prefix: &str) -> Vec<u32> {
        let mut out: Vec<u32> = self
            .table
            .prefix_postings(prefix)
            .filter(|&s| self.in_table[s as usize])
            .collect();
        let delta = self
            .delta
            .range::<str, _>((Bound::Included(prefix), Bound::Unbounded))
            .take_while(|(t, _)| t.starts_with(prefix));
        for (_, slots) in delta {
            out.extend_from_slice(slots);
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    fn index_in_delta(&mut self, slot: u32, tokens: Vec<String>) {
        self.delta_postings += tokens.len();
        for t in tokens {
            self.delta.entry(t).or_default().push(slot);
        }
    }

    /// Drops the postings of `slot`, whose tokens were `old`.
    fn unindex(&mut self, slot: u32, old: &[String]) {
        if std::mem::take(&mut self.in_table[slot as usize]) {
            self.masked += old.len();
            return;
        }
        for t in old {
            if let Some(list) = self.delta.get_mut(t.as_str()) {
                if let Some(i) = list.iter().position(|&s| s == slot) {
                    list.swap_remove(i);
                    self.delta_postings -= 1;
                }
                if list.is_empty() {
                    self.delta.remove(t.as_str());
                }
            }
        }
    }

    fn maybe_rebuild(&mut self) {
        if self.delta_postings + self.masked > self.table.postings() / 4 + MIN_DELTA_BEFORE_REBUILD
        {
            self.rebuild_table();
        }
    }

    /// Compacts the slots and rebuilds the token table from the live rows.
    fn rebuild_table(&mut self) {
        let rows: Vec<CustomerRow> = std::mem::take(&mut self.slots)
            .into_iter()
            .flatten()
            .collect();
        self.by_id = rows
            .iter()
            .enumerate()
            .map(|(s, r)| (r.id, s as u32))
            .collect();
        self.table = TokenTable::build(rows.iter().enumerate().map(|(s, r)| (s as u32, r)));
        self.in_table = vec![true; rows.len()];
        self.slots = rows.into_iter().map(Some).collect();
        self.free.clear();
        self.masked = 0;
        self.delta.clear();
        self.delta_postings = 0;
        self.rankings = Default::default();
    }
}

/// Counts of `values` grouped case-insensitively (blank ones skipped), most
/// common first, then alphabetically.
fn facet<'a>(values: impl Iterator<Item = &'a str>) -> Vec<(String, usize)> {
    let mut groups: HashMap<String, (String, usize)> = HashMap::new();
    for v in values {
        let v = v.trim();
        if v.is_empty() {
            continue;
        }
        groups
            .entry(v.to_lowercase())
            .or_insert_with(|| (v.to_string(), 0))
            .1 += 1;
    }
    let mut out: Vec<(String, usize)> = groups.into_values().collect();
    out.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| a.0.to_lowercase().cmp(&b.0.to_lowercase()))
    });
    out
}
