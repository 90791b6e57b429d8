//! Account class (MODEL §3.3): key, ordinary, prospect or suspect, decided from the row's
//! facts, with the facts that decided it; and the key-account qualification (the five
//! elements and the three checks).
//!
//! The rules [D], in order:
//!
//! 1. **Customer or not.** `is_customer` decides when recorded. When it is not, an
//!    `annual_purchase` above zero (they bought from us in the last 12 months) makes the
//!    account a customer; otherwise it is not taken for one. An explicit `is_customer = no`
//!    wins over a purchase figure: the person who wrote it knows why.
//! 2. **A customer is `key`** when at least one weight holds — revenue share at or above
//!    [`ClassOptions::key_revenue_share`]; annual purchase at or above
//!    [`ClassOptions::key_annual_purchase`] (when set); potential purchase at or above
//!    [`ClassOptions::key_potential_purchase`] (when set); or the key-account qualification
//!    passes — **and** none of the three checks (fits our product, buys centrally, buys
//!    continuously) is recorded as failed: the texts say those checks decide whether a big
//!    organisation is *our* key account. Otherwise the customer is `ordinary`.
//! 3. **A non-customer is `suspect`** when it buys from a competitor (the texts put those
//!    with the suspects: their potential for us is hard to judge), **`prospect`** when it
//!    needs our kind of product and we are in contact, and `suspect` otherwise (potential
//!    hard to judge, including when nothing is recorded).

use crate::grades::percent;
use crate::row::{format_number, AccountRow};
use crate::texts::Label;
use serde::{Deserialize, Serialize};

/// An account class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountClass {
    /// 重点客户
    Key,
    /// 普通客户
    Ordinary,
    /// 潜在客户
    Prospect,
    /// 待评估客户
    Suspect,
}

impl AccountClass {
    pub const ALL: [AccountClass; 4] = [
        AccountClass::Key,
        AccountClass::Ordinary,
        AccountClass::Prospect,
        AccountClass::Suspect,
    ];

    /// The stable code: `key`, `ordinary`, `prospect`, `suspect`.
    pub fn code(self) -> &'static str {
        match self {
            AccountClass::Key => "key",
            AccountClass::Ordinary => "ordinary",
            AccountClass::Prospect => "prospect",
            AccountClass::Suspect => "suspect",
        }
    }

    pub fn label(self) -> Label {
        Label::new("class", self.code())
    }
}

/// Thresholds of the account class. Defaults [D]:
/// - `key_revenue_share` = 0.05: an account bringing 5 % or more of our revenue is "a
///   large part of current revenue" (with the usual 80/20 spread, the top 10 % of accounts
///   each bring a few per cent; 5 % is where losing one hurts badly and cannot be made up
///   soon);
/// - `key_annual_purchase` = none, `key_potential_purchase` = none: money thresholds depend
///   on the business, so they apply only when set (in the same currency unit as the data);
/// - `long_relationship_years` = 3: from three years a relationship is "long and stable";
///   it is reported as a supporting reason for a key account, not a deciding one.
///
/// JSON: `{ "keyRevenueShare": 0.05, "keyAnnualPurchase": 1000000, ... }`, all optional.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ClassOptions {
    pub key_revenue_share: f64,
    pub key_annual_purchase: Option<f64>,
    pub key_potential_purchase: Option<f64>,
    pub long_relationship_years: f64,
}

impl Default for ClassOptions {
    fn default() -> Self {
        ClassOptions {
            key_revenue_share: 0.05,
            key_annual_purchase: None,
            key_potential_purchase: None,
            long_relationship_years: 3.0,
        }
    }
}

/// Why class options were refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ClassOptionsError {
    #[error("keyRevenueShare {0} is outside (0, 1]")]
    RevenueShareOutOfRange(f64),
    #[error("{name} {value} must be a finite number not below zero")]
    NotANonNegativeNumber { name: &'static str, value: f64 },
}

