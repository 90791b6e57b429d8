//! The weighted pipeline (MODEL §3.6): Σ deal value × the win probability of its grade.

use super::facts::PipelineFacts;
use super::grades::{Grade, PipelineOptions};
use super::rules::reached_grade;
use super::PipelineError;
use crate::row::AccountRow;
use crate::texts::Label;
use serde::Serialize;

/// One deal of the weighted pipeline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PipelineDeal {
    pub grade: Grade,
    /// The deal's value; missing (NaN), infinite or negative values are left out.
    pub value: f64,
}

/// One grade's part of the weighted pipeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GradeSum {
    #[serde(flatten)]
    pub label: Label,
    pub probability: f64,
    /// Deals with a value at this grade.
    pub count: usize,
    pub value: f64,
    /// `value × probability`.
    pub weighted: f64,
}

/// The weighted pipeline: Σ value × win probability, in total and per grade.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WeightedPipeline {
    pub total_value: f64,
    pub weighted_total: f64,
    /// Deals counted.
    pub counted: usize,
    /// Deals left out for want of a usable value.
    pub without_value: usize,
    /// Every grade in the order of progress, empty ones included.
    pub by_grade: Vec<GradeSum>,
    /// Rows (0-based) whose facts could not be read (weighted_pipeline_rows only).
    pub unreadable_rows: Vec<usize>,
}

/// Whether a deal's value counts in a weighted pipeline: finite and not negative.
pub fn usable_value(value: f64) -> bool {
    value.is_finite() && value >= 0.0
}

/// The weighted pipeline of graded deals.
pub fn weighted_pipeline(
    deals: &[PipelineDeal],
    options: &PipelineOptions,
) -> Result<WeightedPipeline, PipelineError> {
    options.validate()?;
    let usable = |d: &&PipelineDeal| usable_value(d.value);
    let by_grade: Vec<GradeSum> = Grade::ALL
        .into_iter()
        .map(|grade| {
            let probability = options.probabilities.of(grade);
            let (count, value) = deals
                .iter()
                .filter(usable)
                .filter(|d| d.grade == grade)
                .fold((0usize, 0.0f64), |(n, sum), d| (n + 1, sum + d.value));
            GradeSum {
                label: grade.label(),
                probability,
                count,
                value,
                weighted: value * probability,
            }
        })
        .collect();
    let counted = by_grade.iter().map(|g| g.count).sum();
    Ok(WeightedPipeline {
        total_value: by_grade.iter().map(|g| g.value).sum(),
        weighted_total: by_grade.iter().map(|g| g.weighted).sum(),
        counted,
        without_value: deals.len().saturating_sub(counted),
        by_grade,
        unreadable_rows: Vec::new(),
    })
}

/// The weighted pipeline of account rows: each row graded from its facts, valued by its
/// `deal_value`. Rows whose answer cannot be read are left out and listed.
pub fn weighted_pipeline_rows(
    rows: &[AccountRow],
    options: &PipelineOptions,
) -> Result<WeightedPipeline, PipelineError> {
    let mut deals = Vec::with_capacity(rows.len());
    let mut unreadable_rows = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        match PipelineFacts::from_row(row) {
            Ok(facts) => deals.push(PipelineDeal {
                grade: reached_grade(&facts),
                value: row.number("deal_value").unwrap_or(f64::NAN),
            }),
            Err(_) => unreadable_rows.push(index),
        }
    }
    let mut result = weighted_pipeline(&deals, options)?;
    result.unreadable_rows = unreadable_rows;
    Ok(result)
}
