//! The virtualised customer list: only the rows in view (plus a margin) are
//! in the DOM, positioned inside a spacer as tall as all results, so
//! scrolling 100,000 rows costs the same as scrolling 40.

use crate::model::Id;
use crate::search::{Column, CustomerRow, ListQuery, Sort};
use crate::ui::base_path::app_href;
use crate::ui::components::thousands;
use crate::ui::state::AppState;
use leptos::prelude::*;
use rapport_core::i18n::{components as kinds, customers as t};
use std::collections::HashSet;

/// Height of one row in pixels (kept in step with `.row` in the stylesheet).
const ROW_HEIGHT: f64 = 44.0;
/// Rows rendered above and below the visible ones.
const OVERSCAN: usize = 8;
/// Rows that fit the tallest list viewport we expect.
const VIEWPORT_ROWS: usize = 24;

/// The column's name as shown in the header.
pub fn column_label(column: Column) -> &'static str {
    match column {
        Column::Name => t::col_name(),
        Column::Email => t::col_email(),
        Column::Company => t::col_company(),
        Column::Phone => t::col_phone(),
        Column::City => t::col_city(),
        Column::Country => t::col_country(),
        Column::Stage => t::col_stage(),
        Column::Segment => t::col_segment(),
        Column::Created => t::col_created(),
        Column::Updated => t::col_updated(),
        Column::Likelihood => t::col_likelihood(),
        Column::Spend => t::col_spend(),
        Column::Orders => t::col_orders(),
        Column::LastOrder => t::col_last_order(),
        Column::Rfm => t::col_rfm(),
        Column::Predicted => t::col_predicted(),
    }
}

/// The column's share of the row (a CSS grid track).
fn column_width(column: Column) -> &'static str {
    match column {
        Column::Name => "minmax(0, 1.3fr)",
        Column::Email => "minmax(0, 1.5fr)",
        Column::Company => "minmax(0, 1.1fr)",
        Column::Phone => "minmax(0, 1fr)",
        Column::City | Column::Segment | Column::Rfm => "minmax(0, 0.9fr)",
        Column::Country => "minmax(0, 0.8fr)",
        Column::Stage => "122px",
        Column::Created | Column::Updated | Column::LastOrder => "116px",
        Column::Likelihood | Column::Orders => "104px",
        Column::Spend | Column::Predicted => "132px",
    }
}

