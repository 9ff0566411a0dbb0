//! Customer insight as a person meets it: after importing a 1997–98
//! purchase log, the Customers list sorted by lifetime spend starts with
//! the top spender (customer 00004, 446.00 USD in the file), the list
//! filters by spend and by last purchase, the top spender's page
//! shows the spend and RFM scores at a glance; the list filters by that RFM
//! segment (also from `/customers?rfm=…`); a demo customer's page
//! recommends products with the reason.

use crate::customers::load_demo_data;
use crate::harness::Browser;
use crate::history::import_log;
use crate::tour::snap;
use fantoccini::Locator;

/// The text of every cell of one column in the list's rendered rows.
async fn column_cells(browser: &Browser, class: &str) -> Vec<String> {
    let found = browser
        .eval(&format!(
            "return [...document.querySelectorAll('.grid-body .row .cell.{class}')].map(c => c.textContent.trim())"
        ))
        .await;
    serde_json::from_value(found).expect("cell texts")
}

/// Opens or closes a `<details class=…>` menu by its summary, as a person would.
async fn toggle_menu(browser: &Browser, class: &str) {
    browser
        .client
        .find(Locator::Css(&format!("details.{class} summary")))
        .await
        .unwrap_or_else(|_| panic!("the {class} menu"))
        .click()
        .await
        .expect("click its summary");
}

async fn show_column(browser: &Browser, label: &str) {
    let open = browser
        .eval("return document.querySelector('details.columns-menu').open")
        .await;
    if open != true {
        toggle_menu(browser, "columns-menu").await;
    }
    let checkbox = browser.labelled(label).await;
    if checkbox.prop("checked").await.ok().flatten().as_deref() != Some("true") {
        browser.press(checkbox).await;
    }
}

