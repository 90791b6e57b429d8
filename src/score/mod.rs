//! Scoring a row (MODEL §2): `score = 100 × Σ wᵢ·sᵢ / Σ wᵢ` over the factors present, with
//! coverage, the breakdown of every point, the tier, and what would move it up a tier.
//!
//! One kernel ([`evaluate`]) serves the full score card, the per-cell [`Scorer`] path and the
//! columnar batch, so that all three give the same bits for the same input.

pub mod batch;
pub mod columns;
pub mod next_tier;

use crate::field::FieldId;
use crate::grades::tier::{value_tier, Tier};
use crate::model::{
    CompiledFactor, CompiledInput, CompiledModel, Fault, InputRef, InputValue, Plan, Title,
};
use crate::parse::Marks;
use crate::row::{AccountRow, CellError, CellNote, Value};
use crate::texts::{Label, Lang};
use serde::Serialize;

pub use next_tier::{Move, NextTier};

/// Where the kernel reads inputs from: a row, a column slice, an override.
pub trait Inputs {
    fn input(&self, field: FieldId) -> Option<InputRef<'_>>;
    /// What the reading noticed about the field's value (approximate, range …), for the
    /// breakdown; sources without such notes have none.
    fn input_marks(&self, _field: FieldId) -> Marks {
        Marks::NONE
    }
    /// The sub-score of the model's input `slot` ([`crate::model::CompiledInput::slot`])
    /// when the source has it already (a categorical column scores each distinct text once
    /// with the same plan); `None` to compute it.
    #[inline(always)]
    fn scored(&self, _slot: usize) -> Option<Result<f64, Fault>> {
        None
    }
}

impl Inputs for AccountRow {
    fn input(&self, field: FieldId) -> Option<InputRef<'_>> {
        Some(match self.get(field)? {
            Value::Number(v) => InputRef::Number(*v),
            Value::Text(t) => InputRef::Text(t),
            Value::Flag(b) => InputRef::Number(if *b { 1.0 } else { 0.0 }),
            Value::Date(d) => InputRef::Number(*d as f64),
        })
    }
    fn input_marks(&self, field: FieldId) -> Marks {
        if self.notes.is_empty() {
            Marks::NONE
        } else {
            self.marks(field.key())
        }
    }
}

/// Ranks for `percentile` inputs when a whole list is scored.
pub trait Ranks {
    /// The percent rank 0–100 of `value` among the list's values of `field`.
    fn percentile(&self, field: FieldId, value: f64) -> Option<f64>;
}

/// No list: percentile inputs report that they need one.
pub struct NoRanks;
impl Ranks for NoRanks {
    fn percentile(&self, _: FieldId, _: f64) -> Option<f64> {
        None
    }
}

/// The sub-score of one present input: the plan, or the list's rank for a percentile.
#[inline(always)]
fn input_sub_score(
    input: &CompiledInput,
    value: InputRef<'_>,
    ranks: &dyn Ranks,
) -> Result<f64, Fault> {
    match (&input.plan, value) {
        (Plan::Percentile { inverse }, InputRef::Number(v)) => {
            let p = ranks.percentile(input.field, v).ok_or(Fault::NeedsList)?;
            Ok(if *inverse { 100.0 - p } else { p })
        }
        (plan, value) => plan.apply(value),
    }
}

/// Where the kernel reports each present input, for the breakdown. The score-only paths
/// pass [`NoRecord`], for which the kernel builds nothing (`ON` is a constant).
pub trait Recorder {
    const ON: bool;
    /// Input `input` of factor `factor` (its index in the model).
    fn record(&mut self, factor: usize, input: InputScore);
}

/// No breakdown: the hot paths.
pub struct NoRecord;

impl Recorder for NoRecord {
    const ON: bool = false;
    #[inline(always)]
    fn record(&mut self, _: usize, _: InputScore) {}
}

impl<F: FnMut(usize, InputScore)> Recorder for F {
    const ON: bool = true;
    fn record(&mut self, factor: usize, input: InputScore) {
        self(factor, input)
    }
}

/// What one input contributed, for the breakdown.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InputScore {
    pub field: &'static str,
    pub value: InputValue,
    pub sub_score: Option<f64>,
    /// The input came from the factor's fallback list.
    pub fallback: bool,
    /// Why a present value gave no sub-score.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    /// How the cell was read when the user must know it: `approximate`, `range`.
    #[serde(skip_serializing_if = "Marks::is_empty")]
    pub marks: Marks,
}

fn owned(value: InputRef<'_>) -> InputValue {
    match value {
        InputRef::Number(v) => InputValue::Number(v),
        InputRef::Text(t) => InputValue::Text(t.to_string()),
    }
}

