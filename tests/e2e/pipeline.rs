//! Deals and the pipeline as a person works with them: add a deal from a
//! customer's page (a bad probability refused next to the field), log an
//! inbound call, rename its
//! stage in Settings and see the deal follow it on the board (also after a
//! reload), remove the stage and be asked where its deal goes; and link two
//! customers as referrer and referred.

use crate::customers::add_customer;
use crate::harness::Browser;
use crate::tour::snap;

/// The text of the board column for `stage` (empty when there is none).
async fn column_text(browser: &Browser, stage: &str) -> String {
    browser
        .eval(&format!(
            "return document.querySelector('ul[aria-label=\"Deals in {stage}\"]')?.innerText ?? ''"
        ))
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

async fn expect_deal_in(browser: &Browser, stage: &str, title: &str) {
    browser.click_link("Pipeline").await;
    browser.expect_heading("Pipeline").await;
    let found = browser
        .wait_until(|| async {
            column_text(browser, stage)
                .await
                .contains(title)
                .then_some(())
        })
        .await;
    assert!(found.is_some(), "{title:?} is not in the {stage:?} column");
}

#[tokio::test(flavor = "current_thread")]
async fn a_deal_follows_its_stage_through_a_rename_and_a_removal() {
    let browser = Browser::start().await;
    add_customer(&browser, "Grace", "Hopper", "grace@navy.example").await;
    snap(&browser, "customer-page").await;

    browser.click_button("New deal").await;
    browser.expect_heading("New deal").await;
    browser.fill("Title", "Compiler licence").await;
    browser.fill("Value", "12,000").await;
    browser.fill("Probability (%)", "150").await;
    browser.click_button("Add deal").await;
    browser.expect_text("“150” is not between 0 and 100.").await;
    snap(&browser, "new-deal").await;
    browser.fill("Probability (%)", "40").await;
    browser.click_button("Add deal").await;
    browser.expect_heading("Grace Hopper").await;
    browser.expect_text("Compiler licence").await;

    // She called about it: an inbound call on her timeline.
    browser.click_button("Log call").await;
    let inbound = browser.labelled("The customer reached out (inbound)").await;
    browser.press(inbound).await;
    browser
        .fill("Note text", "Asked about volume pricing")
        .await;
    browser.click_button("Add to timeline").await;
    browser
        .expect_text("Inbound · Asked about volume pricing")
        .await;
    expect_deal_in(&browser, "Qualification", "Compiler licence").await;

    browser.click_link("Settings").await;
    browser.expect_heading("Settings").await;
    browser.fill("Stage 1 name", "Discovery").await;
    snap(&browser, "settings-pipeline-rename").await;
    browser.click_button("Save pipeline").await;
    browser.expect_text("Pipeline saved; 1 deal moved.").await;
    expect_deal_in(&browser, "Discovery", "Compiler licence").await;
    browser.client.refresh().await.expect("reload");
    expect_deal_in(&browser, "Discovery", "Compiler licence").await;

    browser.click_link("Settings").await;
    browser.click_button("Remove stage 1").await;
    browser.click_button("Save pipeline").await;
    browser.expect_text("Choose where these deals go.").await;
    snap(&browser, "settings-pipeline").await;
    browser
        .set_value("Move the deal of “Discovery” to", "Proposal")
        .await;
    browser.click_button("Save pipeline").await;
    browser.expect_text("Pipeline saved; 1 deal moved.").await;
    expect_deal_in(&browser, "Proposal", "Compiler licence").await;
    assert_eq!(
        browser
            .eval(
                "return document.querySelectorAll('ul[aria-label=\"Deals in Discovery\"]').length"
            )
            .await,
        0,
        "the removed stage has no column"
    );

    // Back to the default stages: Qualification returns, the deal stays.
    browser.click_link("Settings").await;
    browser.click_button("Use the default stages").await;
    browser.click_button("Save pipeline").await;
    browser.expect_text("Pipeline saved.").await;
    let first = browser.labelled("Stage 1 name").await;
    assert_eq!(
        browser.eval_on(&first, "return arguments[0].value").await,
        "Qualification"
    );
    expect_deal_in(&browser, "Proposal", "Compiler licence").await;
    browser.close().await;
}

/// Waits until the customer's "Linked customers" list holds every one of
/// `parts`; returns its text.
async fn wait_for_links(browser: &Browser, parts: &[&str]) -> Option<String> {
    browser
        .wait_until(|| async {
            let text = browser
                .eval("return document.querySelector('ul[aria-label=\"Linked customers\"]')?.innerText ?? ''")
                .await;
            let text = text.as_str().unwrap_or_default().to_string();
            parts.iter().all(|p| text.contains(p)).then_some(text)
        })
        .await
}

#[tokio::test(flavor = "current_thread")]
async fn a_referral_shows_on_both_customers() {
    let browser = Browser::start().await;
    add_customer(&browser, "Ada", "Lovelace", "ada@engines.example").await;
    add_customer(&browser, "Charles", "Babbage", "charles@engines.example").await;

    browser.set_value("Link", "referred-by").await;
    browser.fill("Other customer", "Ada").await;
    browser.click_button("Link to Ada Lovelace").await;
    browser.click_button("Add link").await;
    let listed = wait_for_links(&browser, &["Referred by", "Ada Lovelace"]).await;
    assert!(listed.is_some(), "Charles's page lists Ada as his referrer");
    snap(&browser, "customer-relationships").await;
    browser.click_link("Ada Lovelace").await;
    browser.expect_heading("Ada Lovelace").await;
    let listed = wait_for_links(&browser, &["Referred", "Charles Babbage"]).await;
    assert!(listed.is_some(), "Ada's page lists the referral of Charles");
    assert!(!listed.unwrap().contains("Referred by"));

    // The same link again is refused; removing it can be undone.
    browser.set_value("Link", "referred").await;
    browser.fill("Other customer", "Charles").await;
    browser.click_button("Link to Charles Babbage").await;
    browser.click_button("Add link").await;
    browser.expect_text("This link already exists.").await;
    browser
        .click_button("Remove the link with Charles Babbage")
        .await;
    browser.expect_text("No links yet").await;
    browser
        .click_button("Undo: Removed the link with Charles Babbage")
        .await;
    assert!(
        wait_for_links(&browser, &["Charles Babbage"])
            .await
            .is_some(),
        "the undone removal brings the link back"
    );
    browser.close().await;
}
