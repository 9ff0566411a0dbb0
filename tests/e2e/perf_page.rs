//! Timing helpers for the benchmarks in `perf.rs`, read from inside the
//! page: a `PerformanceObserver` for long tasks (with `buffered: true`, so a
//! page just reloaded reports the tasks of its own start), watchers that
//! note the moment a condition on the page first holds (checked every
//! frame, so the figure is when it could first be seen), and clicks whose
//! start time the page notes itself (no WebDriver round trip in between).

use crate::harness::Browser;
use std::time::{Duration, Instant};

/// Installs `window.__perf` (once per page load): the long-task entries
/// seen so far and the marks of the watchers.
const INSTALL: &str = r#"
if (!window.__perf) {
    const perf = { entries: [], marks: {}, observed: false };
    try {
        const observer = new PerformanceObserver(list => perf.entries.push(...list.getEntries()));
        observer.observe({ type: 'longtask', buffered: true });
        perf.observer = observer;
        perf.observed = true;
    } catch (e) {}
    window.__perf = perf;
}
"#;

/// Script prefix: `perf` is `window.__perf` with every long task the
/// observer has seen so far (including ones not yet delivered).
const TAKE_ENTRIES: &str = "const perf = window.__perf; \
    if (perf.observer) perf.entries.push(...perf.observer.takeRecords());";

/// The main thread's long tasks (over 50 ms) in a span of time.
#[derive(Debug, Clone, Copy)]
pub struct LongTasks {
    /// Whether the browser reported long tasks at all.
    pub observed: bool,
    /// How many.
    pub count: usize,
    /// The longest, in ms (0 when none).
    pub longest_ms: f64,
    /// Their sum, in ms.
    pub total_ms: f64,
}

impl LongTasks {
    /// "longest task 812 ms (14 over 50 ms, 3.1 s in all)".
    pub fn describe(&self) -> String {
        match (self.observed, self.count) {
            (false, _) => "long tasks not observable in this browser".into(),
            (true, 0) => "no task over 50 ms".into(),
            (true, n) => format!(
                "longest task {:.0} ms ({n} over 50 ms, {:.1} s in all)",
                self.longest_ms,
                self.total_ms / 1000.0
            ),
        }
    }
}

/// Starts observing long tasks in the page as it is now (idempotent).
pub async fn observe(browser: &Browser) {
    browser.eval(INSTALL).await;
}

/// The page's clock (`performance.now()`, ms since its navigation began).
pub async fn page_now(browser: &Browser) -> f64 {
    browser
        .eval("return performance.now()")
        .await
        .as_f64()
        .expect("performance.now()")
}

/// Starts a watcher named `key` that notes the page's clock at the first
/// frame where the JS expression `condition` holds.
pub async fn watch(browser: &Browser, key: &str, condition: &str) {
    observe(browser).await;
    browser
        .client
        .execute(&watcher(condition), vec![key.into()])
        .await
        .expect("start a watcher");
}

fn watcher(condition: &str) -> String {
    format!(
        r#"
        const key = arguments[0];
        const perf = window.__perf;
        perf.marks[key] = null;
        const holds = () => {{ try {{ return !!({condition}); }} catch (e) {{ return false; }} }};
        const check = () => {{
            if (holds()) {{ perf.marks[key] = performance.now(); return; }}
            if (document.hidden) setTimeout(check, 16); else requestAnimationFrame(check);
        }};
        check();
        "#
    )
}

/// Clicks the button reading `text` from inside the page, starts the
/// watcher `key` on `condition` right after, and returns the page's clock
/// just before the click.
pub async fn click_and_watch(browser: &Browser, text: &str, key: &str, condition: &str) -> f64 {
    click_then_watch(
        browser,
        &format!(
            "[...document.querySelectorAll('button, a')].find(b => b.textContent.trim() === {})",
            serde_json::Value::from(text)
        ),
        key,
        condition,
    )
    .await
}

/// Like [`click_and_watch`] for the element the JS expression `target`
/// finds.
pub async fn click_then_watch(browser: &Browser, target: &str, key: &str, condition: &str) -> f64 {
    observe(browser).await;
    let script = format!(
        "const target = {target};
         if (!target) return null;
         const started = performance.now();
         target.click();
         {}
         return started;",
        watcher(condition)
    );
    browser
        .client
        .execute(&script, vec![key.into()])
        .await
        .expect("click and watch")
        .as_f64()
        .unwrap_or_else(|| panic!("nothing to click: {target}"))
}

/// Waits (up to `patience`) until the watcher `key` has seen its condition;
/// returns the page's clock at that frame.
pub async fn seen(browser: &Browser, key: &str, patience: Duration) -> f64 {
    let deadline = Instant::now() + patience;
    let script = format!(
        "return window.__perf && window.__perf.marks[{}]",
        serde_json::Value::from(key)
    );
    loop {
        if let Some(at) = browser.eval(&script).await.as_f64() {
            return at;
        }
        assert!(
            Instant::now() < deadline,
            "{key}: not seen within {patience:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The long tasks that started between `from` and `to` (page clock).
pub async fn long_tasks(browser: &Browser, from: f64, to: f64) -> LongTasks {
    // A task's entry is queued once it ends; give the last one time.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let figures = browser
        .client
        .execute(
            &format!(
                "{TAKE_ENTRIES}
                 const [from, to] = arguments;
                 const d = perf.entries.filter(e => e.startTime + e.duration > from && e.startTime < to).map(e => e.duration);
                 return [perf.observed ? 1 : 0, d.length, Math.max(0, ...d), d.reduce((a, b) => a + b, 0)];"
            ),
            vec![from.into(), to.into()],
        )
        .await
        .expect("read the long tasks");
    let n = |i: usize| figures[i].as_f64().unwrap_or(0.0);
    LongTasks {
        observed: n(0) > 0.0,
        count: n(1) as usize,
        longest_ms: n(2),
        total_ms: n(3),
    }
}

/// Prints one figure for `scripts/bench`'s table (`bench-figure id ms`).
pub fn figure(id: &str, ms: f64) {
    println!("bench-figure {id} {ms:.2}");
}

/// The page's own start-up steps (`performance.mark("rapport:…")`, see
/// `ui::state::mark_step`) and its long tasks up to `to` ms, in time order:
/// "  412 ms  store-opened", "  530 ms  long task 263 ms". Where the time of
/// a figure went.
pub async fn timeline(browser: &Browser, to: f64) -> String {
    let lines = browser
        .client
        .execute(
            &format!(
                "{TAKE_ENTRIES}
             const [to] = arguments;
             const marks = performance.getEntriesByType('mark')
                 .filter(m => m.name.startsWith('rapport:') && m.startTime <= to)
                 .map(m => [m.startTime, m.name.slice(8)]);
             const tasks = perf.entries.filter(e => e.startTime <= to)
                 .map(e => [e.startTime, `long task ${{Math.round(e.duration)}} ms`]);
             return [...marks, ...tasks].sort((a, b) => a[0] - b[0])
                 .map(([t, what]) => `${{String(Math.round(t)).padStart(6)}} ms  ${{what}}`);"
            ),
            vec![to.into()],
        )
        .await
        .expect("read the timeline");
    lines
        .as_array()
        .map(|l| {
            l.iter()
                .filter_map(|x| x.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default()
}
