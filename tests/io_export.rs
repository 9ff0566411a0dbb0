//! CSV export: the documented columns, formula neutralisation of text (and
//! not of numbers), quoting, the BOM, and tricky text read back intact by
//! the `csv` crate.

use rapport::io::export::{
    customers_csv, customers_with_figures_csv, interactions_csv, neutralise, orders_csv,
    tickets_csv, unneutralise, CUSTOMER_COLUMNS, FIGURE_COLUMNS, INTERACTION_COLUMNS,
    MULTI_VALUE_SEPARATOR, ORDER_COLUMNS, TICKET_COLUMNS,
};
use rapport::model::{
    CustomValue, Customer, Direction, Education, Id, Interaction, InteractionKind, LineItem, Order,
    OrderStatus, Priority, Ticket, Uuid,
};
use time::macros::date;

const NOW: i64 = 1_700_000_000_000;

/// Header and rows of an exported file, read the way a spreadsheet would.
fn read(csv_text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let body = csv_text
        .strip_prefix('\u{feff}')
        .expect("starts with a BOM");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

fn cell<'a>(header: &[String], row: &'a [String], column: &str) -> &'a str {
    let i = header
        .iter()
        .position(|h| h == column)
        .unwrap_or_else(|| panic!("{column}"));
    &row[i]
}

fn ann() -> Customer {
    let mut c = Customer::new(Uuid::from_u128(1), NOW);
    c.given_name = "Ann".into();
    c.family_name = "O\"Neil, \"the boss\"".into();
    c.emails = vec!["ann@example.com".into(), "ann@work.example".into()];
    c.phones = vec!["+14155550134".into()];
    c.company = "=HYPERLINK(\"http://evil\",\"click\")".into();
    c.job_title = "Line one\nline two, with comma".into();
    c.address.city = "Zürich".into();
    c.address.country = "中国".into();
    c.birthday = Some(date!(1980 - 02 - 29));
    c.age = Some(44);
    c.annual_income = Some(120_000.5);
    c.education = Some(Education::Master);
    c.tags = vec!["-vip".into(), "b2b".into()];
    c.segment = Some("@home".into());
    c.custom_fields
        .insert("Balance".into(), CustomValue::Number(-12.5));
    c.custom_fields
        .insert("Note".into(), CustomValue::Text("-12.5".into()));
    c.custom_fields
        .insert("Since".into(), CustomValue::Date(date!(2020 - 01 - 02)));
    c
}

#[test]
fn customers_file_has_the_documented_columns_then_custom_fields() {
    let mut bo = Customer::new(Uuid::from_u128(2), NOW);
    bo.given_name = "Bo".into();
    bo.custom_fields
        .insert("Plan".into(), CustomValue::Choice("Gold".into()));
    let text = customers_csv(&[ann(), bo]);
    assert!(text.starts_with('\u{feff}'), "UTF-8 BOM for Excel");
    assert!(text.contains("\r\n"), "CRLF line ends");
    let (header, rows) = read(&text);
    let mut expected: Vec<String> = CUSTOMER_COLUMNS.iter().map(|c| c.to_string()).collect();
    for k in ["Balance", "Note", "Plan", "Since"] {
        expected.push(format!("Custom: {k}"));
    }
    assert_eq!(header, expected);
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r.len() == header.len()));
    let (a, b) = (&rows[0], &rows[1]);
    assert_eq!(cell(&header, a, "Family name"), "O\"Neil, \"the boss\"");
    assert_eq!(
        cell(&header, a, "Job title"),
        "Line one\nline two, with comma"
    );
    assert_eq!(cell(&header, a, "Country"), "中国");
    assert_eq!(
        cell(&header, a, "Emails"),
        format!("ann@example.com{MULTI_VALUE_SEPARATOR}ann@work.example")
    );
    assert_eq!(cell(&header, a, "Phones"), "'+14155550134");
    assert_eq!(cell(&header, a, "Tags"), "'-vip ::: b2b");
    assert_eq!(cell(&header, a, "Segment"), "'@home");
    assert_eq!(cell(&header, a, "Birthday"), "1980-02-29");
    assert_eq!(cell(&header, a, "Age"), "44");
    assert_eq!(cell(&header, a, "Annual income"), "120000.5");
    assert_eq!(cell(&header, a, "Education"), "Master");
    assert_eq!(cell(&header, a, "Lifecycle stage"), "Lead");
    assert_eq!(cell(&header, a, "Created"), "2023-11-14T22:13:20Z");
    assert_eq!(cell(&header, a, "Id"), Uuid::from_u128(1).to_string());
    assert_eq!(
        cell(&header, a, "Custom: Balance"),
        "-12.5",
        "numbers stay numbers"
    );
    assert_eq!(
        cell(&header, a, "Custom: Note"),
        "'-12.5",
        "text that looks like one does not"
    );
    assert_eq!(cell(&header, a, "Custom: Since"), "2020-01-02");
    assert_eq!(cell(&header, a, "Custom: Plan"), "");
    assert_eq!(cell(&header, b, "Custom: Plan"), "Gold");
    assert_eq!(cell(&header, b, "Birthday"), "");
}

