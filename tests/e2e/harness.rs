//! What every end-to-end test needs: a fresh headless Chromium driven
//! through chromedriver, pointed at the app that `server` serves under a
//! sub-path, and find/act/check helpers that address things the way a
//! person does — by heading, link text and label.

use crate::server::app_url;
use fantoccini::{elements::Element, Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long a check waits for the page to reach the expected state.
const PATIENCE: Duration = Duration::from_secs(30);

/// A headless Chromium session with its own chromedriver and profile; both
/// end when the session is dropped or closed.
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    driver: Child,
    profile: PathBuf,
}

impl Browser {
    /// Starts chromedriver on a free port and a fresh headless Chromium.
    ///
    /// Two cores running several browsers at once occasionally lose a race:
    /// the free port is taken by someone else before chromedriver binds it,
    /// or chromedriver resets the first session request. Each attempt gets a
    /// fresh port and driver; the third failure is reported.
    pub async fn start() -> Browser {
        let mut last_error = String::new();
        for _attempt in 0..3 {
            match Self::try_start().await {
                Ok(browser) => return browser,
                Err(error) => last_error = error,
            }
        }
        panic!("open a Chromium session: {last_error}");
    }

    async fn try_start() -> Result<Browser, String> {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| format!("find a free port: {e}"))?
            .port();
        let mut driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver (scripts/setup installs it)");
        let profile = std::env::temp_dir().join(format!("rapport-e2e-{port}"));
        let give_up = |driver: &mut Child, why: String| {
            let _ = driver.kill();
            let _ = driver.wait();
            Err(why)
        };
        let deadline = Instant::now() + PATIENCE;
        while !driver_ready(port) {
            if Instant::now() > deadline || driver.try_wait().ok().flatten().is_some() {
                return give_up(
                    &mut driver,
                    format!("chromedriver on port {port} never got ready"),
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let _ = std::fs::remove_dir_all(&profile);
        let args = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1280,800",
        ]
        .iter()
        .map(|s| s.to_string())
        .chain([format!("--user-data-dir={}", profile.display())])
        .collect::<Vec<_>>();
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({ "binary": "/usr/bin/chromium", "args": args }),
        );
        match ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(client) => Ok(Browser {
                client,
                driver,
                profile,
            }),
            Err(error) => give_up(&mut driver, format!("{error:?}")),
        }
    }

    /// Opens an in-app path (relative to the mount, e.g. `""` or `"settings"`).
    pub async fn open(&self, path: &str) {
        self.client
            .goto(&format!("{}{path}", app_url()))
            .await
            .expect("navigate");
    }

    /// Waits until the page's `<h1>` reads `text`.
    pub async fn expect_heading(&self, text: &str) {
        let found = self
            .wait_until(|| async {
                let h1 = self.client.find(Locator::Css("h1")).await.ok()?;
                let t = h1.text().await.ok()?;
                (t == text).then_some(())
            })
            .await;
        if found.is_none() {
            let actual = match self.client.find(Locator::Css("h1")).await {
                Ok(h) => h.text().await.unwrap_or_default(),
                Err(_) => "<no h1>".into(),
            };
            let url = self.eval("return location.href").await;
            let body = self
                .eval("return document.documentElement.outerHTML.slice(0, 2000)")
                .await;
            panic!("expected the heading {text:?}, the page at {url} shows {actual:?}:\n{body}");
        }
    }

    /// Finds a link by its exact text.
    pub async fn link(&self, text: &str) -> Element {
        self.wait_for(Locator::LinkText(text), &format!("a link {text:?}"))
            .await
    }

    /// Finds a form control (input, select, textarea) by the text of the
    /// `<label>` that wraps it or by its `aria-label`.
    pub async fn labelled(&self, label: &str) -> Element {
        let l = xpath_literal(label);
        let xpath = format!(
            "//label[.//text()[normalize-space()={l}]]//*[self::input or self::select or self::textarea] \
             | //*[(self::input or self::select or self::textarea) and @aria-label={l}] \
             | //*[@id = //label[normalize-space()={l}]/@for]"
        );
        self.wait_for(
            Locator::XPath(&xpath),
            &format!("a control labelled {label:?}"),
        )
        .await
    }

    /// Finds a button by its text or its `aria-label`.
    pub async fn button(&self, text: &str) -> Element {
        let t = xpath_literal(text);
        let xpath = format!("//button[normalize-space()={t} or @aria-label={t}] | //a[contains(@class, 'button') and normalize-space()={t}]");
        self.wait_for(Locator::XPath(&xpath), &format!("a button {text:?}"))
            .await
    }

    /// Clears a text control and types `text` into it, as a person would.
    pub async fn fill(&self, label: &str, text: &str) {
        let control = self.labelled(label).await;
        // WebDriver's clear() fires no `input` event; empty the field the way
        // a select-all + delete would, so the app sees the change.
        let arg = serde_json::to_value(&control).expect("element as JSON");
        self.client
            .execute(
                "arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
                vec![arg],
            )
            .await
            .expect("empty the field");
        if !text.is_empty() {
            control.send_keys(text).await.expect("type into the field");
        }
    }

    /// Sets a control's value as a picker would (date inputs, selects) and
    /// fires `input` and `change`.
    pub async fn set_value(&self, label: &str, value: &str) {
        let control = self.labelled(label).await;
        let arg = serde_json::to_value(&control).expect("element as JSON");
        self.client
            .execute(
                "const e = arguments[0]; e.value = arguments[1]; \
                 e.dispatchEvent(new Event('input', { bubbles: true })); \
                 e.dispatchEvent(new Event('change', { bubbles: true }));",
                vec![arg, serde_json::Value::from(value)],
            )
            .await
            .expect("set the value");
    }

    /// Scrolls an element to the middle of the window and clicks it; when a
    /// toast is in the way, dismisses the toasts first, as a person would.
    pub async fn press(&self, element: Element) {
        self.eval_on(&element, "arguments[0].scrollIntoView({ block: 'center' })")
            .await;
        if element.clone().click().await.is_err() {
            self.eval("document.querySelectorAll('.toast button[aria-label=Dismiss]').forEach(b => b.click())")
                .await;
            tokio::time::sleep(Duration::from_millis(100)).await;
            element
                .click()
                .await
                .expect("click once the toasts are gone");
        }
    }

    /// Scrolls to an element and clicks it; `false` when the element was
    /// replaced in between (a list re-rendered when background figures
    /// arrived), so the caller can find it again.
    async fn try_press(&self, element: Element) -> bool {
        let arg = serde_json::to_value(&element).expect("element as JSON");
        let scrolled = self
            .client
            .execute(
                "arguments[0].scrollIntoView({ block: 'center' })",
                vec![arg],
            )
            .await;
        if is_stale(&scrolled) {
            return false;
        }
        let clicked = element.clone().click().await;
        if is_stale(&clicked) {
            return false;
        }
        if clicked.is_err() {
            self.press(element).await;
        }
        true
    }

    /// Clicks the link with this text (see [`Browser::press`]), finding it
    /// again if the page replaced it meanwhile.
    pub async fn click_link(&self, text: &str) {
        for _ in 0..5 {
            if self.try_press(self.link(text).await).await {
                return;
            }
        }
        panic!("the link {text:?} kept being replaced before it could be clicked");
    }

    /// Clicks the first element `css` finds (see [`Browser::press`]),
    /// finding it again if the page replaced it meanwhile (a list
    /// re-rendered when background figures arrived); returns its text.
    pub async fn click_first(&self, css: &str, what: &str) -> String {
        for _ in 0..5 {
            let element = self.wait_for(Locator::Css(css), what).await;
            let Ok(text) = element.text().await else {
                continue;
            };
            if self.try_press(element).await {
                return text;
            }
        }
        panic!("{what} kept being replaced before it could be clicked");
    }

    /// Clicks the button with this text or `aria-label` (see
    /// [`Browser::press`]), finding it again if the page replaced it.
    pub async fn click_button(&self, text: &str) {
        for _ in 0..5 {
            if self.try_press(self.button(text).await).await {
                return;
            }
        }
        panic!("the button {text:?} kept being replaced before it could be clicked");
    }

    /// Runs `script` with `element` as `arguments[0]`.
    pub async fn eval_on(&self, element: &Element, script: &str) -> serde_json::Value {
        let arg = serde_json::to_value(element).expect("element as JSON");
        self.client
            .execute(script, vec![arg])
            .await
            .expect("run a script on an element")
    }

    /// Waits until the page's text contains `text`.
    pub async fn expect_text(&self, text: &str) {
        self.expect_body(text, "", |body| body.contains(text)).await;
    }

    /// Waits until the page's text contains `text` as whole words: not
    /// right after a letter, a digit or a digit group's separator, nor right
    /// before a letter or digit — so "1 converted" does not match
    /// "11 converted" and "3 selected" does not match "13 selected".
    pub async fn expect_words(&self, text: &str) {
        self.expect_body(text, " as whole words", |body| contains_words(body, text))
            .await;
    }

    /// Waits until the page's text passes `matches`; panics with what the
    /// page shows otherwise.
    async fn expect_body(&self, text: &str, how: &str, matches: impl Fn(&str) -> bool) {
        let found = self
            .wait_until(|| async {
                let body = self.eval("return document.body.innerText").await;
                body.as_str().is_some_and(&matches).then_some(())
            })
            .await;
        if found.is_none() {
            let body = self
                .eval("return document.body.innerText.slice(0, 3000)")
                .await;
            panic!(
                "the page never showed {text:?}{how}; it shows:\n{}",
                body.as_str().unwrap_or("")
            );
        }
    }

    /// Waits until an element matching the CSS selector `css` reads exactly
    /// `text` (its whole text, whitespace collapsed) — for counts, where
    /// "1 customer" must not pass on "11 customers".
    pub async fn expect_element_text(&self, css: &str, text: &str) {
        let script = format!(
            "return [...document.querySelectorAll({})].map(e => e.textContent.replace(/\\s+/g, ' ').trim())",
            serde_json::Value::from(css)
        );
        let found = self
            .wait_until(|| async {
                let texts = self.eval(&script).await;
                texts
                    .as_array()
                    .is_some_and(|all| all.iter().any(|t| t.as_str() == Some(text)))
                    .then_some(())
            })
            .await;
        let last = self.eval(&script).await;
        assert!(
            found.is_some(),
            "no {css:?} ever read exactly {text:?}; the last texts were {last}"
        );
    }

    /// Waits until `script` (an expression) is truthy in the page.
    pub async fn expect_true(&self, script: &str, what: &str) {
        let found = self
            .wait_until(|| async {
                (self.eval(&format!("return !!({script})")).await == true).then_some(())
            })
            .await;
        assert!(found.is_some(), "timed out waiting for {what} ({script})");
    }

    /// Runs `script` in the page and returns its JSON result.
    pub async fn eval(&self, script: &str) -> serde_json::Value {
        self.client
            .execute(script, vec![])
            .await
            .expect("run a script in the page")
    }

    /// Waits for an element, failing with `what` if it never appears.
    pub async fn wait_for(&self, locator: Locator<'_>, what: &str) -> Element {
        let found = self
            .wait_until(|| async { self.client.find(locator).await.ok() })
            .await;
        found.unwrap_or_else(|| panic!("the page never showed {what}"))
    }

    /// Polls `probe` until it returns `Some` or the patience runs out.
    pub async fn wait_until<T, F, Fut>(&self, mut probe: F) -> Option<T>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Option<T>>,
    {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(v) = probe().await {
                return Some(v);
            }
            if Instant::now() > deadline {
                return None;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Saves a PNG screenshot of the window.
    pub async fn screenshot(&self, path: &Path) {
        let png = self.client.screenshot().await.expect("take a screenshot");
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("create the screenshot folder");
        }
        std::fs::write(path, png).expect("write the screenshot");
    }

    /// Opens the current address in a second tab and switches to it;
    /// returns the first tab, to switch back to.
    pub async fn open_second_tab(&self) -> fantoccini::wd::WindowHandle {
        let url = self
            .eval("return location.href")
            .await
            .as_str()
            .unwrap_or_default()
            .to_string();
        let first = self.client.window().await.expect("this tab");
        let second = self
            .client
            .new_window(true)
            .await
            .expect("open a tab")
            .handle;
        self.client
            .switch_to_window(second)
            .await
            .expect("to the second tab");
        self.client.goto(&url).await.expect("open it there");
        first
    }

    /// Opens the current address in a second tab, waits until it shows
    /// `heading`, and comes back to this one; returns the second tab, to
    /// switch to later.
    pub async fn second_tab_behind(&self, heading: &str) -> fantoccini::wd::WindowHandle {
        let first = self.open_second_tab().await;
        self.expect_heading(heading).await;
        let second = self.client.window().await.expect("the second tab");
        self.client
            .switch_to_window(first)
            .await
            .expect("back to the first tab");
        second
    }

    /// Hands the file at `path` to the import card's file input, as the file
    /// picker would.
    pub async fn choose_csv(&self, path: &std::path::Path) {
        self.labelled("CSV file to import")
            .await
            .send_keys(&path.display().to_string())
            .await
            .expect("choose the file");
    }

    /// Ends the browser session (the driver goes with `Drop`).
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

impl Drop for Browser {
    /// Also runs when a test fails half-way, so no driver outlives its test.
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

impl Browser {
    /// Waits until at least `count` chart canvases on the page hold a drawn
    /// chart: pixels of more than one colour besides the background.
    pub async fn expect_drawn_charts(&self, count: usize) {
        let script = format!(
            "(() => [...document.querySelectorAll('figure.chart canvas')].filter(c => {{
                if (c.width < 50 || c.height < 50) return false;
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                const bg = [d[0], d[1], d[2]].join();
                const colours = new Set();
                for (let i = 0; i < d.length; i += 4 * 7) {{
                    const px = [d[i], d[i + 1], d[i + 2]].join();
                    if (px !== bg) colours.add(px);
                    if (colours.size > 3) return true;
                }}
                return false;
            }}).length >= {count})()"
        );
        self.expect_true(&script, &format!("{count} drawn charts"))
            .await;
    }
}