/// The CSS grid columns of a row showing `columns` (after the checkbox).
fn grid_columns(columns: &[Column]) -> String {
    std::iter::once("40px")
        .chain(columns.iter().map(|&c| column_width(c)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Money as the list shows it: whole units with thousands separators and
/// the currency code.
fn money(amount: f64, currency: &str) -> String {
    format!("{} {currency}", crate::format::whole_money(amount))
}

/// The cell of `column` for `row`.
fn cell_view(column: Column, row: &CustomerRow) -> AnyView {
    let class = format!("cell col-{}", column_class(column));
    let figures = row.figures.as_ref();
    let text = match column {
        Column::Name => return name_cell(row),
        Column::Stage => {
            return view! {
                <span class=class role="cell">
                    <span class=format!("badge stage-{}", row.stage.label().to_lowercase())>{kinds::stage(row.stage)}</span>
                </span>
            }
            .into_any()
        }
        Column::Email => row.email.clone().unwrap_or_default(),
        Column::Company => row.company.clone(),
        Column::Phone => row.phone.clone().unwrap_or_default(),
        Column::City => row.city.clone(),
        Column::Country => row.country.clone(),
        Column::Segment => row.segment.clone().unwrap_or_default(),
        Column::Created => crate::format::date(crate::model::date_of(row.created_at)),
        Column::Updated => crate::format::date(crate::model::date_of(row.updated_at)),
        Column::Likelihood => row
            .likelihood
            .map(|p| format!("{:.0}%", p * 100.0))
            .unwrap_or_default(),
        Column::Spend => figures
            .map(|f| money(f.spend, &f.currency))
            .unwrap_or_default(),
        Column::Orders => figures.map(|f| thousands(f.orders)).unwrap_or_default(),
        Column::LastOrder => figures
            .map(|f| crate::format::date(f.last_order))
            .unwrap_or_default(),
        Column::Rfm => figures
            .map(|f| kinds::rfm_segment(f.segment).to_string())
            .unwrap_or_default(),
        Column::Predicted => figures
            .and_then(|f| f.predicted.map(|p| money(p, &f.currency)))
            .unwrap_or_default(),
    };
    view! { <span class=class role="cell">{text}</span> }.into_any()
}

fn name_cell(row: &CustomerRow) -> AnyView {
    let id = row.id;
    view! {
        <span class="cell col-name" role="cell">
            <a href=app_href(&format!("/customers/{id}"))>{row.name.clone()}</a>
            {row.recent_negative.then(|| view! {
                <span class="badge sentiment-negative" title=t::negative_lately_hint()>{t::negative_lately()}</span>
            })}
        </span>
    }
    .into_any()
}

/// The column's CSS class suffix (`col-…`): its English name, whatever
/// the language shown.
fn column_class(column: Column) -> String {
    rapport_core::i18n::with_lang(rapport_core::i18n::Lang::En, || column_label(column))
        .to_lowercase()
        .replace(' ', "-")
}

/// The columns shown by default, in order.
pub const DEFAULT_SHOWN: [Column; 8] = [
    Column::Name,
    Column::Email,
    Column::Company,
    Column::Phone,
    Column::Country,
    Column::Stage,
    Column::Segment,
    Column::Likelihood,
];

/// The list: sortable header and the visible window of `results`.
#[component]
pub fn CustomerList(
    results: Memo<Vec<Id>>,
    selected: RwSignal<HashSet<Id>>,
    query: RwSignal<ListQuery>,
    shown: RwSignal<Vec<Column>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let scroll_top = RwSignal::new(0.0_f64);
    // Rows are keyed by position, id and the index's revision, so a row
    // whose figures, score or flag changed (with its place unchanged) is
    // drawn again.
    let window = Memo::new(move |_| {
        let first = ((scroll_top.get() / ROW_HEIGHT) as usize).saturating_sub(OVERSCAN);
        let revision = state.index_revision.get();
        results.with(|ids| {
            let end = (first + VIEWPORT_ROWS + 2 * OVERSCAN).min(ids.len());
            (first.min(end)..end)
                .map(|i| (i, ids[i], revision))
                .collect::<Vec<_>>()
        })
    });
    let sort_by = move |column: Column| {
        query.update(|q| {
            q.sort = if q.sort.column == column {
                Sort {
                    column,
                    descending: !q.sort.descending,
                }
            } else {
                Sort {
                    column,
                    descending: false,
                }
            }
        })
    };
    let all_selected = move || {
        results.with(|ids| {
            !ids.is_empty()
                && selected.with(|s| s.len() >= ids.len() && ids.iter().all(|i| s.contains(i)))
        })
    };
    let toggle_all = move |_| {
        if all_selected() {
            selected.set(HashSet::new());
        } else {
            selected.set(results.get().into_iter().collect());
        }
    };

    view! {
        <div class="grid" role="table" aria-label=t::title() aria-rowcount=move || results.with(Vec::len) + 1
            style:--grid-columns=move || shown.with(|c| grid_columns(c))>
            <div class="row head" role="row">
                <span class="cell check" role="columnheader">
                    <input type="checkbox" aria-label=t::select_all() prop:checked=all_selected on:change=toggle_all/>
                </span>
                {move || shown
                    .get()
                    .into_iter()
                    .map(|column| {
                        let sort_state = move || {
                            query.with(|q| {
                                if q.sort.column != column {
                                    "none"
                                } else if q.sort.descending {
                                    "descending"
                                } else {
                                    "ascending"
                                }
                            })
                        };
                        view! {
                            <span class=format!("cell col-{}", column_class(column)) role="columnheader" aria-sort=sort_state>
                                <button class="sort" on:click=move |_| sort_by(column)>
                                    {column_label(column)}
                                    {move || {
                                        let mark = match sort_state() {
                                            "ascending" => "▲",
                                            "descending" => "▼",
                                            _ => return None,
                                        };
                                        Some(view! { <span class="sort-mark" aria-hidden="true">{mark}</span> })
                                    }}
                                </button>
                            </span>
                        }
                    })
                    .collect_view()}
            </div>
            <div
                class="grid-body"
                on:scroll=move |ev| {
                    let target: web_sys::Element = event_target(&ev);
                    scroll_top.set(target.scroll_top() as f64);
                }
            >
                <div class="grid-spacer" style:height=move || format!("{}px", results.with(Vec::len) as f64 * ROW_HEIGHT)>
                    <For each=move || window.get() key=|item| *item let:item>
                        {
                            let (position, id, _) = item;
                            let row = state.with_index(|index| index.get(&id).cloned());
                            row.map(|row| {
                                let name = row.name.clone();
                                let is_selected = move || selected.with(|s| s.contains(&id));
                                view! {
                                    <div
                                        class="row"
                                        class:selected=is_selected
                                        role="row"
                                        aria-rowindex=position + 2
                                        style:top=format!("{}px", position as f64 * ROW_HEIGHT)
                                    >
                                        <span class="cell check" role="cell">
                                            <input
                                                type="checkbox"
                                                aria-label=t::select_one(name)
                                                prop:checked=is_selected
                                                on:change=move |_| selected.update(|s| {
                                                    if !s.remove(&id) {
                                                        s.insert(id);
                                                    }
                                                })
                                            />
                                        </span>
                                        {move || shown.get().into_iter().map(|column| cell_view(column, &row)).collect_view()}
                                    </div>
                                }
                            })
                        }
                    </For>
                </div>
            </div>
            <Show when=move || results.with(Vec::is_empty)>
                <p class="grid-empty">{t::no_match()}</p>
            </Show>
        </div>
    }
}
