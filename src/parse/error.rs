//! Why a cell could not be read: a stable code, its arguments, and texts in every language
//! from the text tables (`cell_error.<code>`).

use super::units::Dimension;
use crate::texts::{fill, text, Label, Lang};
use std::fmt;

/// Why a cell could not be read. [`ParseError::code`] is stable: front ends, tests and users'
/// own scripts match on it; the texts may change.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    NotANumber,
    DoubleSign,
    TrailingSign,
    BadGrouping,
    DoubleDecimalPoint,
    /// A word after (or before) the number that is no unit the crate knows.
    UnknownUnit(String),
    /// A unit of another dimension than the field's: `3次` in 合作年限.
    WrongDimension {
        unit: String,
        expected: Dimension,
    },
    /// A percentage where the field is money, a count or a duration.
    PercentNotAllowed(Dimension),
    Overflow,
    NotADate,
    NoSuchDay(String),
    NotAFlag,
    RatingOutOfRange(String),
    TooLong(usize),
    /// `约100万` under the `strict` read option.
    ApproximateNotAllowed,
    /// `10-20万` under the `strict` read option.
    RangeNotAllowed,
    /// Arabic digits inside a Chinese numeral (`1千2百万`): too unlikely to guess.
    MixedNumerals,
    /// A range whose ends are reversed, open, or in different units.
    BadRange,
    /// A number where the field wants yes/no; the argument names what it wants
    /// (`kind.<code>` in the texts).
    NumberNotAllowed(&'static str),
    /// TRUE/FALSE where the field wants a number, a date or text (`kind.<code>`).
    FlagNotAllowed(&'static str),
    /// ±Infinity from a spreadsheet or a typed array.
    NotFinite,
}

impl ParseError {
    /// The stable code, as `cell_error.<code>` names its texts.
    pub fn code(&self) -> &'static str {
        match self {
            ParseError::NotANumber => "not_a_number",
            ParseError::DoubleSign => "double_sign",
            ParseError::TrailingSign => "trailing_sign",
            ParseError::BadGrouping => "bad_grouping",
            ParseError::DoubleDecimalPoint => "double_decimal_point",
            ParseError::UnknownUnit(_) => "unknown_unit",
            ParseError::WrongDimension { .. } => "wrong_dimension",
            ParseError::PercentNotAllowed(_) => "percent_not_allowed",
            ParseError::Overflow => "overflow",
            ParseError::NotADate => "not_a_date",
            ParseError::NoSuchDay(_) => "no_such_day",
            ParseError::NotAFlag => "not_a_flag",
            ParseError::RatingOutOfRange(_) => "rating_out_of_range",
            ParseError::TooLong(_) => "too_long",
            ParseError::ApproximateNotAllowed => "approximate_not_allowed",
            ParseError::RangeNotAllowed => "range_not_allowed",
            ParseError::MixedNumerals => "mixed_numerals",
            ParseError::BadRange => "bad_range",
            ParseError::NumberNotAllowed(_) => "number_not_allowed",
            ParseError::FlagNotAllowed(_) => "flag_not_allowed",
            ParseError::NotFinite => "not_finite",
        }
    }

    /// The arguments the texts fill in, in one language (a dimension is named in that
    /// language).
    pub fn args(&self, lang: Lang) -> Vec<(&'static str, String)> {
        let dim = |d: &Dimension| text(lang, &format!("dimension.{}", d.code())).to_string();
        match self {
            ParseError::UnknownUnit(u) => vec![("unit", u.clone())],
            ParseError::WrongDimension { unit, expected } => {
                vec![("unit", unit.clone()), ("expected", dim(expected))]
            }
            ParseError::PercentNotAllowed(d) => vec![("expected", dim(d))],
            ParseError::NumberNotAllowed(k) | ParseError::FlagNotAllowed(k) => {
                vec![("expected", text(lang, &format!("kind.{k}")).to_string())]
            }
            ParseError::NoSuchDay(day) => vec![("day", day.clone())],
            ParseError::RatingOutOfRange(v) => vec![("value", v.clone())],
            ParseError::TooLong(n) => vec![("max", n.to_string())],
            _ => Vec::new(),
        }
    }

    /// The reason in one language.
    pub fn message(&self, lang: Lang) -> String {
        let args = self.args(lang);
        let pairs: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        fill(text(lang, &format!("cell_error.{}", self.code())), &pairs)
    }

    /// The code with its texts in every language.
    pub fn label(&self) -> Label {
        Label::localized("cell_error", self.code(), |lang| self.args(lang))
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}
