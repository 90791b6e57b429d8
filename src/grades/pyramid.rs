//! The value pyramid (MODEL §3.2): the value classes as four rungs — 高端客户 top, 大客户
//! large, 中等客户 medium, 小客户 small [S, 004 §9] — the customer pyramid of the literature
//! [L: Zeithaml, Rust & Lemon 2001, platinum / gold / iron / lead].
//!
//! Cut points by count [D]: the top 1 % of ranked accounts are top, the next 4 % large, the
//! next 15 % medium, the rest small; configurable as cumulative fractions `[0.01, 0.05, 0.2]`.
//! The boundary, tie and missing-value rules are ABC's by count ([`crate::grades::abc`]): an
//! account is placed by the number of accounts ranked strictly above it, so each rung is the
//! smallest set of top accounts reaching its cut (the first account of any list is top);
//! equal values share a rung; NaN and ±∞ get none and are not ranked; zero and negative
//! values are ranked and always small.

use serde::{Deserialize, Serialize};

use crate::texts::Label;

/// A rung of the value pyramid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PyramidLevel {
    /// 高端客户
    Top,
    /// 大客户
    Large,
    /// 中等客户
    Medium,
    /// 小客户
    Small,
}

impl PyramidLevel {
    pub const ALL: [PyramidLevel; 4] = [
        PyramidLevel::Top,
        PyramidLevel::Large,
        PyramidLevel::Medium,
        PyramidLevel::Small,
    ];

    /// `top`, `large`, `medium`, `small`.
    pub fn code(self) -> &'static str {
        match self {
            PyramidLevel::Top => "top",
            PyramidLevel::Large => "large",
            PyramidLevel::Medium => "medium",
            PyramidLevel::Small => "small",
        }
    }

    /// 高端客户 / Top …
    pub fn label(self) -> Label {
        Label::new("pyramid", self.code())
    }
}

/// Options of [`value_pyramid`]. JSON: `{ "cuts": [0.01, 0.05, 0.2] }`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct PyramidOptions {
    /// Cumulative fractions of the ranked accounts ending top, large and medium:
    /// `0 < top < large < medium ≤ 1`.
    pub cuts: [f64; 3],
}

impl Default for PyramidOptions {
    fn default() -> Self {
        PyramidOptions {
            cuts: [0.01, 0.05, 0.20],
        }
    }
}

/// Why pyramid options were refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PyramidError {
    #[error(
        "pyramid cuts {0:?} must increase within (0, 1], such as [0.01, 0.05, 0.2] (top 1 %, next 4 %, next 15 %)"
    )]
    BadCuts([f64; 3]),
}

impl PyramidOptions {
    pub fn validate(&self) -> Result<(), PyramidError> {
        let [a, b, c] = self.cuts;
        if a > 0.0 && a < b && b < c && c <= 1.0 {
            Ok(())
        } else {
            Err(PyramidError::BadCuts(self.cuts))
        }
    }
}

/// The rung of each value, in input order (`None` where the value is missing).
pub fn value_pyramid(
    values: &[f64],
    options: &PyramidOptions,
) -> Result<Vec<Option<PyramidLevel>>, PyramidError> {
    options.validate()?;
    let [top, large, medium] = options.cuts;
    let mut ranked: Vec<(usize, f64)> = values
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, v)| v.is_finite())
        .collect();
    ranked.sort_by(|x, y| y.1.total_cmp(&x.1));
    let count = ranked.len();
    let mut levels = vec![None; values.len()];
    let mut above = 0usize;
    for group in ranked.chunk_by(|x, y| x.1 == y.1) {
        let value = group.first().map_or(0.0, |(_, v)| *v);
        let position = above as f64 / count as f64;
        let level = if value <= 0.0 {
            PyramidLevel::Small
        } else if position < top {
            PyramidLevel::Top
        } else if position < large {
            PyramidLevel::Large
        } else if position < medium {
            PyramidLevel::Medium
        } else {
            PyramidLevel::Small
        };
        for (index, _) in group {
            if let Some(slot) = levels.get_mut(*index) {
                *slot = Some(level);
            }
        }
        above += group.len();
    }
    Ok(levels)
}

