//! Lifecycle stage (MODEL §4.9 [S, 004]): 考察期 exploration, 形成期 formation, 稳定期
//! stability, 衰退期 decline.
//!
//! From the data [D], the first rule that holds decides: no purchase yet → exploration; falling
//! (growth below −10 %, no order in 12 months) or quiet (§4.5's rule) → decline; first year
//! (under `formationYears`, 1) or growing (above +10 %) → formation; at least `stabilityYears`
//! (2) and steady → stability; between the two → formation still. Without tenure and without
//! any of those signs there is no stage.
//!
//! The work of each stage is 001's: in formation, find the potential key accounts and expect
//! the largest spend; in stability, prevent accidents and manage crises; in decline, §4.5's
//! retention. Exploration's work is ours [D]: learn their needs and credit, and win a first deal.

use super::estimate::behaviour::Behaviour;
use super::estimate::EstimateOptions;
use super::item::LabelText;
use super::StrategyError;
use crate::texts::{Label, Lang};
use serde::{Deserialize, Serialize};

/// The four stages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Exploration,
    Formation,
    Stability,
    Decline,
}

impl Stage {
    pub const ALL: [Stage; 4] = [
        Stage::Exploration,
        Stage::Formation,
        Stage::Stability,
        Stage::Decline,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Stage::Exploration => "exploration",
            Stage::Formation => "formation",
            Stage::Stability => "stability",
            Stage::Decline => "decline",
        }
    }

    /// 考察期 …
    pub fn label(self) -> Label {
        Label::new("lifecycle", self.code())
    }

    /// The work of the stage, as an action.
    pub fn work(self) -> Label {
        Label::new("lifecycle_work", self.code())
    }
}

/// Tenure thresholds of the stages [D].
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct LifecycleOptions {
    /// [D] Under this many years an account is in its first period (formation), 1.
    pub formation_years: f64,
    /// [D] From this many years a steady account is stable, 2.
    pub stability_years: f64,
}

impl Default for LifecycleOptions {
    fn default() -> Self {
        LifecycleOptions {
            formation_years: 1.0,
            stability_years: 2.0,
        }
    }
}

impl LifecycleOptions {
    pub fn validate(&self) -> Result<(), StrategyError> {
        if !(self.formation_years.is_finite()
            && self.stability_years.is_finite()
            && 0.0 <= self.formation_years
            && self.formation_years <= self.stability_years)
        {
            return Err(StrategyError::InvalidOption {
                name: "lifecycle",
                reason: "need 0 ≤ formationYears ≤ stabilityYears".to_string(),
            });
        }
        Ok(())
    }
}

/// The stage of one account, with what it rests on and the work it calls for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Lifecycle {
    /// `exploration`, `formation`, `stability` or `decline`, with its texts.
    #[serde(flatten)]
    pub label: LabelText,
    #[serde(skip)]
    pub stage: Stage,
    pub evidence: Vec<LabelText>,
    /// The source's work for the stage.
    pub work: LabelText,
}

/// The stage from the row's behaviour; `None` when the row shows neither tenure nor any sign.
pub fn lifecycle_stage(
    b: &Behaviour,
    options: &LifecycleOptions,
    estimate: &EstimateOptions,
    lang: Option<Lang>,
) -> Option<Lifecycle> {
    let (stage, evidence) = stage_and_evidence(b, options, estimate)?;
    Some(Lifecycle {
        label: LabelText::new(stage.label(), lang),
        stage,
        evidence: evidence
            .into_iter()
            .map(|l| LabelText::new(l, lang))
            .collect(),
        work: LabelText::new(stage.work(), lang),
    })
}

