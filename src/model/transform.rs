//! Transforms: how one input becomes a sub-score 0–100, and back (for "what moves it up").

use super::problem::{ModelProblem, ProblemKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One threshold of a `steps` transform: values at or above `from` earn `points`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub from: f64,
    pub points: f64,
}

/// How an input value becomes a sub-score 0–100.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Transform {
    /// `min` → 0, `max` → 100, straight line between, clamped.
    Linear { min: f64, max: f64 },
    /// As linear on the logarithm: for money, where orders of magnitude matter.
    Log { min: f64, max: f64 },
    /// Less is better: `min` → 100, `max` → 0.
    InverseLinear { min: f64, max: f64 },
    /// Less is better, on the logarithm.
    InverseLog { min: f64, max: f64 },
    /// A points table, as CRM point rules are written: the last step whose `from` the value
    /// reaches gives the points; below the first step, `below` (default 0).
    Steps {
        steps: Vec<Step>,
        #[serde(default)]
        below: f64,
    },
    /// Categories to points (`A` → 100, `B` → 70 …); matched ignoring case and width.
    Map { values: BTreeMap<String, f64> },
    /// A rating on a scale, 1–5 by default: `min` → 0, `max` → 100.
    Rating {
        #[serde(default = "rating_min")]
        min: f64,
        #[serde(default = "rating_max")]
        max: f64,
    },
    /// Rank within the list (batch only): the lowest value → 0, the highest → 100.
    Percentile {
        #[serde(default)]
        inverse: bool,
    },
}

fn rating_min() -> f64 {
    1.0
}
fn rating_max() -> f64 {
    5.0
}

/// An input as the transform sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum InputRef<'a> {
    Number(f64),
    Text(&'a str),
}

/// Why an input present in the row still gave no sub-score.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum InputProblem {
    #[error("\"{0}\" is not one of the model's categories")]
    NotInMap(String),
    #[error("a number was expected, found \"{0}\"")]
    TextForNumber(String),
    #[error("the log scale needs a value above 0, found {0}")]
    NotPositive(f64),
    #[error("the percentile transform ranks within a list; score the whole list")]
    NeedsList,
}

fn clamp100(x: f64) -> f64 {
    x.clamp(0.0, 100.0)
}

/// Map keys are compared after folding case and width, so `a`, `Ａ` and `A` are one key.
pub fn map_key(text: &str) -> String {
    crate::parse::normalize_width(text).trim().to_uppercase()
}

fn number_of(input: InputRef<'_>) -> Result<f64, InputProblem> {
    match input {
        InputRef::Number(v) => Ok(v),
        InputRef::Text(t) => Err(InputProblem::TextForNumber(t.chars().take(50).collect())),
    }
}

/// A number as a map key: `4` not `4.0`.
fn number_key(v: f64) -> String {
    crate::row::format_number(v)
}

impl Transform {
    /// The sub-score 0–100 of one input value.
    pub fn apply(&self, input: InputRef<'_>) -> Result<f64, InputProblem> {
        match self {
            Transform::Linear { min, max } => {
                let v = number_of(input)?;
                Ok(clamp100(100.0 * (v - min) / (max - min)))
            }
            Transform::InverseLinear { min, max } => {
                let v = number_of(input)?;
                Ok(clamp100(100.0 * (max - v) / (max - min)))
            }
            Transform::Log { min, max } => {
                let v = number_of(input)?;
                if v <= 0.0 {
                    return Ok(0.0);
                }
                let (lo, hi) = (libm::log10(*min), libm::log10(*max));
                Ok(clamp100(100.0 * (libm::log10(v) - lo) / (hi - lo)))
            }
            Transform::InverseLog { min, max } => {
                let v = number_of(input)?;
                if v <= 0.0 {
                    return Ok(100.0);
                }
                let (lo, hi) = (libm::log10(*min), libm::log10(*max));
                Ok(clamp100(100.0 * (hi - libm::log10(v)) / (hi - lo)))
            }
            Transform::Steps { steps, below } => {
                let v = number_of(input)?;
                let points = steps
                    .iter()
                    .take_while(|s| v >= s.from)
                    .last()
                    .map_or(*below, |s| s.points);
                Ok(clamp100(points))
            }
            Transform::Map { values } => {
                let key = match input {
                    InputRef::Number(v) => number_key(v),
                    InputRef::Text(t) => map_key(t),
                };
                values
                    .iter()
                    .find(|(k, _)| map_key(k) == key)
                    .map(|(_, p)| clamp100(*p))
                    .ok_or(InputProblem::NotInMap(key.chars().take(50).collect()))
            }
            Transform::Rating { min, max } => {
                let v = number_of(input)?;
                Ok(clamp100(100.0 * (v - min) / (max - min)))
            }
            Transform::Percentile { .. } => Err(InputProblem::NeedsList),
        }
    }

