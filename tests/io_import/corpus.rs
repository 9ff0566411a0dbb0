//! The bad-input corpus: files that break the rules a CSV file usually
//! keeps (NUL bytes, UTF-16 without a BOM, an encoding that changes after
//! the sample, stray quotes, blank lines, Excel's `sep=` line, formulas,
//! Unicode forms of one address, a huge cell, ambiguous dates). Each gets
//! its exact sentence and an untouched store when refused, or exactly the
//! rows it should import.

use rapport::io::import::{RowDamage, SAMPLE_BYTES};

use super::support::*;

/// Imports `file` and expects it refused with `message`, the store unchanged.
fn refused(file: &str, message: &str) {
    let store = store_with_customers();
    let before = snapshot(&store);
    let err = match import_customers(&store, &fixture(file), DuplicatePolicy::Update) {
        Ok(_) => panic!("{file} was imported"),
        Err((e, _)) => e,
    };
    assert_eq!(err.to_string(), message, "{file}");
    assert_eq!(snapshot(&store), before, "{file} changed the store");
}

/// The emails of the customers added to `store` by an import, in name order
/// (the two seeded customers left out).
fn imported_emails(store: &MemStore) -> Vec<String> {
    customers(store)
        .into_iter()
        .filter(|c| c.id() != Uuid::from_u128(1) && c.id() != Uuid::from_u128(2))
        .map(|c| c.emails.join(" "))
        .collect()
}

#[test]
fn a_nul_in_a_cell_skips_that_row_and_a_nul_in_the_header_refuses_the_file() {
    let store = MemStore::new();
    let done =
        import_customers(&store, &fixture("nul_in_cell.csv"), DuplicatePolicy::Skip).unwrap();
    assert_eq!(
        done.issues,
        [issue(
            3,
            "First name",
            "This cell has a NUL character (a zero byte), which a CSV file never has, so the \
             row was skipped. The file may be damaged: check this row in the program it came \
             from."
        )]
    );
    assert_eq!(
        (done.counts.rows, done.counts.created, done.counts.invalid),
        (3, 2, 1)
    );
    assert_eq!(
        imported_emails(&store),
        ["ada@example.com", "alan@example.org"]
    );

    refused(
        "nul_in_header.csv",
        "The header has a NUL character (a zero byte) in column 2, which a CSV file never \
         has; the file may be damaged. Open it in the program it came from, save it as CSV \
         again and import that file.",
    );
}

#[test]
fn utf16_without_a_byte_order_mark_is_detected_from_its_zero_bytes() {
    for (file, encoding) in [
        ("utf16le_no_bom.csv", "UTF-16LE"),
        ("utf16be_no_bom.csv", "UTF-16BE"),
    ] {
        let (reader, rows) = read(&fixture(file), 7).unwrap();
        let detected = reader.detected().unwrap();
        assert_eq!(
            (detected.encoding, detected.bom, detected.delimiter),
            (encoding, false, Delimiter::Comma),
            "{file}"
        );
        assert_eq!(reader.header().unwrap(), ["Name", "Email", "City"]);
        assert_eq!(rows[1].cells, ["José Núñez", "jose@example.es", "Málaga"]);

        let store = MemStore::new();
        let done = import_customers(&store, &fixture(file), DuplicatePolicy::Skip).unwrap();
        assert_eq!((done.counts.created, done.issues.len()), (2, 0), "{file}");
        let zoe = find(&store, "zoe@example.de");
        assert_eq!(
            (zoe.given_name.as_str(), zoe.family_name.as_str()),
            ("Zoë", "Müller")
        );
        assert_eq!(zoe.address.city, "Köln");
    }
}

#[test]
fn bytes_that_are_not_utf8_after_the_sample_skip_their_rows_and_nothing_is_garbled() {
    let bytes = fixture("invalid_utf8_after_64k.csv");
    let first_bad = bytes.windows(3).position(|w| w == b"Jos").unwrap();
    assert!(first_bad > SAMPLE_BYTES, "the sample is valid UTF-8");
    let line = bytes[..first_bad].iter().filter(|&&b| b == b'\n').count() + 1;

    let store = MemStore::new();
    let done = import_customers(&store, &bytes, DuplicatePolicy::Skip).unwrap();
    let hint = "has bytes that are not valid UTF-8 (shown as �), so the row was skipped \
                rather than stored garbled. Save the file as CSV UTF-8, or choose its \
                encoding, and import it again.";
    assert_eq!(
        done.issues,
        [
            issue(line, "First name", &format!("“Jos�” {hint}")),
            issue(line + 1, "First name", &format!("“Zo�” {hint}")),
        ]
    );
    assert_eq!(done.counts.rows, line - 2 + 3);
    assert_eq!(done.counts.invalid, 2);
    assert_eq!(done.counts.created, line - 2 + 1);
    let all = customers(&store);
    assert!(all.iter().all(|c| !format!("{c:?}").contains('\u{fffd}')));
    assert_eq!(find(&store, "last@example.com").custom_fields.len(), 1);
    assert_eq!(
        find(&store, "last@example.com").custom_fields["Notes"],
        CustomValue::Text("fine – again".into())
    );
}

