//! `/orders/new[?customer=<id>]`: a new quote, order or contract with its
//! line items. Each line's amount and the total follow the typing; a line's
//! problems show next to its inputs, the others next to their field — both
//! found by the model's [`OrderDraft`](crate::model::forms::OrderDraft). Saving inserts the
//! order in one change set (with Undo) and opens the customer's page, where
//! the order shows in the timeline.
//!
//! The currency starts as the one most used by the [`CURRENCY_SAMPLE`] most
//! recently changed orders, else [`DEFAULT_CURRENCY`]; typing one wins.

use super::order_lines::{focus, LineDraft, LineRow};
use super::orders::money;
use crate::model::forms::OrderDraft;
use crate::model::sales::most_used_currency;
use crate::model::{date_of, iso_date, Id, Order, OrderStatus, Record, Uuid, ValidationErrors};
use crate::store::Store;
use crate::ui::base_path::app_href;
use crate::ui::components::{
    CustomerPicker, FieldMessage, FormForCustomer, FormState, PageHeader, PickedCustomer, SaveError,
};
use crate::ui::state::{customer_name, now_ms, AppState};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use rapport_core::i18n::{common, orders as t};

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

/// `/orders/new[?customer=<id>]`.
#[component]
pub fn NewOrderPage() -> impl IntoView {
    view! {
        <PageHeader title=t::new_title() subtitle=t::new_subtitle()/>
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
    let form = FormState::new();
    let FormState {
        errors,
        save_error,
        saving,
    } = form;

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
        form.forget(field);
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
        let drafts = lines.get_untracked();
        let draft = OrderDraft {
            customer: customer.id(),
            customer_unresolved: customer.is_unresolved(),
            date: date.get_untracked(),
            status: status.get_untracked(),
            currency: currency.get_untracked(),
            lines: drafts.iter().map(LineDraft::text).collect(),
        };
        let order = match draft.to_order(Uuid::new_v4(), now_ms()) {
            Ok(order) => {
                errors.set(ValidationErrors::default());
                for line in &drafts {
                    line.errors.set(ValidationErrors::default());
                }
                order
            }
            Err(found) => {
                errors.set(found.form);
                for (line, problems) in drafts.iter().zip(found.lines) {
                    line.errors.set(problems);
                }
                save_error.set(Some((t::not_saved().into(), false)));
                return;
            }
        };
        let who = customer_name(&state, &order.customer_id);
        let navigate = navigate.clone();
        let path = format!("/customers/{}", order.customer_id);
        let changes = crate::ops::sales::add_order(&order, &who);
        state.submit(changes, true, form, move || {
            navigate(&path, Default::default())
        });
    };

    let cancel = app_href(&preset.map_or("/orders".into(), |id| format!("/customers/{id}")));

    view! {
        <form class="card form order-form" on:submit=save novalidate=true aria-label=t::new_title()>
            <div class="form-grid">
                <CustomerPicker field=customer id="order-customer" label=common::customer()
                    pick_verb=t::pick_customer() error=Signal::derive(form.message("customer"))/>
                <label class="field">
                    <span class="field-label">{common::status()}</span>
                    <select name="status" on:change=move |ev| {
                        if let Ok(s) = event_target_value(&ev).parse() {
                            status.set(s);
                        }
                    }>
                        {NEW_STATUSES.into_iter().map(|s| view! {
                            <option value=s.label() selected=move || status.get() == s>{s.display()}</option>
                        }).collect_view()}
                    </select>
                    <span class="field-error"></span>
                </label>
                <label class="field">
                    <span class="field-label">{common::date()}</span>
                    <input type="date" name="date" prop:value=move || date.get()
                        on:input=move |ev| {
                            date.set(event_target_value(&ev));
                            edited("date");
                        }
                        aria-invalid=form.invalid("date") aria-describedby="order-error-date"/>
                    <FieldMessage form=form field="date" id="order-error-date"/>
                </label>
                <label class="field">
                    <span class="field-label">{common::currency()}</span>
                    <input type="text" name="currency" class="currency-code" maxlength="3"
                        autocomplete="off" spellcheck="false" autocapitalize="characters"
                        prop:value=move || currency.get()
                        on:input=move |ev| {
                            currency_typed.set(true);
                            currency.set(event_target_value(&ev));
                            edited("currency");
                        }
                        aria-invalid=form.invalid("currency") aria-describedby="order-error-currency"/>
                    <FieldMessage form=form field="currency" id="order-error-currency"/>
                </label>
            </div>
            <fieldset class="line-editor">
                <legend>{t::line_items()}</legend>
                <div class="line-row line-head" aria-hidden="true">
                    <span>{t::product()}</span>
                    <span>{t::quantity()}</span>
                    <span>{t::unit_price()}</span>
                    <span class="num">{common::amount()}</span>
                    <span></span>
                </div>
                <For each=move || lines.get() key=|l| l.key let:line>
                    <LineRow line=line lines=lines settle=settle/>
                </For>
                <span class="field-error" role="alert">{form.message("line_items")}</span>
                <div class="line-foot">
                    <button type="button" id="add-line" on:click=add_line>{t::add_line()}</button>
                    <p class="line-total" aria-live="polite">
                        <span class="field-label">{t::total()}</span>
                        <strong class="num">{move || total().0}</strong>
                        {move || match total().1 {
                            0 => None,
                            n => Some(view! {
                                <span class="muted">{if n == 1 {
                                    t::not_counting_one(n)
                                } else {
                                    t::not_counting_many(n)
                                }}</span>
                            }),
                        }}
                    </p>
                </div>
            </fieldset>
            <SaveError error=save_error/>
            <div class="form-actions">
                <button class="primary" type="submit" disabled=move || saving.get()>
                    {move || if saving.get() {
                        t::saving().to_string()
                    } else {
                        t::save_status(status.get().display().to_lowercase())
                    }}
                </button>
                <a class="button" href=cancel>{common::cancel()}</a>
            </div>
        </form>
    }
}
