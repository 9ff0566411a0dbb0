//! What a file holds — customers or orders — guessed from its header and
//! first rows, so the Import page can propose the right kind whichever the
//! user had selected.
//!
//! A file is proposed as **orders** (a purchase log) when
//!
//! - its header names a customer id, a date and an amount (or unit price),
//!   as [`auto_map_orders`](super::auto_map_orders) reads them, and no
//!   column about a person (name, email, phone, company); or
//! - its rows have the shape of one: a first column of ids (no spaces),
//!   a column whose every sampled cell is a date (`YYYYMMDD` too), and at
//!   least one other column of numbers — as the CDNOW log
//!   `00001 19970101 1 11.77`, which has no header.
//!
//! It is proposed as **customers** when the header is a known CRM export or
//! names people. Otherwise nothing is proposed.

use super::mapping::{auto_map, Target};
use super::order_mapping::{auto_map_orders, OrderTarget};
use super::SourceRow;
use crate::i18n::import_report as rt;
use crate::model::parse::{parse_amount, parse_date};

/// What an import file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileKind {
    /// Customers or contacts.
    Customers,
    /// Orders or transactions.
    Orders,
}

/// A proposed [`FileKind`] with the reason, as a sentence for the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindGuess {
    /// What the file seems to hold.
    pub kind: FileKind,
    /// Why, e.g. "Its header names a customer ID, a date and an amount, as
    /// a purchase log does."
    pub reason: String,
}

/// Guesses what a file holds from its header (if any) and its first rows
/// (see the module docs); `None` when it cannot tell.
///
/// ```
/// use rapport_core::io::import::{propose_kind, FileKind, SourceRow};
/// let header: Vec<String> = ["customer_id", "date", "number_of_items", "amount"].map(String::from).into();
/// assert_eq!(propose_kind(Some(&header), &[]).map(|g| g.kind), Some(FileKind::Orders));
/// let row = SourceRow { line: 1, cells: ["00001", "19970101", "1", "11.77"].map(String::from).into(), damage: None };
/// assert_eq!(propose_kind(None, &[row]).map(|g| g.kind), Some(FileKind::Orders));
/// ```
pub fn propose_kind(header: Option<&[String]>, sample: &[SourceRow]) -> Option<KindGuess> {
    if let Some(names) = header {
        let (preset, people) = auto_map(names);
        if let Some(preset) = preset {
            return Some(guess(FileKind::Customers, rt::kind_preset(preset.name())));
        }
        let names_people = people.targets.iter().any(|t| {
            matches!(
                t,
                Target::GivenName
                    | Target::FamilyName
                    | Target::FullName
                    | Target::Email
                    | Target::Phone
                    | Target::Company
            )
        });
        if names_people {
            return Some(guess(FileKind::Customers, rt::kind_people()));
        }
        let orders = auto_map_orders(Some(names), names.len());
        let has = |t| orders.column(t).is_some();
        if has(OrderTarget::CustomerKey)
            && has(OrderTarget::Date)
            && (has(OrderTarget::Amount) || has(OrderTarget::UnitPrice))
        {
            return Some(guess(FileKind::Orders, rt::kind_orders_header()));
        }
    }
    looks_like_purchase_log(sample).then(|| guess(FileKind::Orders, rt::kind_orders_rows()))
}

fn guess(kind: FileKind, reason: impl Into<String>) -> KindGuess {
    KindGuess {
        kind,
        reason: reason.into(),
    }
}

/// The shape of a purchase log: an id column first, a date column, and
/// another column of numbers, in every sampled row (rows of another width
/// are ignored; at least one row must fit).
fn looks_like_purchase_log(sample: &[SourceRow]) -> bool {
    let Some(width) = sample.first().map(|r| r.cells.len()) else {
        return false;
    };
    let rows: Vec<&SourceRow> = sample
        .iter()
        .filter(|r| r.cells.len() == width && r.damage.is_none())
        .collect();
    if width < 3 || rows.is_empty() {
        return false;
    }
    let all = |column: usize, test: &dyn Fn(&str) -> bool| {
        rows.iter().all(|r| test(r.cells[column].trim()))
    };
    let id_like = |cell: &str| {
        !cell.is_empty()
            && cell.chars().count() <= 40
            && cell
                .chars()
                .all(|c| c.is_alphanumeric() || "-_.#/".contains(c))
    };
    let is_date = |cell: &str| parse_date(cell).is_ok();
    let is_number = |cell: &str| parse_amount(cell).is_ok_and(f64::is_finite);
    if !all(0, &id_like) {
        return false;
    }
    let Some(date) = (1..width).find(|&c| all(c, &is_date)) else {
        return false;
    };
    (1..width)
        .filter(|&c| c != date)
        .any(|c| all(c, &is_number))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    fn rows(lines: &[&[&str]]) -> Vec<SourceRow> {
        lines
            .iter()
            .enumerate()
            .map(|(i, cells)| SourceRow {
                line: i + 1,
                cells: strings(cells),
                damage: None,
            })
            .collect()
    }

    fn kind(header: Option<&[&str]>, sample: &[&[&str]]) -> Option<FileKind> {
        let header = header.map(strings);
        propose_kind(header.as_deref(), &rows(sample)).map(|g| g.kind)
    }

    #[test]
    fn a_purchase_log_header_is_proposed_as_orders() {
        let log = ["customer_id", "date", "number_of_items", "amount"];
        assert_eq!(kind(Some(&log), &[]), Some(FileKind::Orders));
        let retail = [
            "InvoiceNo",
            "StockCode",
            "Description",
            "Quantity",
            "InvoiceDate",
            "UnitPrice",
            "CustomerID",
            "Country",
        ];
        assert_eq!(kind(Some(&retail), &[]), Some(FileKind::Orders));
    }

    #[test]
    fn a_headerless_log_is_recognised_by_its_shape_with_yyyymmdd_dates() {
        let cdnow: &[&[&str]] = &[
            &["00001", "19970101", "1", "11.77"],
            &["00002", "19970112", "5", "77.00"],
        ];
        assert_eq!(kind(None, cdnow), Some(FileKind::Orders));
        let iso: &[&[&str]] = &[&["C-17", "2024-03-05", "20.5"]];
        assert_eq!(kind(None, iso), Some(FileKind::Orders));
    }

    #[test]
    fn contacts_are_proposed_as_customers() {
        let people = ["Name", "Email", "Customer ID", "Signup date", "Total"];
        assert_eq!(kind(Some(&people), &[]), Some(FileKind::Customers));
        let hubspot = [
            "First Name",
            "Last Name",
            "Email",
            "Lifecycle Stage",
            "Contact owner",
            "Create Date",
        ];
        let guess = propose_kind(Some(&strings(&hubspot)), &[]);
        assert_eq!(guess.map(|g| g.kind), Some(FileKind::Customers));
    }

    #[test]
    fn without_an_id_a_date_and_a_number_nothing_is_proposed() {
        assert_eq!(kind(None, &[]), None);
        let no_date: &[&[&str]] = &[&["00001", "abc", "1", "11.77"]];
        assert_eq!(kind(None, no_date), None);
        let no_number: &[&[&str]] = &[&["00001", "19970101", "x"]];
        assert_eq!(kind(None, no_number), None);
        let spaced_names: &[&[&str]] = &[&["Ada Lovelace", "1815-12-10", "36"]];
        assert_eq!(kind(None, spaced_names), None);
        let notes = ["Subject", "Body"];
        assert_eq!(kind(Some(&notes), &[&["Hi", "there"]]), None);
    }
}
