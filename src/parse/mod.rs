//! Reading values as people type them into spreadsheets (MODEL §1, §1.1): numbers with units,
//! magnitudes, qualifiers, ranges and Chinese numerals ([`quantity`]), dates in the usual
//! Chinese and ISO forms and Excel serials ([`date`]), yes/no flags and 1–5 ratings ([`flag`]).
//!
//! A cell that says "no value" (`-`, `—`, `N/A`, `无`, empty) is `Ok(None)`; a cell that
//! cannot be read is an error with a stable code ([`ParseError::code`]). Nothing unreadable
//! ever becomes 0.

mod date;
mod error;
mod flag;
mod numerals;
mod quantity;
pub mod units;

pub use date::{civil_from_days, days_from_civil, excel_serial_to_days, format_date, parse_date};
pub use error::ParseError;
pub use flag::{check_rating, parse_flag, parse_rating};
pub use quantity::{read_quantity, Marks, ReadRules, Reading};
pub use units::Dimension;

/// Longest cell text the parser looks at; longer text is an error, not a slow parse.
pub const MAX_CELL_CHARS: usize = 10_000;

/// Full-width forms (ＡＢＣ１２３，．％) and the ideographic space become their ASCII twins.
pub fn normalize_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' | '\u{00A0}' | '\u{2009}' | '\u{202F}' => ' ',
            '\u{FFE5}' => '¥',
            '\u{3002}' => '.',
            _ => c,
        })
        .collect()
}

/// Whether a cell's text means "no value".
pub fn is_blank_marker(text: &str) -> bool {
    if text.is_ascii() {
        // No width fold needed, and no copy.
        let t = text.trim();
        return t.is_empty()
            || matches!(t, "-" | "--" | "/")
            || ["n/a", "na", "#n/a", "null", "none", "nil", "nan"]
                .iter()
                .any(|m| t.eq_ignore_ascii_case(m));
    }
    let t = normalize_width(text);
    let t = t.trim();
    t.is_empty()
        || matches!(
            t,
            "-" | "—" | "–" | "——" | "--" | "/" | "无" | "空" | "暂无" | "未知"
        )
        || matches!(
            t.to_ascii_lowercase().as_str(),
            "n/a" | "na" | "#n/a" | "null" | "none" | "nil" | "nan"
        )
}

/// A number as typed, with what the text itself said about it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: f64,
    /// The text was a share (`%`, `成`): the value is already a fraction.
    pub percent: bool,
    /// The text carried its own magnitude or unit (万, 亿, k, M, 年 …), so a unit in the
    /// header must not scale it again.
    pub scaled: bool,
}