/// A factor's sub-score: the mean of its present inputs' sub-scores, or of its fallback's.
/// `record` sees every present input.
pub fn factor_sub_score<R: Inputs + ?Sized>(
    factor: &CompiledFactor,
    row: &R,
    ranks: &dyn Ranks,
    record: &mut dyn FnMut(InputScore),
) -> Option<f64> {
    factor_kernel(factor, 0, row, ranks, &mut |_, input| record(input))
}

#[inline(always)]
fn factor_kernel<R: Inputs + ?Sized, C: Recorder>(
    factor: &CompiledFactor,
    index: usize,
    row: &R,
    ranks: &dyn Ranks,
    record: &mut C,
) -> Option<f64> {
    for (inputs, fallback) in [(&factor.inputs, false), (&factor.fallback, true)] {
        let mut sum = 0.0;
        let mut count = 0u32;
        for input in inputs {
            let Some(value) = row.input(input.field) else {
                continue;
            };
            let result = match row.scored(input.slot) {
                Some(known) => known,
                None => input_sub_score(input, value, ranks),
            };
            if let Ok(s) = result {
                sum += s;
                count += 1;
            }
            if C::ON {
                record.record(
                    index,
                    InputScore {
                        field: input.field.key(),
                        value: owned(value),
                        sub_score: result.ok(),
                        fallback,
                        problem: result.err().map(|e| e.problem(value).to_string()),
                        marks: row.input_marks(input.field),
                    },
                );
            }
        }
        if count > 0 {
            return Some(sum / f64::from(count));
        }
    }
    None
}

/// Why a row has no score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NoScore {
    /// None of the model's inputs is present.
    NoInputs,
    /// Coverage below the model's minimum.
    LowCoverage,
}

/// The kernel's answer: the score (or why not), and coverage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evaluation {
    pub score: Result<f64, NoScore>,
    pub coverage: f64,
    pub present_weight: f64,
}

impl Evaluation {
    /// The score, or NaN when there is none (the columnar and per-cell form).
    pub fn score_or_nan(&self) -> f64 {
        self.score.unwrap_or(f64::NAN)
    }
}

/// Scores a row: the one kernel of every form. `subs` is a buffer the caller may keep
/// between rows; on return it holds each factor's sub-score. `record` sees (factor index,
/// input) for the breakdown ([`NoRecord`] on the score-only paths).
#[inline]
pub fn evaluate<R: Inputs + ?Sized, C: Recorder>(
    model: &CompiledModel,
    row: &R,
    ranks: &dyn Ranks,
    subs: &mut Vec<Option<f64>>,
    record: &mut C,
) -> Evaluation {
    subs.clear();
    let mut present_weight = 0.0;
    for (i, factor) in model.factors.iter().enumerate() {
        let s = factor_kernel(factor, i, row, ranks, record);
        if s.is_some() {
            present_weight += factor.weight;
        }
        subs.push(s);
    }
    let coverage = if model.total_weight > 0.0 {
        present_weight / model.total_weight
    } else {
        0.0
    };
    let score = if present_weight <= 0.0 {
        Err(NoScore::NoInputs)
    } else if coverage < model.model.min_coverage - COVERAGE_TOLERANCE {
        Err(NoScore::LowCoverage)
    } else {
        let mut weighted = 0.0;
        for (factor, s) in model.factors.iter().zip(subs.iter()) {
            if let Some(s) = s {
                weighted += s * factor.weight;
            }
        }
        // One division, then clamped: rounding must not carry a score past 0–100.
        Ok((weighted / present_weight).clamp(0.0, 100.0))
    };
    Evaluation {
        score,
        coverage,
        present_weight,
    }
}

/// Coverage is a ratio of sums of weights; this keeps a model whose weights were scaled by a
/// constant from falling below its minimum by a rounding error.
const COVERAGE_TOLERANCE: f64 = 1e-12;

/// A factor's contribution in points; they add up to the score (to rounding).
fn points(sub_score: f64, weight: f64, present_weight: f64) -> f64 {
    sub_score * weight / present_weight
}

/// The score alone, or NaN: the hot path.
pub fn score_value<R: Inputs + ?Sized>(
    model: &CompiledModel,
    row: &R,
    subs: &mut Vec<Option<f64>>,
) -> f64 {
    evaluate(model, row, &NoRanks, subs, &mut NoRecord).score_or_nan()
}

