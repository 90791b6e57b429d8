//! The pipeline's grades (MODEL §3.6): codes, names, the order of progress, and the win
//! probability of each grade for the weighted pipeline [D].

use super::PipelineError;
use crate::parse::normalize_width;
use crate::texts::{Label, Lang};
use serde::{Deserialize, Serialize};

/// A pipeline grade. `Ungraded` (code `none`) is below A21.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Grade {
    #[serde(rename = "none")]
    Ungraded,
    A21,
    A08,
    A31,
    A07,
    A06,
    A05,
    A04,
    A03,
    A02,
    A01,
}

impl Grade {
    /// Every grade in the order of progress (A31 and A07 side by side).
    pub const ALL: [Grade; 11] = [
        Grade::Ungraded,
        Grade::A21,
        Grade::A08,
        Grade::A31,
        Grade::A07,
        Grade::A06,
        Grade::A05,
        Grade::A04,
        Grade::A03,
        Grade::A02,
        Grade::A01,
    ];

    /// The code: `none`, `A21`, `A08`, `A31`, `A07`, `A06` … `A01`.
    pub fn code(self) -> &'static str {
        match self {
            Grade::Ungraded => "none",
            Grade::A21 => "A21",
            Grade::A08 => "A08",
            Grade::A31 => "A31",
            Grade::A07 => "A07",
            Grade::A06 => "A06",
            Grade::A05 => "A05",
            Grade::A04 => "A04",
            Grade::A03 => "A03",
            Grade::A02 => "A02",
            Grade::A01 => "A01",
        }
    }

    /// The grade's name: 资料级 lead data, 意向级 intention …
    pub fn label(self) -> Label {
        Label::new("pipeline", self.code())
    }

    /// How far along the path the grade is: none 0, A21 1, A08 2, A31 and A07 3, A06 4 …
    /// A01 9.
    pub fn rank(self) -> u8 {
        match self {
            Grade::Ungraded => 0,
            Grade::A21 => 1,
            Grade::A08 => 2,
            Grade::A31 | Grade::A07 => 3,
            Grade::A06 => 4,
            Grade::A05 => 5,
            Grade::A04 => 6,
            Grade::A03 => 7,
            Grade::A02 => 8,
            Grade::A01 => 9,
        }
    }

    /// The next grade to work towards; A06 after A08, A31 and A07.
    pub fn next(self) -> Option<Grade> {
        match self {
            Grade::Ungraded => Some(Grade::A21),
            Grade::A21 => Some(Grade::A08),
            Grade::A08 | Grade::A31 | Grade::A07 => Some(Grade::A06),
            Grade::A06 => Some(Grade::A05),
            Grade::A05 => Some(Grade::A04),
            Grade::A04 => Some(Grade::A03),
            Grade::A03 => Some(Grade::A02),
            Grade::A02 => Some(Grade::A01),
            Grade::A01 => None,
        }
    }

    /// A grade as written: its code (`a05`, `Ａ05`) or its name in either language.
    pub fn parse(text: &str) -> Option<Grade> {
        let t = normalize_width(text).trim().to_lowercase();
        Grade::ALL.into_iter().find(|g| {
            let label = g.label();
            t == g.code().to_lowercase()
                || t == label.zh.to_lowercase()
                || t == label.en.to_lowercase()
        })
    }

    /// The spec's default win probability.
    pub fn default_probability(self) -> f64 {
        WinProbabilities::default().of(self)
    }

    /// `A05 意向级` / `A05 Intention`.
    pub(super) fn title(self, lang: Lang) -> String {
        format!("{} {}", self.code(), self.label().in_lang(lang))
    }
}

/// Win probability per grade, 0–1. JSON keys are the grade codes; give only those to change:
/// `{ "A05": 0.5 }`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WinProbabilities {
    #[serde(rename = "none")]
    pub ungraded: f64,
    #[serde(rename = "A21")]
    pub a21: f64,
    #[serde(rename = "A08")]
    pub a08: f64,
    #[serde(rename = "A31")]
    pub a31: f64,
    #[serde(rename = "A07")]
    pub a07: f64,
    #[serde(rename = "A06")]
    pub a06: f64,
    #[serde(rename = "A05")]
    pub a05: f64,
    #[serde(rename = "A04")]
    pub a04: f64,
    #[serde(rename = "A03")]
    pub a03: f64,
    #[serde(rename = "A02")]
    pub a02: f64,
    #[serde(rename = "A01")]
    pub a01: f64,
}

impl Default for WinProbabilities {
    fn default() -> Self {
        WinProbabilities {
            ungraded: 0.0,
            a21: 0.01,
            a08: 0.05,
            a31: 0.0,
            a07: 0.10,
            a06: 0.20,
            a05: 0.40,
            a04: 0.60,
            a03: 0.80,
            a02: 1.0,
            a01: 1.0,
        }
    }
}

impl WinProbabilities {
    pub fn of(&self, grade: Grade) -> f64 {
        match grade {
            Grade::Ungraded => self.ungraded,
            Grade::A21 => self.a21,
            Grade::A08 => self.a08,
            Grade::A31 => self.a31,
            Grade::A07 => self.a07,
            Grade::A06 => self.a06,
            Grade::A05 => self.a05,
            Grade::A04 => self.a04,
            Grade::A03 => self.a03,
            Grade::A02 => self.a02,
            Grade::A01 => self.a01,
        }
    }
}

/// Options of the pipeline grade. JSON: `{ "probabilities": { "A05": 0.5 } }`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct PipelineOptions {
    pub probabilities: WinProbabilities,
}

impl PipelineOptions {
    /// Every probability lies within 0–1.
    pub fn validate(&self) -> Result<(), PipelineError> {
        for grade in Grade::ALL {
            let value = self.probabilities.of(grade);
            if !(0.0..=1.0).contains(&value) {
                return Err(PipelineError::ProbabilityOutOfRange {
                    grade: grade.code(),
                    value,
                });
            }
        }
        Ok(())
    }
}
