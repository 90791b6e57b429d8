//! Buying-centre coverage (MODEL §4.4): in a key account a group decides, and four roles must
//! each have a named contact. A role without one is a gap, with what to do about it.
//!
//! The order of the gaps follows the deal [S, 000: 「项目初期要和"教练"建立关系，项目的中后期，要和
//! 客户企业的高层建立关系」]: early in a deal (pipeline below A05) the coach comes first; later,
//! the decision-maker (top management).

use crate::row::AccountRow;
use crate::texts::Label;
use serde::Serialize;

/// The four roles of the buying centre.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    DecisionMaker,
    User,
    /// Can veto on technical grounds.
    Gatekeeper,
    /// An insider who guides us and succeeds when we succeed.
    Coach,
}

impl Role {
    /// In the order gaps are reported: the decision comes first, the way in last.
    pub const ALL: [Role; 4] = [
        Role::DecisionMaker,
        Role::User,
        Role::Gatekeeper,
        Role::Coach,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::DecisionMaker => "decision_maker",
            Role::User => "user",
            Role::Gatekeeper => "gatekeeper",
            Role::Coach => "coach",
        }
    }

    /// The row field holding the role's contact name.
    pub fn field_key(self) -> &'static str {
        match self {
            Role::DecisionMaker => "contact_decision_maker",
            Role::User => "contact_user",
            Role::Gatekeeper => "contact_gatekeeper",
            Role::Coach => "contact_coach",
        }
    }

    pub fn label(self) -> Label {
        Label::new("role", self.code())
    }

    /// The gap when the role has no contact: code `no_<role>`, text = the suggestion.
    pub fn gap_label(self) -> Label {
        Label::new("gap", &format!("no_{}", self.code()))
    }
}

/// A role without a named contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Gap {
    pub role: Role,
    /// `no_decision_maker` …, with the suggestion as its texts.
    #[serde(flatten)]
    pub suggestion: Label,
}

/// Which roles are covered and which are gaps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BuyingCentre {
    pub covered: Vec<Role>,
    pub gaps: Vec<Gap>,
}

/// Whether a contact cell names someone: blank cells never reach the row, but a cell saying
/// "none" in words does.
fn names_someone(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    !(t.is_empty()
        || crate::parse::is_blank_marker(&t)
        || matches!(
            t.as_str(),
            "无" | "没有" | "暂无" | "未知" | "待定" | "none" | "unknown" | "tbd" | "?" | "？"
        ))
}

/// The order to fill the roles in: early in a deal the coach first, then the others; later
/// the decision-maker first and the coach last.
pub fn gap_order(early_in_deal: bool) -> [Role; 4] {
    if early_in_deal {
        [
            Role::Coach,
            Role::DecisionMaker,
            Role::User,
            Role::Gatekeeper,
        ]
    } else {
        Role::ALL
    }
}

/// Coverage from the roles that have a named contact, gaps decision-maker first.
pub fn coverage<I>(covered: I) -> BuyingCentre
where
    I: IntoIterator<Item = Role>,
{
    coverage_in_order(covered, false)
}

/// Coverage with the gaps in the order of [`gap_order`].
pub fn coverage_in_order<I>(covered: I, early_in_deal: bool) -> BuyingCentre
where
    I: IntoIterator<Item = Role>,
{
    let mut covered: Vec<Role> = covered.into_iter().collect();
    covered.sort_unstable();
    covered.dedup();
    let gaps = gap_order(early_in_deal)
        .into_iter()
        .filter(|r| !covered.contains(r))
        .map(|role| Gap {
            role,
            suggestion: role.gap_label(),
        })
        .collect();
    BuyingCentre { covered, gaps }
}

/// Coverage from the row's contact fields.
pub fn buying_centre(row: &AccountRow) -> BuyingCentre {
    buying_centre_in_order(row, false)
}

/// Coverage from the row's contact fields, gaps in the order of [`gap_order`].
pub fn buying_centre_in_order(row: &AccountRow, early_in_deal: bool) -> BuyingCentre {
    coverage_in_order(
        Role::ALL
            .into_iter()
            .filter(|r| row.text(r.field_key()).is_some_and(names_someone)),
        early_in_deal,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::row::Cell;
    use crate::strategy::lang_check::{is_en, is_zh};

    fn row(pairs: &[(&str, &str)]) -> AccountRow {
        AccountRow::from_pairs(pairs.iter().map(|(k, v)| (*k, Cell::from(*v))), None)
    }

    fn gap_codes(b: &BuyingCentre) -> Vec<&str> {
        b.gaps.iter().map(|g| g.suggestion.code.as_str()).collect()
    }

    #[test]
    fn all_four_covered_means_no_gaps() {
        let b = buying_centre(&row(&[
            ("contact_decision_maker", "王总"),
            ("contact_user", "李工"),
            ("contact_gatekeeper", "张工"),
            ("contact_coach", "赵经理"),
        ]));
        assert!(b.gaps.is_empty());
        assert_eq!(b.covered.len(), 4);
    }

    #[test]
    fn each_missing_role_is_a_gap_with_its_suggestion() {
        let b = buying_centre(&row(&[]));
        assert_eq!(
            gap_codes(&b),
            ["no_decision_maker", "no_user", "no_gatekeeper", "no_coach"]
        );
        for role in Role::ALL {
            let others: Vec<Role> = Role::ALL.into_iter().filter(|r| *r != role).collect();
            let b = coverage(others);
            assert_eq!(b.gaps.len(), 1);
            assert_eq!(b.gaps[0].role, role);
        }
    }

    #[test]
    fn suggestions_say_what_to_do_in_each_language() {
        let coach = Role::Coach.gap_label();
        assert!(is_en(&coach.en) && coach.en.contains("coach"));
        assert!(is_zh(&coach.zh) && coach.zh.contains("教练"));
        let dm = Role::DecisionMaker.gap_label();
        assert!(dm.en.contains("through the coach"), "{}", dm.en);
        assert!(dm.zh.contains("教练"), "{}", dm.zh);
        for role in Role::ALL {
            let g = role.gap_label();
            assert!(is_zh(&g.zh) && is_en(&g.en), "{g:?}");
            assert!(is_zh(&role.label().zh) && is_en(&role.label().en));
        }
        assert_eq!(Role::Gatekeeper.label().zh, "技术把关者");
    }

    #[test]
    fn early_in_a_deal_the_coach_comes_first() {
        let early = buying_centre_in_order(&row(&[]), true);
        assert_eq!(
            gap_codes(&early),
            ["no_coach", "no_decision_maker", "no_user", "no_gatekeeper"]
        );
        let later = buying_centre_in_order(&row(&[]), false);
        assert_eq!(gap_codes(&later)[0], "no_decision_maker");
        assert_eq!(gap_codes(&later)[3], "no_coach");
        let coach = Role::Coach.gap_label();
        assert!(
            coach.zh.contains("采购"),
            "§4.4: often a buyer or purchasing manager: {}",
            coach.zh
        );
    }

    #[test]
    fn none_written_in_words_is_not_a_contact() {
        let b = buying_centre(&row(&[
            ("contact_coach", "暂无"),
            ("contact_user", "none"),
            ("contact_decision_maker", "刘总"),
        ]));
        assert_eq!(gap_codes(&b), ["no_user", "no_gatekeeper", "no_coach"]);
    }

    #[test]
    fn chinese_headers_work_too() {
        let b = buying_centre(&row(&[("决策者", "刘总"), ("教练", "小陈")]));
        assert_eq!(b.covered, vec![Role::DecisionMaker, Role::Coach]);
    }
}