/// Reads a number without a field: `1,234,567`, `¥1.2万`, `3.5亿`, `12%`, `$2.5M`, `(1,234)`,
/// `１２３`, `1e5`, `约100万`, `10-20万`, `一百二十万`; a unit is recognised but not converted.
/// `Ok(None)` for the blank markers.
pub fn parse_number(text: &str) -> Result<Option<Number>, ParseError> {
    Ok(
        read_quantity(text, Dimension::Any, ReadRules::default())?.map(|r| Number {
            value: r.value,
            percent: r.percent,
            scaled: r.scaled,
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(text: &str) -> f64 {
        parse_number(text).unwrap().unwrap().value
    }

    #[test]
    fn plain_and_grouped_numbers() {
        assert_eq!(num("1234567"), 1_234_567.0);
        assert_eq!(num("1,234,567"), 1_234_567.0);
        assert_eq!(num("1 234 567"), 1_234_567.0);
        assert_eq!(num("1'234'567.5"), 1_234_567.5);
        assert_eq!(num("0.12"), 0.12);
        assert_eq!(num(".5"), 0.5);
        assert_eq!(num("1e5"), 100_000.0);
        assert_eq!(num("  42  "), 42.0);
    }

    #[test]
    fn chinese_magnitudes_and_currency() {
        assert_eq!(num("¥1.2万"), 12_000.0);
        assert_eq!(num("￥5,995"), 5995.0);
        assert_eq!(num("3.5亿"), 350_000_000.0);
        assert_eq!(num("80万元"), 800_000.0);
        assert_eq!(num("1.5百万"), 1_500_000.0);
        assert_eq!(num("5000元"), 5000.0);
        assert_eq!(num("RMB 1,000"), 1000.0);
        assert_eq!(num("3千"), 3000.0);
        assert!(parse_number("¥1.2万").unwrap().unwrap().scaled);
        assert!(!parse_number("1200").unwrap().unwrap().scaled);
    }

    #[test]
    fn western_magnitudes() {
        assert_eq!(num("$2.5M"), 2_500_000.0);
        assert_eq!(num("2.5k"), 2500.0);
        assert_eq!(num("2.5K"), 2500.0);
        assert_eq!(num("1.2bn"), 1_200_000_000.0);
    }

    #[test]
    fn percentages() {
        assert_eq!(num("12%"), 0.12);
        assert_eq!(num("12 %"), 0.12);
        assert_eq!(num("-5%"), -0.05);
        assert!(parse_number("12%").unwrap().unwrap().percent);
        assert_eq!(num("１２％"), 0.12);
    }

    #[test]
    fn full_width_digits() {
        assert_eq!(num("１２３"), 123.0);
        assert_eq!(num("１,２３４万"), 12_340_000.0);
        assert_eq!(num("１，２３４"), 1234.0);
    }

    #[test]
    fn negatives() {
        assert_eq!(num("-5"), -5.0);
        assert_eq!(num("(1,234)"), -1234.0);
        assert_eq!(num("-¥5"), -5.0);
        assert_eq!(num("¥-5"), -5.0);
        assert_eq!(num("+7"), 7.0);
    }

    #[test]
    fn blank_markers_are_no_value() {
        for t in ["", "  ", "-", "—", "N/A", "n/a", "无", "#N/A", "null", "–"] {
            assert_eq!(parse_number(t), Ok(None), "{t:?}");
        }
    }

    #[test]
    fn unreadable_numbers_are_errors_never_zero() {
        assert_eq!(parse_number("--5"), Err(ParseError::DoubleSign));
        assert_eq!(parse_number("5-"), Err(ParseError::TrailingSign));
        assert_eq!(parse_number("1e309"), Err(ParseError::Overflow));
        assert_eq!(parse_number("1,5"), Err(ParseError::BadGrouping));
        assert_eq!(parse_number("1,23,456"), Err(ParseError::BadGrouping));
        assert_eq!(parse_number("1.2.3"), Err(ParseError::DoubleDecimalPoint));
        assert_eq!(parse_number("abc"), Err(ParseError::NotANumber));
        assert_eq!(parse_number("很多"), Err(ParseError::NotANumber));
        assert!(matches!(
            parse_number("12 apples"),
            Err(ParseError::UnknownUnit(_))
        ));
        assert!(matches!(
            parse_number(&"9".repeat(20_000)),
            Err(ParseError::TooLong(_))
        ));
    }

    #[test]
    fn civil_days_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), Some(0));
        assert_eq!(days_from_civil(2000, 3, 1), Some(11_017));
        assert_eq!(days_from_civil(2026, 2, 29), None);
        assert_eq!(days_from_civil(2024, 2, 29), Some(19_782));
        for d in [-100_000, -1, 0, 1, 19_782, 20_527, 100_000] {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), Some(d));
        }
    }

    #[test]
    fn date_forms() {
        let day = days_from_civil(2026, 3, 15);
        for t in [
            "2026-03-15",
            "2026/3/15",
            "2026.3.15",
            "2026年3月15日",
            "2026-03-15T08:30:00Z",
            "2026/03/15 08:30",
            "２０２６年３月１５日",
        ] {
            assert_eq!(parse_date(t).unwrap(), day, "{t}");
        }
        // Excel: serial 46096 is 2026-03-15; 45658 is 2025-01-01.
        assert_eq!(parse_date("46096").unwrap(), day);
        assert_eq!(parse_date("45658").unwrap(), days_from_civil(2025, 1, 1));
        assert_eq!(format_date(day.unwrap()), "2026-03-15");
        assert_eq!(parse_date("-").unwrap(), None);
        assert!(matches!(
            parse_date("2026-02-30"),
            Err(ParseError::NoSuchDay(_))
        ));
        assert_eq!(parse_date("next week"), Err(ParseError::NotADate));
        assert_eq!(parse_date("15/3/2026"), Err(ParseError::NotADate));
    }

    #[test]
    fn flags() {
        for t in ["TRUE", "true", "是", "Y", "1", "✓", "√"] {
            assert_eq!(parse_flag(t), Ok(Some(true)), "{t}");
        }
        for t in ["FALSE", "否", "n", "0", "×"] {
            assert_eq!(parse_flag(t), Ok(Some(false)), "{t}");
        }
        assert_eq!(parse_flag(""), Ok(None));
        assert_eq!(parse_flag("maybe"), Err(ParseError::NotAFlag));
    }

    #[test]
    fn ratings() {
        assert_eq!(parse_rating("4"), Ok(Some(4.0)));
        assert_eq!(parse_rating("高度满意"), Ok(Some(5.0)));
        assert_eq!(parse_rating("极不满意"), Ok(Some(1.0)));
        assert_eq!(parse_rating("Neutral"), Ok(Some(3.0)));
        assert!(matches!(
            parse_rating("7"),
            Err(ParseError::RatingOutOfRange(_))
        ));
        assert_eq!(parse_rating(""), Ok(None));
    }
}
