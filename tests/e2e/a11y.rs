//! Accessibility: axe-core (installed by `scripts/setup` into `.tools/`,
//! injected through WebDriver so the app's CSP does not apply to it) finds
//! no serious or critical WCAG 2 A/AA violation on any page, with the demo
//! data, in English and in Chinese, in the light and the dark theme; and
//! the keyboard reaches the
//! content first through the skip link; the command palette keeps focus
//! inside while open and gives it back on close.

use crate::customers::load_demo_data;
use crate::harness::Browser;
use crate::language::choose_language;
use crate::workflows::open_first_listed;
use fantoccini::Locator;
use rapport_core::i18n::Lang;
use std::path::Path;

/// Pages reached by address.
const PAGES: &[&str] = &[
    "",
    "customers",
    "customers/new",
    "search?q=delivery",
    "duplicates",
    "pipeline",
    "pipeline/new",
    "orders",
    "orders/new",
    "tickets",
    "tickets/new",
    "tasks",
    "campaigns",
    "analytics",
    "insight",
    "import-export",
    "settings",
    "trash",
    "no-such-page",
];

/// axe-core's source, as `scripts/setup` installs it.
fn axe_source() -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".tools/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} (scripts/setup installs it): {e}", path.display()))
}

/// The serious and critical violations axe finds on the current page, one
/// line each (rule, impact, what it means, the first offending elements).
async fn violations(browser: &Browser, axe: &str) -> Vec<String> {
    // Check the page as it settles, not while its lists still load (in
    // either language).
    browser
        .expect_true(
            "document.querySelector('main h1') \
             && !/Loading(…| all| the)|正在加载/.test(document.querySelector('main').innerText)",
            "the page to finish loading",
        )
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    browser
        .client
        .execute(
            &format!("if (!window.axe) {{ {axe} }} return true;"),
            vec![],
        )
        .await
        .expect("inject axe-core");
    let found = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
               .then(r => done(r.violations
                   .filter(v => v.impact === 'serious' || v.impact === 'critical')
                   .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — '
                       + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))),
                     e => done(['axe failed: ' + e]));",
            vec![],
        )
        .await
        .expect("run axe-core");
    serde_json::from_value(found).expect("a list of violations")
}

/// Chooses a language (by its own name) and a theme (`light`, `dark`) in
/// Settings, and waits until the page speaks that language.
async fn choose(browser: &Browser, lang: Lang, theme: &str) {
    browser.open("settings").await;
    browser
        .wait_for(Locator::Css("main h1"), "the Settings page")
        .await;
    choose_language(browser, lang).await;
    browser
        .expect_true(
            &format!("document.documentElement.lang === '{}'", lang.tag()),
            "the page in the chosen language",
        )
        .await;
    let radio = format!("input[name='theme'][value='{theme}']");
    let control = browser.wait_for(Locator::Css(&radio), "the theme").await;
    control.click().await.expect("choose the theme");
}

// One browser session per language: a session of 88 page loads with axe
// injected once crashed its tab on the loaded build machine.
#[tokio::test(flavor = "current_thread")]
async fn every_page_passes_axe_in_english_in_both_themes() {
    every_page_passes_axe(Lang::En).await;
}

#[tokio::test(flavor = "current_thread")]
async fn every_page_passes_axe_in_chinese_in_both_themes() {
    every_page_passes_axe(Lang::Zh).await;
}

