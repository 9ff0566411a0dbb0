use super::raster::Raster;
use super::*;

const W: u32 = 640;
const H: u32 = 400;

fn months() -> Vec<(String, f64)> {
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]
        .iter()
        .zip([120.0, 340.0, 90.0, 510.0, 260.0, 0.0])
        .map(|(m, v)| (m.to_string(), v))
        .collect()
}

#[test]
fn a_bar_chart_draws_its_title_labels_and_bars_in_the_plot_area() {
    let theme = ChartTheme::light(1.0);
    let mut raster = Raster::new(W, H);
    let chart = BarChart {
        title: "Revenue per month".into(),
        category_label: "Month".into(),
        value_label: "Revenue".into(),
        bars: months(),
        horizontal: false,
    };
    draw_bars(&raster.area(), &chart, &theme).unwrap();
    assert!(raster.has_text("Revenue per month"));
    assert!(raster.has_text("Month") && raster.has_text("Revenue"));
    assert!(raster.has_text("Apr"), "{:?}", raster.texts());
    // The tallest bar (April, the 4th of 6) fills a good part of its column;
    // the empty June column stays (nearly) background.
    let bar = theme.series(0);
    assert!(raster.count_colour(bar) > 5_000);
    let plot_left = 64 + 12;
    let column = (W - plot_left - 12) / 6;
    let april = plot_left + 3 * column;
    let june = plot_left + 5 * column;
    let mid = (H / 2, H - 60);
    assert!(
        raster.ink_ratio(
            (april + 10, mid.0),
            (april + column - 10, mid.1),
            theme.background
        ) > 0.8
    );
    assert!(
        raster.ink_ratio(
            (june + 10, mid.0),
            (june + column - 10, mid.1),
            theme.background
        ) < 0.1
    );
}

#[test]
fn a_horizontal_funnel_draws_longer_bars_for_larger_stages() {
    let theme = ChartTheme::dark(1.0);
    let mut raster = Raster::new(W, H);
    let chart = BarChart {
        title: "Pipeline by stage".into(),
        category_label: "Stage".into(),
        value_label: "Value".into(),
        bars: vec![("Lead".into(), 1000.0), ("Won".into(), 100.0)],
        horizontal: true,
    };
    draw_bars(&raster.area(), &chart, &theme).unwrap();
    assert!(raster.has_text("Lead") && raster.has_text("Won"));
    let bar = [theme.series(0).0, theme.series(0).1, theme.series(0).2];
    let width_of_row = |y: u32| (0..W).filter(|x| raster.pixel(*x, y) == bar).count();
    // Rows through the middle of each of the two bands of the plot area.
    let bands: Vec<usize> = (40..H - 50).map(width_of_row).collect();
    let longest = *bands.iter().max().unwrap();
    let shortest_nonzero = *bands.iter().filter(|w| **w > 0).min().unwrap();
    assert!(
        longest > 5 * shortest_nonzero,
        "{longest} vs {shortest_nonzero}"
    );
}

#[test]
fn a_line_chart_with_two_series_draws_both_colours_and_a_legend() {
    let theme = ChartTheme::light(2.0);
    let mut raster = Raster::new(W * 2, H * 2);
    let chart = LineChart {
        title: "Choosing k".into(),
        x_label: "k".into(),
        y_label: "Score".into(),
        series: vec![
            Series::new(
                "Silhouette",
                (2..=10).map(|k| (k as f64, 1.0 / k as f64)).collect(),
            ),
            Series::new(
                "Inertia (scaled)",
                (2..=10).map(|k| (k as f64, k as f64 / 10.0)).collect(),
            ),
        ],
        ..Default::default()
    };
    draw_lines(&raster.area(), &chart, &theme).unwrap();
    assert!(raster.has_text("Silhouette") && raster.has_text("Inertia (scaled)"));
    assert!(raster.count_colour(theme.series(0)) > 200);
    assert!(raster.count_colour(theme.series(1)) > 200);
    // Fonts grow with the device-pixel scale.
    let title = raster
        .texts()
        .iter()
        .find(|t| t.text == "Choosing k")
        .unwrap();
    assert!(title.size >= 29.0, "{}", title.size);
}

#[test]
fn a_roc_curve_draws_its_dashed_diagonal_within_the_fixed_unit_range() {
    let theme = ChartTheme::light(1.0);
    let mut raster = Raster::new(W, H);
    let chart = LineChart {
        title: "ROC curve".into(),
        x_label: "False positive rate".into(),
        y_label: "True positive rate".into(),
        series: vec![Series::new(
            "Model",
            vec![(0.0, 0.0), (0.1, 0.6), (0.4, 0.9), (1.0, 1.0)],
        )],
        reference: Some(((0.0, 0.0), (1.0, 1.0))),
        y_range: Some((0.0, 1.0)),
        ..Default::default()
    };
    draw_lines(&raster.area(), &chart, &theme).unwrap();
    assert!(raster.count_colour(theme.muted) > 100, "the diagonal");
    assert!(raster.count_colour(theme.series(0)) > 300, "the curve");
    assert!(raster.has_text("1"), "{:?}", raster.texts());
}

