//! Text on the device, with the demo data: a ticket's Similar panel links to
//! similar tickets; a phrase written in a note is found from the search page
//! and the command palette and lands on the note; a negative note is
//! flagged on the timeline and in the Customers list; a duplicate customer
//! is found, merged (their timeline moves), undone, merged again, and the
//! merged timeline is complete after a reload.

use crate::customers::load_demo_data;
use crate::harness::Browser;
use crate::tour::snap;
use crate::workflows::open_first_ticket;
use fantoccini::Locator;

#[tokio::test(flavor = "current_thread")]
async fn similar_tickets_search_and_sentiment() {
    let browser = Browser::start().await;
    load_demo_data(&browser).await;

    // A ticket's Similar panel lists other tickets, with links that open them.
    open_first_ticket(&browser).await;
    browser
        .wait_for(Locator::Css(".similar-list"), "the Similar panel")
        .await;
    scroll_to(&browser, "#similar-heading").await;
    snap(&browser, "ticket-similar").await;
    let similar = browser
        .wait_for(
            Locator::Css(".similar-list a[href*='/tickets/']"),
            "a similar ticket in the Similar panel",
        )
        .await;
    let count = browser
        .eval("return document.querySelectorAll('.similar-list li').length")
        .await;
    assert_eq!(count, 10, "the panel lists the ten most similar texts");
    let target = similar.attr("href").await.expect("href").expect("a link");
    browser.press(similar).await;
    browser
        .expect_true(
            &format!("location.pathname === {}", serde_json::Value::from(target)),
            "the similar ticket's page",
        )
        .await;
    browser.expect_text("Handling").await;

    // Write a note on a customer's timeline, then find it by a phrase.
    browser.click_link("Customers").await;
    browser
        .click_first(".grid-body .col-name a", "a customer")
        .await;
    browser.expect_text("Timeline").await;
    browser
        .fill(
            "Note text",
            "Discussed the zeppelin hangar refit in Friedrichshafen; they want a quote by spring.",
        )
        .await;
    browser.click_button("Add to timeline").await;
    browser.expect_text("zeppelin hangar refit").await;

    browser.click_link("Search").await;
    browser.expect_heading("Search notes and tickets").await;
    browser.fill("Search text", "zeppelin hangars").await;
    browser
        .expect_element_text(".search-results + p, [role=status]", "1 matching text")
        .await;
    // The matched words are marked in the snippet (stemming: "hangars"
    // finds "hangar").
    browser
        .expect_true(
            "[...document.querySelectorAll('.search-results mark')].some(m => m.textContent.toLowerCase() === 'hangar')",
            "the matched word marked",
        )
        .await;
    snap(&browser, "search").await;
    let hit = browser
        .wait_for(
            Locator::Css(".search-results a[href*='/notes/']"),
            "the note in the results",
        )
        .await;
    browser.press(hit).await;
    browser.expect_heading("Note").await;
    browser.expect_text("Friedrichshafen").await;
    browser.expect_text("Similar").await;
    // Its sentiment, scored with the word lists the page fetched ("want" is
    // the one word of the note in VADER's lexicon).
    browser
        .expect_element_text(".sentiment-line", "Positive +0.08 Because of: want (+0.3)")
        .await;

    // The command palette finds it too, and opens it.
    browser.click_link("Dashboard").await;
    browser.expect_heading("Dashboard").await;
    browser
        .client
        .execute(
            "document.dispatchEvent(new KeyboardEvent('keydown', {key: 'k', ctrlKey: true, bubbles: true}))",
            vec![],
        )
        .await
        .expect("press Ctrl+K");
    browser
        .fill("Search customers, pages, notes and tickets", "zeppelin")
        .await;
    browser
        .expect_true(
            "[...document.querySelectorAll('.palette-option')].some(o => o.textContent.includes('Friedrichshafen'))",
            "the note among the palette's results",
        )
        .await;

    let option = browser
        .wait_for(
            Locator::XPath(
                "//li[contains(@class, 'palette-option') and contains(., 'Friedrichshafen')]",
            ),
            "the note's option",
        )
        .await;
    browser.press(option).await;
    browser.expect_heading("Note").await;
    browser.expect_text("zeppelin hangar refit").await;

    // A negative note is flagged on the timeline and in the list.
    browser.click_link("Customers").await;
    let name = browser
        .click_first(".grid-body .col-name a", "a customer")
        .await;
    browser.expect_text("Timeline").await;
    browser
        .fill(
            "Note text",
            "Furious call: the delivery was terrible, late and broken. They are angry and want to cancel.",
        )
        .await;
    browser.click_button("Add to timeline").await;
    browser
        .expect_true(
            "[...document.querySelectorAll('.timeline-entry')].some(e => e.textContent.includes('Furious call') && e.querySelector('.sentiment-negative'))",
            "the negative note flagged",
        )
        .await;
    browser.expect_text("texts read negative").await;
    scroll_to(&browser, "#customer-sentiment-heading").await;
    snap(&browser, "customer-sentiment").await;
    browser.click_link("Customers").await;
    browser
        .press(browser.labelled("Recent negative").await)
        .await;
    browser.expect_text(&name).await;
    browser
        .expect_true(
            "[...document.querySelectorAll('.grid-body .row')].every(r => r.querySelector('.sentiment-negative'))",
            "only flagged customers listed",
        )
        .await;

    // The Dashboard draws the sentiment trend.
    browser.click_link("Dashboard").await;
    browser
        .expect_text("customers wrote something negative in the last 30 days")
        .await;
    browser.expect_drawn_charts(7).await;
    scroll_to(&browser, "a[href$='negative=1']").await;
    snap(&browser, "dashboard-sentiment").await;

    // Ticket topics: a chart per month on Analytics, a filter on Tickets.
    browser.click_link("Analytics").await;
    browser.click_button("Ticket topics").await;
    browser.expect_text("Top words").await;
    browser.expect_drawn_charts(1).await;
    snap(&browser, "ticket-topics").await;
    browser.click_link("Tickets").await;
    browser
        .expect_true(
            "document.querySelectorAll('select[aria-label=Topic] option').length > 2",
            "topics in the Topic filter",
        )
        .await;
    let topic = browser
        .eval("return document.querySelectorAll('select[aria-label=Topic] option')[1].textContent")
        .await;
    let topic = topic.as_str().unwrap_or_default().to_string();
    browser.set_value("Topic", "0").await;
    let name = topic
        .rsplit_once(" (")
        .map_or(topic.as_str(), |(n, _)| n)
        .to_string();
    browser
        .expect_true(
            &format!(
                "[...document.querySelectorAll('.tickets-table tbody tr')].length > 0 && [...document.querySelectorAll('.tickets-table tbody tr')].every(r => r.lastElementChild.textContent === {})",
                serde_json::Value::from(name)
            ),
            "only the topic's tickets listed",
        )
        .await;
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_duplicate_customer_is_merged_undone_and_merged_for_good() {
    let browser = Browser::start().await;
    load_demo_data(&browser).await;

    browser.click_link("Duplicates").await;
    browser.expect_heading("Duplicates").await;
    browser
        .wait_for(
            Locator::Css("table[aria-label='Possible duplicate customers'] button"),
            "a possible duplicate with a Merge button",
        )
        .await;
    // Each pair's links: the survivor (first column) and the duplicate. Ids
    // are random, so which pair comes first (and whether its second record
    // has notes) differs between runs: take the first of the first rows
    // whose duplicate has a timeline of its own.
    let pairs = browser
        .eval(
            "return [...document.querySelectorAll(\"table[aria-label='Possible duplicate customers'] tbody tr\")]
                .slice(0, 6).map(row => [...row.querySelectorAll('a')].map(a => a.getAttribute('href')))",
        )
        .await;
    let pairs: Vec<Vec<String>> = serde_json::from_value(pairs).expect("rows of links");
    let entries_of = |path: String| {
        let browser = &browser;
        async move {
            browser
                .client
                .goto(&absolute(browser, &path).await)
                .await
                .expect("open");
            browser.expect_text("Timeline").await;
            browser
                .wait_until(|| async {
                    // Loaded means entries, or the sentence for none: the
                    // section can show neither while the customer loads.
                    let n = browser
                        .eval("return document.querySelectorAll('.timeline-entry').length")
                        .await
                        .as_u64()?;
                    let empty = browser
                        .eval("return document.body.innerText.includes('Nothing yet: add a note')")
                        .await;
                    (n > 0 || empty == true).then_some(n)
                })
                .await
                .expect("a timeline")
        }
    };
    let mut chosen = None;
    for (row, links) in pairs.iter().enumerate() {
        let moved = entries_of(links[1].clone()).await;
        if moved > 0 {
            chosen = Some((row, links[0].clone(), links[1].clone(), moved));
            break;
        }
    }
    let (row, survivor, duplicate, moved) =
        chosen.expect("one of the first pairs' duplicates has a timeline of its own");
    let kept = entries_of(survivor.clone()).await;
    let merge_button = format!(
        "table[aria-label='Possible duplicate customers'] tbody tr:nth-child({}) button",
        row + 1
    );

    browser.open("duplicates").await;
    browser.expect_heading("Duplicates").await;
    let merge = browser
        .wait_for(Locator::Css(&merge_button), "the pair's Merge button again")
        .await;
    // The demo's templated notes give near-duplicate texts too.
    browser
        .expect_text("Near-duplicate notes and tickets")
        .await;
    browser.expect_text("pairs among").await;
    snap(&browser, "duplicates").await;
    browser.press(merge).await;
    browser.expect_text("Merge customers").await;
    snap(&browser, "merge").await;
    browser.click_button("Merge").await;
    browser.expect_text("Merged").await;

    // Undo brings the duplicate back as it was.
    browser.click_button("Undo").await;
    browser.expect_text("— done").await;
    assert_eq!(entries_of(duplicate.clone()).await, moved);

    // Merge again, reload: the survivor's timeline holds both.
    browser.open("duplicates").await;
    let merge = browser
        .wait_for(
            Locator::Css(&merge_button),
            "the pair's Merge button after the undo",
        )
        .await;
    browser.press(merge).await;
    browser.click_button("Merge").await;
    browser.expect_text("Merged").await;
    browser.client.refresh().await.expect("reload");
    assert_eq!(entries_of(survivor.clone()).await, kept + moved);
    // The merged-away customer's page points to the survivor.
    browser
        .client
        .goto(&absolute(&browser, &duplicate).await)
        .await
        .expect("open");
    browser.expect_text("was merged into").await;
    browser.close().await;
}

/// The absolute URL of an in-app href (which already holds the sub-path).
async fn absolute(browser: &Browser, href: &str) -> String {
    let origin = browser.eval("return location.origin").await;
    format!("{}{href}", origin.as_str().unwrap_or_default())
}

/// Scrolls the element matching `css` to the middle of the window (for a
/// screenshot of it) and dismisses the toasts.
async fn scroll_to(browser: &Browser, css: &str) {
    browser
        .eval(&format!(
            "document.querySelectorAll('.toast button[aria-label=Dismiss]').forEach(b => b.click()); \
             document.querySelector({})?.scrollIntoView({{ block: 'center' }})",
            serde_json::Value::from(css)
        ))
        .await;
}
