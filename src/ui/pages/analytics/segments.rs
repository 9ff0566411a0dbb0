//! Analytics → Segments: choose features and how to treat missing values
//! (with the number of customers each choice affects), run k-means in the
//! worker with k fixed or chosen by silhouette, see the choice of k, a 2-D
//! PCA projection coloured by segment and a profile per segment, then name
//! the segments and save them onto the customers.

use crate::analytics::ml::segment::{KChoice, SegmentRequest, DEFAULT_FEATURES};
use crate::analytics::ml::{Feature, MissingHandling, MissingPolicy, MissingReport};
use crate::charts::{LineChart, ScatterChart, Series};
use crate::jobs::analyses::{MissingInput, SaveSegmentsInput, SavedSegments, SegmentSummary};
use crate::jobs::{MissingJob, SaveSegmentsJob, SegmentJob};
use crate::ui::components::{thousands, Chart, ChartSpec};
use crate::ui::components::{JobProgress, JobState};
use crate::ui::state::AppState;
use leptos::prelude::*;
use rapport_core::i18n::analytics as t;

pub(super) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

pub(super) fn number(v: f64) -> String {
    if v.abs() >= 100.0 {
        thousands(v.round().abs() as usize)
    } else {
        format!("{v:.1}")
    }
}

/// The feature checkboxes.
#[component]
pub fn FeaturePicker(chosen: RwSignal<Vec<Feature>>, legend: &'static str) -> impl IntoView {
    view! {
        <fieldset class="choices features">
            <legend>{legend}</legend>
            {Feature::ALL.into_iter().map(|f| view! {
                <label>
                    <input
                        type="checkbox"
                        checked=move || chosen.with(|c| c.contains(&f))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            chosen.update(|c| {
                                c.retain(|x| *x != f);
                                if on {
                                    c.push(f);
                                    c.sort();
                                }
                            });
                        }
                    />
                    " " {capitalised(f.label())}
                </label>
            }).collect_view()}
        </fieldset>
    }
}

/// Keeps `report` current: recounts (in the worker) the customers lacking
/// each chosen feature whenever the choice or the data changes.
pub fn count_missing(
    state: AppState,
    features: RwSignal<Vec<Feature>>,
    report: RwSignal<Option<MissingReport>>,
    counting: JobState,
) {
    Effect::new(move |_| {
        let chosen = features.get();
        state.revision.track();
        report.set(None);
        counting.run::<MissingJob>(
            MissingInput { features: chosen },
            move |r: MissingReport| report.set(Some(r)),
        );
    });
    on_cleanup(move || counting.cancel());
}

