//! Scoring models as JSON documents (MODEL §2): factors that read fields, turn them into
//! sub-scores through transforms and carry weights; tier thresholds; minimum coverage.

pub mod plan;
pub mod presets;
pub mod problem;
pub mod transform;

use crate::field::{by_key, FieldId, FieldKind};
use crate::grades::tier::TierThresholds;
pub use plan::{Fault, Plan};
pub use problem::{ModelProblem, ProblemKind};
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

/// The coverage a model without `minCoverage` asks for: none, so every row with any of the
/// model's fields is scored.
pub const DEFAULT_MIN_COVERAGE: f64 = 0.0;

fn default_min_coverage() -> f64 {
    DEFAULT_MIN_COVERAGE
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
    #[serde(default = "default_min_coverage")]
    pub min_coverage: f64,
    #[serde(default)]
    pub tiers: TierThresholds,
    pub factors: Vec<Factor>,
}

/// Why a model could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum ModelError {
    /// Every problem with the document at once (JSON syntax and shape errors come alone:
    /// serde stops at the first).
    Invalid(Vec<ModelProblem>),
    /// No preset of that name: the name, and the presets' names joined.
    UnknownPreset(String, String),
}

impl ModelError {
    /// A single problem with the document as a whole.
    pub fn whole(kind: ProblemKind) -> ModelError {
        ModelError::Invalid(vec![ModelProblem::new(kind, "")])
    }

    /// The stable code: `invalid_model` or `unknown_preset`.
    pub fn code(&self) -> &'static str {
        match self {
            ModelError::Invalid(_) => "invalid_model",
            ModelError::UnknownPreset(..) => "unknown_preset",
        }
    }

    /// The problems listed (empty for an unknown preset).
    pub fn problems(&self) -> &[ModelProblem] {
        match self {
            ModelError::Invalid(p) => p,
            ModelError::UnknownPreset(..) => &[],
        }
    }

    /// The arguments the texts fill in, in one language.
    pub fn args(&self, lang: crate::texts::Lang) -> Vec<(&'static str, String)> {
        match self {
            ModelError::Invalid(problems) => {
                let separator = crate::texts::text(lang, "model_error.separator");
                let list: Vec<String> = problems.iter().map(|p| p.message(lang)).collect();
                vec![
                    ("count", problems.len().to_string()),
                    ("list", list.join(separator)),
                ]
            }
            ModelError::UnknownPreset(name, names) => {
                vec![("name", name.clone()), ("presets", names.clone())]
            }
        }
    }

    /// The error in one language.
    pub fn message(&self, lang: crate::texts::Lang) -> String {
        let args = self.args(lang);
        let pairs: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        crate::texts::fill(
            crate::texts::text(lang, &format!("model_error.{}", self.code())),
            &pairs,
        )
    }

    /// The code with its texts in every language.
    pub fn label(&self) -> crate::texts::Label {
        crate::texts::Label::localized("model_error", self.code(), |lang| self.args(lang))
    }
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::texts::Lang::En))
    }
}

