//! Malformed files: exact sentences, untouched store, line numbers, size.

use rapport::store::Collection;

use super::support::*;

#[test]
fn each_malformed_file_is_refused_with_its_sentence_and_nothing_is_written() {
    let cases = [
        ("empty.csv", "The file is empty."),
        (
            "header_only.csv",
            "The file has a header row but no rows of data below it.",
        ),
        (
            "unterminated_quote.csv",
            "Line 7 has an opening quote that is never closed.",
        ),
        (
            "binary.csv",
            "This does not look like a text file (it contains binary data).",
        ),
        (
            "wide_header.csv",
            "The header has 10000 columns; Rapport reads files with up to 1000.",
        ),
        (
            "duplicate_headers.csv",
            "The header has two columns named “Email” (columns 2 and 4). \
             Rename one of them and import the file again.",
        ),
        (
            "invalid_emails.csv",
            "None of the 3 rows can be imported; the report lists what is wrong with each.",
        ),
    ];
    for (file, message) in cases {
        let store = store_with_customers();
        let before = snapshot(&store);
        let err = match import_customers(&store, &fixture(file), DuplicatePolicy::Update) {
            Ok(_) => panic!("{file} was imported"),
            Err((e, _)) => e,
        };
        assert_eq!(err.to_string(), message, "{file}");
        assert_eq!(snapshot(&store), before, "{file} changed the store");
    }
}

#[test]
fn invalid_emails_are_reported_per_row_and_column() {
    let store = store_with_customers();
    let (_, issues) = import_customers(
        &store,
        &fixture("invalid_emails.csv"),
        DuplicatePolicy::Skip,
    )
    .err()
    .expect("nothing to import");
    assert_eq!(
        issues,
        [
            issue(2, "Email", "“ada@” is not a valid email address."),
            issue(
                3,
                "Email",
                "“grace at example dot com” is not a valid email address."
            ),
            issue(4, "Email", "“@example.org” is not a valid email address."),
        ]
    );
    assert_eq!(
        report_csv(&issues).lines().nth(1),
        Some("2,Email,“ada@” is not a valid email address.,no")
    );
}

#[test]
fn ragged_rows_are_skipped_and_the_rest_imported_without_touching_prior_records() {
    let store = store_with_customers();
    let before = run(store.envelopes(Collection::Customers)).unwrap();
    let done = import_customers(&store, &fixture("ragged.csv"), DuplicatePolicy::Create).unwrap();
    assert_eq!(
        done.issues,
        [
            issue(
                3,
                "",
                "This row has 2 values but the header has 3 columns; a missing or extra \
                 delimiter would put values in the wrong fields, so the row was skipped."
            ),
            issue(
                4,
                "",
                "This row has 4 values but the header has 3 columns; a missing or extra \
                 delimiter would put values in the wrong fields, so the row was skipped."
            ),
        ]
    );
    assert_eq!(
        (done.counts.rows, done.counts.created, done.counts.invalid),
        (3, 1, 2)
    );
    let after = run(store.envelopes(Collection::Customers)).unwrap();
    assert_eq!(after.len(), before.len() + 1);
    for old in &before {
        assert!(after.contains(old), "prior customer {} changed", old.id);
    }
}

#[test]
fn mixed_line_endings_keep_the_right_line_numbers() {
    let store = store_with_customers();
    let done = import_customers(
        &store,
        &fixture("mixed_line_endings.csv"),
        DuplicatePolicy::Create,
    )
    .unwrap();
    assert_eq!(
        done.issues,
        [issue(6, "Email", "“bad@” is not a valid email address.")]
    );
    assert_eq!(done.counts.created, 3);
    assert_eq!(
        find(&store, "alan@example.org").given_name,
        "Alan\nMathison"
    );
}

/// A deterministic CSV of at least `bytes` bytes; with `quoted`, every
/// row has a quoted cell with doubled quotes.
fn big_csv(bytes: usize, quoted: bool) -> Vec<u8> {
    let mut out = b"First name,Last name,Email,City,Notes\r\n".to_vec();
    let mut n = 0u64;
    while out.len() < bytes {
        n += 1;
        let (family, city) = (n * 7919 % 10007, n % 97);
        let line = if quoted {
            format!("Given{n},Family{family},user{n}@example.com,City {city},\"note, with \"\"quotes\"\" {n}\"\r\n")
        } else {
            format!("Given{n},Family{family},user{n}@example.com,City {city},note {n}\r\n")
        };
        out.extend_from_slice(line.as_bytes());
    }
    out
}

#[test]
fn a_50_mb_file_streams_in_1_mb_slices_and_an_unclosed_quote_in_it_is_caught_early() {
    let data = big_csv(50 << 20, true);
    let mut reader = CsvReader::new(ReadOptions::default());
    let mut rows = 0;
    for part in data.chunks(1 << 20) {
        reader.feed(part).unwrap();
        let taken = reader.take_rows();
        assert!(taken.len() < 20_000, "rows are handed over slice by slice");
        rows += taken.len();
    }
    reader.finish().unwrap();
    rows += reader.take_rows().len();
    let expected = data.iter().filter(|&&b| b == b'\n').count() - 1;
    assert_eq!(rows, expected);
    assert!(data.len() >= 50 << 20);

    // A file as big with a quote opened on line 3 and never closed: the
    // reader gives up after its 4 MB row limit, not at the end of the file.
    let mut data = big_csv(50 << 20, false);
    let third = data
        .iter()
        .enumerate()
        .filter(|(_, &b)| b == b'\n')
        .nth(1)
        .map(|(i, _)| i + 1)
        .unwrap();
    data.insert(third, b'"');
    let mut reader = CsvReader::new(ReadOptions::default());
    let mut fed = 0;
    let err = data
        .chunks(1 << 20)
        .find_map(|part| {
            fed += part.len();
            reader.feed(part).err()
        })
        .expect("the quote is reported");
    assert_eq!(
        err.to_string(),
        "Line 3 has an opening quote that is never closed."
    );
    assert!(fed <= 8 << 20, "gave up after {fed} bytes");
}
