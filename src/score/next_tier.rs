//! "What moves it up a tier": for each input the score uses, the value that alone would lift
//! the score past the next tier's threshold, in the field's own units, smallest change first.

use super::{evaluate, factor_sub_score, Inputs, NoRecord, Ranks};
use crate::field::{FieldId, FieldKind};
use crate::grades::tier::{value_tier, Tier};
use crate::model::{CompiledModel, InputRef, InputValue, Title, Transform};
use crate::row::AccountRow;
use crate::texts::{Label, Lang};
use serde::Serialize;

/// One single-input change that reaches the next tier.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Move {
    pub factor: String,
    pub factor_title: Title,
    pub field: &'static str,
    pub from: InputValue,
    pub to: InputValue,
    pub sub_score_from: f64,
    pub sub_score_to: f64,
    /// The score the row would have after the change.
    pub score_after: f64,
    pub text: Label,
}

/// The next tier up and the changes that reach it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NextTier {
    pub tier: Label,
    /// The score the tier must exceed.
    pub threshold: f64,
    /// Points still missing.
    pub gap: f64,
    /// Single-input changes that reach it, smallest rise in sub-score first; empty when no
    /// single input can do it alone.
    pub moves: Vec<Move>,
}

/// A row with one input replaced.
struct Override<'a> {
    base: &'a AccountRow,
    field: FieldId,
    value: &'a InputValue,
}

impl Inputs for Override<'_> {
    fn input(&self, field: FieldId) -> Option<InputRef<'_>> {
        if field == self.field {
            Some(match self.value {
                InputValue::Number(v) => InputRef::Number(*v),
                InputValue::Text(t) => InputRef::Text(t),
            })
        } else {
            self.base.input(field)
        }
    }
}

/// Rounds a target value to something a person would write, away from the current value so
/// that the rounded target still reaches the tier.
fn round_outward(v: f64, kind: FieldKind, up: bool) -> f64 {
    let step = match kind {
        FieldKind::Number | FieldKind::Count | FieldKind::Days | FieldKind::Rating => 1.0,
        FieldKind::Ratio => 0.001,
        _ if v.abs() < 1.0 => 0.01,
        _ => libm::pow(10.0, libm::floor(libm::log10(v.abs())) - 2.0),
    };
    let q = v / step;
    let r = if up { libm::ceil(q) } else { libm::floor(q) };
    r * step
}

fn trim_number(v: f64, decimals: i32) -> String {
    let f = libm::pow(10.0, f64::from(decimals));
    let r = libm::round(v * f) / f;
    crate::row::format_number(r)
}

/// A value as a person reads it: `¥130万` / `¥1.3M`, `23.5%`, `40 天` / `40 days`.
pub fn format_value(field: FieldId, value: &InputValue, lang: Lang) -> String {
    let v = match value {
        InputValue::Text(t) => return t.clone(),
        InputValue::Number(v) => *v,
    };
    let zh = lang == Lang::ZhCn;
    match field.kind() {
        FieldKind::Money => {
            let a = v.abs();
            let sign = if v < 0.0 { "-" } else { "" };
            if zh {
                if a >= 1e8 {
                    format!("{sign}¥{}亿", trim_number(a / 1e8, 2))
                } else if a >= 1e4 {
                    format!("{sign}¥{}万", trim_number(a / 1e4, 2))
                } else {
                    format!("{sign}¥{}", trim_number(a, 0))
                }
            } else if a >= 1e9 {
                format!("{sign}¥{}bn", trim_number(a / 1e9, 2))
            } else if a >= 1e6 {
                format!("{sign}¥{}M", trim_number(a / 1e6, 2))
            } else if a >= 1e3 {
                format!("{sign}¥{}k", trim_number(a / 1e3, 1))
            } else {
                format!("{sign}¥{}", trim_number(a, 0))
            }
        }
        FieldKind::Ratio => format!("{}%", trim_number(v * 100.0, 1)),
        FieldKind::Days => {
            if zh {
                format!("{} 天", trim_number(v, 0))
            } else {
                format!("{} days", trim_number(v, 0))
            }
        }
        FieldKind::Years => {
            if zh {
                format!("{} 年", trim_number(v, 1))
            } else {
                format!("{} years", trim_number(v, 1))
            }
        }
        _ => trim_number(v, 2),
    }
}

