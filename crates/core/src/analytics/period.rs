//! The period a Dashboard or the Orders totals cover: the last 30, 90 or 365
//! days, a calendar year, all time, or a custom from–to range the user
//! types. A [`Period`] is what the picker shows and what settings store
//! (serde); [`Period::bounds`] turns it into the first and last day the
//! figures count, given today and the span of the stored data.
//!
//! # The default: the period that holds the data
//!
//! [`Period::holding`] picks what the pages show before the user chooses:
//!
//! - no data yet, or the newest record is within the last 365 days:
//!   the last 365 days (what the Dashboard always showed);
//! - otherwise, when all the data falls in one calendar year: that year;
//! - otherwise: all time.
//!
//! So an imported purchase log from 1997–98 opens on "All time" and shows
//! its revenue, instead of twelve empty months before today.
//!
//! All time runs from the first to the last day of the data (not to
//! today), so an old history is not stretched over decades of empty months.

use crate::i18n::{analysis_errors as t, labels};
use crate::model::parse::parse_date;
use crate::model::ParseError;
use serde::{Deserialize, Serialize};
use time::{Date, Duration, Month};

/// What the figures of a page cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Period {
    /// The last `n` days, today included (the picker offers 30, 90, 365).
    LastDays(u32),
    /// One calendar year.
    Year(i32),
    /// From the first to the last day of the data.
    AllTime,
    /// From `from` to `to`, both included.
    Range {
        /// The first day.
        from: Date,
        /// The last day.
        to: Date,
    },
}

impl Default for Period {
    /// The last 365 days.
    fn default() -> Self {
        Period::LastDays(365)
    }
}

/// Why a custom period cannot be used, as a sentence for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    /// The From field is empty.
    #[error("{}", t::period_from_missing())]
    FromMissing,
    /// The To field is empty.
    #[error("{}", t::period_to_missing())]
    ToMissing,
    /// From is not a date.
    #[error("{}", t::period_bad_from(.0))]
    BadFrom(String),
    /// To is not a date.
    #[error("{}", t::period_bad_to(.0))]
    BadTo(String),
    /// From is after To.
    #[error("{}", t::period_from_after_to(crate::format::date(*.from), crate::format::date(*.to)))]
    FromAfterTo {
        /// The first day typed.
        from: Date,
        /// The last day typed.
        to: Date,
    },
    /// A period of the last 0 days.
    #[error("{}", t::period_no_days())]
    NoDays,
}

/// The choices the picker lists besides the years with data.
pub const LAST_DAYS: [u32; 3] = [30, 90, 365];

/// The key of the picker's "Custom" choice.
pub const CUSTOM_KEY: &str = "custom";

impl Period {
    /// A custom period from the text of the From and To fields
    /// (`YYYY-MM-DD`, as a date input gives it, or any date the importer
    /// reads), checked: both present, both dates, From on or before To.
    ///
    /// ```
    /// use rapport_core::analytics::period::{Period, PeriodError};
    /// use time::macros::date;
    /// assert_eq!(
    ///     Period::range("1997-01-01", "1998-06-30"),
    ///     Ok(Period::Range { from: date!(1997 - 01 - 01), to: date!(1998 - 06 - 30) })
    /// );
    /// assert!(matches!(Period::range("1998-01-01", "1997-01-01"), Err(PeriodError::FromAfterTo { .. })));
    /// ```
    pub fn range(from: &str, to: &str) -> Result<Period, PeriodError> {
        let read = |text: &str, missing: PeriodError, bad: fn(String) -> PeriodError| {
            parse_date(text).map_err(|e| match e {
                ParseError::Empty => missing,
                _ => bad(text.trim().to_string()),
            })
        };
        let from = read(from, PeriodError::FromMissing, PeriodError::BadFrom)?;
        let to = read(to, PeriodError::ToMissing, PeriodError::BadTo)?;
        let period = Period::Range { from, to };
        period.check()?;
        Ok(period)
    }

    /// Whether the period can be used (a stored one may have been edited by
    /// hand): a range must not end before it starts, and a number of days
    /// must be at least 1.
    pub fn check(&self) -> Result<(), PeriodError> {
        match *self {
            Period::Range { from, to } if from > to => Err(PeriodError::FromAfterTo { from, to }),
            Period::LastDays(0) => Err(PeriodError::NoDays),
            _ => Ok(()),
        }
    }

    /// The first and last day the period covers, both included. `today`
    /// ends the last-days periods; `data_span` (first and last day with
    /// data) is all time, which is today alone when there is no data. A
    /// range given backwards is read forwards; years beyond the calendar's
    /// limits are clamped to it.
    pub fn bounds(&self, today: Date, data_span: Option<(Date, Date)>) -> (Date, Date) {
        match *self {
            Period::LastDays(n) => {
                let back = Duration::days(i64::from(n.max(1)) - 1);
                (today.checked_sub(back).unwrap_or(Date::MIN), today)
            }
            Period::Year(year) => {
                let first = Date::from_calendar_date(year, Month::January, 1);
                let last = Date::from_calendar_date(year, Month::December, 31);
                match (first, last) {
                    (Ok(first), Ok(last)) => (first, last),
                    _ if year < 0 => (Date::MIN, Date::MIN),
                    _ => (Date::MAX, Date::MAX),
                }
            }
            Period::AllTime => data_span.unwrap_or((today, today)),
            Period::Range { from, to } => (from.min(to), from.max(to)),
        }
    }

