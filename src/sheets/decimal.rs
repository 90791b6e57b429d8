//! Decimal comma or decimal point: numbers as a continental European Excel writes them
//! (`1.200,50`, `23,5%`) turned into the point form the number reader reads, and the test for
//! a cell that the two readings read differently (so the user must be asked which it is).
//!
//! Only runs of ASCII digits with `.` or `,` between them are touched; everything around
//! them (signs, currency, units, `%`, qualifiers) is left to the number reader.

use std::borrow::Cow;

/// The byte ranges of the runs `digits ([.,] digits)*` in `text`.
fn runs(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        if !byte.is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while let Some(&b) = bytes.get(i) {
            let separator_then_digit =
                matches!(b, b'.' | b',') && bytes.get(i + 1).is_some_and(|n| n.is_ascii_digit());
            if b.is_ascii_digit() || separator_then_digit {
                i += 1;
            } else {
                break;
            }
        }
        found.push((start, i));
    }
    found
}

/// `1.200` or `1.234.567`: one to three digits, then groups of three after points.
fn grouped_by_points(run: &str) -> bool {
    let mut parts = run.split('.');
    let first_ok = parts
        .next()
        .is_some_and(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    let mut rest = 0;
    for part in parts {
        if part.len() != 3 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        rest += 1;
    }
    first_ok && rest > 0
}

/// One run read with a decimal comma, in point form; `None` when it is no number of that
/// form (it is then left as it is, for the number reader to read or refuse).
fn run_to_point(run: &str) -> Option<String> {
    match run.matches(',').count() {
        0 => grouped_by_points(run).then(|| run.replace('.', "")),
        1 => {
            let (whole, fraction) = run.split_once(',')?;
            if fraction.contains('.') {
                return None;
            }
            let whole = if whole.contains('.') {
                if !grouped_by_points(whole) {
                    return None;
                }
                whole.replace('.', "")
            } else {
                whole.to_string()
            };
            Some(format!("{whole}.{fraction}"))
        }
        _ => None,
    }
}

/// A cell's text written with a decimal comma, in the point form the number reader reads:
/// `1.200,50` → `1200.50`, `23,5%` → `23.5%`, `1.200` → `1200`, `¥1.234.567` → `¥1234567`.
/// Text with no such number is returned as it is (`12.5`, `2026.03.15`, `很多`).
pub fn comma_to_point(text: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0;
    for (start, end) in runs(text) {
        let Some(run) = text.get(start..end) else {
            continue;
        };
        if let Some(converted) = run_to_point(run) {
            out.push_str(text.get(copied..start).unwrap_or_default());
            out.push_str(&converted);
            copied = end;
        }
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    Cow::Owned(out)
}

/// Whether a cell is a number (one run of digits, with at most a few signs, units or a `%`
/// around it) that a decimal comma reads otherwise than a decimal point: `1.200` (1.2 or
/// 1200), `23,5%` (refused or 23.5 %), `1,234` (1234 or 1.234). `12.5`, `1,200.50` and
/// `甲,乙` are not.
pub fn reads_differently_with_comma(text: &str) -> bool {
    let text = text.trim();
    let found = runs(text);
    let [(start, end)] = found.as_slice() else {
        return false;
    };
    let Some(run) = text.get(*start..*end) else {
        return false;
    };
    let others = text
        .get(..*start)
        .unwrap_or_default()
        .chars()
        .chain(text.get(*end..).unwrap_or_default().chars())
        .filter(|c| !c.is_whitespace())
        .count();
    others <= 4 && run_to_point(run).is_some_and(|point| point != run)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comma_numbers_in_point_form() {
        for (text, want) in [
            ("1.200,50", "1200.50"),
            ("23,5%", "23.5%"),
            ("1.200", "1200"),
            ("1.234.567", "1234567"),
            ("¥1.234,5万", "¥1234.5万"),
            ("约1,5", "约1.5"),
            ("10,5-20,5", "10.5-20.5"),
            ("12.5", "12.5"),
            ("1,200.50", "1,200.50"),
            ("1,2,3", "1,2,3"),
            ("12.34,5", "12.34,5"),
            ("2026.03.15", "2026.03.15"),
            ("很多", "很多"),
            ("", ""),
        ] {
            assert_eq!(comma_to_point(text), want, "{text:?}");
        }
    }

    #[test]
    fn cells_that_read_differently() {
        for text in ["1.200", "23,5%", "1,234", " 1.234,5 ", "¥1.200,50", "1,5"] {
            assert!(reads_differently_with_comma(text), "{text:?}");
        }
        for text in [
            "12.5",
            "1,200.50",
            "1200",
            "甲,乙",
            "A1,B2",
            "2026.03.15",
            "电话 138.000.0000 转 1,5",
            "",
        ] {
            assert!(!reads_differently_with_comma(text), "{text:?}");
        }
    }
}
