//! Scaling, missing values, k-means, silhouette, the feature table, PCA and
//! segment profiles against scikit-learn and pandas.

use super::*;

#[test]
fn missing_report_counts_customers_without_income_and_the_median_matches_simple_imputer() {
    let f = fixture();
    let r = &f.reference["missing"];
    let report = missing_report(&f.table, &FEATURES);
    assert_eq!(report.rows, 300);
    assert_eq!(
        report.per_feature[1].missing,
        r["income_missing"].as_u64().unwrap() as usize
    );
    assert_eq!(
        report.complete,
        r["complete_rows"].as_u64().unwrap() as usize
    );
    assert_eq!(report.incomplete, 300 - report.complete);
    let medians: Vec<f64> = report
        .per_feature
        .iter()
        .map(|m| m.median.unwrap())
        .collect();
    assert_all_rel(&medians, &floats(&r["medians"]), 1e-12, "median");
}

#[test]
fn exclude_leaves_out_exactly_the_incomplete_customers() {
    let f = fixture();
    let mut handling = MissingHandling::all(MissingPolicy::Impute);
    handling
        .per_feature
        .insert(Feature::Income, MissingPolicy::Exclude);
    let p = prepare::prepare(&f.table, &FEATURES, &handling, |_| true).unwrap();
    assert_eq!(p.x.nrows(), 278);
    assert_eq!(p.summary.excluded, 22);
    assert!(p.summary.imputed.is_empty());
    assert!(p.x.iter().all(|v| v.is_finite()));
}

#[test]
fn standard_scaler_matches_sklearn_population_std() {
    let f = fixture();
    let r = &f.reference["scaler"];
    let p = prepare::prepare(&f.table, &FEATURES, &MissingHandling::default(), |_| true).unwrap();
    let s = StandardScaler::fit(p.x.view());
    assert_all_rel(&s.mean, &floats(&r["mean"]), 1e-12, "mean");
    assert_all_rel(&s.scale, &floats(&r["scale"]), 1e-12, "scale");
    let x = s.transform(p.x.view());
    assert_all_rel(&x.row(0).to_vec(), &floats(&r["first_row"]), 1e-12, "row 0");
}

fn kmeans_matches_sklearn(engine: Engine) {
    let f = fixture();
    let r = &f.reference["kmeans"];
    let x = scaled(&f);
    let params = KMeansParams {
        init: init_centroids(x.view(), &usizes(&r["init_rows"])),
        tolerance: 1e-12,
        max_iter: 1000,
        engine,
        ..KMeansParams::new(4)
    };
    let fit = k_means::fit(x.view(), &params, &mut no_progress).unwrap();
    assert_eq!(fit.labels, usizes(&r["labels"]));
    assert_rel(fit.inertia, r["inertia"].as_f64().unwrap(), 1e-6, "inertia");
    for (c, e) in fit.centroids.iter().zip(matrix(&r["centers"])) {
        for (a, b) in c.iter().zip(e) {
            assert!((a - b).abs() < 1e-8, "centroid {a} vs {b}");
        }
    }
}

#[test]
fn fast_kmeans_from_the_same_centroids_matches_sklearn_lloyd() {
    kmeans_matches_sklearn(Engine::Fast);
}

#[test]
fn linfa_kmeans_from_the_same_centroids_matches_sklearn_lloyd() {
    kmeans_matches_sklearn(Engine::Linfa);
}

