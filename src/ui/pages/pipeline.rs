//! The Pipeline page: deals as a board with one column per stage of the
//! [`Pipeline`](crate::model::Pipeline) configured in Settings, each column headed by its count, value and weighted
//! value (computed by [`crate::analytics::sales::board`]).
//!
//! A deal moves by dragging its card onto another column, or — from the
//! keyboard — with the stage select on the card. A move is one version-checked
//! update through [`AppState::apply`], with Undo; a conflict with another tab
//! is reported in words with a Reload button. Each column shows at most
//! [`CARDS_PER_COLUMN`] cards; the search narrows the board down.

use crate::analytics::sales::{board, StageColumn};
use crate::model::{Deal, Record};
use crate::ops;
use crate::store::{Collection, StoreError};
use crate::ui::base_path::app_href;
use crate::ui::components::{thousands, EmptyState, PageHeader, SaveError};
use crate::ui::pipeline_setting::PipelineSetting;
use crate::ui::state::{customer_name, now_ms, AppState};
use leptos::prelude::*;
use rapport_core::i18n::{pipeline as t, shell};
use wasm_bindgen::{JsCast, JsValue};

/// The most cards one column renders; the rest are counted.
const CARDS_PER_COLUMN: usize = 100;

/// Every live deal, or `None` while the database is still opening.
async fn load(state: AppState) -> Result<Vec<Deal>, StoreError> {
    let deals = state.store()?.all_in_slices::<Deal>().await?;
    Ok(deals.into_iter().filter(|d| !d.is_deleted()).collect())
}

/// 12345.6 → "12,346" (deal values are whole amounts; negative ones do not
/// validate).
fn amount(v: f64) -> String {
    thousands(v.max(0.0).round() as usize)
}

/// Puts the deal id on the drag (browsers such as Firefox only start a drag
/// that carries data). Done through `Reflect` because the `DataTransfer`
/// binding is not among the enabled `web-sys` features.
fn start_drag(event: &JsValue, deal: &Deal) {
    let Ok(transfer) = js_sys::Reflect::get(event, &JsValue::from_str("dataTransfer")) else {
        return;
    };
    if transfer.is_null() || transfer.is_undefined() {
        return;
    }
    let _ = js_sys::Reflect::set(
        &transfer,
        &JsValue::from_str("effectAllowed"),
        &JsValue::from_str("move"),
    );
    if let Ok(set_data) = js_sys::Reflect::get(&transfer, &JsValue::from_str("setData")) {
        if let Ok(set_data) = set_data.dyn_into::<js_sys::Function>() {
            let _ = set_data.call2(
                &transfer,
                &JsValue::from_str("text/plain"),
                &JsValue::from_str(&deal.title),
            );
        }
    }
}