    /// Whether more of the input gives more points (used to round "what moves it up" the
    /// right way). Maps and steps tables may go either way.
    pub fn increasing(&self) -> bool {
        match self {
            Transform::InverseLinear { .. } | Transform::InverseLog { .. } => false,
            Transform::Steps { steps, .. } => {
                steps.first().map(|s| s.points) <= steps.last().map(|s| s.points)
            }
            Transform::Percentile { inverse } => !inverse,
            _ => true,
        }
    }

    /// The input value that gives at least `target` points, with the smallest change from
    /// `current`; `None` if no value reaches it.
    pub fn invert(&self, target: f64, current: InputRef<'_>) -> Option<InputValue> {
        if target > 100.0 {
            return None;
        }
        let t = target.max(0.0);
        match self {
            Transform::Linear { min, max } | Transform::Rating { min, max } => {
                Some(InputValue::Number(min + t / 100.0 * (max - min)))
            }
            Transform::InverseLinear { min, max } => {
                Some(InputValue::Number(max - t / 100.0 * (max - min)))
            }
            Transform::Log { min, max } => {
                let (lo, hi) = (libm::log10(*min), libm::log10(*max));
                Some(InputValue::Number(libm::pow(
                    10.0,
                    lo + t / 100.0 * (hi - lo),
                )))
            }
            Transform::InverseLog { min, max } => {
                let (lo, hi) = (libm::log10(*min), libm::log10(*max));
                Some(InputValue::Number(libm::pow(
                    10.0,
                    hi - t / 100.0 * (hi - lo),
                )))
            }
            Transform::Steps { steps, .. } => {
                let now = match current {
                    InputRef::Number(v) => v,
                    InputRef::Text(_) => return None,
                };
                // The reachable step nearest to the current value.
                steps
                    .iter()
                    .filter(|s| s.points >= t)
                    .map(|s| s.from)
                    .min_by(|a, b| {
                        (a - now)
                            .abs()
                            .partial_cmp(&(b - now).abs())
                            .unwrap_or(std::cmp::Ordering::Equal)
                    })
                    .map(InputValue::Number)
            }
            Transform::Map { values } => {
                // Among the categories that reach the target, the lowest-scoring one; ties go
                // to a key written like the current value (a letter for a letter grade).
                let class = |s: &str| {
                    s.chars().next().map_or(0, |c| {
                        if c.is_ascii_digit() {
                            1
                        } else if c.is_ascii_alphabetic() {
                            2
                        } else {
                            3
                        }
                    })
                };
                let current_class = match current {
                    InputRef::Number(_) => 1,
                    InputRef::Text(s) => class(&map_key(s)),
                };
                values
                    .iter()
                    .filter(|(_, p)| **p >= t)
                    .min_by(|a, b| {
                        a.1.partial_cmp(b.1)
                            .unwrap_or(std::cmp::Ordering::Equal)
                            .then_with(|| {
                                (class(a.0) != current_class).cmp(&(class(b.0) != current_class))
                            })
                    })
                    .map(|(k, _)| InputValue::Text(k.clone()))
            }
            Transform::Percentile { .. } => None,
        }
    }

