//! ABC classes over an account list (MODEL §3.2), and the 80/20 concentration check.
//!
//! Accounts are ranked by a resource measure (annual purchase by default), largest first.
//! Two ways to cut the ranking:
//!
//! - **by count** (the texts' rule, the default): the top 10 % of accounts are A, the next
//!   20 % B, the rest C. Cuts are cumulative fractions of the ranked accounts: `[0.1, 0.3]`.
//! - **by share** (the inventory convention): A while the cumulative share of the total is
//!   within 80 %, B within 95 %, C the rest. Cuts: `[0.8, 0.95]`.
//!
//! **The boundary rule, the same for both methods.** An account is placed by what is ranked
//! *above* it: it is A when the accounts ranked strictly above it are fewer than the A cut
//! (by count: fewer than 10 % of the ranked accounts; by share: holding less than 80 % of the
//! total), B when they are fewer than the B cut, else C. So the A class is the *smallest* set
//! of top accounts that reaches the cut: by count that is ⌈10 % × n⌉ accounts (1 of 10, 1 of
//! 5, 2 of 11); by share, the account that carries the cumulative share across 80 % is still
//! A, and an account starting exactly at 80 % is B. An account holding 90 % of the total is
//! therefore A, as a sales manager expects, not B.
//!
//! **Ties.** "Ranked above" means a strictly larger value, so equal values always get the same
//! class: the class the first of them would get alone. A tie group that straddles a cut goes
//! whole into the better class (two accounts tied at the top of a list of ten are both A).
//!
//! **Missing and odd values.** NaN and ±∞ are missing: the account gets no class (`None`) and
//! is not counted in the ranking. Zero and negative values are ranked (they count in `n` and
//! sit at the bottom) but hold no share of the total (the total is the sum of the positive
//! values), and they are always C: an account that brings nothing is not an A or B account,
//! even when many accounts tie at zero inside the top 30 %.
//!
//! **Concentration.** The share of the total held by the top 20 % of ranked accounts, read
//! off the ranking with the fractional account interpolated (20 % of 7 accounts = the top
//! account plus 0.4 of the second). Ties do not change it. `None` when nothing is positive.

use crate::field::{by_key, FieldKind};
use crate::grades::percent;
use crate::row::AccountRow;
use crate::texts::Label;
use serde::{Deserialize, Serialize};

/// The field the ranking uses unless told otherwise.
pub const DEFAULT_ABC_FIELD: &str = "annual_purchase";

/// An ABC class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum AbcClass {
    A,
    B,
    C,
}

impl AbcClass {
    pub const ALL: [AbcClass; 3] = [AbcClass::A, AbcClass::B, AbcClass::C];

    /// The stable code: `A`, `B`, `C`.
    pub fn code(self) -> &'static str {
        match self {
            AbcClass::A => "A",
            AbcClass::B => "B",
            AbcClass::C => "C",
        }
    }

    /// The class's name (`A类客户`).
    pub fn label(self) -> Label {
        Label::new("abc", self.code())
    }

    /// What the texts set as the aim for the class [S, 004]: every A account very satisfied,
    /// every B account satisfied, *some* C accounts gradually more satisfied (MODEL §3.2).
    pub fn aim(self) -> Label {
        Label::new("abc_aim", self.code())
    }
}

/// How the ranking is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum AbcMethod {
    /// By the number of accounts: cuts are fractions of the ranked accounts.
    #[default]
    Count,
    /// By cumulative value: cuts are fractions of the total.
    Share,
}

impl AbcMethod {
    /// The spec's cuts: `[0.1, 0.3]` by count, `[0.8, 0.95]` by share.
    pub fn default_cuts(self) -> [f64; 2] {
        match self {
            AbcMethod::Count => [0.1, 0.3],
            AbcMethod::Share => [0.8, 0.95],
        }
    }

