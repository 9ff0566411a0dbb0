//! Analytics → Ticket topics: the tickets' texts clustered (spherical
//! k-means on TF-IDF, in the worker) into topics named by their top terms,
//! with the tickets per topic per month. The Tickets list filters by the
//! same topics.

use crate::ui::base_path::app_href;
use crate::ui::components::{thousands, Chart, JobProgress, JobState};
use crate::ui::pages::text_charts::topics_per_month;
use crate::ui::pages::tickets::find_topics;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// The Ticket topics panel.
#[component]
pub fn TopicsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let job = JobState::new();
    find_topics(state, job);
    view! {
        <section class="card" aria-labelledby="topics-heading">
            <h2 id="topics-heading">"Ticket topics"</h2>
            <p class="muted">"Tickets grouped by the words they share (TF-IDF and spherical k-means, in English and Chinese), each topic named by its most telling words."</p>
            <label class="field-inline">
                "Number of topics "
                <select aria-label="Number of topics" on:change=move |ev| {
                    state.topic_count.set(event_target_value(&ev).parse().unwrap_or(0));
                }>
                    <option value="0" selected=move || state.topic_count.get() == 0>"Automatic"</option>
                    {(2usize..=12).map(|k| view! {
                        <option value=k.to_string() selected=move || state.topic_count.get() == k>{k.to_string()}</option>
                    }).collect_view()}
                </select>
            </label>
            <JobProgress job=job label="Finding ticket topics"/>
            {move || state.topics.get().map(|report| view! {
                <Chart spec=Signal::stored(topics_per_month(&report))/>
                <table class="data" aria-label="Topics">
                    <thead><tr><th>"Topic"</th><th>"Top words"</th><th class="num">"Tickets"</th></tr></thead>
                    <tbody>
                        {report.topics.iter().map(|t| view! {
                            <tr>
                                <td>{t.name.clone()}</td>
                                <td>{t.terms.join(", ")}</td>
                                <td class="num">{thousands(t.size)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <p><a href=app_href("/tickets")>"Filter the tickets by topic"</a></p>
            })}
        </section>
    }
}
