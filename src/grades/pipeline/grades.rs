//! The pipeline's grades (MODEL §3.6): codes, names, the order of progress, and the win
//! probability of each grade for the weighted pipeline [D].

use super::PipelineError;
use crate::parse::normalize_width;
use crate::texts::{Label, Lang};
use serde::{Deserialize, Serialize};

/// Declares the grades: `Variant = "code", probability_field, rank, next, default win
/// probability;` in the order of progress. Generates [`Grade`], [`Grade::ALL`],
/// [`Grade::code`], [`Grade::rank`], [`Grade::next`] and [`WinProbabilities`] with its
/// defaults.
macro_rules! grades {
    ($($variant:ident = $code:literal, $field:ident, $rank:literal, $next:expr, $p:literal;)*) => {
        /// A pipeline grade. `Ungraded` (code `none`) is below A21.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum Grade {
            $(#[serde(rename = $code)] $variant,)*
        }

        impl Grade {
            /// Every grade in the order of progress (A31 and A07 side by side).
            pub const ALL: [Grade; [$($code),*].len()] = [$(Grade::$variant,)*];

            /// The code: `none`, `A21`, `A08`, `A31`, `A07`, `A06` … `A01`.
            pub fn code(self) -> &'static str {
                match self {
                    $(Grade::$variant => $code,)*
                }
            }

            /// How far along the path the grade is: none 0, A21 1, A08 2, A31 and A07 3,
            /// A06 4 … A01 9.
            pub fn rank(self) -> u8 {
                match self {
                    $(Grade::$variant => $rank,)*
                }
            }

            /// The next grade to work towards; A06 after A08, A31 and A07; none after A01.
            pub fn next(self) -> Option<Grade> {
                match self {
                    $(Grade::$variant => $next,)*
                }
            }
        }

        /// Win probability per grade, 0–1. JSON keys are the grade codes; give only those to
        /// change: `{ "A05": 0.5 }`.
        #[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
        #[serde(default, deny_unknown_fields)]
        pub struct WinProbabilities {
            $(#[serde(rename = $code)] pub $field: f64,)*
        }

        impl Default for WinProbabilities {
            fn default() -> Self {
                WinProbabilities {
                    $($field: $p,)*
                }
            }
        }

        impl WinProbabilities {
            pub fn of(&self, grade: Grade) -> f64 {
                match grade {
                    $(Grade::$variant => self.$field,)*
                }
            }
        }
    };
}

const fn to(grade: Grade) -> Option<Grade> {
    Some(grade)
}

// MODEL §3.6: the order of progress and the default win probabilities [D].
grades! {
    Ungraded = "none", ungraded, 0, to(Grade::A21), 0.0;
    A21 = "A21", a21, 1, to(Grade::A08), 0.01;
    A08 = "A08", a08, 2, to(Grade::A06), 0.05;
    A31 = "A31", a31, 3, to(Grade::A06), 0.0;
    A07 = "A07", a07, 3, to(Grade::A06), 0.10;
    A06 = "A06", a06, 4, to(Grade::A05), 0.20;
    A05 = "A05", a05, 5, to(Grade::A04), 0.40;
    A04 = "A04", a04, 6, to(Grade::A03), 0.60;
    A03 = "A03", a03, 7, to(Grade::A02), 0.80;
    A02 = "A02", a02, 8, to(Grade::A01), 1.0;
    A01 = "A01", a01, 9, None, 1.0;
}

impl Grade {
    /// The grade's name: 资料级 lead data, 意向级 intention …
    pub fn label(self) -> Label {
        Label::new("pipeline", self.code())
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
