//! The key-account qualification (MODEL §3.3): the five elements a key account meets at
//! least one of, as the source words them, and the three checks that decide whether a big
//! organisation is *our* key account — with the reasons.

use crate::row::AccountRow;
use crate::texts::Label;
use serde::Serialize;

/// Whether one of the three checks holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    Met,
    NotMet,
    Unknown,
}

impl CheckStatus {
    fn of(flag: Option<bool>) -> CheckStatus {
        match flag {
            Some(true) => CheckStatus::Met,
            Some(false) => CheckStatus::NotMet,
            None => CheckStatus::Unknown,
        }
    }
}

/// One element or check of the qualification, with its status. `code` is the field key.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QualificationItem {
    #[serde(flatten)]
    pub label: Label,
    pub status: CheckStatus,
}

/// The verdict of the key-account qualification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// At least one element and all three checks met.
    Qualified,
    /// A check is recorded as failed, or all five elements are recorded as absent.
    NotQualified,
    /// Nothing fails, but an element or a check is not recorded yet.
    Unclear,
}

impl Verdict {
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Qualified => "qualified",
            Verdict::NotQualified => "not_qualified",
            Verdict::Unclear => "unclear",
        }
    }
}

/// The key-account qualification of §3.3.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyAccountQualification {
    pub qualifies: bool,
    /// `qualified`, `not_qualified` or `unclear`, with its text.
    pub verdict: Label,
    /// The elements met (at least one of the five is needed); codes are field keys.
    pub elements_met: Vec<Label>,
    /// All five elements with their status.
    pub elements: Vec<QualificationItem>,
    /// The three checks with their status.
    pub checks: Vec<QualificationItem>,
    /// Why, in words.
    pub reasons: Vec<Label>,
}

/// The five elements, of which a key account meets at least one.
pub const KEY_ACCOUNT_ELEMENTS: [&str; 5] = [
    "ka_long_contract",
    "ka_strategic_project",
    "ka_image",
    "ka_innovation",
    "ka_market_growth",
];

/// The three checks that decide whether a big organisation is *our* key account.
pub const KEY_ACCOUNT_CHECKS: [&str; 3] =
    ["fits_our_product", "buys_centrally", "buys_continuously"];

