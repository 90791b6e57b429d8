//! Value tier by score (MODEL §3.1): VIP > 80, important > 60, ordinary > 40, small ≤ 40.

use crate::texts::Label;
use serde::{Deserialize, Serialize};

/// A value tier. The numeric codes (1–4, higher is better; 0 means no score) are what the
/// columnar API returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    Small = 1,
    Ordinary = 2,
    Important = 3,
    Vip = 4,
}

impl Tier {
    /// From best to worst.
    pub const ALL: [Tier; 4] = [Tier::Vip, Tier::Important, Tier::Ordinary, Tier::Small];

    /// The stable code: `vip`, `important`, `ordinary`, `small`.
    pub fn code(self) -> &'static str {
        match self {
            Tier::Vip => "vip",
            Tier::Important => "important",
            Tier::Ordinary => "ordinary",
            Tier::Small => "small",
        }
    }

    /// The small integer code (1 small … 4 VIP).
    pub fn number(self) -> u8 {
        self as u8
    }

    /// The tier for a code such as `vip` or `VIP客户`, or a number 1–4.
    pub fn parse(text: &str) -> Option<Tier> {
        // A tier's own code (how the crate passes tiers around) needs no normalising.
        if let Some(tier) = Tier::ALL.into_iter().find(|tier| tier.code() == text) {
            return Some(tier);
        }
        let t = crate::parse::normalize_width(text).trim().to_lowercase();
        Tier::ALL.into_iter().find(|tier| {
            t == tier.code()
                || t == tier.number().to_string()
                || t == tier.label().zh.to_lowercase()
                || t == tier.label().en.to_lowercase()
        })
    }

    /// The next tier up, if any.
    pub fn next(self) -> Option<Tier> {
        match self {
            Tier::Small => Some(Tier::Ordinary),
            Tier::Ordinary => Some(Tier::Important),
            Tier::Important => Some(Tier::Vip),
            Tier::Vip => None,
        }
    }

    pub fn label(self) -> Label {
        Label::new("tier", self.code())
    }
}

/// The scores a tier must exceed (strictly). Defaults are the spec's 80 / 60 / 40.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierThresholds {
    pub vip: f64,
    pub important: f64,
    pub ordinary: f64,
}

impl Default for TierThresholds {
    fn default() -> Self {
        TierThresholds {
            vip: 80.0,
            important: 60.0,
            ordinary: 40.0,
        }
    }
}

impl TierThresholds {
    /// The score a tier must exceed; the lowest tier has none.
    pub fn threshold(&self, tier: Tier) -> Option<f64> {
        match tier {
            Tier::Vip => Some(self.vip),
            Tier::Important => Some(self.important),
            Tier::Ordinary => Some(self.ordinary),
            Tier::Small => None,
        }
    }

    /// Problems with the thresholds: they must be finite and rise from ordinary to VIP.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (name, v) in [
            ("vip", self.vip),
            ("important", self.important),
            ("ordinary", self.ordinary),
        ] {
            if !v.is_finite() {
                out.push(format!("tiers.{name} must be a finite number"));
            }
        }
        if !(self.ordinary < self.important && self.important < self.vip) {
            out.push("tiers must rise: ordinary < important < vip".to_string());
        }
        out
    }
}

/// The tier of a score; `None` for a missing (NaN) score.
pub fn value_tier(score: f64, thresholds: &TierThresholds) -> Option<Tier> {
    if score.is_nan() {
        None
    } else if score > thresholds.vip {
        Some(Tier::Vip)
    } else if score > thresholds.important {
        Some(Tier::Important)
    } else if score > thresholds.ordinary {
        Some(Tier::Ordinary)
    } else {
        Some(Tier::Small)
    }
}

/// The tiers' labels by their numeric code, the way the columnar API's tier numbers are read:
/// index 1 small … 4 VIP, and index 0 (no score) `None`.
pub fn labels_by_number() -> [Option<Label>; 5] {
    let mut out: [Option<Label>; 5] = Default::default();
    for tier in Tier::ALL {
        out[usize::from(tier.number())] = Some(tier.label());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_are_strict() {
        let t = TierThresholds::default();
        let cases = [
            (100.0, Tier::Vip),
            (80.000001, Tier::Vip),
            (80.0, Tier::Important),
            (60.5, Tier::Important),
            (60.0, Tier::Ordinary),
            (40.0001, Tier::Ordinary),
            (40.0, Tier::Small),
            (0.0, Tier::Small),
        ];
        for (score, want) in cases {
            assert_eq!(value_tier(score, &t), Some(want), "{score}");
        }
        assert_eq!(value_tier(f64::NAN, &t), None);
    }

    #[test]
    fn labels_and_codes() {
        assert_eq!(Tier::Vip.label().zh, "VIP客户");
        assert_eq!(Tier::Important.label().en, "Important");
        assert_eq!(Tier::parse("重要客户"), Some(Tier::Important));
        assert_eq!(Tier::parse("VIP"), Some(Tier::Vip));
        assert_eq!(Tier::parse("1"), Some(Tier::Small));
        assert_eq!(Tier::parse("gold"), None);
        assert_eq!(Tier::Small.next(), Some(Tier::Ordinary));
    }

    #[test]
    fn thresholds_must_rise() {
        let bad = TierThresholds {
            vip: 50.0,
            important: 60.0,
            ordinary: 40.0,
        };
        assert_eq!(bad.problems().len(), 1);
        assert!(TierThresholds::default().problems().is_empty());
    }

    #[test]
    fn labels_by_number_follow_the_numeric_codes() {
        let labels = labels_by_number();
        assert!(labels[0].is_none());
        let codes: Vec<&str> = labels[1..]
            .iter()
            .map(|l| l.as_ref().map_or("", |l| l.code.as_str()))
            .collect();
        assert_eq!(codes, ["small", "ordinary", "important", "vip"]);
        // The same tier the score gives: 90 is VIP (> 80), code 4.
        let vip = value_tier(90.0, &TierThresholds::default()).map(|t| t.number());
        assert_eq!(vip, Some(4));
    }
}
