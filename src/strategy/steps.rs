//! The buyer's seven steps (MODEL §4.7): the seller's work follows the step the buyer is on,
//! and four conversation rules hold at every step.

use crate::parse::normalize_width;
use crate::texts::Label;
use serde::{Deserialize, Serialize};

/// Where the buyer is, 1 (not aware of a need) to 7 (after the purchase).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BuyerStep {
    NotAware = 1,
    Aware = 2,
    Decided = 3,
    Preference = 4,
    Choosing = 5,
    Buying = 6,
    AfterPurchase = 7,
}

impl BuyerStep {
    pub const ALL: [BuyerStep; 7] = [
        BuyerStep::NotAware,
        BuyerStep::Aware,
        BuyerStep::Decided,
        BuyerStep::Preference,
        BuyerStep::Choosing,
        BuyerStep::Buying,
        BuyerStep::AfterPurchase,
    ];

    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn code(self) -> &'static str {
        match self {
            BuyerStep::NotAware => "not_aware",
            BuyerStep::Aware => "aware",
            BuyerStep::Decided => "decided",
            BuyerStep::Preference => "preference",
            BuyerStep::Choosing => "choosing",
            BuyerStep::Buying => "buying",
            BuyerStep::AfterPurchase => "after_purchase",
        }
    }

    pub fn label(self) -> Label {
        Label::new("step", self.code())
    }

    pub fn from_number(n: f64) -> Option<BuyerStep> {
        BuyerStep::ALL
            .into_iter()
            .find(|s| f64::from(s.number()) == n)
    }

    /// The spec's zh and en step names, besides the label texts.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            BuyerStep::NotAware => &["无购买意识", "not aware"],
            BuyerStep::Aware => &["出现购买意识", "有购买意识", "aware"],
            BuyerStep::Decided => &["决定购买", "decided"],
            BuyerStep::Preference => &["产生偏好", "preference"],
            BuyerStep::Choosing => &["选择产品", "choosing"],
            BuyerStep::Buying => &["实施购买", "buying"],
            BuyerStep::AfterPurchase => &["买后感受", "购买后", "after purchase", "after"],
        }
    }

    /// `1`–`7`, a code, or a zh/en step name.
    pub fn parse(text: &str) -> Option<BuyerStep> {
        let t = normalize_width(text).trim().to_lowercase();
        if t.is_empty() {
            return None;
        }
        if let Ok(n) = t.parse::<f64>() {
            return BuyerStep::from_number(n);
        }
        let spaced = t.replace('_', " ");
        BuyerStep::ALL.into_iter().find(|s| {
            let label = s.label();
            t == s.code()
                || t == label.zh.to_lowercase()
                || t == label.en.to_lowercase()
                || s.aliases().iter().any(|a| *a == t || *a == spaced)
        })
    }

    pub fn next(self) -> Option<BuyerStep> {
        BuyerStep::from_number(f64::from(self.number()) + 1.0)
    }

    /// The seller's work at this step; texts under `seller.<code>`.
    pub fn seller_work(self) -> Label {
        let code = match self {
            BuyerStep::NotAware => "ask_situation",
            BuyerStep::Aware => "uncover_needs",
            BuyerStep::Decided | BuyerStep::Preference => "shape_criteria",
            BuyerStep::Choosing => "recommend_and_prove",
            BuyerStep::Buying => "close",
            BuyerStep::AfterPurchase => "visit_after_sale",
        };
        Label::new("seller", code)
    }
}

/// The conversation rules, in the order a visit meets them; texts under `talk.<code>`.
pub fn conversation_rules() -> Vec<Label> {
    [
        "customer_talks_twice",
        "product_five_minutes",
        "ask_why",
        "plan_next_contact",
    ]
    .iter()
    .map(|c| Label::new("talk", c))
    .collect()
}

/// What to do for a buyer at a step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StepAdvice {
    pub step: BuyerStep,
    /// 1–7.
    pub number: u8,
    pub label: Label,
    pub seller_work: Label,
    /// The step the buyer should reach next; `None` after the purchase.
    pub next_step: Option<Label>,
    pub conversation_rules: Vec<Label>,
}

pub fn step_advice(step: BuyerStep) -> StepAdvice {
    StepAdvice {
        step,
        number: step.number(),
        label: step.label(),
        seller_work: step.seller_work(),
        next_step: step.next().map(BuyerStep::label),
        conversation_rules: conversation_rules(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strategy::lang_check::{is_en, is_zh};
    use BuyerStep::*;

    #[test]
    fn steps_from_numbers_and_names() {
        let cases = [
            ("1", NotAware),
            ("７", AfterPurchase),
            ("无购买意识", NotAware),
            ("出现购买意识", Aware),
            ("决定购买", Decided),
            ("产生偏好", Preference),
            ("选择产品", Choosing),
            ("实施购买", Buying),
            ("买后感受", AfterPurchase),
            ("Not aware", NotAware),
            ("after_purchase", AfterPurchase),
            ("CHOOSING", Choosing),
        ];
        for (text, want) in cases {
            assert_eq!(BuyerStep::parse(text), Some(want), "{text}");
        }
        for bad in ["0", "8", "", "thinking"] {
            assert_eq!(BuyerStep::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn seller_work_follows_the_step() {
        let want = [
            (NotAware, "ask_situation"),
            (Aware, "uncover_needs"),
            (Decided, "shape_criteria"),
            (Preference, "shape_criteria"),
            (Choosing, "recommend_and_prove"),
            (Buying, "close"),
            (AfterPurchase, "visit_after_sale"),
        ];
        for (step, code) in want {
            let a = step_advice(step);
            assert_eq!(a.seller_work.code, code, "{step:?}");
            assert!(is_zh(&a.seller_work.zh) && is_en(&a.seller_work.en));
            assert!(is_zh(&a.label.zh) && is_en(&a.label.en));
        }
        assert_eq!(
            step_advice(Buying).next_step.map(|l| l.code),
            Some("after_purchase".into())
        );
        assert_eq!(step_advice(AfterPurchase).next_step, None);
    }

    #[test]
    fn conversation_rules_in_both_languages() {
        let rules = conversation_rules();
        assert_eq!(rules.len(), 4);
        assert!(rules[0].en.contains("twice"));
        assert!(rules[1].zh.contains("五分钟"));
        for r in rules {
            assert!(is_zh(&r.zh) && is_en(&r.en), "{r:?}");
        }
    }
}
