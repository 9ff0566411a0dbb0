//! Sales summaries for the Pipeline and Orders pages: deals grouped into the
//! columns of a [`Pipeline`] with their totals, and orders totalled by
//! calendar month.
//!
//! Pure functions over model records (no store, no DOM), so the pages only
//! render what these return and the arithmetic is tested natively. Trashed
//! records are skipped here, so callers can pass what the store returns.

use super::period::{month_offset, month_starts};
use crate::model::{Deal, Order, OrderStatus, Pipeline, Record};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::Date;

/// One column of the deal board: a pipeline stage, or "Other" for deals whose
/// stage the pipeline does not know.
#[derive(Debug, Clone, PartialEq)]
pub struct StageColumn {
    /// The stage name as the pipeline spells it (or [`StageColumn::OTHER`]).
    pub stage: String,
    /// Whether the column is a stage of the pipeline (a deal can be moved
    /// into it); false for the "Other" column.
    pub in_pipeline: bool,
    /// Whether the stage closes a deal (Won, Lost).
    pub closed: bool,
    /// The column's deals, soonest expected close first (deals without a
    /// date last), then largest value first.
    pub deals: Vec<Deal>,
    /// Sum of the deals' values.
    pub value: f64,
    /// Sum of `value × probability`.
    pub weighted: f64,
}

impl StageColumn {
    /// The name of the column holding deals in unknown stages.
    pub const OTHER: &'static str = "Other";

    /// How many deals the column holds.
    pub fn count(&self) -> usize {
        self.deals.len()
    }

    fn new(stage: &str, in_pipeline: bool) -> StageColumn {
        StageColumn {
            stage: stage.to_string(),
            in_pipeline,
            closed: Pipeline::is_closed(stage),
            deals: Vec::new(),
            value: 0.0,
            weighted: 0.0,
        }
    }
}

/// Groups the live deals that `keep` accepts into one column per stage of
/// `pipeline`, in pipeline order, plus a last "Other" column when some deal's
/// stage is not in the pipeline (it is left out when empty). Stage names
/// match case-insensitively, as [`Pipeline::index_of`] does.
///
/// ```
/// use rapport_core::analytics::sales::board;
/// use rapport_core::model::{Deal, Pipeline, Uuid};
/// let d = Deal::new(Uuid::from_u128(1), 0, Uuid::from_u128(9), "Renewal", "proposal", 100.0, 0.5);
/// let columns = board(&[d], &Pipeline::default(), |_| true);
/// assert_eq!(columns[2].stage, "Proposal");
/// assert_eq!((columns[2].count(), columns[2].weighted), (1, 50.0));
/// ```
pub fn board(
    deals: &[Deal],
    pipeline: &Pipeline,
    keep: impl Fn(&Deal) -> bool,
) -> Vec<StageColumn> {
    let mut columns: Vec<StageColumn> = pipeline
        .stages
        .iter()
        .map(|s| StageColumn::new(s, true))
        .collect();
    let mut other = StageColumn::new(StageColumn::OTHER, false);
    other.closed = false;
    for deal in deals.iter().filter(|d| !d.is_deleted() && keep(d)) {
        let column = match pipeline.index_of(&deal.stage) {
            Some(i) => &mut columns[i],
            None => &mut other,
        };
        column.value += deal.value;
        column.weighted += deal.weighted_value();
        column.deals.push(deal.clone());
    }
    if !other.deals.is_empty() {
        columns.push(other);
    }
    for column in &mut columns {
        column.deals.sort_by(|a, b| {
            let close = match (a.expected_close, b.expected_close) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            };
            close
                .then(b.value.total_cmp(&a.value))
                .then(a.meta.id.cmp(&b.meta.id))
        });
    }
    columns
}

/// What one calendar month of orders adds up to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthTotal {
    /// The first day of the month.
    pub month: Date,
    /// Orders and contracts dated in the month (revenue statuses).
    pub orders: usize,
    /// Quotes dated in the month.
    pub quotes: usize,
    /// Revenue of the month's orders and contracts per currency code,
    /// rounded to cents, in code order. Empty when there were none.
    pub revenue: Vec<(String, f64)>,
}

