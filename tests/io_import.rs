//! The CSV import on the fixture corpus in `tests/fixtures/import/` (written
//! by `make_fixtures.py` there): every malformed file gets its exact
//! sentence and leaves the store untouched, every preset maps itself,
//! encodings and delimiters are detected, duplicates follow the policy,
//! orders files link and create customers, and an import reverts as a
//! whole.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use rapport::io::import::{
    auto_map, auto_map_orders, report_csv, revert, CsvReader, CustomerImport, Delimiter,
    DuplicatePolicy, ImportError, OrderOptions, OrdersImport, Preset, ReadOptions, RowIssue,
    SourceRow, EXTERNAL_ID_FIELD,
};
use rapport::model::{
    CustomValue, Customer, ImportBatch, ImportCounts, Interaction, LifecycleStage, Order, Record,
    Uuid,
};
use rapport::store::{ChangeSet, Envelope, MemStore, Store, COLLECTIONS};
use time::macros::date;

const NOW: i64 = 1_750_000_000_000;

/// Runs a future that never waits (MemStore's futures are ready at once).
fn run<F: Future>(future: F) -> F::Output {
    let mut cx = Context::from_waker(Waker::noop());
    match pin!(future).poll(&mut cx) {
        Poll::Ready(out) => out,
        Poll::Pending => panic!("MemStore futures complete without waiting"),
    }
}

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Reads a whole file in slices of `chunk` bytes.
fn read(bytes: &[u8], chunk: usize) -> Result<(CsvReader, Vec<SourceRow>), ImportError> {
    let mut reader = CsvReader::new(ReadOptions::default());
    let mut rows = Vec::new();
    for part in bytes.chunks(chunk) {
        reader.feed(part)?;
        rows.extend(reader.take_rows());
    }
    reader.finish()?;
    rows.extend(reader.take_rows());
    Ok((reader, rows))
}

/// A store with two customers (one with an external id) and an order.
fn store_with_customers() -> MemStore {
    let store = MemStore::new();
    let mut ada = Customer::new(Uuid::from_u128(1), NOW - 1000);
    ada.given_name = "Ada".into();
    ada.family_name = "Byron".into();
    ada.emails = vec!["ada@example.com".into()];
    ada.phones = vec!["+442079460958".into()];
    let mut two = Customer::new(Uuid::from_u128(2), NOW - 1000);
    two.given_name = "Second".into();
    two.custom_fields
        .insert(EXTERNAL_ID_FIELD.into(), CustomValue::Text("00002".into()));
    let order = Order::new(
        Uuid::from_u128(3),
        NOW - 1000,
        two.id(),
        date!(2020 - 01 - 01),
        rapport::model::OrderStatus::Order,
        vec![rapport::model::LineItem::new("Book", 1.0, 10.0)],
        "USD",
    );
    let mut cs = ChangeSet::new("seed");
    cs.insert(&ada)
        .unwrap()
        .insert(&two)
        .unwrap()
        .insert(&order)
        .unwrap();
    run(store.apply(&cs)).unwrap();
    store
}

fn snapshot(store: &MemStore) -> Vec<Vec<Envelope>> {
    COLLECTIONS
        .iter()
        .map(|c| run(store.envelopes(c)).unwrap())
        .collect()
}

