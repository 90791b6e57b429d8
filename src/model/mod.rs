//! Scoring models as JSON documents (MODEL §2): factors that read fields, turn them into
//! sub-scores through transforms and carry weights; tier thresholds; minimum coverage.

pub mod plan;
pub mod presets;
pub mod transform;

use crate::field::{by_key, FieldId, FieldKind};
use crate::grades::tier::TierThresholds;
pub use plan::{Fault, Plan};
use serde::{Deserialize, Serialize};
pub use transform::{InputProblem, InputRef, InputValue, Step, Transform};

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Title {
    #[serde(default)]
    pub zh: String,
    #[serde(default)]
    pub en: String,
}

impl Title {
    /// The text in one language, or the other language's when it is empty.
    pub fn in_lang(&self, lang: crate::texts::Lang) -> &str {
        let (first, second) = match lang {
            crate::texts::Lang::ZhCn => (&self.zh, &self.en),
            crate::texts::Lang::En => (&self.en, &self.zh),
        };
        if first.is_empty() {
            second
        } else {
            first
        }
    }
}

/// One field read by a factor, and how it becomes a sub-score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    pub field: String,
    pub transform: Transform,
}

/// A factor: the mean sub-score of its present `inputs`, or of its `fallback` inputs when
/// none of those is present (credit rating, else overdue ratio and days to pay).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Factor {
    pub key: String,
    #[serde(default)]
    pub title: Title,
    pub weight: f64,
    pub inputs: Vec<Input>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fallback: Vec<Input>,
}

/// A scoring model document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Model {
    pub name: String,
    #[serde(default)]
    pub title: Title,
    #[serde(default)]
    pub description: Title,
    /// Below this share of the total weight present, the score is null with a reason.
    #[serde(default)]
    pub min_coverage: f64,
    #[serde(default)]
    pub tiers: TierThresholds,
    pub factors: Vec<Factor>,
}

/// Why a model could not be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ModelError {
    #[error("the model is not valid JSON of the model's shape: {0}")]
    Json(String),
    #[error("the model has {} problem(s): {}", .0.len(), .0.join("; "))]
    Invalid(Vec<String>),
    #[error("no preset named \"{0}\" (presets: {1})")]
    UnknownPreset(String, String),
}

/// An input resolved to its field.
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledInput {
    pub field: FieldId,
    pub transform: Transform,
    /// The transform with its constants computed (what the kernel runs).
    pub plan: Plan,
    /// The input's place among all the model's inputs (factor by factor, inputs then
    /// fallback): sources that score an input ahead (a categorical column) index by it.
    pub slot: usize,
}

/// A factor resolved to fields.
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledFactor {
    pub key: String,
    pub title: Title,
    pub weight: f64,
    pub inputs: Vec<CompiledInput>,
    pub fallback: Vec<CompiledInput>,
}

/// A validated model, ready to score: fields resolved, weights checked.
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledModel {
    pub model: Model,
    pub factors: Vec<CompiledFactor>,
    pub total_weight: f64,
    /// How many inputs the factors have in all (the slots of [`CompiledInput::slot`]).
    pub input_slots: usize,
}

fn is_text_kind(kind: FieldKind) -> bool {
    matches!(kind, FieldKind::Category | FieldKind::Text)
}

impl Model {
    /// Reads a model from JSON and validates it.
    pub fn from_json(json: &str) -> Result<CompiledModel, ModelError> {
        let model: Model =
            serde_json::from_str(json).map_err(|e| ModelError::Json(e.to_string()))?;
        model.compile()
    }

    /// The model as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Every problem with the model at once (empty when it is valid).
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.name.trim().is_empty() {
            out.push("name must not be empty".to_string());
        }
        if self.factors.is_empty() {
            out.push("factors must not be empty".to_string());
        }
        if !(0.0..=1.0).contains(&self.min_coverage) {
            out.push(format!(
                "minCoverage must lie within 0–1 (found {})",
                self.min_coverage
            ));
        }
        out.extend(self.tiers.problems());
        let mut keys = std::collections::HashSet::new();
        for (i, f) in self.factors.iter().enumerate() {
            let at = format!("factors[{i}] ({})", f.key);
            if f.key.trim().is_empty() {
                out.push(format!("factors[{i}]: key must not be empty"));
            } else if !keys.insert(f.key.as_str()) {
                out.push(format!("{at}: key is used twice"));
            }
            if !f.weight.is_finite() || f.weight < 0.0 {
                out.push(format!(
                    "{at}: weight must be a number ≥ 0 (found {})",
                    f.weight
                ));
            }
            if f.inputs.is_empty() {
                out.push(format!("{at}: inputs must not be empty"));
            }
            for (list, inputs) in [("inputs", &f.inputs), ("fallback", &f.fallback)] {
                for (j, input) in inputs.iter().enumerate() {
                    let at = format!("{at}.{list}[{j}]");
                    match by_key(&input.field) {
                        None => out.push(format!("{at}: unknown field \"{}\"", input.field)),
                        Some(field) => {
                            let wants_text = matches!(input.transform, Transform::Map { .. });
                            if is_text_kind(field.kind()) && !wants_text {
                                out.push(format!(
                                    "{at}: field \"{}\" holds text; use a map transform",
                                    input.field
                                ));
                            }
                        }
                    }
                    out.extend(input.transform.problems(&format!("{at}.transform")));
                }
            }
        }
        let total: f64 = self.factors.iter().map(|f| f.weight).sum();
        if !self.factors.is_empty() && total.is_finite() && total <= 0.0 {
            out.push("the weights must not all be 0".to_string());
        }
        out
    }

    /// Validates the model and resolves its fields.
    pub fn compile(self) -> Result<CompiledModel, ModelError> {
        let problems = self.problems();
        if !problems.is_empty() {
            return Err(ModelError::Invalid(problems));
        }
        let mut slots = 0..;
        let mut resolve = |inputs: &[Input]| -> Vec<CompiledInput> {
            inputs
                .iter()
                .filter_map(|i| {
                    by_key(&i.field).map(|field| CompiledInput {
                        field,
                        transform: i.transform.clone(),
                        plan: Plan::new(&i.transform),
                        slot: slots.next().unwrap_or(0),
                    })
                })
                .collect()
        };
        let factors: Vec<CompiledFactor> = self
            .factors
            .iter()
            .map(|f| CompiledFactor {
                key: f.key.clone(),
                title: f.title.clone(),
                weight: f.weight,
                inputs: resolve(&f.inputs),
                fallback: resolve(&f.fallback),
            })
            .collect();
        let total_weight = factors.iter().map(|f| f.weight).sum();
        let input_slots = factors
            .iter()
            .map(|f| f.inputs.len() + f.fallback.len())
            .sum();
        Ok(CompiledModel {
            model: self,
            factors,
            total_weight,
            input_slots,
        })
    }
}