/// Whether the chromedriver on `port` answers `GET /status` with
/// `"ready": true` (a bare TCP connect can reach whoever else took the port).
fn driver_ready(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request =
        format!("GET /status HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut reply = String::new();
    let _ = std::io::Read::read_to_string(&mut stream, &mut reply);
    reply.replace(' ', "").contains("\"ready\":true")
}

/// Whether `needle` occurs in `hay` with no letter, digit or digit-group
/// separator (`,` `.` before a digit) glued to either end.
pub fn contains_words(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(at, _)| {
        let before = hay[..at].chars().next_back();
        let after = hay[at + needle.len()..].chars().next();
        let glued_before = before.is_some_and(|c| {
            c.is_alphanumeric()
                || ((c == ',' || c == '.')
                    && hay[..at - c.len_utf8()]
                        .chars()
                        .next_back()
                        .is_some_and(|d| d.is_ascii_digit()))
        });
        let glued_after = after.is_some_and(char::is_alphanumeric);
        !glued_before && !glued_after
    })
}

#[test]
fn whole_words_are_not_parts_of_bigger_numbers() {
    assert!(contains_words("Undo · 1 customer", "1 customer"));
    assert!(contains_words("1 customer", "1 customer"));
    assert!(!contains_words("11 customers", "1 customer"));
    assert!(!contains_words("1 customers", "1 customer"));
    assert!(!contains_words("2,001 converted", "1 converted"));
    assert!(contains_words("0 clicked, 1 converted.", "1 converted"));
    assert!(!contains_words("13 selected", "3 selected"));
}

fn xpath_literal(s: &str) -> String {
    if s.contains('"') {
        format!("'{s}'")
    } else {
        format!("\"{s}\"")
    }
}

/// Whether a WebDriver call failed because its element left the page.
fn is_stale<T>(result: &Result<T, fantoccini::error::CmdError>) -> bool {
    matches!(
        result,
        Err(fantoccini::error::CmdError::Standard(e))
            if e.error == fantoccini::error::ErrorStatus::StaleElementReference
    )
}
