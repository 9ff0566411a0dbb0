use super::*;
use time::macros::date;

const TODAY: Date = date!(2025 - 05 - 01);

#[test]
fn the_last_days_end_today_and_include_it() {
    assert_eq!(
        Period::LastDays(30).bounds(TODAY, None),
        (date!(2025 - 04 - 02), TODAY)
    );
    assert_eq!(
        Period::LastDays(365).bounds(TODAY, None),
        (date!(2024 - 05 - 02), TODAY)
    );
    assert_eq!(Period::LastDays(1).bounds(TODAY, None), (TODAY, TODAY));
    assert_eq!(
        Period::LastDays(0).bounds(TODAY, None),
        (TODAY, TODAY),
        "a hand-edited 0 is read as today alone"
    );
    let (from, _) = Period::LastDays(u32::MAX).bounds(TODAY, None);
    assert_eq!(from, Date::MIN, "clamped to the calendar, no panic");
}

#[test]
fn a_year_runs_from_january_first_to_december_thirty_first() {
    assert_eq!(
        Period::Year(1997).bounds(TODAY, None),
        (date!(1997 - 01 - 01), date!(1997 - 12 - 31))
    );
    assert_eq!(
        Period::Year(i32::MAX).bounds(TODAY, None),
        (Date::MAX, Date::MAX)
    );
    assert_eq!(
        Period::Year(i32::MIN).bounds(TODAY, None),
        (Date::MIN, Date::MIN)
    );
}

#[test]
fn all_time_is_the_span_of_the_data_or_today_without_data() {
    let span = (date!(1997 - 01 - 01), date!(1998 - 06 - 30));
    assert_eq!(Period::AllTime.bounds(TODAY, Some(span)), span);
    assert_eq!(Period::AllTime.bounds(TODAY, None), (TODAY, TODAY));
}

#[test]
fn a_range_is_its_own_bounds_even_when_given_backwards() {
    let (a, b) = (date!(2024 - 01 - 15), date!(2024 - 03 - 15));
    assert_eq!(Period::Range { from: a, to: b }.bounds(TODAY, None), (a, b));
    assert_eq!(Period::Range { from: b, to: a }.bounds(TODAY, None), (a, b));
}

#[test]
fn the_default_holds_the_data() {
    assert_eq!(Period::holding(TODAY, None), Period::LastDays(365));
    let recent = (date!(2019 - 01 - 01), date!(2025 - 04 - 30));
    assert_eq!(Period::holding(TODAY, Some(recent)), Period::LastDays(365));
    let last_day_in = (date!(2020 - 01 - 01), date!(2024 - 05 - 02));
    assert_eq!(
        Period::holding(TODAY, Some(last_day_in)),
        Period::LastDays(365)
    );
    let one_year = (date!(2020 - 01 - 01), date!(2020 - 12 - 31));
    assert_eq!(Period::holding(TODAY, Some(one_year)), Period::Year(2020));
    let cdnow = (date!(1997 - 01 - 01), date!(1998 - 06 - 30));
    assert_eq!(Period::holding(TODAY, Some(cdnow)), Period::AllTime);
}

#[test]
fn a_custom_range_is_checked_with_a_sentence_for_each_mistake() {
    assert_eq!(
        Period::range("", "2024-01-01"),
        Err(PeriodError::FromMissing)
    );
    assert_eq!(
        Period::range("2024-01-01", "  "),
        Err(PeriodError::ToMissing)
    );
    assert_eq!(
        Period::range("soon", "2024-01-01"),
        Err(PeriodError::BadFrom("soon".into()))
    );
    assert_eq!(
        Period::range("2024-01-01", "2024-02-30"),
        Err(PeriodError::BadTo("2024-02-30".into()))
    );
    let backwards = Period::range("2024-03-01", "2024-02-01").unwrap_err();
    assert_eq!(
        backwards.to_string(),
        "The period starts on 2024-03-01, after it ends on 2024-02-01; choose a From on or before To."
    );
    assert_eq!(
        Period::range("19970101", "1997-12-31"),
        Ok(Period::Range {
            from: date!(1997 - 01 - 01),
            to: date!(1997 - 12 - 31)
        })
    );
    let one_day = Period::range("2024-02-29", "2024-02-29").unwrap();
    assert_eq!(one_day.check(), Ok(()));
    assert_eq!(Period::LastDays(0).check(), Err(PeriodError::NoDays));
    for e in [
        PeriodError::FromMissing,
        PeriodError::ToMissing,
        PeriodError::BadFrom("x".into()),
        PeriodError::NoDays,
    ] {
        let text = e.to_string();
        assert!(
            text.ends_with('.') && text.starts_with(char::is_uppercase),
            "{text}"
        );
    }
}