#[test]
fn fast_and_linfa_engines_agree_step_by_step_from_the_same_centroids() {
    let f = fixture();
    let x = scaled(&f);
    for (k, rows) in [
        (2, vec![5, 9]),
        (3, vec![10, 20, 30]),
        (6, vec![0, 1, 2, 3, 4, 5]),
    ] {
        for max_iter in [1, 2, 5, 300] {
            let params = |engine| KMeansParams {
                init: init_centroids(x.view(), &rows),
                max_iter,
                engine,
                ..KMeansParams::new(k)
            };
            let fast = k_means::fit(x.view(), &params(Engine::Fast), &mut no_progress).unwrap();
            let linfa = k_means::fit(x.view(), &params(Engine::Linfa), &mut no_progress).unwrap();
            assert_eq!(fast.labels, linfa.labels, "k = {k}, max_iter = {max_iter}");
            for (a, b) in fast.centroids.concat().iter().zip(linfa.centroids.concat()) {
                assert!((a - b).abs() < 1e-12, "k = {k}: {a} vs {b}");
            }
        }
    }
}

#[test]
fn kmeans_with_the_same_seed_gives_the_same_clusters() {
    let f = fixture();
    let x = scaled(&f);
    let a = k_means::fit(x.view(), &KMeansParams::new(4), &mut no_progress).unwrap();
    let b = k_means::fit(x.view(), &KMeansParams::new(4), &mut no_progress).unwrap();
    assert_eq!(a, b);
    assert_rel(
        a.inertia,
        f.reference["kmeans"]["inertia"].as_f64().unwrap(),
        1e-6,
        "k-means++ finds the same optimum",
    );
}

#[test]
fn kmeans_progress_returning_false_cancels() {
    let f = fixture();
    let x = scaled(&f);
    let mut calls = 0;
    let res = k_means::fit(x.view(), &KMeansParams::new(4), &mut |_| {
        calls += 1;
        calls < 2
    });
    assert_eq!(res.unwrap_err(), rapport::analytics::ml::MlError::Cancelled);
}

#[test]
fn silhouette_matches_sklearn_for_k_2_to_6() {
    let f = fixture();
    let x = scaled(&f);
    let r = &f.reference;
    let s = silhouette(
        x.view(),
        &usizes(&r["kmeans"]["labels"]),
        &SilhouetteParams::default(),
    )
    .unwrap();
    assert!(!s.sampled);
    assert_rel(
        s.score,
        r["kmeans"]["silhouette"].as_f64().unwrap(),
        1e-6,
        "k = 4",
    );
    for (k, v) in r["k_sweep"].as_object().unwrap() {
        let labels = usizes(&v["labels"]);
        let rows: Vec<usize> = (0..labels.len()).collect();
        let score = silhouette_of_rows(x.view(), &labels, &rows).unwrap();
        assert_rel(
            score,
            v["silhouette"].as_f64().unwrap(),
            1e-6,
            &format!("k = {k}"),
        );
    }
}

#[test]
fn silhouette_above_max_exact_scores_a_seeded_sample() {
    let f = fixture();
    let x = scaled(&f);
    let labels = usizes(&f.reference["kmeans"]["labels"]);
    let params = SilhouetteParams {
        max_exact: 100,
        seed: 3,
    };
    let a = silhouette(x.view(), &labels, &params).unwrap();
    let b = silhouette(x.view(), &labels, &params).unwrap();
    assert_eq!(a, b);
    assert!(a.sampled && a.rows == 100);
    assert!((a.score - f.reference["kmeans"]["silhouette"].as_f64().unwrap()).abs() < 0.1);
}

#[test]
fn silhouette_of_a_single_cluster_is_undefined() {
    let x = Array2::from_shape_fn((5, 2), |(i, j)| (i * 2 + j) as f64);
    assert!(silhouette(x.view(), &[0; 5], &SilhouetteParams::default()).is_none());
}

