//! The import card: what the file holds (customers or orders), the drop
//! zone and file picker, then each step of the [`ImportFlow`] — mapping,
//! the check with progress and Cancel, the review, the write. The kind can
//! be changed before or after picking the file; the file is kept.

use super::import::{ImportFlow, Kind, Step};
use super::import_views::{CheckedView, MappingView};
use leptos::prelude::*;
use rapport_core::i18n::{common, import_export as t};
use wasm_bindgen::JsCast;
use web_sys::File;

fn first_file(files: Option<web_sys::FileList>) -> Option<File> {
    files.and_then(|f| f.get(0))
}

/// The import card.
#[component]
pub fn ImportCard() -> impl IntoView {
    let flow = ImportFlow::new();
    let over = RwSignal::new(false);
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = ev.target().expect("target").unchecked_into();
        if let Some(file) = first_file(input.files()) {
            input.set_value("");
            flow.pick(file);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        if let Some(file) = first_file(ev.data_transfer().and_then(|d| d.files())) {
            flow.pick(file);
        }
    };
    view! {
        <section class="card">
            <h2>{t::import_heading()}</h2>
            <fieldset class="choices">
                <legend>{t::file_holds()}</legend>
                <label><input type="radio" name="import-kind" prop:checked=move || flow.kind.get() == Kind::Customers on:change=move |_| flow.set_kind(Kind::Customers)/>" "{t::kind_customers()}</label>
                <label><input type="radio" name="import-kind" prop:checked=move || flow.kind.get() == Kind::Orders on:change=move |_| flow.set_kind(Kind::Orders)/>" "{t::kind_orders()}</label>
            </fieldset>
            <Show when=move || flow.step.get() == Step::Choose>
                <div
                    class=move || if over.get() { "drop-zone over" } else { "drop-zone" }
                    on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); over.set(true); }
                    on:dragleave=move |_| over.set(false)
                    on:drop=on_drop
                >
                    <p>{t::drop_here()}</p>
                    <label class="button primary file-button">
                        {t::choose_file()}
                        <input type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" class="sr-only" aria-label=t::file_to_import() on:change=on_pick/>
                    </label>
                    <p class="small">{t::formats()}</p>
                </div>
            </Show>
            {move || flow.error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <Show when=move || flow.step.get() == Step::Mapping>
                <MappingView flow=flow/>
            </Show>
            <Show when=move || flow.step.get() == Step::Checking>
                <div class="progress-row" role="status">
                    <progress max="1" value=move || flow.progress.get().to_string() aria-label=t::checking_file()></progress>
                    <span class="muted">{move || t::checking_rows(format!("{:.0}", flow.progress.get() * 100.0))}</span>
                    <button type="button" on:click=move |_| flow.cancel.set(true)>{common::cancel()}</button>
                </div>
            </Show>
            <Show when=move || flow.step.get() == Step::Checked>
                <CheckedView flow=flow/>
            </Show>
            <Show when=move || flow.step.get() == Step::Saving>
                <p class="muted" role="status">{t::saving()}</p>
            </Show>
        </section>
    }
}
