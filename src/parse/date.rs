//! Dates as people type them: `2026-03-15`, `2026/3/15`, `2026.3.15`, `2026年3月15日`, an ISO
//! date-time, or an Excel serial; kept as days since 1970-01-01.

use super::{is_blank_marker, normalize_width, ParseError, MAX_CELL_CHARS};

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
