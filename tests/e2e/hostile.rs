//! Hostile input: XSS payloads typed into every free-text field of a
//! customer, a note, a deal, a ticket and a task, imported by CSV, and
//! restored from a backup into an empty store, are stored and shown as the
//! text they are — no element they spell out appears in the page, no script
//! they carry runs, and the page reports no CSP violation (nothing even
//! tried to run). Long values, right-to-left text and emoji are kept whole.

use crate::backup::{choose_backup, download_backup, temp_file};
use crate::harness::Browser;
use std::path::PathBuf;

/// Script tags, event handlers, `javascript:` URLs, SVG, `srcdoc`,
/// template-injection strings and attribute breakouts. Each would set
/// `window.__xss` if it ever ran.
const PAYLOADS: &[&str] = &[
    "<script>window.__xss=1</script>",
    "<img src=x onerror=\"window.__xss=2\">",
    "<svg onload=\"window.__xss=3\"></svg>",
    "<svg><script>window.__xss=4</script></svg>",
    "<iframe srcdoc=\"<script>parent.__xss=5</script>\"></iframe>",
    "<a href=\"javascript:window.__xss=6\">click</a>",
    "\"><img src=x onerror=window.__xss=7>",
    "'><svg/onload=window.__xss=8>",
    "<body onload=\"window.__xss=9\">",
    "<details open ontoggle=\"window.__xss=10\">",
    "<input autofocus onfocus=\"window.__xss=11\">",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=12>",
    "<object data=\"javascript:window.__xss=13\"></object>",
    "<embed src=\"javascript:window.__xss=14\">",
    "<video><source onerror=\"window.__xss=15\"></video>",
    "<marquee onstart=\"window.__xss=16\">x</marquee>",
    "{{constructor.constructor('window.__xss=17')()}}",
    "${window.__xss=18}",
    "<div style=\"background:url(javascript:window.__xss=19)\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.__xss=20\">",
    "<base href=\"javascript:window.__xss=21//\">",
    "<form action=\"javascript:window.__xss=22\"><button>go</button></form>",
];

/// Elements a payload would add if it were parsed as HTML: inline event
/// handler attributes (the app's own listeners are never attributes),
/// `srcdoc`, `javascript:` URLs, inline scripts, `<base>` or `<meta>`
/// inside the page's main part.
const INJECTED: &str = "return [...document.querySelectorAll('main *')].filter(e => \
    [...e.attributes].some(a => a.name.startsWith('on') || a.name === 'srcdoc' \
        || /^\\s*javascript:/i.test(a.value)) \
    || (e.tagName === 'SCRIPT' && !e.src) || e.tagName === 'BASE' || e.tagName === 'META') \
    .map(e => e.outerHTML.slice(0, 80))";

const RECORD: &str = "window.__xss = 0; window.__csp = window.__csp || []; \
    if (!window.__recording) { window.__recording = true; \
    document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective)); } \
    return true";

