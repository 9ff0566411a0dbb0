//! With the demo data loaded, every working page shows real content: the
//! pipeline board, orders with monthly totals, tickets and a ticket page,
//! campaigns with their evaluation, tasks, and the command palette.
//! Screenshots of each go to `target/screenshots/` for people to look at.

use crate::customers::load_demo_data;
use crate::harness::Browser;
use fantoccini::{key::Key, Locator};
use std::path::Path;

/// Screenshots the page for people to look at, and checks that every
/// control on it has an accessible name and that it has exactly one `<h1>`.
pub async fn snap(browser: &Browser, name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    browser.screenshot(&dir.join(format!("{name}.png"))).await;
    let unnamed = browser
        .eval(
            "return [...document.querySelectorAll('input, select, textarea, button')]
                .filter(e => !(e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')
                    || (e.labels && e.labels.length) || (e.tagName === 'BUTTON' && e.textContent.trim())))
                .map(e => e.outerHTML.slice(0, 120))",
        )
        .await;
    assert_eq!(
        unnamed,
        serde_json::json!([]),
        "controls without an accessible name on {name}"
    );
    let headings = browser
        .eval("return document.querySelectorAll('h1').length")
        .await;
    assert_eq!(headings, 1, "{name} should have exactly one <h1>");
}

#[tokio::test(flavor = "current_thread")]
async fn every_page_shows_the_demo_data() {
    let browser = Browser::start().await;
    load_demo_data(&browser).await;
    snap(&browser, "customers").await;

    browser.click_link("Dashboard").await;
    browser.expect_heading("Dashboard").await;
    browser.expect_text("Recently changed").await;
    browser.expect_text("Repeat-purchase rate").await;
    browser.expect_drawn_charts(6).await;
    snap(&browser, "dashboard").await;

    browser.click_link("Pipeline").await;
    browser.expect_heading("Pipeline").await;
    browser.expect_text("Qualification").await;
    browser
        .expect_true(
            "document.querySelectorAll('.board-cards li').length > 0",
            "deal cards",
        )
        .await;
    snap(&browser, "pipeline").await;

    browser.click_link("Orders").await;
    browser.expect_heading("Orders").await;
    browser.expect_text("Totals by month").await;
    browser
        .expect_true(
            "document.querySelectorAll('.pager').length > 0",
            "order pages",
        )
        .await;
    // The pager reads "Previous" / "Page 1 of N" / "Next" and pages on.
    browser.click_button("Next").await;
    browser.expect_text("Page 2 of").await;
    snap(&browser, "orders").await;

    browser.click_link("Tickets").await;
    browser.expect_heading("Tickets").await;
    let first_ticket = browser
        .wait_for(
            Locator::Css("main a[href*='/tickets/']:not([href$='/tickets/new'])"),
            "a ticket link",
        )
        .await;
    let subject = first_ticket.text().await.expect("ticket subject");
    snap(&browser, "tickets").await;
    first_ticket.click().await.expect("open a ticket");
    browser.expect_heading(&subject).await;
    browser.expect_text("Handling").await;
    snap(&browser, "ticket").await;

    browser.click_link("Campaigns").await;
    browser.expect_heading("Campaigns").await;
    browser.expect_text("Plan a campaign").await;
    let first_campaign = browser
        .wait_for(
            Locator::Css("main a[href*='/campaigns/']"),
            "a campaign link",
        )
        .await;
    snap(&browser, "campaigns").await;
    first_campaign.click().await.expect("open a campaign");
    browser.expect_text("Conversion").await;
    snap(&browser, "campaign").await;

    browser.click_link("Tasks").await;
    browser.expect_heading("Tasks").await;
    browser.expect_text("Add task").await;
    snap(&browser, "tasks").await;

    let body = browser
        .client
        .find(Locator::Css("body"))
        .await
        .expect("body");
    body.send_keys(&format!("{}k", Key::Control))
        .await
        .expect("press Ctrl+K");
    let search = browser
        .labelled("Search customers, pages, notes and tickets")
        .await;
    search.send_keys("Settings").await.expect("type");
    snap(&browser, "palette").await;
    search
        .send_keys(&Key::Enter.to_string())
        .await
        .expect("press Enter");
    browser.expect_heading("Settings").await;
    snap(&browser, "settings").await;

    // The same pages in the dark theme, for people to check contrast.
    browser
        .labelled("Dark")
        .await
        .click()
        .await
        .expect("choose dark");
    for (link, shot) in [
        ("Customers", "customers-dark"),
        ("Pipeline", "pipeline-dark"),
        ("Dashboard", "dashboard-dark"),
    ] {
        browser.click_link(link).await;
        browser.expect_heading(link).await;
        if link == "Dashboard" {
            browser.expect_drawn_charts(6).await;
        }
        snap(&browser, shot).await;
    }
    browser.close().await;
}
