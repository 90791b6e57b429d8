//! The weighted pipeline (MODEL §3.6) of the open deals, valued twice: by the default grade
//! probabilities and by a learned win model. Deals with an outcome (won or lost) are closed
//! and left out of both sums, so the two totals count the same deals.

use super::win::{facts_probability, row_outcome, win_probability, WinModel};
use crate::grades::pipeline::{usable_value, PipelineError, PipelineFacts, PipelineOptions};
use crate::row::AccountRow;
use serde::Serialize;

/// Σ deal value × probability over the open deals, by the grades and by the learned model.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LearnedPipeline {
    /// Σ value of the open deals counted.
    pub total_value: f64,
    /// Σ value × the default (or given) probability of the deal's pipeline grade.
    pub grade_weighted: f64,
    /// Σ value × the learned win probability.
    pub learned_weighted: f64,
    /// Open deals counted.
    pub counted: usize,
    /// Open deals left out for want of a usable `deal_value` (missing, infinite, negative).
    pub without_value: usize,
    /// Deals with an outcome already: not part of the pipeline.
    pub closed: usize,
    /// Rows (0-based) whose pipeline facts could not be read: left out of both sums.
    pub unreadable_rows: Vec<usize>,
}

/// The weighted pipeline of `rows` by the grade probabilities of `options` and by `model`.
pub fn learned_pipeline(
    rows: &[AccountRow],
    model: &WinModel,
    options: &PipelineOptions,
) -> Result<LearnedPipeline, PipelineError> {
    options.validate()?;
    let mut out = LearnedPipeline {
        total_value: 0.0,
        grade_weighted: 0.0,
        learned_weighted: 0.0,
        counted: 0,
        without_value: 0,
        closed: 0,
        unreadable_rows: Vec::new(),
    };
    for (index, row) in rows.iter().enumerate() {
        if row_outcome(row).is_some() {
            out.closed += 1;
            continue;
        }
        let Ok(facts) = PipelineFacts::from_row(row) else {
            out.unreadable_rows.push(index);
            continue;
        };
        let value = row.number("deal_value").unwrap_or(f64::NAN);
        if !usable_value(value) {
            out.without_value += 1;
            continue;
        }
        out.counted += 1;
        out.total_value += value;
        out.grade_weighted += value * facts_probability(&facts, &options.probabilities);
        out.learned_weighted += value * win_probability(model, row).probability;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::row::Cell;

    fn row(pairs: &[(&str, Cell)]) -> AccountRow {
        AccountRow::from_pairs(pairs.iter().map(|(k, c)| (*k, c.clone())), None)
    }

    /// A model of the prior alone, log-odds ln 3: every deal's probability is 3 / (1 + 3) = 0.75.
    fn prior_only() -> WinModel {
        let json = r#"{"kind":"winModel","version":1,"smoothing":1,
            "prior":{"won":3,"lost":1,"logOdds":1.0986122886681098},"features":[]}"#;
        WinModel::from_json(json).unwrap()
    }

    #[test]
    fn open_deals_weighted_by_grade_and_by_the_model() {
        let yes = Cell::Bool(true);
        let rows = [
            // A21 (lead data only): MODEL §3.6 gives 1 %.
            row(&[
                ("商机金额", Cell::Number(1000.0)),
                ("lead_data", yes.clone()),
            ]),
            // A08 (key facts, target industry, size): 5 %.
            row(&[
                ("商机金额", Cell::Text("¥2,000".into())),
                ("lead_data", yes.clone()),
                ("key_facts_known", yes.clone()),
                ("target_industry", yes.clone()),
                ("size_ok", yes.clone()),
            ]),
            // Closed: an outcome is known, so not in the pipeline.
            row(&[
                ("商机金额", Cell::Number(9999.0)),
                ("成交结果", Cell::Text("赢单".into())),
            ]),
            // Open but without a value.
            row(&[("lead_data", yes.clone())]),
        ];
        let p = learned_pipeline(&rows, &prior_only(), &PipelineOptions::default()).unwrap();
        assert_eq!((p.counted, p.closed, p.without_value), (2, 1, 1));
        assert_eq!(p.total_value, 3000.0);
        // 1000 × 0.01 + 2000 × 0.05 = 110.
        assert!(
            (p.grade_weighted - 110.0).abs() < 1e-9,
            "{}",
            p.grade_weighted
        );
        // 3000 × 0.75 = 2250.
        assert!(
            (p.learned_weighted - 2250.0).abs() < 1e-9,
            "{}",
            p.learned_weighted
        );
    }
}
