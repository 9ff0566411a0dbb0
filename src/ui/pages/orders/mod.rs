//! The Orders page: quotes, orders and contracts, newest first, filtered by
//! status and searched by customer name or product, [`PAGE_SIZE`] rows a
//! page; each row opens to show its line items. A quote can be converted to
//! an order (version-checked, with Undo). Below the list, the totals of
//! each month of the period the user picks (the [`PeriodPicker`], shared
//! with the Dashboard; by default the period that holds the orders), and of
//! the whole period, added up in the worker ([`OrderTotalsJob`]): the page
//! sends the period and gets one row per month back, a burst of changes is
//! added up once, and the last totals stay on screen while newer ones are
//! computed.
//!
//! The store is read once per revision for the list; filtering and paging
//! work on that copy, so typing in the search does not touch IndexedDB.

mod row;

use crate::analytics::sales::MonthTotal;
use crate::jobs::{OrderTotalsInput, OrderTotalsJob};
use crate::model::newest_orders::{newest_first, NewestOrders};
use crate::model::{date_of, Id, Order, OrderStatus, Record};
use crate::search::page::PageWindow;
use crate::store::{Collection, StoreError};
use crate::ui::base_path::app_href;
use crate::ui::components::{
    thousands, ChoiceFilter, EmptyState, JobState, PageHeader, Pager, SaveError, SearchBox,
};
use crate::ui::period_setting::{self, PeriodPicker};
use crate::ui::state::{mark_step, now_ms, AppState};
use leptos::prelude::*;
use rapport_core::i18n::{common, orders as t, shell, Lang};
use row::order_row;
use std::collections::HashSet;
use std::sync::Arc;

/// Rows per page.
const PAGE_SIZE: usize = 50;

/// Every live order, newest first; `None` while the database is opening.
/// Decoded in slices (`IdbStore::all_in_slices`), so a store of hundreds of
/// thousands of orders does not freeze the page while it loads. Keeps the
/// newest orders for the next visit if the store had none kept for these
/// orders.
async fn load(state: AppState) -> Result<Arc<Vec<Order>>, StoreError> {
    let store = state.store()?;
    mark_step("orders-read-start");
    let (generation, kept) = store.newest_orders_are_kept().await?;
    let mut orders: Vec<Order> = store
        .all_in_slices::<Order>()
        .await?
        .into_iter()
        .filter(|o| !o.is_deleted())
        .collect();
    mark_step("orders-read");
    newest_first(&mut orders);
    mark_step("orders-sorted");
    if !kept {
        // Best effort (without it the next visit waits for every order),
        // and not awaited: its readwrite transaction queues behind the
        // worker's long reads (the insight overview's, seconds at 100,000
        // customers), which the list must not wait for.
        let newest = NewestOrders::of_sorted(&orders);
        leptos::task::spawn_local(async move {
            let _ = store.keep_newest_orders(generation, &newest).await;
            mark_step("orders-newest-kept");
        });
    }
    Ok(Arc::new(orders))
}

/// The newest orders (the number of live orders, and the newest of them),
/// if the store keeps them for the orders as they are.
async fn load_newest(state: AppState) -> Result<Option<(usize, Arc<Vec<Order>>)>, StoreError> {
    let kept = state.store()?.kept_newest_orders().await?.1;
    Ok(kept.map(|newest| (newest.live, Arc::new(newest.orders))))
}

/// What the list can show so far: rows (newest first), the indices of those
/// that pass the filters, and how many pass in all (more than `found` holds
/// while only the newest orders are read).
#[derive(Clone)]
struct Listing {
    rows: Arc<Vec<Order>>,
    found: Vec<usize>,
    total: usize,
}

impl PartialEq for Listing {
    /// The same rows by identity: comparing ≈ 400,000 orders field by field
    /// on every keystroke would cost more than the filter.
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.rows, &other.rows)
            && self.found == other.found
            && self.total == other.total
    }
}

pub(crate) use crate::format::money;

/// Whether `haystack` contains `needle` (already lower-cased), ignoring case,
/// without allocating for ASCII text.
fn contains_folded(haystack: &str, needle: &str) -> bool {
    if haystack.is_ascii() && needle.is_ascii() {
        let (h, n) = (haystack.as_bytes(), needle.as_bytes());
        n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
    } else {
        haystack.to_lowercase().contains(needle)
    }
}

