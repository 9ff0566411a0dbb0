//! Nothing leaves the device, enforced: the built `index.html` carries a
//! Content-Security-Policy (written by `scripts/post_build` with the hashes
//! of its inline scripts); over a walk through every page with the demo
//! data, a search and the analyses, the page reports no CSP violation and
//! requests nothing from another origin; an injected inline event handler is
//! refused by the policy.

use crate::customers::load_demo_data;
use crate::harness::Browser;
use crate::server::app_url;

/// Starts recording CSP violations in the page (they fire as events).
const RECORD: &str = "window.__csp = window.__csp || []; \
    if (!window.__recording) { window.__recording = true; \
    document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI)); } \
    return true";

#[tokio::test(flavor = "current_thread")]
async fn a_walk_through_every_page_breaks_no_policy_and_stays_on_this_origin() {
    let browser = Browser::start().await;
    browser.open("").await;
    browser.expect_heading("Dashboard").await;
    let policy = browser
        .eval("return document.querySelector('meta[http-equiv=Content-Security-Policy]')?.content ?? ''")
        .await;
    let policy = policy.as_str().unwrap_or_default().to_string();
    for directive in [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval' 'sha256-",
        "connect-src 'self'",
        "base-uri 'self'",
        "object-src 'none'",
        "form-action 'none'",
    ] {
        assert!(
            policy.contains(directive),
            "{directive:?} missing from {policy:?}"
        );
    }
    browser.eval(RECORD).await;
    load_demo_data(&browser).await;
    browser.eval(RECORD).await;
    for (link, heading) in [
        ("Search", "Search notes and tickets"),
        ("Duplicates", "Duplicates"),
        ("Tasks", "Tasks"),
        ("Pipeline", "Pipeline"),
        ("Orders", "Orders"),
        ("Tickets", "Tickets"),
        ("Campaigns", "Campaigns"),
        ("Analytics", "Analytics"),
        ("Import & export", "Import & export"),
        ("Settings", "Settings"),
        ("Trash", "Trash"),
        ("Dashboard", "Dashboard"),
    ] {
        browser.click_link(link).await;
        browser.expect_heading(heading).await;
    }
    browser.expect_drawn_charts(6).await;
    browser.click_link("Search").await;
    browser.fill("Search text", "delivery").await;
    browser.expect_text("matching text").await;
    browser.click_link("Analytics").await;
    browser.click_button("Ticket topics").await;
    browser.expect_text("Top words").await;
    browser.expect_drawn_charts(1).await;

    let policy = browser
        .eval("return document.querySelector('meta[http-equiv=Content-Security-Policy]').content")
        .await;
    assert!(
        policy
            .as_str()
            .is_some_and(|p| p.contains("worker-src 'self';")),
        "workers only from this origin, no blob: ({policy})"
    );
    let violations = browser.eval("return window.__csp").await;
    assert_eq!(violations, serde_json::json!([]), "CSP violations");
    let origin = app_url().trim_end_matches(crate::server::MOUNT).to_string();
    let foreign = browser
        .eval(&format!(
            "return performance.getEntriesByType('resource').map(e => e.name)
                .filter(u => !u.startsWith({}) && !u.startsWith('blob:') && !u.startsWith('data:'))",
            serde_json::Value::from(origin)
        ))
        .await;
    assert_eq!(foreign, serde_json::json!([]), "requests to another origin");

    // The policy is live: an injected inline handler does not run.
    browser
        .eval(
            "window.__ran = false; const d = document.createElement('div'); \
             d.innerHTML = '<img src=\"data:,x\" onerror=\"window.__ran = true\">'; \
             document.body.appendChild(d); return true",
        )
        .await;
    browser
        .expect_true(
            "window.__csp.some(v => v.startsWith('script-src'))",
            "the inline handler reported as refused",
        )
        .await;
    assert_eq!(browser.eval("return window.__ran").await, false);
    browser.close().await;
}
