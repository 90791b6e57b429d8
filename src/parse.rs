//! Reading values as people type them into spreadsheets: money with 万/亿 and currency
//! signs, percentages, full-width digits, accounting negatives, dates in the usual Chinese
//! and ISO forms, Excel serial dates, yes/no flags and 1–5 ratings.
//!
//! A cell that says "no value" (`-`, `—`, `N/A`, `无`, empty) is `Ok(None)`; a cell that
//! cannot be read is an error with the reason. Nothing unreadable ever becomes 0.

use thiserror::Error;

/// Why a cell could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ParseError {
    #[error("not a number")]
    NotANumber,
    #[error("more than one sign")]
    DoubleSign,
    #[error("a sign after the number")]
    TrailingSign,
    #[error("digit groups of other than three digits after a thousands separator")]
    BadGrouping,
    #[error("more than one decimal point")]
    DoubleDecimalPoint,
    #[error("unknown unit or suffix \"{0}\"")]
    UnknownSuffix(String),
    #[error("too large to represent")]
    Overflow,
    #[error("not a date (expected 2026-03-15, 2026/3/15, 2026年3月15日 or an Excel serial)")]
    NotADate,
    #[error("no such day: {0}")]
    NoSuchDay(String),
    #[error("not a yes/no value (expected TRUE/FALSE, 是/否, Y/N, 1/0)")]
    NotAFlag,
    #[error("rating {0} is outside 1–5")]
    RatingOutOfRange(String),
    #[error("text is longer than {0} characters")]
    TooLong(usize),
}

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

/// Multipliers a number may carry after it, longest first so that 百万 wins over 万.
const SUFFIXES: &[(&str, f64)] = &[
    ("百万元", 1e6),
    ("千万元", 1e7),
    ("百万", 1e6),
    ("千万", 1e7),
    ("万元", 1e4),
    ("亿元", 1e8),
    ("千元", 1e3),
    ("万", 1e4),
    ("亿", 1e8),
    ("千", 1e3),
    ("元", 1.0),
    ("rmb", 1.0),
    ("cny", 1.0),
    ("usd", 1.0),
    ("bn", 1e9),
    ("mm", 1e6),
    ("k", 1e3),
    ("m", 1e6),
    ("b", 1e9),
    ("w", 1e4),
];

const PREFIXES: &[&str] = &["rmb", "cny", "usd", "us$", "hk$", "¥", "$", "€", "£"];

/// A number as typed, with what the text itself said about it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: f64,
    /// The text ended in `%` (the value is already divided by 100).
    pub percent: bool,
    /// The text carried its own magnitude (万, 亿, k, M …), so a unit in the header must not
    /// scale it again.
    pub scaled: bool,
}