#[tokio::test(flavor = "current_thread")]
async fn the_top_spender_of_a_purchase_log_is_found_scored_and_filtered_by_segment() {
    let browser = Browser::start().await;
    import_log(&browser).await;

    browser.click_link("Customers").await;
    browser.expect_heading("Customers").await;
    show_column(&browser, "Lifetime spend").await;
    show_column(&browser, "RFM segment").await;
    browser.set_value("Sort by", "Spend").await;
    browser.click_button("Sort descending").await;
    // The figures arrive from the worker a moment after the import.
    browser
        .expect_true(
            "(document.querySelector('.grid-body .row .cell.col-lifetime-spend') || {}).textContent === '446 USD'",
            "the top spender's 446 USD first in the list",
        )
        .await;
    let names = column_cells(&browser, "col-name").await;
    assert_eq!(names[0], "Customer 00004");
    // Every rendered row shows its figures (also rows whose place did not
    // change when the figures came in), in descending order.
    let spend: Vec<f64> = column_cells(&browser, "col-lifetime-spend")
        .await
        .iter()
        .map(|s| {
            s.trim_end_matches(" USD")
                .replace(',', "")
                .parse()
                .unwrap_or(f64::NAN)
        })
        .collect();
    assert!(spend.iter().all(|s| s.is_finite()), "{spend:?}");
    assert!(spend.windows(2).all(|w| w[0] >= w[1]), "{spend:?}");
    snap(&browser, "customers-by-spend").await;

    // Filter on the figures: who spent at least 200 (00004 and 00002), who
    // has not bought since before March 1998 (8 of the 17), a typo said.
    toggle_menu(&browser, "figure-filters").await;
    browser.set_value("Spend at least", "200").await;
    browser.expect_text("2 of 17 customers").await;
    browser.set_value("Spend at least", "lots").await;
    browser
        .expect_text(
            "Spend at least: “lots” is not an amount: type a number such as 1,000 or 250.50.",
        )
        .await;
    browser.set_value("Spend at least", "").await;
    browser
        .set_value("Last purchase before", "1998-03-01")
        .await;
    browser.expect_text("8 of 17 customers").await;
    browser.set_value("Last purchase before", "").await;
    browser.expect_text("17 customers").await;
    // Ranges: five customers bought at least 5 times (00001, 00002, 00004,
    // 00008, 00009); three of them spent at most 200 in all.
    browser.set_value("Purchases at least", "5").await;
    browser.expect_text("5 of 17 customers").await;
    browser.expect_text("Purchase figures (1)").await;
    browser.set_value("Spend at most", "200").await;
    browser.expect_text("3 of 17 customers").await;
    browser.set_value("Purchases at most", "2.5").await;
    browser
        .expect_text(
            "Purchases at most: “2.5” is not a number of purchases: type a whole number such as 3.",
        )
        .await;
    browser.expect_text("3 of 17 customers").await;
    snap(&browser, "customers-purchase-figures").await;
    // Close the menu, as a person would, to reach Clear filters.
    toggle_menu(&browser, "figure-filters").await;
    browser.click_button("Clear filters").await;
    browser.expect_text("17 customers").await;
    assert_eq!(
        browser
            .eval("return document.querySelector('input[inputmode=numeric]').value")
            .await,
        ""
    );

    browser.click_link("Customer 00004").await;
    browser.expect_heading("Customer 00004").await;
    browser.expect_text("At a glance").await;
    browser.expect_text("446.00 USD").await;
    browser.expect_text("RFM segment").await;
    let segment = browser
        .eval(
            "const d = [...document.querySelectorAll('.glance-figure')].find(f => f.querySelector('dt').textContent === 'RFM segment'); return d ? d.querySelector('dd').textContent : ''",
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(!segment.is_empty(), "the RFM segment is shown");
    snap(&browser, "customer-at-a-glance").await;

    // The list filtered by that segment: only its customers, the top
    // spender among them.
    let key = rapport::insight::Segment::all()
        .iter()
        .find(|s| s.label() == segment)
        .map(|s| s.key())
        .expect("a known segment");
    browser.open(&format!("customers?rfm={key}")).await;
    browser.expect_heading("Customers").await;
    browser
        .expect_true(
            "document.querySelectorAll('.grid-body .row').length > 0",
            "rows of the segment",
        )
        .await;
    let segments = column_cells(&browser, "col-rfm-segment").await;
    assert!(
        segments.iter().all(|s| *s == segment),
        "{segments:?} are all {segment}"
    );
    assert_eq!(
        column_cells(&browser, "col-name").await[0],
        "Customer 00004"
    );
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_customer_with_few_purchases_gets_recommended_products_with_the_reason() {
    let browser = Browser::start().await;
    load_demo_data(&browser).await;
    // The fewest purchases first (customers without any sort last): a
    // big spender may have bought every product there is to offer.
    browser.set_value("Sort by", "Orders").await;
    browser
        .expect_true(
            "document.querySelector('.grid-body .row') && [...document.querySelectorAll('.grid-body .row')].length > 0",
            "the list",
        )
        .await;
    show_column(&browser, "Lifetime spend").await;
    browser
        .expect_true(
            "/USD|EUR|GBP|CNY/.test((document.querySelector('.grid-body .row .cell.col-lifetime-spend') || {}).textContent || '')",
            "the demo's buyers' spend in the list",
        )
        .await;
    browser
        .click_first(
            ".grid-body .row .cell.col-name a",
            "the buyer with the fewest purchases",
        )
        .await;
    browser.expect_text("At a glance").await;
    browser.expect_text("Recommended products").await;
    // The worker's answer: products with reasons (or a sentence why not).
    let section = browser
        .wait_until(|| async {
            let text = browser
                .eval("return document.querySelector('section.glance')?.innerText ?? ''")
                .await;
            let text = text.as_str().unwrap_or_default().to_string();
            (!text.contains("Comparing with other customers")).then_some(text)
        })
        .await
        .expect("the recommendations to arrive");
    assert!(section.contains("because they bought"), "{section}");
    browser.expect_drawn_charts(1).await;
    snap(&browser, "customer-recommendations").await;
    browser.close().await;
}