async fn every_page_passes_axe(lang: Lang) {
    let browser = Browser::start().await;
    load_demo_data(&browser).await;
    let axe = axe_source();
    let mut problems = Vec::new();
    for theme in ["light", "dark"] {
        choose(&browser, lang, theme).await;
        let theme = format!("{} {theme}", lang.tag());
        for path in PAGES {
            browser.open(path).await;
            for v in violations(&browser, &axe).await {
                problems.push(format!("{theme} /{path}: {v}"));
            }
        }
        // Pages reached through the data: a customer, a campaign, a ticket.
        for collection in ["customers", "campaigns", "tickets"] {
            open_first_listed(&browser, collection).await;
            for v in violations(&browser, &axe).await {
                problems.push(format!("{theme} a record of /{collection}: {v}"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "axe-core found:\n{}",
        problems.join("\n")
    );
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_keyboard_skips_to_the_content_first() {
    let browser = Browser::start().await;
    browser.open("customers").await;
    browser.expect_heading("Customers").await;
    // The first Tab lands on the skip link, which is shown when focused.
    browser
        .client
        .active_element()
        .await
        .expect("the body")
        .send_keys("\u{E004}")
        .await
        .expect("Tab");
    let focused = browser
        .eval("return [document.activeElement.textContent, getComputedStyle(document.activeElement).opacity, document.activeElement.getBoundingClientRect().height > 0]")
        .await;
    assert_eq!(focused, serde_json::json!(["Skip to content", "1", true]));
    browser
        .client
        .active_element()
        .await
        .expect("the skip link")
        .send_keys("\u{E007}")
        .await
        .expect("Enter");
    assert_eq!(
        browser.eval("return document.activeElement.id").await,
        "main",
        "Enter on the skip link moves focus to the main content"
    );
    browser.close().await;
}

/// Sends `keys` (WebDriver key codes; a modifier stays down to the end) to
/// the focused element.
async fn keys_to_focused(browser: &Browser, keys: &str) {
    browser
        .client
        .active_element()
        .await
        .expect("a focused element")
        .send_keys(keys)
        .await
        .expect("send keys");
}

/// Which element has focus: its accessible name or text, and whether it is
/// inside the command palette.
async fn focused(browser: &Browser) -> serde_json::Value {
    browser
        .eval(
            "const e = document.activeElement; \
             return [e.getAttribute('aria-label') || e.textContent.trim(), !!e.closest('[role=dialog]')]",
        )
        .await
}

#[tokio::test(flavor = "current_thread")]
async fn the_command_palette_keeps_focus_inside_and_gives_it_back_on_close() {
    const CTRL_K: &str = "\u{E009}k";
    const TAB: &str = "\u{E004}";
    const SHIFT_TAB: &str = "\u{E008}\u{E004}";
    const ESCAPE: &str = "\u{E00C}";
    let palette_box = serde_json::json!(["Search customers, pages, notes and tickets", true]);
    let browser = Browser::start().await;
    browser.open("customers").await;
    browser.expect_heading("Customers").await;
    let opener = browser.link("Tasks").await;
    browser.eval_on(&opener, "arguments[0].focus()").await;
    assert_eq!(focused(&browser).await, serde_json::json!(["Tasks", false]));

    keys_to_focused(&browser, CTRL_K).await;
    browser
        .expect_true(
            "document.activeElement.classList.contains('palette-input')",
            "the palette's search box to take focus",
        )
        .await;
    for keys in [TAB, TAB, SHIFT_TAB, SHIFT_TAB] {
        keys_to_focused(&browser, keys).await;
        assert_eq!(
            focused(&browser).await,
            palette_box,
            "Tab and Shift+Tab stay in the dialog"
        );
    }
    keys_to_focused(&browser, ESCAPE).await;
    browser
        .expect_true(
            "!document.querySelector('.palette')",
            "Escape to close the palette",
        )
        .await;
    assert_eq!(
        focused(&browser).await,
        serde_json::json!(["Tasks", false]),
        "focus is back on the link that had it"
    );

    // Ctrl+K again from the same place, and closed by Ctrl+K: same return.
    keys_to_focused(&browser, CTRL_K).await;
    browser
        .expect_true(
            "!!document.querySelector('.palette')",
            "the palette to open",
        )
        .await;
    keys_to_focused(&browser, CTRL_K).await;
    browser
        .expect_true(
            "!document.querySelector('.palette')",
            "the palette to close",
        )
        .await;
    assert_eq!(focused(&browser).await, serde_json::json!(["Tasks", false]));
    browser.close().await;
}
