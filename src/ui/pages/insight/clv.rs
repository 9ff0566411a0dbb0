//! The lifetime-value section: the fitted BG/NBD and Gamma-Gamma model (or
//! why it could not be fitted) and the customers with the highest predicted
//! value over the next twelve months.

use super::Names;
use crate::format::{money, percent, whole_money};
use crate::jobs::insight::{CustomerInsight, InsightOverview};
use crate::ui::base_path::app_href;
use leptos::prelude::*;
use std::sync::Arc;

/// How many customers the table lists.
const TOP: usize = 20;

/// The `TOP` customers by predicted value, best first (ties by id).
fn most_valuable(overview: &InsightOverview) -> Vec<CustomerInsight> {
    let mut ranked: Vec<&CustomerInsight> = overview
        .customers
        .iter()
        .filter(|c| c.predicted_value.is_some_and(f64::is_finite))
        .collect();
    ranked.sort_by(|a, b| {
        let value = |c: &CustomerInsight| c.predicted_value.unwrap_or(0.0);
        value(b)
            .total_cmp(&value(a))
            .then_with(|| a.customer_id.cmp(&b.customer_id))
    });
    ranked.into_iter().take(TOP).cloned().collect()
}

/// A model parameter, to four significant figures.
fn figure(x: f64) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    let digits = (3 - x.abs().max(1e-12).log10().floor() as i32).clamp(0, 8) as usize;
    format!("{x:.digits$}")
}

/// The model and the most valuable customers of `overview`.
#[component]
pub(super) fn ClvSection(overview: Arc<InsightOverview>, names: Signal<Names>) -> impl IntoView {
    let model = match &overview.clv {
        Ok(m) => view! {
            <dl class="model-figures" aria-label="Fitted lifetime-value model">
                <div><dt>"Currency"</dt><dd>{m.currency.clone()}</dd></div>
                <div><dt>"Observation end"</dt><dd>{m.observation_end.to_string()}</dd></div>
                <div><dt>"r"</dt><dd>{figure(m.bgnbd.r)}</dd></div>
                <div><dt>"α"</dt><dd>{figure(m.bgnbd.alpha)}</dd></div>
                <div><dt>"a"</dt><dd>{figure(m.bgnbd.a)}</dd></div>
                <div><dt>"b"</dt><dd>{figure(m.bgnbd.b)}</dd></div>
                <div><dt>"p"</dt><dd>{figure(m.gamma_gamma.p)}</dd></div>
                <div><dt>"q"</dt><dd>{figure(m.gamma_gamma.q)}</dd></div>
                <div><dt>"γ"</dt><dd>{figure(m.gamma_gamma.gamma)}</dd></div>
                <div><dt>"Predicted, next 12 months"</dt><dd>{format!("{} {}", whole_money(m.total_predicted), m.currency)}</dd></div>
            </dl>
        }
        .into_any(),
        Err(reason) => view! {
            <p class="muted" role="status">{format!("No lifetime-value model: {reason}")}</p>
        }
        .into_any(),
    };
    let top = most_valuable(&overview);
    let any = !top.is_empty();
    let rows = move || {
        let names = names.get();
        top.iter()
            .map(|c| {
                let name = names
                    .get(&c.customer_id)
                    .cloned()
                    .unwrap_or_else(|| "(unnamed)".into());
                view! {
                    <tr>
                        <td><a href=app_href(&format!("/customers/{}", c.customer_id))>{name}</a></td>
                        <td class="num">{format!("{} {}", money(c.spend), c.currency)}</td>
                        <td class="num">{c.orders.to_string()}</td>
                        <td class="num">{c.predicted_purchases.map_or_else(|| "—".to_string(), |n| format!("{n:.1}"))}</td>
                        <td class="num">{money(c.predicted_value.unwrap_or(f64::NAN))}</td>
                        <td class="num">{percent(c.probability_alive)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card" aria-labelledby="clv-heading">
            <h2 id="clv-heading">"Lifetime value"</h2>
            <p class="muted">"Purchases to come from a BG/NBD model, their size from a Gamma-Gamma model, both fitted to the purchase history in the main currency."</p>
            {model}
            {any.then(|| view! {
                <p class="muted small">"Expected purchases and predicted value over the next 12 months; “still buying” is the model's probability that the customer has not lapsed."</p>
                <table class="data" aria-label="Most valuable customers, next 12 months">
                    <thead>
                        <tr>
                            <th scope="col">"Customer"</th>
                            <th scope="col" class="num">"Spent so far"</th>
                            <th scope="col" class="num">"Purchases"</th>
                            <th scope="col" class="num">"Expected purchases"</th>
                            <th scope="col" class="num">"Predicted value"</th>
                            <th scope="col" class="num">"Still buying"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            })}
        </section>
    }
}
