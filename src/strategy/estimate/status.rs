//! Relationship status from behaviour (MODEL §4.8 [D]), when the list has no
//! `relationship_status` column (or the row's cell is empty or unreadable).
//!
//! The rules, in order, the first that holds decides:
//! 1. no purchase yet (not a customer, or no orders and no past) → 4 quite limited;
//! 2. purchases falling (growth below `fallingGrowth` −10 %, quiet by §4.5's rule, or no order
//!    in the last 12 months after a past) → 6 declining;
//! 3. many complaints (at least `churn.complaintLevel`, 3) or `competitor_gaining` → 5 defensive;
//! 4. long (`longYears` ≥ 3), frequent (`frequentOrders` ≥ 12 a year) and a high share of wallet
//!    (`highShare` ≥ 50 %) → 1 very strong;
//! 5. settled (`steadyYears` ≥ 1) and steady (not growing above `growingGrowth` +10 %) → 2 good;
//! 6. otherwise (new, growing, or tenure unknown) → 3 developing.
//!
//! Every estimate names its evidence, each a label with the values in its text.

use super::behaviour::{count_label, share_label, Behaviour};
use super::EstimateOptions;
use crate::strategy::churn::ChurnOptions;
use crate::strategy::item::LabelText;
use crate::strategy::matrix::RelationshipStatus;
use crate::texts::{Label, Lang};
use serde::Serialize;

/// The relationship status of a row, given or estimated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusEstimate {
    /// 1–6, the matrix column (§4.1's numbering).
    pub value: u8,
    /// `very_strong` … `declining`, with its texts.
    #[serde(flatten)]
    pub label: LabelText,
    #[serde(skip)]
    pub status: RelationshipStatus,
    /// Whether the status was estimated from behaviour rather than given.
    pub estimated: bool,
    /// What it rests on: for a given status, the cell as written.
    pub evidence: Vec<LabelText>,
}

impl StatusEstimate {
    fn new(
        status: RelationshipStatus,
        estimated: bool,
        evidence: Vec<Label>,
        lang: Option<Lang>,
    ) -> StatusEstimate {
        StatusEstimate {
            value: status.number(),
            label: LabelText::new(status.label(), lang),
            status,
            estimated,
            evidence: evidence
                .into_iter()
                .map(|l| LabelText::new(l, lang))
                .collect(),
        }
    }

    /// A status given in the row, with the cell's text as its evidence.
    pub fn given(status: RelationshipStatus, cell: &str, lang: Option<Lang>) -> StatusEstimate {
        let shown: String = cell.chars().take(60).collect();
        let evidence = Label::with_args("evidence", "status_given", &[("value", &shown)]);
        StatusEstimate::new(status, false, vec![evidence], lang)
    }
}

