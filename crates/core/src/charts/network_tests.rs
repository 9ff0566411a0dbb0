use super::network::{ungrouped_colour, ZOOM_INSET};
use super::raster::Raster;
use super::*;
use crate::insight::Network;
use crate::model::{Relationship, RelationshipKind, Uuid};

const W: u32 = 640;
const H: u32 = 420;

/// A hub (0) with three spokes, and a far pair (4–5) without a group.
fn star() -> NetworkChart {
    let point = |x, y, weight, group| NetworkPoint {
        at: [x, y],
        weight,
        group,
    };
    NetworkChart {
        title: "Who referred whom".into(),
        nodes: vec![
            point(0.3, 0.5, 1.0, Some(0)),
            point(0.0, 0.0, 0.2, Some(1)),
            point(0.0, 1.0, 0.2, Some(1)),
            point(0.6, 0.5, 0.2, Some(1)),
            point(1.0, 0.0, 0.0, None),
            point(1.0, 1.0, 0.0, None),
        ],
        edges: vec![(0, 1), (0, 2), (0, 3), (4, 5), (9, 0)],
        groups: vec!["Champions".into(), "At risk".into()],
        ungrouped: "No purchases".into(),
        highlight: None,
    }
}

#[test]
fn a_network_draws_its_title_legend_and_larger_dots_for_central_customers() {
    let theme = ChartTheme::light(1.0);
    let mut raster = Raster::new(W, H);
    draw_network(&raster.area(), &star(), &theme).unwrap();
    assert!(raster.has_text("Who referred whom"));
    for entry in ["Champions", "At risk", "No purchases"] {
        assert!(raster.has_text(entry), "{entry}: {:?}", raster.texts());
    }
    // One big hub dot against three small spokes of the other colour.
    let hub = raster.count_colour(theme.series(0));
    let spokes = raster.count_colour(theme.series(1));
    assert!(hub > 200, "{hub}");
    assert!(hub > spokes / 3 * 2, "hub {hub} vs three spokes {spokes}");
    assert!(raster.count_colour(ungrouped_colour(&theme)) > 20);
}

#[test]
fn a_legend_too_wide_for_one_row_wraps_onto_another() {
    let theme = ChartTheme::light(1.0);
    let mut chart = star();
    chart.groups = (0..5)
        .map(|g| format!("A rather long group name {g}"))
        .collect();
    chart.nodes[1].group = Some(2);
    chart.nodes[2].group = Some(3);
    chart.nodes[3].group = Some(4);
    let mut raster = Raster::new(W, H);
    draw_network(&raster.area(), &chart, &theme).unwrap();
    let legend: Vec<_> = raster
        .texts()
        .iter()
        .filter(|t| t.text.starts_with("A rather long") || t.text == "No purchases")
        .collect();
    // Group 1 lost its nodes, so it has no entry.
    assert_eq!(legend.len(), 5, "{:?}", raster.texts());
    let rows: std::collections::BTreeSet<i32> = legend.iter().map(|t| t.at.1).collect();
    assert!(rows.len() >= 2, "{legend:?}");
    let widest = legend
        .iter()
        .map(|t| t.at.0 + t.text.chars().count() as i32 * 7)
        .max()
        .unwrap();
    assert!(widest <= W as i32, "{legend:?}");
}

#[test]
fn links_are_drawn_between_their_customers_and_a_highlight_adds_a_ring() {
    let theme = ChartTheme::dark(1.0);
    let plain = {
        let mut raster = Raster::new(W, H);
        draw_network(&raster.area(), &star(), &theme).unwrap();
        raster
    };
    // Halfway along the hub–right spoke link (x 0.3→0.6 at y 0.5) there is ink.
    let (pad, top) = (15.0 + 12.0, 12.0 + 30.0);
    let plot_w = f64::from(W) - 24.0 - 2.0 * pad;
    let x = (12.0 + pad + 0.45 * plot_w) as u32;
    let ys = (top as u32)..(H - 40);
    let inked = ys
        .clone()
        .filter(|&y| plain.pixel(x, y) != [0x17, 0x1b, 0x23])
        .count();
    assert!(inked >= 1, "no link crosses x = {x}");
    let mut ringed = star();
    ringed.highlight = Some(0);
    let mut raster = Raster::new(W, H);
    draw_network(&raster.area(), &ringed, &theme).unwrap();
    assert!(raster.count_colour(theme.text) > plain.count_colour(theme.text) + 30);
}

#[test]
fn an_empty_or_broken_network_draws_without_panicking() {
    let theme = ChartTheme::light(2.0);
    let mut raster = Raster::new(W, H);
    draw_network(&raster.area(), &NetworkChart::default(), &theme).unwrap();
    let mut broken = star();
    broken.nodes[0].at = [f64::NAN, f64::INFINITY];
    broken.nodes[1].weight = f64::NAN;
    broken.highlight = Some(99);
    draw_network(&raster.area(), &broken, &theme).unwrap();
    assert!(broken.zoom(99, 2).is_none());
}

fn link(a: u128, b: u128) -> Relationship {
    Relationship::new(
        Uuid::new_v4(),
        0,
        Uuid::from_u128(a),
        Uuid::from_u128(b),
        RelationshipKind::Referred,
        1.0,
    )
}

#[test]
fn zooming_keeps_the_networks_depth_two_neighbourhood_rescaled() {
    // 1 - 2 - 3 - 4 - 5, 2 - 6, 7 - 8
    let links = [
        link(1, 2),
        link(2, 3),
        link(3, 4),
        link(4, 5),
        link(2, 6),
        link(7, 8),
    ];
    let network = Network::new(&links);
    let n = network.nodes().len();
    let chart = NetworkChart {
        nodes: (0..n)
            .map(|i| NetworkPoint {
                at: [i as f64 / n as f64 * 0.5 + 0.2, 0.4 + 0.01 * i as f64],
                weight: 1.0,
                group: Some(i % 3),
            })
            .collect(),
        edges: network.edges(),
        ..NetworkChart::default()
    };
    for centre in network.nodes() {
        let i = network.nodes().iter().position(|c| c == centre).unwrap();
        let expected = network.neighbourhood(*centre, 2).unwrap();
        let (zoomed, from) = chart.zoom(i, 2).unwrap();
        let ids: Vec<Uuid> = from.iter().map(|&k| network.nodes()[k]).collect();
        assert_eq!(ids, expected.nodes);
        assert_eq!(zoomed.edges, expected.edges);
        assert_eq!(zoomed.highlight, Some(0));
        if zoomed.nodes.len() > 1 {
            // x is the wider axis here: it spans the inset range exactly.
            let xs = zoomed.nodes.iter().map(|p| p.at[0]);
            let (lo, hi) = xs.fold((1.0_f64, 0.0_f64), |(l, h), x| (l.min(x), h.max(x)));
            assert!((lo - ZOOM_INSET).abs() < 1e-9 && (hi - 1.0 + ZOOM_INSET).abs() < 1e-9);
            assert!(zoomed.nodes.iter().all(|p| (0.0..=1.0).contains(&p.at[1])));
        }
        assert!(zoomed
            .nodes
            .iter()
            .zip(&from)
            .all(|(p, &k)| p.group == chart.nodes[k].group));
    }
}
