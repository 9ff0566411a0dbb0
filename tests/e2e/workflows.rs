//! The day-to-day work on the other pages, with the demo data: bulk-tag
//! customers, move a deal from the keyboard, convert a quote, rate a ticket,
//! add and finish a task, plan a campaign and record a conversion.

use crate::customers::{load_demo_data, thousands};
use crate::harness::Browser;
use fantoccini::Locator;

#[tokio::test(flavor = "current_thread")]
async fn a_working_day_with_the_demo_data() {
    let browser = Browser::start().await;
    let total = load_demo_data(&browser).await;
    let three_of_all = format!("3 of {} customers", thousands(total));

    // Bulk: tag three customers, then find them by the tag filter.
    for n in 1..=3 {
        let boxes = browser
            .client
            .find_all(Locator::Css(".grid-body input[type=checkbox]"))
            .await
            .expect("rows");
        browser.press(boxes[n].clone()).await;
    }
    browser.expect_words("3 selected").await;
    browser.fill("Tag to add", "spring-fair").await;
    browser.click_button("Add tag").await;
    browser
        .expect_text("Tagged 3 customers “spring-fair”")
        .await;
    browser.set_value("Tag", "spring-fair").await;
    browser
        .expect_element_text(".result-count", &three_of_all)
        .await;

    // Saved views: keep this filter under a name, clear, bring it back.
    browser
        .fill("Name for this view", "Spring fair guests")
        .await;
    browser.click_button("Save view").await;
    browser
        .expect_text("Saved the view “Spring fair guests”")
        .await;
    browser.click_button("Clear filters").await;
    browser
        .expect_true(
            "!document.querySelector('.result-count').textContent.includes(' of ')",
            "the filter cleared",
        )
        .await;
    browser.set_value("Saved views", "Spring fair guests").await;
    browser
        .expect_element_text(".result-count", &three_of_all)
        .await;

    // Pipeline: move the first open deal to Won with the keyboard controls.
    browser.click_link("Pipeline").await;
    browser.expect_heading("Pipeline").await;
    let select = browser
        .wait_for(
            Locator::Css("select[aria-label^='Move ']"),
            "a stage picker",
        )
        .await;
    let label = select
        .attr("aria-label")
        .await
        .expect("label")
        .unwrap_or_default();
    let title = label
        .trim_start_matches("Move ")
        .trim_end_matches(" to stage")
        .to_string();
    browser.set_value(&label, "Won").await;
    browser
        .press(browser.button(&format!("Move {title}")).await)
        .await;
    browser
        .expect_text(&format!("Moved “{title}” to Won"))
        .await;

    // Orders: turn a quote into an order.
    browser.click_link("Orders").await;
    browser.expect_heading("Orders").await;
    let convert = browser
        .wait_for(
            Locator::Css("button[aria-label^='Convert to order: the quote']"),
            "a quote to convert",
        )
        .await;
    browser.press(convert).await;
    browser.expect_text("to an order").await;

    // Tickets: rate one 5 with feedback; the rating survives a reload.
    open_first_ticket(&browser).await;
    browser
        .press(browser.labelled("5 — Very satisfied").await)
        .await;
    browser
        .fill("Feedback", "Quick and friendly, thank you")
        .await;
    browser.click_button("Save changes").await;
    browser.expect_text("Saved the ticket").await;
    browser.client.refresh().await.expect("reload");
    browser.expect_text("Handling").await;
    browser
        .expect_true(
            "document.querySelector('input[name=satisfaction][value=\"5\"]')?.checked",
            "the rating to be kept",
        )
        .await;

    // Tasks: add one due today, then tick it off.
    browser.click_link("Tasks").await;
    browser.expect_heading("Tasks").await;
    browser
        .fill("Title", "Send the spring-fair invitations")
        .await;
    browser.click_button("Add task").await;
    browser
        .expect_text("Added the task “Send the spring-fair invitations”")
        .await;
    browser
        .press(
            browser
                .labelled("Done: Send the spring-fair invitations")
                .await,
        )
        .await;
    browser
        .expect_true(
            "[...document.querySelectorAll('.task.done')].some(t => t.textContent.includes('spring-fair'))",
            "the task to show as done",
        )
        .await;

    // Campaigns: plan one for a segment, record a conversion, see it counted.
    browser.click_link("Campaigns").await;
    browser.expect_heading("Campaigns").await;
    browser.fill("Name", "Spring fair 2026").await;
    browser.set_value("Start date", "2026-03-01").await;
    browser.set_value("End date", "2026-03-31").await;
    browser.fill("Budget", "500").await;
    let audience = browser.labelled("Audience").await;
    let segment = browser
        .eval_on(
            &audience,
            "return [...arguments[0].options].find(o => o.value.startsWith('segment:')).value",
        )
        .await;
    browser
        .set_value("Audience", segment.as_str().expect("a segment option"))
        .await;
    browser.click_button("Plan campaign").await;
    browser.expect_text("Planned “Spring fair 2026”").await;
    browser.click_link("Spring fair 2026").await;
    browser.expect_heading("Spring fair 2026").await;
    let converted = browser
        .wait_for(
            Locator::Css("input[aria-label$=' converted']"),
            "a member's converted box",
        )
        .await;
    browser.press(converted).await;
    browser
        .press(browser.button("Save responses (1 change)").await)
        .await;
    browser.expect_words("1 converted").await;
    browser.close().await;
}

/// Opens the Tickets page and the first ticket listed, and waits for its
/// page.
pub async fn open_first_ticket(browser: &Browser) {
    open_first_listed(browser, "tickets").await;
}

/// Opens the list at `collection` (`customers`, `tickets`, `campaigns`) and
/// the first record listed, and waits for its page — in any language: by
/// its address and its heading.
pub async fn open_first_listed(browser: &Browser, collection: &str) {
    browser.open(collection).await;
    // The list re-renders while the app finishes opening, so a link found
    // once can be gone when pressed: each poll clicks the link there is now,
    // until the record's page shows.
    let css = format!("main a[href*='/{collection}/']:not([href$='/{collection}/new'])");
    browser
        .expect_true(
            &format!(
                "(() => {{ \
                   if (/\\/{collection}\\/(?!new$)[^/]+$/.test(location.pathname) \
                       && document.querySelector('main h1')) return true; \
                   const first = document.querySelector(\"{css}\"); \
                   if (first) first.click(); \
                   return false; \
                 }})()"
            ),
            "the first record's page",
        )
        .await;
}
