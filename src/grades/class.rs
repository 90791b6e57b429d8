//! Account class (MODEL §3.3): key (重点客户), ordinary (普通客户), prospect (目标客户) or
//! suspect (潜在客户), decided from the row's facts, with the facts that decided it. The
//! key-account qualification (the five elements and the three checks) is in
//! [`crate::grades::qualification`].
//!
//! The rules [D], in order:
//!
//! 1. **Customer or not.** `is_customer` decides when recorded. When it is not, an
//!    `annual_purchase` above zero (they bought from us in the last 12 months) makes the
//!    account a customer; otherwise it is not taken for one. An explicit `is_customer = no`
//!    wins over a purchase figure: the person who wrote it knows why.
//! 2. **A customer weighs as key** when at least one weight holds — revenue share at or above
//!    [`ClassOptions::key_revenue_share`]; annual purchase at or above
//!    [`ClassOptions::key_annual_purchase`] (when set); potential purchase at or above
//!    [`ClassOptions::key_potential_purchase`] (when set); or the key-account qualification
//!    passes.
//! 3. **Volume alone does not make a key account** [S, 001: 「销售额很高,而毛利率很低,这不是
//!    我们所需要的大客户」]: the margin must be at or above the bar — the list's median margin
//!    when a list is graded ([`account_classes`]), [`ClassOptions::key_min_margin`] (10 %)
//!    for a single row. A customer with the weight of a key account and a thin margin is
//!    `ordinary`, with the reason `thin_margin` ("large but thin-margin"). The margin is
//!    `gross_margin`, else `profit / annual_purchase`. A margin not recorded does not block
//!    the key class [D] (the reason `margin_unknown` says it was not checked) unless
//!    [`ClassOptions::unknown_margin_blocks_key`] is set.
//! 4. **None of the three checks** (fits our product, buys centrally, buys continuously) may
//!    be recorded as failed: the texts say those checks decide whether a big organisation is
//!    *our* key account. Otherwise the customer is `ordinary`.
//! 5. **A non-customer is `suspect`** (潜在客户) when it buys from a competitor (the texts put
//!    those with the suspects: their potential for us is hard to judge), **`prospect`**
//!    (目标客户: likelier to become a customer than a 潜在客户) when it needs our kind of product
//!    and we are in contact, and `suspect` otherwise (potential hard to judge, including when
//!    nothing is recorded).

pub use crate::grades::qualification::{
    key_account_qualification, CheckStatus, KeyAccountQualification, QualificationItem, Verdict,
    KEY_ACCOUNT_CHECKS, KEY_ACCOUNT_ELEMENTS,
};

use crate::grades::{label_per_lang, percent};
use crate::row::{format_number, AccountRow};
use crate::texts::{text, Label};
use serde::{Deserialize, Serialize};

/// An account class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountClass {
    /// 重点客户
    Key,
    /// 普通客户
    Ordinary,
    /// 目标客户: not yet a customer, needs our kind of product, in contact.
    Prospect,
    /// 潜在客户: potential hard to judge, or buying from a competitor.
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

/// The four classes' codes and names, in order: 重点客户, 普通客户, 目标客户, 潜在客户.
pub fn account_class_labels() -> Vec<Label> {
    AccountClass::ALL
        .into_iter()
        .map(AccountClass::label)
        .collect()
}

/// Thresholds of the account class. Defaults [D]:
/// - `key_revenue_share` = 0.05: an account bringing 5 % or more of our revenue is "a
///   large part of current revenue" (with the usual 80/20 spread, the top 10 % of accounts
///   each bring a few per cent; 5 % is where losing one hurts badly and cannot be made up
///   soon);
/// - `key_annual_purchase` = none, `key_potential_purchase` = none: money thresholds depend
///   on the business, so they apply only when set (in the same currency unit as the data);
/// - `key_min_margin` = 0.10: the margin bar for a single row (MODEL §3.3);
/// - `margin_from_list` = true: a list graded with [`account_classes`] takes its median
///   margin as the bar instead (false: `key_min_margin` for lists too);
/// - `unknown_margin_blocks_key` = false: a margin not recorded is not checked;
/// - `long_relationship_years` = 3: from three years a relationship is "long and stable";
///   it is reported as a supporting reason for a key account, not a deciding one.
///
/// JSON: `{ "keyRevenueShare": 0.05, "keyMinMargin": 0.1, ... }`, all optional.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ClassOptions {
    pub key_revenue_share: f64,
    pub key_annual_purchase: Option<f64>,
    pub key_potential_purchase: Option<f64>,
    pub key_min_margin: f64,
    pub margin_from_list: bool,
    pub unknown_margin_blocks_key: bool,
    pub long_relationship_years: f64,
}

