//! Analytics → Predict: a numeric target by linear regression, a yes/no
//! target by logistic regression (propensity, shown as the Customers
//! list's Likelihood column), or a category by a decision tree — each with
//! a held-out test part, honest metrics, charts and an explanation of what
//! drives the prediction.

use super::segments::{capitalised, count_missing, number, FeaturePicker, MissingChoice};
use crate::analytics::ml::linear::{LinearReport, LinearRequest};
use crate::analytics::ml::logistic::{BinaryTarget, LogisticRequest};
use crate::analytics::ml::tree::{ClassTarget, TreeReport, TreeRequest};
use crate::analytics::ml::{Feature, MissingHandling, MissingPolicy, MissingReport};
use crate::charts::{LineChart, ScatterChart, Series};
use crate::jobs::predict::Propensity;
use crate::jobs::{LinearJob, PropensityJob, TreeJob};
use crate::ui::components::{thousands, Chart, ChartSpec};
use crate::ui::components::{JobProgress, JobState};
use crate::ui::state::AppState;
use leptos::prelude::*;
use rapport_core::i18n::analytics as t;

/// Which kind of model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Model {
    Linear,
    Propensity,
    Tree,
}

/// A model's result.
#[derive(Debug, Clone)]
enum Outcome {
    Linear(LinearReport),
    Propensity(Propensity),
    Tree(TreeReport),
}

fn percent(v: Option<f64>) -> String {
    v.map_or("–".into(), |v| format!("{:.1} %", v * 100.0))
}

/// The Predict panel.
#[component]
pub fn PredictPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = RwSignal::new(Model::Propensity);
    let numeric_target = RwSignal::new(Feature::TotalSpent);
    let binary_target = RwSignal::new(BinaryTarget::BoughtRecently);
    let class_target = RwSignal::new(ClassTarget::Lifecycle);
    let features = RwSignal::new(vec![
        Feature::Age,
        Feature::Income,
        Feature::TenureDays,
        Feature::Orders,
        Feature::Tickets,
    ]);
    let policy = RwSignal::new(MissingPolicy::Impute);
    let threshold = RwSignal::new(0.5_f64);
    let report = RwSignal::new(None::<MissingReport>);
    let counting = JobState::new();
    let fitting = JobState::new();
    let outcome = RwSignal::new(None::<Outcome>);

    count_missing(state, features, report, counting);
    on_cleanup(move || fitting.cancel());

    let fit = move |_| {
        let chosen = features.get_untracked();
        let missing = MissingHandling::all(policy.get_untracked());
        outcome.set(None);
        match model.get_untracked() {
            Model::Linear => {
                let request = LinearRequest {
                    target: numeric_target.get_untracked(),
                    features: chosen,
                    missing,
                    ..LinearRequest::default()
                };
                fitting.run::<LinearJob>(request, move |r: LinearReport| {
                    outcome.set(Some(Outcome::Linear(r)))
                });
            }
            Model::Propensity => {
                let request = LogisticRequest {
                    target: binary_target.get_untracked(),
                    features: chosen,
                    missing,
                    threshold: threshold.get_untracked(),
                    ..LogisticRequest::default()
                };
                fitting.run::<PropensityJob>(request, move |mut r: Propensity| {
                    let changes = std::mem::take(&mut r.changes);
                    let scores = r.scores.clone();
                    outcome.set(Some(Outcome::Propensity(r)));
                    // Kept through the one write path (Undo, other tabs told).
                    leptos::task::spawn_local(async move {
                        match state.apply(changes, true).await {
                            Ok(()) => {
                                state.set_likelihoods(&scores);
                                state.toast(t::likelihood_saved(thousands(scores.len())));
                            }
                            Err(e) => state.toast_error(e.user_message()),
                        }
                    });
                });
            }
            Model::Tree => {
                let request = TreeRequest {
                    target: class_target.get_untracked(),
                    features: chosen,
                    missing,
                    ..TreeRequest::default()
                };
                fitting.run::<TreeJob>(request, move |r: TreeReport| {
                    outcome.set(Some(Outcome::Tree(r)))
                });
            }
        }
    };

    let target_select = move || {
        match model.get() {
        Model::Linear => view! {
            <select aria-label=t::target() on:change=move |ev| {
                let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                numeric_target.set(Feature::ALL[i.min(Feature::ALL.len() - 1)]);
            }>
                {Feature::ALL.iter().enumerate().map(|(i, f)| view! {
                    <option value=i.to_string() selected=*f == numeric_target.get_untracked()>{capitalised(f.label())}</option>
                }).collect_view()}
            </select>
        }.into_any(),
        Model::Propensity => view! {
            <select aria-label=t::target() on:change=move |ev| {
                let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                binary_target.set(BinaryTarget::ALL[i.min(BinaryTarget::ALL.len() - 1)]);
            }>
                {BinaryTarget::ALL.iter().enumerate().map(|(i, target)| view! {
                    <option value=i.to_string() selected=*target == binary_target.get_untracked()>{t::will_the_customer(target.display().to_string())}</option>
                }).collect_view()}
            </select>
        }.into_any(),
        Model::Tree => view! {
            <select aria-label=t::target() on:change=move |ev| class_target.set(if event_target_value(&ev) == "segment" { ClassTarget::Segment } else { ClassTarget::Lifecycle })>
                <option value="lifecycle" selected=move || class_target.get() == ClassTarget::Lifecycle>{t::lifecycle_stage()}</option>
                <option value="segment" selected=move || class_target.get() == ClassTarget::Segment>{t::segment()}</option>
            </select>
        }.into_any(),
    }
    };

    view! {
        <section class="card">
            <h2>{t::predict()}</h2>
            <p class="muted">{t::predict_intro()}</p>
            <fieldset class="choices">
                <legend>{t::model()}</legend>
                <label><input type="radio" name="model" checked=move || model.get() == Model::Propensity on:change=move |_| model.set(Model::Propensity)/>" "{t::model_propensity()}</label>
                <label><input type="radio" name="model" checked=move || model.get() == Model::Linear on:change=move |_| model.set(Model::Linear)/>" "{t::model_linear()}</label>
                <label><input type="radio" name="model" checked=move || model.get() == Model::Tree on:change=move |_| model.set(Model::Tree)/>" "{t::model_tree()}</label>
            </fieldset>
            <div class="toolbar">
                <label class="field-inline">{t::target()}" " {target_select}</label>
                <Show when=move || model.get() == Model::Propensity>
                    <label class="field-inline">
                        {t::threshold()}" "
                        <input type="number" min="0.05" max="0.95" step="0.05" aria-label=t::threshold()
                            prop:value=move || threshold.get().to_string()
                            on:change=move |ev| threshold.set(event_target_value(&ev).parse::<f64>().unwrap_or(0.5).clamp(0.01, 0.99))/>
                    </label>
                </Show>
            </div>
            <FeaturePicker chosen=features legend=t::predict_from()/>
            <MissingChoice report=report policy=policy/>
            <div class="toolbar">
                <button type="button" class="primary" on:click=fit disabled=move || fitting.running.get() || features.with(Vec::is_empty)>{t::fit_model()}</button>
            </div>
            <JobProgress job=fitting label=t::fitting_progress()/>
        </section>
        {move || outcome.get().map(|o| match o {
            Outcome::Linear(r) => linear_view(r).into_any(),
            Outcome::Propensity(r) => propensity_view(r).into_any(),
            Outcome::Tree(r) => tree_view(r).into_any(),
        })}
    }
}

