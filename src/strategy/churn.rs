//! Churn warning for valuable accounts (预流失重点客户, MODEL §4.5).
//!
//! A valuable account [D] — value tier ≥ `min_tier` (important), or ABC class A, or profit
//! contribution in the list's top `valuable_top_share` (20 %) — is watched [S, 004: 「长时间不使用…
//! 而且对公司的利润贡献比较大」]. It is at risk when it has been quiet: days since the last order
//! above max(`interval_multiplier` × its usual interval, `min_days`) = max(2 × interval, 90) by
//! default. When a P(alive) from a transaction-history model is given it replaces the recency
//! rule: the account is at risk below `p_alive_threshold` (0.5). Many complaints mark a likely
//! leaver too [S, 003]: `complaint_level` (3 a year) or more on a valuable account warns as well.
//!
//! The usual interval is the `usual_interval_days` field or, failing that, 365 / `order_count`
//! (orders in the last 12 months); with neither, the limit is `min_days`.
//! Retention [S, 001]: 「一个沟通，两个保证」 — always keep deep communication with the account,
//! and guarantee two things: service quality, and the customer's greatest benefit.

use super::StrategyError;
use crate::grades::abc::AbcClass;
use crate::grades::tier::Tier;
use crate::row::AccountRow;
use crate::texts::Label;
use serde::{Deserialize, Serialize};

/// Thresholds of the warning.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ChurnOptions {
    /// [D] The lowest tier watched, `important`.
    pub min_tier: Tier,
    /// [D] The quiet limit is never below this many days, 90.
    pub min_days: f64,
    /// [D] The quiet limit is this many usual intervals, 2.
    pub interval_multiplier: f64,
    /// [D] With a P(alive), the account is at risk strictly below this, 0.5.
    pub p_alive_threshold: f64,
    /// [D] Complaints a year that mark a likely leaver, 3 (also status 5 defensive, §4.8).
    pub complaint_level: f64,
    /// [D] An account whose profit contribution is in this top share of the list is valuable,
    /// 0.2 (the top 20 %).
    pub valuable_top_share: f64,
}

impl Default for ChurnOptions {
    fn default() -> Self {
        ChurnOptions {
            min_tier: Tier::Important,
            min_days: 90.0,
            interval_multiplier: 2.0,
            p_alive_threshold: 0.5,
            complaint_level: 3.0,
            valuable_top_share: 0.2,
        }
    }
}

impl ChurnOptions {
    pub fn validate(&self) -> Result<(), StrategyError> {
        let bad = |name, reason: String| Err(StrategyError::InvalidOption { name, reason });
        if !(self.min_days.is_finite() && self.min_days >= 0.0) {
            return bad(
                "churn.minDays",
                format!("must be ≥ 0, got {}", self.min_days),
            );
        }
        if !(self.interval_multiplier.is_finite() && self.interval_multiplier > 0.0) {
            return bad(
                "churn.intervalMultiplier",
                format!("must be > 0, got {}", self.interval_multiplier),
            );
        }
        if !(0.0..=1.0).contains(&self.p_alive_threshold) {
            return bad(
                "churn.pAliveThreshold",
                format!("must be in [0, 1], got {}", self.p_alive_threshold),
            );
        }
        if !(self.complaint_level.is_finite() && self.complaint_level > 0.0) {
            return bad(
                "churn.complaintLevel",
                format!("must be > 0, got {}", self.complaint_level),
            );
        }
        if !(self.valuable_top_share > 0.0 && self.valuable_top_share <= 1.0) {
            return bad(
                "churn.valuableTopShare",
                format!("must be in (0, 1], got {}", self.valuable_top_share),
            );
        }
        Ok(())
    }
}

/// Why the days since the last order could not be read from a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecencyProblem {
    /// `last_order_date` is there but no as-of date was given to count from.
    NoAsOf,
    /// `last_order_date` lies after the as-of date.
    DateAfterAsOf,
}

impl RecencyProblem {
    pub fn label(self) -> Label {
        match self {
            RecencyProblem::NoAsOf => Label::new("churn", "no_as_of"),
            RecencyProblem::DateAfterAsOf => Label::new("churn", "date_after_as_of"),
        }
    }
}

/// Days since the last order: the `last_order_days` field, or `as_of − last_order_date`
/// (both days since 1970-01-01). `Ok(None)` when the row has neither; a negative
/// `last_order_days` counts as missing.
pub fn days_since_last_order(
    row: &AccountRow,
    as_of: Option<i64>,
) -> Result<Option<f64>, RecencyProblem> {
    if let Some(days) = row.number("last_order_days").filter(|d| *d >= 0.0) {
        return Ok(Some(days));
    }
    let Some(date) = row.date("last_order_date") else {
        return Ok(None);
    };
    let as_of = as_of.ok_or(RecencyProblem::NoAsOf)?;
    let days = as_of.saturating_sub(date);
    if days < 0 {
        Err(RecencyProblem::DateAfterAsOf)
    } else {
        Ok(Some(days as f64))
    }
}