    /// Problems with the transform's parameters; `at` is the transform's JSON path and
    /// `factor` the key of the factor it belongs to.
    pub fn problems(&self, at: &str, factor: &str) -> Vec<ModelProblem> {
        use ProblemKind as K;
        let mut out = Vec::new();
        let f = || factor.to_string();
        let finite = |name: &str, v: f64, out: &mut Vec<ModelProblem>| {
            let ok = v.is_finite();
            if !ok {
                out.push(ModelProblem::new(
                    K::NotFinite { factor: f() },
                    format!("{at}.{name}"),
                ));
            }
            ok
        };
        match self {
            Transform::Linear { min, max }
            | Transform::InverseLinear { min, max }
            | Transform::Rating { min, max }
            | Transform::Log { min, max }
            | Transform::InverseLog { min, max } => {
                let ok = finite("min", *min, &mut out) & finite("max", *max, &mut out);
                let log = matches!(self, Transform::Log { .. } | Transform::InverseLog { .. });
                let (min, max) = (*min, *max);
                if log && min <= 0.0 {
                    out.push(ModelProblem::new(
                        K::LogMinNotPositive { factor: f(), min },
                        format!("{at}.min"),
                    ));
                }
                if ok && min >= max {
                    out.push(ModelProblem::new(
                        K::MinNotBelowMax {
                            factor: f(),
                            min,
                            max,
                        },
                        at.to_string(),
                    ));
                } else if ok && (!log || min > 0.0) {
                    // The width the transform divides by, as `apply` computes it.
                    let span = if log {
                        libm::log10(max) - libm::log10(min)
                    } else {
                        max - min
                    };
                    if !span.is_finite() {
                        out.push(ModelProblem::new(
                            K::SpanNotFinite {
                                factor: f(),
                                min,
                                max,
                            },
                            at.to_string(),
                        ));
                    } else if span <= 0.0 {
                        out.push(ModelProblem::new(
                            K::SpanTooNarrow {
                                factor: f(),
                                min,
                                max,
                            },
                            at.to_string(),
                        ));
                    }
                }
            }
            Transform::Steps { steps, below } => {
                finite("below", *below, &mut out);
                if steps.is_empty() {
                    out.push(ModelProblem::new(
                        K::StepsEmpty { factor: f() },
                        format!("{at}.steps"),
                    ));
                }
                for (i, s) in steps.iter().enumerate() {
                    finite(&format!("steps[{i}].from"), s.from, &mut out);
                    finite(&format!("steps[{i}].points"), s.points, &mut out);
                }
                if steps.windows(2).any(|w| w[0].from >= w[1].from) {
                    out.push(ModelProblem::new(
                        K::StepsNotRising { factor: f() },
                        format!("{at}.steps"),
                    ));
                }
            }
            Transform::Map { values } => {
                if values.is_empty() {
                    out.push(ModelProblem::new(
                        K::MapEmpty { factor: f() },
                        format!("{at}.values"),
                    ));
                }
                // Keys that fold to the same text: `apply` would find only the first.
                let mut folded: BTreeMap<String, &str> = BTreeMap::new();
                for (k, v) in values {
                    finite(&format!("values.{k}"), *v, &mut out);
                    let key = map_key(k);
                    if key.is_empty() {
                        out.push(ModelProblem::new(
                            K::MapKeyEmpty { factor: f() },
                            format!("{at}.values"),
                        ));
                    } else if let Some(first) = folded.get(&key) {
                        out.push(ModelProblem::new(
                            K::MapKeysCollide {
                                factor: f(),
                                first: first.to_string(),
                                second: k.clone(),
                            },
                            format!("{at}.values"),
                        ));
                    } else {
                        folded.insert(key, k);
                    }
                }
            }
            Transform::Percentile { .. } => {}
        }
        out
    }
}

/// A value in a field's own units (a number, or a category for maps).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum InputValue {
    Number(f64),
    Text(String),
}

#[cfg(test)]
mod tests {
    use super::*;
    use InputRef::Number as N;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn linear_and_inverse() {
        let t = Transform::Linear { min: 0.0, max: 0.4 };
        assert!(close(t.apply(N(0.2)).unwrap(), 50.0));
        assert_eq!(t.apply(N(-1.0)).unwrap(), 0.0);
        assert_eq!(t.apply(N(9.0)).unwrap(), 100.0);
        let t = Transform::InverseLinear {
            min: 30.0,
            max: 180.0,
        };
        assert_eq!(t.apply(N(30.0)).unwrap(), 100.0);
        assert!(close(t.apply(N(105.0)).unwrap(), 50.0));
        assert_eq!(t.apply(N(365.0)).unwrap(), 0.0);
        assert!(!t.increasing());
    }

    #[test]
    fn log_scale_counts_orders_of_magnitude() {
        let t = Transform::Log { min: 1e4, max: 1e8 };
        assert!(close(t.apply(N(1e6)).unwrap(), 50.0));
        assert!(close(t.apply(N(1e5)).unwrap(), 25.0));
        assert_eq!(t.apply(N(0.0)).unwrap(), 0.0);
        assert_eq!(t.apply(N(1e9)).unwrap(), 100.0);
        let t = Transform::InverseLog {
            min: 1.0,
            max: 100.0,
        };
        assert!(close(t.apply(N(10.0)).unwrap(), 50.0));
    }

