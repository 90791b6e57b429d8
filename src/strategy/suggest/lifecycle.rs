//! §4.9 the lifecycle stage and the work the source gives for it.

use super::{Collector, SuggestOptions};
use crate::strategy::estimate::behaviour::Behaviour;
use crate::strategy::item::ItemKind;
use crate::strategy::lifecycle::{lifecycle_stage, Lifecycle, Stage};

/// The stage, and its work as an action: not for a let-go cell, and not in decline when the
/// churn rule has already given the retention moves.
pub(super) fn items(
    behaviour: &Behaviour,
    options: &SuggestOptions,
    let_go: bool,
    retention_given: bool,
    out: &mut Collector,
) -> Option<Lifecycle> {
    let stage = lifecycle_stage(behaviour, &options.lifecycle, &options.estimate, out.lang)?;
    let repeated = stage.stage == Stage::Decline && retention_given;
    if !let_go && !repeated {
        let item = out
            .item(ItemKind::Lifecycle, stage.stage.work())
            .with_details(stage.evidence.clone());
        out.actions.push(item);
    }
    Some(stage)
}
