//! §4.4 buying-centre gaps: coach first early in a deal, the decision-maker later; none on the
//! row when the whole list has no contact column (the list notice says it once).

use super::Collector;
use crate::grades::pipeline::Grade;
use crate::row::AccountRow;
use crate::strategy::buying_centre::buying_centre_in_order;
use crate::strategy::estimate::behaviour::Behaviour;
use crate::strategy::item::{Item, ItemKind};

/// Early in a deal: the pipeline grade is below A05, or, without pipeline facts, nothing has
/// been bought yet [D].
pub(super) fn early_in_deal(grade: Option<Grade>, behaviour: &Behaviour) -> bool {
    match grade {
        Some(g) => g.rank() < Grade::A05.rank(),
        None => behaviour.no_purchase_yet(),
    }
}

/// The gaps, also as actions unless the matrix says to let the account go.
pub(super) fn items(
    row: &AccountRow,
    early: bool,
    let_go: bool,
    list_has_contacts: bool,
    out: &mut Collector,
) -> Vec<Item> {
    if !list_has_contacts {
        return Vec::new();
    }
    let gaps: Vec<Item> = buying_centre_in_order(row, early)
        .gaps
        .into_iter()
        .map(|g| out.item(ItemKind::Gap, g.suggestion))
        .collect();
    if !let_go {
        out.actions.extend(gaps.iter().cloned());
    }
    gaps
}