    /// The period that holds the data (see the module docs): the last 365
    /// days when the newest record is in them (or there is none), else the
    /// one year all the data falls in, else all time.
    ///
    /// ```
    /// use rapport_core::analytics::period::Period;
    /// use time::macros::date;
    /// let today = date!(2025 - 05 - 01);
    /// let cdnow = (date!(1997 - 01 - 01), date!(1998 - 06 - 30));
    /// assert_eq!(Period::holding(today, Some(cdnow)), Period::AllTime);
    /// assert_eq!(Period::holding(today, Some((date!(2020 - 02 - 01), date!(2020 - 11 - 30)))), Period::Year(2020));
    /// assert_eq!(Period::holding(today, None), Period::LastDays(365));
    /// ```
    pub fn holding(today: Date, data_span: Option<(Date, Date)>) -> Period {
        let Some((first, last)) = data_span else {
            return Period::default();
        };
        let (year_ago, _) = Period::default().bounds(today, None);
        if last >= year_ago {
            Period::default()
        } else if first.year() == last.year() {
            Period::Year(first.year())
        } else {
            Period::AllTime
        }
    }

    /// The period a page shows: the one the user chose, when there is one
    /// and it [checks](Period::check), else the one that
    /// [holds the data](Period::holding).
    pub fn chosen_or_holding(
        chosen: Option<Period>,
        today: Date,
        data_span: Option<(Date, Date)>,
    ) -> Period {
        chosen
            .filter(|p| p.check().is_ok())
            .unwrap_or_else(|| Period::holding(today, data_span))
    }

    /// What the picker shows: "Last 30 days", "1997", "All time", "Custom"
    /// (in the current language).
    pub fn label(&self) -> String {
        match self {
            Period::LastDays(n) => labels::last_days(*n),
            Period::Year(y) => y.to_string(),
            Period::AllTime => labels::all_time().into(),
            Period::Range { .. } => labels::custom_period().into(),
        }
    }

    /// The period in a figure's label, after a comma ("Revenue, 1997–1998"):
    /// "last 365 days", "1997", the years all time spans ("1997–1998"), or
    /// "2024-01-01 to 2024-03-31". `bounds` are what [`Period::bounds`]
    /// returned.
    pub fn caption(&self, (from, to): (Date, Date)) -> String {
        match self {
            Period::LastDays(n) => labels::caption_last_days(*n),
            Period::Year(y) => y.to_string(),
            Period::AllTime if from.year() == to.year() => from.year().to_string(),
            Period::AllTime => format!("{}–{}", from.year(), to.year()),
            Period::Range { .. } => {
                labels::caption_range(crate::format::date(from), crate::format::date(to))
            }
        }
    }

    /// A stable key for the picker's `<option value>`: "last-30", "year-1997",
    /// "all", or [`CUSTOM_KEY`] for a range.
    pub fn key(&self) -> String {
        match self {
            Period::LastDays(n) => format!("last-{n}"),
            Period::Year(y) => format!("year-{y}"),
            Period::AllTime => "all".into(),
            Period::Range { .. } => CUSTOM_KEY.into(),
        }
    }

    /// The period a [`key`](Period::key) names; `None` for the custom key
    /// (its dates come from the From and To fields) and for unknown keys.
    pub fn from_key(key: &str) -> Option<Period> {
        if key == "all" {
            return Some(Period::AllTime);
        }
        if let Some(n) = key.strip_prefix("last-") {
            return n.parse().ok().filter(|n| *n > 0).map(Period::LastDays);
        }
        key.strip_prefix("year-")?.parse().ok().map(Period::Year)
    }

    /// The picker's fixed choices, in order: the last 30, 90 and 365 days,
    /// each year in `years` (newest first, as given), all time. The UI adds
    /// "Custom" after them.
    pub fn choices(years: &[i32]) -> Vec<Period> {
        LAST_DAYS
            .iter()
            .map(|n| Period::LastDays(*n))
            .chain(years.iter().map(|y| Period::Year(*y)))
            .chain([Period::AllTime])
            .collect()
    }
}

/// The first and last of `dates`; `None` when there are none.
pub fn span_of(dates: impl IntoIterator<Item = Date>) -> Option<(Date, Date)> {
    dates.into_iter().fold(None, |span, d| match span {
        None => Some((d, d)),
        Some((first, last)) => Some((first.min(d), last.max(d))),
    })
}

/// The distinct years of `dates`, newest first (the picker's years).
pub fn years_of(dates: impl IntoIterator<Item = Date>) -> Vec<i32> {
    let mut years: Vec<i32> = dates.into_iter().map(|d| d.year()).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    years
}

/// The first day of each calendar month from `from`'s month to `to`'s,
/// oldest first (empty when `to` is before `from`).
pub fn month_starts(from: Date, to: Date) -> Vec<Date> {
    let index = |d: Date| d.year() * 12 + (d.month() as i32 - 1);
    (index(from)..=index(to))
        .filter_map(|i| {
            let month = Month::try_from((i.rem_euclid(12) + 1) as u8).ok()?;
            Date::from_calendar_date(i.div_euclid(12), month, 1).ok()
        })
        .collect()
}

/// The position of `date`'s month among months starting with `first`'s
/// (0 for the same month); negative before it.
pub(crate) fn month_offset(first: Date, date: Date) -> i64 {
    let index = |d: Date| i64::from(d.year()) * 12 + d.month() as i64;
    index(date) - index(first)
}

#[cfg(test)]
#[path = "period_tests.rs"]
mod tests;
