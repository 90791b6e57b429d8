//! Measures over a whole list (MODEL §2): percentile normalisation, scoring a list whose
//! model ranks within it, and RFM quintiles with the named segments.

use super::{score_row_ranked, Inputs, Ranks, ScoreCard};
use crate::field::FieldId;
use crate::model::{CompiledModel, InputRef, Transform};
use crate::row::AccountRow;
use crate::texts::Label;
use serde::Serialize;
use std::collections::HashMap;

/// Why a batch measure could not be computed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BatchError {
    #[error("the columns differ in length: {0}")]
    LengthMismatch(String),
}

/// Sorted values of each ranked field over a list.
#[derive(Debug, Clone, Default)]
pub struct ListRanks {
    sorted: HashMap<FieldId, Vec<f64>>,
}

impl ListRanks {
    /// Ranks from each field's values (NaN values are left out).
    pub fn new(values: HashMap<FieldId, Vec<f64>>) -> ListRanks {
        let sorted = values
            .into_iter()
            .map(|(field, mut v)| {
                v.retain(|x| !x.is_nan());
                v.sort_by(f64::total_cmp);
                (field, v)
            })
            .collect();
        ListRanks { sorted }
    }

    /// Ranks for the `percentile` inputs of `model` over `rows`.
    pub fn for_model<R: Inputs>(model: &CompiledModel, rows: &[R]) -> ListRanks {
        let mut values: HashMap<FieldId, Vec<f64>> = HashMap::new();
        for factor in &model.factors {
            for input in factor.inputs.iter().chain(&factor.fallback) {
                if matches!(input.transform, Transform::Percentile { .. }) {
                    values.entry(input.field).or_insert_with(|| {
                        rows.iter()
                            .filter_map(|r| match r.input(input.field) {
                                Some(InputRef::Number(v)) => Some(v),
                                _ => None,
                            })
                            .collect()
                    });
                }
            }
        }
        ListRanks::new(values)
    }
}

/// Percent rank 0–100 of `v` in `sorted`: ties share the mean of their ranks; one value → 50.
fn percent_rank(sorted: &[f64], v: f64) -> Option<f64> {
    let n = sorted.len();
    if n == 0 || v.is_nan() {
        return None;
    }
    if n == 1 {
        return Some(50.0);
    }
    let less = sorted.partition_point(|x| *x < v);
    let not_more = sorted.partition_point(|x| *x <= v);
    let equal = not_more - less;
    let rank = if equal == 0 {
        // A value not in the list sits between its neighbours.
        less as f64 - 0.5
    } else {
        less as f64 + (equal as f64 - 1.0) / 2.0
    };
    Some((100.0 * rank / (n as f64 - 1.0)).clamp(0.0, 100.0))
}

impl Ranks for ListRanks {
    fn percentile(&self, field: FieldId, value: f64) -> Option<f64> {
        percent_rank(self.sorted.get(&field)?, value)
    }
}

/// Each value's percent rank 0–100 within the list (NaN stays missing). Ties share a rank.
pub fn percentile_normalise(values: &[f64]) -> Vec<Option<f64>> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| !v.is_nan()).collect();
    sorted.sort_by(f64::total_cmp);
    values.iter().map(|v| percent_rank(&sorted, *v)).collect()
}

/// Scores a whole list; `percentile` inputs rank within it. One card per row, same order.
pub fn score_rows(model: &CompiledModel, rows: &[AccountRow]) -> Vec<ScoreCard> {
    let ranks = if model.needs_list() {
        ListRanks::for_model(model, rows)
    } else {
        ListRanks::default()
    };
    rows.iter()
        .map(|r| score_row_ranked(model, r, &ranks))
        .collect()
}

/// The ten named R×F segments (the common RFM segment map).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Segment {
    Champions,
    Loyal,
    PotentialLoyalists,
    New,
    Promising,
    NeedAttention,
    AboutToSleep,
    AtRisk,
    CantLose,
    Hibernating,
}

impl Segment {
    pub const ALL: [Segment; 10] = [
        Segment::Champions,
        Segment::Loyal,
        Segment::PotentialLoyalists,
        Segment::New,
        Segment::Promising,
        Segment::NeedAttention,
        Segment::AboutToSleep,
        Segment::AtRisk,
        Segment::CantLose,
        Segment::Hibernating,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Segment::Champions => "champions",
            Segment::Loyal => "loyal",
            Segment::PotentialLoyalists => "potential_loyalists",
            Segment::New => "new",
            Segment::Promising => "promising",
            Segment::NeedAttention => "need_attention",
            Segment::AboutToSleep => "about_to_sleep",
            Segment::AtRisk => "at_risk",
            Segment::CantLose => "cant_lose",
            Segment::Hibernating => "hibernating",
        }
    }

    /// The segment of an R score and an F score, each 1–5.
    pub fn of(r: u8, f: u8) -> Segment {
        match (r, f) {
            (5, 4..=5) => Segment::Champions,
            (4..=5, 2..=3) => Segment::PotentialLoyalists,
            (5, 1) => Segment::New,
            (3..=4, 4..=5) => Segment::Loyal,
            (4, 1) => Segment::Promising,
            (3, 3) => Segment::NeedAttention,
            (3, 1..=2) => Segment::AboutToSleep,
            (1..=2, 5) => Segment::CantLose,
            (1..=2, 3..=4) => Segment::AtRisk,
            _ => Segment::Hibernating,
        }
    }

    pub fn label(self) -> Label {
        Label::new("rfm", self.code())
    }
}