/// One factor in the breakdown.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FactorScore {
    pub key: String,
    pub title: Title,
    /// The first input used (the value a person checks first).
    pub input: Option<InputValue>,
    /// The field of that input.
    pub field: Option<&'static str>,
    /// Every present input with its sub-score.
    pub inputs: Vec<InputScore>,
    pub sub_score: Option<f64>,
    pub weight: f64,
    /// The factor's share of the weight present (0–1).
    pub share: f64,
    pub points: f64,
    pub missing: bool,
}

/// The tier as a label.
pub type TierLabel = Label;

/// Everything about one row's score, for a person to read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoreCard {
    pub model: String,
    pub score: Option<f64>,
    pub coverage: f64,
    pub tier: Option<TierLabel>,
    pub factors: Vec<FactorScore>,
    pub next_tier: Option<NextTier>,
    /// Why the score is null.
    pub reason: Option<Label>,
    /// Cells of the row that could not be read (they count as missing).
    pub errors: Vec<CellError>,
    /// Values read as approximate, as a range's midpoint or in a foreign currency.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<CellNote>,
}

impl ScoreCard {
    /// The tier as a value.
    pub fn tier_value(&self) -> Option<Tier> {
        self.tier.as_ref().and_then(|t| Tier::parse(&t.code))
    }
}

fn percent(x: f64) -> String {
    format!("{}%", libm::round(x * 1000.0) / 10.0)
}

/// Why a row has no score, as the card gives it (`None` when it has one); `subs` as
/// [`evaluate`] left them.
pub fn no_score_reason(
    model: &CompiledModel,
    eval: &Evaluation,
    subs: &[Option<f64>],
) -> Option<Label> {
    match eval.score {
        Ok(_) => None,
        Err(NoScore::NoInputs) => Some(Label::new("score", "no_inputs")),
        Err(NoScore::LowCoverage) => {
            let coverage = percent(eval.coverage);
            let minimum = percent(model.model.min_coverage);
            Some(Label::localized("score", "low_coverage", |lang| {
                let missing: Vec<&str> = model
                    .factors
                    .iter()
                    .zip(subs)
                    .filter(|(_, s)| s.is_none())
                    .map(|(f, _)| f.title.in_lang(lang))
                    .collect();
                let sep = if lang == Lang::ZhCn { "、" } else { ", " };
                vec![
                    ("coverage", coverage.clone()),
                    ("minimum", minimum.clone()),
                    ("missing", missing.join(sep)),
                ]
            }))
        }
    }
}

/// Scores one row into a full card. Per-row results never depend on other rows.
pub fn score_row(model: &CompiledModel, row: &AccountRow) -> ScoreCard {
    score_row_ranked(model, row, &NoRanks)
}

/// As [`score_row`], with ranks for `percentile` inputs from the list the row belongs to.
pub fn score_row_ranked(model: &CompiledModel, row: &AccountRow, ranks: &dyn Ranks) -> ScoreCard {
    let mut inputs: Vec<Vec<InputScore>> = vec![Vec::new(); model.factors.len()];
    let mut subs = Vec::with_capacity(model.factors.len());
    let eval = evaluate(
        model,
        row,
        ranks,
        &mut subs,
        &mut |i: usize, input: InputScore| {
            if let Some(list) = inputs.get_mut(i) {
                list.push(input);
            }
        },
    );
    let factors: Vec<FactorScore> = model
        .factors
        .iter()
        .zip(subs.iter().zip(inputs))
        .map(|(f, (s, inputs))| {
            let first = inputs
                .iter()
                .find(|i| i.sub_score.is_some())
                .or(inputs.first());
            let has_score = eval.score.is_ok();
            FactorScore {
                key: f.key.clone(),
                title: f.title.clone(),
                input: first.map(|i| i.value.clone()),
                field: first.map(|i| i.field),
                sub_score: *s,
                weight: f.weight,
                share: if s.is_some() && eval.present_weight > 0.0 {
                    f.weight / eval.present_weight
                } else {
                    0.0
                },
                points: match s {
                    Some(s) if has_score => points(*s, f.weight, eval.present_weight),
                    _ => 0.0,
                },
                missing: s.is_none(),
                inputs,
            }
        })
        .collect();
    let tier = eval
        .score
        .ok()
        .and_then(|s| value_tier(s, &model.model.tiers));
    let reason = no_score_reason(model, &eval, &subs);
    let next_tier = match (eval.score, tier) {
        (Ok(score), Some(t)) => {
            next_tier::next_tier_from(model, row, ranks, score, t, eval.present_weight)
        }
        _ => None,
    };
    ScoreCard {
        model: model.model.name.clone(),
        score: eval.score.ok(),
        coverage: eval.coverage,
        tier: tier.map(Tier::label),
        factors,
        next_tier,
        reason,
        errors: row.errors.clone(),
        notes: row.notes.clone(),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
