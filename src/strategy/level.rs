//! Relationship level (MODEL §4.2): the four levels of the supplier relationship, the signs a
//! seller can observe for each, an assessment from the signs ticked, and the moves to the next
//! level with the tie (financial, social, structural) to build.
//!
//! Assessment rule: a level's share is the part of its signs that are ticked. The level is the
//! highest one whose share reaches `threshold` (default one half: "mostly ticked"). When no
//! level reaches it, the level with the largest share wins and a tie goes to the lower level,
//! since claiming a closer relationship than the evidence shows is the costlier mistake.
//! Nothing ticked means not assessed.

use super::StrategyError;
use crate::texts::Label;
use serde::{Deserialize, Serialize};

/// The four levels, from arm's-length trade to strategic alliance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationshipLevel {
    Transactional = 1,
    Preferred = 2,
    Partner = 3,
    Alliance = 4,
}

/// The three rungs of relationship marketing, as ties binding the customer to us.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tie {
    /// Price, discounts, credit: easy for a rival to copy.
    Financial,
    /// Knowing each person's needs, personal service, a network inside the customer.
    Social,
    /// Capital, equity, shared profit: both sides locked in.
    Structural,
}

impl Tie {
    pub fn code(self) -> &'static str {
        match self {
            Tie::Financial => "financial",
            Tie::Social => "social",
            Tie::Structural => "structural",
        }
    }

    pub fn label(self) -> Label {
        Label::new("tie", self.code())
    }
}

impl RelationshipLevel {
    pub const ALL: [RelationshipLevel; 4] = [
        RelationshipLevel::Transactional,
        RelationshipLevel::Preferred,
        RelationshipLevel::Partner,
        RelationshipLevel::Alliance,
    ];

    /// 1–4.
    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn code(self) -> &'static str {
        match self {
            RelationshipLevel::Transactional => "transactional",
            RelationshipLevel::Preferred => "preferred",
            RelationshipLevel::Partner => "partner",
            RelationshipLevel::Alliance => "alliance",
        }
    }

    pub fn label(self) -> Label {
        Label::new("level", self.code())
    }

    /// The level numbered 1–4; other numbers (including fractions) are none.
    pub fn from_number(n: f64) -> Option<RelationshipLevel> {
        RelationshipLevel::ALL
            .into_iter()
            .find(|l| f64::from(l.number()) == n)
    }

    /// `1`–`4`, a code, or the zh/en name.
    pub fn parse(text: &str) -> Option<RelationshipLevel> {
        let t = crate::parse::normalize_width(text).trim().to_lowercase();
        if let Ok(n) = t.parse::<f64>() {
            return RelationshipLevel::from_number(n);
        }
        RelationshipLevel::ALL.into_iter().find(|l| {
            let label = l.label();
            t == l.code() || t == label.zh.to_lowercase() || t == label.en.to_lowercase()
        })
    }

    pub fn next(self) -> Option<RelationshipLevel> {
        match self {
            RelationshipLevel::Transactional => Some(RelationshipLevel::Preferred),
            RelationshipLevel::Preferred => Some(RelationshipLevel::Partner),
            RelationshipLevel::Partner => Some(RelationshipLevel::Alliance),
            RelationshipLevel::Alliance => None,
        }
    }

    /// The tie that holds a relationship at this level.
    pub fn tie(self) -> Tie {
        match self {
            RelationshipLevel::Transactional => Tie::Financial,
            RelationshipLevel::Preferred => Tie::Social,
            RelationshipLevel::Partner | RelationshipLevel::Alliance => Tie::Structural,
        }
    }

    /// The tie to build to reach the next level (at the top: the one to keep).
    pub fn tie_to_build(self) -> Tie {
        self.next().unwrap_or(self).tie()
    }

    /// The codes of the observable signs of this level; texts under `sign.<code>`.
    pub fn signs(self) -> &'static [&'static str] {
        match self {
            RelationshipLevel::Transactional => &[
                "vendor_one_of_many",
                "vendor_arms_length",
                "vendor_gatekeepers",
                "vendor_few_key_people",
                "vendor_no_inside_info",
                "vendor_price_every_time",
                "vendor_chosen_on_price",
                "vendor_new_product_service",
                "vendor_low_visibility",
            ],
            RelationshipLevel::Preferred => &[
                "preferred_many_key_people",
                "preferred_exclusive_chances",
                "preferred_solving_problems",
                "preferred_visibility",
                "preferred_value_paid",
                "preferred_inside_info",
                "preferred_always_present",
                "preferred_hard_to_enter",
            ],
            RelationshipLevel::Partner => &[
                "partner_several_levels",
                "partner_top_level",
                "partner_long_contracts",
                "partner_co_located",
                "partner_joint_planning",
                "partner_price_in_agreement",
                "partner_no_competitor",
                "partner_high_barriers",
                "partner_high_visibility",
                "partner_known_to_their_customers",
            ],
            RelationshipLevel::Alliance => &[
                "alliance_joint_venture",
                "alliance_visible_everywhere",
                "alliance_every_level",
                "alliance_leaders_together",
                "alliance_goals_aligned",
                "alliance_own_loyalty",
                "alliance_shared_profit",
                "alliance_competitors_supply",
                "alliance_joint_opportunities",
                "alliance_very_high_barriers",
            ],
        }
    }

    /// The codes of the moves toward the next level (at the top: to keep it); texts under
    /// `level_move.<code>`.
    pub fn moves(self) -> &'static [&'static str] {
        match self {
            RelationshipLevel::Transactional => &[
                "reach_more_key_people",
                "learn_personal_needs",
                "solve_their_problems",
                "sell_added_value",
                "stay_present",
            ],
            RelationshipLevel::Preferred => &[
                "contacts_at_all_levels",
                "joint_planning",
                "long_agreement",
                "people_on_site",
                "visible_to_their_customers",
            ],
            RelationshipLevel::Partner => &[
                "explore_alliance",
                "leaders_lead_together",
                "align_goals",
                "share_profit",
            ],
            RelationshipLevel::Alliance => &["review_alliance", "keep_barriers_high"],
        }
    }
}

