//! Satisfaction (MODEL §4.6): five levels, 5 = very satisfied. Below neutral on a key account —
//! attractiveness A or B, or tier important or VIP — calls for a retention action.
//!
//! The `satisfaction` field holds 1–5 (words are read into numbers when the row is read). A
//! fraction such as 2.5 sits below neutral, so a value falls to the level at or below it.

use crate::grades::attractiveness::Letter;
use crate::grades::tier::Tier;
use crate::strategy::item::label_per_lang;
use crate::texts::{Label, Lang};
use serde::Serialize;

/// The five levels, numbered 1 (very dissatisfied) to 5 (very satisfied).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SatisfactionLevel {
    VeryDissatisfied = 1,
    SomewhatDissatisfied = 2,
    Neutral = 3,
    Satisfied = 4,
    VerySatisfied = 5,
}

impl SatisfactionLevel {
    pub const ALL: [SatisfactionLevel; 5] = [
        SatisfactionLevel::VeryDissatisfied,
        SatisfactionLevel::SomewhatDissatisfied,
        SatisfactionLevel::Neutral,
        SatisfactionLevel::Satisfied,
        SatisfactionLevel::VerySatisfied,
    ];

    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn code(self) -> &'static str {
        match self {
            SatisfactionLevel::VeryDissatisfied => "very_dissatisfied",
            SatisfactionLevel::SomewhatDissatisfied => "somewhat_dissatisfied",
            SatisfactionLevel::Neutral => "neutral",
            SatisfactionLevel::Satisfied => "satisfied",
            SatisfactionLevel::VerySatisfied => "very_satisfied",
        }
    }

    pub fn label(self) -> Label {
        Label::new("satisfaction", self.code())
    }

    /// The level of a value 1–5, rounding down; `None` outside 1–5 or for NaN.
    pub fn from_value(value: f64) -> Option<SatisfactionLevel> {
        if !(1.0..=5.0).contains(&value) {
            return None;
        }
        let whole = value.floor();
        SatisfactionLevel::ALL
            .into_iter()
            .find(|l| f64::from(l.number()) == whole)
    }

    pub fn below_neutral(self) -> bool {
        self < SatisfactionLevel::Neutral
    }
}

/// The outcome of the check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SatisfactionCheck {
    pub level: SatisfactionLevel,
    pub label: Label,
    /// A or B attractiveness, or important / VIP tier.
    pub key_account: bool,
    /// Below neutral on a key account.
    pub needs_retention: bool,
    /// `low`, with the level filled in, when retention is needed.
    pub warning: Option<Label>,
    /// The retention actions, most important first.
    pub actions: Vec<Label>,
}

/// Whether the account counts as key for satisfaction: either grade is enough.
pub fn is_key_account(letter: Option<Letter>, tier: Option<Tier>) -> bool {
    matches!(letter, Some(Letter::A | Letter::B)) || tier.is_some_and(|t| t >= Tier::Important)
}

/// Checks a satisfaction value 1–5; `None` when the value is not a level.
pub fn satisfaction_check(
    value: f64,
    letter: Option<Letter>,
    tier: Option<Tier>,
) -> Option<SatisfactionCheck> {
    let level = SatisfactionLevel::from_value(value)?;
    let key_account = is_key_account(letter, tier);
    let needs_retention = key_account && level.below_neutral();
    let label = level.label();
    let (warning, actions) = if needs_retention {
        // English puts the level mid-sentence, in lower case.
        let warning = label_per_lang("satisfaction", "low", |lang| match lang {
            Lang::ZhCn => vec![("level", label.zh.clone())],
            Lang::En => vec![("level", label.en.to_lowercase())],
        });
        let mut actions = vec![Label::new("satisfaction", "retain_listen")];
        if level == SatisfactionLevel::VeryDissatisfied {
            actions.insert(0, Label::new("satisfaction", "retain_escalate"));
        }
        (Some(warning), actions)
    } else {
        (None, Vec::new())
    };
    Some(SatisfactionCheck {
        level,
        label,
        key_account,
        needs_retention,
        warning,
        actions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strategy::lang_check::{is_en, is_zh};
    use SatisfactionLevel::*;

    #[test]
    fn levels_from_values() {
        assert_eq!(SatisfactionLevel::from_value(5.0), Some(VerySatisfied));
        assert_eq!(SatisfactionLevel::from_value(3.0), Some(Neutral));
        assert_eq!(
            SatisfactionLevel::from_value(2.5),
            Some(SomewhatDissatisfied)
        );
        assert_eq!(SatisfactionLevel::from_value(1.0), Some(VeryDissatisfied));
        assert_eq!(SatisfactionLevel::from_value(0.0), None);
        assert_eq!(SatisfactionLevel::from_value(f64::NAN), None);
        assert_eq!(VerySatisfied.label().zh, "高度满意");
        assert_eq!(SomewhatDissatisfied.label().zh, "有些不满意");
        assert_eq!(VeryDissatisfied.label().zh, "极不满意");
        for l in SatisfactionLevel::ALL {
            assert!(is_zh(&l.label().zh) && is_en(&l.label().en));
        }
    }

    #[test]
    fn below_neutral_on_a_key_account_needs_retention() {
        for (letter, tier) in [
            (Some(Letter::A), None),
            (Some(Letter::B), None),
            (None, Some(Tier::Vip)),
            (None, Some(Tier::Important)),
            (Some(Letter::C), Some(Tier::Important)),
        ] {
            let c = satisfaction_check(2.0, letter, tier).unwrap();
            assert!(c.needs_retention, "{letter:?} {tier:?}");
            let w = c.warning.unwrap();
            assert!(is_zh(&w.zh) && w.zh.contains("有些不满意"), "{}", w.zh);
            assert!(
                is_en(&w.en) && w.en.contains("somewhat dissatisfied"),
                "{}",
                w.en
            );
            assert_eq!(c.actions.len(), 1);
            assert_eq!(c.actions[0].code, "retain_listen");
            assert!(is_zh(&c.actions[0].zh) && is_en(&c.actions[0].en));
        }
    }

    #[test]
    fn very_dissatisfied_escalates_first() {
        let c = satisfaction_check(1.0, Some(Letter::A), None).unwrap();
        let codes: Vec<&str> = c.actions.iter().map(|a| a.code.as_str()).collect();
        assert_eq!(codes, ["retain_escalate", "retain_listen"]);
        assert!(is_zh(&c.actions[0].zh) && is_en(&c.actions[0].en));
    }

    #[test]
    fn neutral_or_better_or_a_small_account_needs_nothing() {
        assert!(
            !satisfaction_check(3.0, Some(Letter::A), None)
                .unwrap()
                .needs_retention
        );
        assert!(
            !satisfaction_check(5.0, Some(Letter::A), None)
                .unwrap()
                .needs_retention
        );
        let c = satisfaction_check(1.0, Some(Letter::C), Some(Tier::Ordinary)).unwrap();
        assert!(!c.needs_retention && c.actions.is_empty() && c.warning.is_none());
        assert!(!satisfaction_check(1.0, None, None).unwrap().needs_retention);
        assert!(satisfaction_check(6.0, Some(Letter::A), None).is_none());
    }
}