/// Reads a number: `1,234,567`, `1 234 567`, `¥1.2万`, `3.5亿`, `12%`, `$2.5M`, `2.5k`,
/// `(1,234)`, `１２３`, `1e5`. `Ok(None)` for the blank markers.
pub fn parse_number(text: &str) -> Result<Option<Number>, ParseError> {
    if text.chars().count() > MAX_CELL_CHARS {
        return Err(ParseError::TooLong(MAX_CELL_CHARS));
    }
    if is_blank_marker(text) {
        return Ok(None);
    }
    let wide = normalize_width(text).replace('，', ",");
    let mut s = wide.trim().to_lowercase();

    // Accounting negative: (1,234)
    let mut negative = false;
    if s.starts_with('(') && s.ends_with(')') && s.len() > 2 {
        negative = true;
        s = s[1..s.len() - 1].trim().to_string();
    }
    let mut percent = false;
    if let Some(rest) = s.strip_suffix('%') {
        percent = true;
        s = rest.trim_end().to_string();
    }
    // A sign may stand before the currency sign: -¥5, or after it: ¥-5.
    let mut sign_count = 0;
    if let Some(rest) = s.strip_prefix(['-', '+', '−']) {
        negative ^= s.starts_with(['-', '−']);
        sign_count += 1;
        s = rest.trim_start().to_string();
    }
    for prefix in PREFIXES {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest.trim_start().to_string();
            break;
        }
    }
    if let Some(rest) = s.strip_prefix(['-', '+', '−']) {
        negative ^= s.starts_with(['-', '−']);
        sign_count += 1;
        s = rest.trim_start().to_string();
    }
    if sign_count > 1 || s.starts_with(['-', '+', '−']) {
        return Err(ParseError::DoubleSign);
    }
    let mut multiplier = 1.0;
    let mut scaled = false;
    for (suffix, factor) in SUFFIXES {
        if let Some(rest) = s.strip_suffix(suffix) {
            // "1e5" must not lose its exponent to the 'b'/'m' rules; only strip after a digit.
            if rest
                .trim_end()
                .ends_with(|c: char| c.is_ascii_digit() || c == '.')
            {
                multiplier = *factor;
                scaled = *factor != 1.0;
                s = rest.trim_end().to_string();
                break;
            }
        }
    }
    if !percent {
        if let Some(rest) = s.strip_suffix('%') {
            percent = true;
            s = rest.trim_end().to_string();
        }
    }
    if s.ends_with(['-', '+', '−']) {
        return Err(ParseError::TrailingSign);
    }
    let allowed =
        |c: char| c.is_ascii_digit() || matches!(c, '.' | ',' | '\'' | ' ' | 'e' | '+' | '-');
    if s.is_empty() || !s.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        return Err(ParseError::NotANumber);
    }
    if !s.chars().all(allowed) {
        return Err(first_unknown(&s).map_or(ParseError::NotANumber, ParseError::UnknownSuffix));
    }
    if s.matches('.').count() > 1 {
        return Err(ParseError::DoubleDecimalPoint);
    }
    let digits = strip_grouping(&s)?;
    let magnitude: f64 = digits.parse().map_err(|_| ParseError::NotANumber)?;
    let mut value = magnitude * multiplier;
    if percent {
        value /= 100.0;
    }
    if !value.is_finite() {
        return Err(ParseError::Overflow);
    }
    if negative {
        value = -value;
    }
    Ok(Some(Number {
        value,
        percent,
        scaled,
    }))
}

/// The first run of characters that are not part of a number, for the error message.
fn first_unknown(s: &str) -> Option<String> {
    let start = s.find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '\'')))?;
    Some(s[start..].to_string())
}

/// Removes thousands separators (`,` `'` and spaces) after checking that every group after
/// the first has exactly three digits, so `1,5` (a European decimal) is refused, not misread.
fn strip_grouping(s: &str) -> Result<String, ParseError> {
    let separators = [',', '\'', ' '];
    if !s.contains(separators) {
        return Ok(s.to_string());
    }
    let (int_part, frac_part) = match s.find('.') {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    if frac_part.contains(separators) {
        return Err(ParseError::BadGrouping);
    }
    let groups: Vec<&str> = int_part.split(separators).collect();
    let first_ok = !groups[0].is_empty()
        && groups[0].len() <= 3
        && groups[0].chars().all(|c| c.is_ascii_digit());
    let rest_ok = groups[1..]
        .iter()
        .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()));
    if !first_ok || !rest_ok {
        return Err(ParseError::BadGrouping);
    }
    Ok(format!("{}{}", groups.concat(), frac_part))
}