/// The account's usual days between orders: `usual_interval_days`, else 365 / `order_count`.
pub fn usual_interval_days(row: &AccountRow) -> Option<f64> {
    row.number("usual_interval_days")
        .filter(|d| *d > 0.0)
        .or_else(|| {
            row.number("order_count")
                .filter(|n| *n > 0.0)
                .map(|n| 365.0 / n)
        })
}

/// §4.5's quiet limit: max(multiplier × usual interval, min days).
pub fn quiet_limit_days(usual_interval: Option<f64>, options: &ChurnOptions) -> f64 {
    usual_interval
        .filter(|d| d.is_finite() && *d > 0.0)
        .map_or(0.0, |d| d * options.interval_multiplier)
        .max(options.min_days)
}

/// What the check is given.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ChurnInput {
    pub tier: Option<Tier>,
    /// The list's ABC class of the account (§3.2).
    pub abc: Option<AbcClass>,
    /// The percentile (0–100) of the account's profit contribution in the list.
    pub contribution_percentile: Option<f64>,
    pub days_since_last_order: Option<f64>,
    pub usual_interval_days: Option<f64>,
    /// The probability the customer is still active, 0–1, from a BG/NBD fit (§6).
    pub p_alive: Option<f64>,
    /// Complaints in the last year.
    pub complaints: Option<f64>,
}

/// What the warning was based on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChurnBasis {
    PAlive,
    Recency,
    /// Not a valuable account, value unknown, or no recency and no P(alive).
    NotChecked,
}

/// Why an account counts as valuable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Valuable {
    Tier,
    AbcA,
    TopContribution,
}

/// The outcome of the check.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChurnCheck {
    /// Why the account is watched; `None` when it is not a valuable account.
    pub valuable: Option<Valuable>,
    pub at_risk: bool,
    pub basis: ChurnBasis,
    pub days_since_last_order: Option<f64>,
    /// max(multiplier × usual interval, min days), when recency was the basis.
    pub limit_days: Option<f64>,
    pub p_alive: Option<f64>,
    /// `at_risk` or `p_alive_low`, with the numbers filled in.
    pub warning: Option<Label>,
    /// `many_complaints`, when a valuable account has complained at least `complaint_level`
    /// times.
    pub complaint_warning: Option<Label>,
    /// The retention moves, when either warning is given.
    pub moves: Vec<Label>,
}

/// The retention moves of §4.5, in order: 「一个沟通，两个保证」.
pub fn retention_moves() -> Vec<Label> {
    ["deep_channel", "service_quality", "customer_benefit"]
        .iter()
        .map(|m| Label::new("retention", m))
        .collect()
}

fn whole_days(days: f64) -> String {
    format!("{:.0}", days)
}

fn percent(p: f64) -> String {
    format!("{:.0}%", p * 100.0)
}

/// Whether the account is valuable (§4.5), and by which rule (tier first).
pub fn valuable(input: &ChurnInput, options: &ChurnOptions) -> Option<Valuable> {
    if input.tier.is_some_and(|t| t >= options.min_tier) {
        Some(Valuable::Tier)
    } else if input.abc == Some(AbcClass::A) {
        Some(Valuable::AbcA)
    } else if input
        .contribution_percentile
        .is_some_and(|p| p >= (1.0 - options.valuable_top_share) * 100.0)
    {
        Some(Valuable::TopContribution)
    } else {
        None
    }
}

