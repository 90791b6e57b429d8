//! Contact cadence and owner by grade (MODEL §4.3).
//!
//! The grade is the ABC visit class [S, 003] — the list's ABC class (§3.2), else the value tier
//! (VIP and important → A, ordinary → B, small → C); not the attractiveness letter.
//! A: *at least* one visit a month, in person, one named owner who handles their issues [S];
//! B: a visit plan, needs found early, solutions offered [S], quarterly [D];
//! C: phone or e-mail twice a year plus group events [D].
//! Service has three kinds [S, 003]: what is owed (份内), what is optional (边缘), and what has
//! nothing to do with the sale — sincere care for the customer and their family. Classes A and
//! B get all three; class C gets routine service only.

use super::StrategyError;
use crate::grades::abc::AbcClass;
use crate::grades::attractiveness::Letter;
use crate::grades::tier::Tier;
use crate::texts::Label;
use serde::{Deserialize, Serialize};

/// What a cadence is chosen from: a value tier, or an ABC class written as its letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    Tier(Tier),
    Letter(Letter),
}

/// The grade of an account for §4.3 and §4.6: its ABC class, else its tier.
pub fn contact_grade(abc: Option<AbcClass>, tier: Option<Tier>) -> Option<Grade> {
    let letter = |c: AbcClass| match c {
        AbcClass::A => Letter::A,
        AbcClass::B => Letter::B,
        AbcClass::C => Letter::C,
    };
    abc.map(|c| Grade::Letter(letter(c)))
        .or(tier.map(Grade::Tier))
}

impl Grade {
    /// A letter (`A`, `b`, `高`) or a tier (`vip`, `重要客户`, `1`–`4`).
    pub fn parse(text: &str) -> Option<Grade> {
        Letter::parse(text)
            .map(Grade::Letter)
            .or_else(|| Tier::parse(text).map(Grade::Tier))
    }

    /// The contact class: the ABC letter, or the tier's stand-in (VIP and important → A,
    /// ordinary → B, small → C).
    pub fn class(self) -> Letter {
        match self {
            Grade::Letter(l) => l,
            Grade::Tier(Tier::Vip | Tier::Important) => Letter::A,
            Grade::Tier(Tier::Ordinary) => Letter::B,
            Grade::Tier(Tier::Small) => Letter::C,
        }
    }

    /// `A` / `B` / `C` or the tier's code.
    pub fn code(self) -> &'static str {
        match self {
            Grade::Letter(l) => l.code(),
            Grade::Tier(t) => t.code(),
        }
    }
}

/// Contacts a year per class. A's twelve is the spec's "at least monthly"; B and C are [D].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct CadenceOptions {
    pub a_per_year: u32,
    pub b_per_year: u32,
    pub c_per_year: u32,
}

impl Default for CadenceOptions {
    fn default() -> Self {
        CadenceOptions {
            a_per_year: 12,
            b_per_year: 4,
            c_per_year: 2,
        }
    }
}

impl CadenceOptions {
    pub fn validate(&self) -> Result<(), StrategyError> {
        for (name, n) in [
            ("cadence.aPerYear", self.a_per_year),
            ("cadence.bPerYear", self.b_per_year),
            ("cadence.cPerYear", self.c_per_year),
        ] {
            if !(1..=365).contains(&n) {
                return Err(StrategyError::InvalidOption {
                    name,
                    reason: format!("must be 1–365 contacts a year, got {n}"),
                });
            }
        }
        Ok(())
    }
}

/// How often, how, and by whom an account is contacted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cadence {
    /// The grade it was chosen from: `A`/`B`/`C` or a tier code.
    pub grade: String,
    /// The contact class, `A` / `B` / `C`.
    pub class: Letter,
    /// What the contact plan is: `key_visits`, `planned_visits`, `remote_contact`.
    pub plan: Label,
    /// Contacts a year (visits for A and B, calls or e-mails for C).
    pub contacts_per_year: u32,
    /// The pace in words: `monthly`, `quarterly`, `half_yearly`, `yearly` or `per_year`.
    pub frequency: Label,
    /// `in_person` or `phone_email`.
    pub channel: Label,
    /// `named_owner`, `account_manager` or `sales_team`.
    pub owner: Label,
    /// Invite them to group events (seminars, customer days).
    pub group_events: bool,
    /// The three kinds of service for key accounts; empty for class C.
    pub services: Vec<Label>,
}

/// The pace of `n` contacts a year in words.
pub fn frequency_label(n: u32) -> Label {
    match n {
        12 => Label::new("cadence_frequency", "monthly"),
        4 => Label::new("cadence_frequency", "quarterly"),
        2 => Label::new("cadence_frequency", "half_yearly"),
        1 => Label::new("cadence_frequency", "yearly"),
        _ => Label::with_args("cadence_frequency", "per_year", &[("n", &n.to_string())]),
    }
}

