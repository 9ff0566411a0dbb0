//! A chart on the page: a `<canvas>` drawn by a function from `charts`,
//! sized for the screen's pixel density, redrawn when its data, the window
//! size or the theme changes, with a "Save PNG" button.
//!
//! Charts are drawn in short tasks ([`draw_soon`]): a page whose report
//! brings six charts at once draws as many as fit in [`DRAW_BUDGET_MS`],
//! then lets the browser run before the rest, rather than drawing all in
//! one long task, so the page keeps answering input in between (issue #13:
//! no task over 50 ms).

use crate::charts::canvas::{draw_on, png_data_url};
use crate::charts::{
    draw_bars, draw_lines, draw_network, draw_scatter, BarChart, ChartError, ChartTheme, LineChart,
    NetworkChart, ScatterChart,
};
use crate::ui::theme::Theme;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::DrawingArea;
use plotters_canvas::CanvasBackend;
use rapport_core::i18n::components as t;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::time::Duration;
use wasm_bindgen::JsCast;

thread_local! {
    /// Charts waiting to be drawn, first asked first drawn.
    static WAITING: RefCell<VecDeque<Box<dyn FnOnce()>>> = RefCell::default();
    /// Whether a task to draw the next one is scheduled.
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
}

/// Queues `draw` to run soon, after the charts queued before it, in a task
/// that stops drawing once it has run for [`DRAW_BUDGET_MS`].
fn draw_soon(draw: impl FnOnce() + 'static) {
    WAITING.with(|w| w.borrow_mut().push_back(Box::new(draw)));
    if !SCHEDULED.with(|s| s.replace(true)) {
        set_timeout(draw_next, Duration::ZERO);
    }
}

/// How long one task may go on drawing charts before the browser gets the
/// thread back (a chart is 5–15 ms; a task under 50 ms is not a long one).
const DRAW_BUDGET_MS: f64 = 25.0;

fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

fn draw_next() {
    let began = now_ms();
    while now_ms() - began < DRAW_BUDGET_MS {
        let next = WAITING.with(|w| w.borrow_mut().pop_front());
        match next {
            Some(draw) => draw(),
            None => break,
        }
    }
    if WAITING.with(|w| w.borrow().is_empty()) {
        SCHEDULED.with(|s| s.set(false));
    } else {
        set_timeout(draw_next, Duration::ZERO);
    }
}

/// What a [`Chart`] draws.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartSpec {
    /// Bars per category.
    Bars(BarChart),
    /// Lines over x.
    Lines(LineChart),
    /// Points in groups.
    Scatter(ScatterChart),
    /// Customers and the links between them.
    Network(NetworkChart),
}

impl ChartSpec {
    /// The chart's title (also its accessible name).
    pub fn title(&self) -> &str {
        match self {
            ChartSpec::Bars(c) => &c.title,
            ChartSpec::Lines(c) => &c.title,
            ChartSpec::Scatter(c) => &c.title,
            ChartSpec::Network(c) => &c.title,
        }
    }

    fn draw(
        &self,
        area: &DrawingArea<CanvasBackend, Shift>,
        theme: &ChartTheme,
    ) -> Result<(), ChartError> {
        match self {
            ChartSpec::Bars(c) => draw_bars(area, c, theme),
            ChartSpec::Lines(c) => draw_lines(area, c, theme),
            ChartSpec::Scatter(c) => draw_scatter(area, c, theme),
            ChartSpec::Network(c) => draw_network(area, c, theme),
        }
    }
}

/// A titled chart with a "Save PNG" button. `height` is in CSS pixels; the
/// width follows the container.
#[component]
pub fn Chart(
    /// The chart to draw.
    #[prop(into)]
    spec: Signal<ChartSpec>,
    /// Height in CSS pixels.
    #[prop(default = 280)]
    height: u32,
) -> impl IntoView {
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let theme = expect_context::<RwSignal<Theme>>();
    let resized = RwSignal::new(0u32);
    let listener = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n += 1));
    on_cleanup(move || listener.remove());
    let failure = RwSignal::new(None::<String>);
    // Bumped by each change; a queued draw that is not the latest is
    // skipped (the latest one draws what is current).
    let asked = StoredValue::new(0u64);
    Effect::new(move |_| {
        resized.track();
        spec.track();
        let dark = theme.get() == Theme::Dark;
        if canvas.get().is_none() {
            return;
        }
        let mine = asked.get_value() + 1;
        asked.set_value(mine);
        draw_soon(move || {
            // `try_`: the chart may be gone (its page left) by now.
            if asked.try_get_value() != Some(mine) {
                return;
            }
            let Some(Some(element)) = canvas.try_get_untracked() else {
                return;
            };
            let result = spec
                .try_with_untracked(|s| draw_on(&element, dark, |area, theme| s.draw(area, theme)));
            if let Some(result) = result {
                failure.try_set(result.err().map(|e| e.to_string()));
            }
        });
    });
    let save = move |_| {
        let Some(element) = canvas.get_untracked() else {
            return;
        };
        let Ok(url) = png_data_url(&element) else {
            return;
        };
        let name = spec.with_untracked(|s| s.title().to_lowercase().replace(' ', "-"));
        let link = document()
            .create_element("a")
            .ok()
            .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        if let Some(link) = link {
            link.set_href(&url);
            link.set_download(&format!("{name}.png"));
            link.click();
        }
    };
    let title = move || spec.with(|s| s.title().to_string());
    view! {
        <figure class="chart">
            <canvas
                node_ref=canvas
                role="img"
                aria-label=title
                style:height=format!("{height}px")
            ></canvas>
            <figcaption>
                {move || failure.get().map(|f| view! { <span class="error inline">{f}</span> })}
                <button
                    type="button"
                    class="link"
                    aria-label=move || t::save_png_of(title())
                    on:click=save
                >
                    {t::save_png()}
                </button>
            </figcaption>
        </figure>
    }
}