fn linear_view(r: LinearReport) -> impl IntoView {
    let target = capitalised(r.target.label());
    let actual_vs_predicted = ChartSpec::Scatter(ScatterChart {
        title: t::predicted_against_actual().into(),
        x_label: t::actual_axis(r.target.label().to_string()),
        y_label: t::predicted_axis(r.target.label().to_string()),
        groups: vec![Series::new(
            t::customers(),
            r.points.iter().map(|p| (p.actual, p.predicted)).collect(),
        )],
        reference: {
            let lo = r
                .points
                .iter()
                .map(|p| p.actual.min(p.predicted))
                .fold(f64::INFINITY, f64::min);
            let hi = r
                .points
                .iter()
                .map(|p| p.actual.max(p.predicted))
                .fold(f64::NEG_INFINITY, f64::max);
            lo.is_finite().then_some(((lo, lo), (hi, hi)))
        },
    });
    let residuals = ChartSpec::Scatter(ScatterChart {
        title: t::residuals_title().into(),
        x_label: t::predicted_axis(r.target.label().to_string()),
        y_label: t::residual().into(),
        groups: vec![Series::new(
            t::customers(),
            r.points
                .iter()
                .map(|p| (p.predicted, p.actual - p.predicted))
                .collect(),
        )],
        reference: {
            let lo = r
                .points
                .iter()
                .map(|p| p.predicted)
                .fold(f64::INFINITY, f64::min);
            let hi = r
                .points
                .iter()
                .map(|p| p.predicted)
                .fold(f64::NEG_INFINITY, f64::max);
            lo.is_finite().then_some(((lo, 0.0), (hi, 0.0)))
        },
    });
    view! {
        <section class="card">
            <h2>{t::linear_heading(target)}</h2>
            <div class="kpis">
                <div class="kpi"><span class="kpi-label">{t::r2_test()}</span><span class="kpi-value">{format!("{:.3}", r.test.r2)}</span></div>
                <div class="kpi"><span class="kpi-label">{t::mean_absolute_error()}</span><span class="kpi-value">{number(r.test.mae)}</span></div>
                <div class="kpi"><span class="kpi-label">{t::mean_squared_error()}</span><span class="kpi-value">{number(r.test.mse)}</span></div>
                <div class="kpi"><span class="kpi-label">{t::customers_train_test()}</span><span class="kpi-value">{format!("{} / {}", thousands(r.train_rows), thousands(r.test_rows))}</span></div>
            </div>
            <table class="data">
                <caption>{t::coefficients(number(r.intercept))}</caption>
                <thead><tr><th scope="col">{t::feature()}</th><th scope="col" class="num">{t::per_unit()}</th><th scope="col" class="num">{t::standardised()}</th></tr></thead>
                <tbody>
                    {r.coefficients.iter().map(|c| view! {
                        <tr><td>{capitalised(c.feature.label())}</td><td class="num">{format!("{:.4}", c.raw)}</td><td class="num">{format!("{:.3}", c.standardised)}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <div class="chart-grid">
                <div class="chart-card"><Chart spec=Signal::stored(actual_vs_predicted)/></div>
                <div class="chart-card"><Chart spec=Signal::stored(residuals)/></div>
            </div>
        </section>
    }
}

fn propensity_view(p: Propensity) -> impl IntoView {
    let r = p.report;
    let roc = ChartSpec::Lines(LineChart {
        title: t::roc_title(r.auc.map_or("–".into(), |a| format!("{a:.3}"))),
        x_label: t::false_positive_rate().into(),
        y_label: t::true_positive_rate().into(),
        series: vec![Series::new(
            t::model(),
            r.roc.iter().map(|p| (p.fpr, p.tpr)).collect(),
        )],
        reference: Some(((0.0, 0.0), (1.0, 1.0))),
        y_range: Some((0.0, 1.0)),
        ..Default::default()
    });
    let mut drivers = r.coefficients.clone();
    drivers.sort_by(|a, b| b.per_sd.abs().total_cmp(&a.per_sd.abs()));
    view! {
        <section class="card">
            <h2>{t::propensity_heading(r.target.display().to_string())}</h2>
            <div class="kpis">
                <div class="kpi"><span class="kpi-label">{t::auc_test()}</span><span class="kpi-value">{r.auc.map_or("–".into(), |a| format!("{a:.3}"))}</span></div>
                <div class="kpi"><span class="kpi-label">{t::accuracy_at(format!("{:.2}", r.test.threshold))}</span><span class="kpi-value">{percent(Some(r.test.accuracy))}</span></div>
                <div class="kpi"><span class="kpi-label">{t::precision()}</span><span class="kpi-value">{percent(r.test.precision)}</span></div>
                <div class="kpi"><span class="kpi-label">{t::recall()}</span><span class="kpi-value">{percent(r.test.recall)}</span></div>
                <div class="kpi"><span class="kpi-label">{t::base_rate()}</span><span class="kpi-value">{percent(Some(r.base_rate))}</span></div>
            </div>
            <div class="chart-grid">
                <div class="chart-card"><Chart spec=Signal::stored(roc)/></div>
                <div>
                    <table class="data">
                        <caption>{t::drivers_caption()}</caption>
                        <thead><tr><th scope="col">{t::feature()}</th><th scope="col" class="num">{t::odds_per_sd()}</th><th scope="col">{t::effect()}</th></tr></thead>
                        <tbody>
                            {drivers.iter().map(|c| view! {
                                <tr>
                                    <td>{capitalised(c.feature.label())}</td>
                                    <td class="num">{format!("{:.2}", c.odds_ratio_per_sd)}</td>
                                    <td>{if c.per_sd > 0.0 { t::raises_likelihood() } else { t::lowers_likelihood() }}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <p class="muted small">{t::trained_on(thousands(r.train_rows), thousands(r.test_rows))}</p>
                </div>
            </div>
        </section>
    }
}

fn tree_view(r: TreeReport) -> impl IntoView {
    let labels = r.confusion.labels.clone();
    view! {
        <section class="card">
            <h2>{t::decision_tree()}</h2>
            <div class="kpis">
                <div class="kpi"><span class="kpi-label">{t::accuracy_test()}</span><span class="kpi-value">{percent(Some(r.accuracy))}</span></div>
                <div class="kpi"><span class="kpi-label">{t::accuracy_train()}</span><span class="kpi-value">{percent(Some(r.train_accuracy))}</span></div>
                <div class="kpi"><span class="kpi-label">{t::customers_train_test()}</span><span class="kpi-value">{format!("{} / {}", thousands(r.train_rows), thousands(r.test_rows))}</span></div>
            </div>
            <div class="table-scroll">
                <table class="data confusion">
                    <caption>{t::confusion_caption()}</caption>
                    <thead><tr><th scope="col">{t::confusion_corner()}</th>{labels.iter().map(|l| view! { <th scope="col" class="num">{l.clone()}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {r.confusion.counts.iter().enumerate().map(|(i, row)| view! {
                            <tr>
                                <th scope="row">{labels.get(i).cloned().unwrap_or_default()}</th>
                                {row.iter().enumerate().map(|(j, n)| view! { <td class=if i == j { "num diagonal" } else { "num" }>{thousands(*n)}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h3>{t::rules()}</h3>
            <ol class="rules">
                {r.rules.iter().map(|rule| view! { <li><code>{rule.text.clone()}</code></li> }).collect_view()}
            </ol>
        </section>
    }
}