/// The cadence for a grade.
pub fn cadence(grade: Grade, options: &CadenceOptions) -> Cadence {
    let class = grade.class();
    let (plan, per_year, channel, owner, group_events) = match class {
        Letter::A => (
            "key_visits",
            options.a_per_year,
            "in_person",
            "named_owner",
            false,
        ),
        Letter::B => (
            "planned_visits",
            options.b_per_year,
            "in_person",
            "account_manager",
            false,
        ),
        Letter::C => (
            "remote_contact",
            options.c_per_year,
            "phone_email",
            "sales_team",
            true,
        ),
    };
    let services = match class {
        Letter::A | Letter::B => ["owed", "optional", "beyond_the_sale"]
            .iter()
            .map(|s| Label::new("cadence_service", s))
            .collect(),
        Letter::C => Vec::new(),
    };
    Cadence {
        grade: grade.code().to_string(),
        class,
        plan: Label::new("cadence", plan),
        contacts_per_year: per_year,
        frequency: if class == Letter::A && per_year == 12 {
            Label::new("cadence_frequency", "at_least_monthly")
        } else {
            frequency_label(per_year)
        },
        channel: Label::new("cadence_channel", channel),
        owner: Label::new("cadence_owner", owner),
        group_events,
        services,
    }
}

/// The cadence for a grade written as text; see [`Grade::parse`].
pub fn cadence_from_text(grade: &str, options: &CadenceOptions) -> Result<Cadence, StrategyError> {
    options.validate()?;
    let parsed =
        Grade::parse(grade).ok_or_else(|| StrategyError::UnknownGrade(grade.to_string()))?;
    Ok(cadence(parsed, options))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strategy::lang_check::{is_en, is_zh};

    fn of(grade: Grade) -> Cadence {
        cadence(grade, &CadenceOptions::default())
    }

    #[test]
    fn a_vip_and_important_get_monthly_visits_with_a_named_owner() {
        for g in [
            Grade::Letter(Letter::A),
            Grade::Tier(Tier::Vip),
            Grade::Tier(Tier::Important),
        ] {
            let c = of(g);
            assert_eq!(c.class, Letter::A);
            assert_eq!(c.contacts_per_year, 12);
            assert_eq!(c.frequency.code, "at_least_monthly");
            assert_eq!(c.frequency.zh, "至少每月一次");
            assert_eq!(c.channel.code, "in_person");
            assert_eq!(c.owner.code, "named_owner");
            assert_eq!(c.plan.code, "key_visits");
            assert_eq!(c.services.len(), 3);
        }
        assert_eq!(of(Grade::Tier(Tier::Vip)).grade, "vip");
    }

    #[test]
    fn b_and_ordinary_get_a_quarterly_visit_plan() {
        for g in [Grade::Letter(Letter::B), Grade::Tier(Tier::Ordinary)] {
            let c = of(g);
            assert_eq!(c.contacts_per_year, 4);
            assert_eq!(c.frequency.code, "quarterly");
            assert_eq!(c.plan.code, "planned_visits");
            assert_eq!(c.owner.code, "account_manager");
            assert!(!c.group_events);
        }
    }

    #[test]
    fn c_and_small_get_phone_twice_a_year_and_events() {
        for g in [Grade::Letter(Letter::C), Grade::Tier(Tier::Small)] {
            let c = of(g);
            assert_eq!(c.contacts_per_year, 2);
            assert_eq!(c.frequency.code, "half_yearly");
            assert_eq!(c.channel.code, "phone_email");
            assert!(c.group_events);
            assert!(c.services.is_empty());
        }
    }

    #[test]
    fn the_abc_class_wins_over_the_tier() {
        assert_eq!(
            contact_grade(Some(AbcClass::C), Some(Tier::Vip)),
            Some(Grade::Letter(Letter::C))
        );
        assert_eq!(
            contact_grade(None, Some(Tier::Important)).map(Grade::class),
            Some(Letter::A)
        );
        assert_eq!(contact_grade(None, None), None);
    }

    #[test]
    fn services_are_the_three_kinds() {
        let codes: Vec<String> = of(Grade::Letter(Letter::A))
            .services
            .into_iter()
            .map(|s| s.code)
            .collect();
        assert_eq!(codes, ["owed", "optional", "beyond_the_sale"]);
    }

    #[test]
    fn texts_in_both_languages() {
        for letter in Letter::ALL {
            let c = of(Grade::Letter(letter));
            let mut labels = vec![c.plan, c.frequency, c.channel, c.owner];
            labels.extend(c.services);
            for l in labels {
                assert!(is_zh(&l.zh) && is_en(&l.en), "{l:?}");
            }
        }
        assert_eq!(frequency_label(12).zh, "每月一次");
        assert_eq!(frequency_label(6).en, "6 times a year");
        assert_eq!(frequency_label(6).zh, "每年6次");
    }

    #[test]
    fn configurable_pace_and_text_input() {
        let o = CadenceOptions {
            b_per_year: 6,
            ..Default::default()
        };
        let c = cadence_from_text("普通客户", &o).unwrap();
        assert_eq!(c.contacts_per_year, 6);
        assert_eq!(c.frequency.code, "per_year");
        assert_eq!(cadence_from_text("b", &o).unwrap().class, Letter::B);
        assert!(cadence_from_text("gold", &o).is_err());
        let zero = CadenceOptions {
            a_per_year: 0,
            ..Default::default()
        };
        assert!(cadence_from_text("A", &zero).is_err());
    }
}
