//! Numbers as the pages show them: counts with thousands separators, money
//! with cents or rounded to whole units, shares as percentages. One place,
//! so the Orders page, the Dashboard and the campaign figures agree.
//! (CSV export writes plain machine-readable numbers: `io::export`.)

/// `1234567` → `"1,234,567"`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `1234.5` → `"1,234.50"`; `-0.004` → `"0.00"`; not finite → `"—"`.
pub fn money(x: f64) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    let cents = (x.abs() * 100.0).round() as u128;
    let whole = usize::try_from(cents / 100).unwrap_or(usize::MAX);
    let sign = if x < 0.0 && cents > 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", thousands(whole), cents % 100)
}

/// Money rounded to whole units, for headline figures: `1234.5` →
/// `"1,235"`; not finite → `"—"`.
pub fn whole_money(x: f64) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    let whole = usize::try_from(x.abs().round() as u128).unwrap_or(usize::MAX);
    let sign = if x < 0.0 && whole > 0 { "-" } else { "" };
    format!("{sign}{}", thousands(whole))
}

/// A share (0..=1) as a percentage with one decimal; none → `"—"`.
pub fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "—".into(), |x| format!("{:.1}%", x * 100.0))
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
        assert_eq!(money(1e30), format!("{}.00", thousands(usize::MAX)));
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
