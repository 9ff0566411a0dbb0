//! The "Sales pipeline" card on Settings: rename, reorder, add and remove
//! the open stages deals move through (Won and Lost always close the
//! pipeline).
//!
//! Saving checks the rows ([`Pipeline::edit`], every problem next to its
//! row), then writes the stages and the deals the edit moves — renamed
//! stages take their deals along; deals of removed stages go to a stage the
//! user picks — in one version-checked change set with Undo
//! ([`ops::sales::edit_pipeline`]), so stages and deals never disagree.

use crate::model::{
    Deal, Pipeline, PipelineEdit, StageDraft, StageError, StoredPipeline, PIPELINE_ID,
};
use crate::ops;
use crate::store::{Collection, Store, StoreError};
use crate::ui::components::{thousands, SaveError};
use crate::ui::pipeline_setting::{self, PipelineSetting};
use crate::ui::state::{now_ms, AppState};
use leptos::prelude::*;
use rapport_core::i18n::{settings as t, Lang};
use std::collections::HashMap;

/// One editor row: a stable key (for keyed rendering, so typing keeps the
/// focus) and the draft.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    key: u64,
    draft: StageDraft,
}

fn rows_of(pipeline: &Pipeline) -> Vec<Row> {
    pipeline
        .drafts()
        .into_iter()
        .enumerate()
        .map(|(i, draft)| Row {
            key: i as u64,
            draft,
        })
        .collect()
}

/// Deals per stage (lower-cased), trashed ones included: they move too.
async fn count_deals(state: AppState) -> Result<HashMap<String, usize>, StoreError> {
    let mut counts = HashMap::new();
    for deal in state.store()?.all_in_slices::<Deal>().await? {
        *counts.entry(deal.stage.trim().to_lowercase()).or_default() += 1;
    }
    Ok(counts)
}

/// Writes the edit and the deals it moves in one transaction, with Undo;
/// returns how many deals moved.
async fn save_edit(
    state: AppState,
    edited_from: Pipeline,
    edit: PipelineEdit,
) -> Result<usize, String> {
    let store = state.store().map_err(|e| e.user_message())?;
    let deals = store.all::<Deal>().await.map_err(|e| e.user_message())?;
    let stored: Option<StoredPipeline> =
        store.get(PIPELINE_ID).await.map_err(|e| e.user_message())?;
    let changes = ops::sales::edit_pipeline(stored.as_ref(), &edited_from, &edit, &deals, now_ms())
        .map_err(|e| e.user_message())?;
    let moved = changes.len() - 1;
    state
        .apply(changes, true)
        .await
        .map_err(|e| e.user_message())?;
    // Shown at once (the store's copy arrives through follow_store too).
    let _ = pipeline_setting::store(&edit.pipeline);
    Ok(moved)
}