/// The level a sign belongs to, if the code is known.
pub fn level_of_sign(code: &str) -> Option<RelationshipLevel> {
    RelationshipLevel::ALL
        .into_iter()
        .find(|l| l.signs().contains(&code))
}

/// One level's checklist, for a screen where the user ticks signs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LevelSigns {
    pub level: u8,
    #[serde(flatten)]
    pub label: Label,
    pub signs: Vec<Label>,
}

/// Every level with its signs, level 1 first.
pub fn level_checklist() -> Vec<LevelSigns> {
    RelationshipLevel::ALL
        .into_iter()
        .map(|l| LevelSigns {
            level: l.number(),
            label: l.label(),
            signs: l.signs().iter().map(|s| Label::new("sign", s)).collect(),
        })
        .collect()
}

/// Options of the assessment.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct LevelOptions {
    /// The share of a level's signs that counts as "mostly ticked", in (0, 1].
    pub threshold: f64,
}

impl Default for LevelOptions {
    fn default() -> Self {
        LevelOptions { threshold: 0.5 }
    }
}

impl LevelOptions {
    pub fn validate(&self) -> Result<(), StrategyError> {
        if self.threshold.is_finite() && self.threshold > 0.0 && self.threshold <= 1.0 {
            Ok(())
        } else {
            Err(StrategyError::InvalidOption {
                name: "level.threshold",
                reason: format!("must be in (0, 1], got {}", self.threshold),
            })
        }
    }
}

/// How many of a level's signs were ticked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SignShare {
    pub level: u8,
    pub ticked: usize,
    pub total: usize,
}

/// The level read from ticked signs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LevelAssessment {
    /// `None` when no known sign was ticked.
    pub level: Option<RelationshipLevel>,
    /// One entry per level, level 1 first.
    pub shares: Vec<SignShare>,
    /// Ticked codes that are no sign, sorted, each once.
    pub unknown_signs: Vec<String>,
}

