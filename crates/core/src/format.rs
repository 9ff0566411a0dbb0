//! Numbers and dates as the pages show them: counts with thousands
//! separators, money with cents or rounded to whole units, shares as
//! percentages, dates and month labels in the current language
//! ([`crate::i18n::lang`]). One place, so the Orders page, the Dashboard and
//! the campaign figures agree. English and Chinese (zh-CN) write numbers the
//! same way (`1,234.50`, `12.3%`); dates differ: `2024-03-01` / `2024年3月1日`.
//! (CSV export writes plain machine-readable numbers and ISO dates:
//! `io::export`.)

use crate::i18n::{lang, Lang};
use time::Date;

/// `1234567` → `"1,234,567"`.
pub fn thousands(n: usize) -> String {
    group_digits(&n.to_string())
}

/// A run of ASCII digits with a comma every three from the right.
fn group_digits(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `x` with `decimals` decimals and grouped thousands; not finite → `"—"`;
/// no minus sign on a value that rounds to zero.
fn grouped(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    // Half away from zero, as people round (format! alone rounds half to even).
    // Past 2^53 an f64 has no fractional part left to round.
    let scale = 10f64.powi(decimals as i32);
    let magnitude = if x.abs() * scale < 9.0e15 {
        (x.abs() * scale).round() / scale
    } else {
        x.abs()
    };
    let text = format!("{:.*}", decimals, magnitude);
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let is_zero = text.bytes().all(|b| b == b'0' || b == b'.');
    let sign = if x < 0.0 && !is_zero { "-" } else { "" };
    let point = if fraction.is_empty() { "" } else { "." };
    format!("{sign}{}{point}{fraction}", group_digits(whole))
}

/// `1234.5` → `"1,234.50"`; `-0.004` → `"0.00"`; not finite → `"—"`.
pub fn money(x: f64) -> String {
    grouped(x, 2)
}

/// Money rounded to whole units, for headline figures: `1234.5` →
/// `"1,235"`; not finite → `"—"`.
pub fn whole_money(x: f64) -> String {
    grouped(x, 0)
}

/// A share (0..=1) as a percentage with one decimal; none → `"—"`.
pub fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "—".into(), |x| format!("{:.1}%", x * 100.0))
}

/// A month as chart axes label it: `"Jan 24"` for January 2024, `"24年1月"`
/// in Chinese (`month` outside 1–12 is clamped).
///
/// ```
/// assert_eq!(rapport_core::format::month_label(1997, 3), "Mar 97");
/// ```
pub fn month_label(year: i32, month: u8) -> String {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = month.clamp(1, 12);
    let year = year.rem_euclid(100);
    match lang() {
        Lang::En => format!("{} {year:02}", NAMES[usize::from(month) - 1]),
        Lang::Zh => format!("{year:02}年{month}月"),
    }
}

/// A day as the pages show it: ISO `2024-03-01` in English (sorts and
/// reads the same everywhere), `2024年3月1日` in Chinese.
pub fn date(day: Date) -> String {
    match lang() {
        Lang::En => crate::model::iso_date::format(day),
        Lang::Zh => format!("{}年{}月{}日", day.year(), day.month() as u8, day.day()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_by_three() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn money_keeps_cents_and_its_sign() {
        assert_eq!(money(1234.5), "1,234.50");
        assert_eq!(money(-12.345), "-12.35");
        assert_eq!(money(-0.004), "0.00");
        assert_eq!(money(f64::NAN), "—");
        assert_eq!(money(1e21), "1,000,000,000,000,000,000,000.00");
    }

    #[test]
    fn dates_and_month_labels_follow_the_language() {
        use crate::i18n::with_lang;
        let day = time::macros::date!(2024 - 03 - 01);
        assert_eq!(with_lang(Lang::En, || date(day)), "2024-03-01");
        assert_eq!(with_lang(Lang::Zh, || date(day)), "2024年3月1日");
        assert_eq!(with_lang(Lang::En, || month_label(2024, 12)), "Dec 24");
        assert_eq!(with_lang(Lang::Zh, || month_label(2024, 12)), "24年12月");
        assert_eq!(with_lang(Lang::Zh, || month_label(2005, 0)), "05年1月");
    }

    #[test]
    fn whole_money_rounds_and_percent_has_one_decimal() {
        assert_eq!(whole_money(1234.5), "1,235");
        assert_eq!(whole_money(-0.4), "0");
        assert_eq!(whole_money(-2_500.0), "-2,500");
        assert_eq!(whole_money(f64::INFINITY), "—");
        assert_eq!(percent(Some(0.1234)), "12.3%");
        assert_eq!(percent(None), "—");
    }
}
