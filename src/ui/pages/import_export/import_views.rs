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
                .map(|p| format!("Recognised as a {} export. ", p.name()))
                .unwrap_or_default();
            let format = s
                .detected
                .map(|d| format!("{}, {}-separated", d.encoding, d.delimiter.name()))
                .unwrap_or_default();
            format!(
                "{layout}{} ({format}), {} columns{}.",
                s.name,
                s.columns,
                if s.header.is_none() {
                    ", no header row"
                } else {
                    ""
                }
            )
        })
    };
    let column_name = move |i: usize| {
        sniffed()
            .and_then(|s| s.header.and_then(|h| h.get(i).cloned()))
            .unwrap_or_else(|| format!("Column {}", i + 1))
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
                    aria-label=format!("Field for column {name}")
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
                    aria-label=format!("Field for column {name}")
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
                Kind::Customers => "customers or contacts",
                Kind::Orders => "orders or transactions",
            };
            let chosen = if flow.kind.get() == g.kind {
                "it is selected above"
            } else {
                "you chose the other kind above"
            };
            view! {
                <p class="notice" role="status">{format!("{} It is proposed as {kind}; {chosen}.", g.reason)}</p>
            }
        })
    };
    view! {
        <h3>"Match the columns"</h3>
        <p class="muted">{described}</p>
        {proposal}
        <div class="mapping-grid" role="group" aria-label="Column mapping">
            <strong>"Column in the file"</strong><strong>"Goes to"</strong><strong>"First value"</strong>
            {move || if flow.kind.get() == Kind::Customers { customer_rows().into_any() } else { order_rows().into_any() }}
        </div>
        <Show when=move || flow.kind.get() == Kind::Customers fallback=move || view! {
            <label class="field-inline">"Currency of the amounts "
                <input type="text" maxlength="3" size="4" aria-label="Currency" prop:value=move || flow.currency.get() on:input=move |ev| flow.currency.set(event_target_value(&ev))/>
            </label>
        }>
            <fieldset class="choices">
                <legend>"Customers already here (same email, else same phone)"</legend>
                {[(DuplicatePolicy::Skip, " Skip the row"), (DuplicatePolicy::Update, " Update the customer with the row's values"), (DuplicatePolicy::Create, " Create a new customer anyway")].into_iter().map(|(p, text)| view! {
                    <label><input type="radio" name="duplicates" checked=move || flow.policy.get() == p on:change=move |_| flow.policy.set(p)/>{text}</label>
                }).collect_view()}
            </fieldset>
        </Show>
        <div class="toolbar">
            <button type="button" class="primary" on:click=move |_| flow.check(state)>"Check the file"</button>
            <button type="button" on:click=move |_| flow.reset()>"Choose another file"</button>
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
            let new_customers = if s.customers_created > 0 {
                format!(", {} new customers", thousands(s.customers_created))
            } else {
                String::new()
            };
            view! {
                <div class="kpis">
                    <div class="kpi"><span class="kpi-label">"Rows read"</span><span class="kpi-value">{thousands(s.rows)}</span></div>
                    <div class="kpi"><span class="kpi-label">"New"</span><span class="kpi-value">{thousands(s.created)}</span></div>
                    <div class="kpi"><span class="kpi-label">"Updated"</span><span class="kpi-value">{thousands(s.updated)}</span></div>
                    <div class="kpi"><span class="kpi-label">"Duplicates skipped"</span><span class="kpi-value">{thousands(s.duplicates)}</span></div>
                    <div class="kpi"><span class="kpi-label">"Rows with errors (skipped)"</span><span class="kpi-value">{thousands(s.invalid)}</span></div>
                </div>
                {match c {
                    Checked::Orders(i) => i.duplicate_warning().map(|w| view! { <p class="notice" role="status">{w}</p> }),
                    Checked::Customers(_) => None,
                }}
                <p class="muted">{format!("Nothing is saved until you press Import{new_customers}.")}</p>
            }.into_any()
        })
    };
    let preview = move || {
        with_checked(&|c| {
            match c {
            Checked::Customers(i) => view! {
                <table class="data">
                    <caption>"The first customers as they will be stored"</caption>
                    <thead><tr><th scope="col">"Row"</th><th scope="col">"Name"</th><th scope="col">"Email"</th><th scope="col">"Phone"</th><th scope="col">"Company"</th><th scope="col">"City"</th><th scope="col">"Stage"</th><th scope="col">""</th></tr></thead>
                    <tbody>
                        {i.preview(SHOWN).into_iter().map(|p| view! {
                            <tr>
                                <td class="num">{p.row}</td>
                                <td>{p.customer.display_name()}</td>
                                <td>{p.customer.emails.first().cloned().unwrap_or_default()}</td>
                                <td>{p.customer.phones.first().cloned().unwrap_or_default()}</td>
                                <td>{p.customer.company.clone()}</td>
                                <td>{p.customer.address.city.clone()}</td>
                                <td>{p.customer.lifecycle.label()}</td>
                                <td>
                                    {if p.action == RowAction::Update { "update" } else { "new" }}
                                    {p.notice.clone().map(|n| view! { <div class="notice small" role="note">{n}</div> })}
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any(),
            Checked::Orders(i) => view! {
                <table class="data">
                    <caption>"The first orders as they will be stored"</caption>
                    <thead><tr><th scope="col">"Date"</th><th scope="col">"Product"</th><th scope="col" class="num">"Total"</th><th scope="col">"Currency"</th></tr></thead>
                    <tbody>
                        {i.preview(SHOWN).iter().map(|o| view! {
                            <tr>
                                <td>{o.date.to_string()}</td>
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
                return view! { <p class="muted">"No problems found."</p> }.into_any();
            }
            let total = all.len();
            view! {
                <h3>{format!("{} problems", thousands(total))}</h3>
                <ul class="issues-list">
                    {all.iter().take(SHOWN_ISSUES).map(|i| view! {
                        <li><strong>{format!("Row {}", i.row)}</strong>{format!(", {}: {}", i.column, i.message)}</li>
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
            <button type="button" class="primary" on:click=move |_| flow.save(state)>"Import"</button>
            <button type="button" on:click=download_report>"Download the report"</button>
            <button type="button" on:click=move |_| flow.step.set(super::import::Step::Mapping)>"Back to the columns"</button>
        </div>
    }
}