#[test]
fn feature_table_from_model_records_counts_orders_tickets_and_deals_and_leaves_gaps_missing() {
    use rapport::analytics::ml::CrmData;
    use rapport::model::{
        Customer, Deal, Education, LineItem, Order, OrderStatus, Priority, Ticket, DAY_MS,
    };
    use time::macros::date;
    let now = rapport::model::start_of_day(date!(2024 - 06 - 30));
    let id = |n| Uuid::from_u128(n);
    let mut ann = Customer::new(id(1), now - 100 * DAY_MS);
    ann.age = Some(40);
    ann.annual_income = Some(50_000.0);
    ann.education = Some(Education::Master);
    let mut bob = Customer::new(id(2), now - 10 * DAY_MS);
    bob.lifecycle = rapport::model::LifecycleStage::Churned;
    let mut gone = Customer::new(id(3), now);
    gone.meta.deleted_at = Some(now);
    let order = |n, date, status, price| {
        Order::new(
            id(n),
            now,
            id(1),
            date,
            status,
            vec![LineItem::new("x", 1.0, price)],
            "EUR",
        )
    };
    let orders = [
        order(10, date!(2024 - 06 - 20), OrderStatus::Order, 100.0),
        order(11, date!(2024 - 01 - 01), OrderStatus::Contract, 300.0),
        order(12, date!(2024 - 06 - 29), OrderStatus::Quote, 999.0),
    ];
    let mut t1 = Ticket::new(id(20), now, id(1), "a", "", Priority::Low);
    t1.satisfaction = Some(4);
    let t2 = Ticket::new(id(21), now, id(1), "b", "", Priority::Low);
    let mut t3 = Ticket::new(id(22), now, id(1), "c", "", Priority::Low);
    t3.satisfaction = Some(1);
    let deals = [Deal::new(id(30), now, id(2), "d", "Won", 10.0, 1.0)];
    let table = FeatureTable::build(
        CrmData {
            customers: &[ann, bob, gone],
            orders: &orders,
            tickets: &[t1, t2, t3],
            deals: &deals,
        },
        now,
    );
    assert_eq!(table.len(), 2);
    let row = |i: usize| -> Vec<f64> { Feature::ALL.iter().map(|&f| table.column(f)[i]).collect() };
    assert_eq!(
        row(0),
        [40.0, 50_000.0, 4.0, 100.0, 2.0, 400.0, 200.0, 10.0, 3.0, 2.5, 0.0]
    );
    let bob_row = row(1);
    let missing: Vec<Feature> = Feature::ALL
        .iter()
        .zip(&bob_row)
        .filter(|(_, v)| v.is_nan())
        .map(|(f, _)| *f)
        .collect();
    assert_eq!(
        missing,
        [
            Feature::Age,
            Feature::Income,
            Feature::Education,
            Feature::AverageOrder,
            Feature::DaysSinceLastOrder,
            Feature::Satisfaction
        ]
    );
    assert_eq!(table.bought_recently, [true, false]);
    assert_eq!(table.has_won_deal, [false, true]);
    let json = serde_json::to_string(&table).unwrap();
    let back: FeatureTable = serde_json::from_str(&json).unwrap();
    assert_eq!(back.column(Feature::Age)[0], 40.0);
    assert!(back.column(Feature::Age)[1].is_nan());
}

#[test]
fn pca_explained_variance_and_ratio_match_sklearn() {
    let f = fixture();
    let r = &f.reference["pca"];
    let x = scaled(&f);
    let p = rapport::analytics::ml::pca::project_2d(x.view()).unwrap();
    assert_all_rel(
        &p.explained_variance,
        &floats(&r["explained_variance"]),
        1e-6,
        "variance",
    );
    assert_all_rel(
        &p.explained_variance_ratio,
        &floats(&r["explained_variance_ratio"]),
        1e-6,
        "ratio",
    );
    for (a, e) in p.components.iter().zip(matrix(&r["components"])) {
        for (a, e) in a.iter().zip(e) {
            assert!((a - e).abs() < 1e-5, "loading {a} vs {e}");
        }
    }
    for (a, e) in p.points.iter().zip(matrix(&r["first_rows"])) {
        assert!(
            (a[0] - e[0]).abs() < 1e-5 && (a[1] - e[1]).abs() < 1e-5,
            "{a:?} vs {e:?}"
        );
    }
}