#[test]
fn invalid_bytes_are_matched_to_their_row_whatever_the_slice_size() {
    let bytes = fixture("invalid_utf8_after_64k.csv");
    for chunk in [1 << 16, 4099, 1 << 20] {
        let (reader, rows) = read(&bytes, chunk).unwrap();
        assert!(reader.had_invalid_bytes());
        assert_eq!(
            reader.detected().unwrap().encoding,
            "UTF-8",
            "chunk {chunk}"
        );
        let damaged: Vec<(usize, Option<RowDamage>)> = rows
            .iter()
            .filter(|r| r.damage.is_some())
            .map(|r| (r.cells.len(), r.damage))
            .collect();
        let bad = Some(RowDamage::InvalidBytes {
            column: 0,
            encoding: "UTF-8",
        });
        assert_eq!(damaged, [(4, bad), (4, bad)], "chunk {chunk}");
        assert_eq!(rows.last().unwrap().cells[0], "Last");
    }
}

#[test]
fn stray_quotes_inside_unquoted_fields_are_kept_as_written() {
    let store = MemStore::new();
    let done =
        import_customers(&store, &fixture("stray_quotes.csv"), DuplicatePolicy::Skip).unwrap();
    assert_eq!((done.counts.created, done.issues.len()), (2, 0));
    let ada = find(&store, "ada@x.com");
    assert_eq!(
        (
            ada.given_name.as_str(),
            ada.family_name.as_str(),
            ada.company.as_str()
        ),
        ("Ada \"the\"", "Lovelace", "Analytical \"Engines\"")
    );
    assert_eq!(find(&store, "grace@x.com").company, "5\" floppy");
}

#[test]
fn blank_and_whitespace_only_lines_are_passed_over_and_keep_line_numbers() {
    let (_, rows) = read(&fixture("blank_lines.csv"), 5).unwrap();
    let lines: Vec<usize> = rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [3, 7]);
    let store = MemStore::new();
    let done =
        import_customers(&store, &fixture("blank_lines.csv"), DuplicatePolicy::Skip).unwrap();
    assert_eq!(done.issues, []);
    assert_eq!((done.counts.rows, done.counts.created), (2, 2));
    assert_eq!(
        imported_emails(&store),
        ["ada@example.com", "grace@example.com"]
    );
}

#[test]
fn excels_sep_line_names_the_delimiter_and_is_not_the_header() {
    let (reader, rows) = read(&fixture("excel_sep.csv"), 3).unwrap();
    assert_eq!(reader.detected().unwrap().delimiter, Delimiter::Semicolon);
    assert_eq!(
        reader.header().unwrap(),
        ["Vorname", "Nachname", "E-Mail", "Firma"]
    );
    assert_eq!(rows[0].line, 3, "the sep line is line 1, the header line 2");

    let store = MemStore::new();
    let done = import_customers(&store, &fixture("excel_sep.csv"), DuplicatePolicy::Skip).unwrap();
    assert_eq!((done.counts.created, done.issues.len()), (2, 0));
    assert_eq!(
        find(&store, "zoe@example.de").custom_fields["Firma"],
        CustomValue::Text("Müller, Söhne & Co".into())
    );

    // The line wins over what the rows suggest.
    let (reader, rows) = read(b"sep=,\r\nName;Company\r\nAda;Engines\r\n", 100).unwrap();
    assert_eq!(reader.detected().unwrap().delimiter, Delimiter::Comma);
    assert_eq!(rows[0].cells, ["Ada;Engines"]);
    // One Rapport does not read is refused.
    let err = read(b"sep=^\nName^Email\nAda^ada@example.com\n", 100)
        .err()
        .unwrap();
    assert_eq!(
        err.to_string(),
        "The first line says the cells are separated by “^”; Rapport reads commas, \
         semicolons, tabs and pipes. Save the file with one of those and import it again."
    );
}