impl CompiledModel {
    /// Whether any input ranks within the list (so per-row scoring cannot give it).
    pub fn needs_list(&self) -> bool {
        self.factors.iter().any(|f| {
            f.inputs
                .iter()
                .chain(&f.fallback)
                .any(|i| matches!(i.transform, Transform::Percentile { .. }))
        })
    }

    /// Every field the model reads.
    pub fn fields(&self) -> Vec<FieldId> {
        let mut out: Vec<FieldId> = self
            .factors
            .iter()
            .flat_map(|f| f.inputs.iter().chain(&f.fallback).map(|i| i.field))
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"{
        "name": "small",
        "factors": [
            {"key": "amount", "weight": 2,
             "inputs": [{"field": "annual_purchase", "transform": {"type": "log", "min": 10000, "max": 100000000}}]},
            {"key": "credit", "weight": 1,
             "inputs": [{"field": "credit_rating", "transform": {"type": "map", "values": {"A": 100, "B": 60}}}],
             "fallback": [{"field": "avg_payment_days", "transform": {"type": "inverse_linear", "min": 30, "max": 180}}]}
        ]
    }"#;

    #[test]
    fn reads_and_compiles_a_model() {
        let m = Model::from_json(SMALL).unwrap();
        assert_eq!(m.factors.len(), 2);
        assert_eq!(m.total_weight, 3.0);
        assert_eq!(m.factors[1].fallback[0].field.key(), "avg_payment_days");
        assert_eq!(m.model.tiers, TierThresholds::default());
        // Round trip through JSON.
        let again = Model::from_json(&m.model.to_json()).unwrap();
        assert_eq!(again.model, m.model);
    }

    #[test]
    fn every_problem_is_listed_at_once() {
        let json = r#"{
            "name": "",
            "minCoverage": 2,
            "tiers": {"vip": 50, "important": 60, "ordinary": 40},
            "factors": [
                {"key": "a", "weight": -1, "inputs": [{"field": "nope", "transform": {"type": "linear", "min": 5, "max": 1}}]},
                {"key": "a", "weight": 1, "inputs": [{"field": "industry", "transform": {"type": "linear", "min": 0, "max": 1}}]},
                {"key": "c", "weight": 1, "inputs": []}
            ]
        }"#;
        let Err(ModelError::Invalid(problems)) = Model::from_json(json) else {
            panic!("should be invalid")
        };
        let all = problems.join("\n");
        for expected in [
            "name must not be empty",
            "minCoverage",
            "tiers must rise",
            "weight must be a number ≥ 0",
            "unknown field \"nope\"",
            "min (5) must be below max (1)",
            "key is used twice",
            "holds text; use a map transform",
            "inputs must not be empty",
        ] {
            assert!(all.contains(expected), "missing {expected:?} in\n{all}");
        }
        assert_eq!(problems.len(), 9, "{all}");
    }

    #[test]
    fn empty_and_zero_weight_models_are_refused() {
        let Err(ModelError::Invalid(p)) = Model::from_json(r#"{"name":"x","factors":[]}"#) else {
            panic!()
        };
        assert_eq!(p, vec!["factors must not be empty"]);
        let json = r#"{"name":"x","factors":[{"key":"a","weight":0,"inputs":[{"field":"order_count","transform":{"type":"linear","min":0,"max":1}}]}]}"#;
        let Err(ModelError::Invalid(p)) = Model::from_json(json) else {
            panic!()
        };
        assert_eq!(p, vec!["the weights must not all be 0"]);
    }

    #[test]
    fn unknown_keys_and_bad_json_are_refused_with_the_place() {
        let Err(ModelError::Json(msg)) =
            Model::from_json(r#"{"name":"x","factors":[],"colour":1}"#)
        else {
            panic!()
        };
        assert!(msg.contains("colour"), "{msg}");
        let Err(ModelError::Json(msg)) = Model::from_json("{\"name\": ") else {
            panic!()
        };
        assert!(msg.contains("line 1"), "{msg}");
        let Err(ModelError::Json(msg)) = Model::from_json(
            r#"{"name":"x","factors":[{"key":"a","weight":1,"inputs":[{"field":"order_count","transform":{"type":"cubic"}}]}]}"#,
        ) else {
            panic!()
        };
        assert!(msg.contains("cubic"), "{msg}");
    }
}
