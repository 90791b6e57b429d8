//! List-level notices (MODEL §4.8, §4.4): what the whole list lacks, said once for the list
//! with what adding it would unlock, instead of the same gap on every row.

use crate::field::FIELDS;
use crate::row::AccountRow;
use crate::strategy::buying_centre::Role;
use crate::texts::Label;
use serde::{Deserialize, Serialize};

/// Which fields a list holds: a field counts when at least one row has a value for it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListProfile {
    present: Vec<bool>,
    /// Rows in the list.
    pub rows: usize,
}

impl ListProfile {
    pub fn from_rows(rows: &[AccountRow]) -> ListProfile {
        let mut present = vec![false; FIELDS.len()];
        for row in rows {
            for (field, _) in row.values() {
                if let Some(slot) = present.get_mut(field.0 as usize) {
                    *slot = true;
                }
            }
        }
        ListProfile {
            present,
            rows: rows.len(),
        }
    }

    /// The profile of two parts of one list taken together.
    pub fn merge(&mut self, other: &ListProfile) {
        if self.present.len() < other.present.len() {
            self.present.resize(other.present.len(), false);
        }
        for (mine, theirs) in self.present.iter_mut().zip(&other.present) {
            *mine |= *theirs;
        }
        self.rows += other.rows;
    }

    /// Whether some row has a value for the field with this key.
    pub fn has(&self, key: &str) -> bool {
        crate::field::by_key(key)
            .and_then(|f| self.present.get(f.0 as usize).copied())
            .unwrap_or(false)
    }

    fn has_any(&self, keys: &[&str]) -> bool {
        keys.iter().any(|k| self.has(k))
    }

    /// Some row names a buying-centre contact (§4.4).
    pub fn has_contacts(&self) -> bool {
        Role::ALL.iter().any(|r| self.has(r.field_key()))
    }

    /// Some row has a relationship level (§4.2).
    pub fn has_levels(&self) -> bool {
        self.has("relationship_level")
    }

    /// Some row has attractiveness as a column or as the manager's 1–5 ratings.
    pub fn has_attractiveness(&self) -> bool {
        self.has("attractiveness")
            || FIELDS
                .iter()
                .zip(&self.present)
                .any(|(f, p)| *p && f.key.starts_with("attr_"))
    }
}

/// What the list lacks, each with what adding it would unlock; codes under `notice.<code>`:
/// `no_contact_roles`, `attractiveness_estimated`, `status_estimated`, `no_recency`,
/// `no_tenure`, `no_margin`, `no_purchase`, `no_satisfaction`, `no_levels`. An empty list gets
/// none.
pub fn list_notices(profile: &ListProfile) -> Vec<Label> {
    if profile.rows == 0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut say = |code: &str| out.push(Label::new("notice", code));
    if !profile.has_contacts() {
        say("no_contact_roles");
    }
    if !profile.has_attractiveness() {
        say("attractiveness_estimated");
    }
    if !profile.has("relationship_status") {
        say("status_estimated");
    }
    if !profile.has_any(&["last_order_date", "last_order_days"]) {
        say("no_recency");
    }
    if !profile.has_any(&["relationship_years", "first_order_date"]) {
        say("no_tenure");
    }
    if !profile.has_any(&["gross_margin", "profit"]) {
        say("no_margin");
    }
    if !profile.has("annual_purchase") {
        say("no_purchase");
    }
    if !profile.has("satisfaction") {
        say("no_satisfaction");
    }
    if !profile.has_levels() {
        say("no_levels");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::row::Cell;
    use crate::strategy::lang_check::{is_en, is_zh};

    fn rows(list: &[&[(&str, &str)]]) -> Vec<AccountRow> {
        list.iter()
            .map(|pairs| {
                AccountRow::from_pairs(pairs.iter().map(|(k, v)| (*k, Cell::from(*v))), None)
            })
            .collect()
    }

    #[test]
    fn two_profiles_merged_hold_what_either_part_holds() {
        let list = rows(&[
            &[("annual_purchase", "100")],
            &[("contact_decision_maker", "王总")],
        ]);
        let mut merged = ListProfile::from_rows(&list[..1]);
        assert!(!merged.has_contacts());
        merged.merge(&ListProfile::from_rows(&list[1..]));
        assert!(merged.has_contacts() && merged.has("annual_purchase"));
        assert_eq!(merged.rows, 2);
        assert_eq!(merged, ListProfile::from_rows(&list));
    }

    fn codes(rows: &[AccountRow]) -> Vec<String> {
        list_notices(&ListProfile::from_rows(rows))
            .into_iter()
            .map(|l| l.code)
            .collect()
    }

    #[test]
    fn a_figures_only_list_is_told_what_it_lacks() {
        let r = rows(&[
            &[("客户名称", "甲"), ("年采购额", "120万"), ("毛利率", "20%")],
            &[("客户名称", "乙"), ("年采购额", "80万")],
        ]);
        assert_eq!(
            codes(&r),
            [
                "no_contact_roles",
                "attractiveness_estimated",
                "status_estimated",
                "no_recency",
                "no_tenure",
                "no_satisfaction",
                "no_levels"
            ]
        );
        for l in list_notices(&ListProfile::from_rows(&r)) {
            assert!(is_zh(&l.zh) && is_en(&l.en), "{l:?}");
        }
    }

    #[test]
    fn one_row_with_a_value_is_enough_for_the_list() {
        let r = rows(&[
            &[
                ("客户名称", "甲"),
                ("年采购额", "120万"),
                ("利润", "12万"),
                ("吸引力", "A"),
                ("关系状态", "2"),
                ("最近下单日期", "2026-01-02"),
                ("合作年限", "3"),
                ("满意度", "4"),
                ("关系层级", "2"),
            ],
            &[("客户名称", "乙"), ("教练", "小陈")],
        ]);
        assert!(codes(&r).is_empty(), "{:?}", codes(&r));
        let p = ListProfile::from_rows(&r);
        assert!(p.has_contacts() && p.has_levels() && p.has_attractiveness());
        // Ratings stand for attractiveness.
        let r = rows(&[&[("attr_potential", "4")]]);
        assert!(!codes(&r).contains(&"attractiveness_estimated".to_string()));
        assert!(codes(&[]).is_empty());
    }
}