/// The status estimated from the row's behaviour; `None` when the row shows no behaviour at
/// all (no purchase, order, date, growth, share or complaint figure).
pub fn estimate_status(
    b: &Behaviour,
    options: &EstimateOptions,
    churn: &ChurnOptions,
    lang: Option<Lang>,
) -> Option<StatusEstimate> {
    use RelationshipStatus::*;
    if !b.any {
        return None;
    }
    let make = |s, evidence| Some(StatusEstimate::new(s, true, evidence, lang));
    if b.no_purchase_yet() {
        return make(Limited, b.no_purchase_evidence());
    }
    let falling = b.falling_evidence(options);
    if !falling.is_empty() {
        return make(Declining, falling);
    }
    let mut defensive = Vec::new();
    if let Some(c) = b.complaints.filter(|c| *c >= churn.complaint_level) {
        defensive.push(count_label("complaints", c, churn.complaint_level));
    }
    if b.competitor_gaining {
        defensive.push(Label::new("evidence", "competitor_gaining"));
    }
    if !defensive.is_empty() {
        return make(Defensive, defensive);
    }
    let long = b.years.filter(|y| *y >= options.long_years);
    let frequent = b.orders_per_year.filter(|n| *n >= options.frequent_orders);
    let high_share = b.share_of_wallet.filter(|s| *s >= options.high_share);
    if let (Some(_), Some(n), Some(s)) = (long, frequent, high_share) {
        let evidence = vec![
            b.years_label("long", options.long_years)?,
            count_label("frequent", n, options.frequent_orders),
            share_label("high_share", s, options.high_share),
        ];
        return make(VeryStrong, evidence);
    }
    let growing = b.growing(options);
    if b.years.is_some_and(|y| y >= options.steady_years) && !growing {
        let mut evidence = vec![b.years_label("settled", options.steady_years)?];
        evidence.push(
            b.growth_label("steady")
                .unwrap_or_else(|| Label::new("evidence", "not_falling")),
        );
        return make(Good, evidence);
    }
    let mut evidence = Vec::new();
    match b.years {
        Some(y) if y < options.steady_years => {
            evidence.extend(b.years_label("new", options.steady_years));
        }
        None => evidence.push(Label::new("evidence", "years_unknown")),
        Some(_) => {}
    }
    if growing {
        evidence.extend(b.growth_label("growing"));
    }
    make(Developing, evidence)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::row::{AccountRow, Cell};
    use crate::strategy::lang_check::{is_en, is_zh};

    fn behaviour(pairs: &[(&str, Cell)]) -> Behaviour {
        let row = AccountRow::from_pairs(pairs.iter().map(|(k, v)| (*k, v.clone())), None);
        assert!(row.errors.is_empty(), "{:?}", row.errors);
        Behaviour::of(&row, Some(20_000), &ChurnOptions::default())
    }

    fn status(pairs: &[(&str, Cell)]) -> StatusEstimate {
        estimate_status(
            &behaviour(pairs),
            &EstimateOptions::default(),
            &ChurnOptions::default(),
            None,
        )
        .unwrap()
    }

    fn n(v: f64) -> Cell {
        Cell::Number(v)
    }

    fn codes(s: &StatusEstimate) -> Vec<&str> {
        s.evidence.iter().map(|e| e.code.as_str()).collect()
    }

    /// A long, frequent, high-share account with nothing wrong: status 1.
    fn strong() -> Vec<(&'static str, Cell)> {
        vec![
            ("annual_purchase", n(2e6)),
            ("relationship_years", n(5.0)),
            ("order_count", n(24.0)),
            ("share_of_wallet", n(0.6)),
            ("growth_rate", n(0.02)),
            ("last_order_days", n(10.0)),
            ("complaints", n(0.0)),
        ]
    }

    fn with(
        mut pairs: Vec<(&'static str, Cell)>,
        key: &'static str,
        v: Cell,
    ) -> Vec<(&'static str, Cell)> {
        pairs.retain(|(k, _)| *k != key);
        pairs.push((key, v));
        pairs
    }

    #[test]
    fn status_1_very_strong_needs_long_frequent_and_high_share() {
        let s = status(&strong());
        assert_eq!(s.value, 1);
        assert!(s.estimated);
        assert_eq!(codes(&s), ["long", "frequent", "high_share"]);
        assert!(s.evidence[0].zh.contains('5') && s.evidence[0].en.contains('5'));
        assert!(s.evidence[2].en.contains("60%"), "{}", s.evidence[2].en);
        // Any one missing: 2 good (still settled and steady).
        for (key, v) in [
            ("relationship_years", n(2.0)),
            ("order_count", n(6.0)),
            ("share_of_wallet", n(0.3)),
        ] {
            assert_eq!(status(&with(strong(), key, v)).value, 2, "{key}");
        }
    }

    #[test]
    fn status_2_good_settled_and_steady() {
        let s = status(&with(strong(), "share_of_wallet", n(0.2)));
        assert_eq!(s.value, 2);
        assert_eq!(codes(&s), ["settled", "steady"]);
        let s = status(&[("relationship_years", n(1.5))]);
        assert_eq!(s.value, 2);
        assert_eq!(codes(&s), ["settled", "not_falling"]);
    }

    #[test]
    fn status_3_developing_new_or_growing() {
        let s = status(&with(strong(), "relationship_years", n(0.5)));
        assert_eq!(s.value, 3);
        assert_eq!(codes(&s), ["new"]);
        let s = status(&with(
            with(strong(), "share_of_wallet", n(0.2)),
            "growth_rate",
            n(0.25),
        ));
        assert_eq!(s.value, 3);
        assert_eq!(codes(&s), ["growing"]);
        assert!(s.evidence[0].en.contains("25%"));
        let s = status(&[("annual_purchase", n(5e5))]);
        assert_eq!(s.value, 3);
        assert_eq!(codes(&s), ["years_unknown"]);
    }

    #[test]
    fn status_4_no_purchase_yet() {
        let s = status(&[("order_count", n(0.0)), ("annual_purchase", n(0.0))]);
        assert_eq!(s.value, 4);
        assert_eq!(codes(&s), ["no_orders"]);
        let s = status(&with(strong(), "is_customer", Cell::Bool(false)));
        assert_eq!(s.value, 4);
        assert_eq!(codes(&s), ["not_customer"]);
    }

    #[test]
    fn status_5_defensive_complaints_or_competitor() {
        let s = status(&with(strong(), "complaints", n(3.0)));
        assert_eq!(s.value, 5);
        assert_eq!(codes(&s), ["complaints"]);
        assert!(s.evidence[0].zh.contains('3'));
        assert_eq!(status(&with(strong(), "complaints", n(2.0))).value, 1);
        let s = status(&with(strong(), "competitor_gaining", Cell::Bool(true)));
        assert_eq!((s.value, codes(&s)), (5, vec!["competitor_gaining"]));
    }

    #[test]
    fn status_6_declining_falling_quiet_or_lapsed() {
        let s = status(&with(strong(), "growth_rate", n(-0.15)));
        assert_eq!((s.value, codes(&s)), (6, vec!["growth_falling"]));
        assert!(s.evidence[0].en.contains("-15%") && s.evidence[0].en.contains("-10%"));
        // 24 orders a year: usual interval ~15 days, limit max(30, 90) = 90.
        let s = status(&with(strong(), "last_order_days", n(120.0)));
        assert_eq!((s.value, codes(&s)), (6, vec!["quiet"]));
        assert!(s.evidence[0].zh.contains("120") && s.evidence[0].zh.contains("90"));
        let s = status(&with(strong(), "order_count", n(0.0)));
        assert_eq!((s.value, codes(&s)), (6, vec!["no_orders_12_months"]));
        // Falling wins over complaints.
        let s = status(&with(
            with(strong(), "growth_rate", n(-0.3)),
            "complaints",
            n(5.0),
        ));
        assert_eq!(s.value, 6);
    }

    #[test]
    fn thresholds_are_options() {
        let o = EstimateOptions {
            frequent_orders: 30.0,
            ..Default::default()
        };
        let s = estimate_status(&behaviour(&strong()), &o, &ChurnOptions::default(), None);
        assert_eq!(s.unwrap().value, 2);
        let c = ChurnOptions {
            complaint_level: 1.0,
            ..Default::default()
        };
        let b = behaviour(&with(strong(), "complaints", n(1.0)));
        let s = estimate_status(&b, &EstimateOptions::default(), &c, None);
        assert_eq!(s.unwrap().value, 5);
    }

    #[test]
    fn nothing_to_go_on_is_no_estimate_and_texts_are_in_their_language() {
        assert!(estimate_status(
            &behaviour(&[("name", Cell::from("甲"))]),
            &EstimateOptions::default(),
            &ChurnOptions::default(),
            None
        )
        .is_none());
        for pairs in [
            strong(),
            with(strong(), "growth_rate", n(-0.5)),
            with(strong(), "complaints", n(9.0)),
            with(strong(), "relationship_years", n(0.2)),
            vec![("order_count", n(0.0))],
        ] {
            let s = status(&pairs);
            assert!(is_zh(&s.label.zh) && is_en(&s.label.en));
            for e in &s.evidence {
                assert!(is_zh(&e.zh) && is_en(&e.en), "{e:?}");
            }
        }
    }
}
