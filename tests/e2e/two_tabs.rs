//! Two tabs on one store: a save in one tab is never overwritten by a stale
//! save in the other — a ticket, the pipeline's stages, a deal's stage (the
//! customer's case is in `customers.rs`). The stale save is refused with a
//! Reload, and after it the other tab's change is what is stored.

use crate::customers::add_customer;
use crate::harness::Browser;

/// Back in the first tab after the second one saved: the notice says so,
/// the unsaved edit of `field` is still on screen, saving it is refused,
/// and Reload shows what the second tab stored.
async fn stale_save_is_refused(
    browser: &Browser,
    first_tab: fantoccini::wd::WindowHandle,
    notice: &str,
    (field, unsaved): (&str, &str),
    save: &str,
) {
    browser
        .client
        .switch_to_window(first_tab)
        .await
        .expect("back to the first tab");
    browser.expect_text(notice).await;
    assert_eq!(
        value_of(browser, field).await,
        unsaved,
        "the unsaved edit is kept on screen"
    );
    browser.click_button(save).await;
    browser
        .expect_text("changed in another tab or window since you opened it")
        .await;
    browser.click_button("Reload").await;
}

async fn value_of(browser: &Browser, label: &str) -> String {
    browser
        .labelled(label)
        .await
        .prop("value")
        .await
        .expect("read the field")
        .unwrap_or_default()
}

#[tokio::test(flavor = "current_thread")]
async fn a_ticket_saved_in_another_tab_is_not_overwritten() {
    let browser = Browser::start().await;
    add_customer(&browser, "Linus", "Torvalds", "linus@kernel.example").await;
    browser.click_button("Open ticket").await;
    browser.expect_heading("New ticket").await;
    browser.fill("Subject", "Kernel panic on boot").await;
    browser.click_button("Open ticket").await;
    browser.expect_heading("Kernel panic on boot").await;

    // Tab A starts an edit and leaves it unsaved.
    browser.fill("Feedback", "Edited in tab A").await;
    let tab_a = browser.open_second_tab().await;
    browser.expect_heading("Kernel panic on boot").await;
    browser.fill("Feedback", "Saved in tab B").await;
    browser.click_button("Save changes").await;
    browser.expect_text("Saved the ticket").await;

    stale_save_is_refused(
        &browser,
        tab_a,
        "This ticket was changed in another tab or window while you were editing.",
        ("Feedback", "Edited in tab A"),
        "Save changes",
    )
    .await;
    browser.expect_heading("Kernel panic on boot").await;
    browser.expect_text("Handling").await;
    assert_eq!(
        value_of(&browser, "Feedback").await,
        "Saved in tab B",
        "tab B's save is what is stored"
    );
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn pipeline_stages_saved_in_another_tab_are_not_overwritten() {
    let browser = Browser::start().await;
    browser.open("settings").await;
    browser.expect_heading("Settings").await;
    let first_stage = value_of(&browser, "Stage 1 name").await;
    browser.fill("Stage 1 name", "Scoping").await;

    let tab_a = browser.open_second_tab().await;
    browser.expect_heading("Settings").await;
    browser.fill("Stage 2 name", "Analysis").await;
    browser.click_button("Save pipeline").await;
    browser.expect_text("Pipeline saved.").await;

    stale_save_is_refused(
        &browser,
        tab_a,
        "The stages were changed in another tab or window while you were editing.",
        ("Stage 1 name", "Scoping"),
        "Save pipeline",
    )
    .await;
    browser.expect_heading("Settings").await;
    assert_eq!(
        value_of(&browser, "Stage 2 name").await,
        "Analysis",
        "tab B's stages are stored"
    );
    assert_eq!(
        value_of(&browser, "Stage 1 name").await,
        first_stage,
        "A's refused edit changed nothing"
    );
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_deal_moved_in_another_tab_moves_on_this_board_too() {
    let browser = Browser::start().await;
    add_customer(&browser, "Grace", "Hopper", "grace@navy.example").await;
    browser.click_button("New deal").await;
    browser.expect_heading("New deal").await;
    browser.fill("Title", "Compiler licence").await;
    browser.fill("Value", "12,000").await;
    browser.click_button("Add deal").await;
    browser.expect_heading("Grace Hopper").await;
    browser.click_link("Pipeline").await;
    browser.expect_heading("Pipeline").await;
    let stage_select = "Move Compiler licence to stage";
    let first_stage = value_of(&browser, stage_select).await;

    let tab_a = browser.open_second_tab().await;
    browser.expect_heading("Pipeline").await;
    browser.set_value(stage_select, "Proposal").await;
    browser.click_button("Move Compiler licence").await;
    browser
        .expect_text("Moved “Compiler licence” to Proposal")
        .await;

    browser
        .client
        .switch_to_window(tab_a)
        .await
        .expect("back to tab A");
    // Tab A's board follows without a reload, so its next move starts from
    // Proposal (a move made from a stale card is refused by its version).
    browser
        .expect_true(
            "document.querySelector('select[aria-label=\"Move Compiler licence to stage\"]').value === 'Proposal'",
            "the card in tab A to show Proposal",
        )
        .await;
    assert_ne!(first_stage, "Proposal");
    browser.set_value(stage_select, "Negotiation").await;
    browser.click_button("Move Compiler licence").await;
    browser
        .expect_text("Moved “Compiler licence” to Negotiation")
        .await;
    browser.client.refresh().await.expect("reload");
    browser.expect_heading("Pipeline").await;
    assert_eq!(value_of(&browser, stage_select).await, "Negotiation");
    browser.close().await;
}
