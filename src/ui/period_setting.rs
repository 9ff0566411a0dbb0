//! The period the Dashboard and the Orders totals cover: chosen with the
//! [`PeriodPicker`] (a "Period" select with the last 30/90/365 days, each
//! year that has data, all time and Custom, plus "From" and "To" dates for
//! Custom), kept in localStorage through `gloo-storage` under
//! [`PERIOD_KEY`] so both pages and later visits open on it. Until the user
//! picks one, pages show the period that holds the data
//! ([`Period::chosen_or_holding`]); every rule lives in
//! [`crate::analytics::period`]. [`worker_report`] computes such a page's
//! report in the worker, debounced, and [`shown`] says what it covers.

use crate::analytics::period::{Period, CUSTOM_KEY};
use crate::jobs::{DashboardReport, Job, OrderTotalsReport};
use crate::model::date_of;
use crate::ui::components::JobState;
use crate::ui::state::{now_ms, sleep_ms, AppState};
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use rapport_core::i18n::dashboard as t;
use time::Date;

/// The localStorage key of the chosen period.
pub const PERIOD_KEY: &str = "rapport.period";

/// The stored choice; `None` when none is stored, or what is stored is not
/// a usable period (a hand-edited or foreign value).
pub fn load() -> Option<Period> {
    LocalStorage::get::<Period>(PERIOD_KEY)
        .ok()
        .filter(|p| p.check().is_ok())
}

/// A signal holding the stored choice, for a page.
pub fn chosen() -> RwSignal<Option<Period>> {
    RwSignal::new(load())
}

/// The period a page shows and what it needs to offer the others.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    /// The period in effect.
    pub period: Period,
    /// Its first and last day.
    pub bounds: (Date, Date),
    /// The years with data, newest first.
    pub years: Vec<i32>,
}

/// How long a burst of changes must settle before a report is computed
/// again (the first report is computed at once).
const SETTLE_MS: i32 = 250;

/// A report over the chosen period, computed by the worker job `J`: `input`
/// runs in an effect (so it tracks what it reads: the choice, the
/// collections the report sums) and builds the job's input; once the store
/// is readable (`AppState::readable`: the customer index need not be
/// complete) and no demo load runs, the job runs, the first time at once and afterwards when a
/// burst of changes has settled, and only the latest request is sent. The
/// last report stays in the returned signal while a newer one is computed.
pub fn worker_report<J>(
    state: AppState,
    job: JobState,
    input: impl Fn() -> J::Input + 'static,
) -> RwSignal<Option<J::Output>>
where
    J: Job + 'static,
    J::Input: 'static,
    J::Output: Send + Sync + 'static,
{
    let report = RwSignal::new(None::<J::Output>);
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let input = input();
        // Not while the demo data loads: every batch changes what the
        // report adds up, and a run per batch would re-read the growing
        // store each time (quadratic); it runs once when the load ends.
        if !state.jobs_may_start() || state.demo_progress.with(Option::is_some) {
            return;
        }
        let mine = generation.get_value() + 1;
        generation.set_value(mine);
        let first = report.with_untracked(Option::is_none);
        leptos::task::spawn_local(async move {
            if !first {
                sleep_ms(SETTLE_MS).await;
            }
            if generation.get_value() == mine {
                job.run::<J>(input, move |found| report.set(Some(found)));
            }
        });
    });
    on_cleanup(move || job.cancel());
    report
}

/// A worker report computed for a period: the period, bounds and years it
/// was computed for.
pub trait ForPeriod {
    /// What the report shows.
    fn shown(&self) -> Shown;
}

impl ForPeriod for DashboardReport {
    fn shown(&self) -> Shown {
        Shown {
            period: self.period,
            bounds: self.bounds,
            years: self.years.clone(),
        }
    }
}

impl ForPeriod for OrderTotalsReport {
    fn shown(&self) -> Shown {
        Shown {
            period: self.period,
            bounds: self.bounds,
            years: self.years.clone(),
        }
    }
}