#[test]
fn formula_cells_are_stored_as_text_and_the_export_neutralises_them() {
    let store = MemStore::new();
    let done = import_customers(&store, &fixture("formulas.csv"), DuplicatePolicy::Skip).unwrap();
    assert_eq!((done.counts.created, done.issues.len()), (2, 0));
    let hyperlink = "=HYPERLINK(\"http://evil\",\"click\")";
    let ada = find(&store, "ada@example.com");
    assert_eq!(ada.given_name, hyperlink);
    assert_eq!(ada.company, "=1+1");
    assert_eq!(
        ada.custom_fields["Notes"],
        CustomValue::Text("@SUM(A1:A9)".into())
    );
    let grace = find(&store, "grace@example.com");
    assert_eq!(grace.family_name, "-Hopper");
    assert_eq!(grace.company, "+cmd|' /C calc'!A0");
    assert_eq!(
        grace.custom_fields["Notes"],
        CustomValue::Text(hyperlink.into())
    );

    let exported = rapport::io::export::customers_csv(&customers(&store));
    let body = exported.strip_prefix('\u{feff}').unwrap();
    let mut csv = ::csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = csv.headers().unwrap().iter().map(String::from).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<Vec<String>> = csv
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let row_of = |email: &str| {
        rows.iter()
            .find(|r| r[col("Emails")] == email)
            .unwrap()
            .clone()
    };
    let (a, g) = (row_of("ada@example.com"), row_of("grace@example.com"));
    assert_eq!(a[col("Given name")], format!("'{hyperlink}"));
    assert_eq!(a[col("Company")], "'=1+1");
    assert_eq!(a[col("Custom: Notes")], "'@SUM(A1:A9)");
    assert_eq!(g[col("Family name")], "'-Hopper");
    assert_eq!(g[col("Company")], "'+cmd|' /C calc'!A0");
    assert_eq!(g[col("Custom: Notes")], format!("'{hyperlink}"));

    // Importing the export again gives back the text as it was.
    let again = MemStore::new();
    import_customers(&again, exported.as_bytes(), DuplicatePolicy::Skip).unwrap();
    assert_eq!(find(&again, "ada@example.com").given_name, hyperlink);
    assert_eq!(
        find(&again, "grace@example.com").company,
        "+cmd|' /C calc'!A0"
    );
}

#[test]
fn one_address_in_nfc_and_nfd_is_one_person() {
    let composed = "jos\u{e9}@example.com";
    let store = MemStore::new();
    let done = import_customers(
        &store,
        &fixture("nfc_nfd_emails.csv"),
        DuplicatePolicy::Skip,
    )
    .unwrap();
    assert_eq!(
        done.issues,
        [issue(3, "", "Same person as the row on line 2; skipped.")]
    );
    assert_eq!((done.counts.created, done.counts.duplicates), (1, 1));
    let all = customers(&store);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].emails, [composed]);

    // A customer stored before with the decomposed form is found too.
    let store = MemStore::new();
    let mut old = Customer::new(Uuid::from_u128(9), NOW - 1000);
    old.given_name = "Old".into();
    old.emails = vec!["jose\u{301}@example.com".into()];
    let mut cs = ChangeSet::new("seed");
    cs.insert(&old).unwrap();
    run(store.apply(&cs)).unwrap();
    let Err(done) = import_customers(
        &store,
        "Name,Email\nJosé Composed,jos\u{e9}@example.com\n".as_bytes(),
        DuplicatePolicy::Skip,
    ) else {
        panic!("the row was imported");
    };
    assert_eq!(
        done.0.to_string(),
        "Nothing to import: the only row is already in Rapport and was skipped as a duplicate."
    );
    assert_eq!(
        done.1,
        [issue(
            2,
            "",
            "Already in Rapport as “Old”; skipped (duplicates are matched by email, else phone)."
        )]
    );
}

#[test]
fn a_one_megabyte_cell_is_imported_whole() {
    let store = MemStore::new();
    let done =
        import_customers(&store, &fixture("one_mb_cell.csv"), DuplicatePolicy::Skip).unwrap();
    assert_eq!((done.counts.created, done.issues.len()), (2, 0));
    let CustomValue::Text(notes) = &find(&store, "ada@example.com").custom_fields["Notes"] else {
        panic!("notes are text");
    };
    assert_eq!(notes.len(), 1 << 20);
    assert!(notes.bytes().all(|b| b == b'x'));
}

#[test]
fn an_ambiguous_birthday_says_how_it_was_read_and_clear_ones_say_nothing() {
    let store = MemStore::new();
    let done = import_customers(
        &store,
        &fixture("ambiguous_dates.csv"),
        DuplicatePolicy::Skip,
    )
    .unwrap();
    let note = |row, message: &str| RowIssue {
        skipped: false,
        ..issue(row, "Birthday", message)
    };
    assert_eq!(
        done.issues,
        [
            note(
                2,
                "“03/04/2020” could be 4 March or 3 April 2020; it was read month first, as in \
                 the US: 4 March 2020. If the file puts the day first, correct the birthday or \
                 write dates as YYYY-MM-DD."
            ),
            note(
                6,
                "“12/11/1939” could be 11 December or 12 November 1939; it was read month \
                 first, as in the US: 11 December 1939. If the file puts the day first, \
                 correct the birthday or write dates as YYYY-MM-DD."
            ),
        ]
    );
    assert_eq!((done.counts.created, done.counts.invalid), (6, 0));
    let birthday = |email| find(&store, email).birthday.unwrap();
    assert_eq!(birthday("ada@example.com"), date!(2020 - 03 - 04));
    assert_eq!(birthday("grace@example.com"), date!(1990 - 12 - 25));
    assert_eq!(birthday("alan@example.org"), date!(2020 - 04 - 03));
    assert_eq!(birthday("edsger@example.nl"), date!(1985 - 05 - 05));
    assert_eq!(birthday("barbara@example.com"), date!(1939 - 12 - 11));
    assert_eq!(birthday("ken@example.com"), date!(1943 - 04 - 03));
}
