//! MAN qualification (MODEL §3.7): Money (M can pay / m cannot), Authority (A / a), Need
//! (N / n). The code is the combination's letters, `MAN` … `man`; the advice follows the
//! texts' table.
//!
//! From a row, a condition that is not recorded counts as not met (lower case) [D]: a lead
//! is treated as qualified only on what is known; `unknown` lists what to find out.

use crate::row::AccountRow;
use crate::texts::Label;
use serde::Serialize;

/// What to do with a MAN combination.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ManAdvice {
    /// M A N: ideal prospect — pursue now.
    PursueNow,
    /// M A n: contact; skilled selling can create the need.
    CreateNeed,
    /// M a N: contact; find the person with authority.
    FindAuthority,
    /// m A N: contact; check their finances and credit, consider financing.
    CheckFinances,
    /// m a N, m A n, M a n: contact occasionally; watch and develop.
    Watch,
    /// m a n: not a prospect — stop.
    Stop,
}

impl ManAdvice {
    pub fn code(self) -> &'static str {
        match self {
            ManAdvice::PursueNow => "pursue_now",
            ManAdvice::CreateNeed => "create_need",
            ManAdvice::FindAuthority => "find_authority",
            ManAdvice::CheckFinances => "check_finances",
            ManAdvice::Watch => "watch",
            ManAdvice::Stop => "stop",
        }
    }

    pub fn label(self) -> Label {
        Label::new("man_advice", self.code())
    }

    /// The texts' verdict for a combination.
    pub fn of(money: bool, authority: bool, need: bool) -> ManAdvice {
        match (money, authority, need) {
            (true, true, true) => ManAdvice::PursueNow,
            (true, true, false) => ManAdvice::CreateNeed,
            (true, false, true) => ManAdvice::FindAuthority,
            (false, true, true) => ManAdvice::CheckFinances,
            (false, false, true) | (false, true, false) | (true, false, false) => ManAdvice::Watch,
            (false, false, false) => ManAdvice::Stop,
        }
    }
}

/// A MAN qualification: `code`/`zh`/`en` name the combination, `advice` says what to do.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ManResult {
    #[serde(flatten)]
    pub label: Label,
    pub advice: Label,
    pub money: bool,
    pub authority: bool,
    pub need: bool,
    /// Field keys that were not recorded and counted as not met (from a row only).
    pub unknown: Vec<&'static str>,
}

/// The combination's code: upper case for a condition that holds.
pub fn man_code(money: bool, authority: bool, need: bool) -> String {
    let letter = |holds: bool, upper: char, lower: char| if holds { upper } else { lower };
    [
        letter(money, 'M', 'm'),
        letter(authority, 'A', 'a'),
        letter(need, 'N', 'n'),
    ]
    .iter()
    .collect()
}

/// The MAN qualification of three known conditions.
pub fn man_qualification(money: bool, authority: bool, need: bool) -> ManResult {
    ManResult {
        label: Label::new("man", &man_code(money, authority, need)),
        advice: ManAdvice::of(money, authority, need).label(),
        money,
        authority,
        need,
        unknown: Vec::new(),
    }
}

/// The MAN qualification of a row's `can_pay`, `has_authority` and `has_need`; a value not
/// recorded counts as not met and is listed in `unknown`.
pub fn man_qualification_for_row(row: &AccountRow) -> ManResult {
    let keys = ["can_pay", "has_authority", "has_need"];
    let unknown: Vec<&'static str> = keys.into_iter().filter(|k| row.flag(k).is_none()).collect();
    let [money, authority, need] = keys.map(|k| row.fact(k));
    ManResult {
        unknown,
        ..man_qualification(money, authority, need)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::row::Value;

    #[test]
    fn the_whole_man_table() {
        // (money, authority, need, code, advice)
        let table = [
            (true, true, true, "MAN", "pursue_now"),
            (true, true, false, "MAn", "create_need"),
            (true, false, true, "MaN", "find_authority"),
            (false, true, true, "mAN", "check_finances"),
            (false, false, true, "maN", "watch"),
            (false, true, false, "mAn", "watch"),
            (true, false, false, "Man", "watch"),
            (false, false, false, "man", "stop"),
        ];
        for (m, a, n, code, advice) in table {
            let got = man_qualification(m, a, n);
            assert_eq!(got.label.code, code);
            assert_eq!(got.advice.code, advice, "{code}");
            assert_ne!(got.label.zh, format!("man.{code}"), "{code} has no zh text");
            assert_ne!(got.label.en, format!("man.{code}"), "{code} has no en text");
            assert_ne!(got.advice.zh, format!("man_advice.{advice}"));
            assert_eq!((got.money, got.authority, got.need), (m, a, n));
        }
    }

    #[test]
    fn texts_differ_by_case() {
        assert_ne!(
            man_qualification(true, true, true).label.en,
            man_qualification(false, false, false).label.en
        );
        assert!(man_qualification(true, true, true)
            .advice
            .zh
            .contains("立即"));
    }

    #[test]
    fn from_a_row_unknown_is_not_met() {
        let mut row = AccountRow::new();
        row.set_key("can_pay", Value::Flag(true));
        row.set_key("has_need", Value::Flag(false));
        let got = man_qualification_for_row(&row);
        assert_eq!(got.label.code, "Man");
        assert_eq!(got.unknown, vec!["has_authority"]);
        let json = serde_json::to_value(&got).unwrap();
        assert_eq!(json["code"], "Man");
        assert_eq!(json["advice"]["code"], "watch");
    }
}
