//! The list's toolbar: search box, filters and saved views (kept in
//! localStorage).

use super::list::column_label;
use crate::insight::Segment;
use crate::model::Id;
use crate::model::LifecycleStage;
use crate::search::{BoundKind, Column, FigureBound, ListQuery, SavedView};
use crate::ui::components::thousands;
use crate::ui::state::AppState;
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use rapport_core::i18n::{common, components as kinds, customers as t};
use std::collections::HashMap;

const VIEWS_KEY: &str = "rapport.saved-views";
const COLUMNS_KEY: &str = "rapport.customer-columns";

/// The list's columns as the user last chose them (or the default ones).
pub fn load_columns() -> Vec<Column> {
    LocalStorage::get::<Vec<Column>>(COLUMNS_KEY)
        .ok()
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| super::list::DEFAULT_SHOWN.to_vec())
}

/// The saved views of the Customers list (also offered as campaign audiences).
pub fn load_views() -> Vec<SavedView> {
    LocalStorage::get(VIEWS_KEY).unwrap_or_default()
}

/// One `<select>` that sets a single-valued filter ("" = any).
#[component]
fn FilterSelect(
    label: &'static str,
    any: &'static str,
    options: Signal<Vec<(String, String)>>,
    value: Signal<String>,
    on_pick: Callback<String>,
) -> impl IntoView {
    view! {
        <label class="field-inline">
            <span class="sr-only">{label}</span>
            <select
                aria-label=label
                prop:value=move || value.get()
                on:change=move |ev| on_pick.run(event_target_value(&ev))
            >
                <option value="">{any}</option>
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(value, text)| view! { <option value=value>{text}</option> })
                        .collect_view()
                }}
            </select>
        </label>
    }
}

