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
use rapport_core::i18n::analytics as t;

/// The Ticket topics panel.
#[component]
pub fn TopicsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let job = JobState::new();
    find_topics(state, job);
    view! {
        <section class="card" aria-labelledby="topics-heading">
            <h2 id="topics-heading">{t::ticket_topics()}</h2>
            <p class="muted">{t::topics_intro()}</p>
            <label class="field-inline">
                {t::number_of_topics()}" "
                <select aria-label=t::number_of_topics() on:change=move |ev| {
                    state.topic_count.set(event_target_value(&ev).parse().unwrap_or(0));
                }>
                    <option value="0" selected=move || state.topic_count.get() == 0>{t::automatic()}</option>
                    {(2usize..=12).map(|k| view! {
                        <option value=k.to_string() selected=move || state.topic_count.get() == k>{k.to_string()}</option>
                    }).collect_view()}
                </select>
            </label>
            <JobProgress job=job label=t::finding_topics()/>
            {move || state.topics.get().map(|report| view! {
                <Chart spec=Signal::stored(topics_per_month(&report))/>
                <table class="data" aria-label=t::topics()>
                    <thead><tr><th>{t::topic()}</th><th>{t::top_words()}</th><th class="num">{t::tickets()}</th></tr></thead>
                    <tbody>
                        {report.topics.iter().map(|topic| view! {
                            <tr>
                                <td>{topic.name.clone()}</td>
                                <td>{topic.terms.join(t::list_separator())}</td>
                                <td class="num">{thousands(topic.size)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <p><a href=app_href("/tickets")>{t::filter_tickets_by_topic()}</a></p>
            })}
        </section>
    }
}