    /// The rule of the default cuts in a sentence, their numbers filled in: by count "top 10 %
    /// A, next 20 % B", by share "A within 80 % of the total, B within 95 %".
    pub fn rule(self) -> Label {
        let [a, b] = self.default_cuts();
        match self {
            AbcMethod::Count => Label::with_args(
                "abc_rule",
                "count",
                &[("a", &percent(a)), ("b", &percent(b - a))],
            ),
            AbcMethod::Share => Label::with_args(
                "abc_rule",
                "share",
                &[("a", &percent(a)), ("b", &percent(b))],
            ),
        }
    }
}

/// Options for [`abc_classes`]. JSON: `{ "method": "share", "cuts": [0.8, 0.95],
/// "concentrationTop": 0.2 }`, every member optional.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct AbcOptions {
    pub method: AbcMethod,
    /// Cumulative cut points `[a, b]`, `0 < a < b ≤ 1`; `None` takes the method's default.
    pub cuts: Option<[f64; 2]>,
    /// The top fraction of accounts whose share the concentration check reports (0.2).
    pub concentration_top: f64,
}

impl Default for AbcOptions {
    fn default() -> Self {
        AbcOptions {
            method: AbcMethod::Count,
            cuts: None,
            concentration_top: 0.2,
        }
    }
}

impl AbcOptions {
    /// The cuts in force: the given ones, else the method's default.
    pub fn cuts(&self) -> [f64; 2] {
        self.cuts.unwrap_or_else(|| self.method.default_cuts())
    }

    /// Cuts must lie in (0, 1] and strictly increase; the concentration top in (0, 1].
    pub fn validate(&self) -> Result<(), AbcError> {
        let [a, b] = self.cuts();
        for value in [a, b] {
            if !in_unit_interval(value) {
                return Err(AbcError::CutOutOfRange { value });
            }
        }
        if a >= b {
            return Err(AbcError::CutsNotIncreasing { a, b });
        }
        if !in_unit_interval(self.concentration_top) {
            return Err(AbcError::TopOutOfRange {
                value: self.concentration_top,
            });
        }
        Ok(())
    }
}

/// Within (0, 1]; false for NaN.
fn in_unit_interval(value: f64) -> bool {
    value > 0.0 && value <= 1.0
}

/// Why an ABC request was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AbcError {
    #[error(
        "ABC cut {value} is outside (0, 1]; cuts are cumulative fractions such as 0.1 and 0.3"
    )]
    CutOutOfRange { value: f64 },
    #[error("ABC cuts must increase: the A cut {a} must be below the B cut {b}")]
    CutsNotIncreasing { a: f64, b: f64 },
    #[error("the concentration check's top fraction {value} is outside (0, 1]")]
    TopOutOfRange { value: f64 },
    #[error("no field has the key \"{0}\"")]
    UnknownField(String),
    #[error("field \"{0}\" does not hold numbers, so accounts cannot be ranked by it")]
    NotANumberField(String),
}

/// One class's part of the list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AbcClassSummary {
    #[serde(flatten)]
    pub label: Label,
    /// Accounts in the class.
    pub count: usize,
    /// The sum of their positive values.
    pub value: f64,
    /// `value` as a share of the total; `None` when the total is not positive.
    pub share: Option<f64>,
    /// What the texts aim at for the class [S, 004]: every A account very satisfied, every B
    /// account satisfied, some C accounts gradually more satisfied.
    pub aim: Label,
}

/// The classes of a list, in input order, with the concentration check.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AbcResult {
    /// One entry per input value, same order; `None` where the value is missing.
    pub classes: Vec<Option<AbcClass>>,
    /// How many values were ranked (present and finite).
    pub ranked: usize,
    /// The sum of the positive values.
    pub total: f64,
    /// A, B and C in that order.
    pub summary: Vec<AbcClassSummary>,
    /// The share of the total held by the top `concentration_top` of ranked accounts.
    pub concentration: Option<f64>,
    pub concentration_top: f64,
    /// The concentration as a sentence ("the top 20 % of accounts hold 76 % of the total").
    pub concentration_text: Option<Label>,
}

