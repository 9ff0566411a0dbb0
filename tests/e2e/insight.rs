//! Insight as a person uses it: with the demo data loaded, open Insight,
//! read the R × F heatmap and the segments, plan a campaign for a segment
//! and land on it with that segment's customers as members; see the fitted
//! lifetime-value model, the drawn network and its zoom to one customer,
//! and pick a product to see what its buyers also bought.

use crate::customers::load_demo_data;
use crate::harness::Browser;
use crate::tour::snap;

/// The members figure of the campaign page's evaluation.
async fn campaign_members(browser: &Browser) -> usize {
    let text = browser
        .wait_until(|| async {
            let v = browser
                .eval(
                    "return [...document.querySelectorAll('.kpi')]
                        .find(k => k.querySelector('.kpi-label')?.textContent === 'Members')
                        ?.querySelector('.kpi-value')?.textContent ?? null",
                )
                .await;
            v.as_str().map(str::to_string)
        })
        .await
        .expect("the campaign's Members figure");
    text.replace(',', "")
        .parse()
        .unwrap_or_else(|_| panic!("not a count: {text:?}"))
}

#[tokio::test(flavor = "current_thread")]
async fn insight_shows_rfm_clv_network_and_also_bought_and_plans_a_segment_campaign() {
    let browser = Browser::start().await;
    load_demo_data(&browser).await;
    browser.click_link("Insight").await;
    browser.expect_heading("Insight").await;
    // Figures computed while the demo was still loading are replaced a
    // moment after; the page says so until they are.
    browser
        .expect_true(
            "!document.querySelector('.insight-updating')",
            "the overview of every order",
        )
        .await;

    // The heatmap: five R rows (5 first) of five F cells, holding customers.
    browser
        .expect_true(
            "(() => { const t = document.querySelector('table[aria-label=\"Customers by recency and frequency score\"]');
                if (!t) return false;
                const rows = [...t.querySelectorAll('tbody tr')];
                return rows.length === 5 && rows[0].querySelector('th').textContent === 'R 5'
                    && rows.every(r => r.querySelectorAll('td.heat').length === 5)
                    && [...t.querySelectorAll('.heat-count')].some(c => c.textContent !== '0'); })()",
            "the R × F heatmap",
        )
        .await;
    // Eleven segments; pick the largest.
    let largest = browser
        .eval(
            "return [...document.querySelectorAll('table[aria-label=\"RFM segments\"] tbody tr')]
                .map(r => [r.querySelector('th').textContent, +r.querySelector('td.num').textContent.replace(/,/g, '')])",
        )
        .await;
    let segments: Vec<(String, usize)> =
        serde_json::from_value(largest).expect("the segments as (name, count)");
    assert_eq!(segments.len(), 11, "{segments:?}");
    let (segment, count) = segments
        .iter()
        .max_by_key(|s| s.1)
        .cloned()
        .expect("a segment");
    assert!(count > 0, "{segments:?}");

    // The lifetime-value model's figures.
    browser
        .expect_true(
            "(() => { const dl = document.querySelector('dl[aria-label=\"Fitted lifetime-value model\"]');
                if (!dl) return false;
                const dts = [...dl.querySelectorAll('dt')].map(d => d.textContent);
                return ['r', 'α', 'a', 'b', 'p', 'q', 'γ'].every(n => dts.includes(n))
                    && [...dl.querySelectorAll('dd')].every(d => d.textContent.trim() !== '—'); })()",
            "the fitted CLV model",
        )
        .await;
    browser
        .expect_true(
            "document.querySelectorAll('table[aria-label=\"Most valuable customers, next 12 months\"] tbody tr a').length === 20",
            "the 20 most valuable customers, linked",
        )
        .await;
    // Each with the purchases the model expects of them.
    let expected: Vec<String> = serde_json::from_value(
        browser
            .eval(
                "const t = document.querySelector('table[aria-label=\"Most valuable customers, next 12 months\"]');
                 const at = [...t.querySelectorAll('thead th')].findIndex(h => h.textContent === 'Expected purchases');
                 return [...t.querySelectorAll('tbody tr')].map(r => r.children[at].textContent)",
            )
            .await,
    )
    .expect("predicted purchases");
    assert!(
        expected
            .iter()
            .all(|n| n.parse::<f64>().is_ok_and(|n| n >= 0.0)),
        "{expected:?}"
    );

    // Measured as of an earlier day: fewer buyers so far, then back.
    let measured = |b: &'static str| {
        format!("(document.querySelector('#as-of-help').textContent.match(/Measured as of ([0-9-]+)/) || [])[{b}]")
    };
    let newest = browser.eval(&format!("return {}", measured("1"))).await;
    let newest = time::Date::parse(
        newest.as_str().expect("the day measured"),
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .expect("a day");
    let buyers = "[...document.querySelectorAll('table[aria-label=\"RFM segments\"] tbody td.num:first-of-type')].reduce((n, c) => n + +c.textContent.replace(/,/g, ''), 0)";
    let all_buyers = browser.eval(&format!("return {buyers}")).await;
    let earlier = (newest - time::Duration::days(365)).to_string();
    browser.set_value("As of", &earlier).await;
    browser.click_button("Recompute").await;
    browser
        .expect_text(&format!("Measured as of {earlier}."))
        .await;
    let then_buyers = browser.eval(&format!("return {buyers}")).await;
    assert!(
        then_buyers.as_f64() < all_buyers.as_f64(),
        "{then_buyers} buyers a year before, {all_buyers} now"
    );
    browser.set_value("As of", "").await;
    browser.click_button("Recompute").await;
    browser
        .expect_text(&format!("Measured as of {newest}."))
        .await;

    // The network: its table, a drawn chart and the zoom.
    browser
        .expect_true(
            "document.querySelectorAll('table[aria-label=\"Most influential customers\"] tbody tr').length > 0",
            "the most influential customers",
        )
        .await;
    browser.expect_drawn_charts(1).await;
    browser
        .eval("document.querySelector('figure.chart').scrollIntoView({ block: 'center' })")
        .await;
    snap(&browser, "insight-network-whole").await;
    // Zoom to the most influential customer.
    let first = browser
        .eval(
            "const top = document.querySelector('table[aria-label=\"Most influential customers\"] tbody a').textContent;
             return [...document.querySelectorAll('select[name=zoom] option')].find(o => o.textContent === top).value",
        )
        .await;
    browser
        .set_value(
            "Zoom to customer",
            first.as_str().expect("a customer to zoom to"),
        )
        .await;
    browser
        .expect_true(
            "[...document.querySelectorAll('figure.chart canvas')].some(c => c.getAttribute('aria-label').startsWith('Within two links of '))",
            "the zoomed network",
        )
        .await;
    browser.expect_drawn_charts(1).await;

    // Also bought.
    let product = browser
        .eval("return document.querySelector('select[name=product] option:nth-child(2)').value")
        .await;
    let product = product.as_str().expect("a product").to_string();
    browser.set_value("Product", &product).await;
    browser
        .expect_true(
            &format!(
                "document.querySelectorAll('table[aria-label=\"Customers who bought {product} also bought\"] tbody tr').length > 0"
            ),
            "also-bought rows",
        )
        .await;
    snap(&browser, "insight").await;
    for (section, name) in [
        ("segments-table", "insight-segments"),
        ("model-figures", "insight-clv"),
    ] {
        browser
            .eval(&format!(
                "document.querySelector('.{section}').scrollIntoView({{ block: 'start' }})"
            ))
            .await;
        snap(&browser, name).await;
    }
    browser
        .eval("document.querySelector('figure.chart').scrollIntoView({ block: 'center' })")
        .await;
    snap(&browser, "insight-network").await;

    // Plan a campaign for the largest segment: its page lists them all.
    browser
        .click_button(&format!("Plan a campaign for {segment}"))
        .await;
    browser
        .expect_heading(&format!(
            "{segment} — {}",
            browser
                .eval("return new Date().toISOString().slice(0, 10)")
                .await
                .as_str()
                .unwrap_or_default()
        ))
        .await;
    assert_eq!(campaign_members(&browser).await, count);
    browser.expect_text("Undo").await;
    browser.close().await;
}