#[test]
fn keys_round_trip_for_the_picker_and_unknown_keys_are_refused() {
    for p in Period::choices(&[1998, 1997]) {
        assert_eq!(Period::from_key(&p.key()), Some(p), "{p:?}");
    }
    assert_eq!(Period::from_key(CUSTOM_KEY), None);
    assert_eq!(Period::from_key("last-0"), None);
    assert_eq!(Period::from_key("year-abc"), None);
    assert_eq!(Period::from_key("whenever"), None);
}

#[test]
fn the_picker_lists_last_days_then_the_years_then_all_time() {
    let labels: Vec<String> = Period::choices(&[1998, 1997])
        .iter()
        .map(Period::label)
        .collect();
    assert_eq!(
        labels,
        [
            "Last 30 days",
            "Last 90 days",
            "Last 365 days",
            "1998",
            "1997",
            "All time"
        ]
    );
    let custom = Period::Range {
        from: TODAY,
        to: TODAY,
    };
    assert_eq!(custom.label(), "Custom");
}

#[test]
fn captions_name_the_period_in_figure_labels() {
    let caption = |p: Period, span| p.caption(p.bounds(TODAY, span));
    let cdnow = Some((date!(1997 - 01 - 01), date!(1998 - 06 - 30)));
    assert_eq!(caption(Period::LastDays(90), None), "last 90 days");
    assert_eq!(caption(Period::Year(1997), None), "1997");
    assert_eq!(caption(Period::AllTime, cdnow), "1997–1998");
    assert_eq!(caption(Period::AllTime, None), "2025");
    let range = Period::range("2024-01-15", "2024-03-15").unwrap();
    assert_eq!(caption(range, None), "2024-01-15 to 2024-03-15");
}

#[test]
fn a_period_survives_a_json_round_trip_as_settings_store_it() {
    for p in [
        Period::LastDays(30),
        Period::Year(1997),
        Period::AllTime,
        Period::Range {
            from: date!(1997 - 01 - 01),
            to: date!(1998 - 06 - 30),
        },
    ] {
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(serde_json::from_str::<Period>(&json).unwrap(), p, "{json}");
    }
}

#[test]
fn spans_years_and_month_starts_follow_the_dates() {
    let dates = [
        date!(1998 - 06 - 30),
        date!(1997 - 01 - 12),
        date!(1997 - 01 - 01),
    ];
    assert_eq!(
        span_of(dates),
        Some((date!(1997 - 01 - 01), date!(1998 - 06 - 30)))
    );
    assert_eq!(span_of([]), None);
    assert_eq!(years_of(dates), vec![1998, 1997]);
    let months = month_starts(date!(1997 - 11 - 20), date!(1998 - 02 - 01));
    assert_eq!(
        months,
        [
            date!(1997 - 11 - 01),
            date!(1997 - 12 - 01),
            date!(1998 - 01 - 01),
            date!(1998 - 02 - 01)
        ]
    );
    assert!(month_starts(date!(1998 - 02 - 01), date!(1997 - 11 - 20)).is_empty());
    assert_eq!(month_starts(Date::MIN, Date::MIN).len(), 1);
    assert_eq!(
        month_starts(date!(1970 - 01 - 01), date!(2029 - 12 - 31)).len(),
        720,
        "sixty years, still monthly"
    );
}

#[test]
fn a_valid_choice_wins_over_the_default_and_an_invalid_one_does_not() {
    let cdnow = Some((date!(1997 - 01 - 01), date!(1998 - 06 - 30)));
    assert_eq!(
        Period::chosen_or_holding(Some(Period::LastDays(30)), TODAY, cdnow),
        Period::LastDays(30)
    );
    assert_eq!(
        Period::chosen_or_holding(None, TODAY, cdnow),
        Period::AllTime
    );
    let backwards = Period::Range {
        from: TODAY,
        to: date!(2020 - 01 - 01),
    };
    assert_eq!(
        Period::chosen_or_holding(Some(backwards), TODAY, cdnow),
        Period::AllTime
    );
    assert_eq!(
        Period::chosen_or_holding(Some(Period::LastDays(0)), TODAY, None),
        Period::LastDays(365)
    );
}
