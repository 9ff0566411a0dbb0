//! Backup and restore as a person uses them: download a backup, lose a
//! customer to the trash and change a setting, restore the backup
//! (Replace) and find both as they were; a file that is not a backup is
//! refused with its reason and changes nothing.

use crate::customers::add_customer;
use crate::harness::Browser;
use std::path::{Path, PathBuf};

/// Keeps every Blob the page turns into a download address, so the test can
/// read what "Download backup" produced (headless Chromium has no Downloads
/// folder to look in).
pub const CAPTURE_DOWNLOADS: &str = "window.__downloads = []; \
    const create = URL.createObjectURL.bind(URL); \
    URL.createObjectURL = b => { window.__downloads.push(b); return create(b); };";

/// The text of the last download.
pub async fn last_download(browser: &Browser) -> String {
    browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             const list = window.__downloads || []; \
             if (!list.length) { done(''); } else { list[list.length - 1].text().then(done); }",
            vec![],
        )
        .await
        .expect("read the download")
        .as_str()
        .unwrap_or_default()
        .to_string()
}

pub fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rapport-e2e-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write the file");
    path
}

pub async fn choose_backup(browser: &Browser, path: &Path) {
    browser
        .labelled("Restore from a backup…")
        .await
        .send_keys(path.to_str().expect("utf-8 path"))
        .await
        .expect("choose the file");
}

async fn stage_one(browser: &Browser) -> String {
    browser.click_link("Settings").await;
    browser.expect_heading("Settings").await;
    let input = browser.labelled("Stage 1 name").await;
    browser
        .eval_on(&input, "return arguments[0].value")
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test(flavor = "current_thread")]
async fn a_backup_brings_back_a_trashed_customer_and_the_settings() {
    let browser = Browser::start().await;
    add_customer(&browser, "Ada", "Lovelace", "ada@engines.example").await;
    browser.click_link("Settings").await;
    browser.fill("Stage 1 name", "Discovery").await;
    browser.click_button("Save pipeline").await;
    browser.expect_text("Pipeline saved.").await;

    browser.click_link("Import & export").await;
    browser.expect_heading("Import & export").await;
    browser.eval(CAPTURE_DOWNLOADS).await;
    browser.click_button("Download backup").await;
    browser.expect_text("Backup saved to your downloads.").await;
    let backup = last_download(&browser).await;
    assert!(
        backup.contains("ada@engines.example") && backup.contains("Discovery"),
        "the backup holds the customer and the settings: {}",
        &backup[..backup.len().min(400)]
    );
    let backup_file = temp_file("rapport-backup.json", &backup);

    // Lose both: Ada to the trash, the stage renamed again.
    browser.click_link("Customers").await;
    browser.click_link("Ada Lovelace").await;
    browser.click_button("Move to trash").await;
    browser.expect_heading("Customers").await;
    browser.expect_text("No customers yet").await;
    browser.click_link("Settings").await;
    browser.fill("Stage 1 name", "Scoping").await;
    browser.click_button("Save pipeline").await;
    browser.expect_text("Pipeline saved.").await;

    // Not a backup: refused, nothing changes.
    browser.click_link("Import & export").await;
    let foreign = temp_file("contacts.json", r#"{"contacts": [{"name": "Eve"}]}"#);
    choose_backup(&browser, &foreign).await;
    browser.expect_text("contacts.json: ").await;
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('.restore-preview').length")
            .await,
        0,
        "no restore is offered for a foreign file"
    );

    choose_backup(&browser, &backup_file).await;
    browser.expect_text("rapport-backup.json holds").await;
    let replace = browser
        .labelled("Replace everything here with the backup")
        .await;
    browser.press(replace).await;
    browser.click_button("Restore backup").await;
    browser.expect_text("Restored:").await;

    browser.click_link("Customers").await;
    browser.expect_heading("Customers").await;
    browser.link("Ada Lovelace").await;
    assert_eq!(stage_one(&browser).await, "Discovery");
    browser.client.refresh().await.expect("reload");
    assert_eq!(stage_one(&browser).await, "Discovery", "after a reload too");
    browser.click_link("Customers").await;
    browser.link("Ada Lovelace").await;
    browser.close().await;
}
