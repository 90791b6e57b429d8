//! Why a model document cannot be used: a stable code, its arguments, the JSON path of the
//! place, and texts in every language from the text tables (`model_problem.<code>`), as
//! [`crate::parse::ParseError`] does for cells.

use crate::row::format_number;
use crate::texts::{fill, text, Label, Lang};
use std::fmt;

/// What is wrong at one place of a model document. [`ProblemKind::code`] is stable: front
/// ends, tests and users' own scripts match on it; the texts may change.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// Not JSON at all (serde's own detail, in English, kept for the English text).
    JsonSyntax {
        line: usize,
        column: usize,
        detail: String,
    },
    /// JSON, but not of the model's shape (an unknown key, a missing one, a wrong type).
    JsonShape {
        line: usize,
        column: usize,
        detail: String,
    },
    /// The document is `null`, a list, a number, a text or true/false.
    NotAnObject {
        found: &'static str,
    },
    /// A JavaScript object that `JSON.stringify` cannot turn into JSON (a cycle, a BigInt).
    NotJsonable,
    /// Neither a preset name, a model document, nor left out.
    NotAModelInput,
    /// A JavaScript object that throws when read (a throwing getter, a revoked Proxy).
    NotReadable,
    NameEmpty,
    FactorsEmpty,
    MinCoverageOutOfRange {
        value: f64,
    },
    TierNotFinite {
        tier: &'static str,
    },
    TiersNotRising {
        ordinary: f64,
        important: f64,
        vip: f64,
    },
    KeyEmpty,
    KeyTwice {
        factor: String,
    },
    WeightInvalid {
        factor: String,
        value: f64,
    },
    InputsEmpty {
        factor: String,
    },
    UnknownField {
        factor: String,
        field: String,
    },
    TextFieldNeedsMap {
        factor: String,
        field: String,
    },
    /// A transform parameter that is NaN or ±∞.
    NotFinite {
        factor: String,
    },
    MinNotBelowMax {
        factor: String,
        min: f64,
        max: f64,
    },
    LogMinNotPositive {
        factor: String,
        min: f64,
    },
    /// `max − min` (or the difference of their logarithms) overflows: every value would get
    /// the same sub-score, or none.
    SpanNotFinite {
        factor: String,
        min: f64,
        max: f64,
    },
    /// The logarithms of `min` and `max` are the same number: the scale has no width.
    SpanTooNarrow {
        factor: String,
        min: f64,
        max: f64,
    },
    StepsEmpty {
        factor: String,
    },
    StepsNotRising {
        factor: String,
    },
    MapEmpty {
        factor: String,
    },
    /// A map key that is empty once trimmed: no cell can hold it.
    MapKeyEmpty {
        factor: String,
    },
    /// Two map keys that are one key after the folding the map applies (`a`, `Ａ`, `A`).
    MapKeysCollide {
        factor: String,
        first: String,
        second: String,
    },
    WeightsAllZero,
    /// Σ weights (or Σ weight × 100, the largest weighted sum of sub-scores) is not finite.
    WeightsNotFinite,
}

