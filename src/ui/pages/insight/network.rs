//! The network section: the referral network's most influential customers
//! (eigenvector centrality, with betweenness) and its drawing, coloured by
//! RFM segment, with a zoom to one customer's neighbourhood.

use crate::charts::{NetworkChart, NetworkPoint};
use crate::insight::Segment;
use crate::jobs::insight::{InsightOverview, NetworkReport};
use crate::jobs::NetworkJob;
use crate::store::Collection;
use crate::ui::base_path::app_href;
use crate::ui::components::{Chart, ChartSpec, JobProgress, JobState};
use crate::ui::state::{AppState, StoreStatus};
use leptos::prelude::*;
use rapport_core::i18n::insight as t;
use std::sync::Arc;

/// How many customers the influence table lists.
const TOP: usize = 10;
/// How many links away the zoom reaches.
const ZOOM_DEPTH: usize = 2;

/// The colour groups of the drawing: segments with a similar outlook share
/// a colour (eleven colours would not stay apart).
const GROUPS: [fn() -> &'static str; 5] = [
    t::group_champions,
    t::group_potential,
    t::group_attention,
    t::group_at_risk,
    t::group_lost,
];

/// The colour group of a segment (an index into [`GROUPS`]).
fn group_of(segment: Segment) -> usize {
    use Segment::*;
    match segment {
        Champions | Loyal => 0,
        PotentialLoyalists | New | Promising => 1,
        NeedAttention | AboutToSleep => 2,
        AtRisk | CantLoseThem => 3,
        Hibernating | Lost => 4,
    }
}

/// The drawing of the whole network, or of `zoom`'s neighbourhood.
fn drawing(
    report: &NetworkReport,
    overview: Option<&InsightOverview>,
    zoom: Option<usize>,
) -> NetworkChart {
    let whole = NetworkChart {
        title: t::who_knows_whom().into(),
        nodes: report
            .nodes
            .iter()
            .map(|n| NetworkPoint {
                at: n.at,
                weight: n.eigenvector,
                group: overview
                    .and_then(|o| o.customer(&n.customer_id))
                    .map(|c| group_of(c.segment)),
            })
            .collect(),
        edges: report.edges.clone(),
        groups: GROUPS.iter().map(|group| group().to_string()).collect(),
        ungrouped: t::no_purchases().into(),
        highlight: None,
    };
    match zoom.and_then(|i| whole.zoom(i, ZOOM_DEPTH)) {
        Some((mut zoomed, _)) => {
            let name = zoom
                .and_then(|i| report.nodes.get(i))
                .map(|n| n.name.clone());
            zoomed.title = t::within_two_links(name.unwrap_or_default());
            zoomed
        }
        None => whole,
    }
}

/// The network's influencers and drawing; `overview` colours the nodes.
#[component]
pub(super) fn NetworkSection(
    #[prop(into)] overview: Signal<Option<Arc<InsightOverview>>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let job = JobState::new();
    let report = RwSignal::new(None::<Arc<NetworkReport>>);
    let zoom = RwSignal::new(None::<usize>);
    Effect::new(move |_| {
        state.track(Collection::Relationships);
        state.track(Collection::Customers);
        if state.status.get() != StoreStatus::Ready {
            return;
        }
        job.run::<NetworkJob>((), move |found| {
            zoom.set(None);
            report.set(Some(Arc::new(found)));
        });
    });
    on_cleanup(move || job.cancel());
    let spec = Signal::derive(move || {
        let overview = overview.get();
        ChartSpec::Network(report.with(|r| {
            r.as_ref()
                .map(|r| drawing(r, overview.as_deref(), zoom.get()))
                .unwrap_or_default()
        }))
    });
    let body = move || {
        let report = report.get()?;
        if report.nodes.is_empty() {
            return Some(
                view! { <p class="muted" role="status">{t::no_relationships()}</p> }.into_any(),
            );
        }
        let mut ranked: Vec<usize> = (0..report.nodes.len()).collect();
        ranked.sort_by(|&a, &b| {
            report.nodes[b]
                .eigenvector
                .total_cmp(&report.nodes[a].eigenvector)
                .then_with(|| report.nodes[a].name.cmp(&report.nodes[b].name))
        });
        let rows = ranked
            .iter()
            .take(TOP)
            .map(|&i| {
                let n = &report.nodes[i];
                view! {
                    <tr>
                        <td><a href=app_href(&format!("/customers/{}", n.customer_id))>{n.name.clone()}</a></td>
                        <td class="num">{format!("{:.3}", n.eigenvector)}</td>
                        <td class="num">{format!("{:.3}", n.betweenness)}</td>
                    </tr>
                }
            })
            .collect_view();
        let mut by_name: Vec<usize> = (0..report.nodes.len()).collect();
        by_name.sort_by(|&a, &b| report.nodes[a].name.cmp(&report.nodes[b].name));
        let options = by_name
            .into_iter()
            .map(|i| view! { <option value=i.to_string()>{report.nodes[i].name.clone()}</option> })
            .collect_view();
        Some(view! {
            {report.eigenvector_problem.clone().map(|p| view! { <p class="muted">{p}</p> })}
            <table class="data" aria-label=t::most_influential()>
                <thead>
                    <tr>
                        <th scope="col">{t::customer()}</th>
                        <th scope="col" class="num">{t::influence()}</th>
                        <th scope="col" class="num">{t::go_between()}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <label class="field-inline">
                <span>{t::zoom_to_customer()}</span>
                <select name="zoom" on:change=move |ev| zoom.set(event_target_value(&ev).parse().ok())>
                    <option value="">{t::whole_network()}</option>
                    {options}
                </select>
            </label>
            <Chart spec=spec height=420/>
        }
        .into_any())
    };
    view! {
        <section class="card" aria-labelledby="network-heading">
            <h2 id="network-heading">{t::network()}</h2>
            <p class="muted">{t::network_intro()}</p>
            <JobProgress job=job label=t::measuring_network()/>
            {body}
        </section>
    }
}
