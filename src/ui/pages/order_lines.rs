//! The line-item editor of the new-order page: one [`LineDraft`] per line
//! as typed (product, quantity, unit price, and the problems found when
//! saving) and its [`LineRow`], with the line's live amount and a Remove
//! button, every control named with the line's number.

use super::orders::money;
use crate::model::forms::LineText;
use crate::model::ValidationErrors;
use leptos::prelude::*;
use rapport_core::i18n::{common, orders as t};
use wasm_bindgen::JsCast;

/// One line as typed, with the problems found when saving.
#[derive(Clone, Copy)]
pub(super) struct LineDraft {
    pub key: u64,
    pub product: RwSignal<String>,
    pub quantity: RwSignal<String>,
    pub unit_price: RwSignal<String>,
    pub errors: RwSignal<ValidationErrors>,
}

impl LineDraft {
    /// An empty line for one item.
    pub fn new(key: u64) -> Self {
        LineDraft {
            key,
            product: RwSignal::new(String::new()),
            quantity: RwSignal::new("1".into()),
            unit_price: RwSignal::new(String::new()),
            errors: RwSignal::new(ValidationErrors::default()),
        }
    }

    /// The line as typed, for the model's `OrderDraft`.
    pub fn text(&self) -> LineText {
        LineText {
            product: self.product.get_untracked(),
            quantity: self.quantity.get_untracked(),
            unit_price: self.unit_price.get_untracked(),
        }
    }

    /// Quantity × unit price while both read as numbers (tracked).
    pub fn amount(&self) -> Option<f64> {
        LineText {
            product: String::new(),
            quantity: self.quantity.get(),
            unit_price: self.unit_price.get(),
        }
        .amount()
    }
}

/// Drops the messages about `field` once it is edited.
pub(super) fn forget(errors: RwSignal<ValidationErrors>, field: &str) {
    if errors.with_untracked(|e| e.has(field)) {
        errors.update(|e| e.0.retain(|x| x.field != field));
    }
}

/// Gives the element with `id` the keyboard focus, if it is on the page.
pub(super) fn focus(id: &str) {
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// One line of the editor: product, quantity, unit price, the amount and
/// Remove, each named with the line's number.
#[component]
pub(super) fn LineRow(
    line: LineDraft,
    lines: RwSignal<Vec<LineDraft>>,
    /// Run after an edit that may have cleared the last message.
    settle: Callback<()>,
) -> impl IntoView {
    let key = line.key;
    let number = Memo::new(move |_| {
        lines.with(|l| l.iter().position(|d| d.key == key).map_or(0, |i| i + 1))
    });
    let name = move |what: &'static str| move || t::line_field(what.to_string(), number.get());
    let message = move |field: &'static str| move || line.errors.with(|e| e.sentences_for(field));
    let invalid = move |field: &'static str| move || line.errors.with(|e| e.has(field)).to_string();
    let remove = move |_| {
        lines.update(|l| l.retain(|d| d.key != key));
        settle.run(());
        focus("add-line");
    };
    let input = move |field: &'static str, value: RwSignal<String>, numeric: bool| {
        let error_id = format!("line-{key}-{field}-error");
        let label = match field {
            "product" => t::product(),
            "quantity" => t::quantity(),
            _ => t::unit_price(),
        };
        view! {
            <div class=format!("line-cell line-{field}")>
                <span class="line-label" aria-hidden="true">{label}</span>
                <input type="text" id=format!("line-{key}-{field}") autocomplete="off"
                    inputmode=numeric.then_some("decimal") class:num=numeric
                    aria-label=name(label)
                    prop:value=move || value.get()
                    on:input=move |ev| {
                        value.set(event_target_value(&ev));
                        forget(line.errors, field);
                        settle.run(());
                    }
                    aria-invalid=invalid(field) aria-describedby=error_id.clone()/>
                <span class="field-error" id=error_id role="alert">{message(field)}</span>
            </div>
        }
    };
    view! {
        <div class="line-row" role="group" aria-label=move || t::line(number.get())>
            {input("product", line.product, false)}
            {input("quantity", line.quantity, true)}
            {input("unit_price", line.unit_price, true)}
            <div class="line-cell line-amount num">
                <span class="line-label" aria-hidden="true">{common::amount()}</span>
                <span>{move || line.amount().map(money).unwrap_or_else(|| "—".into())}</span>
            </div>
            <div class="line-cell line-remove">
                <button type="button" class="link" aria-label=move || t::remove_line(number.get()) on:click=remove>{t::remove()}</button>
            </div>
        </div>
    }
}