/// The pipeline editor.
#[component]
pub fn PipelineCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let setting = expect_context::<PipelineSetting>();
    let pipeline = setting.0;
    let rows = RwSignal::new(rows_of(&pipeline.get_untracked()));
    let next_key = StoredValue::new(1000u64);
    let destination = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<StageError>::new());
    let save_error = RwSignal::new(None::<(String, bool)>);
    let saving = RwSignal::new(false);
    // The stages the rows were made from; saving is refused when the
    // stored ones differ by then (another tab saved in between).
    let edited_from = RwSignal::new(pipeline.get_untracked());
    let changed_elsewhere = RwSignal::new(false);
    let has_edits = move || {
        let drafts = |rows: &[Row]| rows.iter().map(|r| r.draft.clone()).collect::<Vec<_>>();
        rows.with_untracked(|r| drafts(r)) != edited_from.with_untracked(|p| drafts(&rows_of(p)))
    };
    // Another tab (or a restore) changed the stages: start over from them,
    // unless this editor holds unsaved edits — those stay, with a notice.
    Effect::new(move |_| {
        let p = pipeline.get();
        if edited_from.with_untracked(|from| *from == p) {
            return;
        }
        if has_edits() {
            changed_elsewhere.set(true);
        } else {
            rows.set(rows_of(&p));
            edited_from.set(p);
            problems.set(Vec::new());
            changed_elsewhere.set(false);
        }
    });
    let counts = state.store_resource(&[Collection::Deals], count_deals);
    let deals_in = move |stage: &str| -> usize {
        counts
            .get()
            .and_then(|c| c.ok().flatten())
            .and_then(|c| c.get(&stage.trim().to_lowercase()).copied())
            .unwrap_or(0)
    };
    // Stored stages no row starts from any more, with their deals.
    let removed_with_deals = Memo::new(move |_| {
        let kept = rows.with(|r| {
            r.iter()
                .filter_map(|r| r.draft.was.clone())
                .collect::<Vec<_>>()
        });
        edited_from
            .get()
            .open_stages()
            .filter(|s| !kept.iter().any(|k| k == s))
            .map(|s| (s.to_string(), deals_in(s)))
            .filter(|(_, n)| *n > 0)
            .collect::<Vec<_>>()
    });

    let change = move |key: u64, f: &dyn Fn(&mut Vec<Row>, usize)| {
        rows.update(|r| {
            if let Some(i) = r.iter().position(|row| row.key == key) {
                f(r, i);
            }
        });
    };
    let add = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        rows.update(|r| {
            r.push(Row {
                key,
                draft: StageDraft::added(""),
            })
        });
    };
    // The default stages as rows: a stage the pipeline has keeps its deals.
    let use_defaults = move |_| {
        let current = pipeline.get_untracked();
        let key = next_key.get_value();
        next_key.set_value(key + 10);
        rows.set(
            Pipeline::default()
                .open_stages()
                .enumerate()
                .map(|(i, name)| Row {
                    key: key + i as u64,
                    draft: match current.index_of(name) {
                        Some(at) => StageDraft {
                            was: Some(current.stages[at].clone()),
                            name: name.to_string(),
                        },
                        None => StageDraft::added(name),
                    },
                })
                .collect(),
        );
        problems.set(Vec::new());
    };
    let discard = move |_| {
        let current = pipeline.get_untracked();
        rows.set(rows_of(&current));
        edited_from.set(current);
        changed_elsewhere.set(false);
        problems.set(Vec::new());
        save_error.set(None);
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let before = edited_from.get_untracked();
        let drafts: Vec<StageDraft> =
            rows.with_untracked(|r| r.iter().map(|r| r.draft.clone()).collect());
        let dest = destination.get_untracked();
        let dest = (!dest.is_empty()).then_some(dest);
        let edit = match before.edit(&drafts, dest.as_deref(), &|s| deals_in(s) > 0) {
            Ok(edit) => edit,
            Err(found) => {
                problems.set(found);
                save_error.set(Some((t::stages_not_saved().into(), false)));
                return;
            }
        };
        problems.set(Vec::new());
        if edit.changes_nothing(&before) {
            save_error.set(None);
            state.toast(t::pipeline_unchanged());
            return;
        }
        saving.set(true);
        leptos::task::spawn_local(async move {
            match save_edit(state, before, edit.clone()).await {
                Ok(moved) => {
                    save_error.set(None);
                    rows.set(rows_of(&edit.pipeline));
                    edited_from.set(edit.pipeline.clone());
                    changed_elsewhere.set(false);
                    pipeline.set(edit.pipeline);
                    destination.set(String::new());
                    state.toast(match moved {
                        0 => t::pipeline_saved().to_string(),
                        1 => t::pipeline_saved_one_deal_moved().to_string(),
                        n => t::pipeline_saved_deals_moved(thousands(n)),
                    });
                }
                Err(message) => save_error.set(Some((message, true))),
            }
            saving.set(false);
        });
    };

    let row_view = move |row: Row| {
        let key = row.key;
        let position =
            Memo::new(move |_| rows.with(|r| r.iter().position(|x| x.key == key).unwrap_or(0) + 1));
        let name = move || {
            rows.with(|r| {
                r.iter()
                    .find(|x| x.key == key)
                    .map(|x| x.draft.name.clone())
                    .unwrap_or_default()
            })
        };
        let holds = move || {
            rows.with(|r| {
                r.iter()
                    .find(|x| x.key == key)
                    .and_then(|x| x.draft.was.clone())
            })
            .map(|was| deals_in(&was))
            .unwrap_or(0)
        };
        let error = move || {
            let at = position.get();
            problems.with(|p| {
                p.iter()
                    .filter(|e| e.row() == Some(at))
                    .map(|e| capitalised(&e.to_string()))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        };
        let error_id = format!("stage-error-{key}");
        view! {
            <li class="stage-row">
                <span class="stage-number" aria-hidden="true">{move || position.get()}</span>
                <input type="text" class="stage-name"
                    aria-label=move || t::stage_name(position.get())
                    prop:value=name
                    aria-invalid=move || (!error().is_empty()).to_string()
                    aria-describedby=error_id.clone()
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        change(key, &|r, i| r[i].draft.name = text.clone());
                    }/>
                <span class="muted stage-count">{move || match holds() {
                    0 => t::no_deals().to_string(),
                    1 => t::one_deal().to_string(),
                    n => t::deals(thousands(n)),
                }}</span>
                <span class="stage-buttons">
                    <button type="button" class="icon"
                        aria-label=move || t::move_stage_up(position.get())
                        disabled=move || position.get() == 1
                        on:click=move |_| change(key, &|r, i| if i > 0 { r.swap(i, i - 1) })>"↑"</button>
                    <button type="button" class="icon"
                        aria-label=move || t::move_stage_down(position.get())
                        disabled=move || rows.with(|r| position.get() == r.len())
                        on:click=move |_| change(key, &|r, i| if i + 1 < r.len() { r.swap(i, i + 1) })>"↓"</button>
                    <button type="button"
                        aria-label=move || t::remove_stage(position.get())
                        on:click=move |_| change(key, &|r, i| { r.remove(i); })>{t::remove()}</button>
                </span>
                <span class="field-error stage-error" id=error_id role="alert">{error}</span>
            </li>
        }
    };

    view! {
        <form class="card form pipeline-card" on:submit=save novalidate=true aria-labelledby="pipeline-heading">
            <h2 id="pipeline-heading">{t::sales_pipeline()}</h2>
            <p class="muted">{t::pipeline_intro()}</p>
            <ol class="stage-list" aria-label=t::open_stages()>
                <For each=move || rows.get() key=|row| row.key children=row_view/>
            </ol>
            <ul class="stage-list closed-stages" aria-label=t::closing_stages()>
                <li class="stage-row fixed"><span class="stage-name">{Pipeline::WON}</span><span class="muted">{t::closes_as_won()}</span></li>
                <li class="stage-row fixed"><span class="stage-name">{Pipeline::LOST}</span><span class="muted">{t::closes_as_lost()}</span></li>
            </ul>
            <div class="form-actions">
                <button type="button" on:click=add>{t::add_stage()}</button>
                <button type="button" on:click=use_defaults>{t::use_default_stages()}</button>
            </div>
            {move || {
                let removed = removed_with_deals.get();
                (!removed.is_empty()).then(|| {
                    let total: usize = removed.iter().map(|(_, n)| n).sum();
                    let names = removed.iter().map(|(s, _)| format!("“{s}”")).collect::<Vec<_>>().join(t::list_separator());
                    let options: Vec<String> = rows.with(|r| r.iter().map(|r| r.draft.name.trim().to_string()).filter(|n| !n.is_empty()).collect());
                    let no_destination = move || problems.with(|p| p.contains(&StageError::NoDestination));
                    view! {
                        <label class="field destination">
                            <span class="field-label">{match total {
                                1 => t::move_the_deal_of(names),
                                n => t::move_the_deals_of(thousands(n), names),
                            }}</span>
                            <select aria-invalid=move || no_destination().to_string()
                                on:change=move |ev| destination.set(event_target_value(&ev))
                                prop:value=move || destination.get()>
                                <option value="">{t::choose_a_stage()}</option>
                                {options.into_iter().chain([Pipeline::WON.to_string(), Pipeline::LOST.to_string()]).map(|o| view! { <option value=o.clone()>{o.clone()}</option> }).collect_view()}
                            </select>
                            <span class="field-error" role="alert">{move || no_destination().then_some(t::choose_where_deals_go())}</span>
                        </label>
                    }
                })
            }}
            <p class="field-error" role="alert">{move || problems.with(|p| p.iter().find(|e| *e == &StageError::NoOpenStage).map(|e| capitalised(&e.to_string())))}</p>
            {move || changed_elsewhere.get().then(|| view! {
                <p class="notice" role="status">
                    {t::stages_changed_elsewhere()}
                </p>
            })}
            <SaveError error=save_error/>
            <div class="form-actions">
                <button class="primary" type="submit" disabled=move || saving.get()>
                    {move || if saving.get() { t::saving() } else { t::save_pipeline() }}
                </button>
                <button type="button" on:click=discard>{t::discard_changes()}</button>
            </div>
        </form>
    }
}

/// "stage 2 needs a name" → "Stage 2 needs a name." (a full stop of the
/// language's, unless the text has one).
fn capitalised(text: &str) -> String {
    let stop = match rapport_core::i18n::lang() {
        Lang::En => ".",
        Lang::Zh => "。",
    };
    let mut chars = text.chars();
    let mut sentence = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect::<String>())
        .unwrap_or_default();
    if !sentence.is_empty() && !sentence.ends_with(['.', '。']) {
        sentence.push_str(stop);
    }
    sentence
}