/// How many customers lack the chosen features, and the two choices.
#[component]
pub fn MissingChoice(
    report: RwSignal<Option<MissingReport>>,
    policy: RwSignal<MissingPolicy>,
) -> impl IntoView {
    let lacking = move || {
        report.with(|r| {
            r.as_ref().map(|r| {
                r.per_feature
                    .iter()
                    .filter(|f| f.missing > 0)
                    .map(|f| {
                        let (count, feature) =
                            (thousands(f.missing), f.feature.label().to_string());
                        match f.median {
                            Some(m) => t::lacking_with_median(count, feature, number(m)),
                            None => t::lacking(count, feature),
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <fieldset class="choices">
            <legend>{t::missing_values()}</legend>
            <p class="muted small">{move || match (report.get(), lacking()) {
                (Some(r), Some(l)) if !l.is_empty() => t::some_lack(thousands(r.incomplete), thousands(r.rows), l.join(t::list_separator())),
                (Some(r), _) => t::all_have(thousands(r.rows)),
                _ => t::counting_missing().to_string(),
            }}</p>
            <label>
                <input type="radio" name="missing" checked=move || policy.get() == MissingPolicy::Impute on:change=move |_| policy.set(MissingPolicy::Impute)/>
                " "{move || t::impute(report.get().map(|r| thousands(r.rows)).unwrap_or_default())}
            </label>
            <label>
                <input type="radio" name="missing" checked=move || policy.get() == MissingPolicy::Exclude on:change=move |_| policy.set(MissingPolicy::Exclude)/>
                " "{move || t::exclude(report.get().map(|r| thousands(r.complete)).unwrap_or_default())}
            </label>
        </fieldset>
    }
}

fn k_charts(summary: &SegmentSummary) -> Option<(ChartSpec, ChartSpec)> {
    if summary.k_scores.len() < 2 {
        return None;
    }
    let silhouette = summary
        .k_scores
        .iter()
        .filter_map(|s| s.silhouette.map(|v| (s.k as f64, v)))
        .collect();
    let inertia = summary
        .k_scores
        .iter()
        .map(|s| (s.k as f64, s.inertia))
        .collect();
    let chart = |title: &str, y: &str, points| {
        ChartSpec::Lines(LineChart {
            title: title.into(),
            x_label: t::k_axis().into(),
            y_label: y.into(),
            series: vec![Series::new(y, points)],
            ..Default::default()
        })
    };
    Some((
        chart(t::silhouette_by_k(), t::silhouette(), silhouette),
        chart(t::inertia_by_k(), t::inertia(), inertia),
    ))
}

fn projection_chart(summary: &SegmentSummary, names: &[String]) -> ChartSpec {
    let ratio = |i: usize| {
        summary
            .explained_variance_ratio
            .get(i)
            .map_or(0.0, |r| r * 100.0)
    };
    ChartSpec::Scatter(ScatterChart {
        title: t::projection_title().into(),
        x_label: t::component_axis(1, format!("{:.0}", ratio(0))),
        y_label: t::component_axis(2, format!("{:.0}", ratio(1))),
        groups: summary
            .points
            .iter()
            .enumerate()
            .map(|(i, p)| Series::new(names.get(i).cloned().unwrap_or_default(), p.clone()))
            .collect(),
        reference: None,
    })
}

/// What was segmented, on which features, how well, and who was left out.
fn segmented_sentence(summary: &SegmentSummary) -> String {
    let features = summary
        .features
        .iter()
        .map(|f| f.label())
        .collect::<Vec<_>>()
        .join(t::list_separator());
    let mut sentence = t::segmented_on(thousands(summary.customers), features);
    if let Some(s) = summary.silhouette {
        let score = format!("{s:.3}");
        sentence += &if summary.silhouette_sampled {
            t::silhouette_score_sampled(score)
        } else {
            t::silhouette_score(score)
        };
    }
    if summary.missing.excluded > 0 {
        sentence += &t::left_out(thousands(summary.missing.excluded));
    }
    sentence
}

/// The Segments panel.
#[component]
pub fn SegmentsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let features = RwSignal::new(DEFAULT_FEATURES.to_vec());
    let policy = RwSignal::new(MissingPolicy::Impute);
    let k_choice = RwSignal::new(0usize); // 0 = automatic
    let report = RwSignal::new(None::<MissingReport>);
    let counting = JobState::new();
    let running = JobState::new();
    let saving = JobState::new();
    let result = RwSignal::new(None::<(SegmentRequest, SegmentSummary)>);
    let names = RwSignal::new(Vec::<String>::new());

    count_missing(state, features, report, counting);
    on_cleanup(move || running.cancel());

    let request = move || SegmentRequest {
        features: features.get_untracked(),
        k: match k_choice.get_untracked() {
            0 => KChoice::Auto { min: 2, max: 10 },
            k => KChoice::Fixed(k),
        },
        missing: MissingHandling::all(policy.get_untracked()),
        ..SegmentRequest::default()
    };
    let start = move |_| {
        let request = request();
        let sent = request.clone();
        running.run::<SegmentJob>(sent, move |summary: SegmentSummary| {
            names.set((1..=summary.k).map(t::default_segment_name).collect());
            result.set(Some((request, summary)));
        });
    };
    let save = move |_| {
        let Some((request, _)) = result.get_untracked() else {
            return;
        };
        let input = SaveSegmentsInput {
            request,
            names: names.get_untracked(),
        };
        saving.run::<SaveSegmentsJob>(input, move |saved: SavedSegments| {
            leptos::task::spawn_local(async move {
                // The worker computed the batch; it is written here, through
                // the one write path (Undo, other tabs told, index updated).
                match state.apply(saved.changes, true).await {
                    Ok(()) => state.toast(t::segments_saved(
                        thousands(saved.segmented),
                        thousands(saved.changed),
                    )),
                    Err(e) => state.toast_error(e.user_message()),
                }
            });
        });
    };

    view! {
        <section class="card">
            <h2>{t::find_segments()}</h2>
            <p class="muted">{t::segments_intro()}</p>
            <FeaturePicker chosen=features legend=t::features()/>
            <MissingChoice report=report policy=policy/>
            <div class="toolbar">
                <label class="field-inline">
                    {t::segment_count()}" "
                    <select aria-label=t::number_of_segments() on:change=move |ev| k_choice.set(event_target_value(&ev).parse().unwrap_or(0))>
                        <option value="0" selected=true>{t::automatic_k()}</option>
                        {(2..=10).map(|k| view! { <option value=k.to_string()>{k}</option> }).collect_view()}
                    </select>
                </label>
                <button type="button" class="primary" on:click=start disabled=move || running.running.get() || features.with(Vec::is_empty)>{t::find_segments()}</button>
            </div>
            <JobProgress job=running label=t::segmentation_progress()/>
        </section>
        {move || result.get().map(|(_, summary)| {
            let charts = k_charts(&summary);
            let scatter = Signal::derive({
                let summary = summary.clone();
                move || names.with(|n| projection_chart(&summary, n))
            });
            view! {
                <section class="card">
                    <h2>{t::k_segments(summary.k)}</h2>
                    <p class="muted">{segmented_sentence(&summary)}</p>
                    <div class="chart-grid">
                        {charts.map(|(s, i)| view! {
                            <div class="chart-card"><Chart spec=Signal::stored(s)/></div>
                            <div class="chart-card"><Chart spec=Signal::stored(i)/></div>
                        })}
                        <div class="chart-card"><Chart spec=scatter height=360/></div>
                    </div>
                    <ProfileTable summary=summary.clone() names=names/>
                    <div class="toolbar">
                        <button type="button" class="primary" on:click=save disabled=move || saving.running.get()>{t::save_segments()}</button>
                    </div>
                    <JobProgress job=saving label=t::saving_segments()/>
                </section>
            }
        })}
    }
}

/// One row per segment: its name (editable), size and feature means.
#[component]
fn ProfileTable(summary: SegmentSummary, names: RwSignal<Vec<String>>) -> impl IntoView {
    let features = summary.features.clone();
    view! {
        <div class="table-scroll">
            <table class="data">
                <caption class="sr-only">{t::segment_profiles()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t::segment_name()}</th>
                        <th scope="col" class="num">{t::customers()}</th>
                        {features.iter().map(|f| view! { <th scope="col" class="num">{capitalised(f.label())}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {summary.profiles.iter().map(|p| {
                        let i = p.segment;
                        view! {
                            <tr>
                                <td>
                                    <input
                                        type="text"
                                        aria-label=t::name_of_segment(i + 1)
                                        prop:value=move || names.with(|n| n.get(i).cloned().unwrap_or_default())
                                        on:input=move |ev| names.update(|n| if let Some(slot) = n.get_mut(i) { *slot = event_target_value(&ev) })
                                    />
                                </td>
                                <td class="num">{format!("{} ({:.0} %)", thousands(p.size), p.share * 100.0)}</td>
                                {features.iter().map(|f| {
                                    let mean = p.means.get(f.index()).copied().flatten();
                                    view! { <td class="num">{mean.map(number).unwrap_or_else(|| "–".into())}</td> }
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
