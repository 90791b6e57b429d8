//! Attractiveness letter (MODEL §3.5): A ≥ 70, B ≥ 40, else C, from the `attractiveness`
//! preset's score; or the letter a manager already wrote down.

use serde::{Deserialize, Serialize};

/// High, medium or low attractiveness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Letter {
    A,
    B,
    C,
}

impl Letter {
    pub const ALL: [Letter; 3] = [Letter::A, Letter::B, Letter::C];

    pub fn code(self) -> &'static str {
        match self {
            Letter::A => "A",
            Letter::B => "B",
            Letter::C => "C",
        }
    }

    /// A letter as written: `A`, `b`, `Ａ`, `高` / `中` / `低`.
    pub fn parse(text: &str) -> Option<Letter> {
        match crate::parse::normalize_width(text)
            .trim()
            .to_uppercase()
            .as_str()
        {
            "A" | "高" | "HIGH" => Some(Letter::A),
            "B" | "中" | "MEDIUM" => Some(Letter::B),
            "C" | "低" | "LOW" => Some(Letter::C),
            _ => None,
        }
    }
}

/// Cut points for the letter: a score at or above `a` is A, at or above `b` is B.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LetterCuts {
    pub a: f64,
    pub b: f64,
}

impl Default for LetterCuts {
    fn default() -> Self {
        LetterCuts { a: 70.0, b: 40.0 }
    }
}

/// The letter for an attractiveness score 0–100; `None` for NaN.
pub fn attractiveness_letter(score: f64, cuts: &LetterCuts) -> Option<Letter> {
    if score.is_nan() {
        None
    } else if score >= cuts.a {
        Some(Letter::A)
    } else if score >= cuts.b {
        Some(Letter::B)
    } else {
        Some(Letter::C)
    }
}

/// The letter a cell holds: a letter, or a 0–100 score.
pub fn letter_from_cell(text: &str, cuts: &LetterCuts) -> Option<Letter> {
    Letter::parse(text).or_else(|| {
        let n = crate::parse::parse_number(text).ok()??;
        (0.0..=100.0)
            .contains(&n.value)
            .then(|| attractiveness_letter(n.value, cuts))?
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_points() {
        let c = LetterCuts::default();
        assert_eq!(attractiveness_letter(70.0, &c), Some(Letter::A));
        assert_eq!(attractiveness_letter(69.99, &c), Some(Letter::B));
        assert_eq!(attractiveness_letter(40.0, &c), Some(Letter::B));
        assert_eq!(attractiveness_letter(39.9, &c), Some(Letter::C));
        assert_eq!(attractiveness_letter(f64::NAN, &c), None);
    }

    #[test]
    fn from_cells() {
        let c = LetterCuts::default();
        assert_eq!(letter_from_cell("b", &c), Some(Letter::B));
        assert_eq!(letter_from_cell("高", &c), Some(Letter::A));
        assert_eq!(letter_from_cell("85", &c), Some(Letter::A));
        assert_eq!(letter_from_cell("150", &c), None);
        assert_eq!(letter_from_cell("D", &c), None);
    }
}
