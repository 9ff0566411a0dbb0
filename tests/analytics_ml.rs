//! `analytics::ml` against scikit-learn: the fixture and the reference
//! values come from `tests/fixtures/analytics/make_reference.py` (300
//! customers, 5 features in 4 groups, income missing for 22).

use ndarray::{Array2, ArrayView2};
use rapport::analytics::ml::k_means::{self, Engine, KMeansInit, KMeansParams};
use rapport::analytics::ml::prepare::{self, missing_report, MissingHandling, StandardScaler};
use rapport::analytics::ml::silhouette::{silhouette, silhouette_of_rows, SilhouetteParams};
use rapport::analytics::ml::{no_progress, Feature, FeatureTable, MissingPolicy};
use rapport::model::Uuid;
use serde_json::Value;

const DIR: &str = "tests/fixtures/analytics";
const FEATURES: [Feature; 5] = [
    Feature::Age,
    Feature::Income,
    Feature::TenureDays,
    Feature::Orders,
    Feature::TotalSpent,
];

struct Fixture {
    table: FeatureTable,
    y_num: Vec<f64>,
    y_bin: Vec<bool>,
    y_cls: Vec<usize>,
    reference: Value,
}

fn fixture() -> Fixture {
    let mut reader = csv::Reader::from_path(format!("{DIR}/customers.csv")).unwrap();
    let mut cols = vec![Vec::new(); 5];
    let (mut y_num, mut y_bin, mut y_cls) = (Vec::new(), Vec::new(), Vec::new());
    for rec in reader.records() {
        let rec = rec.unwrap();
        for (j, col) in cols.iter_mut().enumerate() {
            col.push(rec[j].parse().unwrap_or(f64::NAN));
        }
        y_num.push(rec[5].parse().unwrap());
        y_bin.push(&rec[6] == "1");
        y_cls.push(rec[7].parse().unwrap());
    }
    let n = y_num.len();
    let mut columns = vec![vec![f64::NAN; n]; Feature::ALL.len()];
    for (f, col) in FEATURES.iter().zip(cols) {
        columns[f.index()] = col;
    }
    let ids = (0..n as u128).map(Uuid::from_u128).collect();
    let reference =
        serde_json::from_str(&std::fs::read_to_string(format!("{DIR}/reference.json")).unwrap())
            .unwrap();
    Fixture {
        table: FeatureTable::from_columns(ids, columns),
        y_num,
        y_bin,
        y_cls,
        reference,
    }
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

fn usizes(v: &Value) -> Vec<usize> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap() as usize)
        .collect()
}

fn matrix(v: &Value) -> Vec<Vec<f64>> {
    v.as_array().unwrap().iter().map(floats).collect()
}

fn assert_rel(actual: f64, expected: f64, tol: f64, what: &str) {
    let err = (actual - expected).abs() / expected.abs().max(1.0);
    assert!(
        err <= tol,
        "{what}: {actual} vs {expected} (relative {err:e})"
    );
}

fn assert_all_rel(actual: &[f64], expected: &[f64], tol: f64, what: &str) {
    assert_eq!(actual.len(), expected.len(), "{what}: length");
    for (i, (a, e)) in actual.iter().zip(expected).enumerate() {
        assert_rel(*a, *e, tol, &format!("{what}[{i}]"));
    }
}

/// The imputed, standardised matrix scikit-learn clusters.
fn scaled(f: &Fixture) -> Array2<f64> {
    let p = prepare::prepare(
        &f.table,
        &FEATURES,
        &MissingHandling::all(MissingPolicy::Impute),
        |_| true,
    )
    .unwrap();
    StandardScaler::fit(p.x.view()).transform(p.x.view())
}

fn init_centroids(x: ArrayView2<f64>, rows: &[usize]) -> KMeansInit {
    KMeansInit::Precomputed(rows.iter().map(|&r| x.row(r).to_vec()).collect())
}

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

/// Rows of the reference's fixed split (every 4th row is a test row).
fn split_rows(f: &Fixture) -> (Vec<usize>, Vec<usize>) {
    let test = usizes(&f.reference["split"]["test"]);
    let train = (0..300).filter(|i| !test.contains(i)).collect();
    (train, test)
}

fn imputed(f: &Fixture) -> Array2<f64> {
    prepare::prepare(&f.table, &FEATURES, &MissingHandling::default(), |_| true)
        .unwrap()
        .x
}