/// Applies the rule. A P(alive) outside 0–1 is ignored in favour of recency.
pub fn churn_check(input: &ChurnInput, options: &ChurnOptions) -> ChurnCheck {
    let mut check = ChurnCheck {
        valuable: valuable(input, options),
        at_risk: false,
        basis: ChurnBasis::NotChecked,
        days_since_last_order: input.days_since_last_order,
        limit_days: None,
        p_alive: None,
        warning: None,
        complaint_warning: None,
        moves: Vec::new(),
    };
    if check.valuable.is_none() {
        return check;
    }
    if let Some(c) = input
        .complaints
        .filter(|c| c.is_finite() && *c >= options.complaint_level)
    {
        check.complaint_warning = Some(Label::with_args(
            "churn",
            "many_complaints",
            &[
                ("n", &whole_days(c)),
                ("level", &whole_days(options.complaint_level)),
            ],
        ));
    }
    let p_alive = input.p_alive.filter(|p| (0.0..=1.0).contains(p));
    if let Some(p) = p_alive {
        check.basis = ChurnBasis::PAlive;
        check.p_alive = Some(p);
        if p < options.p_alive_threshold {
            check.at_risk = true;
            check.warning = Some(Label::with_args(
                "churn",
                "p_alive_low",
                &[
                    ("p", &percent(p)),
                    ("threshold", &percent(options.p_alive_threshold)),
                ],
            ));
        }
    } else if let Some(days) = input.days_since_last_order {
        let limit = quiet_limit_days(input.usual_interval_days, options);
        check.basis = ChurnBasis::Recency;
        check.limit_days = Some(limit);
        if days > limit {
            check.at_risk = true;
            check.warning = Some(Label::with_args(
                "churn",
                "at_risk",
                &[("days", &whole_days(days)), ("limit", &whole_days(limit))],
            ));
        }
    }
    if check.at_risk || check.complaint_warning.is_some() {
        check.moves = retention_moves();
    }
    check
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::days_from_civil;
    use crate::row::Cell;
    use crate::strategy::lang_check::{is_en, is_zh};

    fn input(tier: Tier, days: f64, interval: Option<f64>) -> ChurnInput {
        ChurnInput {
            tier: Some(tier),
            days_since_last_order: Some(days),
            usual_interval_days: interval,
            ..Default::default()
        }
    }

    fn check(i: ChurnInput) -> ChurnCheck {
        churn_check(&i, &ChurnOptions::default())
    }

    #[test]
    fn limit_is_the_larger_of_twice_the_interval_and_90_days() {
        // Interval 30: limit max(60, 90) = 90.
        assert!(!check(input(Tier::Important, 90.0, Some(30.0))).at_risk);
        assert!(check(input(Tier::Important, 91.0, Some(30.0))).at_risk);
        // Interval 60: limit 120.
        let c = check(input(Tier::Vip, 110.0, Some(60.0)));
        assert!(!c.at_risk);
        assert_eq!(c.limit_days, Some(120.0));
        let c = check(input(Tier::Vip, 121.0, Some(60.0)));
        assert!(c.at_risk);
        assert_eq!(c.basis, ChurnBasis::Recency);
        // No interval: 90.
        assert_eq!(check(input(Tier::Vip, 50.0, None)).limit_days, Some(90.0));
    }

    #[test]
    fn valuable_by_tier_abc_class_a_or_top_contribution() {
        // §4.5: tier ≥ important, or ABC A, or profit contribution in the list's top 20 %.
        let quiet = |tier, abc, pct| ChurnInput {
            tier,
            abc,
            contribution_percentile: pct,
            days_since_last_order: Some(400.0),
            ..Default::default()
        };
        let o = ChurnOptions::default();
        for (input, want) in [
            (
                quiet(Some(Tier::Important), None, None),
                Some(Valuable::Tier),
            ),
            (
                quiet(Some(Tier::Small), Some(AbcClass::A), None),
                Some(Valuable::AbcA),
            ),
            (
                quiet(None, Some(AbcClass::B), Some(80.0)),
                Some(Valuable::TopContribution),
            ),
            (quiet(None, Some(AbcClass::B), Some(79.9)), None),
            (quiet(Some(Tier::Ordinary), Some(AbcClass::C), None), None),
        ] {
            let c = churn_check(&input, &o);
            assert_eq!(c.valuable, want, "{input:?}");
            assert_eq!(c.at_risk, want.is_some(), "{input:?}");
        }
    }

    #[test]
    fn many_complaints_on_a_valuable_account_warn_too() {
        let o = ChurnOptions::default();
        let mut i = input(Tier::Vip, 10.0, None);
        i.complaints = Some(3.0);
        let c = churn_check(&i, &o);
        assert!(!c.at_risk, "recent orders");
        let w = c.complaint_warning.unwrap();
        assert_eq!(w.code, "many_complaints");
        assert!(
            w.zh.contains('3') && is_zh(&w.zh) && is_en(&w.en),
            "{}",
            w.zh
        );
        assert_eq!(c.moves.len(), 3, "the retention moves");
        i.complaints = Some(2.0);
        assert!(churn_check(&i, &o).complaint_warning.is_none());
        let mut small = input(Tier::Small, 10.0, None);
        small.complaints = Some(9.0);
        assert!(churn_check(&small, &o).complaint_warning.is_none());
    }

    #[test]
    fn retention_is_one_communication_two_guarantees() {
        let m = retention_moves();
        assert!(m[0].zh.contains("一个沟通"), "{}", m[0].zh);
        assert!(m[1].zh.contains("两个保证") && m[1].zh.contains("服务质量"));
        assert!(m[2].zh.contains("利益最大化"), "{}", m[2].zh);
    }

    #[test]
    fn only_important_and_vip_are_watched() {
        for tier in [Tier::Ordinary, Tier::Small] {
            let c = check(input(tier, 400.0, None));
            assert!(!c.at_risk);
            assert_eq!(c.basis, ChurnBasis::NotChecked);
        }
        let unknown = ChurnInput {
            tier: None,
            days_since_last_order: Some(400.0),
            ..Default::default()
        };
        assert!(!check(unknown).at_risk);
        let vip_only = ChurnOptions {
            min_tier: Tier::Vip,
            ..Default::default()
        };
        assert!(!churn_check(&input(Tier::Important, 400.0, None), &vip_only).at_risk);
    }

    #[test]
    fn p_alive_replaces_recency() {
        let mut i = input(Tier::Important, 10.0, None);
        i.p_alive = Some(0.3);
        let c = check(i);
        assert!(c.at_risk);
        assert_eq!(c.basis, ChurnBasis::PAlive);
        let w = c.warning.unwrap();
        assert_eq!(w.code, "p_alive_low");
        assert!(w.en.contains("30%") && w.en.contains("50%"), "{}", w.en);
        assert!(is_zh(&w.zh) && w.zh.contains("30%"));
        // Long silence but a confident model: no warning.
        let mut i = input(Tier::Important, 400.0, None);
        i.p_alive = Some(0.8);
        assert!(!check(i).at_risk);
        // Out-of-range P(alive) is ignored.
        let mut i = input(Tier::Important, 400.0, None);
        i.p_alive = Some(1.5);
        assert_eq!(check(i).basis, ChurnBasis::Recency);
    }

    #[test]
    fn warning_and_moves_in_both_languages() {
        let c = check(input(Tier::Vip, 200.0, Some(30.0)));
        let w = c.warning.unwrap();
        assert_eq!(w.code, "at_risk");
        assert!(is_en(&w.en) && w.en.contains("200") && w.en.contains("90"));
        assert!(is_zh(&w.zh) && w.zh.contains("200"));
        let codes: Vec<&str> = c.moves.iter().map(|m| m.code.as_str()).collect();
        assert_eq!(
            codes,
            ["deep_channel", "service_quality", "customer_benefit"]
        );
        for m in &c.moves {
            assert!(is_zh(&m.zh) && is_en(&m.en), "{m:?}");
        }
        assert!(check(input(Tier::Vip, 20.0, None)).moves.is_empty());
    }

    #[test]
    fn days_from_the_field_or_from_a_date() {
        let row = AccountRow::from_pairs([("last_order_days", Cell::Number(45.0))], None);
        assert_eq!(days_since_last_order(&row, None), Ok(Some(45.0)));
        let d = days_from_civil(2026, 1, 1).unwrap_or_default();
        let row = AccountRow::from_pairs([("last_order_date", Cell::from("2026-01-01"))], None);
        assert_eq!(days_since_last_order(&row, Some(d + 100)), Ok(Some(100.0)));
        assert_eq!(
            days_since_last_order(&row, None),
            Err(RecencyProblem::NoAsOf)
        );
        assert_eq!(
            days_since_last_order(&row, Some(d - 1)),
            Err(RecencyProblem::DateAfterAsOf)
        );
        assert_eq!(days_since_last_order(&AccountRow::new(), Some(d)), Ok(None));
        for p in [RecencyProblem::NoAsOf, RecencyProblem::DateAfterAsOf] {
            assert!(is_zh(&p.label().zh) && is_en(&p.label().en));
        }
    }

    #[test]
    fn interval_from_the_field_or_the_order_count() {
        let row = AccountRow::from_pairs([("usual_interval_days", Cell::Number(20.0))], None);
        assert_eq!(usual_interval_days(&row), Some(20.0));
        let row = AccountRow::from_pairs([("order_count", Cell::Number(73.0))], None);
        assert_eq!(usual_interval_days(&row), Some(5.0));
        let row = AccountRow::from_pairs([("order_count", Cell::Number(0.0))], None);
        assert_eq!(usual_interval_days(&row), None);
    }

    #[test]
    fn options_are_checked_and_read_from_json() {
        assert!(ChurnOptions::default().validate().is_ok());
        let bad = ChurnOptions {
            p_alive_threshold: 2.0,
            ..Default::default()
        };
        assert!(bad.validate().is_err());
        let o: ChurnOptions =
            serde_json::from_str(r#"{"minDays": 60, "minTier": "vip"}"#).unwrap_or_default();
        assert_eq!(o.min_days, 60.0);
        assert_eq!(o.min_tier, Tier::Vip);
        assert_eq!(o.interval_multiplier, 2.0);
    }
}