/// Totals of the calendar months from `from`'s month to `to`'s, newest
/// first; months without orders are listed with zeros so the table has no
/// gaps. Only orders dated `from` to `to` (both included) count; cancelled
/// and trashed ones are left out. Empty when `to` is before `from`.
///
/// ```
/// use rapport_core::analytics::sales::totals_by_month;
/// use rapport_core::model::{LineItem, Order, OrderStatus, Uuid};
/// use time::macros::date;
/// let o = Order::new(Uuid::from_u128(1), 0, Uuid::from_u128(2), date!(1997 - 03 - 05),
///     OrderStatus::Order, vec![LineItem::new("Widget", 2.0, 10.0)], "USD");
/// let months = totals_by_month(&[o], date!(1997 - 01 - 01), date!(1997 - 04 - 10));
/// assert_eq!(months.len(), 4);
/// assert_eq!(months[1].month, date!(1997 - 03 - 01));
/// assert_eq!(months[1].revenue, vec![("USD".to_string(), 20.0)]);
/// ```
pub fn totals_by_month(orders: &[Order], from: Date, to: Date) -> Vec<MonthTotal> {
    let starts = month_starts(from, to);
    let Some(&first) = starts.first() else {
        return Vec::new();
    };
    let mut sums: Vec<(usize, usize, BTreeMap<&str, f64>)> =
        starts.iter().map(|_| (0, 0, BTreeMap::new())).collect();
    for order in orders {
        if order.is_deleted() || order.date < from || order.date > to {
            continue;
        }
        let Some(slot) = usize::try_from(month_offset(first, order.date))
            .ok()
            .and_then(|i| sums.get_mut(i))
        else {
            continue;
        };
        match order.status {
            OrderStatus::Quote => slot.1 += 1,
            OrderStatus::Cancelled => {}
            s if s.is_revenue() => {
                slot.0 += 1;
                *slot.2.entry(order.currency.as_str()).or_insert(0.0) += order.total;
            }
            _ => {}
        }
    }
    month_rows(starts, sums, |sum| sum)
}

/// One [`MonthTotal`] per month of `starts` (oldest first) from its sums:
/// revenue orders, quotes, and revenue per currency code as `amount` turns
/// it into money; newest first, revenue rounded to cents.
pub(crate) fn month_rows<V>(
    starts: Vec<Date>,
    sums: Vec<(usize, usize, BTreeMap<&str, V>)>,
    amount: impl Fn(V) -> f64,
) -> Vec<MonthTotal> {
    starts
        .into_iter()
        .zip(sums)
        .rev()
        .map(|(month, (orders, quotes, revenue))| MonthTotal {
            month,
            orders,
            quotes,
            revenue: revenue
                .into_iter()
                .map(|(code, sum)| (code.to_string(), cents(amount(sum))))
                .collect(),
        })
        .collect()
}

/// What a whole period adds up to: the sum of its [`MonthTotal`]s.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PeriodTotal {
    /// Orders and contracts.
    pub orders: usize,
    /// Quotes.
    pub quotes: usize,
    /// Revenue per currency code, rounded to cents, in code order.
    pub revenue: Vec<(String, f64)>,
}

/// Adds up `months` (as [`totals_by_month`] returns them) for the table's
/// total row.
pub fn period_total(months: &[MonthTotal]) -> PeriodTotal {
    let mut revenue: BTreeMap<&str, f64> = BTreeMap::new();
    for (code, sum) in months.iter().flat_map(|m| m.revenue.iter()) {
        *revenue.entry(code).or_insert(0.0) += sum;
    }
    PeriodTotal {
        orders: months.iter().map(|m| m.orders).sum(),
        quotes: months.iter().map(|m| m.quotes).sum(),
        revenue: revenue
            .into_iter()
            .map(|(code, sum)| (code.to_string(), cents(sum)))
            .collect(),
    }
}

fn cents(sum: f64) -> f64 {
    (sum * 100.0).round() / 100.0
}

#[cfg(test)]
#[path = "sales_tests.rs"]
mod tests;
