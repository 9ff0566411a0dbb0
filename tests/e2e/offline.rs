//! Offline: after one visit, the app opens and works with no network — the
//! service worker (`sw.js`, written into every build by
//! `scripts/post_build`) serves the build's files, and the data is in
//! IndexedDB. The app is also installable (a manifest with an icon).

use crate::harness::Browser;
use crate::server::SwitchableHost;

#[tokio::test(flavor = "current_thread")]
async fn after_one_visit_the_app_opens_and_works_offline() {
    let host = SwitchableHost::start();
    let browser = Browser::start().await;
    let at = |path: &str| format!("{}{path}", host.url());
    browser.client.goto(&at("")).await.expect("open");
    browser.expect_heading("Dashboard").await;
    browser
        .expect_true(
            "navigator.serviceWorker && navigator.serviceWorker.controller",
            "the service worker in control of the page",
        )
        .await;
    let manifest = browser
        .eval(
            "return fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json()).then(m => [m.name, m.start_url, m.icons.length])",
        )
        .await;
    assert_eq!(
        manifest,
        serde_json::json!(["Rapport — private CRM", "./", 1])
    );

    // Some data, entered online.
    browser
        .client
        .goto(&at("customers/new"))
        .await
        .expect("open");
    browser.expect_heading("New customer").await;
    browser.fill("Given name", "Ottilie").await;
    browser.fill("Family name", "Offline").await;
    browser.click_button("Add customer").await;
    browser.expect_heading("Ottilie Offline").await;

    host.go_offline();
    // The host really is gone: a file the build does not have cannot load.
    let reach = browser
        .eval("return fetch('not-in-the-build.txt').then(() => 'reached', () => 'unreachable')")
        .await;
    assert_eq!(reach, "unreachable");

    // A reload of a deep link with no network: the app, its data, its pages.
    browser.client.goto(&at("customers")).await.expect("open");
    browser.expect_heading("Customers").await;
    browser.expect_text("Ottilie Offline").await;
    browser.click_link("Ottilie Offline").await;
    browser.expect_heading("Ottilie Offline").await;
    browser
        .fill("Note text", "Written on a train with no network.")
        .await;
    browser.click_button("Add to timeline").await;
    browser
        .expect_text("Written on a train with no network.")
        .await;
    browser.client.refresh().await.expect("reload offline");
    browser
        .expect_text("Written on a train with no network.")
        .await;

    // The analysis worker (its own script file) also comes from the cache:
    // a second Ottilie Offline, entered offline, is found as her duplicate.
    browser
        .client
        .goto(&at("customers/new"))
        .await
        .expect("open");
    browser.fill("Given name", "Ottilie").await;
    browser.fill("Family name", "Offline").await;
    browser.click_button("Add customer").await;
    browser.expect_heading("Ottilie Offline").await;
    browser.client.goto(&at("duplicates")).await.expect("open");
    browser.expect_heading("Duplicates").await;
    browser
        .wait_for(
            fantoccini::Locator::Css("table[aria-label='Possible duplicate customers'] button"),
            "the pair found by the worker, offline",
        )
        .await;
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_new_build_is_announced_and_taken_on_reload() {
    let host = SwitchableHost::start();
    let browser = Browser::start().await;
    browser.client.goto(host.url()).await.expect("open");
    browser.expect_heading("Dashboard").await;
    browser
        .expect_true(
            "navigator.serviceWorker && navigator.serviceWorker.controller",
            "the service worker in control of the page",
        )
        .await;
    browser
        .eval("window.__before_update = true; return true")
        .await;

    // A new build is published; the browser checks for it (as it does on
    // navigations and periodically) and the page says so.
    host.publish_next_version();
    browser
        .eval("return navigator.serviceWorker.getRegistration().then(r => r.update()).then(() => true)")
        .await;
    browser
        .expect_text("A new version of Rapport is ready.")
        .await;
    crate::tour::snap(&browser, "update-banner").await;
    browser.click_button("Reload").await;
    // The page reloads under the new version.
    browser
        .expect_true("!window.__before_update", "the page to reload")
        .await;
    browser.expect_heading("Dashboard").await;
    browser
        .expect_true(
            "caches.keys().then(k => window.__caches = k) && window.__caches && window.__caches.length === 1 && window.__caches[0].startsWith('rapport-next-')",
            "only the new version's cache left",
        )
        .await;
    browser.close().await;
}