fn stage_and_evidence(
    b: &Behaviour,
    options: &LifecycleOptions,
    estimate: &EstimateOptions,
) -> Option<(Stage, Vec<Label>)> {
    if !b.any {
        return None;
    }
    if b.no_purchase_yet() {
        return Some((Stage::Exploration, b.no_purchase_evidence()));
    }
    let falling = b.falling_evidence(estimate);
    if !falling.is_empty() {
        return Some((Stage::Decline, falling));
    }
    if b.years.is_some_and(|y| y < options.formation_years) {
        return Some((
            Stage::Formation,
            b.years_label("new", options.formation_years)
                .into_iter()
                .collect(),
        ));
    }
    if b.growing(estimate) {
        return Some((
            Stage::Formation,
            b.growth_label("growing").into_iter().collect(),
        ));
    }
    let years = b.years?;
    if years >= options.stability_years {
        let mut evidence: Vec<Label> = b
            .years_label("settled", options.stability_years)
            .into_iter()
            .collect();
        evidence.push(
            b.growth_label("steady")
                .unwrap_or_else(|| Label::new("evidence", "not_falling")),
        );
        Some((Stage::Stability, evidence))
    } else {
        Some((
            Stage::Formation,
            b.years_label("not_yet_stable", options.stability_years)
                .into_iter()
                .collect(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::row::{AccountRow, Cell};
    use crate::strategy::churn::ChurnOptions;
    use crate::strategy::lang_check::{is_en, is_zh};

    fn stage(pairs: &[(&str, f64)]) -> Option<Lifecycle> {
        let row = AccountRow::from_pairs(pairs.iter().map(|(k, v)| (*k, Cell::Number(*v))), None);
        let b = Behaviour::of(&row, Some(20_000), &ChurnOptions::default());
        lifecycle_stage(
            &b,
            &LifecycleOptions::default(),
            &EstimateOptions::default(),
            Some(Lang::En),
        )
    }

    fn code(pairs: &[(&str, f64)]) -> (String, Vec<String>) {
        let l = stage(pairs).unwrap();
        (
            l.label.code,
            l.evidence.into_iter().map(|e| e.code).collect(),
        )
    }

    #[test]
    fn each_stage_from_its_evidence() {
        assert_eq!(
            code(&[("order_count", 0.0), ("annual_purchase", 0.0)]),
            ("exploration".into(), vec!["no_orders".into()])
        );
        assert_eq!(
            code(&[("relationship_years", 0.5), ("growth_rate", 0.0)]),
            ("formation".into(), vec!["new".into()])
        );
        assert_eq!(
            code(&[("relationship_years", 6.0), ("growth_rate", 0.3)]),
            ("formation".into(), vec!["growing".into()])
        );
        assert_eq!(
            code(&[("relationship_years", 1.5), ("growth_rate", 0.0)]),
            ("formation".into(), vec!["not_yet_stable".into()])
        );
        assert_eq!(
            code(&[("relationship_years", 4.0), ("growth_rate", 0.05)]),
            ("stability".into(), vec!["settled".into(), "steady".into()])
        );
        assert_eq!(
            code(&[("relationship_years", 4.0), ("growth_rate", -0.2)]),
            ("decline".into(), vec!["growth_falling".into()])
        );
        assert_eq!(
            code(&[
                ("relationship_years", 4.0),
                ("order_count", 12.0),
                ("last_order_days", 200.0)
            ]),
            ("decline".into(), vec!["quiet".into()])
        );
    }

    #[test]
    fn no_tenure_and_no_sign_is_no_stage() {
        assert!(stage(&[("annual_purchase", 1e6)]).is_none());
        assert!(stage(&[]).is_none());
    }

    #[test]
    fn the_work_of_each_stage_in_both_languages() {
        for s in Stage::ALL {
            let (l, w) = (s.label(), s.work());
            assert!(is_zh(&l.zh) && is_en(&l.en), "{l:?}");
            assert!(is_zh(&w.zh) && is_en(&w.en), "{w:?}");
        }
        assert_eq!(Stage::Exploration.label().zh, "考察期");
        assert_eq!(Stage::Decline.label().zh, "衰退期");
        assert!(Stage::Decline.work().zh.contains("一个沟通"));
        assert!(Stage::Stability.work().zh.contains("危机"));
        let l = stage(&[("relationship_years", 4.0)]).unwrap();
        assert_eq!(l.work.code, "stability");
        assert_eq!(l.work.text.as_deref(), Some(l.work.en.as_str()));
    }

    #[test]
    fn options_are_checked() {
        assert!(LifecycleOptions::default().validate().is_ok());
        let bad = LifecycleOptions {
            formation_years: 3.0,
            stability_years: 2.0,
        };
        assert!(bad.validate().is_err());
    }
}
