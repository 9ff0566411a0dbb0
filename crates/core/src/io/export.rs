//! CSV export of customers, orders, interactions and tickets, with cells
//! that a spreadsheet would run as a formula neutralised.
//!
//! Every function takes the records to write (the UI passes the current
//! view, already filtered and sorted, trashed records left out) and returns
//! the whole file as a `String`. The format, the same for every file:
//!
//! - **UTF-8 with a byte-order mark** (`U+FEFF` first), because Excel opens a
//!   CSV without one in the legacy code page and garbles 王伟 or Zoë; other
//!   readers (the `csv` crate, LibreOffice, Google Sheets, Rapport's importer)
//!   skip it. Comma separated, CRLF line ends (RFC 4180), quoted by the `csv`
//!   crate, so commas, quotes and newlines inside a cell survive.
//! - **Multi-value cells** (emails, phones, tags) are joined with
//!   [`MULTI_VALUE_SEPARATOR`] (`" ::: "`, as Google Contacts does), which
//!   unlike `"; "` does not occur in real tags or names.
//! - **Times** are UTC, `YYYY-MM-DDTHH:MM:SSZ`; dates `YYYY-MM-DD`; numbers
//!   plain (`1234.5`, no thousands separator); money rounded to cents.
//! - **Formula injection** (OWASP "CSV injection"): a text cell that starts
//!   with `=`, `+`, `-`, `@`, tab or CR gets a `'` in front, so Excel and
//!   Sheets show it as text instead of evaluating it ([`neutralise`]).
//!   Cells this module formats from numbers (quantities, prices, totals,
//!   income, age, numeric custom fields) are left alone: they can only hold
//!   digits, `-`, `.` and `e`, never a formula, and a negative amount stays a
//!   number the spreadsheet can sum. Phone numbers are text (`'+4930…`),
//!   which also stops Excel from turning them into numbers. [`unneutralise`]
//!   is the exact inverse, for the importer.
//!
//! Customer columns are [`CUSTOMER_COLUMNS`] followed by one
//! `Custom: <name>` column per custom field used by any exported customer
//! (sorted by name). The importer should recognise Rapport's own export by
//! these headers.

use std::collections::BTreeSet;

use time::macros::format_description;
use time::OffsetDateTime;

use crate::model::{iso_date, CustomValue, Customer, Id, Interaction, Order, Ticket, Timestamp};

/// The fixed columns of the customers export, in order. Custom fields follow
/// as `Custom: <name>` columns ([`CUSTOM_COLUMN_PREFIX`]).
pub const CUSTOMER_COLUMNS: &[&str] = &[
    "Given name",
    "Family name",
    "Emails",
    "Phones",
    "Company",
    "Job title",
    "Street",
    "City",
    "Region",
    "Postal code",
    "Country",
    "Birthday",
    "Age",
    "Annual income",
    "Education",
    "Lifecycle stage",
    "Source",
    "Owner",
    "Tags",
    "Segment",
    "Created",
    "Updated",
    "Id",
];

/// The header prefix of a custom-field column (`"Custom: Plan"`).
pub const CUSTOM_COLUMN_PREFIX: &str = "Custom: ";

/// Joins the values of a multi-value cell (emails, phones, tags).
pub const MULTI_VALUE_SEPARATOR: &str = " ::: ";

/// The columns of the orders export: one row per line item; the order's own
/// fields and its total repeat on each of its lines.
pub const ORDER_COLUMNS: &[&str] = &[
    "Order id",
    "Customer id",
    "Customer",
    "Date",
    "Status",
    "Currency",
    "Line",
    "Product",
    "Quantity",
    "Unit price",
    "Line total",
    "Order total",
    "External id",
    "Created",
    "Updated",
];

/// The columns of the interactions export.
pub const INTERACTION_COLUMNS: &[&str] = &[
    "Id",
    "Customer id",
    "Customer",
    "When",
    "Kind",
    "Direction",
    "Subject",
    "Body",
    "Created",
    "Updated",
];

/// The columns of the tickets export.
pub const TICKET_COLUMNS: &[&str] = &[
    "Id",
    "Customer id",
    "Customer",
    "Subject",
    "Body",
    "Status",
    "Priority",
    "Opened",
    "Solved",
    "Satisfaction",
    "Feedback",
    "Created",
    "Updated",
];

/// The characters that make a spreadsheet read a cell as a formula.
const FORMULA_TRIGGERS: &[char] = &['=', '+', '-', '@', '\t', '\r'];

/// A text cell made safe to open in a spreadsheet: a `'` is put in front
/// when the text (after any leading `'`s) starts with `=`, `+`, `-`, `@`,
/// tab or CR. Counting leading `'`s keeps [`unneutralise`] an exact inverse.
///
/// ```
/// use rapport_core::io::export::{neutralise, unneutralise};
/// assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
/// assert_eq!(neutralise("Ann"), "Ann");
/// assert_eq!(unneutralise(&neutralise("-5")), "-5");
/// ```
pub fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    if text.trim_start_matches('\'').starts_with(FORMULA_TRIGGERS) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// Undoes [`neutralise`]: drops the `'` it added, and nothing else.
pub fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(FORMULA_TRIGGERS) => rest,
        _ => cell,
    }
}

