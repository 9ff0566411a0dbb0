//! The language switch: choosing 简体中文 in Settings turns the whole app
//! Chinese at once (navigation, headings, dates), the choice survives a
//! reload and reaches another open tab, and English comes back the same way.
//! The expected texts come from the core's catalogue, the one source the
//! UI reads.

use crate::customers::load_demo_data;
use crate::harness::Browser;
use crate::tour::snap;
use rapport_core::i18n::{settings, shell, with_lang, Lang};

/// The navigation's link texts, as shown.
async fn navigation(browser: &Browser) -> String {
    browser
        .eval("return document.querySelector('nav.sidebar').innerText")
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Chooses `lang` in Settings, by its own name.
pub async fn choose_language(browser: &Browser, lang: Lang) {
    browser
        .labelled(lang.native_name())
        .await
        .click()
        .await
        .expect("choose the language");
}

#[tokio::test(flavor = "current_thread")]
async fn chinese_chosen_in_settings_shows_everywhere_and_survives_a_reload() {
    let browser = Browser::start().await;
    load_demo_data(&browser).await;
    browser.open("settings").await;
    browser.expect_heading("Settings").await;
    // A second tab on Settings, to see that it follows the switch.
    let second = browser.second_tab_behind("Settings").await;

    choose_language(&browser, Lang::Zh).await;
    let zh = |text: fn() -> &'static str| with_lang(Lang::Zh, text);
    browser.expect_heading(zh(settings::title)).await;
    browser
        .expect_true(
            "document.documentElement.lang === 'zh-CN'",
            "<html lang> to say Chinese",
        )
        .await;
    let nav = navigation(&browser).await;
    for text in [
        shell::nav_customers,
        shell::nav_pipeline,
        shell::nav_import_export,
    ] {
        assert!(nav.contains(zh(text)), "the navigation reads {nav:?}");
    }
    assert!(!nav.contains("Customers"), "English left in {nav:?}");

    // Dates in the Chinese form on a page that lists them.
    browser.open("orders").await;
    browser
        .expect_true(
            "/\\d{4}年\\d{1,2}月\\d{1,2}日/.test(document.querySelector('main').innerText)",
            "order dates written the Chinese way",
        )
        .await;
    browser.open("customers").await;
    browser.expect_heading(zh(shell::nav_customers)).await;
    browser
        .wait_for(
            fantoccini::Locator::Css("main a[href*='/customers/']:not([href$='/customers/new'])"),
            "the list's rows",
        )
        .await;
    snap(&browser, "customers-zh").await;
    if std::env::var_os("RAPPORT_SCREENSHOTS").is_some() {
        let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
        browser.screenshot(&docs.join("screenshot-zh.png")).await;
    }
    browser.open("").await;
    browser.expect_heading(zh(shell::nav_dashboard)).await;
    snap(&browser, "dashboard-zh").await;

    // Remembered: a reload stays Chinese.
    browser.client.refresh().await.expect("reload");
    browser.expect_heading(zh(shell::nav_dashboard)).await;

    // The other open tab follows.
    browser
        .client
        .switch_to_window(second)
        .await
        .expect("to the second tab");
    browser.expect_heading(zh(settings::title)).await;
    let nav = navigation(&browser).await;
    assert!(
        nav.contains(zh(shell::nav_customers)),
        "the other tab reads {nav:?}"
    );

    // And back to English.
    choose_language(&browser, Lang::En).await;
    browser.expect_heading("Settings").await;
    browser.client.refresh().await.expect("reload");
    browser.expect_heading("Settings").await;
    assert!(navigation(&browser).await.contains("Customers"));
    browser.close().await;
}