/// Assesses the level from the codes of the ticked signs (see the module's rule). A code
/// ticked twice counts once.
pub fn assess_level<'a, I>(ticked: I, options: &LevelOptions) -> LevelAssessment
where
    I: IntoIterator<Item = &'a str>,
{
    let mut known: Vec<&str> = Vec::new();
    let mut unknown: Vec<String> = Vec::new();
    for code in ticked {
        let code = code.trim();
        if level_of_sign(code).is_some() {
            known.push(code);
        } else if !code.is_empty() {
            unknown.push(code.to_string());
        }
    }
    known.sort_unstable();
    known.dedup();
    unknown.sort();
    unknown.dedup();

    let shares: Vec<SignShare> = RelationshipLevel::ALL
        .into_iter()
        .map(|l| SignShare {
            level: l.number(),
            ticked: l.signs().iter().filter(|s| known.contains(s)).count(),
            total: l.signs().len(),
        })
        .collect();
    let share = |s: &SignShare| s.ticked as f64 / s.total.max(1) as f64;

    let mostly = shares
        .iter()
        .filter(|s| share(s) >= options.threshold)
        .map(|s| s.level)
        .max();
    // Fallback: the largest share; iterating from level 1 and replacing only on a strictly
    // larger share sends ties to the lower level.
    let largest = || {
        let mut best: Option<&SignShare> = None;
        for s in shares.iter().filter(|s| s.ticked > 0) {
            best = match best {
                Some(b) if share(s) <= share(b) => Some(b),
                _ => Some(s),
            };
        }
        best.map(|s| s.level)
    };
    let level = mostly
        .or_else(largest)
        .and_then(|n| RelationshipLevel::from_number(f64::from(n)));
    LevelAssessment {
        level,
        shares,
        unknown_signs: unknown,
    }
}

/// What to do to reach the next level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NextLevelPlan {
    pub from: RelationshipLevel,
    /// `None` at the top level: the moves then keep the alliance.
    pub to: Option<RelationshipLevel>,
    /// The tie that holds the relationship now.
    pub current_tie: Label,
    /// The tie to build for the next level.
    pub build_tie: Label,
    pub moves: Vec<Label>,
}

