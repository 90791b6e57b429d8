//! MAN qualification (MODEL §3.7): Money (M can pay / m cannot), Authority (A / a), Need
//! (N / n). The code is the combination's letters, `MAN` … `man`; the advice follows the
//! texts' table.
//!
//! From a row, a condition that is not recorded counts as not met (lower case) [D]: a lead
//! is treated as qualified only on what is known; `unknown` lists what to find out.

use crate::row::AccountRow;
use crate::texts::Label;
use serde::Serialize;

/// Where a rule comes from (MODEL's tags): stated in the source texts, derived here to fill a
/// gap, or from the public literature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum RuleSource {
    /// [S] stated in the source texts.
    #[serde(rename = "S")]
    Source,
    /// [D] our default, where the texts are silent or disagree.
    #[serde(rename = "D")]
    Default,
    /// [L] from the public literature.
    #[serde(rename = "L")]
    Literature,
}

impl RuleSource {
    /// `S`, `D` or `L`.
    pub fn code(self) -> &'static str {
        match self {
            RuleSource::Source => "S",
            RuleSource::Default => "D",
            RuleSource::Literature => "L",
        }
    }

    pub fn label(self) -> Label {
        Label::new("rule_source", self.code())
    }
}

/// What to do with a MAN combination (MODEL §3.7's table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ManAdvice {
    /// M A N: ideal prospect — pursue now [S].
    PursueNow,
    /// M A n: develop and watch closely (重点培养和关注): skilled selling can create the
    /// need [S].
    CreateNeed,
    /// M a N: contact; find the person with authority [L].
    FindAuthority,
    /// m A N: contact; check their finances and credit, consider financing [L].
    CheckFinances,
    /// m a N: may contact; keep for later observation (可以接触,以备日后观察) [S].
    KeepForLater,
    /// m A n: contact now and then; watch and develop until another condition holds [L].
    WatchAndDevelop,
    /// M a n: watch; contact only when another condition appears [D] (the texts' two
    /// examples disagree).
    Watch,
    /// m a n: not a prospect — stop contact [S].
    Stop,
}

impl ManAdvice {
    pub const ALL: [ManAdvice; 8] = [
        ManAdvice::PursueNow,
        ManAdvice::CreateNeed,
        ManAdvice::FindAuthority,
        ManAdvice::CheckFinances,
        ManAdvice::KeepForLater,
        ManAdvice::WatchAndDevelop,
        ManAdvice::Watch,
        ManAdvice::Stop,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ManAdvice::PursueNow => "pursue_now",
            ManAdvice::CreateNeed => "create_need",
            ManAdvice::FindAuthority => "find_authority",
            ManAdvice::CheckFinances => "check_finances",
            ManAdvice::KeepForLater => "keep_for_later",
            ManAdvice::WatchAndDevelop => "watch_and_develop",
            ManAdvice::Watch => "watch",
            ManAdvice::Stop => "stop",
        }
    }

    pub fn label(self) -> Label {
        Label::new("man_advice", self.code())
    }

    /// Where the verdict comes from: [S, 004] for MAN, MAn, maN and man; [L] for MaN, mAN
    /// and mAn; [D] for Man.
    pub fn source(self) -> RuleSource {
        match self {
            ManAdvice::PursueNow
            | ManAdvice::CreateNeed
            | ManAdvice::KeepForLater
            | ManAdvice::Stop => RuleSource::Source,
            ManAdvice::FindAuthority | ManAdvice::CheckFinances | ManAdvice::WatchAndDevelop => {
                RuleSource::Literature
            }
            ManAdvice::Watch => RuleSource::Default,
        }
    }

    /// The verdict for a combination.
    pub fn of(money: bool, authority: bool, need: bool) -> ManAdvice {
        match (money, authority, need) {
            (true, true, true) => ManAdvice::PursueNow,
            (true, true, false) => ManAdvice::CreateNeed,
            (true, false, true) => ManAdvice::FindAuthority,
            (false, true, true) => ManAdvice::CheckFinances,
            (false, false, true) => ManAdvice::KeepForLater,
            (false, true, false) => ManAdvice::WatchAndDevelop,
            (true, false, false) => ManAdvice::Watch,
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
    /// Where the verdict comes from: `S` (the texts), `L` (the literature) or `D` (our
    /// default).
    pub source: Label,
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
    let advice = ManAdvice::of(money, authority, need);
    ManResult {
        label: Label::new("man", &man_code(money, authority, need)),
        advice: advice.label(),
        source: advice.source().label(),
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
        // MODEL §3.7: (money, authority, need, code, advice, source)
        let table = [
            (true, true, true, "MAN", "pursue_now", "S"),
            (true, true, false, "MAn", "create_need", "S"),
            (true, false, true, "MaN", "find_authority", "L"),
            (false, true, true, "mAN", "check_finances", "L"),
            (false, false, true, "maN", "keep_for_later", "S"),
            (false, true, false, "mAn", "watch_and_develop", "L"),
            (true, false, false, "Man", "watch", "D"),
            (false, false, false, "man", "stop", "S"),
        ];
        for (m, a, n, code, advice, source) in table {
            let got = man_qualification(m, a, n);
            assert_eq!(got.label.code, code);
            assert_eq!(got.advice.code, advice, "{code}");
            assert_eq!(got.source.code, source, "{code}");
            assert_ne!(got.label.zh, format!("man.{code}"), "{code} has no zh text");
            assert_ne!(got.label.en, format!("man.{code}"), "{code} has no en text");
            assert_ne!(got.advice.zh, format!("man_advice.{advice}"));
            assert_ne!(got.source.zh, format!("rule_source.{source}"));
            assert_eq!((got.money, got.authority, got.need), (m, a, n));
        }
        // every verdict is reached by exactly one combination
        for advice in ManAdvice::ALL {
            let n = table.iter().filter(|t| t.4 == advice.code()).count();
            assert_eq!(n, 1, "{}", advice.code());
        }
        // the texts' own words (004)
        assert!(man_qualification(true, true, false)
            .advice
            .zh
            .contains("重点培养和关注"));
        assert!(man_qualification(false, false, true)
            .advice
            .zh
            .contains("以备日后观察"));
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
        assert_eq!(json["source"]["code"], "D");
    }
}
