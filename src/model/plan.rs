//! Transforms as the kernel runs them: what can be worked out once per model is worked out
//! when the model is compiled (the logarithms of a scale's bounds, a map's keys folded into a
//! hash map, a steps table as two arrays), so that scoring a row allocates nothing.
//!
//! Every plan gives the bits [`Transform::apply`] gives: the same operations in the same
//! order, only with the constant parts computed ahead.

use super::transform::{map_key, InputProblem, InputRef, Transform};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: map keys are a few bytes, where SipHash's set-up costs more than the hashing.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Folded map keys → points (already clamped to 0–100).
pub type KeyMap = HashMap<Box<str>, f64, BuildHasherDefault<Fnv>>;

/// A transform with its constants computed.
#[derive(Debug, Clone, PartialEq)]
pub enum Plan {
    /// `100 (v − min) / span` (linear and rating scales).
    Linear {
        min: f64,
        span: f64,
    },
    /// `100 (max − v) / span`.
    InverseLinear {
        max: f64,
        span: f64,
    },
    /// `100 (log₁₀ v − lo) / span`, 0 for v ≤ 0.
    Log {
        lo: f64,
        span: f64,
    },
    /// `100 (hi − log₁₀ v) / span`, 100 for v ≤ 0.
    InverseLog {
        hi: f64,
        span: f64,
    },
    /// Thresholds and their points (clamped), rising; `below` before the first.
    Steps {
        from: Box<[f64]>,
        points: Box<[f64]>,
        below: f64,
    },
    Map {
        points: KeyMap,
    },
    Percentile {
        inverse: bool,
    },
}

/// Why a present value gave no sub-score, without its text (built only for a breakdown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    TextForNumber,
    NotInMap,
    NeedsList,
}

impl Fault {
    /// The problem with its value, as [`Transform::apply`] reports it.
    pub fn problem(self, value: InputRef<'_>) -> InputProblem {
        match (self, value) {
            (Fault::TextForNumber, InputRef::Text(t)) => {
                InputProblem::TextForNumber(t.chars().take(50).collect())
            }
            (Fault::NotInMap, value) => {
                let key = match value {
                    InputRef::Number(v) => crate::row::format_number(v),
                    InputRef::Text(t) => map_key(t),
                };
                InputProblem::NotInMap(key.chars().take(50).collect())
            }
            _ => InputProblem::NeedsList,
        }
    }
}

fn clamp100(x: f64) -> f64 {
    x.clamp(0.0, 100.0)
}

/// A map key folded as [`map_key`] folds it; without allocating when the trimmed text is
/// ASCII (trimming before or after the width fold gives the same text: the fold maps no
/// space to a non-space nor the reverse).
fn lookup(points: &KeyMap, text: &str) -> Option<f64> {
    let t = text.trim();
    if t.is_ascii() && t.len() <= 64 {
        let mut buf = [0u8; 64];
        let b = &mut buf[..t.len()];
        b.copy_from_slice(t.as_bytes());
        b.make_ascii_uppercase();
        if let Ok(key) = std::str::from_utf8(b) {
            return points.get(key).copied();
        }
    }
    points.get(map_key(text).as_str()).copied()
}

impl Plan {
    /// The plan of a transform.
    pub fn new(transform: &Transform) -> Plan {
        match transform {
            Transform::Linear { min, max } | Transform::Rating { min, max } => Plan::Linear {
                min: *min,
                span: max - min,
            },
            Transform::InverseLinear { min, max } => Plan::InverseLinear {
                max: *max,
                span: max - min,
            },
            Transform::Log { min, max } => {
                let (lo, hi) = (libm::log10(*min), libm::log10(*max));
                Plan::Log { lo, span: hi - lo }
            }
            Transform::InverseLog { min, max } => {
                let (lo, hi) = (libm::log10(*min), libm::log10(*max));
                Plan::InverseLog { hi, span: hi - lo }
            }
            Transform::Steps { steps, below } => Plan::Steps {
                from: steps.iter().map(|s| s.from).collect(),
                points: steps.iter().map(|s| clamp100(s.points)).collect(),
                below: clamp100(*below),
            },
            Transform::Map { values } => {
                // In the document's (sorted) order: the first key of a fold wins, as in
                // `Transform::apply`'s search.
                let mut points = KeyMap::default();
                for (k, p) in values {
                    points
                        .entry(map_key(k).into_boxed_str())
                        .or_insert(clamp100(*p));
                }
                Plan::Map { points }
            }
            Transform::Percentile { inverse } => Plan::Percentile { inverse: *inverse },
        }
    }