/// What a page with a [`worker_report`] shows, as a signal ([`shown`] of
/// the last report and the chosen period).
pub fn shown_signal<R: ForPeriod + Send + Sync + 'static>(
    report: RwSignal<Option<R>>,
    chosen: RwSignal<Option<Period>>,
) -> Signal<Shown> {
    Signal::derive(move || shown(report.with(|r| r.as_ref().map(R::shown)), chosen.get()))
}

/// What a page shows: the period, bounds and years of its report, or until
/// the first report the chosen period (or the default) with no years.
pub fn shown(report: Option<Shown>, chosen: Option<Period>) -> Shown {
    report.unwrap_or_else(|| {
        let today = date_of(now_ms());
        let period = Period::chosen_or_holding(chosen, today, None);
        Shown {
            period,
            bounds: period.bounds(today, None),
            years: Vec::new(),
        }
    })
}

/// The period picker. Picking stores the choice (a failed write only
/// means it is not remembered). Choosing Custom starts from the days shown
/// and opens "From" and "To"; a date that does not make a period shows the
/// reason and keeps the last good one.
#[component]
pub fn PeriodPicker(
    /// The user's choice, `None` until they pick (shared with the page).
    chosen: RwSignal<Option<Period>>,
    /// What the page shows.
    #[prop(into)]
    shown: Signal<Shown>,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let choose = move |p: Period| {
        error.set(None);
        let _ = LocalStorage::set(PERIOD_KEY, p);
        chosen.set(Some(p));
    };
    let on_select = move |ev: leptos::ev::Event| {
        let key = event_target_value(&ev);
        if key == CUSTOM_KEY {
            let (from, to) = shown.with_untracked(|s| s.bounds);
            choose(Period::Range { from, to });
        } else if let Some(p) = Period::from_key(&key) {
            choose(p);
        }
    };
    let from_text = RwSignal::new(String::new());
    let to_text = RwSignal::new(String::new());
    // The boxes show the custom period chosen, and otherwise the days shown.
    // While a custom period is chosen they do not follow `shown`: a report
    // computed for an earlier choice can arrive after the user typed a date,
    // and must not overwrite it.
    Effect::new(move |_| {
        let (from, to) = match chosen.get() {
            Some(Period::Range { from, to }) => (from, to),
            _ => shown.with(|s| s.bounds),
        };
        from_text.set(from.to_string());
        to_text.set(to.to_string());
    });
    let apply_range =
        move || match Period::range(&from_text.get_untracked(), &to_text.get_untracked()) {
            Ok(p) => choose(p),
            Err(e) => error.set(Some(e.to_string())),
        };
    let is_custom = move || shown.with(|s| matches!(s.period, Period::Range { .. }));
    let options = move || {
        let (current, years) = shown.with(|s| (s.period.key(), s.years.clone()));
        Period::choices(&years)
            .into_iter()
            .map(|p| (p.key(), p.label()))
            .chain([(CUSTOM_KEY.to_string(), t::custom_period().to_string())])
            .map(|(key, label)| {
                let selected = key == current;
                view! { <option value=key selected=selected>{label}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="toolbar period-picker" role="group" aria-label=t::period_group()>
            <label class="field-inline">
                {t::period()}" "
                <select on:change=on_select>{options}</select>
            </label>
            <Show when=is_custom>
                <label class="field-inline">
                    {t::from()}" "
                    <input type="date" prop:value=move || from_text.get()
                        on:change=move |ev| { from_text.set(event_target_value(&ev)); apply_range(); }/>
                </label>
                <label class="field-inline">
                    {t::to()}" "
                    <input type="date" prop:value=move || to_text.get()
                        on:change=move |ev| { to_text.set(event_target_value(&ev)); apply_range(); }/>
                </label>
            </Show>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </div>
    }
}
