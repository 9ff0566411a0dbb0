//! A reload in the middle of a long write: an import is one transaction, so
//! the store holds all of it or none, and on the next open the page says
//! which (`store::pending`).

use crate::customers::listed_total;
use crate::harness::Browser;

const NOTE_KEY: &str = "rapport.pending-write";

#[tokio::test(flavor = "current_thread")]
async fn an_import_cut_off_by_a_reload_is_all_or_nothing_and_the_page_says_which() {
    let browser = Browser::start().await;
    browser.open("import-export").await;
    browser.expect_heading("Import & export").await;
    let rows: String = (0..6_000)
        .map(|i| format!("Person{i},Reload{i},person{i}@reload.example\n"))
        .collect();
    let dir = std::env::temp_dir().join(format!("rapport-e2e-cut-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("people.csv");
    std::fs::write(&file, format!("First name,Last name,Email\n{rows}")).expect("write");
    browser.choose_csv(&file).await;
    browser.click_button("Check the file").await;
    browser.expect_text("Rows read").await;
    // Press Import and reload as soon as the write has begun (its note is
    // in localStorage), while the transaction runs. (A fixed delay raced:
    // on the paged store the whole import can finish within it.)
    browser
        .eval(&format!(
            "const b = [...document.querySelectorAll('button')].find(b => b.textContent.trim() === 'Import'); \
             const t = setInterval(() => {{ if (localStorage.getItem('{NOTE_KEY}')) {{ clearInterval(t); location.reload(); }} }}, 0); \
             b.click(); return true"
        ))
        .await;
    browser.expect_heading("Import & export").await;
    browser.expect_text("The import of people.csv").await;
    let said = browser
        .eval("return document.querySelector('.notice.interrupted').textContent")
        .await
        .as_str()
        .unwrap_or_default()
        .to_string();
    browser.click_link("Customers").await;
    browser.expect_heading("Customers").await;
    let stored = if said.contains("nothing of it was saved") {
        browser.expect_text("No customers yet").await;
        0
    } else {
        assert!(said.contains("all of it is stored"), "{said}");
        browser
            .expect_true(
                "/6,000 customers/.test(document.querySelector('.result-count')?.textContent ?? '')",
                "all 6,000 customers",
            )
            .await;
        listed_total(&browser).await
    };
    assert!(
        stored == 0 || stored == 6_000,
        "all or nothing, not {stored}"
    );
    // The note is gone once told: another reload says nothing more.
    browser.client.refresh().await.expect("reload");
    browser.expect_heading("Customers").await;
    assert_eq!(
        browser
            .eval(&format!("return localStorage.getItem('{NOTE_KEY}')"))
            .await,
        serde_json::Value::Null
    );
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('.notice.interrupted').length")
            .await,
        0
    );
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_restore_a_reload_cut_off_before_it_was_stored_is_reported_as_not_saved() {
    let browser = Browser::start().await;
    browser.open("").await;
    browser.expect_heading("Dashboard").await;
    // Start-up reads the note once; it must be over before the note is made,
    // or this very page would report it (a slow machine opens the store late).
    browser
        .expect_true(
            "document.documentElement.hasAttribute('data-started')",
            "start-up over",
        )
        .await;
    // As the page leaves it when the reload comes before the transaction
    // commits: the note, and a probe record that was never written.
    browser
        .eval(&format!(
            "localStorage.setItem('{NOTE_KEY}', JSON.stringify({{what: 'The restore of the backup', \
             probe: ['customers', '0b8c7c1e-5d3e-4a53-9a55-2f1f4d0a7c11', 1]}})); return true"
        ))
        .await;
    browser.client.refresh().await.expect("reload");
    browser.expect_heading("Dashboard").await;
    browser
        .expect_text("The restore of the backup was cut off by a reload before it was stored: nothing of it was saved")
        .await;
    browser.click_button("Dismiss").await;
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('.notice.interrupted').length")
            .await,
        0
    );
    browser.close().await;
}