/// A different seed for each import, so two imports into one store never
/// draw the same ids.
fn next_seed() -> u64 {
    static SEED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    SEED.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

struct Imported {
    preset: Option<Preset>,
    counts: ImportCounts,
    issues: Vec<RowIssue>,
    batch: ImportBatch,
}

/// The whole customers import as the page runs it: slices of 1,000 bytes,
/// rows handed over after each, one change set applied at the end.
fn import_customers(
    store: &MemStore,
    bytes: &[u8],
    policy: DuplicatePolicy,
) -> Result<Imported, (ImportError, Vec<RowIssue>)> {
    let mut reader = CsvReader::new(ReadOptions::default());
    let mut import: Option<(Option<Preset>, CustomerImport)> = None;
    let existing: Vec<Customer> = run(store.all()).unwrap();
    let step = |reader: &mut CsvReader, import: &mut Option<(Option<Preset>, CustomerImport)>| {
        if import.is_none() && reader.header_known() {
            let header = reader.header().unwrap_or_default().to_vec();
            let (preset, mapping) = auto_map(&header);
            let job = CustomerImport::new(header, mapping, existing.clone(), policy, NOW);
            *import = Some((preset, job.with_seed(next_seed())));
        }
        if let Some((_, job)) = import.as_mut() {
            job.add_rows(reader.take_rows());
        }
    };
    let fail = |e| (e, Vec::new());
    for part in bytes.chunks(1000) {
        reader.feed(part).map_err(fail)?;
        step(&mut reader, &mut import);
    }
    reader.finish().map_err(fail)?;
    step(&mut reader, &mut import);
    let (preset, job) = import.expect("a header was read");
    let issues = job.issues().to_vec();
    let counts = job.summary();
    let (changes, batch) = job
        .into_change_set("Import of test.csv", "test.csv")
        .map_err(|e| (e, issues.clone()))?;
    run(store.apply(&changes)).unwrap();
    Ok(Imported {
        preset,
        counts,
        issues,
        batch,
    })
}

fn customers(store: &MemStore) -> Vec<Customer> {
    let mut all: Vec<Customer> = run(store.all()).unwrap();
    all.sort_by_key(|c| c.name_key());
    all
}

fn find(store: &MemStore, email: &str) -> Customer {
    customers(store)
        .into_iter()
        .find(|c| c.emails.iter().any(|e| e == email))
        .unwrap_or_else(|| panic!("no customer with {email}"))
}

fn issue(row: usize, column: &str, message: &str) -> RowIssue {
    RowIssue {
        row,
        column: column.into(),
        message: message.into(),
        skipped: true,
    }
}

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
    let before = run(store.envelopes("customers")).unwrap();
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
    let after = run(store.envelopes("customers")).unwrap();
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

#[test]
fn each_preset_is_recognised_and_its_fields_land_where_they_should() {
    let cases = [
        ("hubspot.csv", Preset::HubSpot),
        ("salesforce_contacts.csv", Preset::Salesforce),
        ("salesforce_leads.csv", Preset::Salesforce),
        ("google_legacy.csv", Preset::GoogleLegacy),
        ("google_current.csv", Preset::GoogleCurrent),
        ("outlook.csv", Preset::Outlook),
        ("rapport.csv", Preset::Rapport),
    ];
    for (file, preset) in cases {
        let store = MemStore::new();
        let done = import_customers(&store, &fixture(file), DuplicatePolicy::Create).unwrap();
        assert_eq!(done.preset, Some(preset), "{file}");
        assert!(
            done.issues.iter().all(|i| !i.skipped),
            "{file}: {:?}",
            done.issues
        );
    }
}

#[test]
fn hubspot_fields_and_lifecycle_labels() {
    let store = MemStore::new();
    let done = import_customers(&store, &fixture("hubspot.csv"), DuplicatePolicy::Create).unwrap();
    let ada = find(&store, "ada@example.com");
    assert_eq!(
        (ada.given_name.as_str(), ada.family_name.as_str()),
        ("Ada", "Lovelace")
    );
    assert_eq!(ada.phones, ["+442079460958"]);
    assert_eq!(ada.company, "Analytical Engines");
    assert_eq!(ada.address.postal_code, "SW1Y 4JH");
    assert_eq!(ada.lifecycle, LifecycleStage::Lead);
    assert_eq!(
        (ada.owner.as_str(), ada.source.as_str()),
        ("Sam Owner", "Organic Search")
    );
    assert_eq!(
        ada.custom_fields.get(EXTERNAL_ID_FIELD),
        Some(&CustomValue::Text("101".into()))
    );
    let grace = find(&store, "grace@example.com");
    assert_eq!(grace.phones, ["4155550134", "+14155550199"]);
    assert_eq!(grace.lifecycle, LifecycleStage::Customer);
    // HubSpot's "Other" stage is kept as text, with a note, and the row imported.
    let alan = find(&store, "alan@example.org");
    assert_eq!(
        alan.custom_fields.get("Imported lifecycle stage"),
        Some(&CustomValue::Text("Other".into()))
    );
    assert_eq!(done.issues.len(), 1);
    assert!(!done.issues[0].skipped);
}

#[test]
fn salesforce_google_and_outlook_fields_and_name_splitting() {
    let store = MemStore::new();
    import_customers(
        &store,
        &fixture("salesforce_contacts.csv"),
        DuplicatePolicy::Create,
    )
    .unwrap();
    let k = find(&store, "katherine@example.com");
    assert_eq!(k.address.street, "1 NASA Drive\nBuilding 1244");
    assert_eq!(k.birthday, Some(date!(1918 - 08 - 26)));
    assert_eq!(
        (k.job_title.as_str(), k.source.as_str()),
        ("Mathematician", "Web")
    );
    let d = find(&store, "dorothy@example.com");
    assert_eq!(
        (d.given_name.as_str(), d.family_name.as_str()),
        ("Dorothy", "Vaughan")
    );

    let store = MemStore::new();
    import_customers(
        &store,
        &fixture("salesforce_leads.csv"),
        DuplicatePolicy::Create,
    )
    .unwrap();
    let m = find(&store, "margaret@example.com");
    assert_eq!(
        (m.company.as_str(), m.address.postal_code.as_str()),
        ("Hamilton Technologies", "02139")
    );
    assert_eq!(
        m.custom_fields.get("Lead status"),
        Some(&CustomValue::Text("Open - Not Contacted".into()))
    );

    let store = MemStore::new();
    import_customers(
        &store,
        &fixture("google_legacy.csv"),
        DuplicatePolicy::Create,
    )
    .unwrap();
    let h = find(&store, "hedy@example.com");
    assert_eq!(
        h.emails,
        [
            "hedy@example.com",
            "hedy.lamarr@example.net",
            "hedy@home.example.com"
        ]
    );
    assert_eq!(h.phones, ["+13105550147", "+13105550148"]);
    assert_eq!(
        (h.company.as_str(), h.job_title.as_str()),
        ("MGM", "Inventor")
    );
    assert_eq!(h.tags, ["Inventors"]);
    let r = find(&store, "rosalind@example.co.uk");
    assert_eq!(
        (r.given_name.as_str(), r.family_name.as_str()),
        ("Rosalind", "Franklin")
    );
    assert_eq!(r.birthday, None);
    assert_eq!(
        r.custom_fields.get("Birthday (no year)"),
        Some(&CustomValue::Text("--07-25".into()))
    );

    let store = MemStore::new();
    import_customers(
        &store,
        &fixture("google_current.csv"),
        DuplicatePolicy::Create,
    )
    .unwrap();
    let b = find(&store, "liskov@example.edu");
    assert_eq!(
        (b.company.as_str(), b.address.city.as_str()),
        ("MIT", "Cambridge")
    );
    assert_eq!(b.tags, ["Academia", "VIP"]);
    assert_eq!(
        b.custom_fields.get("Middle name"),
        Some(&CustomValue::Text("Jean".into()))
    );
    assert_eq!(find(&store, "frances@example.com").emails.len(), 2);

    let store = MemStore::new();
    import_customers(&store, &fixture("outlook.csv"), DuplicatePolicy::Create).unwrap();
    let e = find(&store, "ewd@example.edu");
    assert_eq!(e.emails, ["ewd@example.edu", "edsger@example.nl"]);
    assert_eq!(e.birthday, Some(date!(1930 - 05 - 11)));
    assert_eq!(
        (e.address.city.as_str(), e.address.country.as_str()),
        ("Austin", "United States")
    );
    assert_eq!(e.tags, ["Academia", "VIP"]);
    assert_eq!(find(&store, "backus@example.com").birthday, None);
}

#[test]
fn a_rapport_export_imports_back_to_the_same_fields() {
    let store = MemStore::new();
    import_customers(&store, &fixture("rapport.csv"), DuplicatePolicy::Create).unwrap();
    let ann = find(&store, "ann@example.com");
    assert_eq!(ann.emails, ["ann@example.com", "ann.lee@example.org"]);
    assert_eq!(ann.phones, ["+14155550134"]);
    assert_eq!(ann.annual_income, Some(120_000.5));
    assert_eq!(ann.tags, ["vip", "b2b"]);
    assert_eq!(ann.segment.as_deref(), Some("Affluent professionals"));
    assert_eq!(
        ann.custom_fields.get("Plan"),
        Some(&CustomValue::Text("Gold".into()))
    );
    let wang = find(&store, "wang@example.cn");
    assert_eq!((wang.display_name().as_str(), wang.age), ("王伟", Some(44)));

    // And what the export writes today reads back the same.
    let csv = rapport::io::export::customers_csv(std::slice::from_ref(&ann));
    let store = MemStore::new();
    let done = import_customers(&store, csv.as_bytes(), DuplicatePolicy::Create).unwrap();
    assert_eq!(done.preset, Some(Preset::Rapport));
    let back = find(&store, "ann@example.com");
    assert_eq!(
        (
            back.phones.clone(),
            back.tags.clone(),
            back.birthday,
            back.lifecycle
        ),
        (
            ann.phones.clone(),
            ann.tags.clone(),
            ann.birthday,
            ann.lifecycle
        )
    );
    assert_eq!(
        back.custom_fields.get("Plan"),
        ann.custom_fields.get("Plan")
    );
}

#[test]
fn encodings_are_detected_and_decoded() {
    let cases = [
        ("utf8_bom.csv", "UTF-8", "Zoë Müller"),
        ("utf16le_bom.csv", "UTF-16LE", "Zoë Müller"),
        ("utf16be_bom.csv", "UTF-16BE", "Zoë Müller"),
        ("windows1252.csv", "windows-1252", "Zoë Müller"),
        ("gbk.csv", "GBK", "王伟"),
    ];
    for (file, encoding, first) in cases {
        for chunk in [1, 5, 4096] {
            let (reader, rows) = read(&fixture(file), chunk).unwrap();
            assert_eq!(reader.detected().unwrap().encoding, encoding, "{file}");
            assert_eq!(rows[0].cells[0], first, "{file} in slices of {chunk}");
            assert!(!reader.had_invalid_bytes(), "{file}");
        }
    }
    let (_, rows) = read(&fixture("windows1252.csv"), 7).unwrap();
    assert_eq!(rows[2].cells[2], "Århus – €");
}

#[test]
fn semicolon_and_tab_files_are_split_on_their_delimiter() {
    let (reader, rows) = read(&fixture("semicolon.csv"), 3).unwrap();
    assert_eq!(reader.detected().unwrap().delimiter, Delimiter::Semicolon);
    assert_eq!(rows[1].cells[3], "Frankfurt; Main");
    let store = MemStore::new();
    import_customers(&store, &fixture("semicolon.csv"), DuplicatePolicy::Create).unwrap();
    let z = find(&store, "zoe@example.de");
    assert_eq!(
        (z.given_name.as_str(), z.family_name.as_str()),
        ("Zoë", "Müller")
    );

    let (reader, rows) = read(&fixture("tab.tsv"), 3).unwrap();
    assert_eq!(reader.detected().unwrap().delimiter, Delimiter::Tab);
    assert_eq!(rows[0].cells[3], "Analytical Engines, Ltd");
}

#[test]
fn duplicates_of_stored_customers_follow_the_policy() {
    let store = store_with_customers();
    let before = snapshot(&store);
    let err = import_customers(
        &store,
        b"First name,Email\nAda,ADA@example.com\n",
        DuplicatePolicy::Skip,
    )
    .err()
    .unwrap();
    assert_eq!(
        err.0.to_string(),
        "Nothing to import: the only row is already in Rapport and was skipped as a duplicate."
    );
    assert_eq!(snapshot(&store), before);

    // Update: imported fields win, emails are added, version goes up by one.
    let done = import_customers(
        &store,
        b"First name,Last name,Email,Email 2,Job title\nAda,Lovelace,ada@example.com,countess@example.com,Analyst\n",
        DuplicatePolicy::Update,
    )
    .unwrap();
    assert_eq!((done.counts.updated, done.counts.created), (1, 0));
    let ada: Customer = run(store.get(Uuid::from_u128(1))).unwrap().unwrap();
    assert_eq!(ada.family_name, "Lovelace");
    assert_eq!(ada.emails, ["ada@example.com", "countess@example.com"]);
    assert_eq!(ada.phones, ["+442079460958"]);
    assert_eq!((ada.job_title.as_str(), ada.meta.version), ("Analyst", 2));

    // Matched by phone when the row has no email; Create makes a new one.
    let done = import_customers(
        &store,
        b"Name,Phone\nAda Lovelace,0044 20 7946 0958\n",
        DuplicatePolicy::Create,
    )
    .unwrap();
    assert_eq!(done.counts.created, 1);
    assert_eq!(customers(&store).len(), 3);
}

#[test]
fn duplicates_within_the_file_are_matched_too() {
    let file = b"Name,Email,City\nAda Lovelace,ada@x.org,\nA. Lovelace,ADA@x.org,London\n";
    let store = MemStore::new();
    let done = import_customers(&store, file, DuplicatePolicy::Skip).unwrap();
    assert_eq!(
        done.issues,
        [issue(3, "", "Same person as the row on line 2; skipped.")]
    );
    assert_eq!(customers(&store).len(), 1);

    let store = MemStore::new();
    import_customers(&store, file, DuplicatePolicy::Update).unwrap();
    let all = customers(&store);
    assert_eq!(all.len(), 1);
    assert_eq!(
        (all[0].given_name.as_str(), all[0].address.city.as_str()),
        ("A.", "London")
    );
}

#[test]
fn update_then_revert_restores_the_customer_and_removes_the_new_ones() {
    let store = store_with_customers();
    let ada_before: Customer = run(store.get(Uuid::from_u128(1))).unwrap().unwrap();
    let done = import_customers(&store, &fixture("hubspot.csv"), DuplicatePolicy::Update).unwrap();
    assert_eq!((done.counts.updated, done.counts.created), (1, 2));
    assert_eq!(done.batch.created.len(), 2);
    // A note added to an imported customer after the import goes with it.
    let grace = find(&store, "grace@example.com");
    let mut note = ChangeSet::new("note");
    note.insert(&Interaction::note_v4(NOW, grace.id(), "Called"))
        .unwrap();
    run(store.apply(&note)).unwrap();

    let changes = run(revert(&store, done.batch.id(), NOW + 10)).unwrap();
    assert_eq!(changes.label, "Revert: Import of test.csv");
    run(store.apply(&changes)).unwrap();

    let all = customers(&store);
    assert_eq!(all.len(), 2);
    let ada: Customer = run(store.get(Uuid::from_u128(1))).unwrap().unwrap();
    assert_eq!(ada.meta.version, 3);
    assert_eq!(
        Customer {
            meta: ada_before.meta.clone(),
            ..ada
        },
        ada_before,
        "every field as before the import"
    );
    assert_eq!(run(store.count("interactions")).unwrap(), 0);
    let batch: ImportBatch = run(store.get(done.batch.id())).unwrap().unwrap();
    assert_eq!(batch.reverted_at, Some(NOW + 10));
    let again = run(revert(&store, done.batch.id(), NOW + 20)).unwrap_err();
    assert_eq!(again.to_string(), "This import was already reverted.");
    let missing = run(revert(&store, Uuid::from_u128(99), NOW)).unwrap_err();
    assert!(matches!(missing, ImportError::BatchNotFound));
}

/// An orders import run like the page does.
fn import_orders(
    store: &MemStore,
    bytes: &[u8],
) -> Result<(ImportCounts, Vec<RowIssue>, ImportBatch), ImportError> {
    let (reader, rows) = read(bytes, 64)?;
    let header = reader.header().map(<[String]>::to_vec);
    let width = rows.first().map_or(0, |r| r.cells.len());
    let mapping = auto_map_orders(header.as_deref(), width);
    let existing: Vec<Customer> = run(store.all()).unwrap();
    let mut job = OrdersImport::new(header, mapping, &existing, OrderOptions::default(), NOW)?
        .with_seed(next_seed());
    job.add_rows(rows);
    let (counts, issues) = (job.summary(), job.issues().to_vec());
    let (changes, batch) = job.into_change_set("Import of orders", "orders.txt")?;
    run(store.apply(&changes)).unwrap();
    Ok((counts, issues, batch))
}

#[test]
fn a_cdnow_log_becomes_orders_linked_by_external_id_creating_missing_customers() {
    let store = store_with_customers();
    let (counts, issues, batch) = import_orders(&store, &fixture("cdnow.txt")).unwrap();
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(
        (counts.rows, counts.created, counts.customers_created),
        (6, 6, 3)
    );
    let orders: Vec<Order> = run(store.all()).unwrap();
    assert_eq!(orders.len(), 7);
    let second: Vec<Order> = run(store.for_customer(Uuid::from_u128(2))).unwrap();
    assert_eq!(
        second.len(),
        3,
        "00002 is the stored customer with that external id"
    );
    let new_one = customers(&store)
        .into_iter()
        .find(|c| c.given_name == "Customer 00003")
        .expect("customer 00003 created");
    let theirs: Vec<Order> = run(store.for_customer(new_one.id())).unwrap();
    assert_eq!(theirs.len(), 2);
    assert_eq!(
        (theirs[0].line_items[0].quantity, theirs[0].total),
        (2.0, 20.76)
    );
    assert_eq!(theirs[0].date, date!(1997 - 01 - 02));

    run(store.apply(&run(revert(&store, batch.id(), NOW + 1)).unwrap())).unwrap();
    assert_eq!(run(store.count("orders")).unwrap(), 1);
    assert_eq!(customers(&store).len(), 2);
}

#[test]
fn an_orders_file_with_invoice_lines_groups_them_and_reports_bad_rows() {
    let store = MemStore::new();
    let (counts, issues, _) = import_orders(&store, &fixture("orders.csv")).unwrap();
    assert_eq!(
        (counts.created, counts.customers_created, counts.invalid),
        (2, 2, 2)
    );
    assert_eq!(
        issues,
        [
            issue(
                5,
                "Quantity",
                "The quantity is -6; only purchases (more than 0 items) are imported, not returns."
            ),
            issue(
                6,
                "InvoiceDate",
                "“yesterday” is not a date (write it as YYYYMMDD or YYYY-MM-DD)."
            ),
        ]
    );
    let orders: Vec<Order> = run(store.all()).unwrap();
    let two_lines = orders.iter().find(|o| o.line_items.len() == 2).unwrap();
    assert_eq!(two_lines.external_id.as_deref(), Some("536365"));
    assert_eq!(two_lines.total, 35.64);
    assert_eq!(
        two_lines.line_items[0].product,
        "WHITE HANGING HEART T-LIGHT HOLDER"
    );
}

#[test]
fn an_orders_file_without_a_customer_column_is_refused() {
    let err = import_orders(&MemStore::new(), b"Date,Amount\n2024-01-01,5\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "No column is mapped to “Customer ID”; choose one in the column mapping."
    );
}