impl Default for ClassOptions {
    fn default() -> Self {
        ClassOptions {
            key_revenue_share: 0.05,
            key_annual_purchase: None,
            key_potential_purchase: None,
            key_min_margin: 0.10,
            margin_from_list: true,
            unknown_margin_blocks_key: false,
            long_relationship_years: 3.0,
        }
    }
}

/// Why class options were refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ClassOptionsError {
    #[error("keyRevenueShare {0} is outside (0, 1]")]
    RevenueShareOutOfRange(f64),
    #[error("keyMinMargin {0} is not a finite share below 1")]
    MarginOutOfRange(f64),
    #[error("{name} {value} must be a finite number not below zero")]
    NotANonNegativeNumber { name: &'static str, value: f64 },
}

impl ClassOptions {
    /// The share lies in (0, 1]; the margin is finite and below 1; money and years are
    /// finite and not negative.
    pub fn validate(&self) -> Result<(), ClassOptionsError> {
        if !(self.key_revenue_share > 0.0 && self.key_revenue_share <= 1.0) {
            return Err(ClassOptionsError::RevenueShareOutOfRange(
                self.key_revenue_share,
            ));
        }
        if !(self.key_min_margin.is_finite() && self.key_min_margin < 1.0) {
            return Err(ClassOptionsError::MarginOutOfRange(self.key_min_margin));
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

/// The classes of a list, with the margin bar they were graded against.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountClasses {
    /// One per row, in order.
    pub classes: Vec<AccountClassResult>,
    /// The margin a key account needs: the list's median, or `key_min_margin`.
    pub margin_bar: f64,
    /// The median margin of the rows that record one; `None` when none does.
    pub median_margin: Option<f64>,
}

/// The margin bar and what it is, for the reasons.
#[derive(Debug, Clone, Copy, PartialEq)]
struct MarginBar {
    value: f64,
    from_list: bool,
}

fn reason(code: &str) -> Label {
    Label::new("class_reason", code)
}

fn reason_with(code: &str, args: &[(&str, &str)]) -> Label {
    Label::with_args("class_reason", code, args)
}

/// The row's margin: `gross_margin`, else `profit / annual_purchase` (purchase above zero).
pub fn row_margin(row: &AccountRow) -> Option<f64> {
    row.number("gross_margin")
        .filter(|m| m.is_finite())
        .or_else(|| {
            let (profit, purchase) = (row.number("profit")?, row.number("annual_purchase")?);
            (purchase > 0.0 && profit.is_finite()).then(|| profit / purchase)
        })
}

/// The median of the finite values; `None` for none.
fn median(mut values: Vec<f64>) -> Option<f64> {
    values.retain(|v| v.is_finite());
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    })
}

/// The class of one account row (see the module notes for the rules); the margin bar is
/// `key_min_margin`.
pub fn account_class(
    row: &AccountRow,
    options: &ClassOptions,
) -> Result<AccountClassResult, ClassOptionsError> {
    options.validate()?;
    let bar = MarginBar {
        value: options.key_min_margin,
        from_list: false,
    };
    Ok(classify(row, options, bar))
}

/// The classes of a list: the margin bar is the list's median margin (when
/// `margin_from_list` and at least one row records a margin), else `key_min_margin`.
pub fn account_classes(
    rows: &[AccountRow],
    options: &ClassOptions,
) -> Result<AccountClasses, ClassOptionsError> {
    options.validate()?;
    let median_margin = median(rows.iter().filter_map(row_margin).collect());
    let bar = match (options.margin_from_list, median_margin) {
        (true, Some(value)) => MarginBar {
            value,
            from_list: true,
        },
        _ => MarginBar {
            value: options.key_min_margin,
            from_list: false,
        },
    };
    Ok(AccountClasses {
        classes: rows.iter().map(|r| classify(r, options, bar)).collect(),
        margin_bar: bar.value,
        median_margin,
    })
}

fn classify(row: &AccountRow, options: &ClassOptions, bar: MarginBar) -> AccountClassResult {
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
        customer_class(row, options, bar)
    } else {
        non_customer_class(row)
    };
    reasons.insert(0, customer_reason);
    AccountClassResult {
        label: class.label(),
        reasons,
    }
}