/// "12.50 USD; 3.00 EUR", or "—" for none.
fn revenue_text(revenue: &[(String, f64)]) -> String {
    if revenue.is_empty() {
        return "—".into();
    }
    revenue
        .iter()
        .map(|(code, sum)| format!("{} {code}", money(*sum)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// "March 1997" / "1997年3月": the heading of a month's totals.
fn month_heading(first_day: time::Date) -> String {
    let month = match rapport_core::i18n::lang() {
        Lang::En => first_day.month().to_string(),
        Lang::Zh => u8::from(first_day.month()).to_string(),
    };
    t::month_heading(month, first_day.year())
}

/// What the page shows as a whole.
#[derive(Clone, PartialEq)]
enum Phase {
    /// Nothing read yet.
    Loading,
    /// The orders could not be read: the message.
    Failed(String),
    /// The database is still opening.
    Opening,
    /// There are no orders.
    Empty,
    /// The list (from the newest orders or from every order) and the totals.
    Listed,
}

/// Orders: quotes, orders and contracts.
#[component]
pub fn OrdersPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let orders = state.store_resource(&[Collection::Orders], load);
    let status = RwSignal::new(None::<OrderStatus>);
    let query = RwSignal::new(String::new());
    let page = RwSignal::new(0usize);
    let expanded = RwSignal::new(HashSet::<Id>::new());
    let error = RwSignal::new(None::<(String, bool)>);

    let newest = state.store_resource(&[Collection::Orders], load_newest);
    let loaded = move || orders.get().and_then(Result::ok).flatten();
    let kept = move || newest.get().and_then(Result::ok).flatten().flatten();
    // The rows that pass the filters: from every order once they are read;
    // before that, without filters, the newest orders the store keeps;
    // `None` while neither is there (or a filter waits for every order).
    let listing = Memo::new(move |_| {
        let status = status.get();
        let needle = query.get().trim().to_lowercase();
        let Some(all) = loaded() else {
            let (live, newest) = kept()?;
            if status.is_some() || !needle.is_empty() {
                return None;
            }
            return Some(Listing {
                found: (0..newest.len()).collect(),
                total: live,
                rows: newest,
            });
        };
        let customers: HashSet<Id> = if needle.is_empty() {
            HashSet::new()
        } else {
            state.with_index(|index| {
                index
                    .rows()
                    .filter(|r| contains_folded(&r.name, &needle))
                    .map(|r| r.id)
                    .collect()
            })
        };
        let found: Vec<usize> = all
            .iter()
            .enumerate()
            .filter(|(_, o)| status.is_none_or(|s| o.status == s))
            .filter(|(_, o)| {
                needle.is_empty()
                    || customers.contains(&o.customer_id)
                    || o.line_items
                        .iter()
                        .any(|l| contains_folded(&l.product, &needle))
            })
            .map(|(i, _)| i)
            .collect();
        Some(Listing {
            total: found.len(),
            found,
            rows: all,
        })
    });
    // What the page shows as a whole; changes only between these, so the
    // list's controls are not rebuilt when every order arrives.
    let phase = Memo::new(move |_| match (orders.get(), kept()) {
        (Some(Err(e)), _) => Phase::Failed(e.user_message()),
        (Some(Ok(None)), _) => Phase::Opening,
        (Some(Ok(Some(all))), _) if all.is_empty() => Phase::Empty,
        (_, Some((0, _))) => Phase::Empty,
        (Some(Ok(Some(_))), _) | (_, Some(_)) => Phase::Listed,
        (None, None) => Phase::Loading,
    });
    let chosen = period_setting::chosen();
    // The totals are added up in the worker (`jobs::order_totals`): the page
    // sends the period and receives one row per month. The last report
    // stays on screen while a newer one is computed.
    let job = JobState::new();
    let report = period_setting::worker_report::<OrderTotalsJob>(state, job, move || {
        state.track(Collection::Orders);
        OrderTotalsInput {
            chosen: chosen.get(),
            today: date_of(now_ms()),
        }
    });
    let shown = period_setting::shown_signal(report, chosen);
    let months_caption = move || {
        shown.with(|s| {
            t::months_caption(
                s.period.label(),
                crate::format::date(s.bounds.0),
                crate::format::date(s.bounds.1),
            )
        })
    };
    let total_row = move || {
        let total = report.with(|r| r.as_ref().map(|r| r.total.clone()).unwrap_or_default());
        view! {
            <tr>
                <th scope="row">{move || t::total_for(shown.with(|s| s.period.caption(s.bounds)))}</th>
                <td class="num">{thousands(total.orders)}</td>
                <td class="num">{thousands(total.quotes)}</td>
                <td class="num">{revenue_text(&total.revenue)}</td>
            </tr>
        }
    };

    let row = move |order: Order| order_row(state, expanded, error, order);

    let month_row = |m: MonthTotal| {
        view! {
            <tr>
                <th scope="row">{month_heading(m.month)}</th>
                <td class="num">{thousands(m.orders)}</td>
                <td class="num">{thousands(m.quotes)}</td>
                <td class="num">{revenue_text(&m.revenue)}</td>
            </tr>
        }
    };

    view! {
        <PageHeader title=t::title() subtitle=t::subtitle()>
            <a class="button primary" href=app_href("/orders/new")>{t::new_quote()}</a>
        </PageHeader>
        {move || match phase.get() {
            Phase::Loading => view! { <p class="muted">{t::loading()}</p> }.into_any(),
            Phase::Failed(message) => view! { <p class="error" role="alert">{message}</p> }.into_any(),
            Phase::Opening => view! { <p class="muted">{t::opening_database()}</p> }.into_any(),
            Phase::Empty => view! {
                    <EmptyState icon="▦" title=t::empty_title()>
                        <p>
                            {t::empty_before_new()}<strong>{t::new_quote()}</strong>{t::empty_before_import()}
                            <a href=app_href("/import-export")>{shell::nav_import_export()}</a>{t::empty_before_dashboard()}
                            <a href=app_href("/")>{shell::nav_dashboard()}</a>{t::empty_after_dashboard()}
                        </p>
                    </EmptyState>
                }.into_any(),
            Phase::Listed => view! {
                    <section class="card" aria-labelledby="orders-list-heading">
                        <h2 id="orders-list-heading">{t::list_heading()}</h2>
                        <div class="toolbar">
                            <SearchBox label=t::search() query=query page=page/>
                            <ChoiceFilter label=common::status() choices=OrderStatus::ALL name=OrderStatus::label value=status page=page/>
                        </div>
                        <SaveError error=error/>
                        {move || {
                            let Some(listing) = listing.get() else {
                                return view! { <p class="muted" role="status">{t::reading_every_order()}</p> }.into_any();
                            };
                            let window = PageWindow::of(listing.total, page.get(), PAGE_SIZE);
                            let pages = window.pages;
                            if listing.total == 0 {
                                return view! { <p class="muted" role="status">{t::no_match()}</p> }.into_any();
                            }
                            // A later page than the newest orders hold waits for every order.
                            let Some(shown) = listing.found.get(window.start..window.end) else {
                                return view! {
                                    <p class="muted" role="status">{t::reading_every_order()}</p>
                                    <Pager page=page pages=pages label=t::pages()/>
                                }.into_any();
                            };
                            let rows: Vec<Order> = shown.iter().map(|&i| listing.rows[i].clone()).collect();
                                view! {
                                    <p class="result-count" role="status">{window.summary()}</p>
                                    <div class="table-scroll">
                                        <table class="orders-table">
                                            <thead>
                                                <tr>
                                                    <th scope="col"><span class="sr-only">{t::line_items()}</span></th>
                                                    <th scope="col">{common::date()}</th>
                                                    <th scope="col">{common::customer()}</th>
                                                    <th scope="col">{common::status()}</th>
                                                    <th scope="col" class="num">{t::lines()}</th>
                                                    <th scope="col" class="num">{t::total()}</th>
                                                    <th scope="col"><span class="sr-only">{t::actions()}</span></th>
                                                </tr>
                                            </thead>
                                            <tbody>{rows.into_iter().map(row).collect_view()}</tbody>
                                        </table>
                                    </div>
                                    <Pager page=page pages=pages label=t::pages()/>
                                }.into_any()
                            }
                        }
                    </section>
                    <section class="card" aria-labelledby="orders-months-heading">
                        <h2 id="orders-months-heading">{t::totals_by_month()}</h2>
                        {move || job.error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                        // The picker offers the years with orders, which the
                        // first report brings.
                        <Show
                            when=move || report.with(Option::is_some)
                            fallback=|| view! { <p class="muted" role="status">{t::adding_up()}</p> }
                        >
                            <PeriodPicker chosen=chosen shown=shown/>
                            <p class="muted">{months_caption}</p>
                        </Show>
                        <div class="table-scroll">
                            <table class="months-table">
                                <thead>
                                    <tr>
                                        <th scope="col">{t::month()}</th>
                                        <th scope="col" class="num">{t::orders_and_contracts()}</th>
                                        <th scope="col" class="num">{t::quotes()}</th>
                                        <th scope="col" class="num">{t::revenue()}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {move || report.with(|r| r.as_ref().map(|r| r.months.clone())).unwrap_or_default().into_iter().map(month_row).collect_view()}
                                </tbody>
                                <tfoot>{total_row}</tfoot>
                            </table>
                        </div>
                    </section>
                }.into_any(),
        }}
    }
}
