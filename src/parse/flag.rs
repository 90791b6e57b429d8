//! Yes/no flags and 1–5 ratings (with the words of the satisfaction scale, MODEL §4.6).

use super::{normalize_width, parse_number, ParseError};

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