/// The moves to the tier above `tier`, or `None` at the top tier.
pub fn next_tier(
    model: &CompiledModel,
    row: &AccountRow,
    ranks: &dyn Ranks,
    score: f64,
    tier: Tier,
) -> Option<NextTier> {
    // Nothing to search at the top tier.
    tier.next()?;
    let mut subs = Vec::with_capacity(model.factors.len());
    let present_weight = evaluate(model, row, ranks, &mut subs, &mut NoRecord).present_weight;
    next_tier_from(model, row, ranks, score, tier, present_weight)
}

/// As [`next_tier`], with the row's present weight (from the evaluation the card made).
pub fn next_tier_from(
    model: &CompiledModel,
    row: &AccountRow,
    ranks: &dyn Ranks,
    score: f64,
    tier: Tier,
    present_weight: f64,
) -> Option<NextTier> {
    let target = tier.next()?;
    let threshold = model.model.tiers.threshold(target)?;
    let mut subs = Vec::with_capacity(model.factors.len());
    let mut moves = Vec::new();
    for factor in &model.factors {
        let mut used = Vec::new();
        let _ = factor_sub_score(factor, row, ranks, &mut |i| used.push(i));
        // Only the active list counts: the primary inputs, or the fallback when none is there.
        let active_fallback = !used.iter().any(|i| !i.fallback && i.sub_score.is_some());
        let active: Vec<_> = used
            .into_iter()
            .filter(|i| i.fallback == active_fallback && i.sub_score.is_some())
            .collect();
        let k = active.len() as f64;
        if k == 0.0 || factor.weight <= 0.0 {
            continue;
        }
        let list = if active_fallback {
            &factor.fallback
        } else {
            &factor.inputs
        };
        for used_input in &active {
            let Some(input) = list.iter().find(|i| i.field.key() == used_input.field) else {
                continue;
            };
            if matches!(input.transform, Transform::Percentile { .. }) {
                continue;
            }
            let Some(s_now) = used_input.sub_score else {
                continue;
            };
            let needed = s_now + (threshold - score) * k * present_weight / factor.weight;
            if needed > 100.0 {
                continue;
            }
            let current = match &used_input.value {
                InputValue::Number(v) => InputRef::Number(*v),
                InputValue::Text(t) => InputRef::Text(t),
            };
            let continuous = !matches!(
                input.transform,
                Transform::Steps { .. } | Transform::Map { .. }
            );
            let mut candidates = Vec::new();
            // A hair above the exact target, since a tier needs a score strictly above.
            if let Some(raw) = input.transform.invert((needed + 1e-7).min(100.0), current) {
                if let (true, InputValue::Number(v)) = (continuous, &raw) {
                    let rounded =
                        round_outward(*v, input.field.kind(), input.transform.increasing());
                    candidates.push(InputValue::Number(rounded));
                }
                candidates.push(raw);
            }
            for candidate in candidates {
                let changed = Override {
                    base: row,
                    field: input.field,
                    value: &candidate,
                };
                let after = evaluate(model, &changed, ranks, &mut subs, &mut NoRecord);
                let Ok(new_score) = after.score else { continue };
                if value_tier(new_score, &model.model.tiers) < Some(target) {
                    continue;
                }
                let candidate_ref = match &candidate {
                    InputValue::Number(v) => InputRef::Number(*v),
                    InputValue::Text(t) => InputRef::Text(t),
                };
                let s_to = input.plan.apply(candidate_ref).unwrap_or(needed);
                let field = input.field;
                let (from, to) = (used_input.value.clone(), candidate.clone());
                let title = factor.title.clone();
                let text = Label::localized("score", "next_tier", |lang| {
                    vec![
                        ("factor", title.in_lang(lang).to_string()),
                        ("from", format_value(field, &from, lang)),
                        ("to", format_value(field, &to, lang)),
                        ("tier", target.label().in_lang(lang).to_string()),
                    ]
                });
                moves.push(Move {
                    factor: factor.key.clone(),
                    factor_title: factor.title.clone(),
                    field: field.key(),
                    from: used_input.value.clone(),
                    to: candidate,
                    sub_score_from: s_now,
                    sub_score_to: s_to,
                    score_after: new_score,
                    text,
                });
                break;
            }
        }
    }
    moves.sort_by(|a, b| {
        (a.sub_score_to - a.sub_score_from)
            .partial_cmp(&(b.sub_score_to - b.sub_score_from))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    Some(NextTier {
        tier: target.label(),
        threshold,
        gap: threshold - score,
        moves,
    })
}