fn linear_matches_sklearn(engine: Engine) {
    use rapport::analytics::ml::linear::{fit_linear, regression_metrics};
    let f = fixture();
    let r = &f.reference["linear"];
    let x = imputed(&f);
    let (train, test) = split_rows(&f);
    let y_train: Vec<f64> = train.iter().map(|&i| f.y_num[i]).collect();
    let y_test: Vec<f64> = test.iter().map(|&i| f.y_num[i]).collect();
    let fit = fit_linear(
        x.select(ndarray::Axis(0), &train).view(),
        ndarray::ArrayView1::from(&y_train),
        engine,
    )
    .unwrap();
    assert_all_rel(&fit.coefficients, &floats(&r["coef"]), 1e-6, "coef");
    assert_rel(
        fit.intercept,
        r["intercept"].as_f64().unwrap(),
        1e-6,
        "intercept",
    );
    let m = regression_metrics(
        &y_test,
        &fit.predict(x.select(ndarray::Axis(0), &test).view()),
    );
    assert_rel(m.r2, r["r2"].as_f64().unwrap(), 1e-6, "r2");
    assert_rel(m.mse, r["mse"].as_f64().unwrap(), 1e-6, "mse");
    assert_rel(m.mae, r["mae"].as_f64().unwrap(), 1e-6, "mae");
}

#[test]
fn fast_linear_regression_matches_sklearn_coefficients_and_r2() {
    linear_matches_sklearn(Engine::Fast);
}

#[test]
fn linfa_linear_regression_matches_sklearn_coefficients_and_r2() {
    linear_matches_sklearn(Engine::Linfa);
}

#[test]
fn linear_regression_report_holds_out_a_seeded_quarter_and_refuses_the_target_as_feature() {
    use rapport::analytics::ml::linear::{linear_regression, LinearRequest};
    let f = fixture();
    let mut columns = f.table.columns.clone();
    columns[Feature::Satisfaction.index()] = f.y_num.clone();
    let table = FeatureTable::from_columns(f.table.customer_ids.clone(), columns);
    let request = LinearRequest {
        target: Feature::Satisfaction,
        features: FEATURES.to_vec(),
        ..LinearRequest::default()
    };
    let a = linear_regression(&table, &request, &mut no_progress).unwrap();
    assert_eq!((a.train_rows, a.test_rows, a.points.len()), (225, 75, 75));
    assert!(a.test.r2 > 0.9, "{}", a.test.r2);
    assert_eq!(
        a,
        linear_regression(&table, &request, &mut no_progress).unwrap()
    );
    let bad = LinearRequest {
        features: vec![Feature::Satisfaction],
        ..request
    };
    assert_eq!(
        linear_regression(&table, &bad, &mut no_progress)
            .unwrap_err()
            .to_string(),
        "satisfaction is the target, so it cannot also be a feature."
    );
}

fn logistic_matches_sklearn(engine: Engine) {
    use rapport::analytics::ml::logistic::fit_logistic;
    use rapport::analytics::ml::roc::roc;
    let f = fixture();
    let r = &f.reference["logistic"];
    let x = imputed(&f);
    let (train, test) = split_rows(&f);
    let scaler = StandardScaler::fit(x.select(ndarray::Axis(0), &train).view());
    let xs = scaler.transform(x.view());
    let y_train: Vec<bool> = train.iter().map(|&i| f.y_bin[i]).collect();
    let c = r["C"].as_f64().unwrap();
    let fit = fit_logistic(
        xs.select(ndarray::Axis(0), &train).view(),
        &y_train,
        c,
        engine,
        &mut no_progress,
    )
    .unwrap();
    let probs = fit.probabilities(xs.view());
    let expected = floats(&r["proba"]);
    let worst = probs
        .iter()
        .zip(&expected)
        .map(|(a, b)| (a - b).abs())
        .fold(0.0, f64::max);
    assert!(
        worst < 1e-3,
        "{engine:?}: largest probability difference {worst:e}"
    );
    let test_probs: Vec<f64> = test.iter().map(|&i| probs[i]).collect();
    let test_y: Vec<bool> = test.iter().map(|&i| f.y_bin[i]).collect();
    let auc = roc(&test_probs, &test_y).1.unwrap();
    let want = r["auc_test"].as_f64().unwrap();
    assert_eq!(format!("{auc:.3}"), format!("{want:.3}"));
    assert!((auc - want).abs() < 1e-9, "{auc} vs {want}");
    assert_all_rel(&fit.coefficients, &floats(&r["coef"]), 1e-4, "coef");
}

#[test]
fn fast_logistic_regression_with_alpha_one_over_c_matches_sklearn_probabilities_and_auc() {
    logistic_matches_sklearn(Engine::Fast);
}