/// One account's RFM quintiles and segment.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RfmScore {
    pub r: u8,
    pub f: u8,
    pub m: u8,
    /// The three digits, as `545`.
    pub code: String,
    pub segment: Label,
}

/// Quintiles 1–5 by rank: a value's quintile is 1 + ⌊5 × (values below it) / n⌋, so ties
/// share a quintile. `reverse` ranks smaller values higher (recency).
pub fn quintiles(values: &[f64], reverse: bool) -> Vec<Option<u8>> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| !v.is_nan()).collect();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    values
        .iter()
        .map(|v| {
            if v.is_nan() {
                return None;
            }
            let better = if reverse {
                n - sorted.partition_point(|x| *x <= *v)
            } else {
                sorted.partition_point(|x| *x < *v)
            };
            Some((1 + 5 * better / n).min(5) as u8)
        })
        .collect()
}

/// RFM quintiles over a list (recency in days: fewer is better) and the R×F segment.
pub fn rfm_quintiles(
    recency_days: &[f64],
    frequency: &[f64],
    monetary: &[f64],
) -> Result<Vec<Option<RfmScore>>, BatchError> {
    if recency_days.len() != frequency.len() || frequency.len() != monetary.len() {
        return Err(BatchError::LengthMismatch(format!(
            "recency {}, frequency {}, monetary {}",
            recency_days.len(),
            frequency.len(),
            monetary.len()
        )));
    }
    let (r, f, m) = (
        quintiles(recency_days, true),
        quintiles(frequency, false),
        quintiles(monetary, false),
    );
    Ok(r.into_iter()
        .zip(f)
        .zip(m)
        .map(|((r, f), m)| {
            let (r, f, m) = (r?, f?, m?);
            Some(RfmScore {
                r,
                f,
                m,
                code: format!("{r}{f}{m}"),
                segment: Segment::of(r, f).label(),
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_share_ties() {
        let p = percentile_normalise(&[10.0, 20.0, 20.0, 40.0, f64::NAN]);
        assert_eq!(
            p,
            vec![Some(0.0), Some(50.0), Some(50.0), Some(100.0), None]
        );
        assert_eq!(percentile_normalise(&[7.0]), vec![Some(50.0)]);
    }

    #[test]
    fn quintiles_by_rank() {
        let q = quintiles(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0], false);
        let want: Vec<Option<u8>> = [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
            .iter()
            .map(|x| Some(*x))
            .collect();
        assert_eq!(q, want);
        // Recency reversed: the most recent (fewest days) is 5.
        let r = quintiles(&[5.0, 400.0, 30.0, 90.0, 200.0], true);
        assert_eq!(r, vec![Some(5), Some(1), Some(4), Some(3), Some(2)]);
        // Ties share a quintile.
        assert_eq!(
            quintiles(&[3.0, 3.0, 3.0], false),
            vec![Some(1), Some(1), Some(1)]
        );
        assert_eq!(quintiles(&[f64::NAN, 1.0], false), vec![None, Some(1)]);
    }

    #[test]
    fn segment_map_covers_every_cell_as_published() {
        // The common R×F map: rows are R 1–5, columns F 1–5.
        use Segment::*;
        let grid = [
            [Hibernating, Hibernating, AtRisk, AtRisk, CantLose],
            [Hibernating, Hibernating, AtRisk, AtRisk, CantLose],
            [AboutToSleep, AboutToSleep, NeedAttention, Loyal, Loyal],
            [
                Promising,
                PotentialLoyalists,
                PotentialLoyalists,
                Loyal,
                Loyal,
            ],
            [
                New,
                PotentialLoyalists,
                PotentialLoyalists,
                Champions,
                Champions,
            ],
        ];
        for (ri, row) in grid.iter().enumerate() {
            for (fi, want) in row.iter().enumerate() {
                assert_eq!(
                    Segment::of(ri as u8 + 1, fi as u8 + 1),
                    *want,
                    "R{} F{}",
                    ri + 1,
                    fi + 1
                );
            }
        }
        for s in Segment::ALL {
            assert!(!s.label().zh.contains('.'), "{} has no zh text", s.code());
        }
    }

    #[test]
    fn rfm_over_a_list() {
        let out = rfm_quintiles(
            &[3.0, 300.0, 40.0, 100.0, 10.0],
            &[20.0, 1.0, 5.0, 2.0, 1.0],
            &[9e5, 1e3, 2e5, 5e4, 3e3],
        )
        .unwrap();
        let first = out[0].as_ref().unwrap();
        assert_eq!((first.r, first.f, first.m), (5, 5, 5));
        assert_eq!(first.segment.code, "champions");
        let second = out[1].as_ref().unwrap();
        assert_eq!((second.r, second.f), (1, 1));
        assert_eq!(second.segment.code, "hibernating");
        let last = out[4].as_ref().unwrap();
        assert_eq!((last.r, last.f), (4, 1));
        assert_eq!(last.segment.code, "promising");
        assert!(rfm_quintiles(&[1.0], &[], &[]).is_err());
    }
}