/// Whether the row qualifies as our key account: at least one of the five elements, and all
/// three checks met. A fact not recorded is unknown: it never counts as met, and it makes
/// the verdict `unclear` rather than `not_qualified` when nothing else fails.
pub fn key_account_qualification(row: &AccountRow) -> KeyAccountQualification {
    let item = |namespace: &str, key: &str| QualificationItem {
        label: Label::new(namespace, key),
        status: CheckStatus::of(row.flag(key)),
    };
    let elements: Vec<QualificationItem> = KEY_ACCOUNT_ELEMENTS
        .iter()
        .map(|key| item("ka_element", key))
        .collect();
    let checks: Vec<QualificationItem> = KEY_ACCOUNT_CHECKS
        .iter()
        .map(|key| item("ka_check", key))
        .collect();
    let elements_met: Vec<Label> = elements
        .iter()
        .filter(|e| e.status == CheckStatus::Met)
        .map(|e| e.label.clone())
        .collect();
    let all_checks_met = checks.iter().all(|c| c.status == CheckStatus::Met);
    let any_check_failed = checks.iter().any(|c| c.status == CheckStatus::NotMet);
    let no_element_possible = elements.iter().all(|e| e.status == CheckStatus::NotMet);

    let verdict = if !elements_met.is_empty() && all_checks_met {
        Verdict::Qualified
    } else if any_check_failed || no_element_possible {
        Verdict::NotQualified
    } else {
        Verdict::Unclear
    };

    let ka_reason = |code: &str, name: &Label| {
        crate::grades::label_per_lang("ka_reason", code, |lang| {
            vec![("name", name.in_lang(lang).to_string())]
        })
    };
    let mut reasons: Vec<Label> = elements_met
        .iter()
        .map(|e| ka_reason("element_met", e))
        .collect();
    if elements_met.is_empty() {
        reasons.push(Label::new(
            "ka_reason",
            if no_element_possible {
                "no_element"
            } else {
                "no_element_recorded"
            },
        ));
    }
    for check in &checks {
        let code = match check.status {
            CheckStatus::Met => "check_met",
            CheckStatus::NotMet => "check_not_met",
            CheckStatus::Unknown => "check_unknown",
        };
        reasons.push(ka_reason(code, &check.label));
    }

    KeyAccountQualification {
        qualifies: verdict == Verdict::Qualified,
        verdict: Label::new("ka", verdict.code()),
        elements_met,
        elements,
        checks,
        reasons,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::row::Value;

    fn row(facts: &[(&str, Value)]) -> AccountRow {
        let mut row = AccountRow::new();
        for (key, value) in facts {
            assert!(row.set_key(key, value.clone()), "no field {key}");
        }
        row
    }

    fn yes(key: &str) -> (&str, Value) {
        (key, Value::Flag(true))
    }
    fn no(key: &str) -> (&str, Value) {
        (key, Value::Flag(false))
    }

    fn codes(labels: &[Label]) -> Vec<&str> {
        labels.iter().map(|l| l.code.as_str()).collect()
    }

    const CHECKS_MET: [&str; 3] = KEY_ACCOUNT_CHECKS;

    #[test]
    fn key_account_qualification_table() {
        use CheckStatus::{Met, NotMet, Unknown};
        let three = || CHECKS_MET.iter().map(|k| yes(k)).collect::<Vec<_>>();
        let mut one_element = three();
        one_element.push(yes("ka_image"));
        let mut two_elements = one_element.clone();
        two_elements.push(yes("ka_long_contract"));
        let mut failed_check = one_element.clone();
        failed_check[1] = no("buys_centrally");
        let mut unknown_check = one_element.clone();
        unknown_check.remove(2);
        let mut no_element: Vec<(&str, Value)> =
            KEY_ACCOUNT_ELEMENTS.iter().map(|k| no(k)).collect();
        no_element.extend(three());
        // (facts, qualifies, verdict, elements met, check statuses)
        #[allow(clippy::type_complexity)]
        let cases: Vec<(Vec<(&str, Value)>, bool, &str, Vec<&str>, [CheckStatus; 3])> = vec![
            (
                one_element,
                true,
                "qualified",
                vec!["ka_image"],
                [Met, Met, Met],
            ),
            (
                two_elements,
                true,
                "qualified",
                vec!["ka_long_contract", "ka_image"],
                [Met, Met, Met],
            ),
            // all checks but no element recorded: unclear
            (three(), false, "unclear", vec![], [Met, Met, Met]),
            // all five elements recorded absent: not qualified
            (no_element, false, "not_qualified", vec![], [Met, Met, Met]),
            (
                failed_check,
                false,
                "not_qualified",
                vec!["ka_image"],
                [Met, NotMet, Met],
            ),
            (
                unknown_check,
                false,
                "unclear",
                vec!["ka_image"],
                [Met, Met, Unknown],
            ),
            (
                vec![],
                false,
                "unclear",
                vec![],
                [Unknown, Unknown, Unknown],
            ),
        ];
        for (facts, qualifies, verdict, met, statuses) in cases {
            let got = key_account_qualification(&row(&facts));
            assert_eq!(got.qualifies, qualifies, "{facts:?}");
            assert_eq!(got.verdict.code, verdict, "{facts:?}");
            assert_eq!(codes(&got.elements_met), met, "{facts:?}");
            let got_statuses: Vec<CheckStatus> = got.checks.iter().map(|c| c.status).collect();
            assert_eq!(got_statuses, statuses.to_vec(), "{facts:?}");
            assert_eq!(got.elements.len(), 5);
            // one reason per element met (or one saying none), one per check
            assert_eq!(got.reasons.len(), met.len().max(1) + 3, "{facts:?}");
        }
    }

    #[test]
    fn qualification_reasons_name_the_facts() {
        let got = key_account_qualification(&row(&[
            yes("ka_innovation"),
            yes("fits_our_product"),
            no("buys_continuously"),
        ]));
        let r = codes(&got.reasons);
        assert_eq!(
            r,
            vec!["element_met", "check_met", "check_unknown", "check_not_met"]
        );
        assert!(
            got.reasons[3].zh.contains("持续采购"),
            "{}",
            got.reasons[3].zh
        );
        assert!(
            got.reasons[0].en.contains("innovat"),
            "{}",
            got.reasons[0].en
        );
        let json = serde_json::to_value(&got).unwrap();
        assert_eq!(json["checks"][2]["status"], "not_met");
        assert_eq!(json["checks"][2]["code"], "buys_continuously");
        assert_eq!(json["elementsMet"][0]["code"], "ka_innovation");
    }
}
