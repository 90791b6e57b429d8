//! §4.6 satisfaction against the target of the ABC class (else the tier's stand-in).

use super::Collector;
use crate::grades::abc::AbcClass;
use crate::grades::tier::Tier;
use crate::row::AccountRow;
use crate::strategy::cadence::contact_grade;
use crate::strategy::item::ItemKind;
use crate::strategy::satisfaction::satisfaction_check;

pub(super) fn items(
    row: &AccountRow,
    abc: Option<AbcClass>,
    tier: Option<Tier>,
    out: &mut Collector,
) {
    let class = contact_grade(abc, tier).map(|g| g.class());
    let Some(check) = row
        .number("satisfaction")
        .and_then(|v| satisfaction_check(v, class))
    else {
        return;
    };
    if let Some(w) = check.warning {
        out.warn(ItemKind::Satisfaction, w);
    }
    for a in check.actions {
        out.act(ItemKind::Satisfaction, a);
    }
}