/// A timestamp as `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds); out-of-range
/// values as the raw milliseconds.
pub fn timestamp_text(ms: Timestamp) -> String {
    let format = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    OffsetDateTime::from_unix_timestamp(ms.div_euclid(1000))
        .ok()
        .and_then(|t| t.format(format).ok())
        .unwrap_or_else(|| ms.to_string())
}

/// A number without a trailing `.0` (`1234.5`, `-3`, `7`).
fn number(n: f64) -> String {
    n.to_string()
}

/// A money amount rounded to cents (`12.5`, `3`).
fn money(n: f64) -> String {
    number((n * 100.0).round() / 100.0)
}

/// One output row: text cells go through [`neutralise`], numeric ones do
/// not.
#[derive(Default)]
struct Row(Vec<String>);

impl Row {
    fn text(&mut self, s: &str) -> &mut Self {
        self.0.push(neutralise(s).into_owned());
        self
    }
    fn list(&mut self, items: &[String]) -> &mut Self {
        self.text(&items.join(MULTI_VALUE_SEPARATOR))
    }
    fn num(&mut self, n: Option<String>) -> &mut Self {
        self.0.push(n.unwrap_or_default());
        self
    }
    fn id(&mut self, id: Id) -> &mut Self {
        self.0.push(id.to_string());
        self
    }
    fn time(&mut self, ms: Option<Timestamp>) -> &mut Self {
        let text = ms.map(timestamp_text).unwrap_or_default();
        self.text(&text)
    }
}

/// Writes a header and rows as CSV with a BOM (see the module doc).
fn write_csv(header: &[String], rows: impl Iterator<Item = Row>) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .flexible(false)
        .from_writer("\u{feff}".as_bytes().to_vec());
    // Writing to a Vec cannot fail, and every row is built with exactly the
    // header's columns (checked by the tests), so the csv writer has nothing
    // to refuse.
    writer.write_record(header).expect("CSV header to a Vec");
    for row in rows {
        debug_assert_eq!(row.0.len(), header.len());
        writer.write_record(&row.0).expect("CSV row to a Vec");
    }
    let bytes = writer.into_inner().unwrap_or_default();
    // Every cell was a `&str`, so the bytes are UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn header(columns: &[&str]) -> Vec<String> {
    columns.iter().map(|c| c.to_string()).collect()
}

/// The customers as CSV: [`CUSTOMER_COLUMNS`], then `Custom: <name>` for
/// every custom field any of them uses, in the order given.
///
/// "Age" is the stored age (set when the birthday is unknown), not one
/// computed from the birthday, so a re-import gives the same record.
/// Custom values are written as the list shows them: numbers plain (not
/// neutralised), dates `YYYY-MM-DD`, booleans `Yes`/`No`.
///
/// ```
/// use rapport_core::io::export::customers_csv;
/// use rapport_core::model::Customer;
/// let mut c = Customer::new(rapport_core::model::Uuid::from_u128(1), 0);
/// c.given_name = "Ann".into();
/// let csv = customers_csv(&[c]);
/// assert!(csv.starts_with("\u{feff}Given name,Family name,Emails,"));
/// ```
pub fn customers_csv(customers: &[Customer]) -> String {
    customers_csv_with(customers, &[], |_, _| {})
}

/// The purchase figures' columns that [`customers_with_figures_csv`] adds.
pub const FIGURE_COLUMNS: &[&str] = &[
    "Lifetime spend",
    "Spend currency",
    "Purchases",
    "Last purchase",
    "R",
    "F",
    "M",
    "RFM segment",
    "Predicted 12-month value",
];

/// [`customers_csv`] with the list's purchase figures ([`FIGURE_COLUMNS`])
/// after the customer's own columns; `figures` looks them up (empty cells
/// for a customer without purchases).
pub fn customers_with_figures_csv<'a>(
    customers: &[Customer],
    figures: impl Fn(&Id) -> Option<&'a crate::search::Figures>,
) -> String {
    customers_csv_with(customers, FIGURE_COLUMNS, |c, r| {
        match figures(&c.meta.id) {
            Some(f) => {
                r.num(Some(number(f.spend)))
                    .text(&f.currency)
                    .num(Some(f.orders.to_string()))
                    .text(&iso_date::format(f.last_order))
                    .num(Some(f.rfm.0.to_string()))
                    .num(Some(f.rfm.1.to_string()))
                    .num(Some(f.rfm.2.to_string()))
                    .text(f.segment.label())
                    .num(f.predicted.map(|p| number((p * 100.0).round() / 100.0)));
            }
            None => {
                for _ in FIGURE_COLUMNS {
                    r.num(None);
                }
            }
        }
    })
}