impl ProblemKind {
    /// The stable code, as `model_problem.<code>` names its texts.
    pub fn code(&self) -> &'static str {
        use ProblemKind::*;
        match self {
            JsonSyntax { .. } => "json_syntax",
            JsonShape { .. } => "json_shape",
            NotAnObject { .. } => "not_an_object",
            NotJsonable => "not_jsonable",
            NotAModelInput => "not_a_model_input",
            NotReadable => "not_readable",
            NameEmpty => "name_empty",
            FactorsEmpty => "factors_empty",
            MinCoverageOutOfRange { .. } => "min_coverage_out_of_range",
            TierNotFinite { .. } => "tier_not_finite",
            TiersNotRising { .. } => "tiers_not_rising",
            KeyEmpty => "key_empty",
            KeyTwice { .. } => "key_twice",
            WeightInvalid { .. } => "weight_invalid",
            InputsEmpty { .. } => "inputs_empty",
            UnknownField { .. } => "unknown_field",
            TextFieldNeedsMap { .. } => "text_field_needs_map",
            NotFinite { .. } => "not_finite",
            MinNotBelowMax { .. } => "min_not_below_max",
            LogMinNotPositive { .. } => "log_min_not_positive",
            SpanNotFinite { .. } => "span_not_finite",
            SpanTooNarrow { .. } => "span_too_narrow",
            StepsEmpty { .. } => "steps_empty",
            StepsNotRising { .. } => "steps_not_rising",
            MapEmpty { .. } => "map_empty",
            MapKeyEmpty { .. } => "map_key_empty",
            MapKeysCollide { .. } => "map_keys_collide",
            WeightsAllZero => "weights_all_zero",
            WeightsNotFinite => "weights_not_finite",
        }
    }
}

/// One problem with a model document: what, and where (a JSON path such as
/// `factors[2].inputs[0].transform.min`; empty for the document as a whole).
#[derive(Debug, Clone, PartialEq)]
pub struct ModelProblem {
    pub kind: ProblemKind,
    pub path: String,
}

impl ModelProblem {
    pub fn new(kind: ProblemKind, path: impl Into<String>) -> ModelProblem {
        ModelProblem {
            kind,
            path: path.into(),
        }
    }

    /// The stable code.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// The arguments the texts fill in, in one language.
    pub fn args(&self, lang: Lang) -> Vec<(&'static str, String)> {
        use ProblemKind::*;
        let n = |v: &f64| format_number(*v);
        let field = |key: &str| {
            let label = crate::texts::field_label(lang, key);
            if label.is_empty() {
                key.to_string()
            } else {
                format!("{label} ({key})")
            }
        };
        let mut out = match &self.kind {
            JsonSyntax {
                line,
                column,
                detail,
            }
            | JsonShape {
                line,
                column,
                detail,
            } => vec![
                ("line", line.to_string()),
                ("column", column.to_string()),
                ("detail", json_detail(lang, detail)),
            ],
            NotAnObject { found } => {
                vec![(
                    "found",
                    text(lang, &format!("json_type.{found}")).to_string(),
                )]
            }
            MinCoverageOutOfRange { value } => vec![("value", n(value))],
            TierNotFinite { tier } => {
                vec![("tier", text(lang, &format!("tier.{tier}")).to_string())]
            }
            TiersNotRising {
                ordinary,
                important,
                vip,
            } => vec![
                ("ordinary", n(ordinary)),
                ("important", n(important)),
                ("vip", n(vip)),
            ],
            KeyTwice { factor }
            | InputsEmpty { factor }
            | NotFinite { factor }
            | StepsEmpty { factor }
            | StepsNotRising { factor }
            | MapEmpty { factor }
            | MapKeyEmpty { factor } => vec![("factor", factor.clone())],
            WeightInvalid { factor, value } => {
                vec![("factor", factor.clone()), ("value", n(value))]
            }
            UnknownField { factor, field: f } => {
                vec![("factor", factor.clone()), ("field", f.clone())]
            }
            TextFieldNeedsMap { factor, field: f } => {
                vec![("factor", factor.clone()), ("field", field(f))]
            }
            MinNotBelowMax { factor, min, max }
            | SpanNotFinite { factor, min, max }
            | SpanTooNarrow { factor, min, max } => {
                vec![("factor", factor.clone()), ("min", n(min)), ("max", n(max))]
            }
            LogMinNotPositive { factor, min } => {
                vec![("factor", factor.clone()), ("min", n(min))]
            }
            MapKeysCollide {
                factor,
                first,
                second,
            } => vec![
                ("factor", factor.clone()),
                ("first", first.clone()),
                ("second", second.clone()),
                ("folded", crate::model::transform::map_key(first)),
            ],
            NotJsonable | NotAModelInput | NotReadable | NameEmpty | FactorsEmpty | KeyEmpty
            | WeightsAllZero | WeightsNotFinite => Vec::new(),
        };
        out.push(("path", self.path.clone()));
        out
    }

