//! Why an import could not go ahead, as sentences a non-programmer can act
//! on. Problems with single rows are not errors: they become [`RowIssue`]s
//! in the report and the row is skipped, while the rest of the file imports.
//!
//! [`RowIssue`]: super::RowIssue

use crate::i18n::io_errors as t;
use crate::store::StoreError;

/// Why a file (or a revert) could not be processed. `Display` is the
/// sentence to show the user; nothing was written when one is returned.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ImportError {
    /// No bytes at all, or only a byte-order mark and blank lines.
    #[error("{}", t::import_empty())]
    Empty,
    /// NUL bytes or many control characters: an image, archive, database…
    #[error("{}", t::import_binary())]
    Binary,
    /// A known non-CSV format, e.g. an Excel workbook.
    #[error("{}", t::import_not_csv(.what))]
    NotCsv {
        /// What the file looks like, e.g. "an Excel workbook (.xlsx)".
        what: &'static str,
    },
    /// A quoted field that runs to the end of the file (or past the longest
    /// record Rapport accepts).
    #[error("{}", t::import_unterminated_quote(.line))]
    UnterminatedQuote {
        /// The line (1-based) where the quote opens.
        line: usize,
    },
    /// One record longer than the reader accepts.
    #[error("{}", t::import_row_too_long(.line, .max_mb))]
    RowTooLong {
        /// The line (1-based) where the row starts.
        line: usize,
        /// The limit, in megabytes.
        max_mb: usize,
    },
    /// The first row has more columns than the reader accepts.
    #[error("{}", t::import_too_many_columns(.found, .max))]
    TooManyColumns {
        /// How many columns the header has.
        found: usize,
        /// The limit.
        max: usize,
    },
    /// Two header cells with the same name (ignoring case and spaces).
    #[error("{}", t::import_duplicate_header(.name, .first, .second))]
    DuplicateHeader {
        /// The repeated name, as written in the first of the two.
        name: String,
        /// The first column with that name (1-based).
        first: usize,
        /// The second column with that name (1-based).
        second: usize,
    },
    /// A NUL character (a zero byte) in the header row.
    #[error("{}", t::import_nul_in_header(.column))]
    NulInHeader {
        /// The column (1-based).
        column: usize,
    },
    /// Excel's `sep=` first line names a delimiter Rapport does not read.
    #[error("{}", t::import_unsupported_delimiter(.found))]
    UnsupportedDelimiter {
        /// The character the `sep=` line names.
        found: char,
    },
    /// A header and nothing below it.
    #[error("{}", t::import_no_rows())]
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
    #[error("{}", t::import_missing_column(crate::i18n::terms::translate(.what)))]
    MissingColumn {
        /// The label of the missing target.
        what: &'static str,
    },
    /// The import to revert is not in the store (any more).
    #[error("{}", t::import_batch_not_found())]
    BatchNotFound,
    /// The import was reverted before.
    #[error("{}", t::import_already_reverted())]
    AlreadyReverted,
    /// The store refused a read (reverting reads what is stored).
    #[error("{}", .0.user_message())]
    Store(#[from] StoreError),
    /// `feed` or `finish` after `finish`: a bug in the caller.
    #[error("{}", t::import_finished())]
    Finished,
}

fn nothing_to_import(rows: usize, invalid: usize, duplicates: usize) -> String {
    match (invalid, duplicates, rows) {
        (0, _, 1) => t::import_only_row_duplicate().to_string(),
        (0, _, _) => t::import_all_duplicates(rows),
        (_, 0, 1) => t::import_none_valid_one().to_string(),
        (_, 0, _) => t::import_none_valid(rows),
        (_, _, 1) => t::import_none_valid_or_new_one(invalid, duplicates),
        _ => t::import_none_valid_or_new(rows, invalid, duplicates),
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
