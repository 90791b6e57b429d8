//! Current × future value quadrant (MODEL §3.4): 贵宾型 VIP (high, high), 改进型 improve
//! (low now, high later), 维持型 maintain (high now, low later), 放弃型 drop (low, low).
//!
//! Values are 0–100 scores (a value-model score for the current value, a CLV or potential
//! score for the future one). A value **at or above** its cut-off is high. Default cut-offs
//! [D]: 50 for each, the middle of the 0–100 scale; set them to the list's medians or to
//! a tier threshold to cut elsewhere.

use crate::row::AccountRow;
use crate::texts::Label;
use serde::{Deserialize, Serialize};

/// A quadrant of the current × future value grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueQuadrant {
    /// 贵宾型: current high, future high.
    Vip,
    /// 改进型: current low, future high.
    Improve,
    /// 维持型: current high, future low.
    Maintain,
    /// 放弃型: current low, future low.
    Drop,
}

impl ValueQuadrant {
    pub const ALL: [ValueQuadrant; 4] = [
        ValueQuadrant::Vip,
        ValueQuadrant::Improve,
        ValueQuadrant::Maintain,
        ValueQuadrant::Drop,
    ];

    /// The stable code: `vip`, `improve`, `maintain`, `drop`.
    pub fn code(self) -> &'static str {
        match self {
            ValueQuadrant::Vip => "vip",
            ValueQuadrant::Improve => "improve",
            ValueQuadrant::Maintain => "maintain",
            ValueQuadrant::Drop => "drop",
        }
    }

    pub fn label(self) -> Label {
        Label::new("quadrant", self.code())
    }

    /// The quadrant for high/low current and future value.
    pub fn from_levels(current_high: bool, future_high: bool) -> ValueQuadrant {
        match (current_high, future_high) {
            (true, true) => ValueQuadrant::Vip,
            (false, true) => ValueQuadrant::Improve,
            (true, false) => ValueQuadrant::Maintain,
            (false, false) => ValueQuadrant::Drop,
        }
    }
}

/// Cut-offs: a value at or above its cut-off is high. JSON `{ "current": 50, "future": 50 }`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct QuadrantCuts {
    pub current: f64,
    pub future: f64,
}

impl Default for QuadrantCuts {
    fn default() -> Self {
        QuadrantCuts {
            current: 50.0,
            future: 50.0,
        }
    }
}

/// Why quadrant cut-offs were refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum QuadrantError {
    #[error("the {axis} value cut-off {value} is not a finite number")]
    CutNotFinite { axis: &'static str, value: f64 },
}

impl QuadrantCuts {
    pub fn validate(&self) -> Result<(), QuadrantError> {
        for (axis, value) in [("current", self.current), ("future", self.future)] {
            if !value.is_finite() {
                return Err(QuadrantError::CutNotFinite { axis, value });
            }
        }
        Ok(())
    }
}

/// An account's quadrant.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuadrantResult {
    #[serde(flatten)]
    pub label: Label,
    pub current_high: bool,
    pub future_high: bool,
}

/// The quadrant of a current and a future value; `Ok(None)` when either is missing (NaN).
pub fn value_quadrant(
    current: f64,
    future: f64,
    cuts: &QuadrantCuts,
) -> Result<Option<QuadrantResult>, QuadrantError> {
    cuts.validate()?;
    if current.is_nan() || future.is_nan() {
        return Ok(None);
    }
    let current_high = current >= cuts.current;
    let future_high = future >= cuts.future;
    Ok(Some(QuadrantResult {
        label: ValueQuadrant::from_levels(current_high, future_high).label(),
        current_high,
        future_high,
    }))
}

/// The quadrant of a row's `current_value` and `future_value`.
pub fn value_quadrant_for_row(
    row: &AccountRow,
    cuts: &QuadrantCuts,
) -> Result<Option<QuadrantResult>, QuadrantError> {
    let value = |key| row.number(key).unwrap_or(f64::NAN);
    value_quadrant(value("current_value"), value("future_value"), cuts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::row::Value;

    fn code(current: f64, future: f64, cuts: &QuadrantCuts) -> Option<String> {
        value_quadrant(current, future, cuts)
            .unwrap()
            .map(|r| r.label.code)
    }

    #[test]
    fn boundaries_at_the_cut_are_high() {
        let cuts = QuadrantCuts::default();
        let cases = [
            (50.0, 50.0, "vip"),
            (100.0, 80.0, "vip"),
            (49.99, 50.0, "improve"),
            (0.0, 100.0, "improve"),
            (50.0, 49.99, "maintain"),
            (90.0, 10.0, "maintain"),
            (49.99, 49.99, "drop"),
            (0.0, 0.0, "drop"),
        ];
        for (current, future, want) in cases {
            assert_eq!(
                code(current, future, &cuts).as_deref(),
                Some(want),
                "{current} × {future}"
            );
        }
        assert_eq!(code(f64::NAN, 60.0, &cuts), None);
        assert_eq!(code(60.0, f64::NAN, &cuts), None);
    }

    #[test]
    fn configurable_cuts() {
        let cuts = QuadrantCuts {
            current: 70.0,
            future: 30.0,
        };
        assert_eq!(code(60.0, 30.0, &cuts).as_deref(), Some("improve"));
        assert_eq!(code(70.0, 29.0, &cuts).as_deref(), Some("maintain"));
        let bad = QuadrantCuts {
            current: f64::INFINITY,
            future: 50.0,
        };
        assert!(matches!(
            value_quadrant(1.0, 1.0, &bad),
            Err(QuadrantError::CutNotFinite {
                axis: "current",
                ..
            })
        ));
        let parsed: QuadrantCuts = serde_json::from_str(r#"{"future":40}"#).unwrap();
        assert_eq!(
            parsed,
            QuadrantCuts {
                current: 50.0,
                future: 40.0
            }
        );
        assert!(serde_json::from_str::<QuadrantCuts>(r#"{"now":40}"#).is_err());
    }

    #[test]
    fn names_and_json() {
        let names: Vec<(String, String)> = ValueQuadrant::ALL
            .iter()
            .map(|q| (q.label().zh, q.label().en))
            .collect();
        assert_eq!(names[0].0, "贵宾型");
        assert_eq!(names[1].0, "改进型");
        assert_eq!(names[2].0, "维持型");
        assert_eq!(names[3].0, "放弃型");
        let result = value_quadrant(80.0, 20.0, &QuadrantCuts::default())
            .unwrap()
            .unwrap();
        let json = serde_json::to_value(&result).unwrap();
        assert_eq!(json["code"], "maintain");
        assert_eq!(json["currentHigh"], true);
        assert_eq!(json["futureHigh"], false);
    }

    #[test]
    fn from_a_row() {
        let mut row = AccountRow::new();
        row.set_key("current_value", Value::Number(30.0));
        row.set_key("future_value", Value::Number(75.0));
        let got = value_quadrant_for_row(&row, &QuadrantCuts::default()).unwrap();
        assert_eq!(got.map(|r| r.label.code).as_deref(), Some("improve"));
        let empty = value_quadrant_for_row(&AccountRow::new(), &QuadrantCuts::default());
        assert_eq!(empty, Ok(None));
    }
}
