//! Customer records as a person works with them: load the demo data, add a
//! customer (a bad email is refused next to the field), add a note, reload,
//! edit in two tabs (the stale save is refused), delete and undo, search by
//! part of an email.

use crate::harness::Browser;
use fantoccini::Locator;

/// `n` with thousands separators, as the app shows counts.
pub fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Loads the default demo data set from the Dashboard's welcome; returns
/// how many customers the list then shows (the demo data puts a few in the
/// trash).
pub async fn load_demo_data(browser: &Browser) -> usize {
    browser.open("").await;
    browser.expect_heading("Dashboard").await;
    browser.click_button("Load demo data").await;
    let bar = "document.querySelector('progress[aria-label=\"Loading demo data\"]')";
    browser
        .expect_true(&format!("!{bar}"), "the demo data to finish loading")
        .await;
    browser.expect_text("Loaded 2,000 demo customers").await;
    browser.click_link("Customers").await;
    browser.expect_heading("Customers").await;
    let count = listed_total(browser).await;
    assert!(
        (1_900..=2_000).contains(&count),
        "the list shows {count} demo customers"
    );
    count
}

/// The total in the list's "N customers" / "M of N customers" line, once
/// the customers have loaded (until then it reads "Loading…").
pub async fn listed_total(browser: &Browser) -> usize {
    let text = browser
        .wait_until(|| async {
            let t = browser
                .eval("return document.querySelector('.result-count')?.textContent ?? ''")
                .await;
            let t = t.as_str()?.to_string();
            t.chars().any(|c| c.is_ascii_digit()).then_some(t)
        })
        .await
        .unwrap_or_default();
    let text = text.replace(',', "");
    let numbers: Vec<usize> = text
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    *numbers
        .last()
        .unwrap_or_else(|| panic!("no count in {text:?}"))
}

/// Opens `/customers/new`, adds a customer through the form and waits for
/// their page.
pub async fn add_customer(browser: &Browser, given: &str, family: &str, email: &str) {
    browser.open("customers/new").await;
    browser.expect_heading("New customer").await;
    browser.fill("Given name", given).await;
    browser.fill("Family name", family).await;
    browser.fill("Email", email).await;
    browser.click_button("Add customer").await;
    browser.expect_heading(&format!("{given} {family}")).await;
}

async fn add_ada(browser: &Browser) -> String {
    browser.click_link("Customers").await;
    browser.click_button("New customer").await;
    browser.expect_heading("New customer").await;
    browser.fill("Given name", "Ada").await;
    browser.fill("Family name", "Lovelace").await;
    browser.fill("Email", "ada.lovelace@").await;
    browser.click_button("Add customer").await;
    let email_error = browser
        .wait_for(Locator::Css("#error-emails"), "the email field's error")
        .await;
    let message = browser
        .wait_until(|| async {
            let t = email_error.text().await.ok()?;
            (!t.is_empty()).then_some(t)
        })
        .await
        .expect("an error message next to the email field");
    assert!(
        message.contains("not a valid email"),
        "unexpected message: {message}"
    );
    assert_eq!(
        browser.eval("return location.pathname").await,
        "/rapport/customers/new",
        "nothing was saved"
    );

    browser.fill("Email", "ada.lovelace@example.org").await;
    browser.fill("Company", "Analytical Engines Ltd").await;
    browser.click_button("Add customer").await;
    browser.expect_heading("Ada Lovelace").await;
    browser
        .eval("return location.pathname")
        .await
        .as_str()
        .unwrap_or("")
        .to_string()
}

