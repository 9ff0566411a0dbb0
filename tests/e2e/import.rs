//! Import as a person does it: pick a HubSpot export on the Import & export
//! page, see it recognised, check it, import it, find the customers in the
//! list (also after a reload), then revert the import; a binary file is
//! refused with a sentence and changes nothing (its own test); a CDNOW-style transaction
//! log becomes orders and customers.

use crate::customers::add_customer;
use crate::harness::Browser;
use crate::tour::snap;
use std::path::Path;

/// Hands the import fixture `file` (in `tests/fixtures/import`) to the
/// page's file input, as the file picker would.
pub async fn choose_file(browser: &Browser, file: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(file);
    browser.choose_csv(&path).await;
}

async fn customer_count(browser: &Browser) -> String {
    browser.click_link("Customers").await;
    browser.expect_heading("Customers").await;
    browser
        .eval("return document.querySelector('.result-count')?.textContent ?? document.querySelector('main').textContent.slice(0, 200)")
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test(flavor = "current_thread")]
async fn import_a_hubspot_export_find_the_customers_then_revert_it() {
    let browser = Browser::start().await;
    browser.open("import-export").await;
    browser.expect_heading("Import & export").await;

    choose_file(&browser, "hubspot.csv").await;
    browser
        .expect_text("Recognised as a HubSpot contacts export")
        .await;
    browser.click_button("Check the file").await;
    browser.expect_text("Rows read").await;
    browser.expect_text("Lovelace").await;
    snap(&browser, "import-checked").await;
    browser.click_button("Import").await;
    browser.expect_text("Imported hubspot.csv").await;

    browser.click_link("Customers").await;
    browser.expect_heading("Customers").await;
    browser.fill("Search customers", "Lovelace").await;
    browser.expect_text("Analytical Engines").await;
    browser.client.refresh().await.expect("reload");
    browser.expect_heading("Customers").await;
    browser.fill("Search customers", "Hopper").await;
    browser.expect_text("US Navy").await;

    browser.click_link("Import & export").await;
    browser.expect_text("Import of hubspot.csv").await;
    browser.click_button("Revert Import of hubspot.csv").await;
    browser.expect_text("Revert: Import of hubspot.csv").await;
    browser.expect_text("Reverted").await;
    let after = customer_count(&browser).await;
    assert!(
        after.contains("No customers yet") || after.starts_with("0 "),
        "{after}"
    );
    // The reverted customers are in the Trash, not destroyed; Undo brings
    // them back at once.
    browser
        .click_button("Undo: Revert: Import of hubspot.csv")
        .await;
    browser
        .expect_text("Undo: Revert: Import of hubspot.csv — done")
        .await;
    browser.click_link("Customers").await;
    browser.expect_heading("Customers").await;
    browser.fill("Search customers", "Hopper").await;
    browser.expect_text("US Navy").await;
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_binary_file_is_refused_with_a_sentence_and_changes_nothing() {
    let browser = Browser::start().await;
    browser.open("").await;
    add_customer(&browser, "Ada", "Lovelace", "ada@engines.example").await;
    let before = customer_count(&browser).await;
    assert_eq!(before, "1 customer");

    browser.click_link("Import & export").await;
    browser.expect_heading("Import & export").await;
    choose_file(&browser, "binary.csv").await;
    browser
        .expect_element_text(
            "p.error[role=alert]",
            "binary.csv: This does not look like a text file (it contains binary data).",
        )
        .await;
    assert_eq!(
        browser
            .eval("return [...document.querySelectorAll('button')].filter(b => b.textContent.trim() === 'Check the file').length")
            .await,
        0,
        "the file is not offered for checking"
    );
    assert!(
        !browser
            .eval("return document.body.innerText")
            .await
            .as_str()
            .unwrap_or_default()
            .contains("Import of binary.csv"),
        "no import batch is recorded"
    );

    let after = customer_count(&browser).await;
    assert_eq!(after, before, "the store is unchanged");
    browser.client.refresh().await.expect("reload");
    browser.expect_heading("Customers").await;
    // Once the customers have loaded (until then the count says so).
    browser
        .expect_true(
            "!(document.querySelector('.result-count')?.textContent ?? 'Loading').startsWith('Loading')",
            "the customers loaded",
        )
        .await;
    let reloaded = browser
        .eval("return document.querySelector('.result-count')?.textContent ?? ''")
        .await;
    assert_eq!(reloaded, before.as_str(), "unchanged after a reload too");
    browser.link("Ada Lovelace").await;
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_whitespace_separated_transaction_log_becomes_orders() {
    let browser = Browser::start().await;
    browser.open("import-export").await;
    browser.expect_heading("Import & export").await;
    browser
        .labelled("Orders or transactions (customer id, date, quantity, amount — also space-separated logs)")
        .await
        .click()
        .await
        .expect("choose orders");
    choose_file(&browser, "cdnow.txt").await;
    browser.expect_text("spaces-separated").await;
    browser.click_button("Check the file").await;
    browser
        .expect_text("The first orders as they will be stored")
        .await;
    browser.click_button("Import").await;
    browser.expect_text("Imported cdnow.txt").await;
    browser.click_link("Orders").await;
    browser.expect_heading("Orders").await;
    browser
        .expect_true(
            "document.querySelectorAll('main table tbody tr').length > 0",
            "imported orders",
        )
        .await;
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_chinese_contacts_file_with_35岁_and_5万_reports_those_rows_and_keeps_working() {
    let browser = Browser::start().await;
    browser.open("import-export").await;
    browser.expect_heading("Import & export").await;
    choose_file(&browser, "chinese_contacts.csv").await;
    browser.click_button("Check the file").await;
    browser.expect_text("Rows read").await;
    // Each unreadable number is a row problem with the parser's sentence
    // (it used to stop the app: a panic on the CJK characters).
    browser
        .expect_text("“35岁” is not a number Rapport can read — write digits only, e.g. 1,234.50 or 1.234,50.")
        .await;
    browser
        .expect_text("“5万” is not a number Rapport can read — write digits only, e.g. 1,234.50 or 1.234,50.")
        .await;
    browser.expect_text("4 problems").await;
    browser.click_button("Import").await;
    browser.expect_text("Imported chinese_contacts.csv").await;
    // The one good row (full-width digits read) is in the list, and the app
    // still answers.
    browser.click_link("Customers").await;
    browser.expect_heading("Customers").await;
    browser.fill("Search customers", "zhang@example.cn").await;
    browser.expect_text("张敏").await;
    browser
        .expect_element_text(".result-count", "1 customer")
        .await;
    browser.close().await;
}

/// 1,500 customers in one file: more than the write path absorbs row by
/// row (`BULK_ABSORB`), so the index takes them in bulk; each is then
/// listed and found by name at once, without a reload.
#[tokio::test(flavor = "current_thread")]
async fn a_large_import_is_listed_and_searchable_at_once() {
    let mut text = String::from("First Name,Last Name,Email,Company Name\n");
    for n in 0..1_500 {
        text.push_str(&format!(
            "Bulk{n},Importee{n},bulk{n}@example.com,Bulkco {}\n",
            n % 7
        ));
    }
    let path = std::env::temp_dir().join(format!("rapport-bulk-{}.csv", std::process::id()));
    std::fs::write(&path, text).expect("write the CSV");
    let browser = Browser::start().await;
    browser.open("import-export").await;
    browser.expect_heading("Import & export").await;
    browser.choose_csv(&path).await;
    browser.click_button("Check the file").await;
    browser.expect_text("Rows read").await;
    browser.click_button("Import").await;
    browser.expect_text("Imported").await;
    browser.click_link("Customers").await;
    browser.expect_heading("Customers").await;
    browser
        .expect_true(
            "(document.querySelector('.result-count')?.textContent ?? '').includes('1,500 customers')",
            "every imported customer listed",
        )
        .await;
    browser.fill("Search customers", "Importee1234").await;
    browser.expect_text("bulk1234@example.com").await;
    browser
        .expect_true(
            "(document.querySelector('.result-count')?.textContent ?? '') === '1 of 1,500 customers'",
            "exactly the one searched for",
        )
        .await;
    let _ = std::fs::remove_file(path);
    browser.close().await;
}
