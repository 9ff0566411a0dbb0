//! Purchase history as a person brings it in and looks at it: a 1997–98
//! purchase log (`customer_id date number_of_items amount`, YYYYMMDD,
//! space-separated; written by
//! `crates/core/tests/fixtures/history/make_reference.py`) is proposed as
//! orders, imported, and then seen on the Dashboard over "All time" and in
//! the Orders page's totals for 1997; choosing the kind after the file
//! keeps the file; importing the same log again warns and skips every
//! order.

use crate::harness::Browser;
use crate::import::choose_file;
use crate::tour::snap;

const LOG: &str = "purchase_log_1997.txt";
const ORDERS_KIND: &str =
    "Orders or transactions (customer id, date, quantity, amount — also space-separated logs)";
const CUSTOMERS_KIND: &str =
    "Customers or contacts (HubSpot, Salesforce, Google, Outlook, Rapport, or any CSV)";

/// Hands the purchase log to the page's file input, as the picker would.
async fn choose_log(browser: &Browser) {
    choose_file(browser, LOG).await;
}

/// Whether the radio button with this label is checked.
async fn is_checked(browser: &Browser, label: &str) -> bool {
    let radio = browser.labelled(label).await;
    browser
        .eval_on(&radio, "return arguments[0].checked")
        .await
        .as_bool()
        .unwrap_or(false)
}

/// Imports the log from the Import & export page.
pub async fn import_log(browser: &Browser) {
    browser.open("import-export").await;
    browser.expect_heading("Import & export").await;
    choose_log(browser).await;
    browser
        .expect_text(
            "Its header names a customer ID, a date and an amount, as a purchase log does.",
        )
        .await;
    assert!(
        is_checked(browser, ORDERS_KIND).await,
        "the page proposes orders"
    );
    browser.click_button("Check the file").await;
    browser
        .expect_text("The first orders as they will be stored")
        .await;
    browser.click_button("Import").await;
    browser.expect_text(&format!("Imported {LOG}")).await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_1997_purchase_log_shows_on_the_dashboard_over_all_time_and_in_the_orders_totals() {
    let browser = Browser::start().await;
    import_log(&browser).await;

    browser.click_link("Dashboard").await;
    browser.expect_heading("Dashboard").await;
    // The data is from 1997–98, so the Dashboard opens on all time.
    browser.labelled("Period").await;
    browser.set_value("Period", "all").await;
    browser.expect_text("Revenue (USD), 1997–1998").await;
    browser
        .expect_true(
            "[...document.querySelectorAll('.kpi')].some(k => k.textContent.includes('Revenue (USD), 1997–1998') && k.querySelector('.kpi-value').textContent === '2,313')",
            "the total revenue of the log",
        )
        .await;
    browser.expect_text("Orders, 1997–1998").await;
    browser.expect_drawn_charts(1).await;
    snap(&browser, "history-dashboard-all-time").await;

    // The last 30 days hold nothing of it, and say so.
    browser.set_value("Period", "last-30").await;
    browser.expect_text("Revenue, last 30 days").await;
    browser.expect_text("No orders in this period.").await;

    // A custom period with From after To is refused with a sentence.
    browser.set_value("Period", "custom").await;
    browser.set_value("From", "1998-02-01").await;
    browser.set_value("To", "1997-02-01").await;
    browser
        .expect_text("The period starts on 1998-02-01, after it ends on 1997-02-01; choose a From on or before To.")
        .await;
    browser.set_value("To", "1998-06-30").await;
    browser
        .expect_text("Revenue (USD), 1998-02-01 to 1998-06-30")
        .await;

    // The Orders page remembers the period; choose 1997.
    browser.click_link("Orders").await;
    browser.expect_heading("Orders").await;
    browser.expect_text("Totals by month").await;
    browser.set_value("Period", "year-1997").await;
    browser.expect_text("January 1997").await;
    browser.expect_text("December 1997").await;
    browser.expect_text("Total, 1997").await;
    snap(&browser, "history-orders-1997").await;
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn picking_the_kind_after_the_file_keeps_the_file() {
    let browser = Browser::start().await;
    browser.open("import-export").await;
    browser.expect_heading("Import & export").await;
    choose_log(&browser).await;
    browser.expect_text("Match the columns").await;
    browser.press(browser.labelled(CUSTOMERS_KIND).await).await;
    browser.expect_text("you chose the other kind above").await;
    browser.expect_text(LOG).await;
    browser.press(browser.labelled(ORDERS_KIND).await).await;
    browser.expect_text("it is selected above").await;
    browser.click_button("Check the file").await;
    browser.expect_text("Rows read").await;
    browser
        .expect_text("The first orders as they will be stored")
        .await;
    // After the check, too: back to the columns with the file kept.
    browser.press(browser.labelled(CUSTOMERS_KIND).await).await;
    browser.expect_text("Match the columns").await;
    browser.expect_text(LOG).await;
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn importing_the_same_log_again_warns_and_skips_every_order() {
    let browser = Browser::start().await;
    import_log(&browser).await;
    browser.open("import-export").await;
    browser.expect_heading("Import & export").await;
    choose_log(&browser).await;
    browser.click_button("Check the file").await;
    browser
        .expect_text("60 orders are already in Rapport (same customer, date, amount and order number) and will be skipped. Was this file imported before?")
        .await;
    snap(&browser, "history-reimport").await;
    browser.click_button("Import").await;
    browser
        .expect_text(
            "Nothing to import: all 60 rows are already in Rapport and were skipped as duplicates.",
        )
        .await;
    browser.click_link("Orders").await;
    browser.expect_heading("Orders").await;
    browser.expect_text("Showing 1–50 of 60").await;
    browser.close().await;
}
