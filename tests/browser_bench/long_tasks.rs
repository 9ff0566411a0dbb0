//! The main thread's long tasks while a piece of work runs (a
//! `PerformanceObserver` for `longtask`: every task over 50 ms; where the
//! browser has no such entries, the longest gap between `setTimeout(0)`
//! ticks instead), and the machine-readable figure lines that
//! `scripts/bench` gathers into its side-by-side table.

use wasm_bindgen::prelude::*;
use wasm_bindgen_test::console_log;

#[wasm_bindgen(inline_js = "
export function long_tasks_watch() {
    const watch = { entries: [], observer: null, ticking: false, gap: 0 };
    const types = (typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes) || [];
    if (types.includes('longtask')) {
        watch.observer = new PerformanceObserver(list => { watch.entries.push(...list.getEntries()); });
        watch.observer.observe({ type: 'longtask' });
    } else {
        watch.ticking = true;
        let last = performance.now();
        const tick = () => {
            if (!watch.ticking) return;
            const now = performance.now();
            watch.gap = Math.max(watch.gap, now - last);
            last = now;
            setTimeout(tick, 0);
        };
        setTimeout(tick, 0);
    }
    return watch;
}

export function long_tasks_stop(watch) {
    if (watch.observer) {
        watch.entries.push(...watch.observer.takeRecords());
        watch.observer.disconnect();
    }
    watch.ticking = false;
    const durations = watch.entries.map(e => e.duration);
    const longest = watch.observer ? Math.max(0, ...durations) : watch.gap;
    return [watch.observer ? 1 : 0, durations.length, longest, durations.reduce((a, b) => a + b, 0)];
}
")]
extern "C" {
    fn long_tasks_watch() -> JsValue;
    fn long_tasks_stop(watch: &JsValue) -> js_sys::Array;
}

/// What the main thread went through while a [`LongTasks`] watched.
#[derive(Debug, Clone, Copy)]
pub struct MainThread {
    /// Whether the figures are long-task entries (else timer gaps).
    pub observed: bool,
    /// Tasks over 50 ms.
    pub long_tasks: usize,
    /// The longest of them in ms (0 when none was over 50 ms), or the
    /// longest timer gap.
    pub longest_ms: f64,
    /// The long tasks' total in ms.
    pub total_ms: f64,
}

impl MainThread {
    /// "longest task 812 ms (14 over 50 ms, 3.1 s in all)".
    pub fn describe(&self) -> String {
        if !self.observed {
            return format!(
                "longest gap between timer ticks {:.0} ms (no longtask entries in this browser)",
                self.longest_ms
            );
        }
        if self.long_tasks == 0 {
            return "no task over 50 ms".into();
        }
        format!(
            "longest task {:.0} ms ({} over 50 ms, {:.1} s in all)",
            self.longest_ms,
            self.long_tasks,
            self.total_ms / 1000.0
        )
    }
}

/// Watches the main thread from [`LongTasks::start`] to [`LongTasks::stop`].
pub struct LongTasks(JsValue);

impl LongTasks {
    /// Starts watching.
    pub fn start() -> LongTasks {
        LongTasks(long_tasks_watch())
    }

    /// Stops watching, after a short pause so that the entry of the last
    /// task (queued once it ends) is in.
    pub async fn stop(self) -> MainThread {
        rapport::ui::state::sleep_ms(100).await;
        let figures: Vec<f64> = long_tasks_stop(&self.0)
            .iter()
            .map(|v| v.as_f64().unwrap_or(0.0))
            .collect();
        MainThread {
            observed: figures[0] > 0.0,
            long_tasks: figures[1] as usize,
            longest_ms: figures[2],
            total_ms: figures[3],
        }
    }
}

/// Prints one figure for `scripts/bench`'s table (`bench-figure id ms`).
pub fn figure(id: &str, ms: f64) {
    console_log!("bench-figure {id} {ms:.2}");
}
