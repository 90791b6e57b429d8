//! Relationship strategies (MODEL §4–§5): what to do with an account on Monday.
//!
//! Each part of §4 has its own module and can be called alone; [`suggest::suggest_strategy`]
//! puts them together for one account row, and [`list::ListContext`] for each row of a list
//! (percentiles, ABC classes, and the list's [`notices`]). When a list has no judgement
//! columns, [`estimate`] estimates attractiveness and relationship status from its figures
//! (§4.8) and [`lifecycle`] gives the stage (§4.9). Every function here is pure: no I/O, no clock
//! (the as-of date comes in through the options), no panics, and the same input always gives
//! the same output.

pub mod buying_centre;
pub mod cadence;
pub mod churn;
pub mod estimate;
pub mod item;
pub mod level;
pub mod lifecycle;
pub mod list;
pub mod matrix;
pub mod notices;
pub mod satisfaction;
pub mod steps;
pub mod suggest;

/// Why a strategy call could not be answered: a bad argument or option, never a bad row
/// (a row's missing or unreadable values become items in the suggestion instead).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StrategyError {
    #[error("unknown attractiveness letter \"{0}\" (expected A, B, C or a 0–100 score)")]
    UnknownLetter(String),
    #[error("unknown relationship status \"{0}\" (expected 1–6 or a status name)")]
    UnknownStatus(String),
    #[error("unknown matrix cell \"{0}\" (expected A1 … C6)")]
    UnknownCell(String),
    #[error("override for {cell}: unknown strategy code \"{code}\" and no zh/en text given")]
    UnknownStrategy { cell: String, code: String },
    #[error("override for {cell}: give a strategy code, zh/en texts or targets")]
    EmptyOverride { cell: String },
    #[error("unknown tier \"{0}\" (expected vip, important, ordinary, small or 1–4)")]
    UnknownTier(String),
    #[error("unknown grade \"{0}\" (expected A, B, C or a tier)")]
    UnknownGrade(String),
    #[error("unknown relationship level \"{0}\" (expected 1–4)")]
    UnknownLevel(String),
    #[error("unknown buyer step \"{0}\" (expected 1–7 or a step name)")]
    UnknownStep(String),
    #[error("option {name}: {reason}")]
    InvalidOption { name: &'static str, reason: String },
}

/// Checks the tests use to tell a Chinese text from an English one.
#[cfg(test)]
pub(crate) mod lang_check {
    fn is_cjk(c: char) -> bool {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
    }

    /// Chinese text: has CJK characters.
    pub fn is_zh(text: &str) -> bool {
        text.chars().any(is_cjk)
    }

    /// English text: has Latin letters and no CJK characters.
    pub fn is_en(text: &str) -> bool {
        !text.chars().any(is_cjk) && text.chars().any(|c| c.is_ascii_alphabetic())
    }
}
