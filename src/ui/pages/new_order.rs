//! `/orders/new[?customer=<id>]`: a new quote, order or contract with its
//! line items. Each line's amount and the total follow the typing; a line's
//! problems show next to its inputs ([`LineItem::problems`] after
//! [`parse_decimal`]), the others next to their field. Saving inserts the
//! order in one change set (with Undo) and opens the customer's page, where
//! the order shows in the timeline.
//!
//! The currency starts as the one most used by the [`CURRENCY_SAMPLE`] most
//! recently changed orders, else [`DEFAULT_CURRENCY`]; typing one wins.

use super::orders::money;
use crate::model::sales::{most_used_currency, parse_decimal};
use crate::model::{
    date_of, iso_date, FieldErrorKind, Id, LineItem, Order, OrderStatus, Record, Uuid,
    ValidationErrors,
};
use crate::store::Store;
use crate::ui::base_path::app_href;
use crate::ui::components::{
    CustomerPicker, FormForCustomer, PageHeader, PickedCustomer, SaveError,
};
use crate::ui::state::{customer_name, now_ms, AppState};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

/// The currency of a new order when no stored order names one.
const DEFAULT_CURRENCY: &str = "USD";
/// How many recently changed orders pick the default currency.
const CURRENCY_SAMPLE: usize = 200;
/// The statuses a new order can start in (not Cancelled).
const NEW_STATUSES: [OrderStatus; 3] = [
    OrderStatus::Quote,
    OrderStatus::Order,
    OrderStatus::Contract,
];

/// One line as typed, with the problems found when saving.
#[derive(Clone, Copy)]
struct LineDraft {
    key: u64,
    product: RwSignal<String>,
    quantity: RwSignal<String>,
    unit_price: RwSignal<String>,
    errors: RwSignal<ValidationErrors>,
}

impl LineDraft {
    /// An empty line for one item.
    fn new(key: u64) -> Self {
        LineDraft {
            key,
            product: RwSignal::new(String::new()),
            quantity: RwSignal::new("1".into()),
            unit_price: RwSignal::new(String::new()),
            errors: RwSignal::new(ValidationErrors::default()),
        }
    }

    /// The line item, and what is wrong with its fields.
    fn read(&self) -> (LineItem, ValidationErrors) {
        let mut errors = ValidationErrors::default();
        let mut number = |field: &'static str, text: RwSignal<String>| {
            text.with_untracked(|t| parse_decimal(t))
                .unwrap_or_else(|kind| {
                    errors.push(field, kind);
                    f64::NAN
                })
        };
        let quantity = number("quantity", self.quantity);
        let unit_price = number("unit_price", self.unit_price);
        let item = LineItem::new(self.product.get_untracked().trim(), quantity, unit_price);
        for problem in item.problems() {
            if !errors.has(problem.field) {
                errors.push(problem.field, problem.kind);
            }
        }
        (item, errors)
    }

    /// Quantity × unit price while both read as numbers (tracked).
    fn amount(&self) -> Option<f64> {
        let quantity = self.quantity.with(|t| parse_decimal(t).ok())?;
        let unit_price = self.unit_price.with(|t| parse_decimal(t).ok())?;
        Some(quantity * unit_price)
    }
}

/// Drops the messages about `field` once it is edited.
fn forget(errors: RwSignal<ValidationErrors>, field: &str) {
    if errors.with_untracked(|e| e.has(field)) {
        errors.update(|e| e.0.retain(|x| x.field != field));
    }
}

