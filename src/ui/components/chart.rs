//! A chart on the page: a `<canvas>` drawn by a function from `charts`,
//! sized for the screen's pixel density, redrawn when its data, the window
//! size or the theme changes, with a "Save PNG" button.

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
use wasm_bindgen::JsCast;

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
    Effect::new(move |_| {
        resized.track();
        let dark = theme.get() == Theme::Dark;
        let Some(element) = canvas.get() else {
            return;
        };
        let result = spec.with(|s| draw_on(&element, dark, |area, theme| s.draw(area, theme)));
        failure.set(result.err().map(|e| e.to_string()));
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