#[cfg(test)]
mod tests {
    use super::*;
    use PyramidLevel::{Large, Medium, Small, Top};

    fn counts(levels: &[Option<PyramidLevel>]) -> [usize; 4] {
        PyramidLevel::ALL.map(|l| levels.iter().filter(|x| **x == Some(l)).count())
    }

    #[test]
    fn four_rungs_by_count() {
        // MODEL §3.2 (edition 2): top 1 % / next 4 % / next 15 % / rest [D].
        let values: Vec<f64> = (1..=200).rev().map(f64::from).collect();
        let levels = value_pyramid(&values, &PyramidOptions::default()).unwrap();
        assert_eq!(counts(&levels), [2, 8, 30, 160]);
        assert_eq!(levels[0], Some(Top));
        assert_eq!(levels[1], Some(Top));
        assert_eq!(levels[2], Some(Large));
        assert_eq!(levels[10], Some(Medium));
        assert_eq!(levels[40], Some(Small));
        // (values, rungs) for the boundary, tie and missing rules
        #[allow(clippy::type_complexity)]
        let cases: Vec<(Vec<f64>, Vec<Option<PyramidLevel>>)> = vec![
            // ten accounts: the first is top (the smallest set reaching 1 %), 20 % = 2
            (
                (1..=10).rev().map(f64::from).collect(),
                [
                    Top, Medium, Small, Small, Small, Small, Small, Small, Small, Small,
                ]
                .map(Some)
                .to_vec(),
            ),
            // ties share a rung; missing values get none; zero is small
            (
                vec![5.0, 5.0, f64::NAN, 0.0, 1.0],
                vec![Some(Top), Some(Top), None, Some(Small), Some(Small)],
            ),
            (vec![], vec![]),
            (vec![-3.0], vec![Some(Small)]),
        ];
        for (values, want) in cases {
            assert_eq!(
                value_pyramid(&values, &PyramidOptions::default()).unwrap(),
                want,
                "{values:?}"
            );
        }
    }

    #[test]
    fn cuts_are_configurable_and_checked() {
        let values: Vec<f64> = (1..=10).rev().map(f64::from).collect();
        let options = PyramidOptions {
            cuts: [0.1, 0.3, 0.6],
        };
        let levels = value_pyramid(&values, &options).unwrap();
        assert_eq!(counts(&levels), [1, 2, 3, 4]);
        for cuts in [
            [0.0, 0.1, 0.2],
            [0.2, 0.1, 0.3],
            [0.1, 0.2, 1.5],
            [f64::NAN, 0.1, 0.2],
        ] {
            assert!(
                value_pyramid(&values, &PyramidOptions { cuts }).is_err(),
                "{cuts:?}"
            );
        }
        let parsed: PyramidOptions = serde_json::from_str(r#"{"cuts":[0.02,0.1,0.3]}"#).unwrap();
        assert_eq!(parsed.cuts, [0.02, 0.1, 0.3]);
        assert!(serde_json::from_str::<PyramidOptions>(r#"{"cut":[0.1]}"#).is_err());
    }

    #[test]
    fn rungs_carry_the_source_names() {
        // MODEL §3.2: 高端客户 / 大客户 / 中等客户 / 小客户 (004 §9).
        let zh: Vec<String> = PyramidLevel::ALL.iter().map(|l| l.label().zh).collect();
        assert_eq!(zh, ["高端客户", "大客户", "中等客户", "小客户"]);
        let json = serde_json::to_value(
            value_pyramid(&[1.0, f64::NAN], &PyramidOptions::default()).unwrap(),
        )
        .unwrap();
        assert_eq!(json, serde_json::json!(["top", null]));
    }
}