impl std::error::Error for ModelError {}

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
        Model::read_json(json)?.compile()
    }

    /// Reads a model document from JSON without validating it: a syntax error, a document
    /// that is not an object (`null`, a list) or not of the model's shape is the one problem.
    pub fn read_json(json: &str) -> Result<Model, ModelError> {
        let at = |e: &serde_json::Error| (e.line(), e.column(), problem::serde_detail(e));
        let value: serde_json::Value = serde_json::from_str(json).map_err(|e| {
            let (line, column, detail) = at(&e);
            let kind = if e.is_syntax() || e.is_eof() {
                ProblemKind::JsonSyntax {
                    line,
                    column,
                    detail,
                }
            } else {
                ProblemKind::JsonShape {
                    line,
                    column,
                    detail,
                }
            };
            ModelError::whole(kind)
        })?;
        let found = match &value {
            serde_json::Value::Object(_) => None,
            serde_json::Value::Null => Some("null"),
            serde_json::Value::Bool(_) => Some("boolean"),
            serde_json::Value::Number(_) => Some("number"),
            serde_json::Value::String(_) => Some("string"),
            serde_json::Value::Array(_) => Some("array"),
        };
        if let Some(found) = found {
            return Err(ModelError::whole(ProblemKind::NotAnObject { found }));
        }
        // Read again from the text, so that a shape error says where it is.
        serde_json::from_str(json).map_err(|e| {
            let (line, column, detail) = at(&e);
            ModelError::whole(ProblemKind::JsonShape {
                line,
                column,
                detail,
            })
        })
    }

    /// The model as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Every problem with the model at once (empty when it is valid).
    pub fn problems(&self) -> Vec<ModelProblem> {
        use ProblemKind as K;
        let mut out = Vec::new();
        let mut push = |kind: ProblemKind, path: String| out.push(ModelProblem::new(kind, path));
        if self.name.trim().is_empty() {
            push(K::NameEmpty, "name".into());
        }
        if self.factors.is_empty() {
            push(K::FactorsEmpty, "factors".into());
        }
        if !(0.0..=1.0).contains(&self.min_coverage) {
            push(
                K::MinCoverageOutOfRange {
                    value: self.min_coverage,
                },
                "minCoverage".into(),
            );
        }
        let t = &self.tiers;
        let mut tiers_finite = true;
        for (tier, v) in [
            ("vip", t.vip),
            ("important", t.important),
            ("ordinary", t.ordinary),
        ] {
            if !v.is_finite() {
                tiers_finite = false;
                push(K::TierNotFinite { tier }, format!("tiers.{tier}"));
            }
        }
        if tiers_finite && !(t.ordinary < t.important && t.important < t.vip) {
            push(
                K::TiersNotRising {
                    ordinary: t.ordinary,
                    important: t.important,
                    vip: t.vip,
                },
                "tiers".into(),
            );
        }
        let mut keys = std::collections::HashSet::new();
        for (i, f) in self.factors.iter().enumerate() {
            let at = format!("factors[{i}]");
            let factor = f.key.clone();
            if f.key.trim().is_empty() {
                push(K::KeyEmpty, format!("{at}.key"));
            } else if !keys.insert(f.key.as_str()) {
                push(
                    K::KeyTwice {
                        factor: factor.clone(),
                    },
                    format!("{at}.key"),
                );
            }
            if !f.weight.is_finite() || f.weight < 0.0 {
                push(
                    K::WeightInvalid {
                        factor: factor.clone(),
                        value: f.weight,
                    },
                    format!("{at}.weight"),
                );
            }
            if f.inputs.is_empty() {
                push(
                    K::InputsEmpty {
                        factor: factor.clone(),
                    },
                    format!("{at}.inputs"),
                );
            }
            for (list, inputs) in [("inputs", &f.inputs), ("fallback", &f.fallback)] {
                for (j, input) in inputs.iter().enumerate() {
                    let at = format!("{at}.{list}[{j}]");
                    match by_key(&input.field) {
                        None => push(
                            K::UnknownField {
                                factor: factor.clone(),
                                field: input.field.clone(),
                            },
                            format!("{at}.field"),
                        ),
                        Some(field) => {
                            let wants_text = matches!(input.transform, Transform::Map { .. });
                            if is_text_kind(field.kind()) && !wants_text {
                                push(
                                    K::TextFieldNeedsMap {
                                        factor: factor.clone(),
                                        field: input.field.clone(),
                                    },
                                    format!("{at}.transform"),
                                );
                            }
                        }
                    }
                    for p in input
                        .transform
                        .problems(&format!("{at}.transform"), &factor)
                    {
                        push(p.kind, p.path);
                    }
                }
            }
        }
        if !self.factors.is_empty() && self.factors.iter().all(|f| f.weight.is_finite()) {
            // The score is 100 × Σ wᵢ·sᵢ / Σ wᵢ with sᵢ ≤ 100: both sums must stay finite.
            let total: f64 = self.factors.iter().map(|f| f.weight.max(0.0)).sum();
            if !total.is_finite() || !(total * 100.0).is_finite() {
                push(K::WeightsNotFinite, "factors".into());
            } else if total <= 0.0 {
                push(K::WeightsAllZero, "factors".into());
            }
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
    use crate::texts::Lang;

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

    /// The codes and paths of a document's problems, in order.
    fn codes(json: &str) -> Vec<(&'static str, String)> {
        match Model::from_json(json) {
            Ok(_) => Vec::new(),
            Err(e) => e
                .problems()
                .iter()
                .map(|p| (p.code(), p.path.clone()))
                .collect(),
        }
    }

    fn one_factor(weight: &str, transform: &str) -> String {
        format!(
            r#"{{"name":"x","factors":[{{"key":"a","weight":{weight},"inputs":[{{"field":"annual_purchase","transform":{transform}}}]}}]}}"#
        )
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
        let expected = [
            ("name_empty", "name"),
            ("min_coverage_out_of_range", "minCoverage"),
            ("tiers_not_rising", "tiers"),
            ("weight_invalid", "factors[0].weight"),
            ("unknown_field", "factors[0].inputs[0].field"),
            ("min_not_below_max", "factors[0].inputs[0].transform"),
            ("key_twice", "factors[1].key"),
            ("text_field_needs_map", "factors[1].inputs[0].transform"),
            ("inputs_empty", "factors[2].inputs"),
        ];
        let got = codes(json);
        let want: Vec<(&str, String)> = expected.iter().map(|(c, p)| (*c, p.to_string())).collect();
        assert_eq!(got, want);
        let Err(e) = Model::from_json(json) else {
            panic!()
        };
        assert_eq!(e.code(), "invalid_model");
        let en = e.to_string();
        assert!(en.starts_with("the model has 9 problem(s): name: "), "{en}");
        assert!(
            en.contains(
                "factors[0].inputs[0].transform: factor \"a\": min (5) must be below max (1)"
            ),
            "{en}"
        );
        let zh = e.message(Lang::ZhCn);
        assert!(zh.starts_with("模型有 9 个问题："), "{zh}");
        assert!(
            zh.contains("因子 1 › 输入 1 › 变换：因子“a”：下限（5）必须小于上限（1）"),
            "{zh}"
        );
        let label = e.problems()[3].label();
        assert_eq!(label.code, "weight_invalid");
        assert_eq!(
            label.en,
            "factors[0].weight: the weight of \"a\" must be a number ≥ 0 (found -1)"
        );
        assert_eq!(
            label.zh,
            "因子 1 › 权重：因子“a”的权重必须是不小于 0 的数（现为 -1）"
        );
    }

    #[test]
    fn empty_and_zero_weight_models_are_refused() {
        assert_eq!(
            codes(r#"{"name":"x","factors":[]}"#),
            vec![("factors_empty", "factors".to_string())]
        );
        let json = one_factor("0", r#"{"type":"log","min":1,"max":10}"#);
        assert_eq!(
            codes(&json),
            vec![("weights_all_zero", "factors".to_string())]
        );
    }

    #[test]
    fn weights_whose_sum_overflows_are_refused() {
        // Two weights of 1e308: Σw is ∞ and every score would be NaN.
        let json = r#"{"name":"x","factors":[
            {"key":"a","weight":1e308,"inputs":[{"field":"annual_purchase","transform":{"type":"log","min":1,"max":10}}]},
            {"key":"b","weight":1e308,"inputs":[{"field":"order_count","transform":{"type":"log","min":1,"max":10}}]}]}"#;
        assert_eq!(
            codes(json),
            vec![("weights_not_finite", "factors".to_string())]
        );
        // One weight of 1e307: Σw is finite but Σ w × 100 (the weighted sub-scores) is not.
        let json = one_factor("1e307", r#"{"type":"log","min":1,"max":10}"#);
        assert_eq!(
            codes(&json),
            vec![("weights_not_finite", "factors".to_string())]
        );
        // A large weight that still computes is fine.
        let json = one_factor("1e300", r#"{"type":"log","min":1,"max":10}"#);
        assert_eq!(codes(&json), vec![]);
    }

    #[test]
    fn bounds_whose_difference_or_log_is_not_finite_are_refused() {
        let at = "factors[0].inputs[0].transform".to_string();
        let json = one_factor("1", r#"{"type":"linear","min":-1e308,"max":1e308}"#);
        assert_eq!(codes(&json), vec![("span_not_finite", at.clone())]);
        let json = one_factor(
            "1",
            r#"{"type":"inverse_linear","min":-1.7e308,"max":1.7e308}"#,
        );
        assert_eq!(codes(&json), vec![("span_not_finite", at.clone())]);
        // Two neighbouring numbers near 1e300 have the same log10: no width to divide by.
        let json = one_factor(
            "1",
            r#"{"type":"log","min":1e300,"max":1.0000000000000002e300}"#,
        );
        assert_eq!(codes(&json), vec![("span_too_narrow", at.clone())]);
        let json = one_factor("1", r#"{"type":"inverse_log","min":0,"max":10}"#);
        assert_eq!(
            codes(&json),
            vec![("log_min_not_positive", format!("{at}.min"))]
        );
        // The widest usable ranges are accepted.
        let json = one_factor("1", r#"{"type":"log","min":5e-324,"max":1.7e308}"#);
        assert_eq!(codes(&json), vec![]);
        let json = one_factor("1", r#"{"type":"linear","min":-8e307,"max":8e307}"#);
        assert_eq!(codes(&json), vec![]);
    }

    #[test]
    fn map_keys_that_fold_to_one_key_are_refused_naming_both() {
        let json = r#"{"name":"x","factors":[{"key":"credit","weight":1,"inputs":[{"field":"credit_rating",
            "transform":{"type":"map","values":{"A":100,"a":90,"Ｂ":70,"b ":60,"C":40,"  ":10}}}]}]}"#;
        let Err(e) = Model::from_json(json) else {
            panic!("should be invalid")
        };
        let got: Vec<(&str, &str)> = e
            .problems()
            .iter()
            .map(|p| (p.code(), p.path.as_str()))
            .collect();
        let at = "factors[0].inputs[0].transform.values";
        assert_eq!(
            got,
            vec![
                ("map_key_empty", at),
                ("map_keys_collide", at),
                ("map_keys_collide", at),
            ]
        );
        let texts: Vec<String> = e.problems().iter().map(|p| p.to_string()).collect();
        assert!(texts[1].contains("\"A\" and \"a\""), "{texts:?}");
        assert!(
            texts[2].contains("\"b \" and \"Ｂ\"") || texts[2].contains("\"Ｂ\" and \"b \""),
            "{texts:?}"
        );
        assert!(e.problems()[1].message(Lang::ZhCn).contains("“A”与“a”"));
    }

    #[test]
    fn a_document_that_is_not_an_object_is_refused() {
        for (json, found) in [
            ("null", "null"),
            ("[]", "array"),
            ("42", "number"),
            ("\"key_account\"", "string"),
            ("true", "boolean"),
        ] {
            let Err(e) = Model::from_json(json) else {
                panic!("{json} should be refused")
            };
            assert_eq!(
                e.problems()[0].kind,
                ProblemKind::NotAnObject { found },
                "{json}"
            );
            assert_eq!(e.problems().len(), 1);
        }
        let e = Model::from_json("null").unwrap_err();
        assert_eq!(
            e.problems()[0].message(Lang::ZhCn),
            "模型文件必须是一个 JSON 对象，现为空值"
        );
        assert_eq!(
            e.to_string(),
            "the model has 1 problem(s): a model document must be a JSON object, found null"
        );
        // As text handed to a front end: `null` is a document, not a preset's name.
        let e = presets::from_text(" null ").unwrap_err();
        assert_eq!(e.problems()[0].code(), "not_an_object");
        let e = presets::from_text("gold").unwrap_err();
        assert_eq!(e.code(), "unknown_preset");
        assert!(presets::from_text("rfm").is_ok());
        let e = presets::from_text("{\"name\": ").unwrap_err();
        assert_eq!(e.problems()[0].code(), "json_syntax");
    }

    #[test]
    fn unknown_keys_and_bad_json_are_refused_with_the_place() {
        let e = Model::from_json(r#"{"name":"x","factors":[],"colour":1}"#).unwrap_err();
        let p = &e.problems()[0];
        assert_eq!(p.code(), "json_shape");
        let ProblemKind::JsonShape { line, column, .. } = p.kind else {
            panic!()
        };
        assert_eq!((line, column), (1, 33));
        assert!(p.to_string().contains("colour"), "{p}");
        assert_eq!(
            p.message(Lang::ZhCn),
            "是 JSON，但不符合模型的格式（第 1 行第 33 列附近）：未知的键“colour”"
        );

        let e = Model::from_json("{\"name\": ").unwrap_err();
        let p = &e.problems()[0];
        assert_eq!(p.code(), "json_syntax");
        assert!(
            p.to_string()
                .starts_with("not valid JSON (line 1, column 9)"),
            "{p}"
        );
        assert_eq!(
            p.message(Lang::ZhCn),
            "不是有效的 JSON（第 1 行第 9 列附近）：内容不完整，提前结束"
        );

        let e = Model::from_json("{\"name\": \"x\",\n \"factors\": [}").unwrap_err();
        let ProblemKind::JsonSyntax { line, .. } = e.problems()[0].kind else {
            panic!("{e}")
        };
        assert_eq!(line, 2);

        let e = Model::from_json(
            r#"{"name":"x","factors":[{"key":"a","weight":1,"inputs":[{"field":"order_count","transform":{"type":"cubic"}}]}]}"#,
        )
        .unwrap_err();
        let p = &e.problems()[0];
        assert_eq!(p.code(), "json_shape");
        assert!(p.to_string().contains("cubic"), "{p}");
        assert!(p.message(Lang::ZhCn).contains("未知的类型“cubic”"), "{p}");
        // A number too large for a weight is a shape problem with its place, not ∞.
        let e = Model::from_json(&one_factor("1e999", r#"{"type":"log","min":1,"max":10}"#))
            .unwrap_err();
        assert_eq!(e.problems()[0].code(), "json_syntax");
    }

    #[test]
    fn a_model_without_min_coverage_or_tiers_takes_the_defaults() {
        let compiled =
            Model::from_json(&one_factor("1", r#"{"type":"log","min":1,"max":10}"#)).unwrap();
        let m = &compiled.model;
        assert_eq!(m.min_coverage, DEFAULT_MIN_COVERAGE);
        assert_eq!(DEFAULT_MIN_COVERAGE, 0.0);
        // The spec's tiers, VIP > 80, important > 60, ordinary > 40 (MODEL §3.1).
        assert_eq!(
            (m.tiers.vip, m.tiers.important, m.tiers.ordinary),
            (80.0, 60.0, 40.0)
        );
    }

    #[test]
    fn every_problem_has_texts_in_both_languages_and_the_chinese_names_its_place() {
        let json = r#"{"name":"","minCoverage":-1,"tiers":{"vip":10,"important":60,"ordinary":40},
            "factors":[{"key":"a","weight":1,"inputs":[
                {"field":"annual_purchase","transform":{"type":"steps","steps":[{"from":3,"points":1},{"from":1,"points":2}]}},
                {"field":"order_count","transform":{"type":"steps","steps":[]}},
                {"field":"credit_rating","transform":{"type":"map","values":{}}}]}]}"#;
        let e = Model::from_json(json).unwrap_err();
        assert_eq!(e.problems().len(), 6, "{e}");
        for p in e.problems() {
            let key = format!("model_problem.{}", p.code());
            assert!(crate::texts::has(Lang::ZhCn, &key) && crate::texts::has(Lang::En, &key));
            let zh = p.message(Lang::ZhCn);
            // The factor's key `a` is the user's own and VIP the source's term; no other Latin
            // word is left.
            let words = zh
                .replace("“a”", "")
                .replace("VIP", "")
                .chars()
                .collect::<Vec<_>>()
                .windows(2)
                .any(|w| w.iter().all(|c| c.is_ascii_alphabetic()));
            assert!(!words, "{zh}");
        }
    }
}
