//! Everything a suggestion can be tuned with (MODEL §5); every field may be left out.

use crate::grades::abc::AbcClass;
use crate::grades::attractiveness::LetterCuts;
use crate::grades::tier::{value_tier, Tier, TierThresholds};
use crate::strategy::cadence::CadenceOptions;
use crate::strategy::churn::ChurnOptions;
use crate::strategy::estimate::{EstimateOptions, ListDistributions};
use crate::strategy::level::LevelOptions;
use crate::strategy::lifecycle::LifecycleOptions;
use crate::strategy::matrix::MatrixOptions;
use crate::strategy::StrategyError;
use crate::texts::Lang;
use serde::Deserialize;

/// Everything a suggestion can be tuned with; every field may be left out.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct SuggestOptions {
    /// `zh-CN`, `en`, …: adds each item's text in that language as `text`.
    pub lang: Option<String>,
    /// The day to count recency from, in days since 1970-01-01.
    pub as_of: Option<i64>,
    /// The account's value score 0–100 from a score card; gives the tier.
    pub score: Option<f64>,
    /// The tier itself (`vip`, `重要客户`, `1`–`4`); wins over `score`.
    pub tier: Option<String>,
    /// The account's ABC class in its list (§3.2): `A`, `B` or `C`. Cadence (§4.3) and the
    /// satisfaction target (§4.6) follow it; without it the tier stands in.
    pub abc: Option<String>,
    /// The list's distributions (§4.8): percentiles for the attractiveness estimate and the
    /// top-20 % contribution rule of §4.5. Without them, absolute reference points apply.
    pub list: Option<ListDistributions>,
    /// Whether the account's list has any contact-role column (§4.4). `false`: the missing
    /// roles are a list notice, not a gap on every row. Default `true` (a row on its own).
    pub list_has_contacts: Option<bool>,
    /// Whether the list has a relationship-level column (§4.2). `false`: "assess the level" is
    /// a list notice, not an action on every row. Default `true`.
    pub list_has_levels: Option<bool>,
    /// P(alive) 0–1 from a transaction-history model; replaces the recency rule.
    pub p_alive: Option<f64>,
    /// Codes of the relationship-level signs ticked for this account.
    pub level_signs: Option<Vec<String>>,
    pub matrix: MatrixOptions,
    pub level: LevelOptions,
    pub cadence: CadenceOptions,
    pub churn: ChurnOptions,
    /// Thresholds of the attractiveness and status estimates (§4.8).
    pub estimate: EstimateOptions,
    /// Tenure thresholds of the lifecycle stages (§4.9).
    pub lifecycle: LifecycleOptions,
    /// Cut points from score to tier.
    pub tiers: TierThresholds,
    /// Cut points from an attractiveness score to A/B/C.
    pub letter_cuts: LetterCuts,
}

/// An ABC class as written: `A`, `b`, `A类`, `A类客户`, `Class A`.
pub fn parse_abc(text: &str) -> Option<AbcClass> {
    let t = crate::parse::normalize_width(text).trim().to_uppercase();
    let t = t
        .trim_start_matches("CLASS")
        .trim_end_matches("客户")
        .trim_end_matches('类')
        .trim();
    match t {
        "A" => Some(AbcClass::A),
        "B" => Some(AbcClass::B),
        "C" => Some(AbcClass::C),
        _ => None,
    }
}

impl SuggestOptions {
    /// Checks every option; the first problem is the error.
    pub fn validate(&self) -> Result<(), StrategyError> {
        self.matrix.validate()?;
        self.level.validate()?;
        self.cadence.validate()?;
        self.churn.validate()?;
        self.estimate.validate()?;
        self.lifecycle.validate()?;
        if let Some(problem) = self.tiers.problems().into_iter().next() {
            return Err(StrategyError::InvalidOption {
                name: "tiers",
                reason: problem,
            });
        }
        if !(self.letter_cuts.a.is_finite()
            && self.letter_cuts.b.is_finite()
            && self.letter_cuts.b < self.letter_cuts.a)
        {
            return Err(StrategyError::InvalidOption {
                name: "letterCuts",
                reason: "must be finite with b < a".to_string(),
            });
        }
        if let Some(p) = self.p_alive {
            if !(0.0..=1.0).contains(&p) {
                return Err(StrategyError::InvalidOption {
                    name: "pAlive",
                    reason: format!("must be in [0, 1], got {p}"),
                });
            }
        }
        if let Some(score) = self.score {
            if !score.is_finite() {
                return Err(StrategyError::InvalidOption {
                    name: "score",
                    reason: "must be a finite number".to_string(),
                });
            }
        }
        self.abc_class()?;
        self.tier()?;
        Ok(())
    }

    /// The tier from `tier`, else from `score`.
    pub fn tier(&self) -> Result<Option<Tier>, StrategyError> {
        match &self.tier {
            Some(text) => Tier::parse(text)
                .map(Some)
                .ok_or_else(|| StrategyError::UnknownTier(text.clone())),
            None => Ok(self.score.and_then(|s| value_tier(s, &self.tiers))),
        }
    }

    /// The ABC class from `abc`.
    pub fn abc_class(&self) -> Result<Option<AbcClass>, StrategyError> {
        match &self.abc {
            Some(text) if !text.trim().is_empty() => parse_abc(text)
                .map(Some)
                .ok_or_else(|| StrategyError::UnknownGrade(text.clone())),
            _ => Ok(None),
        }
    }

    pub(super) fn language(&self) -> Option<Lang> {
        self.lang.as_deref().map(Lang::from_tag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abc_classes_as_written() {
        for (text, want) in [
            ("A", Some(AbcClass::A)),
            ("b", Some(AbcClass::B)),
            ("A类", Some(AbcClass::A)),
            ("C类客户", Some(AbcClass::C)),
            ("Class B", Some(AbcClass::B)),
            ("Ａ", Some(AbcClass::A)),
            ("D", None),
            ("vip", None),
        ] {
            assert_eq!(parse_abc(text), want, "{text}");
        }
        let o = SuggestOptions {
            abc: Some("X".into()),
            ..Default::default()
        };
        assert!(o.validate().is_err());
    }

    #[test]
    fn list_and_abc_read_from_json() {
        let o: SuggestOptions = serde_json::from_str(
            r#"{"abc": "A", "listHasContacts": false,
                "list": {"annual_purchase": [3, 1, 2]},
                "estimate": {"minFactors": 2}, "lifecycle": {"stabilityYears": 3},
                "churn": {"complaintLevel": 5}}"#,
        )
        .unwrap();
        assert_eq!(o.abc_class().unwrap(), Some(AbcClass::A));
        assert_eq!(o.list_has_contacts, Some(false));
        assert!(o.list.is_some());
        assert_eq!(o.estimate.min_factors, 2);
        assert_eq!(o.churn.complaint_level, 5.0);
        assert!(o.validate().is_ok());
    }
}
