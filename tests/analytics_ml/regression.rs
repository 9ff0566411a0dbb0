//! Linear and logistic regression and decision trees against scikit-learn.

use super::*;

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

/// The first split of a fitted tree as (feature, threshold).
fn root_split(tree: &rapport::analytics::ml::tree::Tree) -> (usize, f64) {
    let (feature, threshold, _) = tree.root().split();
    (feature, threshold)
}

/// Whether our threshold is scikit-learn's: it stores thresholds as `f32`,
/// so they agree to `f32` precision.
fn same_threshold(ours: f64, sklearn: f64) -> bool {
    (ours - sklearn).abs() <= 1e-6 * sklearn.abs().max(1.0)
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
    let x_train = x.select(ndarray::Axis(0), &train);
    let x_test = x.select(ndarray::Axis(0), &test);
    let accuracy = |predicted: &[usize], y: &[usize]| {
        predicted.iter().zip(y).filter(|(a, b)| a == b).count() as f64 / y.len() as f64
    };

    // Depth 3: the same first split and the same class for every test row.
    let tree = Tree::fit(x_train.view(), &y_train, 3, 1).unwrap();
    let (feature, threshold) = root_split(&tree);
    assert_eq!(feature, r["root_feature"].as_u64().unwrap() as usize);
    let sk_threshold = r["root_threshold"].as_f64().unwrap();
    assert!(
        same_threshold(threshold, sk_threshold),
        "first split at {threshold}, scikit-learn's at {sk_threshold}"
    );
    let predicted = tree.predict(x_test.view());
    assert_eq!(predicted, usizes(&r["test_predictions"]));
    assert_eq!(
        accuracy(&tree.predict(x_train.view()), &y_train),
        r["train_accuracy"].as_f64().unwrap()
    );
    assert_eq!(
        accuracy(&predicted, &y_test),
        r["test_accuracy"].as_f64().unwrap()
    );

    // A stump cannot separate three classes: its accuracy is below 1, and
    // which rows it gets wrong depends on the split and the leaves' classes.
    let s = &r["stump"];
    let stump = Tree::fit(x_train.view(), &y_train, 1, 1).unwrap();
    let (feature, threshold) = root_split(&stump);
    assert_eq!(feature, s["feature"].as_u64().unwrap() as usize);
    let sk_threshold = s["threshold"].as_f64().unwrap();
    assert!(
        same_threshold(threshold, sk_threshold),
        "stump splits at {threshold}, scikit-learn's at {sk_threshold}"
    );
    let predicted = stump.predict(x_test.view());
    assert_eq!(predicted, usizes(&s["test_predictions"]));
    let sk_test_accuracy = s["test_accuracy"].as_f64().unwrap();
    assert!(sk_test_accuracy < 1.0);
    assert_eq!(accuracy(&predicted, &y_test), sk_test_accuracy);
    assert_eq!(
        accuracy(&stump.predict(x_train.view()), &y_train),
        s["train_accuracy"].as_f64().unwrap()
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