/// The margin check for an account with the weight of a key account: `Ok` with the
/// supporting reason, `Err` with the blocking one.
fn margin_check(row: &AccountRow, options: &ClassOptions, bar: MarginBar) -> Result<Label, Label> {
    let basis_key = if bar.from_list {
        "class_margin_basis.list"
    } else {
        "class_margin_basis.row"
    };
    let with_margin = |code: &str, margin: Option<f64>| {
        label_per_lang("class_reason", code, |lang| {
            vec![
                ("margin", margin.map(percent).unwrap_or_default()),
                ("threshold", percent(bar.value)),
                ("basis", text(lang, basis_key).to_string()),
            ]
        })
    };
    match row_margin(row) {
        Some(m) if m >= bar.value => Ok(with_margin("healthy_margin", Some(m))),
        Some(m) => Err(with_margin("thin_margin", Some(m))),
        None if options.unknown_margin_blocks_key => Err(with_margin("margin_required", None)),
        None => Ok(with_margin("margin_unknown", None)),
    }
}

fn customer_class(
    row: &AccountRow,
    options: &ClassOptions,
    bar: MarginBar,
) -> (AccountClass, Vec<Label>) {
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
            label_per_lang("class_reason", "check_failed", |lang| {
                vec![("check", c.label.in_lang(lang).to_string())]
            })
        })
        .collect();

    if weights.is_empty() {
        let size = match share {
            Some(share) => reason_with(
                "small_revenue_share",
                &[("share", &percent(share)), ("threshold", &threshold)],
            ),
            None => reason("revenue_share_unknown"),
        };
        let promotion = reason_with("promote_when", &[("threshold", &threshold)]);
        return (AccountClass::Ordinary, vec![size, promotion]);
    }

    let margin = margin_check(row, options, bar);
    let mut reasons = weights;
    match (margin, failed_checks.is_empty()) {
        (Ok(supporting), true) => {
            reasons.push(supporting);
            if let Some(years) = row
                .number("relationship_years")
                .filter(|y| *y >= options.long_relationship_years)
            {
                reasons.push(reason_with(
                    "long_relationship",
                    &[("years", &format_number(years))],
                ));
            }
            (AccountClass::Key, reasons)
        }
        // The weight of a key account without the margin, or failing a check that makes a
        // big organisation *our* key account: say both.
        (margin, _) => {
            reasons.extend(margin.err());
            reasons.extend(failed_checks);
            (AccountClass::Ordinary, reasons)
        }
    }
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
                vec!["is_customer", "large_revenue_share", "margin_unknown"],
            ),
            // exactly at the threshold is key
            (
                vec![yes("is_customer"), num("revenue_share", 0.05)],
                &defaults,
                "key",
                vec!["is_customer", "large_revenue_share", "margin_unknown"],
            ),
            (
                vec![
                    yes("is_customer"),
                    num("revenue_share", 0.2),
                    num("relationship_years", 6.0),
                ],
                &defaults,
                "key",
                vec![
                    "is_customer",
                    "large_revenue_share",
                    "margin_unknown",
                    "long_relationship",
                ],
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
                vec!["customer_by_purchase", "large_purchase", "margin_unknown"],
            ),
            (
                vec![yes("is_customer"), num("potential_purchase", 5_000_000.0)],
                &with_money,
                "key",
                vec!["is_customer", "large_potential", "margin_unknown"],
            ),
            // the qualification makes a key account on its own
            (
                all_checks.clone(),
                &defaults,
                "key",
                vec!["is_customer", "qualified_key_account", "margin_unknown"],
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
            ClassOptions {
                key_min_margin: 1.0,
                ..ClassOptions::default()
            },
            ClassOptions {
                key_min_margin: f64::NAN,
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
    fn a_key_account_needs_volume_and_margin() {
        // MODEL §3.3 (edition 2): 「销售额很高,而毛利率很低,这不是我们所需要的大客户…毛利率高,但
        // 销售额低也不算是」 — the key class needs a large share *and* a margin at or above
        // 10 % for a single row.
        let big = |extra: Vec<(&'static str, Value)>| {
            let mut facts = vec![yes("is_customer"), num("revenue_share", 0.2)];
            facts.extend(extra);
            facts
        };
        let strict = ClassOptions {
            unknown_margin_blocks_key: true,
            ..ClassOptions::default()
        };
        let fifteen = ClassOptions {
            key_min_margin: 0.15,
            ..ClassOptions::default()
        };
        let defaults = ClassOptions::default();
        // (facts, options, class, reason codes)
        #[allow(clippy::type_complexity)]
        let cases: Vec<(Vec<(&str, Value)>, &ClassOptions, &str, Vec<&str>)> = vec![
            (
                big(vec![num("gross_margin", 0.02)]),
                &defaults,
                "ordinary",
                vec!["is_customer", "large_revenue_share", "thin_margin"],
            ),
            (
                big(vec![num("gross_margin", 0.10)]),
                &defaults,
                "key",
                vec!["is_customer", "large_revenue_share", "healthy_margin"],
            ),
            (
                big(vec![num("gross_margin", 0.12)]),
                &fifteen,
                "ordinary",
                vec!["is_customer", "large_revenue_share", "thin_margin"],
            ),
            // margin from profit / purchase when gross_margin is not recorded: 3 / 100
            (
                big(vec![num("annual_purchase", 100.0), num("profit", 3.0)]),
                &defaults,
                "ordinary",
                vec!["is_customer", "large_revenue_share", "thin_margin"],
            ),
            (
                big(vec![]),
                &strict,
                "ordinary",
                vec!["is_customer", "large_revenue_share", "margin_required"],
            ),
            // high margin, low sales: not key either
            (
                vec![
                    yes("is_customer"),
                    num("revenue_share", 0.01),
                    num("gross_margin", 0.6),
                ],
                &defaults,
                "ordinary",
                vec!["is_customer", "small_revenue_share", "promote_when"],
            ),
            // thin margin and a failed check: both said
            (
                big(vec![num("gross_margin", 0.01), no("buys_centrally")]),
                &defaults,
                "ordinary",
                vec![
                    "is_customer",
                    "large_revenue_share",
                    "thin_margin",
                    "check_failed",
                ],
            ),
        ];
        for (facts, options, want, want_reasons) in cases {
            let got = account_class(&row(&facts), options).unwrap();
            assert_eq!(got.label.code, want, "{facts:?}");
            assert_eq!(codes(&got.reasons), want_reasons, "{facts:?}");
        }
        let got = account_class(&row(&big(vec![num("gross_margin", 0.02)])), &defaults).unwrap();
        let thin = &got.reasons[2];
        assert!(
            thin.zh.contains("2%") && thin.zh.contains("10%"),
            "{}",
            thin.zh
        );
        assert!(thin.en.contains("thin"), "{}", thin.en);
    }

    #[test]
    fn a_list_is_graded_against_its_median_margin() {
        // MODEL §3.3: at or above the list's median margin when a list is graded.
        let rows: Vec<AccountRow> = [0.30, 0.20, 0.12, 0.05]
            .iter()
            .map(|m| {
                row(&[
                    yes("is_customer"),
                    num("revenue_share", 0.2),
                    num("gross_margin", *m),
                ])
            })
            .chain([row(&[yes("is_customer"), num("revenue_share", 0.2)])])
            .collect();
        let got = account_classes(&rows, &ClassOptions::default()).unwrap();
        // median of 30 %, 20 %, 12 %, 5 % = 16 %
        assert!((got.margin_bar - 0.16).abs() < 1e-12, "{}", got.margin_bar);
        assert_eq!(got.median_margin, Some(got.margin_bar));
        let classes: Vec<&str> = got.classes.iter().map(|c| c.label.code.as_str()).collect();
        assert_eq!(classes, vec!["key", "key", "ordinary", "ordinary", "key"]);
        assert!(
            got.classes[2].reasons[2].zh.contains("中位数"),
            "{}",
            got.classes[2].reasons[2].zh
        );
        assert!(got.classes[2].reasons[2].en.contains("median"));
        // the single-row bar when told so, or when no row records a margin
        let fixed = ClassOptions {
            margin_from_list: false,
            ..ClassOptions::default()
        };
        let got = account_classes(&rows, &fixed).unwrap();
        assert_eq!(got.margin_bar, 0.10);
        let classes: Vec<&str> = got.classes.iter().map(|c| c.label.code.as_str()).collect();
        assert_eq!(classes, vec!["key", "key", "key", "ordinary", "key"]);
        let none = account_classes(&rows[4..], &ClassOptions::default()).unwrap();
        assert_eq!((none.margin_bar, none.median_margin), (0.10, None));
        assert!(account_classes(&[], &ClassOptions::default())
            .unwrap()
            .classes
            .is_empty());
    }

    #[test]
    fn class_labels_follow_the_source() {
        // MODEL §3.3: 目标客户 is the prospect, 潜在客户 the suspect (002).
        let labels = account_class_labels();
        let got: Vec<(&str, &str, &str)> = labels
            .iter()
            .map(|l| (l.code.as_str(), l.zh.as_str(), l.en.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("key", "重点客户", "Key account"),
                ("ordinary", "普通客户", "Ordinary account"),
                ("prospect", "目标客户", "Prospect"),
                ("suspect", "潜在客户", "Suspect"),
            ]
        );
    }
}