pub fn next_level_plan(level: RelationshipLevel) -> NextLevelPlan {
    NextLevelPlan {
        from: level,
        to: level.next(),
        current_tie: level.tie().label(),
        build_tie: level.tie_to_build().label(),
        moves: level
            .moves()
            .iter()
            .map(|m| Label::new("level_move", m))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strategy::lang_check::{is_en, is_zh};
    use crate::texts::{has, Lang};
    use RelationshipLevel::*;

    fn assess(codes: &[&str]) -> Option<RelationshipLevel> {
        assess_level(codes.iter().copied(), &LevelOptions::default()).level
    }

    #[test]
    fn every_sign_and_move_has_texts_in_both_languages() {
        let mut seen = std::collections::HashSet::new();
        for level in RelationshipLevel::ALL {
            assert!(level.signs().len() >= 8);
            for sign in level.signs() {
                assert!(seen.insert(*sign), "{sign} twice");
                let l = Label::new("sign", sign);
                assert!(is_zh(&l.zh) && is_en(&l.en), "{sign}: {l:?}");
                for lang in Lang::ALL {
                    assert!(has(lang, &format!("sign.{sign}")), "{sign} {lang:?}");
                }
            }
            for m in level.moves() {
                let l = Label::new("level_move", m);
                assert!(is_zh(&l.zh) && is_en(&l.en), "{m}: {l:?}");
            }
            let l = level.label();
            assert!(is_zh(&l.zh) && is_en(&l.en));
        }
        assert_eq!(Transactional.label().zh, "普通供应商");
        assert_eq!(Alliance.label().zh, "战略联盟");
    }

    #[test]
    fn highest_level_mostly_ticked_wins() {
        // All of level 2's signs and half of level 3's (5 of 10).
        let mut ticked: Vec<&str> = Preferred.signs().to_vec();
        ticked.extend(&Partner.signs()[..5]);
        assert_eq!(assess(&ticked), Some(Partner));
        // 4 of 10 partner signs is not "mostly": back to preferred.
        let mut ticked: Vec<&str> = Preferred.signs().to_vec();
        ticked.extend(&Partner.signs()[..4]);
        assert_eq!(assess(&ticked), Some(Preferred));
        // Every alliance sign.
        assert_eq!(assess(Alliance.signs()), Some(Alliance));
    }

    #[test]
    fn without_a_majority_the_largest_share_wins_ties_to_the_lower() {
        // 2 of 8 preferred (25 %) against 2 of 10 partner (20 %).
        let ticked = [Preferred.signs()[0], Preferred.signs()[1]]
            .into_iter()
            .chain(Partner.signs()[..2].iter().copied())
            .collect::<Vec<_>>();
        assert_eq!(assess(&ticked), Some(Preferred));
        // 2 of 8 preferred against 2 of 8 alliance: equal shares, the lower level.
        let ticked = [
            Preferred.signs()[0],
            Preferred.signs()[1],
            Alliance.signs()[0],
            Alliance.signs()[1],
        ];
        assert_eq!(assess(&ticked), Some(Preferred));
        // A single partner sign.
        assert_eq!(assess(&["partner_joint_planning"]), Some(Partner));
    }

    #[test]
    fn nothing_ticked_is_not_assessed_and_unknown_codes_are_reported() {
        let a = assess_level(
            ["nonsense", "", "nonsense", "vendor_one_of_many"],
            &LevelOptions::default(),
        );
        assert_eq!(a.level, Some(Transactional));
        assert_eq!(a.unknown_signs, vec!["nonsense"]);
        assert_eq!(a.shares[0].ticked, 1);
        assert_eq!(assess(&[]), None);
        assert_eq!(assess(&["nonsense"]), None);
    }

    #[test]
    fn a_sign_ticked_twice_counts_once() {
        let a = assess_level(
            ["partner_top_level", "partner_top_level"],
            &LevelOptions::default(),
        );
        assert_eq!(a.shares[2].ticked, 1);
    }

    #[test]
    fn threshold_is_configurable_and_checked() {
        let strict = LevelOptions { threshold: 1.0 };
        let ticked = &Partner.signs()[..9];
        assert_eq!(
            assess_level(ticked.iter().copied(), &strict).level,
            Some(Partner),
            "falls back to the largest share"
        );
        let mut ticked: Vec<&str> = Preferred.signs().to_vec();
        ticked.extend(&Partner.signs()[..9]);
        assert_eq!(
            assess_level(ticked.iter().copied(), &strict).level,
            Some(Preferred)
        );
        assert!(LevelOptions { threshold: 0.0 }.validate().is_err());
        assert!(LevelOptions {
            threshold: f64::NAN
        }
        .validate()
        .is_err());
    }

    #[test]
    fn next_level_moves_and_ties() {
        let p = next_level_plan(Transactional);
        assert_eq!(p.to, Some(Preferred));
        assert_eq!(p.current_tie.code, "financial");
        assert_eq!(p.build_tie.code, "social");
        assert!(p.moves.iter().any(|m| m.code == "reach_more_key_people"));
        let p = next_level_plan(Preferred);
        assert_eq!(p.build_tie.code, "structural");
        assert_eq!(p.to, Some(Partner));
        let p = next_level_plan(Partner);
        assert_eq!(p.build_tie.code, "structural");
        assert!(p.moves.iter().any(|m| m.code == "explore_alliance"));
        let p = next_level_plan(Alliance);
        assert_eq!(p.to, None);
        assert_eq!(p.build_tie.code, "structural");
        for tie in [Tie::Financial, Tie::Social, Tie::Structural] {
            assert!(is_zh(&tie.label().zh) && is_en(&tie.label().en));
        }
    }

    #[test]
    fn levels_parse() {
        assert_eq!(RelationshipLevel::parse("2"), Some(Preferred));
        assert_eq!(RelationshipLevel::parse("合作伙伴"), Some(Partner));
        assert_eq!(
            RelationshipLevel::parse("strategic alliance"),
            Some(Alliance)
        );
        assert_eq!(RelationshipLevel::parse("5"), None);
        assert_eq!(RelationshipLevel::from_number(2.5), None);
    }

    #[test]
    fn checklist_lists_every_sign() {
        let list = level_checklist();
        assert_eq!(list.len(), 4);
        assert_eq!(list[1].signs.len(), Preferred.signs().len());
        let v = serde_json::to_value(&list[0]).unwrap_or_default();
        assert_eq!(v["level"], 1);
        assert_eq!(v["code"], "transactional");
    }
}