#[test]
fn every_formula_trigger_is_neutralised_and_reversible() {
    for trigger in ['=', '+', '-', '@', '\t', '\r'] {
        let text = format!("{trigger}cmd|' /C calc'!A0");
        assert_eq!(neutralise(&text), format!("'{text}"), "{trigger:?}");
        assert_eq!(unneutralise(&neutralise(&text)), text);
        let mut c = Customer::new(Uuid::from_u128(9), NOW);
        c.given_name = text.clone();
        let (header, rows) = read(&customers_csv(&[c]));
        let exported = cell(&header, &rows[0], "Given name");
        assert_eq!(exported, format!("'{text}"));
        assert_eq!(unneutralise(exported), text);
    }
}

#[test]
fn safe_text_is_left_alone_and_quotes_round_trip() {
    for text in [
        "Ann",
        "",
        " =not first",
        "3+4",
        "'tis",
        "'''",
        "a'=b",
        "'=x",
        "''+y",
    ] {
        assert_eq!(unneutralise(&neutralise(text)), text, "{text:?}");
    }
    assert_eq!(neutralise("Ann"), "Ann");
    assert_eq!(neutralise("'=x"), "''=x", "an existing quote is kept");
    assert_eq!(
        unneutralise("'Ann"),
        "'Ann",
        "only a quote neutralise added goes"
    );
}

#[test]
fn tricky_text_round_trips_through_a_csv_reader() {
    let tricky = [
        "comma, inside",
        "quote \" inside \"\"double\"\"",
        "new\nline and\r\nCRLF",
        "  spaces kept  ",
        "emoji 🎉 and 王伟 and Zoë",
        "semicolon; tab\tinside",
        "",
    ];
    let customers: Vec<Customer> = tricky
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut c = Customer::new(Uuid::from_u128(i as u128 + 1), NOW);
            c.given_name = "X".into();
            c.company = t.to_string();
            c
        })
        .collect();
    let (header, rows) = read(&customers_csv(&customers));
    for (row, text) in rows.iter().zip(tricky) {
        assert_eq!(unneutralise(cell(&header, row, "Company")), text);
    }
}

fn names(id: Id) -> Option<String> {
    (id == Uuid::from_u128(1)).then(|| "Ann \"A\" Lee".to_string())
}

#[test]
fn orders_have_one_row_per_line_with_the_order_total_on_each() {
    let lines = vec![
        LineItem::new("Widget", 3.0, 19.99),
        LineItem::new("-Discount", 1.0, 0.0),
    ];
    let mut order = Order::new(
        Uuid::from_u128(20),
        NOW,
        Uuid::from_u128(1),
        date!(2023 - 11 - 14),
        OrderStatus::Order,
        lines,
        "USD",
    );
    order.external_id = Some("=1+1".into());
    let mut no_lines = order.clone();
    no_lines.meta.id = Uuid::from_u128(21);
    no_lines.customer_id = Uuid::from_u128(99);
    no_lines.line_items.clear();
    let (header, rows) = read(&orders_csv(&[order, no_lines], names));
    assert_eq!(header, ORDER_COLUMNS);
    assert_eq!(rows.len(), 3);
    let r = &rows[0];
    assert_eq!(cell(&header, r, "Customer"), "Ann \"A\" Lee");
    assert_eq!(cell(&header, r, "Date"), "2023-11-14");
    assert_eq!(cell(&header, r, "Status"), "Order");
    assert_eq!(cell(&header, r, "Line"), "1");
    assert_eq!(cell(&header, r, "Quantity"), "3");
    assert_eq!(cell(&header, r, "Unit price"), "19.99");
    assert_eq!(cell(&header, r, "Line total"), "59.97");
    assert_eq!(cell(&header, r, "Order total"), "59.97");
    assert_eq!(cell(&header, r, "External id"), "'=1+1");
    assert_eq!(cell(&header, &rows[1], "Product"), "'-Discount");
    assert_eq!(cell(&header, &rows[1], "Order total"), "59.97");
    let empty = &rows[2];
    assert_eq!(cell(&header, empty, "Customer"), "", "unknown customer");
    assert_eq!(cell(&header, empty, "Product"), "");
    assert_eq!(cell(&header, empty, "Line"), "");
}

