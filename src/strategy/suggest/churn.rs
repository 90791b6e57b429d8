//! §4.5 churn: a valuable account that has gone quiet, or complains a lot, gets the retention
//! moves 「一个沟通，两个保证」 first.

use super::{Collector, RowContext, SuggestOptions};
use crate::grades::tier::Tier;
use crate::row::AccountRow;
use crate::strategy::churn::{churn_check, days_since_last_order, usual_interval_days, ChurnInput};
use crate::strategy::estimate::distributions::{contribution, DistributionField};
use crate::strategy::item::ItemKind;

/// Adds the warnings and the retention moves; `true` when the moves were given.
pub(super) fn items(
    row: &AccountRow,
    tier: Option<Tier>,
    ctx: &RowContext<'_>,
    options: &SuggestOptions,
    out: &mut Collector,
) -> bool {
    let days = match days_since_last_order(row, options.as_of) {
        Ok(days) => days,
        Err(problem) => {
            out.warn(ItemKind::Data, problem.label());
            None
        }
    };
    let contribution_percentile = ctx.list.and_then(|list| {
        let value = contribution(row)?;
        list.percentile(DistributionField::Contribution, value)
    });
    let check = churn_check(
        &ChurnInput {
            tier,
            abc: ctx.abc,
            contribution_percentile,
            days_since_last_order: days,
            usual_interval_days: usual_interval_days(row),
            p_alive: options.p_alive,
            complaints: row.number("complaints"),
        },
        &options.churn,
    );
    for w in check.warning.into_iter().chain(check.complaint_warning) {
        out.warn(ItemKind::Churn, w);
    }
    let moved = !check.moves.is_empty();
    for m in check.moves {
        out.act(ItemKind::Churn, m);
    }
    moved
}
