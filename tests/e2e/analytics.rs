//! Analytics as a person uses it: with the demo data loaded, find segments
//! (k chosen by silhouette) in the background worker, check the charts are
//! drawn, name a segment, save the segments onto the customers and find
//! them in the Customers list by segment; then score purchase propensity
//! and see the likelihood column.

use crate::customers::load_demo_data;
use crate::harness::Browser;
use crate::tour::snap;
use fantoccini::Locator;

/// The "M of N customers" line of a filtered list, as (M, N).
async fn filtered_count(browser: &Browser) -> (usize, usize) {
    let text = browser
        .wait_until(|| async {
            let t = browser
                .eval("return document.querySelector('.result-count')?.textContent ?? ''")
                .await;
            let t = t.as_str()?.to_string();
            t.contains(" of ").then_some(t)
        })
        .await
        .expect("a filtered count (\"M of N customers\")");
    let numbers: Vec<usize> = text
        .replace(',', "")
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    match numbers[..] {
        [shown, total] => (shown, total),
        _ => panic!("not a filtered count: {text:?}"),
    }
}

/// The Likelihood column of the rendered rows, top to bottom, as whole
/// percentages; waits until the header says the list is sorted `order`
/// ("ascending" or "descending") and at least five rows show a score, then
/// asserts the scores are in that order.
async fn sorted_likelihoods(browser: &Browser, order: &str) -> Vec<u32> {
    let script = format!(
        "const head = document.querySelector('.row.head .col-likelihood');
         if (head?.getAttribute('aria-sort') !== '{order}') return null;
         return [...document.querySelectorAll('.grid-body .row')]
             .sort((a, b) => a.getAttribute('aria-rowindex') - b.getAttribute('aria-rowindex'))
             .map(r => r.querySelector('.col-likelihood').textContent.trim());"
    );
    let cells: Vec<String> = browser
        .wait_until(|| async {
            let cells: Vec<String> = browser
                .eval(&script)
                .await
                .as_array()?
                .iter()
                .map(|v| v.as_str().unwrap_or_default().to_string())
                .collect();
            (cells.iter().filter(|c| !c.is_empty()).count() >= 5).then_some(cells)
        })
        .await
        .unwrap_or_else(|| panic!("the list never showed five scored rows sorted {order}"));
    // Scored rows first, then the unscored ones.
    let scored = cells.iter().take_while(|c| !c.is_empty()).count();
    assert!(
        cells[scored..].iter().all(|c| c.is_empty()),
        "unscored rows come after the scored ones: {cells:?}"
    );
    let values: Vec<u32> = cells[..scored]
        .iter()
        .map(|c| {
            c.strip_suffix('%')
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("not a percentage: {c:?}"))
        })
        .collect();
    let in_order = values.windows(2).all(|w| match order {
        "ascending" => w[0] <= w[1],
        _ => w[0] >= w[1],
    });
    assert!(in_order, "likelihoods not {order}: {values:?}");
    values
}

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
    let (shown, total) = filtered_count(&browser).await;
    assert!(
        shown > 0 && shown < total,
        "the segment filter keeps some but not all customers: {shown} of {total}"
    );
    let segments = browser
        .eval(
            "return [...document.querySelectorAll('.grid-body .row .col-segment')].map(c => c.textContent.trim())",
        )
        .await;
    let segments: Vec<&str> = segments
        .as_array()
        .expect("the rows' segments")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert!(
        !segments.is_empty() && segments.len() <= shown,
        "{} rows shown for {shown} matches",
        segments.len()
    );
    assert!(
        segments.iter().all(|s| *s == "Big spenders"),
        "every listed row is in the segment: {segments:?}"
    );
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
    // Sorting by the column: the first click sorts ascending, the second
    // descending; rows without a score come last either way.
    let mut orders = Vec::new();
    for direction in ["ascending", "descending"] {
        let header = browser
            .wait_for(
                Locator::Css(".row.head .col-likelihood button.sort"),
                "the Likelihood column's header",
            )
            .await;
        browser.press(header).await;
        orders.push(sorted_likelihoods(&browser, direction).await);
    }
    let (ascending, descending) = (&orders[0], &orders[1]);
    assert!(
        descending[0] > ascending[0],
        "the highest score ({}) is above the lowest ({})",
        descending[0],
        ascending[0]
    );

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
