//! The lifetime-value section: the fitted BG/NBD and Gamma-Gamma model (or
//! why it could not be fitted) and the customers with the highest predicted
//! value over the next twelve months.

use super::Names;
use crate::format::{money, percent, whole_money};
use crate::jobs::insight::{CustomerInsight, InsightOverview};
use crate::ui::base_path::app_href;
use leptos::prelude::*;
use rapport_core::i18n::{common, insight as t};
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
            <dl class="model-figures" aria-label=t::fitted_model()>
                <div><dt>{common::currency()}</dt><dd>{m.currency.clone()}</dd></div>
                <div><dt>{t::observation_end()}</dt><dd>{crate::format::date(m.observation_end)}</dd></div>
                <div><dt>"r"</dt><dd>{figure(m.bgnbd.r)}</dd></div>
                <div><dt>"α"</dt><dd>{figure(m.bgnbd.alpha)}</dd></div>
                <div><dt>"a"</dt><dd>{figure(m.bgnbd.a)}</dd></div>
                <div><dt>"b"</dt><dd>{figure(m.bgnbd.b)}</dd></div>
                <div><dt>"p"</dt><dd>{figure(m.gamma_gamma.p)}</dd></div>
                <div><dt>"q"</dt><dd>{figure(m.gamma_gamma.q)}</dd></div>
                <div><dt>"γ"</dt><dd>{figure(m.gamma_gamma.gamma)}</dd></div>
                <div><dt>{t::predicted_next_12_months()}</dt><dd>{format!("{} {}", whole_money(m.total_predicted), m.currency)}</dd></div>
            </dl>
        }
        .into_any(),
        Err(reason) => view! {
            <p class="muted" role="status">{t::no_clv_model(reason.to_string())}</p>
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
                    .unwrap_or_else(|| t::unnamed().into());
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
            <h2 id="clv-heading">{t::clv_heading()}</h2>
            <p class="muted">{t::clv_intro()}</p>
            {model}
            {any.then(|| view! {
                <p class="muted small">{t::clv_note()}</p>
                <table class="data" aria-label=t::most_valuable()>
                    <thead>
                        <tr>
                            <th scope="col">{t::customer()}</th>
                            <th scope="col" class="num">{t::spent_so_far()}</th>
                            <th scope="col" class="num">{t::purchases()}</th>
                            <th scope="col" class="num">{t::expected_purchases()}</th>
                            <th scope="col" class="num">{t::predicted_value()}</th>
                            <th scope="col" class="num">{t::still_buying()}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            })}
        </section>
    }
}