#[test]
fn linfa_logistic_regression_with_alpha_one_over_c_matches_sklearn_probabilities_and_auc() {
    logistic_matches_sklearn(Engine::Linfa);
}

#[test]
fn propensity_report_scores_every_customer_and_refuses_a_leaking_feature_or_one_class() {
    use rapport::analytics::ml::logistic::{logistic_regression, BinaryTarget, LogisticRequest};
    let f = fixture();
    let mut table = f.table.clone();
    table.bought_recently = f.y_bin.clone();
    let request = LogisticRequest {
        target: BinaryTarget::BoughtRecently,
        features: FEATURES.to_vec(),
        ..LogisticRequest::default()
    };
    let report = logistic_regression(&table, &request, &mut no_progress).unwrap();
    assert_eq!(report.probabilities.len(), 300);
    assert_eq!(report.probabilities.iter().filter(|p| p.test).count(), 75);
    assert!(report.auc.unwrap() > 0.7);
    let c = report.test.confusion;
    assert_eq!(
        c.true_positive + c.false_positive + c.true_negative + c.false_negative,
        75
    );
    let json = serde_json::to_string(&report).unwrap();
    let back: rapport::analytics::ml::logistic::LogisticReport =
        serde_json::from_str(&json).unwrap();
    assert_eq!(back.probabilities.len(), 300);
    assert_eq!(back.test.confusion, report.test.confusion);

    let leaking = LogisticRequest {
        features: vec![Feature::Age, Feature::DaysSinceLastOrder],
        ..request.clone()
    };
    assert_eq!(
        logistic_regression(&table, &leaking, &mut no_progress).unwrap_err().to_string(),
        "days since last order gives away whether bought in the last 90 days; leave it out of the features."
    );
    let churn = LogisticRequest {
        target: BinaryTarget::Churned,
        ..request
    };
    assert_eq!(
        logistic_regression(&table, &churn, &mut no_progress)
            .unwrap_err()
            .to_string(),
        "The target has only one class in the training data."
    );
}

#[test]
fn decision_tree_separates_the_separable_classes_like_sklearn() {
    use rapport::analytics::ml::tree::Tree;
    let f = fixture();
    let r = &f.reference["tree"];
    let x = imputed(&f);
    let (train, test) = split_rows(&f);
    let y_train: Vec<usize> = train.iter().map(|&i| f.y_cls[i]).collect();
    let y_test: Vec<usize> = test.iter().map(|&i| f.y_cls[i]).collect();
    let tree = Tree::fit(x.select(ndarray::Axis(0), &train).view(), &y_train, 3, 1).unwrap();
    let accuracy = |rows: &[usize], y: &[usize]| {
        let p = tree.predict(x.select(ndarray::Axis(0), rows).view());
        p.iter().zip(y).filter(|(a, b)| a == b).count() as f64 / y.len() as f64
    };
    assert_eq!(
        accuracy(&train, &y_train),
        r["train_accuracy"].as_f64().unwrap()
    );
    assert_eq!(
        accuracy(&test, &y_test),
        r["test_accuracy"].as_f64().unwrap()
    );
}

#[test]
fn lifecycle_tree_report_reads_as_rules_with_counts_and_a_confusion_matrix() {
    use rapport::analytics::ml::tree::{decision_tree, TreeRequest};
    use rapport::model::LifecycleStage;
    let f = fixture();
    let mut table = f.table.clone();
    let stage = [
        LifecycleStage::Lead,
        LifecycleStage::Customer,
        LifecycleStage::Churned,
    ];
    table.lifecycle = f.y_cls.iter().map(|&c| stage[c]).collect();
    let request = TreeRequest {
        features: FEATURES.to_vec(),
        ..TreeRequest::default()
    };
    let report = decision_tree(&table, &request, &mut no_progress).unwrap();
    assert_eq!(report.confusion.labels, ["Lead", "Customer", "Churned"]);
    let total: usize = report.confusion.counts.iter().flatten().sum();
    assert_eq!(total, report.test_rows);
    assert!(report.accuracy > 0.95, "{}", report.accuracy);
    assert_eq!(
        report.rules.iter().map(|r| r.customers).sum::<usize>(),
        report.train_rows
    );
    let first = &report.rules[0];
    assert!(first.text.starts_with("if "), "{}", first.text);
    assert!(first.text.contains("days as customer"), "{}", first.text);
    assert!(
        first
            .text
            .ends_with(&format!("({} customers, 100 %)", first.customers)),
        "{}",
        first.text
    );
    for rule in &report.rules {
        println!("{}", rule.text);
    }
}
