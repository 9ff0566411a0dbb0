//! The import card: what the file holds (customers or orders), the drop
//! zone and file picker, then each step of the [`ImportFlow`] — mapping,
//! the check with progress and Cancel, the review, the write. The kind can
//! be changed before or after picking the file; the file is kept.

use super::import::{ImportFlow, Kind, Step};
use super::import_views::{CheckedView, MappingView};
use leptos::prelude::*;
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
            <h2>"Import from a CSV file"</h2>
            <fieldset class="choices">
                <legend>"What does the file hold?"</legend>
                <label><input type="radio" name="import-kind" prop:checked=move || flow.kind.get() == Kind::Customers on:change=move |_| flow.set_kind(Kind::Customers)/>" Customers or contacts (HubSpot, Salesforce, Google, Outlook, Rapport, or any CSV)"</label>
                <label><input type="radio" name="import-kind" prop:checked=move || flow.kind.get() == Kind::Orders on:change=move |_| flow.set_kind(Kind::Orders)/>" Orders or transactions (customer id, date, quantity, amount — also space-separated logs)"</label>
            </fieldset>
            <Show when=move || flow.step.get() == Step::Choose>
                <div
                    class=move || if over.get() { "drop-zone over" } else { "drop-zone" }
                    on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); over.set(true); }
                    on:dragleave=move |_| over.set(false)
                    on:drop=on_drop
                >
                    <p>"Drop a CSV file here, or"</p>
                    <label class="button primary file-button">
                        "Choose a file…"
                        <input type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" class="sr-only" aria-label="CSV file to import" on:change=on_pick/>
                    </label>
                    <p class="small">"UTF-8, UTF-16, Windows-1252 or GBK; comma, semicolon, tab or spaces. No row limit."</p>
                </div>
            </Show>
            {move || flow.error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <Show when=move || flow.step.get() == Step::Mapping>
                <MappingView flow=flow/>
            </Show>
            <Show when=move || flow.step.get() == Step::Checking>
                <div class="progress-row" role="status">
                    <progress max="1" value=move || flow.progress.get().to_string() aria-label="Checking the file"></progress>
                    <span class="muted">{move || format!("Checking every row… {:.0} %", flow.progress.get() * 100.0)}</span>
                    <button type="button" on:click=move |_| flow.cancel.set(true)>"Cancel"</button>
                </div>
            </Show>
            <Show when=move || flow.step.get() == Step::Checked>
                <CheckedView flow=flow/>
            </Show>
            <Show when=move || flow.step.get() == Step::Saving>
                <p class="muted" role="status">"Saving in one transaction…"</p>
            </Show>
        </section>
    }
}