#[test]
fn a_scatter_colours_each_group_and_samples_huge_groups() {
    let theme = ChartTheme::light(1.0);
    let mut raster = Raster::new(W, H);
    let many: Vec<(f64, f64)> = (0..100_000)
        .map(|i| ((i % 317) as f64, (i % 101) as f64))
        .collect();
    let chart = ScatterChart {
        title: "Segments".into(),
        x_label: "PC 1".into(),
        y_label: "PC 2".into(),
        groups: vec![
            Series::new("Segment 1", many),
            Series::new("Segment 2", vec![(400.0, 120.0), (410.0, 125.0)]),
        ],
        reference: None,
    };
    draw_scatter(&raster.area(), &chart, &theme).unwrap();
    assert!(raster.has_text("Segment 1") && raster.has_text("Segment 2"));
    // The right-hand edge of the plot holds the second group's points.
    assert!(raster.ink_ratio((W - 80, 20), (W - 12, 120), theme.background) > 0.0);
    assert!(raster.ink_ratio((100, 100), (500, 300), theme.background) > 0.3);
}

#[test]
fn empty_data_still_draws_a_frame_without_panicking() {
    let theme = ChartTheme::light(1.0);
    let mut raster = Raster::new(W, H);
    draw_bars(&raster.area(), &BarChart::default(), &theme).unwrap();
    draw_lines(&raster.area(), &LineChart::default(), &theme).unwrap();
    draw_scatter(&raster.area(), &ScatterChart::default(), &theme).unwrap();
}

#[test]
fn compact_numbers_read_like_a_dashboard() {
    assert_eq!(compact_number(950.0), "950");
    assert_eq!(compact_number(12_300.0), "12.3k");
    assert_eq!(compact_number(3_400_000.0), "3.4M");
    assert_eq!(compact_number(0.25), "0.25");
    assert_eq!(compact_number(-20_000.0), "-20k");
}

/// "Jan 97"… for `n` months from January 1997.
fn month_labels(n: usize) -> Vec<String> {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    (0..n)
        .map(|i| format!("{} {:02}", NAMES[i % 12], (97 + i / 12) % 100))
        .collect()
}

/// The boxes (left, right) of the month labels a chart drew, left to right.
fn drawn_month_boxes(raster: &Raster, labels: &[String]) -> Vec<(i32, i32)> {
    let mut boxes: Vec<(i32, i32)> = raster
        .texts()
        .iter()
        .filter(|t| labels.contains(&t.text))
        .map(|t| {
            let width = (t.text.chars().count() as f64 * t.size * 0.55).ceil() as i32;
            (t.at.0, t.at.0 + width)
        })
        .collect();
    boxes.sort_unstable();
    boxes
}

#[test]
fn month_labels_of_bar_charts_at_600_px_never_overlap_however_many_months() {
    let theme = ChartTheme::light(1.0);
    for n in [12, 24, 60, 300] {
        let labels = month_labels(n);
        let mut raster = Raster::new(600, H);
        let chart = BarChart {
            title: "Revenue per month".into(),
            category_label: "Month".into(),
            value_label: "Revenue".into(),
            bars: labels.iter().map(|l| (l.clone(), 10.0)).collect(),
            horizontal: false,
        };
        draw_bars(&raster.area(), &chart, &theme).unwrap();
        let boxes = drawn_month_boxes(&raster, &labels);
        assert!(boxes.len() >= 3, "{n} months: {boxes:?}");
        for pair in boxes.windows(2) {
            assert!(pair[0].1 < pair[1].0, "{n} months: {pair:?} overlap");
        }
        assert!(raster.has_text("Jan 97"), "the first month is labelled");
    }
}

#[test]
fn month_labels_of_line_charts_are_thinned_the_same_way() {
    let theme = ChartTheme::light(2.0);
    let labels = month_labels(60);
    let mut raster = Raster::new(1200, 800);
    let chart = LineChart {
        title: "Average satisfaction per month".into(),
        x_label: "Month".into(),
        y_label: "Rating".into(),
        x_labels: Some(labels.clone()),
        series: vec![Series::new(
            "Satisfaction",
            (0..60).map(|i| (i as f64, 3.0)).collect(),
        )],
        reference: None,
        y_range: Some((1.0, 5.0)),
    };
    draw_lines(&raster.area(), &chart, &theme).unwrap();
    let boxes = drawn_month_boxes(&raster, &labels);
    assert!(boxes.len() >= 3 && boxes.len() < 60, "{boxes:?}");
    for pair in boxes.windows(2) {
        assert!(pair[0].1 < pair[1].0, "{pair:?} overlap");
    }
}

#[test]
fn a_long_funnel_labels_stages_without_stacking_them_on_each_other() {
    let theme = ChartTheme::light(1.0);
    let mut raster = Raster::new(W, 200);
    let chart = BarChart {
        title: "Campaigns".into(),
        category_label: "Campaign".into(),
        value_label: "Cost".into(),
        bars: (0..40).map(|i| (format!("Campaign {i}"), 10.0)).collect(),
        horizontal: true,
    };
    draw_bars(&raster.area(), &chart, &theme).unwrap();
    let mut rows: Vec<(i32, i32)> = raster
        .texts()
        .iter()
        .filter(|t| t.text.starts_with("Campaign "))
        .map(|t| (t.at.1, t.at.1 + t.size.ceil() as i32))
        .collect();
    rows.sort_unstable();
    assert!(rows.len() >= 2 && rows.len() < 40, "{rows:?}");
    for pair in rows.windows(2) {
        assert!(pair[0].1 < pair[1].0, "{pair:?} overlap");
    }
}