/// Gives the element with `id` the keyboard focus, if it is on the page.
fn focus(id: &str) {
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// `/orders/new[?customer=<id>]`.
#[component]
pub fn NewOrderPage() -> impl IntoView {
    view! {
        <PageHeader title="New quote or order" subtitle="A customer, the line items, and whether it is a quote, an order or a contract."/>
        <FormForCustomer form=|preset| view! { <OrderForm preset=preset/> }/>
    }
}

/// The form: customer, status, date, currency and the line editor.
#[component]
fn OrderForm(preset: Option<Id>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let customer = PickedCustomer::preset(state, preset);
    let status = RwSignal::new(OrderStatus::Quote);
    let date = RwSignal::new(iso_date::format(date_of(now_ms())));
    let currency = RwSignal::new(DEFAULT_CURRENCY.to_string());
    let currency_typed = RwSignal::new(false);
    let next_key = StoredValue::new(1u64);
    let lines = RwSignal::new(vec![LineDraft::new(0)]);
    let errors = RwSignal::new(ValidationErrors::default());
    let save_error = RwSignal::new(None::<(String, bool)>);
    let saving = RwSignal::new(false);

    leptos::task::spawn_local(async move {
        let Ok(store) = state.store() else { return };
        let Ok(recent) = store.recently_updated::<Order>(CURRENCY_SAMPLE).await else {
            return;
        };
        if let Some(code) = most_used_currency(recent.iter().filter(|o| !o.is_deleted())) {
            // The form may be gone, or the user may have typed a currency.
            if currency_typed.try_get_untracked() == Some(false) {
                currency.try_set(code);
            }
        }
    });

    // The "Not saved" banner goes once the last marked field is edited.
    let settle = Callback::new(move |()| {
        let clean = errors.with_untracked(ValidationErrors::is_empty)
            && lines.with_untracked(|l| {
                l.iter()
                    .all(|d| d.errors.with_untracked(ValidationErrors::is_empty))
            });
        if clean {
            save_error.set(None);
        }
    });
    let edited = move |field: &'static str| {
        forget(errors, field);
        settle.run(());
    };
    Effect::new(move |_| {
        customer.picked.track();
        edited("customer");
    });

    let add_line = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        lines.update(|l| l.push(LineDraft::new(key)));
        request_animation_frame(move || focus(&format!("line-{key}-product")));
    };

    let code = move || currency.with(|c| c.trim().to_uppercase());
    let total = move || {
        let amounts: Vec<Option<f64>> = lines.with(|l| l.iter().map(LineDraft::amount).collect());
        let sum: f64 = amounts.iter().flatten().sum();
        let incomplete = amounts.iter().filter(|a| a.is_none()).count();
        (format!("{} {}", money(sum), code()), incomplete)
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let mut e = ValidationErrors::default();
        let date_text = date.get_untracked().trim().to_string();
        let day = match iso_date::parse(&date_text) {
            Ok(d) => Some(d),
            Err(_) if date_text.is_empty() => {
                e.push("date", FieldErrorKind::Required);
                None
            }
            Err(_) => {
                e.push("date", FieldErrorKind::InvalidDate(date_text));
                None
            }
        };
        if customer.is_unresolved() {
            e.push(
                "customer",
                FieldErrorKind::Inconsistent("pick the customer from the suggestions"),
            );
        } else if customer.id().is_none() {
            e.push("customer", FieldErrorKind::Required);
        }
        let drafts = lines.get_untracked();
        if drafts.is_empty() {
            e.push(
                "line_items",
                FieldErrorKind::Inconsistent("add at least one line"),
            );
        }
        let mut items = Vec::new();
        let mut lines_ok = true;
        for line in &drafts {
            let (item, problems) = line.read();
            lines_ok &= problems.is_empty();
            line.errors.set(problems);
            items.push(item);
        }
        let order = Order::new_v4(
            now_ms(),
            customer.id().unwrap_or(Uuid::nil()),
            day.unwrap_or_else(|| date_of(now_ms())),
            status.get_untracked(),
            items,
            code(),
        );
        // The lines were checked one by one above, and the total is computed.
        for err in order.validate().err().into_iter().flatten() {
            if !matches!(err.field, "line_items" | "total") && !e.has(err.field) {
                e.push(err.field, err.kind);
            }
        }
        let ok = e.is_empty() && lines_ok;
        errors.set(e);
        if !ok {
            save_error.set(Some((
                "Not saved: please correct the fields marked above.".into(),
                false,
            )));
            return;
        }
        let who = customer_name(&state, &order.customer_id);
        let label = format!(
            "Added the {} of {} {} for {who}",
            order.status.label().to_lowercase(),
            money(order.total),
            order.currency
        );
        let navigate = navigate.clone();
        let path = format!("/customers/{}", order.customer_id);
        state.save_new(&order, label, save_error, saving, move || {
            navigate(&path, Default::default())
        });
    };

    let message = move |field: &'static str| move || errors.with(|e| e.sentences_for(field));
    let invalid = move |field: &'static str| move || errors.with(|e| e.has(field)).to_string();
    let cancel = app_href(&preset.map_or("/orders".into(), |id| format!("/customers/{id}")));

    view! {
        <form class="card form order-form" on:submit=save novalidate=true aria-label="New quote or order">
            <div class="form-grid">
                <CustomerPicker field=customer id="order-customer" label="Customer"
                    pick_verb="Order for" error=Signal::derive(message("customer"))/>
                <label class="field">
                    <span class="field-label">"Status"</span>
                    <select name="status" on:change=move |ev| {
                        if let Ok(s) = event_target_value(&ev).parse() {
                            status.set(s);
                        }
                    }>
                        {NEW_STATUSES.into_iter().map(|s| view! {
                            <option value=s.label() selected=move || status.get() == s>{s.label()}</option>
                        }).collect_view()}
                    </select>
                    <span class="field-error"></span>
                </label>
                <label class="field">
                    <span class="field-label">"Date"</span>
                    <input type="date" name="date" prop:value=move || date.get()
                        on:input=move |ev| {
                            date.set(event_target_value(&ev));
                            edited("date");
                        }
                        aria-invalid=invalid("date") aria-describedby="order-error-date"/>
                    <span class="field-error" id="order-error-date" role="alert">{message("date")}</span>
                </label>
                <label class="field">
                    <span class="field-label">"Currency"</span>
                    <input type="text" name="currency" class="currency-code" maxlength="3"
                        autocomplete="off" spellcheck="false" autocapitalize="characters"
                        prop:value=move || currency.get()
                        on:input=move |ev| {
                            currency_typed.set(true);
                            currency.set(event_target_value(&ev));
                            edited("currency");
                        }
                        aria-invalid=invalid("currency") aria-describedby="order-error-currency"/>
                    <span class="field-error" id="order-error-currency" role="alert">{message("currency")}</span>
                </label>
            </div>
            <fieldset class="line-editor">
                <legend>"Line items"</legend>
                <div class="line-row line-head" aria-hidden="true">
                    <span>"Product"</span>
                    <span>"Quantity"</span>
                    <span>"Unit price"</span>
                    <span class="num">"Amount"</span>
                    <span></span>
                </div>
                <For each=move || lines.get() key=|l| l.key let:line>
                    <LineRow line=line lines=lines settle=settle/>
                </For>
                <span class="field-error" role="alert">{message("line_items")}</span>
                <div class="line-foot">
                    <button type="button" id="add-line" on:click=add_line>"Add line"</button>
                    <p class="line-total" aria-live="polite">
                        <span class="field-label">"Total"</span>
                        <strong class="num">{move || total().0}</strong>
                        {move || match total().1 {
                            0 => None,
                            n => Some(view! {
                                <span class="muted">{format!(
                                    "not counting {n} line{} without a quantity and price",
                                    if n == 1 { "" } else { "s" }
                                )}</span>
                            }),
                        }}
                    </p>
                </div>
            </fieldset>
            <SaveError error=save_error/>
            <div class="form-actions">
                <button class="primary" type="submit" disabled=move || saving.get()>
                    {move || if saving.get() {
                        "Saving…".to_string()
                    } else {
                        format!("Save {}", status.get().label().to_lowercase())
                    }}
                </button>
                <a class="button" href=cancel>"Cancel"</a>
            </div>
        </form>
    }
}