impl ClassOptions {
    /// The share lies in (0, 1]; money and years are finite and not negative.
    pub fn validate(&self) -> Result<(), ClassOptionsError> {
        if !(self.key_revenue_share > 0.0 && self.key_revenue_share <= 1.0) {
            return Err(ClassOptionsError::RevenueShareOutOfRange(
                self.key_revenue_share,
            ));
        }
        let amounts = [
            ("keyAnnualPurchase", self.key_annual_purchase),
            ("keyPotentialPurchase", self.key_potential_purchase),
            ("longRelationshipYears", Some(self.long_relationship_years)),
        ];
        for (name, value) in amounts {
            if let Some(value) = value {
                if !(value.is_finite() && value >= 0.0) {
                    return Err(ClassOptionsError::NotANonNegativeNumber { name, value });
                }
            }
        }
        Ok(())
    }
}

/// An account's class and the facts that decided it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountClassResult {
    #[serde(flatten)]
    pub label: Label,
    pub reasons: Vec<Label>,
}

impl AccountClassResult {
    /// The class, as an enum.
    pub fn class(&self) -> Option<AccountClass> {
        AccountClass::ALL
            .into_iter()
            .find(|c| c.code() == self.label.code)
    }
}

fn reason(code: &str) -> Label {
    Label::new("class_reason", code)
}

fn reason_with(code: &str, args: &[(&str, &str)]) -> Label {
    Label::with_args("class_reason", code, args)
}

/// The class of an account row (see the module notes for the rules).
pub fn account_class(
    row: &AccountRow,
    options: &ClassOptions,
) -> Result<AccountClassResult, ClassOptionsError> {
    options.validate()?;
    let purchase = row.number("annual_purchase");
    let (is_customer, customer_reason) = match (row.flag("is_customer"), purchase) {
        (Some(true), _) => (true, reason("is_customer")),
        (Some(false), _) => (false, reason("not_customer")),
        (None, Some(amount)) if amount > 0.0 => (
            true,
            reason_with(
                "customer_by_purchase",
                &[("amount", &format_number(amount))],
            ),
        ),
        (None, _) => (false, reason("not_known_customer")),
    };
    let (class, mut reasons) = if is_customer {
        customer_class(row, options)
    } else {
        non_customer_class(row)
    };
    reasons.insert(0, customer_reason);
    Ok(AccountClassResult {
        label: class.label(),
        reasons,
    })
}

fn customer_class(row: &AccountRow, options: &ClassOptions) -> (AccountClass, Vec<Label>) {
    let share = row.number("revenue_share");
    let threshold = percent(options.key_revenue_share);
    let mut weights = Vec::new();
    if let Some(share) = share.filter(|s| *s >= options.key_revenue_share) {
        weights.push(reason_with(
            "large_revenue_share",
            &[("share", &percent(share)), ("threshold", &threshold)],
        ));
    }
    let at_or_above = |key: &str, threshold: Option<f64>| {
        let (value, threshold) = (row.number(key)?, threshold?);
        (value >= threshold).then(|| (format_number(value), format_number(threshold)))
    };
    if let Some((value, limit)) = at_or_above("annual_purchase", options.key_annual_purchase) {
        weights.push(reason_with(
            "large_purchase",
            &[("amount", &value), ("threshold", &limit)],
        ));
    }
    if let Some((value, limit)) = at_or_above("potential_purchase", options.key_potential_purchase)
    {
        weights.push(reason_with(
            "large_potential",
            &[("amount", &value), ("threshold", &limit)],
        ));
    }
    let qualification = key_account_qualification(row);
    if qualification.qualifies {
        weights.push(reason("qualified_key_account"));
    }
    let failed_checks: Vec<Label> = qualification
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::NotMet)
        .map(|c| {
            crate::grades::label_per_lang("class_reason", "check_failed", |lang| {
                vec![("check", c.label.in_lang(lang).to_string())]
            })
        })
        .collect();

    if !weights.is_empty() && failed_checks.is_empty() {
        let mut reasons = weights;
        if let Some(years) = row
            .number("relationship_years")
            .filter(|y| *y >= options.long_relationship_years)
        {
            reasons.push(reason_with(
                "long_relationship",
                &[("years", &format_number(years))],
            ));
        }
        return (AccountClass::Key, reasons);
    }

    if !weights.is_empty() {
        // It has the weight of a key account but fails one of the checks that make a big
        // organisation *our* key account: say both.
        let mut reasons = weights;
        reasons.extend(failed_checks);
        return (AccountClass::Ordinary, reasons);
    }
    let size = match share {
        Some(share) => reason_with(
            "small_revenue_share",
            &[("share", &percent(share)), ("threshold", &threshold)],
        ),
        None => reason("revenue_share_unknown"),
    };
    let promotion = reason_with("promote_when", &[("threshold", &threshold)]);
    (AccountClass::Ordinary, vec![size, promotion])
}