async fn expect_harmless(browser: &Browser, where_: &str) {
    assert_eq!(
        browser.eval("return window.__xss").await,
        0,
        "a payload ran on {where_}"
    );
    let injected = browser.eval(INJECTED).await;
    assert_eq!(
        injected,
        serde_json::json!([]),
        "elements injected on {where_}"
    );
    assert_eq!(
        browser.eval("return window.__csp").await,
        serde_json::json!([]),
        "something tried to run on {where_}"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn xss_payloads_typed_and_imported_are_shown_as_text() {
    let browser = Browser::start().await;
    browser.open("").await;
    browser.expect_heading("Dashboard").await;
    browser.eval(RECORD).await;

    // Typed: a customer whose name and company are payloads, with a note
    // holding every payload.
    browser.open("customers/new").await;
    browser.eval(RECORD).await;
    browser.expect_heading("New customer").await;
    browser.fill("Given name", PAYLOADS[0]).await;
    browser.fill("Family name", PAYLOADS[1]).await;
    browser.fill("Company", PAYLOADS[2]).await;
    browser.click_button("Add customer").await;
    browser
        .expect_heading(&format!("{} {}", PAYLOADS[0], PAYLOADS[1]))
        .await;
    browser.eval(RECORD).await;
    let note = PAYLOADS.join("\n");
    browser.fill("Note text", &note).await;
    browser.click_button("Add to timeline").await;
    for payload in PAYLOADS {
        browser.expect_text(payload).await;
    }
    expect_harmless(&browser, "the customer's page").await;
    browser.client.refresh().await.expect("reload");
    browser.eval(RECORD).await;
    browser.expect_text(PAYLOADS[21]).await;
    expect_harmless(&browser, "the customer's page after a reload").await;

    // Imported: one customer per payload, as given name and company.
    let csv = csv_of_payloads();
    browser.open("import-export").await;
    browser.expect_heading("Import & export").await;
    browser.eval(RECORD).await;
    browser.choose_csv(&csv).await;
    browser.click_button("Check the file").await;
    browser.expect_text("Rows read").await;
    expect_harmless(&browser, "the import preview").await;
    browser.click_button("Import").await;
    browser.expect_text("Imported").await;
    browser.click_link("Customers").await;
    browser.expect_heading("Customers").await;
    browser.eval(RECORD).await;
    browser.fill("Search customers", "Payload").await;
    browser.expect_text(PAYLOADS[5]).await;
    expect_harmless(&browser, "the Customers list").await;

    // Search: the note's words come back marked, as text.
    browser.click_link("Search").await;
    browser.eval(RECORD).await;
    browser.fill("Search text", "onerror").await;
    browser.expect_text("matching text").await;
    expect_harmless(&browser, "the search results").await;
    let _ = std::fs::remove_file(csv);
    browser.close().await;
}

/// A HubSpot-layout CSV with one customer per payload (family name
/// "Payload N", the payload as given name and company), quoted as CSV
/// quotes.
fn csv_of_payloads() -> PathBuf {
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut text = String::from("First Name,Last Name,Email,Company Name\n");
    for (i, p) in PAYLOADS.iter().enumerate() {
        text.push_str(&format!(
            "{},{},payload{i}@example.test,{}\n",
            quote(p),
            quote(&format!("Payload {i}")),
            quote(p)
        ));
    }
    let path = std::env::temp_dir().join(format!("rapport-xss-{}.csv", std::process::id()));
    std::fs::write(&path, text).expect("write the CSV");
    path
}

#[tokio::test(flavor = "current_thread")]
async fn long_values_right_to_left_text_and_emoji_are_kept_and_fit_the_page() {
    let browser = Browser::start().await;
    // A 10,000-character name without a space, and a 100 KB note mixing
    // right-to-left text, emoji, combining marks and control characters,
    // pasted (10,000 keystrokes would take minutes).
    let name: String = "Bartholomew".chars().cycle().take(10_000).collect();
    let line = "مرحبا بالعالم — שלום 👩‍👩‍👧‍👦🇨🇳 e\u{301}\u{200f}\u{0007}tab\there ";
    let mut note = String::new();
    while note.len() < 100_000 {
        note.push_str(line);
    }
    browser.open("customers/new").await;
    browser.expect_heading("New customer").await;
    browser.set_value("Given name", &name).await;
    browser.set_value("Family name", "Long").await;
    browser.click_button("Add customer").await;
    browser.expect_heading(&format!("{name} Long")).await;
    browser.set_value("Note text", &note).await;
    browser.click_button("Add to timeline").await;
    browser.expect_text("Added a note").await;
    browser.client.refresh().await.expect("reload");
    browser.expect_heading(&format!("{name} Long")).await;
    // Stored and shown intact: the whole note is in the timeline.
    let shown = browser
        .eval("return [...document.querySelectorAll('.timeline-detail')].map(e => e.textContent).join('')")
        .await;
    assert!(
        shown.as_str().unwrap_or_default().contains(note.trim_end()),
        "the note was not shown whole"
    );
    let fits = "document.documentElement.scrollWidth <= window.innerWidth";
    browser
        .expect_true(fits, "the customer's page to fit the window's width")
        .await;
    browser.click_link("Customers").await;
    browser.expect_heading("Customers").await;
    browser
        .expect_true(fits, "the list to fit the window's width")
        .await;
    browser.close().await;
}

/// The customer form's free-text fields after the names, each given its own
/// payload (from `PAYLOADS[3]` on).
const CUSTOMER_FIELDS: &[&str] = &[
    "Company",
    "Job title",
    "Tags",
    "Street",
    "City",
    "Region",
    "Postal code",
    "Country",
    "Source",
    "Owner",
    "Segment",
];

/// Checks every customer field holds its payload as typed (an input's
/// value is text by nature, so this checks nothing was cut or altered).
async fn expect_customer_fields(browser: &Browser) {
    for (i, label) in CUSTOMER_FIELDS.iter().enumerate() {
        let payload = PAYLOADS[3 + i];
        let field = browser.labelled(label).await;
        let value = browser.eval_on(&field, "return arguments[0].value").await;
        assert_eq!(value, payload, "the {label} field");
    }
}

/// Pages a payload-laden customer, deal, ticket and task show on.
async fn expect_harmless_everywhere(browser: &Browser, deal: &str, ticket: &str, task: &str) {
    browser.click_link("Customers").await;
    browser.expect_heading("Customers").await;
    browser.eval(RECORD).await;
    browser.expect_text(PAYLOADS[3]).await;
    expect_harmless(browser, "the Customers list").await;

    browser.click_link("Pipeline").await;
    browser.expect_heading("Pipeline").await;
    browser.eval(RECORD).await;
    browser.expect_text(deal).await;
    expect_harmless(browser, "the pipeline").await;

    browser.click_link("Tickets").await;
    browser.expect_heading("Tickets").await;
    browser.eval(RECORD).await;
    browser.click_link(ticket).await;
    browser.expect_heading(ticket).await;
    browser.eval(RECORD).await;
    browser.expect_text(PAYLOADS[16]).await;
    expect_harmless(browser, "the ticket's page").await;

    browser.click_link("Tasks").await;
    browser.expect_heading("Tasks").await;
    browser.eval(RECORD).await;
    browser.expect_text(task).await;
    browser.expect_text("Hostile Fields").await;
    expect_harmless(browser, "the Tasks page").await;

    browser.click_link("Customers").await;
    browser.click_link("Hostile Fields").await;
    browser.expect_heading("Hostile Fields").await;
    browser.eval(RECORD).await;
    // (The customer's page lists deals and tickets; tasks only on Tasks.)
    for text in [deal, ticket] {
        browser.expect_text(text).await;
    }
    expect_customer_fields(browser).await;
    expect_harmless(browser, "the customer's page").await;
}

#[tokio::test(flavor = "current_thread")]
async fn xss_payloads_in_every_field_of_a_customer_deal_ticket_and_task_and_in_a_restored_backup_are_text(
) {
    let (deal, ticket, task) = (PAYLOADS[14], PAYLOADS[15], PAYLOADS[17]);
    let browser = Browser::start().await;
    browser.open("customers/new").await;
    browser.expect_heading("New customer").await;
    browser.eval(RECORD).await;
    browser.fill("Given name", "Hostile").await;
    browser.fill("Family name", "Fields").await;
    for (i, label) in CUSTOMER_FIELDS.iter().enumerate() {
        browser.fill(label, PAYLOADS[3 + i]).await;
    }
    browser.click_button("Add customer").await;
    browser.expect_heading("Hostile Fields").await;
    expect_customer_fields(&browser).await;

    browser.click_button("New deal").await;
    browser.expect_heading("New deal").await;
    browser.fill("Title", deal).await;
    browser.click_button("Add deal").await;
    browser.expect_heading("Hostile Fields").await;

    browser.click_button("Open ticket").await;
    browser.expect_heading("New ticket").await;
    browser.fill("Subject", ticket).await;
    browser.fill("Description", PAYLOADS[16]).await;
    browser.click_button("Open ticket").await;
    browser.expect_heading(ticket).await;

    browser.click_link("Tasks").await;
    browser.expect_heading("Tasks").await;
    browser.fill("Title", task).await;
    browser.fill("Customer (optional)", "Hostile").await;
    browser
        .click_button("Link the task to Hostile Fields")
        .await;
    browser.click_button("Add task").await;
    browser.expect_text(task).await;

    expect_harmless_everywhere(&browser, deal, ticket, task).await;

    // The same records restored from a backup into an empty store.
    browser.click_link("Import & export").await;
    browser.expect_heading("Import & export").await;
    let backup = temp_file("hostile-backup.json", &download_backup(&browser).await);
    browser.close().await;

    let browser = Browser::start().await;
    browser.open("import-export").await;
    browser.expect_heading("Import & export").await;
    browser.eval(RECORD).await;
    choose_backup(&browser, &backup).await;
    browser.expect_text("hostile-backup.json holds").await;
    expect_harmless(&browser, "the restore preview").await;
    browser.click_button("Restore backup").await;
    browser.expect_text("Restored:").await;
    expect_harmless_everywhere(&browser, deal, ticket, task).await;
    let _ = std::fs::remove_file(backup);
    browser.close().await;
}
