//! Near-duplicate notes and tickets: pairs whose TF-IDF cosine is at least
//! the slider's value, found in the worker through the index's exact
//! candidate filter (not all pairs).

use crate::jobs::text::{NearDuplicateReport, NearDuplicatesInput};
use crate::jobs::NearDuplicatesJob;
use crate::text::TextKind;
use crate::ui::base_path::app_href;
use crate::ui::components::{day, text_path, thousands, JobProgress, JobState};
use crate::ui::state::{AppState, StoreStatus};
use leptos::prelude::*;
use rapport_core::i18n::duplicates as t;

/// Pairs listed at most.
const SHOWN: usize = 200;

/// The near-duplicate texts section.
#[component]
pub fn NearDuplicateTexts() -> impl IntoView {
    let state = expect_context::<AppState>();
    let job = JobState::new();
    let threshold = RwSignal::new(0.8f64);
    let tickets_only = RwSignal::new(false);
    let report = RwSignal::new(None::<NearDuplicateReport>);
    Effect::new(move |_| {
        let threshold = threshold.get();
        let kinds = if tickets_only.get() {
            vec![TextKind::Ticket]
        } else {
            Vec::new()
        };
        state.track(crate::store::Collection::Interactions);
        state.track(crate::store::Collection::Tickets);
        if state.status.get() != StoreStatus::Ready {
            return;
        }
        job.run::<NearDuplicatesJob>(NearDuplicatesInput { threshold, kinds }, move |r| {
            report.set(Some(r))
        });
    });
    on_cleanup(move || job.cancel());
    view! {
        <section class="card" aria-labelledby="dup-texts-heading">
            <h2 id="dup-texts-heading">{t::near_duplicate_heading()}</h2>
            <div class="controls-row">
                <label class="slider">
                    {t::similarity_at_least()}" "
                    <input type="range" min="0.3" max="1" step="0.05" aria-label=t::minimum_similarity()
                        prop:value=move || threshold.get().to_string()
                        on:change=move |ev| if let Ok(v) = event_target_value(&ev).parse() { threshold.set(v) }/>
                    <output>{move || format!("{:.2}", threshold.get())}</output>
                </label>
                <label><input type="checkbox" prop:checked=move || tickets_only.get()
                    on:change=move |ev| tickets_only.set(event_target_checked(&ev))/>" "{t::tickets_only()}</label>
            </div>
            <JobProgress job=job label=t::comparing_texts()/>
            {move || report.get().map(|r| if r.pairs.is_empty() {
                view! { <p class="muted" role="status">{t::none_this_similar(thousands(r.texts))}</p> }.into_any()
            } else {
                view! {
                    <p class="muted" role="status">{if r.total > SHOWN { t::pairs_among_shown(thousands(r.total), thousands(r.texts), SHOWN) } else { t::pairs_among(thousands(r.total), thousands(r.texts)) }}</p>
                    <table class="data" aria-label=t::near_duplicate_texts()>
                        <thead><tr><th>{t::text()}</th><th>{t::nearly_the_same_as()}</th><th>{t::similarity()}</th></tr></thead>
                        <tbody>
                            {r.pairs.into_iter().take(SHOWN).map(|p| view! {
                                <tr>
                                    <td><a href=app_href(&text_path(p.a.key))>{p.a.title.clone()}</a><div class="muted small">{format!("{} · {} · {}", p.a.key.kind.display(), day(p.a.at), p.a.customer_name)}</div></td>
                                    <td><a href=app_href(&text_path(p.b.key))>{p.b.title.clone()}</a><div class="muted small">{format!("{} · {} · {}", p.b.key.kind.display(), day(p.b.at), p.b.customer_name)}</div></td>
                                    <td>{format!("{:.2}", p.score)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            })}
        </section>
    }
}
