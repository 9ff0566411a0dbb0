//! Why an import could not go ahead, as sentences a non-programmer can act
//! on. Problems with single rows are not errors: they become [`RowIssue`]s
//! in the report and the row is skipped, while the rest of the file imports.
//!
//! [`RowIssue`]: super::RowIssue

use crate::store::StoreError;

/// Why a file (or a revert) could not be processed. `Display` is the
/// sentence to show the user; nothing was written when one is returned.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ImportError {
    /// No bytes at all, or only a byte-order mark and blank lines.
    #[error("The file is empty.")]
    Empty,
    /// NUL bytes or many control characters: an image, archive, database…
    #[error("This does not look like a text file (it contains binary data).")]
    Binary,
    /// A known non-CSV format, e.g. an Excel workbook.
    #[error(
        "This is {what}, not a CSV file. Save it as CSV first \
         (in Excel: File › Save As › CSV UTF-8) and import that file."
    )]
    NotCsv {
        /// What the file looks like, e.g. "an Excel workbook (.xlsx)".
        what: &'static str,
    },
    /// A quoted field that runs to the end of the file (or past the longest
    /// record Rapport accepts).
    #[error("Line {line} has an opening quote that is never closed.")]
    UnterminatedQuote {
        /// The line (1-based) where the quote opens.
        line: usize,
    },
    /// One record longer than the reader accepts.
    #[error(
        "The row starting on line {line} is longer than {max_mb} MB; \
         this does not look like a table of records."
    )]
    RowTooLong {
        /// The line (1-based) where the row starts.
        line: usize,
        /// The limit, in megabytes.
        max_mb: usize,
    },
    /// The first row has more columns than the reader accepts.
    #[error("The header has {found} columns; Rapport reads files with up to {max}.")]
    TooManyColumns {
        /// How many columns the header has.
        found: usize,
        /// The limit.
        max: usize,
    },
    /// Two header cells with the same name (ignoring case and spaces).
    #[error(
        "The header has two columns named “{name}” (columns {first} and {second}). \
         Rename one of them and import the file again."
    )]
    DuplicateHeader {
        /// The repeated name, as written in the first of the two.
        name: String,
        /// The first column with that name (1-based).
        first: usize,
        /// The second column with that name (1-based).
        second: usize,
    },
    /// A NUL character (a zero byte) in the header row.
    #[error(
        "The header has a NUL character (a zero byte) in column {column}, which a CSV file \
         never has; the file may be damaged. Open it in the program it came from, save it \
         as CSV again and import that file."
    )]
    NulInHeader {
        /// The column (1-based).
        column: usize,
    },
    /// Excel's `sep=` first line names a delimiter Rapport does not read.
    #[error(
        "The first line says the cells are separated by “{found}”; Rapport reads commas, \
         semicolons, tabs and pipes. Save the file with one of those and import it again."
    )]
    UnsupportedDelimiter {
        /// The character the `sep=` line names.
        found: char,
    },
    /// A header and nothing below it.
    #[error("The file has a header row but no rows of data below it.")]
    NoRows,
    /// Every row was invalid or a skipped duplicate.
    #[error("{}", nothing_to_import(*rows, *invalid, *duplicates))]
    NothingToImport {
        /// Data rows read.
        rows: usize,
        /// Rows skipped because of errors.
        invalid: usize,
        /// Rows skipped as duplicates.
        duplicates: usize,
    },
    /// A column an import needs is not mapped (orders: customer, date, amount).
    #[error("No column is mapped to “{what}”; choose one in the column mapping.")]
    MissingColumn {
        /// The label of the missing target.
        what: &'static str,
    },
    /// The import to revert is not in the store (any more).
    #[error("This import is no longer recorded in Rapport, so it cannot be reverted.")]
    BatchNotFound,
    /// The import was reverted before.
    #[error("This import was already reverted.")]
    AlreadyReverted,
    /// The store refused a read (reverting reads what is stored).
    #[error("{}", .0.user_message())]
    Store(#[from] StoreError),
    /// `feed` or `finish` after `finish`: a bug in the caller.
    #[error("The file was read past its end (this is a bug in Rapport).")]
    Finished,
}

fn nothing_to_import(rows: usize, invalid: usize, duplicates: usize) -> String {
    let plural = |n: usize| if n == 1 { "row" } else { "rows" };
    if invalid == 0 && rows == 1 {
        "Nothing to import: the only row is already in Rapport and was skipped as a duplicate."
            .to_string()
    } else if invalid == 0 {
        format!("Nothing to import: all {rows} rows are already in Rapport and were skipped as duplicates.")
    } else if duplicates == 0 {
        format!(
            "None of the {rows} {} can be imported; the report lists what is wrong with each.",
            plural(rows)
        )
    } else {
        format!(
            "None of the {rows} {} can be imported: {invalid} have errors (see the report) \
             and {duplicates} are already in Rapport.",
            plural(rows)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_to_import_names_the_reason() {
        let e = |rows, invalid, duplicates| {
            ImportError::NothingToImport {
                rows,
                invalid,
                duplicates,
            }
            .to_string()
        };
        assert_eq!(
            e(3, 3, 0),
            "None of the 3 rows can be imported; the report lists what is wrong with each."
        );
        assert_eq!(
            e(1, 0, 1),
            "Nothing to import: the only row is already in Rapport and was skipped as a duplicate."
        );
        assert!(e(4, 1, 3).contains("1 have errors"));
    }
}
