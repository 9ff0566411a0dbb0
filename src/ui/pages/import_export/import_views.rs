//! The import card's two inner screens: the column mapping (with the
//! recognised layout and sample values) and the result of the check (counts,
//! the rows as they will be stored, the problems with a downloadable
//! report, and the Import button).

use super::export::download_csv;
use super::import::{Checked, ImportFlow, Kind};
use crate::io::import::{report_csv, DuplicatePolicy, OrderTarget, RowAction, Target};
use crate::ui::components::thousands;
use crate::ui::state::AppState;
use leptos::prelude::*;
use rapport_core::i18n::{common, import_export as t};

/// How many previewed rows and listed problems are shown.
const SHOWN: usize = 10;
const SHOWN_ISSUES: usize = 50;

/// The mapping screen.
#[component]
pub fn MappingView(flow: ImportFlow) -> impl IntoView {
    let state = expect_context::<AppState>();
    let sniffed = move || flow.sniffed.get();
    let described = move || {
        sniffed().map(|s| {
            let layout = s
                .preset
                .map(|p| t::recognised(p.name().to_string()))
                .unwrap_or_default();
            let format = s
                .detected
                .map(|d| t::separated(d.encoding.to_string(), d.delimiter.name().to_string()))
                .unwrap_or_default();
            let file = if s.header.is_none() {
                t::file_described_no_header(s.name, format, s.columns)
            } else {
                t::file_described(s.name, format, s.columns)
            };
            layout + &file
        })
    };
    let column_name = move |i: usize| {
        sniffed()
            .and_then(|s| s.header.and_then(|h| h.get(i).cloned()))
            .unwrap_or_else(|| t::column_number(i + 1))
    };
    let sample = move |i: usize| {
        sniffed()
            .and_then(|s| {
                s.sample
                    .iter()
                    .find_map(|r| r.cells.get(i).filter(|c| !c.is_empty()).cloned())
            })
            .unwrap_or_default()
    };
    let customer_rows = move || {
        (0..sniffed().map_or(0, |s| s.columns)).map(move |i| {
            let name = column_name(i);
            let choices = Target::choices(&name);
            view! {
                <span>{name.clone()}</span>
                <select
                    aria-label=t::field_for_column(name.clone())
                    on:change=move |ev| {
                        let key = event_target_value(&ev);
                        if let Some(target) = Target::from_key(&key) {
                            flow.mapping.update(|m| if let Some(slot) = m.targets.get_mut(i) { *slot = target });
                        }
                    }
                >
                    {choices.into_iter().map(|t| {
                        let key = t.key();
                        let selected = flow.mapping.with_untracked(|m| m.targets.get(i) == Some(&t));
                        view! { <option value=key selected=selected>{t.label()}</option> }
                    }).collect_view()}
                </select>
                <span class="sample">{sample(i)}</span>
            }
        }).collect_view()
    };
    let order_rows = move || {
        (0..sniffed().map_or(0, |s| s.columns)).map(move |i| {
            let name = column_name(i);
            view! {
                <span>{name.clone()}</span>
                <select
                    aria-label=t::field_for_column(name.clone())
                    on:change=move |ev| {
                        let pick: usize = event_target_value(&ev).parse().unwrap_or(OrderTarget::ALL.len() - 1);
                        flow.order_mapping.update(|m| if let Some(slot) = m.targets.get_mut(i) { *slot = OrderTarget::ALL[pick.min(OrderTarget::ALL.len() - 1)] });
                    }
                >
                    {OrderTarget::ALL.iter().enumerate().map(|(n, t)| {
                        let selected = flow.order_mapping.with_untracked(|m| m.targets.get(i) == Some(t));
                        view! { <option value=n.to_string() selected=selected>{t.label()}</option> }
                    }).collect_view()}
                </select>
                <span class="sample">{sample(i)}</span>
            }
        }).collect_view()
    };
    let proposal = move || {
        sniffed().and_then(|s| s.proposal).map(|g| {
            let kind = match g.kind {
                Kind::Customers => t::proposal_customers(),
                Kind::Orders => t::proposal_orders(),
            }
            .to_string();
            let reason = g.reason.to_string();
            let sentence = if flow.kind.get() == g.kind {
                t::proposed_selected(reason, kind)
            } else {
                t::proposed_other(reason, kind)
            };
            view! {
                <p class="notice" role="status">{sentence}</p>
            }
        })
    };
    view! {
        <h3>{t::match_columns()}</h3>
        <p class="muted">{described}</p>
        {proposal}
        <div class="mapping-grid" role="group" aria-label=t::column_mapping()>
            <strong>{t::column_in_file()}</strong><strong>{t::goes_to()}</strong><strong>{t::first_value()}</strong>
            {move || if flow.kind.get() == Kind::Customers { customer_rows().into_any() } else { order_rows().into_any() }}
        </div>
        <Show when=move || flow.kind.get() == Kind::Customers fallback=move || view! {
            <label class="field-inline">{t::currency_of_amounts()}" "
                <input type="text" maxlength="3" size="4" aria-label=common::currency() prop:value=move || flow.currency.get() on:input=move |ev| flow.currency.set(event_target_value(&ev))/>
            </label>
        }>
            <fieldset class="choices">
                <legend>{t::existing_customers()}</legend>
                {[(DuplicatePolicy::Skip, t::duplicate_skip()), (DuplicatePolicy::Update, t::duplicate_update()), (DuplicatePolicy::Create, t::duplicate_create())].into_iter().map(|(p, text)| view! {
                    <label><input type="radio" name="duplicates" checked=move || flow.policy.get() == p on:change=move |_| flow.policy.set(p)/>" "{text}</label>
                }).collect_view()}
            </fieldset>
        </Show>
        <div class="toolbar">
            <button type="button" class="primary" on:click=move |_| flow.check(state)>{t::check_file()}</button>
            <button type="button" on:click=move |_| flow.reset()>{t::choose_another_file()}</button>
        </div>
    }
}