    /// The sub-score 0–100 of one value (a percentile needs the list: see the kernel).
    #[inline(always)]
    pub fn apply(&self, input: InputRef<'_>) -> Result<f64, Fault> {
        let number = |input: InputRef<'_>| match input {
            InputRef::Number(v) => Ok(v),
            InputRef::Text(_) => Err(Fault::TextForNumber),
        };
        match self {
            Plan::Linear { min, span } => Ok(clamp100(100.0 * (number(input)? - min) / span)),
            Plan::InverseLinear { max, span } => {
                Ok(clamp100(100.0 * (max - number(input)?) / span))
            }
            Plan::Log { lo, span } => {
                let v = number(input)?;
                if v <= 0.0 {
                    return Ok(0.0);
                }
                Ok(clamp100(100.0 * (libm::log10(v) - lo) / span))
            }
            Plan::InverseLog { hi, span } => {
                let v = number(input)?;
                if v <= 0.0 {
                    return Ok(100.0);
                }
                Ok(clamp100(100.0 * (hi - libm::log10(v)) / span))
            }
            Plan::Steps {
                from,
                points,
                below,
            } => {
                let v = number(input)?;
                let reached = from.iter().take_while(|f| v >= **f).count();
                Ok(if reached == 0 {
                    *below
                } else {
                    points[reached - 1]
                })
            }
            Plan::Map { points } => match input {
                InputRef::Text(t) => lookup(points, t),
                InputRef::Number(v) => points.get(crate::row::format_number(v).as_str()).copied(),
            }
            .ok_or(Fault::NotInMap),
            Plan::Percentile { .. } => Err(Fault::NeedsList),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::presets::{preset, preset_names};

    /// Every preset's plans give the transforms' bits, over awkward values.
    #[test]
    fn plans_give_the_transforms_bits() {
        let numbers = [
            -1e9,
            -1.0,
            -0.0,
            0.0,
            1e-300,
            0.001,
            0.07,
            0.4,
            1.0,
            2.5,
            3.0,
            5.0,
            29.9,
            30.0,
            105.0,
            999.0,
            1e4,
            123_456.7,
            1e8,
            1e12,
            f64::INFINITY,
            f64::NAN,
        ];
        let texts = [
            "A",
            "a",
            " aa ",
            "Ａ",
            "ＡＡＡ",
            "B",
            "bbb",
            "c",
            "D",
            "优",
            "良",
            "5",
            "z",
            "",
            "\u{3000}A\u{3000}",
            "ß",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        ];
        for name in preset_names() {
            let m = preset(name).unwrap();
            for f in &m.factors {
                for i in f.inputs.iter().chain(&f.fallback) {
                    let plan = Plan::new(&i.transform);
                    let values = numbers
                        .iter()
                        .map(|v| InputRef::Number(*v))
                        .chain(texts.iter().map(|t| InputRef::Text(t)));
                    for v in values {
                        let want = i.transform.apply(v);
                        let got = plan.apply(v);
                        match (&want, got) {
                            (Ok(a), Ok(b)) => {
                                assert_eq!(a.to_bits(), b.to_bits(), "{name} {:?} {v:?}", i.field)
                            }
                            (Err(e), Err(fault)) => assert_eq!(*e, fault.problem(v)),
                            _ => panic!("{name} {:?} {v:?}: {want:?} against {got:?}", i.field),
                        }
                    }
                }
            }
        }
    }
}
