//! Analytics as a person uses it: with the demo data loaded, find segments
//! (k chosen by silhouette) in the background worker, check the charts are
//! drawn, name a segment, save the segments onto the customers and find
//! them in the Customers list by segment; then score purchase propensity
//! and see the likelihood column.

use crate::customers::load_demo_data;
use crate::harness::Browser;
use crate::tour::snap;

#[tokio::test(flavor = "current_thread")]
async fn segment_the_demo_customers_and_filter_the_list_by_segment() {
    let browser = Browser::start().await;
    load_demo_data(&browser).await;
    browser.click_link("Analytics").await;
    browser.expect_heading("Analytics").await;
    // The missing-value counts come from the worker.
    browser.expect_text("customers lack a chosen value").await;
    browser.click_button("Find segments").await;
    browser
        .expect_true(
            "[...document.querySelectorAll('h2')].some(h => / segments$/.test(h.textContent))",
            "the segmentation result",
        )
        .await;
    // Silhouette by k, inertia by k and the projection.
    browser.expect_drawn_charts(3).await;
    snap(&browser, "segments").await;
    browser.fill("Name of segment 1", "Big spenders").await;
    browser.click_button("Save segments to customers").await;
    browser.expect_text("Saved segments onto").await;

    browser.click_link("Customers").await;
    browser.expect_heading("Customers").await;
    browser.set_value("Segment", "Big spenders").await;
    browser
        .expect_true(
            "/of [0-9,]+ customers/.test(document.querySelector('.result-count')?.textContent ?? '')",
            "a filtered count",
        )
        .await;
    // The saved segments survive a reload.
    browser.client.refresh().await.expect("reload");
    browser.expect_heading("Customers").await;
    browser
        .expect_true(
            "[...document.querySelectorAll('select[aria-label=\"Segment\"] option')].some(o => o.value === 'Big spenders')",
            "the saved segment among the filter's choices",
        )
        .await;
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn score_purchase_propensity_and_sort_the_list_by_likelihood() {
    let browser = Browser::start().await;
    load_demo_data(&browser).await;
    browser.click_link("Analytics").await;
    browser.expect_heading("Analytics").await;
    browser.click_button("Predict").await;
    browser
        .expect_text("Propensity (logistic regression)")
        .await;
    browser.click_button("Fit model").await;
    browser.expect_text("What drives the score").await;
    browser.expect_drawn_charts(1).await;
    snap(&browser, "propensity").await;
    browser
        .expect_true(
            "/AUC \\(test\\)/.test(document.body.textContent) && /0\\.[0-9]{3}/.test(document.querySelector('.kpi-value').textContent)",
            "an AUC figure",
        )
        .await;

    browser.click_link("Customers").await;
    browser.expect_heading("Customers").await;
    browser
        .expect_true(
            "[...document.querySelectorAll('.col-likelihood')].some(c => /^[0-9]+%$/.test(c.textContent.trim()))",
            "likelihood percentages in the list",
        )
        .await;
    // The scores are stored: they are still there after a reload.
    browser.client.refresh().await.expect("reload");
    browser.expect_heading("Customers").await;
    browser
        .expect_true(
            "[...document.querySelectorAll('.col-likelihood')].some(c => /^[0-9]+%$/.test(c.textContent.trim()))",
            "likelihood percentages after a reload",
        )
        .await;

    // A decision tree on the lifecycle stage explains itself as rules.
    browser.click_link("Analytics").await;
    browser.click_button("Predict").await;
    browser
        .labelled("A category (decision tree)")
        .await
        .click()
        .await
        .expect("choose the tree");
    browser.click_button("Fit model").await;
    browser.expect_text("Confusion matrix").await;
    browser
        .expect_true(
            "document.querySelectorAll('ol.rules li').length > 1",
            "rules",
        )
        .await;
    browser.close().await;
}