/// Pipeline: deals by stage.
#[component]
pub fn PipelinePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let pipeline = PipelineSetting::current();
    let deals = state.store_resource(&[Collection::Deals], load);
    let include_closed = RwSignal::new(false);
    let query = RwSignal::new(String::new());
    let dragging = RwSignal::new(None::<Deal>);
    let drop_target = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<(String, bool)>);

    let columns = Memo::new(move |_| {
        let loaded = deals.get()?.ok()??;
        let needle = query.get().trim().to_lowercase();
        Some(board(&loaded, &pipeline.get(), |d| {
            needle.is_empty()
                || d.title.to_lowercase().contains(&needle)
                || customer_name(&state, &d.customer_id)
                    .to_lowercase()
                    .contains(&needle)
        }))
    });

    let move_deal = move |deal: Deal, stage: String| {
        let pipeline = pipeline.get_untracked();
        match ops::sales::move_deal(&deal, &stage, &pipeline, now_ms()) {
            // Dropped on its own column: nothing to do, nothing to say.
            Err(ops::OpError::NothingToDo) => {}
            moved => state.save(moved, true, error, None, || ()),
        }
    };

    let card = move |deal: Deal| {
        let title = deal.title.clone();
        let customer = customer_name(&state, &deal.customer_id);
        let customer_href = app_href(&format!("/customers/{}", deal.customer_id));
        let closes = deal
            .expected_close
            .map(|d| t::closes(crate::format::date(d)))
            .unwrap_or_else(|| t::no_close_date().into());
        let stages = pipeline.get().stages;
        let known = pipeline.get().index_of(&deal.stage).is_some();
        let current = deal.stage.clone();
        let (for_drag, for_select) = (deal.clone(), deal.clone());
        // The stage picked in the select; the move happens on "Move", not on
        // change, because arrow keys on a closed select fire `change`.
        let choice = RwSignal::new(if known {
            current.clone()
        } else {
            String::new()
        });
        let unchanged = current.clone();
        view! {
            <li
                class="deal-card"
                draggable="true"
                class:dragging=move || dragging.with(|d| d.as_ref().is_some_and(|d| d.meta.id == deal.meta.id))
                on:dragstart=move |ev| {
                    let event: &JsValue = ev.as_ref();
                    start_drag(event, &for_drag);
                    dragging.set(Some(for_drag.clone()));
                }
                on:dragend=move |_| {
                    dragging.set(None);
                    drop_target.set(None);
                }
            >
                <p class="deal-title">{title.clone()}</p>
                <p class="deal-customer"><a href=customer_href>{customer}</a></p>
                <p class="deal-figures">
                    <span>{amount(deal.value)}</span>
                    <span class="muted">{format!("{:.0}%", deal.probability * 100.0)}</span>
                </p>
                <p class="deal-close muted">{closes}</p>
                <div class="deal-move">
                    <select
                        aria-label=t::move_to_stage(title.clone())
                        on:change=move |ev| choice.set(event_target_value(&ev))
                    >
                        {(!known).then(|| view! { <option value="" selected=true disabled=true>{current.clone()}</option> })}
                        {stages.into_iter().map(|s| {
                            let selected = s.eq_ignore_ascii_case(current.trim());
                            view! { <option value=s.clone() selected=selected>{s.clone()}</option> }
                        }).collect_view()}
                    </select>
                    <button
                        type="button"
                        aria-label=t::move_deal(title.clone())
                        disabled=move || choice.with(|c| c.is_empty() || c.eq_ignore_ascii_case(unchanged.trim()))
                        on:click=move |_| move_deal(for_select.clone(), choice.get_untracked())
                    >{t::move_button()}</button>
                </div>
            </li>
        }
    };

    let column = move |col: StageColumn| {
        let stage = col.stage.clone();
        let heading_id = format!("stage-{}", stage.to_lowercase().replace(' ', "-"));
        let show_cards = !col.closed || include_closed.get();
        let count = col.count();
        let hidden = count.saturating_sub(CARDS_PER_COLUMN);
        let accepts = col.in_pipeline;
        let (over, enter, drop_at) = (stage.clone(), stage.clone(), stage.clone());
        let summary = if count == 1 {
            t::column_one(thousands(count), amount(col.value))
        } else {
            t::column_many(thousands(count), amount(col.value))
        };
        view! {
            <section
                class="board-column"
                class:closed=col.closed
                class:drop-target=move || drop_target.with(|t| t.as_deref() == Some(over.as_str()))
                aria-labelledby=heading_id.clone()
                on:dragover=move |ev| {
                    if accepts && dragging.with_untracked(Option::is_some) {
                        ev.prevent_default();
                    }
                }
                on:dragenter=move |ev| {
                    if accepts && dragging.with_untracked(Option::is_some) {
                        ev.prevent_default();
                        drop_target.set(Some(enter.clone()));
                    }
                }
                on:drop=move |ev| {
                    ev.prevent_default();
                    drop_target.set(None);
                    if let (true, Some(deal)) = (accepts, dragging.get_untracked()) {
                        dragging.set(None);
                        move_deal(deal, drop_at.clone());
                    }
                }
            >
                <header class="board-column-head">
                    <h2 id=heading_id.clone()>{stage.clone()}</h2>
                    <p class="muted">{summary}</p>
                    <p class="muted">{t::weighted(amount(col.weighted))}</p>
                </header>
                {if show_cards {
                    view! {
                        <ul class="board-cards" aria-label=t::deals_in(stage.clone())>
                            {col.deals.into_iter().take(CARDS_PER_COLUMN).map(card).collect_view()}
                        </ul>
                        {(hidden > 0).then(|| view! {
                            <p class="board-more muted">{t::more_cards(thousands(hidden), CARDS_PER_COLUMN)}</p>
                        })}
                    }.into_any()
                } else {
                    view! { <p class="board-more muted">{t::closed_hidden()}</p> }.into_any()
                }}
            </section>
        }
    };

    view! {
        <PageHeader title=t::title() subtitle=t::subtitle()>
            <a class="button primary" href=app_href("/pipeline/new")>{t::new_deal()}</a>
        </PageHeader>
        <Transition fallback=|| view! { <p class="muted">{t::loading()}</p> }>
            {move || deals.get().map(|result| match result {
                Err(e) => view! { <p class="error" role="alert">{e.user_message()}</p> }.into_any(),
                Ok(None) => view! { <p class="muted">{t::opening_database()}</p> }.into_any(),
                Ok(Some(all)) if all.is_empty() => view! {
                    <EmptyState icon="▤" title=t::empty_title()>
                        <p>
                            {t::empty_before_settings()}
                            <a href=app_href("/settings")>{shell::nav_settings()}</a>{t::empty_before_dashboard()}
                            <a href=app_href("/")>{shell::nav_dashboard()}</a>{t::empty_after_dashboard()}
                        </p>
                    </EmptyState>
                }.into_any(),
                Ok(Some(_)) => view! {
                    <div class="toolbar">
                        <input
                            class="search"
                            type="search"
                            aria-label=t::search()
                            placeholder=t::search()
                            prop:value=move || query.get()
                            on:input=move |ev| query.set(event_target_value(&ev))
                        />
                        <label class="field-inline">
                            <input
                                type="checkbox"
                                prop:checked=move || include_closed.get()
                                on:change=move |ev| include_closed.set(event_target_checked(&ev))
                            />
                            {t::show_closed()}
                        </label>
                    </div>
                    <SaveError error=error/>
                    {move || columns.get().map(|cols| {
                        let open: Vec<&StageColumn> = cols.iter().filter(|c| !c.closed).collect();
                        let open_count: usize = open.iter().map(|c| c.count()).sum();
                        let open_value: f64 = open.iter().map(|c| c.value).sum();
                        let open_weighted: f64 = open.iter().map(|c| c.weighted).sum();
                        view! {
                            <div class="kpis">
                                <div class="kpi"><span class="kpi-label">{t::open_deals()}</span><span class="kpi-value">{thousands(open_count)}</span></div>
                                <div class="kpi"><span class="kpi-label">{t::open_value()}</span><span class="kpi-value">{amount(open_value)}</span></div>
                                <div class="kpi"><span class="kpi-label">{t::weighted_value()}</span><span class="kpi-value">{amount(open_weighted)}</span></div>
                            </div>
                            <div class="board">
                                {cols.into_iter().map(column).collect_view()}
                            </div>
                        }
                    })}
                }.into_any(),
            })}
        </Transition>
    }
}
