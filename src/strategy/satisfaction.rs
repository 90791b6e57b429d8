//! Satisfaction (MODEL §4.6): five levels, 5 = very satisfied, with targets by ABC class
//! [S, 004]: every A account very satisfied (anything below 高度满意 is an action), every B
//! account satisfied (below 一般满意 is an action), some C accounts gradually more satisfied
//! (below neutral is a note). Without an ABC class the value tier stands in (VIP and important
//! as A, ordinary as B, small as C); with neither, below neutral is a note.
//!
//! The `satisfaction` field holds 1–5 (words are read into numbers when the row is read). A
//! fraction such as 2.5 sits below neutral, so a value falls to the level at or below it.

use crate::grades::attractiveness::Letter;
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
    /// The ABC class the target follows (the tier's stand-in when there is no class).
    pub class: Option<Letter>,
    /// The level the class aims at: A very satisfied, B satisfied, C (or unknown) neutral.
    pub target: SatisfactionLevel,
    /// Below the target of an A or B account: an action is needed.
    pub needs_action: bool,
    /// `below_target` (A, B) or `below_neutral_note` (C, no class), with the levels filled in.
    pub warning: Option<Label>,
    /// What to do, most important first; empty for a note.
    pub actions: Vec<Label>,
}

/// The level a class aims at (§4.6).
pub fn target_for(class: Option<Letter>) -> SatisfactionLevel {
    match class {
        Some(Letter::A) => SatisfactionLevel::VerySatisfied,
        Some(Letter::B) => SatisfactionLevel::Satisfied,
        Some(Letter::C) | None => SatisfactionLevel::Neutral,
    }
}

fn level_text(label: &Label, lang: Lang) -> String {
    match lang {
        Lang::ZhCn => label.zh.clone(),
        // English puts the level mid-sentence, in lower case.
        Lang::En => label.en.to_lowercase(),
    }
}

/// Checks a satisfaction value 1–5 against the target of the account's class; `None` when the
/// value is not a level.
pub fn satisfaction_check(value: f64, class: Option<Letter>) -> Option<SatisfactionCheck> {
    let level = SatisfactionLevel::from_value(value)?;
    let target = target_for(class);
    let label = level.label();
    let key = matches!(class, Some(Letter::A | Letter::B));
    let below = level < target;
    let needs_action = key && below;
    let (warning, actions) = if needs_action {
        let target_label = target.label();
        let warning = label_per_lang("satisfaction", "below_target", |lang| {
            vec![
                ("class", class.map_or("", Letter::code).to_string()),
                ("level", level_text(&label, lang)),
                ("target", level_text(&target_label, lang)),
            ]
        });
        let actions = if level.below_neutral() {
            let mut a = vec![Label::new("satisfaction", "retain_listen")];
            if level == SatisfactionLevel::VeryDissatisfied {
                a.insert(0, Label::new("satisfaction", "retain_escalate"));
            }
            a
        } else {
            vec![Label::new("satisfaction", "raise_to_target")]
        };
        (Some(warning), actions)
    } else if below {
        let note = label_per_lang("satisfaction", "below_neutral_note", |lang| {
            vec![("level", level_text(&label, lang))]
        });
        (Some(note), Vec::new())
    } else {
        (None, Vec::new())
    };
    Some(SatisfactionCheck {
        level,
        label,
        class,
        target,
        needs_action,
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
    fn targets_follow_the_abc_class() {
        use Letter::{A, B, C};
        // (value, class, needs action, first action)
        let cases = [
            (4.0, Some(A), true, Some("raise_to_target")),
            (5.0, Some(A), false, None),
            (3.0, Some(B), true, Some("raise_to_target")),
            (4.0, Some(B), false, None),
            (2.0, Some(B), true, Some("retain_listen")),
            (1.0, Some(A), true, Some("retain_escalate")),
            (2.0, Some(C), false, None),
            (3.0, Some(C), false, None),
            (1.0, None, false, None),
        ];
        for (value, class, action, first) in cases {
            let c = satisfaction_check(value, class).unwrap();
            assert_eq!(c.needs_action, action, "{value} {class:?}");
            assert_eq!(
                c.actions.first().map(|a| a.code.as_str()),
                first,
                "{value} {class:?}"
            );
        }
        assert_eq!(target_for(Some(A)), VerySatisfied);
        assert_eq!(target_for(Some(B)), Satisfied);
        assert_eq!(target_for(None), Neutral);
    }

    #[test]
    fn the_warning_names_the_class_the_level_and_the_target() {
        let c = satisfaction_check(4.0, Some(Letter::A)).unwrap();
        let w = c.warning.unwrap();
        assert_eq!(w.code, "below_target");
        assert!(
            w.zh.contains("A类客户") && w.zh.contains("一般满意") && w.zh.contains("高度满意"),
            "{}",
            w.zh
        );
        assert!(
            !w.zh.contains("重点客户"),
            "§4.6: A-class accounts, not key accounts"
        );
        assert!(
            w.en.contains("satisfied") && w.en.contains("very satisfied"),
            "{}",
            w.en
        );
        assert!(is_zh(&w.zh) && is_en(&w.en));
        let note = satisfaction_check(2.0, Some(Letter::C))
            .unwrap()
            .warning
            .unwrap();
        assert_eq!(note.code, "below_neutral_note");
        assert!(is_zh(&note.zh) && is_en(&note.en));
        for a in satisfaction_check(1.0, Some(Letter::A)).unwrap().actions {
            assert!(is_zh(&a.zh) && is_en(&a.en));
        }
        assert!(satisfaction_check(6.0, Some(Letter::A)).is_none());
    }
}