    #[test]
    fn steps_table() {
        let t = Transform::Steps {
            steps: vec![
                Step {
                    from: 0.0,
                    points: 100.0,
                },
                Step {
                    from: 1.0,
                    points: 80.0,
                },
                Step {
                    from: 3.0,
                    points: 50.0,
                },
                Step {
                    from: 6.0,
                    points: 0.0,
                },
            ],
            below: 0.0,
        };
        assert_eq!(t.apply(N(0.0)).unwrap(), 100.0);
        assert_eq!(t.apply(N(2.0)).unwrap(), 80.0);
        assert_eq!(t.apply(N(3.0)).unwrap(), 50.0);
        assert_eq!(t.apply(N(10.0)).unwrap(), 0.0);
        assert_eq!(t.apply(N(-1.0)).unwrap(), 0.0);
        assert!(!t.increasing());
        assert_eq!(t.invert(80.0, N(4.0)), Some(InputValue::Number(1.0)));
    }

    #[test]
    fn map_folds_case_and_width() {
        let t = Transform::Map {
            values: [
                ("A".to_string(), 100.0),
                ("优".to_string(), 100.0),
                ("B".to_string(), 70.0),
                ("5".to_string(), 100.0),
            ]
            .into_iter()
            .collect(),
        };
        assert_eq!(t.apply(InputRef::Text("a")).unwrap(), 100.0);
        assert_eq!(t.apply(InputRef::Text("Ｂ")).unwrap(), 70.0);
        assert_eq!(t.apply(InputRef::Text("优")).unwrap(), 100.0);
        assert_eq!(t.apply(N(5.0)).unwrap(), 100.0);
        assert!(matches!(
            t.apply(InputRef::Text("Z")),
            Err(InputProblem::NotInMap(_))
        ));
        assert_eq!(
            t.invert(80.0, InputRef::Text("B")),
            Some(InputValue::Text("A".into()))
        );
        assert_eq!(t.invert(80.0, N(3.0)), Some(InputValue::Text("5".into())));
        assert_eq!(t.invert(101.0, InputRef::Text("B")), None);
    }

    #[test]
    fn rating_scale() {
        let t = Transform::Rating { min: 1.0, max: 5.0 };
        assert_eq!(t.apply(N(1.0)).unwrap(), 0.0);
        assert_eq!(t.apply(N(3.0)).unwrap(), 50.0);
        assert_eq!(t.apply(N(5.0)).unwrap(), 100.0);
    }

    #[test]
    fn invert_round_trips() {
        let ts = [
            Transform::Linear { min: 0.0, max: 0.4 },
            Transform::Log { min: 1e4, max: 1e8 },
            Transform::InverseLinear {
                min: 30.0,
                max: 180.0,
            },
            Transform::InverseLog {
                min: 1.0,
                max: 100.0,
            },
            Transform::Rating { min: 1.0, max: 5.0 },
        ];
        for t in ts {
            for target in [0.0, 12.5, 50.0, 99.0] {
                let Some(InputValue::Number(v)) = t.invert(target, N(0.0)) else {
                    panic!()
                };
                assert!(close(t.apply(N(v)).unwrap(), target), "{t:?} {target}");
            }
            assert_eq!(t.invert(100.5, N(0.0)), None);
        }
    }

    #[test]
    fn text_in_a_numeric_transform_is_a_problem() {
        let t = Transform::Linear { min: 0.0, max: 1.0 };
        assert!(matches!(
            t.apply(InputRef::Text("x")),
            Err(InputProblem::TextForNumber(_))
        ));
        assert_eq!(
            Transform::Percentile { inverse: false }.apply(N(1.0)),
            Err(InputProblem::NeedsList)
        );
    }

    #[test]
    fn parameter_problems() {
        assert_eq!(
            Transform::Linear { min: 1.0, max: 1.0 }
                .problems("f", "k")
                .len(),
            1
        );
        assert_eq!(
            Transform::Log {
                min: 0.0,
                max: 10.0
            }
            .problems("f", "k")
            .len(),
            1
        );
        assert_eq!(
            Transform::Steps {
                steps: vec![],
                below: 0.0
            }
            .problems("f", "k")
            .len(),
            1
        );
        let unordered = Transform::Steps {
            steps: vec![
                Step {
                    from: 3.0,
                    points: 1.0,
                },
                Step {
                    from: 1.0,
                    points: 2.0,
                },
            ],
            below: 0.0,
        };
        assert_eq!(unordered.problems("f", "k").len(), 1);
        assert_eq!(
            Transform::Linear {
                min: f64::NAN,
                max: 1.0
            }
            .problems("f", "k")
            .len(),
            1
        );
    }
}
