//! The validation report: one [`RowIssue`] per problem found in a row, and
//! [`report_csv`] to download them all.

use super::{RowDamage, SourceRow};
use crate::io::export::neutralise;

/// A problem with one row (or a note about how it was imported).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowIssue {
    /// The line of the file the row starts on (1-based; the header is line
    /// 1, so the first data row is usually 2; a line break inside a quoted
    /// cell counts).
    pub row: usize,
    /// The header name of the column concerned; empty when it is the whole
    /// row.
    pub column: String,
    /// What is wrong, as a sentence.
    pub message: String,
    /// Whether the row was left out. `false` for notes about a row that was
    /// imported (e.g. an unknown lifecycle stage kept as a custom field).
    pub skipped: bool,
}

impl RowIssue {
    pub(crate) fn skip(row: usize, column: &str, message: impl Into<String>) -> RowIssue {
        RowIssue {
            row,
            column: column.to_string(),
            message: message.into(),
            skipped: true,
        }
    }

    pub(crate) fn note(row: usize, column: &str, message: impl Into<String>) -> RowIssue {
        RowIssue {
            skipped: false,
            ..RowIssue::skip(row, column, message)
        }
    }

    /// The issue that skips a row the reader found damaged, if it is.
    pub(crate) fn damaged(row: &SourceRow, header: &[String]) -> Option<RowIssue> {
        let (column, message) = match row.damage? {
            RowDamage::Nul { column } => (
                column,
                "This cell has a NUL character (a zero byte), which a CSV file never has, so \
                 the row was skipped. The file may be damaged: check this row in the program \
                 it came from."
                    .to_string(),
            ),
            RowDamage::InvalidBytes { column, encoding } => {
                let cell = row.cells.get(column).map_or("", |c| c.trim());
                let mut shown: String = cell.chars().take(40).collect();
                if shown.len() < cell.len() {
                    shown.push('…');
                }
                (
                    column,
                    format!(
                        "“{shown}” has bytes that are not valid {encoding} (shown as �), so the \
                         row was skipped rather than stored garbled. Save the file as CSV UTF-8, \
                         or choose its encoding, and import it again."
                    ),
                )
            }
        };
        let name = header.get(column).map_or("", String::as_str);
        Some(RowIssue::skip(row.line, name, message))
    }
}

/// The issues as a CSV file (UTF-8 with a byte-order mark so Excel reads
/// it right): `Line, Column, Problem, Imported`, cells a spreadsheet would
/// run as a formula neutralised as the export does ("no" when the row was left
/// out).
///
/// ```
/// use rapport_core::io::import::{report_csv, RowIssue};
/// let csv = report_csv(&[RowIssue {
///     row: 3,
///     column: "Email".into(),
///     message: "“bob@” is not a valid email address.".into(),
///     skipped: true,
/// }]);
/// assert_eq!(csv, "\u{feff}Line,Column,Problem,Imported\r\n3,Email,“bob@” is not a valid email address.,no\r\n");
/// ```
pub fn report_csv(issues: &[RowIssue]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut write = |record: [&str; 4]| {
        // Writing to a Vec cannot fail.
        writer.write_record(record).expect("CSV into a Vec");
    };
    write(["Line", "Column", "Problem", "Imported"]);
    for issue in issues {
        let row = issue.row.to_string();
        let imported = if issue.skipped { "no" } else { "yes" };
        // Header names come from the file: keep a spreadsheet from running one.
        let column = neutralise(&issue.column);
        write([&row, &column, &neutralise(&issue.message), imported]);
    }
    let bytes = writer.into_inner().expect("CSV into a Vec");
    // Built from `&str`s only.
    format!(
        "\u{feff}{}",
        String::from_utf8(bytes).expect("UTF-8 in, UTF-8 out")
    )
}