/// ABC classes of a list of values (NaN or ±∞ = missing). See the module notes for the
/// boundary, tie and missing-value rules.
pub fn abc_classes(values: &[f64], options: &AbcOptions) -> Result<AbcResult, AbcError> {
    options.validate()?;
    let [cut_a, cut_b] = options.cuts();

    // Largest first; the sort is stable, so equal values keep their input order.
    let mut ranked: Vec<(usize, f64)> = values
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, v)| v.is_finite())
        .collect();
    ranked.sort_by(|x, y| y.1.total_cmp(&x.1));
    let count = ranked.len();
    let total: f64 = ranked.iter().map(|(_, v)| v.max(0.0)).sum();

    let mut classes: Vec<Option<AbcClass>> = vec![None; values.len()];
    let mut above_count = 0usize;
    let mut above_value = 0.0f64;
    for group in ranked.chunk_by(|x, y| x.1 == y.1) {
        let value = group.first().map_or(0.0, |(_, v)| *v);
        let class = if value <= 0.0 || total <= 0.0 {
            AbcClass::C
        } else {
            let position = match options.method {
                AbcMethod::Count => above_count as f64 / count as f64,
                AbcMethod::Share => above_value / total,
            };
            if position < cut_a {
                AbcClass::A
            } else if position < cut_b {
                AbcClass::B
            } else {
                AbcClass::C
            }
        };
        for (index, _) in group {
            if let Some(slot) = classes.get_mut(*index) {
                *slot = Some(class);
            }
        }
        above_count += group.len();
        above_value += value.max(0.0) * group.len() as f64;
    }

    let summary = AbcClass::ALL
        .into_iter()
        .map(|class| {
            let members = ranked
                .iter()
                .filter(|(i, _)| classes.get(*i).copied().flatten() == Some(class));
            let (n, value) = members.fold((0usize, 0.0f64), |(n, sum), (_, v)| {
                (n + 1, sum + v.max(0.0))
            });
            AbcClassSummary {
                label: class.label(),
                count: n,
                value,
                share: (total > 0.0).then(|| value / total),
                aim: class.aim(),
            }
        })
        .collect();

    let concentration = top_share(&ranked, options.concentration_top, total);
    let concentration_text = concentration.map(|share| {
        Label::with_args(
            "abc_report",
            "concentration",
            &[
                ("top", &percent(options.concentration_top)),
                ("share", &percent(share)),
            ],
        )
    });
    Ok(AbcResult {
        classes,
        ranked: count,
        total,
        summary,
        concentration,
        concentration_top: options.concentration_top,
        concentration_text,
    })
}

/// The share of `total` held by the top `top` fraction of the ranked (descending) values,
/// taking a fraction of the last account when `top × n` is not whole.
fn top_share(ranked: &[(usize, f64)], top: f64, total: f64) -> Option<f64> {
    if total <= 0.0 {
        return None;
    }
    let mut accounts_left = top * ranked.len() as f64;
    let mut held = 0.0;
    for (_, value) in ranked {
        if accounts_left <= 0.0 {
            break;
        }
        let part = accounts_left.min(1.0);
        held += part * value.max(0.0);
        accounts_left -= part;
    }
    Some(held / total)
}

/// ABC classes of account rows by a numeric field (`annual_purchase` is
/// [`DEFAULT_ABC_FIELD`]); rows without the value get `None`.
pub fn abc_classes_for_rows(
    rows: &[AccountRow],
    field_key: &str,
    options: &AbcOptions,
) -> Result<AbcResult, AbcError> {
    let field = by_key(field_key).ok_or_else(|| AbcError::UnknownField(field_key.to_string()))?;
    match field.kind() {
        FieldKind::Money
        | FieldKind::Number
        | FieldKind::Count
        | FieldKind::Ratio
        | FieldKind::Days
        | FieldKind::Years
        | FieldKind::Rating => {}
        FieldKind::Date | FieldKind::Category | FieldKind::Text | FieldKind::Flag => {
            return Err(AbcError::NotANumberField(field_key.to_string()))
        }
    }
    let values: Vec<f64> = rows
        .iter()
        .map(|row| row.number(field_key).unwrap_or(f64::NAN))
        .collect();
    abc_classes(&values, options)
}

