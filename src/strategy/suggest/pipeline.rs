//! §3.6 the ten-level pipeline grade's next step and warnings, for rows that record pipeline
//! facts.

use super::{with_value, Collector};
use crate::grades::pipeline;
use crate::row::AccountRow;
use crate::strategy::item::ItemKind;

/// Whether the row records anything of the ten-level pipeline. Rows without a single pipeline
/// column (most existing customers) would otherwise all be told to "record lead data".
fn has_pipeline_facts(row: &AccountRow) -> bool {
    row.text(pipeline::ANSWER_KEY).is_some()
        || pipeline::Fact::ALL
            .into_iter()
            .any(|f| row.flag(f.key()).is_some())
}

/// Adds the next step and the warnings; returns the grade reached, when the row has facts.
pub(super) fn items(row: &AccountRow, out: &mut Collector) -> Option<pipeline::Grade> {
    if !has_pipeline_facts(row) {
        return None;
    }
    let result = pipeline::PipelineFacts::from_row(row)
        .and_then(|facts| pipeline::pipeline_grade(&facts, &pipeline::PipelineOptions::default()));
    match result {
        Ok(grade) => {
            for w in grade.warnings {
                out.warn(ItemKind::Pipeline, w.label);
            }
            // After A01 the next step is account care, still worth saying.
            let current = out.text(grade.label);
            let item = out
                .item(ItemKind::Pipeline, grade.next_step)
                .with_details(vec![current]);
            out.actions.push(item);
            Some(grade.grade)
        }
        Err(e) => {
            out.warn(
                ItemKind::Data,
                with_value("strategy_pipeline", "unreadable", &e.to_string()),
            );
            None
        }
    }
}
