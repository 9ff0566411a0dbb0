//! One row of the Orders list: the order's date, customer, status, number
//! of lines and total, a button that shows its line items, and for a quote
//! the button that converts it to an order (version-checked, with Undo).

use super::money;
use crate::model::{Id, Order, OrderStatus};
use crate::ops;
use crate::ui::base_path::app_href;
use crate::ui::components::thousands;
use crate::ui::state::{customer_name, now_ms, AppState};
use leptos::prelude::*;
use rapport_core::i18n::{common, orders as t};
use std::collections::HashSet;

/// The row of `order` and, while its id is in `expanded`, its line items;
/// a failed conversion is said in `error`.
pub(super) fn order_row(
    state: AppState,
    expanded: RwSignal<HashSet<Id>>,
    error: RwSignal<Option<(String, bool)>>,
    order: Order,
) -> impl IntoView {
    let convert = move |order: Order| {
        let who = customer_name(&state, &order.customer_id);
        let changes = ops::sales::convert_quote(&order, &who, now_ms());
        state.save(changes, true, error, None, || ());
    };
    let id = order.meta.id;
    let who = customer_name(&state, &order.customer_id);
    let date = crate::format::date(order.date);
    let lines_id = format!("lines-{id}");
    let is_open = move || expanded.with(|e| e.contains(&id));
    let toggle = move |_| {
        expanded.update(|e| {
            if !e.remove(&id) {
                e.insert(id);
            }
        })
    };
    let status_label = order.status.display();
    let status_class = format!("badge order-{}", order.status.label().to_lowercase());
    let items = order.line_items.len();
    let total = format!("{} {}", money(order.total), order.currency);
    let is_quote = order.status == OrderStatus::Quote;
    let for_convert = order.clone();
    let lines = order.line_items.clone();
    let currency = order.currency.clone();
    view! {
        <tr>
            <td>
                <button
                    type="button"
                    class="link expand"
                    aria-expanded=move || is_open().to_string()
                    aria-controls=lines_id.clone()
                    aria-label=t::line_items_of(status_label.to_lowercase(), date.clone(), who.clone())
                    on:click=toggle
                >
                    {move || if is_open() { "▾" } else { "▸" }}
                </button>
            </td>
            <td class="num">{date.clone()}</td>
            <td><a href=app_href(&format!("/customers/{}", order.customer_id))>{who.clone()}</a></td>
            <td><span class=status_class>{status_label}</span></td>
            <td class="num">{thousands(items)}</td>
            <td class="num">{total.clone()}</td>
            <td>
                {is_quote.then(|| view! {
                    <button
                        type="button"
                        aria-label=t::convert_label(date.clone(), who.clone())
                        on:click=move |_| convert(for_convert.clone())
                    >{t::convert()}</button>
                })}
            </td>
        </tr>
        <Show when=is_open>
            <tr class="order-lines" id=lines_id.clone()>
                <td></td>
                <td colspan="6">
                    <table class="line-items">
                        <thead>
                            <tr><th scope="col">{t::product()}</th><th scope="col" class="num">{t::quantity()}</th><th scope="col" class="num">{t::unit_price()}</th><th scope="col" class="num">{common::amount()}</th></tr>
                        </thead>
                        <tbody>
                            {lines.iter().map(|l| view! {
                                <tr>
                                    <td>{l.product.clone()}</td>
                                    <td class="num">{l.quantity.to_string()}</td>
                                    <td class="num">{money(l.unit_price)}</td>
                                    <td class="num">{money(l.amount())}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                        <tfoot>
                            <tr><th scope="row" colspan="3">{t::total()}</th><td class="num">{format!("{} {}", money(order.total), currency)}</td></tr>
                        </tfoot>
                    </table>
                </td>
            </tr>
        </Show>
    }
}
