//! The RFM section: the R × F heatmap as a table and the named segments,
//! each with its rule, a link into the Customers list filtered to it and a
//! "Plan a campaign" button that saves a campaign for its customers.

use crate::format::{thousands, whole_money};
use crate::insight::{segment_campaign, HeatCell, Segment};
use crate::jobs::insight::InsightOverview;
use crate::model::Uuid;
use crate::ops::sales::plan_campaign;
use crate::ui::base_path::app_href;
use crate::ui::components::SaveError;
use crate::ui::state::{now_ms, AppState};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use rapport_core::i18n::insight as t;
use std::sync::Arc;

/// The heat class of a cell: `heat-0` when empty, then 1–5 by its share of
/// the fullest cell (the stylesheet shades them).
fn heat_class(cell: &HeatCell, fullest: usize) -> String {
    let bucket = if cell.customers == 0 || fullest == 0 {
        0
    } else {
        (cell.customers * 5).div_ceil(fullest).clamp(1, 5)
    };
    format!("num heat heat-{bucket}")
}

/// The R × F heatmap and the segments of `overview`.
#[component]
pub(super) fn RfmSection(overview: Arc<InsightOverview>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = StoredValue::new_local(use_navigate());
    let save_error = RwSignal::new(None::<(String, bool)>);
    let fullest = overview
        .heatmap
        .iter()
        .flatten()
        .map(|c| c.customers)
        .max()
        .unwrap_or(0);
    let heat_rows = (1..=5usize)
        .rev()
        .map(|r| {
            let cells = overview.heatmap[r - 1]
                .iter()
                .enumerate()
                .map(|(f, cell)| {
                    view! {
                        <td class=heat_class(cell, fullest)>
                            <span class="heat-count">{thousands(cell.customers)}</span>
                            <span class="heat-revenue">{whole_money(cell.revenue)}</span>
                            <span class="sr-only">{t::heat_cell(r, f + 1)}</span>
                        </td>
                    }
                })
                .collect_view();
            view! { <tr><th scope="row">{format!("R {r}")}</th>{cells}</tr> }
        })
        .collect_view();
    let plan = move |segment: Segment, overview: Arc<InsightOverview>| {
        let members = overview
            .customers
            .iter()
            .filter(|c| c.segment == segment)
            .map(|c| c.customer_id);
        let id = Uuid::new_v4();
        let campaign = match segment_campaign(segment, members, id, now_ms()) {
            Ok(c) => c,
            Err(e) => {
                save_error.set(Some((t::campaign_not_planned(e.to_string()), false)));
                return;
            }
        };
        state.save(
            plan_campaign(&campaign),
            true,
            save_error,
            None,
            move || {
                navigate.with_value(|go| go(&format!("/campaigns/{id}"), Default::default()));
            },
        );
    };
    let segment_rows = overview
        .segments
        .iter()
        .map(|&(segment, count, revenue)| {
            let overview = overview.clone();
            let href = app_href(&format!("/customers?rfm={}", segment.key()));
            view! {
                <tr>
                    <th scope="row">{segment.display()}</th>
                    <td class="num">{thousands(count)}</td>
                    <td class="num">{whole_money(revenue)}</td>
                    <td class="muted">{segment.rule()}</td>
                    <td><div class="actions">
                        <a href=href>{t::show_in_customers()}<span class="sr-only">{t::show_in_customers_segment(segment.display().to_string())}</span></a>
                        <button
                            type="button"
                            disabled=count == 0
                            on:click=move |_| plan(segment, overview.clone())
                        >
                            {t::plan_campaign()}<span class="sr-only">{t::plan_campaign_segment(segment.display().to_string())}</span>
                        </button>
                    </div></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="rfm-heading">
            <h2 id="rfm-heading">{t::rfm_heading()}</h2>
            <p class="muted">{t::rfm_intro()}</p>
            <div class="insight-grid">
                <table class="data heatmap" aria-label=t::heatmap_label()>
                    <thead>
                        <tr>
                            <td></td>
                            {(1..=5).map(|f| view! { <th scope="col" class="num">{format!("F {f}")}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>{heat_rows}</tbody>
                </table>
            </div>
            <SaveError error=save_error/>
            <table class="data segments-table" aria-label=t::rfm_segments()>
                <thead>
                    <tr>
                        <th scope="col">{t::segment()}</th>
                        <th scope="col" class="num">{t::customers()}</th>
                        <th scope="col" class="num">{t::revenue()}</th>
                        <th scope="col">{t::rule()}</th>
                        <th scope="col"><span class="sr-only">{t::actions()}</span></th>
                    </tr>
                </thead>
                <tbody>{segment_rows}</tbody>
            </table>
        </section>
    }
}