/// The result of the check.
#[component]
pub fn CheckedView(flow: ImportFlow) -> impl IntoView {
    let state = expect_context::<AppState>();
    let with_checked = move |f: &dyn Fn(&Checked) -> AnyView| {
        flow.checked_revision.track();
        flow.checked.with_value(|c| c.as_ref().map(f))
    };
    let counts = move || {
        with_checked(&|c| {
            let s = c.summary();
            let nothing_saved_yet = if s.customers_created > 0 {
                t::nothing_saved_yet_new_customers(thousands(s.customers_created))
            } else {
                t::nothing_saved_yet().to_string()
            };
            view! {
                <div class="kpis">
                    <div class="kpi"><span class="kpi-label">{t::rows_read()}</span><span class="kpi-value">{thousands(s.rows)}</span></div>
                    <div class="kpi"><span class="kpi-label">{t::new()}</span><span class="kpi-value">{thousands(s.created)}</span></div>
                    <div class="kpi"><span class="kpi-label">{t::updated()}</span><span class="kpi-value">{thousands(s.updated)}</span></div>
                    <div class="kpi"><span class="kpi-label">{t::duplicates_skipped()}</span><span class="kpi-value">{thousands(s.duplicates)}</span></div>
                    <div class="kpi"><span class="kpi-label">{t::rows_with_errors()}</span><span class="kpi-value">{thousands(s.invalid)}</span></div>
                </div>
                {match c {
                    Checked::Orders(i) => i.duplicate_warning().map(|w| view! { <p class="notice" role="status">{w}</p> }),
                    Checked::Customers(_) => None,
                }}
                <p class="muted">{nothing_saved_yet}</p>
            }.into_any()
        })
    };
    let preview = move || {
        with_checked(&|c| {
            match c {
            Checked::Customers(i) => view! {
                <table class="data">
                    <caption>{t::first_customers()}</caption>
                    <thead><tr><th scope="col">{t::row()}</th><th scope="col">{common::name()}</th><th scope="col">{common::email()}</th><th scope="col">{common::phone()}</th><th scope="col">{common::company()}</th><th scope="col">{t::city()}</th><th scope="col">{t::stage()}</th><th scope="col">""</th></tr></thead>
                    <tbody>
                        {i.preview(SHOWN).into_iter().map(|p| view! {
                            <tr>
                                <td class="num">{p.row}</td>
                                <td>{p.customer.display_name()}</td>
                                <td>{p.customer.emails.first().cloned().unwrap_or_default()}</td>
                                <td>{p.customer.phones.first().cloned().unwrap_or_default()}</td>
                                <td>{p.customer.company.clone()}</td>
                                <td>{p.customer.address.city.clone()}</td>
                                <td>{p.customer.lifecycle.display()}</td>
                                <td>
                                    {if p.action == RowAction::Update { t::action_update() } else { t::action_new() }}
                                    {p.notice.clone().map(|n| view! { <div class="notice small" role="note">{n}</div> })}
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any(),
            Checked::Orders(i) => view! {
                <table class="data">
                    <caption>{t::first_orders()}</caption>
                    <thead><tr><th scope="col">{common::date()}</th><th scope="col">{t::product()}</th><th scope="col" class="num">{t::total()}</th><th scope="col">{common::currency()}</th></tr></thead>
                    <tbody>
                        {i.preview(SHOWN).iter().map(|o| view! {
                            <tr>
                                <td>{crate::format::date(o.date)}</td>
                                <td>{o.line_items.first().map(|l| l.product.clone()).unwrap_or_default()}</td>
                                <td class="num">{format!("{:.2}", o.total)}</td>
                                <td>{o.currency.clone()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any(),
        }
        })
    };
    let issues = move || {
        with_checked(&|c| {
            let all = c.issues();
            if all.is_empty() {
                return view! { <p class="muted">{t::no_problems()}</p> }.into_any();
            }
            let total = all.len();
            view! {
                <h3>{t::problems(thousands(total))}</h3>
                <ul class="issues-list">
                    {all.iter().take(SHOWN_ISSUES).map(|i| view! {
                        <li><strong>{t::row_number(i.row.to_string())}</strong>{t::issue(i.column.to_string(), i.message.to_string())}</li>
                    }).collect_view()}
                </ul>
            }.into_any()
        })
    };
    let download_report = move |_| {
        let text = flow
            .checked
            .with_value(|c| c.as_ref().map(|c| report_csv(c.issues())));
        if let Some(text) = text {
            if let Err(e) = download_csv("import-report", &text) {
                flow.error.set(Some(e));
            }
        }
    };
    view! {
        {counts}
        {preview}
        {issues}
        <div class="toolbar">
            <button type="button" class="primary" on:click=move |_| flow.save(state)>{t::import()}</button>
            <button type="button" on:click=download_report>{t::download_report()}</button>
            <button type="button" on:click=move |_| flow.step.set(super::import::Step::Mapping)>{t::back_to_columns()}</button>
        </div>
    }
}