/// Search, filters, saved views and the result count.
#[component]
pub fn Toolbar(
    query: RwSignal<ListQuery>,
    results: Memo<Vec<Id>>,
    total: Memo<usize>,
    shown: RwSignal<Vec<Column>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let facets = move |pick: fn(&crate::search::CustomerIndex) -> Vec<(String, usize)>| {
        Signal::derive(move || {
            state.index_revision.track();
            state
                .with_index(pick)
                .into_iter()
                .take(200)
                .map(|(v, n)| (v.clone(), format!("{v} ({n})")))
                .collect::<Vec<_>>()
        })
    };
    let stages = Signal::derive(|| {
        LifecycleStage::ALL
            .iter()
            .map(|s| (s.label().to_string(), kinds::stage(*s).to_string()))
            .collect()
    });
    let first = |v: &Vec<String>| v.first().cloned().unwrap_or_default();
    // RFM segments with their sizes, once the insight overview is in.
    let rfm_segments = Signal::derive(move || {
        state.insight.with(|o| {
            o.as_ref()
                .map(|o| {
                    o.segments
                        .iter()
                        .filter(|(_, n, _)| *n > 0)
                        .map(|(s, n, _)| {
                            (
                                s.key().to_string(),
                                format!("{} ({})", kinds::rfm_segment(*s), thousands(*n)),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    // The purchase-figure bounds as typed (a typo stays in its box and is
    // said, not applied); a box not typed in shows the query's bound.
    let typed = RwSignal::new(HashMap::<FigureBound, String>::new());
    let figure_error = RwSignal::new(None::<String>);
    let set_bound = move |bound: FigureBound, text: String| {
        typed.update(|t| {
            t.insert(bound, text.clone());
        });
        let mut filter = query.with_untracked(|q| q.filter.clone());
        match bound.apply(&mut filter, &text) {
            Ok(()) => {
                figure_error.set(None);
                query.update(|q| q.filter = filter);
            }
            Err(e) => figure_error.set(Some(format!("{}: {e}", kinds::figure_bound(bound)))),
        }
    };
    let bound_text = move |bound: FigureBound| {
        typed
            .with(|t| t.get(&bound).cloned())
            .unwrap_or_else(|| query.with(|q| bound.text(&q.filter)))
    };
    let bounds_set = move || {
        query.with(|q| {
            FigureBound::ALL
                .iter()
                .filter(|b| !b.text(&q.filter).is_empty())
                .count()
        })
    };
    let toggle_column = move |column: Column, on: bool| {
        shown.update(|c| {
            c.retain(|x| *x != column);
            if on {
                // Keep the display order of Column::ALL.
                let at = c
                    .iter()
                    .position(|x| {
                        Column::ALL.iter().position(|y| y == x)
                            > Column::ALL.iter().position(|y| *y == column)
                    })
                    .unwrap_or(c.len());
                c.insert(at, column);
            }
            if c.is_empty() {
                c.push(Column::Name);
            }
        });
        let _ = LocalStorage::set(COLUMNS_KEY, shown.get_untracked());
    };
    let views = RwSignal::new(load_views());
    let view_name = RwSignal::new(String::new());
    let view_error = RwSignal::new(None::<String>);
    let save_view = move |_| {
        let name = view_name.get().trim().to_string();
        if name.is_empty() {
            view_error.set(Some(t::name_view_first().into()));
            return;
        }
        let mut all = views.get();
        all.retain(|v| v.name != name);
        all.push(SavedView {
            name: name.clone(),
            query: query.get(),
        });
        match LocalStorage::set(VIEWS_KEY, &all) {
            Ok(()) => {
                views.set(all);
                view_name.set(String::new());
                view_error.set(None);
                state.toast(t::view_saved(name));
            }
            Err(e) => view_error.set(Some(t::view_not_saved(e.to_string()))),
        }
    };

    view! {
        <div class="toolbar" role="search">
            <input
                class="search"
                type="search"
                placeholder=t::search_placeholder()
                aria-label=t::search()
                prop:value=move || query.with(|q| q.text.clone())
                on:input=move |ev| query.update(|q| q.text = event_target_value(&ev))
            />
            <FilterSelect
                label=t::col_stage()
                any=t::all_stages()
                options=stages
                value=Signal::derive(move || {
                    query.with(|q| q.filter.stages.first().map(|s| s.label().to_string()).unwrap_or_default())
                })
                on_pick=Callback::new(move |v: String| {
                    query.update(|q| q.filter.stages = v.parse().ok().into_iter().collect())
                })
            />
            <FilterSelect
                label=t::tag()
                any=t::all_tags()
                options=facets(|i| i.distinct_tags())
                value=Signal::derive(move || query.with(|q| first(&q.filter.tags)))
                on_pick=Callback::new(move |v: String| {
                    query.update(|q| q.filter.tags = Some(v).filter(|v| !v.is_empty()).into_iter().collect())
                })
            />
            <FilterSelect
                label=t::col_segment()
                any=t::all_segments()
                options=facets(|i| i.distinct_segments())
                value=Signal::derive(move || query.with(|q| first(&q.filter.segments)))
                on_pick=Callback::new(move |v: String| {
                    query.update(|q| q.filter.segments = Some(v).filter(|v| !v.is_empty()).into_iter().collect())
                })
            />
            <FilterSelect
                label=t::col_country()
                any=t::all_countries()
                options=facets(|i| i.distinct_countries())
                value=Signal::derive(move || query.with(|q| first(&q.filter.countries)))
                on_pick=Callback::new(move |v: String| {
                    query.update(|q| q.filter.countries = Some(v).filter(|v| !v.is_empty()).into_iter().collect())
                })
            />
            <FilterSelect
                label=t::col_rfm()
                any=t::all_rfm_segments()
                options=rfm_segments
                value=Signal::derive(move || query.with(|q| q.filter.rfm.first().map(|s| s.key().to_string()).unwrap_or_default()))
                on_pick=Callback::new(move |v: String| {
                    query.update(|q| q.filter.rfm = Segment::from_key(&v).into_iter().collect())
                })
            />
            <CustomFieldFilter query=query/>
            <details class="figure-filters" name="list-menu">
                <summary>
                    {move || match bounds_set() {
                        0 => t::purchase_figures().to_string(),
                        n => t::purchase_figures_set(n),
                    }}
                </summary>
                <fieldset>
                    <legend class="sr-only">{t::filter_purchase_figures()}</legend>
                    {FigureBound::ALL
                        .into_iter()
                        .map(|bound| {
                            let (kind, mode) = match bound.kind() {
                                BoundKind::Date => ("date", "none"),
                                BoundKind::Count => ("text", "numeric"),
                                BoundKind::Amount => ("text", "decimal"),
                            };
                            view! {
                                <label class="field-inline">
                                    {kinds::figure_bound(bound)} " "
                                    <input type=kind inputmode=mode class="narrow" placeholder=t::any()
                                        prop:value=move || bound_text(bound)
                                        on:change=move |ev| set_bound(bound, event_target_value(&ev))/>
                                </label>
                            }
                        })
                        .collect_view()}
                    {move || figure_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                </fieldset>
            </details>
            <label class="field-inline">
                <input type="checkbox"
                    prop:checked=move || query.with(|q| q.filter.recent_negative)
                    on:change=move |ev| query.update(|q| q.filter.recent_negative = event_target_checked(&ev))/>
                {t::recent_negative()}
            </label>
            <label class="field-inline">
                <span class="sr-only">{t::sort_by()}</span>
                <select
                    aria-label=t::sort_by()
                    prop:value=move || query.with(|q| format!("{:?}", q.sort.column))
                    on:change=move |ev| {
                        let picked = event_target_value(&ev);
                        if let Some(column) = Column::ALL.into_iter().find(|c| format!("{c:?}") == picked) {
                            query.update(|q| q.sort.column = column);
                        }
                    }
                >
                    {Column::ALL
                        .into_iter()
                        .map(|c| view! { <option value=format!("{c:?}")>{t::sort_by_column(column_label(c).to_lowercase())}</option> })
                        .collect_view()}
                </select>
            </label>
            <button
                aria-label=move || if query.with(|q| q.sort.descending) { t::sort_ascending() } else { t::sort_descending() }
                on:click=move |_| query.update(|q| q.sort.descending = !q.sort.descending)
            >
                {move || if query.with(|q| q.sort.descending) { "↓" } else { "↑" }}
            </button>
        </div>
        <div class="toolbar secondary">
            <span class="result-count" aria-live="polite">
                {move || {
                    // While the customers are still being read (and no
                    // preview shows), a count of 0 would be wrong.
                    if !state.readable() {
                        return common::loading().to_string();
                    }
                    let (shown, all) = (results.with(Vec::len), total.get());
                    match (shown == all, all == 1) {
                        (true, true) => t::count_one(thousands(all)),
                        (true, false) => t::count_many(thousands(all)),
                        (false, true) => t::shown_of_one(thousands(shown), thousands(all)),
                        (false, false) => t::shown_of_many(thousands(shown), thousands(all)),
                    }
                }}
            </span>
            <label class="field-inline">
                <span class="sr-only">{t::saved_views()}</span>
                <select
                    aria-label=t::saved_views()
                    on:change=move |ev| {
                        let name = event_target_value(&ev);
                        if let Some(v) = views.get().into_iter().find(|v| v.name == name) {
                            typed.set(HashMap::new());
                            query.set(v.query);
                        }
                    }
                >
                    <option value="">{t::saved_views_choice()}</option>
                    {move || {
                        views.get().into_iter().map(|v| view! { <option value=v.name.clone()>{v.name.clone()}</option> }).collect_view()
                    }}
                </select>
            </label>
            <input
                type="text"
                aria-label=t::view_name()
                placeholder=t::view_name_placeholder()
                prop:value=move || view_name.get()
                on:input=move |ev| view_name.set(event_target_value(&ev))
            />
            <button on:click=save_view>{t::save_view()}</button>
            <details class="columns-menu" name="list-menu">
                <summary>{t::columns()}</summary>
                <fieldset>
                    <legend class="sr-only">{t::columns_shown()}</legend>
                    {Column::ALL
                        .into_iter()
                        .map(|column| view! {
                            <label class="field-inline">
                                <input type="checkbox"
                                    prop:checked=move || shown.with(|c| c.contains(&column))
                                    on:change=move |ev| toggle_column(column, event_target_checked(&ev))/>
                                " " {column_label(column)}
                            </label>
                        })
                        .collect_view()}
                </fieldset>
            </details>
            <button on:click=move |_| {
                typed.set(HashMap::new());
                figure_error.set(None);
                query.set(ListQuery::default());
            }>{t::clear_filters()}</button>
            {move || view_error.get().map(|e| view! { <span class="error inline" role="alert">{e}</span> })}
        </div>
    }
}

/// "Custom field equals" filter: pick a field, type a value.
#[component]
fn CustomFieldFilter(query: RwSignal<ListQuery>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let field = RwSignal::new(String::new());
    let fields = Signal::derive(move || {
        state.index_revision.track();
        state.with_index(|i| i.distinct_custom_fields())
    });
    let set = move |name: String, value: String| {
        query.update(|q| {
            q.filter.custom = if name.is_empty() || value.trim().is_empty() {
                Vec::new()
            } else {
                vec![(name, value)]
            }
        })
    };
    view! {
        <Show when=move || !fields.with(Vec::is_empty)>
            <select aria-label=t::custom_field() on:change=move |ev| field.set(event_target_value(&ev))>
                <option value="">{t::custom_field_choice()}</option>
                {move || fields.get().into_iter().map(|(f, _)| view! { <option value=f.clone()>{f.clone()}</option> }).collect_view()}
            </select>
            <input
                type="text"
                aria-label=t::custom_field_value()
                placeholder=t::equals()
                prop:value=move || query.with(|q| q.filter.custom.first().map(|c| c.1.clone()).unwrap_or_default())
                on:input=move |ev| set(field.get(), event_target_value(&ev))
            />
        </Show>
    }
}