fn non_customer_class(row: &AccountRow) -> (AccountClass, Vec<Label>) {
    if row.flag("buys_from_competitor") == Some(true) {
        return (AccountClass::Suspect, vec![reason("buys_from_competitor")]);
    }
    let needs = row.flag("needs_our_product");
    let contact = row.flag("in_contact");
    if needs == Some(true) && contact == Some(true) {
        return (
            AccountClass::Prospect,
            vec![reason("needs_our_product"), reason("in_contact")],
        );
    }
    let need = match needs {
        Some(true) => reason("needs_our_product"),
        Some(false) => reason("no_need"),
        None => reason("need_unknown"),
    };
    let contact = match contact {
        Some(true) => reason("in_contact"),
        Some(false) | None => reason("not_in_contact"),
    };
    (AccountClass::Suspect, vec![need, contact])
}

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
    fn num(key: &str, v: f64) -> (&str, Value) {
        (key, Value::Number(v))
    }

    fn codes(labels: &[Label]) -> Vec<&str> {
        labels.iter().map(|l| l.code.as_str()).collect()
    }

    const CHECKS_MET: [&str; 3] = KEY_ACCOUNT_CHECKS;

    #[test]
    fn account_class_rules() {
        let defaults = ClassOptions::default();
        let with_money = ClassOptions {
            key_annual_purchase: Some(1_000_000.0),
            key_potential_purchase: Some(5_000_000.0),
            ..ClassOptions::default()
        };
        let mut all_checks: Vec<(&str, Value)> = CHECKS_MET.iter().map(|k| yes(k)).collect();
        all_checks.push(yes("ka_strategic_project"));
        all_checks.push(yes("is_customer"));
        // (facts, options, class, reason codes)
        #[allow(clippy::type_complexity)]
        let cases: Vec<(Vec<(&str, Value)>, &ClassOptions, &str, Vec<&str>)> = vec![
            (
                vec![yes("is_customer"), num("revenue_share", 0.12)],
                &defaults,
                "key",
                vec!["is_customer", "large_revenue_share"],
            ),
            // exactly at the threshold is key
            (
                vec![yes("is_customer"), num("revenue_share", 0.05)],
                &defaults,
                "key",
                vec!["is_customer", "large_revenue_share"],
            ),
            (
                vec![
                    yes("is_customer"),
                    num("revenue_share", 0.2),
                    num("relationship_years", 6.0),
                ],
                &defaults,
                "key",
                vec!["is_customer", "large_revenue_share", "long_relationship"],
            ),
            (
                vec![yes("is_customer"), num("revenue_share", 0.049)],
                &defaults,
                "ordinary",
                vec!["is_customer", "small_revenue_share", "promote_when"],
            ),
            (
                vec![yes("is_customer")],
                &defaults,
                "ordinary",
                vec!["is_customer", "revenue_share_unknown", "promote_when"],
            ),
            // a purchase makes a customer when is_customer is not recorded
            (
                vec![
                    num("annual_purchase", 2_000_000.0),
                    num("revenue_share", 0.01),
                ],
                &defaults,
                "ordinary",
                vec![
                    "customer_by_purchase",
                    "small_revenue_share",
                    "promote_when",
                ],
            ),
            // money thresholds apply only when set
            (
                vec![
                    num("annual_purchase", 2_000_000.0),
                    num("revenue_share", 0.01),
                ],
                &with_money,
                "key",
                vec!["customer_by_purchase", "large_purchase"],
            ),
            (
                vec![yes("is_customer"), num("potential_purchase", 5_000_000.0)],
                &with_money,
                "key",
                vec!["is_customer", "large_potential"],
            ),
            // the qualification makes a key account on its own
            (
                all_checks.clone(),
                &defaults,
                "key",
                vec!["is_customer", "qualified_key_account"],
            ),
            // a failed check blocks key despite the revenue share
            (
                vec![
                    yes("is_customer"),
                    num("revenue_share", 0.3),
                    no("buys_continuously"),
                ],
                &defaults,
                "ordinary",
                vec!["is_customer", "large_revenue_share", "check_failed"],
            ),
            // explicit "not a customer" wins over a purchase figure
            (
                vec![
                    no("is_customer"),
                    num("annual_purchase", 5.0),
                    yes("needs_our_product"),
                    yes("in_contact"),
                ],
                &defaults,
                "prospect",
                vec!["not_customer", "needs_our_product", "in_contact"],
            ),
            (
                vec![yes("needs_our_product"), yes("in_contact")],
                &defaults,
                "prospect",
                vec!["not_known_customer", "needs_our_product", "in_contact"],
            ),
            (
                vec![
                    yes("needs_our_product"),
                    yes("in_contact"),
                    yes("buys_from_competitor"),
                ],
                &defaults,
                "suspect",
                vec!["not_known_customer", "buys_from_competitor"],
            ),
            (
                vec![yes("needs_our_product"), no("in_contact")],
                &defaults,
                "suspect",
                vec!["not_known_customer", "needs_our_product", "not_in_contact"],
            ),
            (
                vec![no("needs_our_product"), yes("in_contact")],
                &defaults,
                "suspect",
                vec!["not_known_customer", "no_need", "in_contact"],
            ),
            (
                vec![],
                &defaults,
                "suspect",
                vec!["not_known_customer", "need_unknown", "not_in_contact"],
            ),
            (
                vec![num("annual_purchase", 0.0), yes("in_contact")],
                &defaults,
                "suspect",
                vec!["not_known_customer", "need_unknown", "in_contact"],
            ),
        ];
        for (facts, options, want, want_reasons) in cases {
            let got = account_class(&row(&facts), options).unwrap();
            assert_eq!(got.label.code, want, "{facts:?}");
            assert_eq!(codes(&got.reasons), want_reasons, "{facts:?}");
        }
    }

    #[test]
    fn reasons_carry_the_numbers_and_the_class_its_names() {
        let got = account_class(
            &row(&[yes("is_customer"), num("revenue_share", 0.123)]),
            &ClassOptions::default(),
        )
        .unwrap();
        assert_eq!(got.label.zh, "重点客户");
        assert_eq!(got.class(), Some(AccountClass::Key));
        assert!(got.reasons[1].zh.contains("12.3%"), "{}", got.reasons[1].zh);
        assert!(got.reasons[1].en.contains("5%"), "{}", got.reasons[1].en);
        let json = serde_json::to_value(&got).unwrap();
        assert_eq!(json["code"], "key");
        assert_eq!(json["reasons"][0]["code"], "is_customer");
        for class in AccountClass::ALL {
            assert_ne!(class.label().zh, format!("class.{}", class.code()));
        }
    }

    #[test]
    fn failed_check_reason_names_the_check_in_each_language() {
        let got = account_class(
            &row(&[
                yes("is_customer"),
                num("revenue_share", 0.3),
                no("buys_centrally"),
            ]),
            &ClassOptions::default(),
        )
        .unwrap();
        let failed = got
            .reasons
            .iter()
            .find(|r| r.code == "check_failed")
            .unwrap();
        assert!(failed.zh.contains("集中采购"), "{}", failed.zh);
        assert!(failed.en.contains("centrally"), "{}", failed.en);
    }

    #[test]
    fn class_options_are_validated() {
        let bad = [
            ClassOptions {
                key_revenue_share: 0.0,
                ..ClassOptions::default()
            },
            ClassOptions {
                key_revenue_share: 1.5,
                ..ClassOptions::default()
            },
            ClassOptions {
                key_annual_purchase: Some(-1.0),
                ..ClassOptions::default()
            },
            ClassOptions {
                long_relationship_years: f64::NAN,
                ..ClassOptions::default()
            },
        ];
        for options in bad {
            assert!(
                account_class(&AccountRow::new(), &options).is_err(),
                "{options:?}"
            );
        }
        let parsed: ClassOptions =
            serde_json::from_str(r#"{"keyRevenueShare":0.1,"keyAnnualPurchase":500}"#).unwrap();
        assert_eq!(parsed.key_revenue_share, 0.1);
        assert_eq!(parsed.key_annual_purchase, Some(500.0));
        assert_eq!(parsed.long_relationship_years, 3.0);
        assert!(serde_json::from_str::<ClassOptions>(r#"{"share":0.1}"#).is_err());
    }

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
