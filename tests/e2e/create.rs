//! Creating quotes and tickets by hand, starting from an empty store: a
//! quote with two line items (a bad quantity refused next to its field)
//! shows in the customer's timeline and converts to an order that stays an
//! order after a reload; a ticket opened from the customer's page lands on
//! its own page and is listed after a reload.

use crate::customers::add_customer;
use crate::harness::Browser;
use crate::tour::snap;
use fantoccini::Locator;

/// The message shown next to the control labelled `label` (the element its
/// `aria-describedby` names), once there is one.
async fn error_next_to(browser: &Browser, label: &str) -> String {
    let control = browser.labelled(label).await;
    let ids = control
        .attr("aria-describedby")
        .await
        .expect("read aria-describedby")
        .unwrap_or_else(|| panic!("{label:?} names no message element"));
    let script = format!(
        "return {:?}.split(' ').map(id => document.getElementById(id)?.textContent ?? '').join(' ').trim()",
        ids
    );
    browser
        .wait_until(|| async {
            let text = browser.eval(&script).await;
            text.as_str().filter(|t| !t.is_empty()).map(str::to_string)
        })
        .await
        .unwrap_or_else(|| panic!("no message appeared next to {label:?}"))
}

async fn path(browser: &Browser) -> String {
    let path = browser.eval("return location.pathname").await;
    path.as_str().unwrap_or_default().to_string()
}

#[tokio::test(flavor = "current_thread")]
async fn a_quote_with_line_items_becomes_an_order() {
    let browser = Browser::start().await;
    add_customer(&browser, "Grace", "Hopper", "grace@navy.example").await;

    browser.click_button("New quote").await;
    browser.expect_heading("New quote or order").await;
    browser.expect_text("Linked to Grace Hopper.").await;

    // Two lines; the amounts and the total follow the typing.
    browser.fill("Product, line 1", "Compiler licence").await;
    browser.fill("Quantity, line 1", "2").await;
    browser.fill("Unit price, line 1", "1,250").await;
    browser.expect_text("2,500.00 USD").await;
    browser.click_button("Add line").await;
    browser.fill("Product, line 2", "Training day").await;
    browser.fill("Quantity, line 2", "abc").await;
    browser.fill("Unit price, line 2", "800").await;
    browser
        .expect_text("not counting 1 line without a quantity and price")
        .await;

    // A bad quantity is refused next to its field, and nothing is saved.
    browser.click_button("Save quote").await;
    let message = error_next_to(&browser, "Quantity, line 2").await;
    assert_eq!(
        message,
        "“abc” is not a number Rapport can read — write digits only, e.g. 1,234.50 or 1.234,50."
    );
    assert_eq!(path(&browser).await, "/rapport/orders/new");
    snap(&browser, "new-order-refused").await;
    browser.fill("Quantity, line 2", "-2").await;
    browser.click_button("Save quote").await;
    browser.expect_text("Must be more than zero.").await;
    browser.fill("Quantity, line 2", "3").await;
    browser.expect_text("4,900.00 USD").await;
    browser
        .expect_true(
            "!document.body.innerText.includes('Must be more than zero.') \
             && !document.body.innerText.includes('Not saved')",
            "the message to go once the quantity is corrected",
        )
        .await;

    // A third line, removed again.
    browser.click_button("Add line").await;
    browser.fill("Product, line 3", "Mistake").await;
    browser.click_button("Remove line 3").await;
    browser
        .expect_true(
            "!document.querySelector('[aria-label=\"Product, line 3\"]')",
            "the third line to go",
        )
        .await;
    snap(&browser, "new-order").await;
    browser
        .client
        .set_window_size(420, 900)
        .await
        .expect("narrow window");
    browser
        .eval("document.querySelector('.line-editor').scrollIntoView()")
        .await;
    snap(&browser, "new-order-narrow").await;
    browser
        .client
        .set_window_size(1280, 800)
        .await
        .expect("wide window");

    browser.click_button("Save quote").await;
    browser.expect_heading("Grace Hopper").await;
    browser.expect_text("Quote 4900.00 USD").await;
    browser
        .expect_text("2 × Compiler licence, 3 × Training day")
        .await;

    // On the Orders page the quote converts to an order, which a reload keeps.
    browser.click_link("Orders").await;
    browser.expect_heading("Orders").await;
    browser.link("New quote").await;
    let convert = browser
        .wait_for(
            Locator::Css(
                "button[aria-label^='Convert to order: the quote'][aria-label$='for Grace Hopper']",
            ),
            "Grace Hopper's quote to convert",
        )
        .await;
    browser.press(convert).await;
    browser.expect_text("to an order").await;
    browser.client.refresh().await.expect("reload");
    browser.expect_heading("Orders").await;
    browser
        .expect_true(
            "[...document.querySelectorAll('.orders-table tbody tr')].some(r => r.textContent.includes('Grace Hopper') && r.querySelector('.badge')?.textContent === 'Order') \
             && !document.querySelector(\"button[aria-label^='Convert to order: the quote']\")",
            "Grace Hopper's order to stay an order",
        )
        .await;
    snap(&browser, "create-orders").await;
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_ticket_opened_from_the_customer_page() {
    let browser = Browser::start().await;
    add_customer(&browser, "Linus", "Torvalds", "linus@kernel.example").await;

    browser.click_button("Open ticket").await;
    browser.expect_heading("New ticket").await;
    browser.expect_text("Linked to Linus Torvalds.").await;
    browser.click_button("Open ticket").await;
    assert_eq!(
        error_next_to(&browser, "Subject").await,
        "This field is required."
    );
    browser.fill("Subject", "Kernel panic on boot").await;
    browser
        .fill(
            "Description",
            "Since the last update the laptop stops at boot.",
        )
        .await;
    browser.set_value("Priority", "High").await;
    snap(&browser, "new-ticket").await;
    browser.click_button("Open ticket").await;
    browser.expect_heading("Kernel panic on boot").await;
    assert!(path(&browser).await.starts_with("/rapport/tickets/"));
    browser
        .expect_text("Since the last update the laptop stops at boot.")
        .await;

    browser.click_link("Tickets").await;
    browser.expect_heading("Tickets").await;
    browser.client.refresh().await.expect("reload");
    browser.expect_heading("Tickets").await;
    browser.link("Kernel panic on boot").await;
    browser
        .expect_true(
            "[...document.querySelectorAll('.tickets-table tbody tr')].some(r => r.textContent.includes('Linus Torvalds') && r.textContent.includes('High') && r.textContent.includes('Open'))",
            "the ticket listed as open, high priority, from Linus Torvalds",
        )
        .await;
    snap(&browser, "create-tickets").await;

    // "New ticket" on the Tickets page: the customer is found by typing.
    browser.click_link("New ticket").await;
    browser.expect_heading("New ticket").await;
    browser.fill("Customer", "torv").await;
    browser.click_button("Ticket from Linus Torvalds").await;
    browser.expect_text("Linked to Linus Torvalds.").await;
    browser.click_link("Cancel").await;
    browser.expect_heading("Tickets").await;
    browser.close().await;
}
