//! Encryption at rest as a person uses it: add a customer, turn encryption
//! on in Settings, and find no plaintext name in the raw IndexedDB values;
//! reload and meet the unlock screen; a wrong passphrase is refused with a
//! sentence, the right one shows the customer (and the Dashboard, whose
//! figures the worker computes from the encrypted store); Lock now locks; a
//! rewrite left unfinished is announced and resumed on the next open; turning
//! encryption off brings the data back in clear. Another open tab meets the
//! unlock screen when encryption is turned on. And an encrypted backup:
//! no plaintext in the file, restored only with its passphrase.

use crate::backup::{choose_backup, download_backup, temp_file};
use crate::customers::add_customer;
use crate::harness::Browser;
use crate::tour::snap;

const PASSPHRASE: &str = "lamp tiger violet 42";

/// Every value of Rapport's page stores and `meta`, joined, as IndexedDB
/// holds them (read through a second connection from the page).
async fn raw_store(browser: &Browser) -> String {
    browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             const req = indexedDB.open('rapport'); \
             req.onerror = () => done('ERROR: ' + req.error); \
             req.onsuccess = () => { \
               const db = req.result; const stores = ['heads', 'bodies', 'meta']; \
               const t = db.transaction(stores, 'readonly'); const out = []; let n = 0; \
               for (const s of stores) { \
                 const r = t.objectStore(s).getAll(); \
                 r.onsuccess = () => { out.push(...r.result.map(v => String(v))); \
                   if (++n === stores.length) { db.close(); done(out.join('\\n')); } }; \
               } \
             };",
            vec![],
        )
        .await
        .expect("read the raw store")
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test(flavor = "current_thread")]
async fn encryption_on_hides_the_raw_data_locks_refuses_a_wrong_passphrase_unlocks_resumes_and_turns_off(
) {
    let browser = Browser::start().await;
    add_customer(
        &browser,
        "Zephyrine",
        "Quillfeather",
        "zephyrine@quill.example",
    )
    .await;
    let raw = raw_store(&browser).await;
    assert!(
        raw.contains("Zephyrine"),
        "the customer is stored in clear first"
    );

    // On.
    browser.click_link("Settings").await;
    browser.expect_heading("Settings").await;
    browser.fill("New passphrase", PASSPHRASE).await;
    browser.fill("Confirm passphrase", "something else").await;
    browser.click_button("Turn encryption on").await;
    browser.expect_text("The two passphrases differ.").await;
    browser.fill("Confirm passphrase", PASSPHRASE).await;
    browser.click_button("Turn encryption on").await;
    browser
        .expect_text("Encryption is on: records are stored encrypted")
        .await;
    snap(&browser, "settings-encryption").await;
    let raw = raw_store(&browser).await;
    assert!(raw.contains("~rse1:"), "sealed values are stored");
    let lower = raw.to_lowercase();
    for plain in ["zephyrine", "quillfeather", "quill.example"] {
        assert!(!lower.contains(plain), "{plain:?} is stored in clear");
    }

    // Reload: the unlock screen, before anything else.
    browser.open("customers").await;
    browser.expect_heading("Unlock Rapport").await;
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('nav, .topbar').length")
            .await,
        0,
        "nothing of the app shows while locked"
    );
    browser.fill("Passphrase", "lamp tiger violet 43").await;
    browser.click_button("Unlock").await;
    browser
        .expect_text("That passphrase is not the right one. Nothing was changed.")
        .await;
    snap(&browser, "unlock-wrong-passphrase").await;
    browser.fill("Passphrase", PASSPHRASE).await;
    browser.click_button("Unlock").await;
    browser.expect_heading("Customers").await;
    browser.expect_text("Zephyrine").await;
    // The Dashboard's figures come from the analysis worker, which reads
    // the encrypted store with the key the unlocked page lends it.
    browser.click_link("Dashboard").await;
    browser.expect_heading("Dashboard").await;
    browser
        .expect_true(
            "document.querySelector('.kpis') && !document.querySelector('main .error')",
            "the Dashboard's figures, computed in the worker",
        )
        .await;

    // Lock now.
    browser.click_link("Settings").await;
    browser.expect_heading("Settings").await;
    browser.click_button("Lock now").await;
    browser.expect_heading("Unlock Rapport").await;
    browser.fill("Passphrase", PASSPHRASE).await;
    browser.click_button("Unlock").await;
    browser.expect_heading("Settings").await;

    // A rewrite cut off by a reload: the record says "rewriting" (as a
    // reload part-way leaves it); the next open says so and resumes.
    let marked = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             const req = indexedDB.open('rapport'); \
             req.onsuccess = () => { \
               const db = req.result; const t = db.transaction(['meta'], 'readwrite'); \
               const meta = t.objectStore('meta'); const get = meta.get('encryption'); \
               get.onsuccess = () => { \
                 const r = JSON.parse(get.result); \
                 Object.assign(r, { phase: 'rewriting', target: 'sealed', next: { collection: 0, after: null }, done: 0 }); \
                 meta.put(JSON.stringify(r), 'encryption'); \
               }; \
               t.oncomplete = () => { db.close(); done(true); }; \
               t.onerror = () => done(false); \
             };",
            vec![],
        )
        .await
        .expect("mark the rewrite as cut off");
    assert_eq!(marked, true);
    browser.open("settings").await;
    browser.expect_heading("Unlock Rapport").await;
    browser
        .expect_text("Turning encryption on was cut off before it finished.")
        .await;
    browser.fill("Passphrase", PASSPHRASE).await;
    browser.click_button("Unlock").await;
    browser.expect_heading("Settings").await;
    browser
        .expect_text(
            "Turning encryption on was cut off by a reload; it has now resumed and finished.",
        )
        .await;
    browser
        .expect_text("Encryption is on: records are stored encrypted")
        .await;

    // Off: needs the passphrase, then the data is in clear again.
    browser
        .fill("Passphrase to turn encryption off", PASSPHRASE)
        .await;
    browser.click_button("Turn encryption off").await;
    browser.expect_text("Encryption is off").await;
    browser.expect_text("Turn encryption on").await;
    let raw = raw_store(&browser).await;
    assert!(raw.contains("Zephyrine"));
    assert!(!raw.contains("~rse1:"));
    browser.open("customers").await;
    browser.expect_heading("Customers").await;
    browser.expect_text("Zephyrine").await;
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn another_open_tab_meets_the_unlock_screen_when_encryption_is_turned_on() {
    let browser = Browser::start().await;
    add_customer(&browser, "Tamsin", "Holloway", "tamsin@holloway.example").await;
    browser.click_link("Settings").await;
    browser.expect_heading("Settings").await;
    let second = browser.second_tab_behind("Settings").await;
    browser.fill("New passphrase", PASSPHRASE).await;
    browser.fill("Confirm passphrase", PASSPHRASE).await;
    browser.click_button("Turn encryption on").await;
    browser
        .expect_text("Encryption is on: records are stored encrypted")
        .await;
    browser
        .client
        .switch_to_window(second)
        .await
        .expect("to the second tab");
    browser.expect_heading("Unlock Rapport").await;
    browser.fill("Passphrase", PASSPHRASE).await;
    browser.click_button("Unlock").await;
    browser.expect_heading("Settings").await;
    browser.click_link("Customers").await;
    browser.expect_text("Tamsin").await;
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn an_encrypted_backup_holds_no_plaintext_and_restores_only_with_its_passphrase() {
    let browser = Browser::start().await;
    add_customer(&browser, "Orla", "Brightwater", "orla@bright.example").await;
    browser.click_link("Import & export").await;
    browser.expect_heading("Import & export").await;
    let encrypt = browser
        .labelled("Encrypt the backup with a passphrase")
        .await;
    browser.press(encrypt).await;
    browser.fill("Backup passphrase", PASSPHRASE).await;
    browser.fill("Confirm backup passphrase", PASSPHRASE).await;
    let backup = download_backup(&browser).await;
    assert!(backup.starts_with("{\"format\":\"rapport-encrypted-backup\""));
    assert!(
        !backup.to_lowercase().contains("orla"),
        "plaintext in the backup"
    );
    let file = temp_file("rapport-backup.encrypted.json", &backup);

    browser.click_link("Customers").await;
    browser.click_link("Orla Brightwater").await;
    browser.click_button("Move to trash").await;
    browser.expect_heading("Customers").await;
    browser.expect_text("No customers yet").await;

    browser.click_link("Import & export").await;
    choose_backup(&browser, &file).await;
    browser
        .expect_text("rapport-backup.encrypted.json is an encrypted backup")
        .await;
    browser.fill("Passphrase of the backup", "not it").await;
    browser.click_button("Open backup").await;
    browser
        .expect_text("That passphrase is not the right one. Nothing was changed.")
        .await;
    browser.fill("Passphrase of the backup", PASSPHRASE).await;
    browser.click_button("Open backup").await;
    browser
        .expect_text("rapport-backup.encrypted.json holds")
        .await;
    let replace = browser
        .labelled("Replace everything here with the backup")
        .await;
    browser.press(replace).await;
    browser.click_button("Restore backup").await;
    browser.expect_text("Restored:").await;
    browser.click_link("Customers").await;
    browser.link("Orla Brightwater").await;
    browser.close().await;
}