fn customers_csv_with(
    customers: &[Customer],
    extra: &[&str],
    extra_cells: impl Fn(&Customer, &mut Row),
) -> String {
    let custom: BTreeSet<&str> = customers
        .iter()
        .flat_map(|c| c.custom_fields.keys().map(String::as_str))
        .collect();
    let mut head = header(CUSTOMER_COLUMNS);
    head.extend(custom.iter().map(|k| format!("{CUSTOM_COLUMN_PREFIX}{k}")));
    head.extend(extra.iter().map(|k| k.to_string()));
    let rows = customers.iter().map(|c| {
        let mut r = Row::default();
        r.text(&c.given_name)
            .text(&c.family_name)
            .list(&c.emails)
            .list(&c.phones)
            .text(&c.company)
            .text(&c.job_title)
            .text(&c.address.street)
            .text(&c.address.city)
            .text(&c.address.region)
            .text(&c.address.postal_code)
            .text(&c.address.country)
            .text(&c.birthday.map(iso_date::format).unwrap_or_default())
            .num(c.age.map(|a| a.to_string()))
            .num(c.annual_income.map(number))
            .text(c.education.map(|e| e.label()).unwrap_or(""))
            .text(c.lifecycle.label())
            .text(&c.source)
            .text(&c.owner)
            .list(&c.tags)
            .text(c.segment.as_deref().unwrap_or(""))
            .time(Some(c.meta.created_at))
            .time(Some(c.meta.updated_at))
            .id(c.meta.id);
        for key in &custom {
            match c.custom_fields.get(*key) {
                Some(CustomValue::Number(n)) => r.num(Some(number(*n))),
                Some(v) => r.text(&crate::search::custom_text(v)),
                None => r.num(None),
            };
        }
        extra_cells(c, &mut r);
        r
    });
    write_csv(&head, rows)
}

/// The orders as CSV, one row per line item ([`ORDER_COLUMNS`]); an order
/// without lines still gets one row, with the item cells empty. "Line total"
/// is quantity × unit price rounded to cents; "Order total" is the stored
/// total. `customer_name` looks up the name shown in the "Customer" column
/// (empty when it returns `None`).
///
/// ```
/// use rapport_core::io::export::orders_csv;
/// let csv = orders_csv(&[], |_| None);
/// assert!(csv.starts_with("\u{feff}Order id,Customer id,Customer,Date,"));
/// ```
pub fn orders_csv(orders: &[Order], customer_name: impl Fn(Id) -> Option<String>) -> String {
    let rows = orders.iter().flat_map(|o| {
        let name = customer_name(o.customer_id).unwrap_or_default();
        let lines: Vec<Option<(usize, &crate::model::LineItem)>> = if o.line_items.is_empty() {
            vec![None]
        } else {
            o.line_items.iter().enumerate().map(Some).collect()
        };
        lines.into_iter().map(move |line| {
            let mut r = Row::default();
            r.id(o.meta.id)
                .id(o.customer_id)
                .text(&name)
                .text(&iso_date::format(o.date))
                .text(o.status.label())
                .text(&o.currency)
                .num(line.map(|(i, _)| (i + 1).to_string()))
                .text(line.map_or("", |(_, l)| l.product.as_str()))
                .num(line.map(|(_, l)| number(l.quantity)))
                .num(line.map(|(_, l)| number(l.unit_price)))
                .num(line.map(|(_, l)| money(l.amount())))
                .num(Some(money(o.total)))
                .text(o.external_id.as_deref().unwrap_or(""))
                .time(Some(o.meta.created_at))
                .time(Some(o.meta.updated_at));
            r
        })
    });
    write_csv(&header(ORDER_COLUMNS), rows)
}

/// The interactions as CSV ([`INTERACTION_COLUMNS`]); "When" is the time of
/// the interaction, "Created" when it was recorded.
pub fn interactions_csv(
    interactions: &[Interaction],
    customer_name: impl Fn(Id) -> Option<String>,
) -> String {
    let rows = interactions.iter().map(|i| {
        let mut r = Row::default();
        r.id(i.meta.id)
            .id(i.customer_id)
            .text(&customer_name(i.customer_id).unwrap_or_default())
            .time(Some(i.at))
            .text(i.kind.label())
            .text(i.direction.label())
            .text(&i.subject)
            .text(&i.body)
            .time(Some(i.meta.created_at))
            .time(Some(i.meta.updated_at));
        r
    });
    write_csv(&header(INTERACTION_COLUMNS), rows)
}

/// The tickets as CSV ([`TICKET_COLUMNS`]); "Satisfaction" is 1–5 or empty.
pub fn tickets_csv(tickets: &[Ticket], customer_name: impl Fn(Id) -> Option<String>) -> String {
    let rows = tickets.iter().map(|t| {
        let mut r = Row::default();
        r.id(t.meta.id)
            .id(t.customer_id)
            .text(&customer_name(t.customer_id).unwrap_or_default())
            .text(&t.subject)
            .text(&t.body)
            .text(t.status.label())
            .text(t.priority.label())
            .time(Some(t.opened_at))
            .time(t.solved_at)
            .num(t.satisfaction.map(|s| s.to_string()))
            .text(t.feedback.as_deref().unwrap_or(""))
            .time(Some(t.meta.created_at))
            .time(Some(t.meta.updated_at));
        r
    });
    write_csv(&header(TICKET_COLUMNS), rows)
}