#[test]
fn segment_profiles_match_pandas_groupby_mean_skipping_missing_income() {
    use rapport::analytics::ml::segment::profiles;
    let f = fixture();
    let r = &f.reference;
    let labels = usizes(&r["kmeans"]["labels"]);
    let rows: Vec<usize> = (0..300).collect();
    let p = profiles(&f.table, &rows, &labels, 4);
    let sizes: Vec<usize> = p.iter().map(|s| s.size).collect();
    assert_eq!(sizes, usizes(&r["profile"]["sizes"]));
    for (seg, expected) in p.iter().zip(matrix(&r["profile"]["means"])) {
        let got: Vec<f64> = FEATURES
            .iter()
            .map(|f| seg.means[f.index()].unwrap())
            .collect();
        assert_all_rel(&got, &expected, 1e-12, "profile mean");
        assert_eq!(seg.means[Feature::Education.index()], None);
    }
}

fn same_partition(a: &[usize], b: &[usize]) -> bool {
    let mut map = std::collections::HashMap::new();
    a.iter()
        .zip(b)
        .all(|(x, y)| *map.entry(*x).or_insert(*y) == *y)
        && map.values().collect::<std::collections::HashSet<_>>().len() == map.len()
}

#[test]
fn automatic_k_picks_the_four_groups_by_silhouette_and_reports_every_k() {
    use rapport::analytics::ml::segment::{segment, KChoice, SegmentRequest};
    let f = fixture();
    let r = &f.reference["kmeans"];
    let request = SegmentRequest {
        features: FEATURES.to_vec(),
        ..SegmentRequest::default()
    };
    let mut steps = Vec::new();
    let s = segment(&f.table, &request, &mut |p| {
        steps.push(p);
        true
    })
    .unwrap();
    assert_eq!(s.k, 4);
    assert_eq!(
        s.k_scores.iter().map(|k| k.k).collect::<Vec<_>>(),
        (2..=10).collect::<Vec<_>>()
    );
    assert!(same_partition(&s.labels, &usizes(&r["labels"])));
    assert_rel(s.inertia, r["inertia"].as_f64().unwrap(), 1e-6, "inertia");
    assert_rel(
        s.silhouette.unwrap().score,
        r["silhouette"].as_f64().unwrap(),
        1e-6,
        "silhouette",
    );
    let sizes: Vec<usize> = s.profiles.iter().map(|p| p.size).collect();
    assert!(
        sizes.windows(2).all(|w| w[0] >= w[1]),
        "largest first: {sizes:?}"
    );
    assert_eq!(s.missing.imputed[0].missing, 22);
    assert_eq!(s.projection.points.len(), 300);
    assert!(
        steps
            .iter()
            .filter(|p| p.stage == rapport::analytics::ml::Stage::ChoosingK)
            .count()
            == 9
    );
    let json = serde_json::to_string(&s).unwrap();
    let back: rapport::analytics::ml::segment::Segmentation = serde_json::from_str(&json).unwrap();
    assert_eq!(back.labels, s.labels);

    let fixed = SegmentRequest {
        k: KChoice::Fixed(4),
        ..request
    };
    let again = segment(&f.table, &fixed, &mut no_progress).unwrap();
    assert_eq!(again.labels, s.labels);
}

#[test]
fn too_few_complete_customers_for_k_is_a_sentence() {
    use rapport::analytics::ml::segment::{segment, KChoice, SegmentRequest};
    let ids = (0..3).map(Uuid::from_u128).collect();
    let table = FeatureTable::from_columns(ids, vec![vec![30.0, 40.0, 50.0]]);
    let request = SegmentRequest {
        features: vec![Feature::Age],
        k: KChoice::Fixed(5),
        ..SegmentRequest::default()
    };
    let err = segment(&table, &request, &mut no_progress).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Too few customers with complete data (3) for 5 segments."
    );
    let none = SegmentRequest::default();
    assert_eq!(
        segment(&table, &none, &mut no_progress)
            .unwrap_err()
            .to_string(),
        "Choose at least one feature."
    );
}