#[tokio::test(flavor = "current_thread")]
async fn add_a_customer_and_a_note_and_find_them_after_a_reload() {
    let browser = Browser::start().await;
    let demo_customers = load_demo_data(&browser).await;
    let ada_path = add_ada(&browser).await;
    assert!(ada_path.starts_with("/rapport/customers/"), "{ada_path}");

    browser
        .fill("Note text", "Asked for the engine's schematics")
        .await;
    browser.click_button("Add to timeline").await;
    browser
        .expect_text("Asked for the engine's schematics")
        .await;

    browser.client.refresh().await.expect("reload");
    browser.expect_heading("Ada Lovelace").await;
    browser
        .expect_text("Asked for the engine's schematics")
        .await;

    browser.click_link("Customers").await;
    browser.fill("Search customers", "lovelace@exa").await;
    let expected = format!("1 of {} customers", thousands(demo_customers + 1));
    browser
        .expect_element_text(".result-count", &expected)
        .await;
    browser.link("Ada Lovelace").await;
    if std::env::var_os("RAPPORT_SCREENSHOTS").is_some() {
        browser.fill("Search customers", "").await;
        browser
            .expect_element_text(
                ".result-count",
                &format!("{} customers", thousands(demo_customers + 1)),
            )
            .await;
        let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
        browser.screenshot(&docs.join("screenshot.png")).await;
    }
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_stale_edit_from_a_second_tab_is_refused_not_lost() {
    let browser = Browser::start().await;
    browser.open("").await;
    add_ada(&browser).await;
    let tab_a = browser.open_second_tab().await;
    browser.expect_heading("Ada Lovelace").await;
    browser.fill("Job title", "Mathematician").await;
    browser.click_button("Save changes").await;
    browser.expect_text("Saved Ada Lovelace").await;

    browser
        .client
        .switch_to_window(tab_a)
        .await
        .expect("back to tab A");
    browser.fill("Job title", "Poet").await;
    browser.click_button("Save changes").await;
    browser.expect_text("changed in another tab").await;
    browser.click_button("Reload").await;
    browser.expect_heading("Ada Lovelace").await;
    let job = browser
        .labelled("Job title")
        .await
        .prop("value")
        .await
        .expect("read the field");
    assert_eq!(
        job.as_deref(),
        Some("Mathematician"),
        "tab B's save is what is stored"
    );
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_deleted_customer_comes_back_with_undo() {
    let browser = Browser::start().await;
    browser.open("").await;
    add_ada(&browser).await;
    browser.click_button("Move to trash").await;
    browser.expect_heading("Customers").await;
    browser.expect_text("Moved Ada Lovelace to the trash").await;
    browser.click_button("Undo").await;
    browser
        .expect_element_text(".result-count", "1 customer")
        .await;
    browser.link("Ada Lovelace").await;
    browser.client.refresh().await.expect("reload");
    browser.expect_heading("Customers").await;

    // Deleted again, it waits in the Trash and comes back from there.
    browser.click_link("Ada Lovelace").await;
    browser.expect_heading("Ada Lovelace").await;
    browser.click_button("Move to trash").await;
    browser.expect_heading("Customers").await;
    browser.click_link("Trash").await;
    browser.expect_heading("Trash").await;
    browser.click_button("Restore Ada Lovelace").await;
    browser.expect_text("The trash is empty").await;
    browser.click_link("Customers").await;
    browser.link("Ada Lovelace").await;
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn another_tab_sees_a_new_customer_without_reloading() {
    let browser = Browser::start().await;
    browser.open("").await;
    add_ada(&browser).await;
    browser.click_link("Customers").await;
    browser
        .expect_element_text(".result-count", "1 customer")
        .await;
    let list_tab = browser.client.window().await.expect("this tab");
    let other = browser
        .client
        .new_window(true)
        .await
        .expect("open a tab")
        .handle;
    browser
        .client
        .switch_to_window(other)
        .await
        .expect("to the other tab");
    browser.open("customers/new").await;
    browser.expect_heading("New customer").await;
    browser.fill("Given name", "Grace").await;
    browser.fill("Family name", "Hopper").await;
    browser.fill("Email", "grace@navy.example").await;
    browser.click_button("Add customer").await;
    browser.expect_heading("Grace Hopper").await;
    browser
        .client
        .switch_to_window(list_tab)
        .await
        .expect("back to the list");
    browser
        .expect_element_text(".result-count", "2 customers")
        .await;
    browser.link("Grace Hopper").await;
    browser.close().await;
}