#[test]
fn interactions_and_tickets_have_their_columns() {
    let i = Interaction::new(
        Uuid::from_u128(30),
        NOW,
        Uuid::from_u128(1),
        InteractionKind::Call,
        Direction::Inbound,
        NOW - 60_000,
        "+1 callback",
        "Body, with \"quotes\"\nand a line",
    );
    let (header, rows) = read(&interactions_csv(&[i], names));
    assert_eq!(header, INTERACTION_COLUMNS);
    assert_eq!(cell(&header, &rows[0], "Kind"), "Call");
    assert_eq!(cell(&header, &rows[0], "Direction"), "Inbound");
    assert_eq!(cell(&header, &rows[0], "When"), "2023-11-14T22:12:20Z");
    assert_eq!(cell(&header, &rows[0], "Subject"), "'+1 callback");
    assert_eq!(
        cell(&header, &rows[0], "Body"),
        "Body, with \"quotes\"\nand a line"
    );

    let mut t = Ticket::new(
        Uuid::from_u128(40),
        NOW,
        Uuid::from_u128(1),
        "Broken",
        "",
        Priority::High,
    );
    t.solve(NOW + 3_600_000).unwrap();
    t.satisfaction = Some(4);
    t.feedback = Some("@support was quick".into());
    let (header, rows) = read(&tickets_csv(&[t], names));
    assert_eq!(header, TICKET_COLUMNS);
    let r = &rows[0];
    assert_eq!(cell(&header, r, "Status"), "Solved");
    assert_eq!(cell(&header, r, "Priority"), "High");
    assert_eq!(cell(&header, r, "Solved"), "2023-11-14T23:13:20Z");
    assert_eq!(cell(&header, r, "Satisfaction"), "4");
    assert_eq!(cell(&header, r, "Feedback"), "'@support was quick");
}

#[test]
fn empty_exports_are_just_the_header() {
    let (header, rows) = read(&customers_csv(&[]));
    assert_eq!(header, CUSTOMER_COLUMNS);
    assert!(rows.is_empty());
}

#[test]
fn the_list_export_adds_each_customers_purchase_figures_after_their_columns() {
    let figures = rapport::search::Figures {
        spend: 1234.5,
        currency: "EUR".into(),
        orders: 7,
        last_order: date!(2024 - 05 - 06),
        rfm: (2, 5, 4),
        segment: rapport::insight::Segment::CantLoseThem,
        predicted: Some(321.456),
    };
    let buyer = ann();
    let mut browser = Customer::new(Uuid::from_u128(2), NOW);
    browser.given_name = "Bo".into();
    let csv = customers_with_figures_csv(&[buyer.clone(), browser], |id| {
        (*id == buyer.meta.id).then_some(&figures)
    });
    let (header, rows) = read(&csv);
    assert_eq!(
        &header[header.len() - FIGURE_COLUMNS.len()..],
        FIGURE_COLUMNS
    );
    let expect = [
        ("Lifetime spend", "1234.5"),
        ("Spend currency", "EUR"),
        ("Purchases", "7"),
        ("Last purchase", "2024-05-06"),
        ("R", "2"),
        ("F", "5"),
        ("M", "4"),
        ("RFM segment", "Can't lose them"),
        ("Predicted 12-month value", "321.46"),
    ];
    for (column, value) in expect {
        assert_eq!(cell(&header, &rows[0], column), value, "{column}");
        assert_eq!(
            cell(&header, &rows[1], column),
            "",
            "{column} of a customer without purchases"
        );
    }
    // The customer's own columns are the plain export's.
    let (plain_header, plain_rows) = read(&customers_csv(&[ann()]));
    assert_eq!(&header[..plain_header.len()], &plain_header[..]);
    assert_eq!(&rows[0][..plain_header.len()], &plain_rows[0][..]);
}