/// Days since 1970-01-01 for a civil date (proleptic Gregorian), or `None` if no such day.
pub fn days_from_civil(year: i64, month: u32, day: u32) -> Option<i64> {
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    // Howard Hinnant's algorithm: small and exact; a date crate would add size for three lines.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The civil date of a day number from [`days_from_civil`].
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Day number of Excel's serial 0 (1899-12-30), which also absorbs Excel's 1900 leap-day bug
/// for every serial after 60.
const EXCEL_EPOCH_OFFSET: i64 = 25_569;

/// The day number (days since 1970-01-01) of an Excel serial date; the fraction is the time
/// of day and is dropped.
pub fn excel_serial_to_days(serial: f64) -> Option<i64> {
    if !serial.is_finite() || !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    Some(libm::floor(serial) as i64 - EXCEL_EPOCH_OFFSET)
}

/// The ISO form `2026-03-15` of a day number.
pub fn format_date(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Reads a date: `2026-03-15`, `2026/3/15`, `2026.3.15`, `2026年3月15日`, an ISO date-time
/// (the time is dropped) or an Excel serial such as `46096`. Returns days since 1970-01-01.
pub fn parse_date(text: &str) -> Result<Option<i64>, ParseError> {
    if text.chars().count() > MAX_CELL_CHARS {
        return Err(ParseError::TooLong(MAX_CELL_CHARS));
    }
    if is_blank_marker(text) {
        return Ok(None);
    }
    let s = normalize_width(text);
    let s = s.trim();
    if let Ok(serial) = s.parse::<f64>() {
        return excel_serial_to_days(serial)
            .map(Some)
            .ok_or(ParseError::NotADate);
    }
    // Drop a time part: "2026-03-15T10:00:00Z", "2026/3/15 10:00".
    let date_part = s.split(['T', ' ']).next().unwrap_or(s);
    let unified: String = date_part
        .replace(['年', '月'], "-")
        .replace(['日', '号'], "")
        .replace(['/', '.'], "-");
    let parts: Vec<&str> = unified.split('-').collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4) {
        return Err(ParseError::NotADate);
    }
    let nums: Option<Vec<i64>> = parts.iter().map(|p| p.parse::<i64>().ok()).collect();
    let nums = nums.ok_or(ParseError::NotADate)?;
    if parts[0].len() != 4 {
        return Err(ParseError::NotADate);
    }
    let (y, m, d) = (nums[0], nums[1], nums[2]);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Err(ParseError::NoSuchDay(s.to_string()));
    }
    days_from_civil(y, m as u32, d as u32)
        .map(Some)
        .ok_or_else(|| ParseError::NoSuchDay(s.to_string()))
}

/// Reads a yes/no cell: TRUE/FALSE, 是/否, Y/N, yes/no, 1/0, ✓/✗, 有/没有.
pub fn parse_flag(text: &str) -> Result<Option<bool>, ParseError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let s = normalize_width(text).trim().to_lowercase();
    match s.as_str() {
        "true" | "t" | "yes" | "y" | "1" | "是" | "有" | "对" | "√" | "✓" | "✔" | "已" => {
            Ok(Some(true))
        }
        "false" | "f" | "no" | "n" | "0" | "否" | "无" | "没有" | "不是" | "✗" | "✘" | "×"
        | "未" => Ok(Some(false)),
        "-" | "—" | "n/a" | "na" | "#n/a" | "未知" => Ok(None),
        _ => Err(ParseError::NotAFlag),
    }
}

/// The words of the five-level satisfaction scale (MODEL §4.6), best first, as 5 … 1.
const SATISFACTION_WORDS: &[(&str, f64)] = &[
    ("高度满意", 5.0),
    ("非常满意", 5.0),
    ("very satisfied", 5.0),
    ("一般满意", 4.0),
    ("满意", 4.0),
    ("satisfied", 4.0),
    ("无意见", 3.0),
    ("一般", 3.0),
    ("neutral", 3.0),
    ("有些不满意", 2.0),
    ("不满意", 2.0),
    ("somewhat dissatisfied", 2.0),
    ("dissatisfied", 2.0),
    ("极不满意", 1.0),
    ("非常不满意", 1.0),
    ("very dissatisfied", 1.0),
];

/// Reads a 1–5 rating: a number (decimals allowed) or a satisfaction word (高度满意 = 5).
pub fn parse_rating(text: &str) -> Result<Option<f64>, ParseError> {
    let normalized = normalize_width(text).trim().to_lowercase();
    if let Some((_, v)) = SATISFACTION_WORDS.iter().find(|(w, _)| *w == normalized) {
        return Ok(Some(*v));
    }
    match parse_number(text)? {
        None => Ok(None),
        Some(n) => check_rating(n.value).map(Some),
    }
}

/// A rating must lie within 1–5.
pub fn check_rating(value: f64) -> Result<f64, ParseError> {
    if (1.0..=5.0).contains(&value) {
        Ok(value)
    } else {
        Err(ParseError::RatingOutOfRange(value.to_string()))
    }
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
            Err(ParseError::UnknownSuffix(_))
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
