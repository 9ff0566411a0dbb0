//! Presets, encodings and delimiters: each export lands in the right fields.

use super::support::*;

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