#[cfg(test)]
mod rule_tests {
    use super::*;

    #[test]
    fn the_rule_sentences_carry_the_default_cuts() {
        // By count [0.1, 0.3]: the top 10 %, then the next 30 − 10 = 20 %.
        let count = AbcMethod::Count.rule();
        assert_eq!(count.code, "count");
        assert_eq!(count.en, "ABC by annual purchase (top 10% A, next 20% B)");
        assert_eq!(count.zh, "ABC 按年采购额（前 10% 为 A，其后 20% 为 B）");
        let share = AbcMethod::Share.rule();
        assert_eq!(
            share.en,
            "ABC by annual purchase (A within 80% of the total, B within 95%)"
        );
        assert!(share.zh.contains("80%") && share.zh.contains("95%"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::row::Value;
    use AbcClass::{A, B, C};

    const NAN: f64 = f64::NAN;

    fn classes(values: &[f64], options: &AbcOptions) -> Vec<Option<AbcClass>> {
        abc_classes(values, options).unwrap().classes
    }

    fn by_share() -> AbcOptions {
        AbcOptions {
            method: AbcMethod::Share,
            ..AbcOptions::default()
        }
    }

    fn all(v: &[AbcClass]) -> Vec<Option<AbcClass>> {
        v.iter().copied().map(Some).collect()
    }

    #[test]
    fn by_count_hand_computed() {
        let count = AbcOptions::default();
        // (values, expected classes in input order)
        let cases: Vec<(Vec<f64>, Vec<Option<AbcClass>>)> = vec![
            // 10 distinct: ⌈1⌉ A, positions 2–3 B, 7 C; input order kept.
            (
                vec![5.0, 100.0, 1.0, 90.0, 80.0, 4.0, 70.0, 3.0, 60.0, 2.0],
                all(&[C, A, C, B, B, C, C, C, C, C]),
            ),
            // 20 distinct: 2 A, 4 B, 14 C.
            (
                (1..=20).rev().map(f64::from).collect(),
                all(&[A, A, B, B, B, B, C, C, C, C, C, C, C, C, C, C, C, C, C, C]),
            ),
            // 5 accounts: 10 % of 5 is half an account, so the top one is A; the second
            // starts at 20 % < 30 %: B.
            (vec![10.0, 20.0, 30.0, 40.0, 50.0], all(&[C, C, C, B, A])),
            // one account: A.
            (vec![7.0], all(&[A])),
            // tie at the top of ten: both A (nothing ranked above them).
            (
                vec![100.0, 100.0, 50.0, 40.0, 40.0, 40.0, 30.0, 20.0, 10.0, 5.0],
                all(&[A, A, B, C, C, C, C, C, C, C]),
            ),
            // tie straddling the B cut (positions 3–4): both B; 70 starts at 40 %: C.
            (
                vec![100.0, 90.0, 80.0, 80.0, 70.0, 60.0, 50.0, 40.0, 30.0, 20.0],
                all(&[A, B, B, B, C, C, C, C, C, C]),
            ),
            // tie group starting exactly at the B cut (3 of 10 above): C.
            (
                vec![9.0, 8.0, 7.0, 6.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0],
                all(&[A, B, B, C, C, C, C, C, C, C]),
            ),
            // all equal: one tie group, all A.
            (vec![3.0, 3.0, 3.0], all(&[A, A, A])),
        ];
        for (values, want) in cases {
            assert_eq!(classes(&values, &count), want, "{values:?}");
        }
    }

    #[test]
    fn by_share_hand_computed() {
        let share = by_share();
        let cases: Vec<(Vec<f64>, Vec<Option<AbcClass>>)> = vec![
            // total 100; starts: 0, 50, 80, 90, 95, 98 → A A B B C C
            (
                vec![50.0, 30.0, 10.0, 5.0, 3.0, 2.0],
                all(&[A, A, B, B, C, C]),
            ),
            // the account crossing 80 % (70 → 90) is A; 6 starts at 90 %: B; 4 at 96 %: C.
            (vec![4.0, 70.0, 6.0, 20.0], all(&[C, A, B, A])),
            // one account with 90 %: A, not B.
            (vec![90.0, 10.0], all(&[A, B])),
            // exactly 80 % above: B.
            (vec![80.0, 20.0], all(&[A, B])),
            // ties: three at 30 % start at 0 → all A though they hold 90 %; 10 starts at 90 %.
            (vec![30.0, 10.0, 30.0, 30.0], all(&[A, B, A, A])),
            // ties straddling 80 %: 40, 40 start at 0; the 10s start at 80 % → both B.
            (vec![10.0, 40.0, 10.0, 40.0], all(&[B, A, B, A])),
        ];
        for (values, want) in cases {
            assert_eq!(classes(&values, &share), want, "{values:?}");
        }
    }

    #[test]
    fn equal_values_always_share_a_class() {
        let values = [5.0, 9.0, 5.0, 1.0, 9.0, 5.0, 2.0, 9.0, 5.0, 0.0, 5.0, 3.0];
        for options in [AbcOptions::default(), by_share()] {
            let got = classes(&values, &options);
            for (i, x) in values.iter().enumerate() {
                for (j, y) in values.iter().enumerate() {
                    if x == y {
                        assert_eq!(got[i], got[j], "{x} at {i} and {j}");
                    }
                }
            }
        }
    }

    #[test]
    fn missing_values_get_no_class_and_are_not_ranked() {
        let values = [NAN, 10.0, f64::INFINITY, 5.0, f64::NEG_INFINITY];
        let result = abc_classes(&values, &AbcOptions::default()).unwrap();
        assert_eq!(result.classes, vec![None, Some(A), None, Some(C), None]);
        assert_eq!(result.ranked, 2);
        // Were the missing values counted, 5 would start at 1/5 = 20 % < 30 % → B.
        let empty = abc_classes(&[NAN, NAN], &AbcOptions::default()).unwrap();
        assert_eq!(empty.classes, vec![None, None]);
        assert_eq!(empty.concentration, None);
        assert!(abc_classes(&[], &by_share()).unwrap().classes.is_empty());
    }

    #[test]
    fn zero_and_negative_values_are_ranked_but_always_c() {
        // With cuts [0.5, 0.9], 0 starts at 1/3 < 0.5 and would be A by position; it is C.
        let options = AbcOptions {
            cuts: Some([0.5, 0.9]),
            ..AbcOptions::default()
        };
        assert_eq!(classes(&[0.0, 100.0, -5.0], &options), all(&[C, A, C]));
        // They count in n: 4 ranked, so 50 starts at 1/4 < 0.5 → A.
        assert_eq!(
            classes(&[0.0, 100.0, -5.0, 50.0], &options),
            all(&[C, A, C, A])
        );
        // By share, negatives add nothing to the total: 60 / (60 + 40) → 40 starts at 60 %: A.
        let result = abc_classes(&[60.0, -50.0, 40.0], &by_share()).unwrap();
        assert_eq!(result.classes, all(&[A, C, A]));
        assert_eq!(result.total, 100.0);
        // Nothing positive: every ranked account is C, no concentration.
        let result = abc_classes(&[0.0, -1.0, NAN], &by_share()).unwrap();
        assert_eq!(result.classes, vec![Some(C), Some(C), None]);
        assert_eq!(result.concentration, None);
    }

    #[test]
    fn custom_cuts() {
        let options = AbcOptions {
            method: AbcMethod::Count,
            cuts: Some([0.2, 0.5]),
            ..AbcOptions::default()
        };
        let values: Vec<f64> = (1..=10).rev().map(f64::from).collect();
        assert_eq!(
            classes(&values, &options),
            all(&[A, A, B, B, B, C, C, C, C, C])
        );
        let options = AbcOptions {
            method: AbcMethod::Share,
            cuts: Some([0.5, 1.0]),
            ..AbcOptions::default()
        };
        // starts 0, 50, 80 → A, B, B: a B cut of 100 % leaves C to zero values only.
        assert_eq!(
            classes(&[50.0, 30.0, 20.0, 0.0], &options),
            all(&[A, B, B, C])
        );
    }

    #[test]
    fn concentration_of_the_top_fifth() {
        let cases: Vec<(Vec<f64>, Option<f64>)> = vec![
            // 10 accounts, the top 2 hold 80 of 100.
            (
                vec![50.0, 30.0, 5.0, 5.0, 2.0, 2.0, 2.0, 2.0, 1.0, 1.0],
                Some(0.8),
            ),
            // 6 accounts: 1.2 accounts = 50 + 0.2 × 30 = 56 of 100.
            (vec![2.0, 3.0, 5.0, 10.0, 30.0, 50.0], Some(0.56)),
            // 5 equal: one account's worth, 20 %.
            (vec![1.0; 5], Some(0.2)),
            // a missing value is not an account: 4 ranked → 0.8 of the top account.
            (vec![NAN, 40.0, 30.0, 20.0, 10.0], Some(0.32)),
            (vec![0.0, 0.0], None),
        ];
        for (values, want) in cases {
            let got = abc_classes(&values, &AbcOptions::default())
                .unwrap()
                .concentration;
            match (got, want) {
                (Some(g), Some(w)) => assert!((g - w).abs() < 1e-12, "{values:?}: {g}"),
                _ => assert_eq!(got, want, "{values:?}"),
            }
        }
        let result =
            abc_classes(&[50.0, 30.0, 10.0, 5.0, 3.0, 2.0], &AbcOptions::default()).unwrap();
        let text = result.concentration_text.unwrap();
        assert!(
            text.zh.contains("20%") && text.zh.contains("56%"),
            "{}",
            text.zh
        );
        assert!(text.en.contains("56%"), "{}", text.en);
    }

    #[test]
    fn summary_counts_and_shares() {
        let result = abc_classes(&[50.0, 30.0, 10.0, 5.0, 3.0, 2.0, NAN], &by_share()).unwrap();
        let got: Vec<(String, usize, f64)> = result
            .summary
            .iter()
            .map(|s| (s.label.code.clone(), s.count, s.value))
            .collect();
        assert_eq!(
            got,
            vec![
                ("A".to_string(), 2, 80.0),
                ("B".to_string(), 2, 15.0),
                ("C".to_string(), 2, 5.0)
            ]
        );
        assert_eq!(result.summary[0].share, Some(0.8));
        assert_eq!(result.summary[0].label.zh, "A类客户");
    }

    #[test]
    fn options_are_validated() {
        let with = |method, cuts, top| AbcOptions {
            method,
            cuts,
            concentration_top: top,
        };
        let cases = [
            (
                with(AbcMethod::Count, Some([0.3, 0.1]), 0.2),
                Err(AbcError::CutsNotIncreasing { a: 0.3, b: 0.1 }),
            ),
            (
                with(AbcMethod::Count, Some([0.3, 0.3]), 0.2),
                Err(AbcError::CutsNotIncreasing { a: 0.3, b: 0.3 }),
            ),
            (
                with(AbcMethod::Share, Some([0.0, 0.5]), 0.2),
                Err(AbcError::CutOutOfRange { value: 0.0 }),
            ),
            (
                with(AbcMethod::Share, Some([0.8, 1.2]), 0.2),
                Err(AbcError::CutOutOfRange { value: 1.2 }),
            ),
            (
                with(AbcMethod::Count, None, 0.0),
                Err(AbcError::TopOutOfRange { value: 0.0 }),
            ),
            (with(AbcMethod::Share, Some([0.5, 1.0]), 1.0), Ok(())),
            (with(AbcMethod::Share, None, 0.2), Ok(())),
        ];
        for (options, want) in cases {
            assert_eq!(options.validate(), want, "{options:?}");
        }
        let nan = with(AbcMethod::Count, Some([NAN, 0.5]), 0.2);
        assert!(matches!(
            abc_classes(&[1.0], &nan),
            Err(AbcError::CutOutOfRange { .. })
        ));
    }

    #[test]
    fn options_from_json() {
        let parse = |s: &str| serde_json::from_str::<AbcOptions>(s);
        assert_eq!(parse("{}").unwrap(), AbcOptions::default());
        let o = parse(r#"{"method":"share","cuts":[0.7,0.9],"concentrationTop":0.1}"#).unwrap();
        assert_eq!(o.method, AbcMethod::Share);
        assert_eq!(o.cuts(), [0.7, 0.9]);
        assert_eq!(o.concentration_top, 0.1);
        assert_eq!(parse(r#"{"method":"share"}"#).unwrap().cuts(), [0.8, 0.95]);
        assert!(parse(r#"{"method":"value"}"#).is_err());
        assert!(parse(r#"{"cut":[0.1,0.3]}"#).is_err(), "unknown member");
    }

    #[test]
    fn classes_cross_to_javascript_as_letters_and_null() {
        let result = abc_classes(&[NAN, 10.0, 1.0], &AbcOptions::default()).unwrap();
        let json = serde_json::to_value(&result).unwrap();
        assert_eq!(json["classes"], serde_json::json!([null, "A", "C"]));
        assert!(json.get("concentrationTop").is_some());
        assert_eq!(json["summary"][1]["code"], "B");
        assert_eq!(json["summary"][2]["aim"]["code"], "C");
    }

    #[test]
    fn each_class_carries_the_aim_the_texts_set() {
        // MODEL §3.2 (edition 2): every A account very satisfied, every B account satisfied,
        // *some* C accounts gradually more satisfied [S, 004].
        let result = abc_classes(&[3.0, 2.0, 1.0], &AbcOptions::default()).unwrap();
        let aims: Vec<(&str, &str)> = result
            .summary
            .iter()
            .map(|s| (s.aim.code.as_str(), s.aim.zh.as_str()))
            .collect();
        assert_eq!(
            aims,
            vec![
                ("A", "让每一个A类客户都非常满意"),
                ("B", "让每一个B类客户都满意"),
                ("C", "让部分C类客户逐步提高满意度"),
            ]
        );
        assert!(result.summary[2].aim.en.starts_with("Some C"));
    }

    #[test]
    fn rows_by_field() {
        let rows: Vec<AccountRow> = [Some(100.0), None, Some(10.0)]
            .into_iter()
            .map(|v| {
                let mut row = AccountRow::new();
                if let Some(v) = v {
                    row.set_key("annual_purchase", Value::Number(v));
                }
                row
            })
            .collect();
        let result = abc_classes_for_rows(&rows, DEFAULT_ABC_FIELD, &by_share()).unwrap();
        assert_eq!(result.classes, vec![Some(A), None, Some(B)]);
        assert_eq!(
            abc_classes_for_rows(&rows, "colour", &by_share()),
            Err(AbcError::UnknownField("colour".to_string()))
        );
        assert_eq!(
            abc_classes_for_rows(&rows, "industry", &by_share()),
            Err(AbcError::NotANumberField("industry".to_string()))
        );
    }
}