/// One line of the editor: product, quantity, unit price, the amount and
/// Remove, each named with the line's number.
#[component]
fn LineRow(
    line: LineDraft,
    lines: RwSignal<Vec<LineDraft>>,
    /// Run after an edit that may have cleared the last message.
    settle: Callback<()>,
) -> impl IntoView {
    let key = line.key;
    let number = Memo::new(move |_| {
        lines.with(|l| l.iter().position(|d| d.key == key).map_or(0, |i| i + 1))
    });
    let name = move |what: &'static str| move || format!("{what}, line {}", number.get());
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
            "product" => "Product",
            "quantity" => "Quantity",
            _ => "Unit price",
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
        <div class="line-row" role="group" aria-label=move || format!("Line {}", number.get())>
            {input("product", line.product, false)}
            {input("quantity", line.quantity, true)}
            {input("unit_price", line.unit_price, true)}
            <div class="line-cell line-amount num">
                <span class="line-label" aria-hidden="true">"Amount"</span>
                <span>{move || line.amount().map(money).unwrap_or_else(|| "—".into())}</span>
            </div>
            <div class="line-cell line-remove">
                <button type="button" class="link" aria-label=move || format!("Remove line {}", number.get()) on:click=remove>"Remove"</button>
            </div>
        </div>
    }
}
