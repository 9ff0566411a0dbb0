//! Numbers as people type them in other locales and scripts: `35岁` and
//! `5万` are row problems with the parser's sentence (never a panic),
//! full-width digits and decimal commas are read, and `NaN`, `inf` or
//! `1e400` never become an amount.

use super::support::*;

fn not_a_number(typed: &str) -> String {
    format!(
        "“{typed}” is not a number Rapport can read — write digits only, e.g. 1,234.50 or \
         1.234,50."
    )
}

fn not_finite(typed: &str) -> String {
    format!("“{typed}” is not a finite number — write an ordinary amount, e.g. 1,234.50.")
}

#[test]
fn chinese_ages_and_incomes_are_row_problems_with_the_parser_sentence() {
    let store = store_with_customers();
    let done = import_customers(
        &store,
        &fixture("chinese_contacts.csv"),
        DuplicatePolicy::Create,
    )
    .unwrap();
    assert_eq!(
        done.issues,
        [
            issue(2, "Age", &not_a_number("35岁")),
            issue(3, "Annual income", &not_a_number("5万")),
            issue(5, "Age", "“200” is not an age in whole years (0 to 130)."),
            issue(
                6,
                "Age",
                "“30.5” is not a whole number — leave out the decimals."
            ),
        ]
    );
    assert_eq!(
        (done.counts.rows, done.counts.created, done.counts.invalid),
        (5, 1, 4)
    );
    let zhang = find(&store, "zhang@example.cn");
    assert_eq!(
        (zhang.family_name.as_str(), zhang.given_name.as_str()),
        ("张", "敏")
    );
    assert_eq!(zhang.age, Some(42), "full-width digits are read");
    assert_eq!(zhang.annual_income, Some(120_000.0));
}

#[test]
fn unreadable_amounts_are_refused_and_decimal_commas_read() {
    let store = MemStore::new();
    let (counts, issues, _) = import_orders(&store, &fixture("unreadable_amounts.csv")).unwrap();
    assert_eq!(
        issues,
        [
            issue(2, "Amount", &not_finite("NaN")),
            issue(3, "Amount", &not_finite("inf")),
            issue(4, "Amount", &not_finite("1e400")),
            issue(7, "Amount", &not_a_number("12😀")),
        ]
    );
    assert_eq!((counts.created, counts.invalid), (2, 4));
    let mut orders: Vec<Order> = run(store.all()).unwrap();
    orders.sort_by_key(|o| o.date);
    let totals: Vec<f64> = orders.iter().map(|o| o.total).collect();
    assert_eq!(totals, [1.5, 1234.5], "“1,5 €” is 1.5");
    assert_eq!(orders[1].line_items[0].unit_price, 617.25);
    assert!(orders.iter().all(|o| o.total.is_finite()));
}
