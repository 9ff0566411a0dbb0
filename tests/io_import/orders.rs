//! Orders files: the CDNOW log, invoice lines, missing columns.

use super::support::*;

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
    let mut theirs: Vec<Order> = run(store.for_customer(new_one.id())).unwrap();
    theirs.sort_by_key(|o| o.date);
    assert_eq!(theirs.len(), 2);
    assert_eq!(
        (theirs[0].line_items[0].quantity, theirs[0].total),
        (2.0, 20.76)
    );
    assert_eq!(theirs[0].date, date!(1997 - 01 - 02));

    run(store.apply(&run(revert(&store, batch.id(), NOW + 1)).unwrap())).unwrap();
    let orders: Vec<Order> = run(store.all()).unwrap();
    assert_eq!(
        orders.iter().filter(|o| !o.is_deleted()).count(),
        1,
        "the imported orders are in the Trash; the earlier one stays"
    );
    let live: Vec<Customer> = customers(&store)
        .into_iter()
        .filter(|c| !c.is_deleted())
        .collect();
    assert_eq!(
        live.len(),
        2,
        "the customer the import created is in the Trash"
    );
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
                "“yesterday” is not a date Rapport can read — write it as YYYY-MM-DD, e.g. \
                 2024-03-31."
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