    /// The problem in one language, led by its place.
    pub fn message(&self, lang: Lang) -> String {
        let args = self.args(lang);
        let pairs: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let what = fill(
            text(lang, &format!("model_problem.{}", self.code())),
            &pairs,
        );
        if self.path.is_empty() {
            what
        } else {
            fill(
                text(lang, "model_problem_at.place"),
                &[("place", &place(lang, &self.path)), ("problem", &what)],
            )
        }
    }

    /// The code with its texts in every language.
    pub fn label(&self) -> Label {
        Label {
            code: self.code().to_string(),
            zh: self.message(Lang::ZhCn),
            en: self.message(Lang::En),
        }
    }
}

impl fmt::Display for ModelProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// A JSON path for people: English keeps the path as it is; other languages name its
/// parts (`factors[2].inputs[0].transform.min` → 第 3 个因子 › 输入 1 › 变换 › 下限).
pub fn place(lang: Lang, path: &str) -> String {
    if lang == Lang::En {
        return path.to_string();
    }
    let mut parts = Vec::new();
    for segment in path.split('.') {
        let (name, index) = match segment.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (segment, None),
        };
        let key = format!("model_path.{name}");
        if !crate::texts::has(lang, &key) {
            // A map key or another name of the user's own: shown as written.
            parts.push(segment.to_string());
            continue;
        }
        let label = text(lang, &key);
        parts.push(match index {
            Some(i) => fill(
                text(lang, "model_path.indexed"),
                &[("name", label), ("number", &(i + 1).to_string())],
            ),
            None => label.to_string(),
        });
    }
    parts.join(" › ")
}

/// serde's detail in one language: English keeps it; others name the common cases.
fn json_detail(lang: Lang, detail: &str) -> String {
    if lang == Lang::En {
        return detail.to_string();
    }
    // serde_json writes names between backticks: unknown field `colour`, expected …
    let quoted = || {
        detail
            .split('`')
            .nth(1)
            .map(str::to_string)
            .unwrap_or_default()
    };
    let (code, name) = if detail.starts_with("unknown field") {
        ("unknown_key", quoted())
    } else if detail.starts_with("missing field") {
        ("missing_key", quoted())
    } else if detail.starts_with("duplicate field") {
        ("duplicate_key", quoted())
    } else if detail.starts_with("unknown variant") {
        ("unknown_type", quoted())
    } else if detail.starts_with("invalid type") {
        ("wrong_type", String::new())
    } else if detail.starts_with("invalid length") {
        ("wrong_length", String::new())
    } else if detail.starts_with("number out of range") {
        ("number_out_of_range", String::new())
    } else if detail.starts_with("EOF") {
        ("eof", String::new())
    } else if detail.starts_with("trailing") {
        ("trailing", String::new())
    } else if detail.starts_with("key must be a string") {
        ("key_not_text", String::new())
    } else if detail.starts_with("expected value") || detail.starts_with("expected ident") {
        ("expected_value", String::new())
    } else if detail.starts_with("expected `,` or `}`") {
        ("expected_comma_or_brace", String::new())
    } else if detail.starts_with("expected `,` or `]`") {
        ("expected_comma_or_bracket", String::new())
    } else if detail.starts_with("expected `:`") {
        ("expected_colon", String::new())
    } else {
        ("other", String::new())
    };
    fill(
        text(lang, &format!("json_detail.{code}")),
        &[("name", &name)],
    )
}

/// serde's message without its " at line L column C" tail (the texts place it themselves).
pub(crate) fn serde_detail(e: &serde_json::Error) -> String {
    let message = e.to_string();
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message,
    }
}
