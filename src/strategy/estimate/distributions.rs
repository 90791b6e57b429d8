//! The list's distributions (MODEL §4.8): for each figure an estimate ranks by, the sorted
//! values of the whole list, built once, so that any row's percentile is a binary search.

use crate::row::AccountRow;
use serde::{Deserialize, Serialize};

/// A figure whose place in the list an estimate uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DistributionField {
    AnnualPurchase,
    GrossMargin,
    PotentialPurchase,
    GrowthRate,
    ShareOfWallet,
    /// Profit contribution: `profit`, else `annual_purchase × gross_margin` (§4.5).
    Contribution,
}

impl DistributionField {
    pub const ALL: [DistributionField; 6] = [
        DistributionField::AnnualPurchase,
        DistributionField::GrossMargin,
        DistributionField::PotentialPurchase,
        DistributionField::GrowthRate,
        DistributionField::ShareOfWallet,
        DistributionField::Contribution,
    ];

    /// The row field it is read from (`contribution` is computed, see [`contribution`]).
    pub fn key(self) -> &'static str {
        match self {
            DistributionField::AnnualPurchase => "annual_purchase",
            DistributionField::GrossMargin => "gross_margin",
            DistributionField::PotentialPurchase => "potential_purchase",
            DistributionField::GrowthRate => "growth_rate",
            DistributionField::ShareOfWallet => "share_of_wallet",
            DistributionField::Contribution => "contribution",
        }
    }

    /// The row's value of this figure.
    pub fn value(self, row: &AccountRow) -> Option<f64> {
        match self {
            DistributionField::Contribution => contribution(row),
            other => row.number(other.key()),
        }
        .filter(|v| v.is_finite())
    }
}

/// The profit an account contributes: the `profit` field, else annual purchase × gross margin.
pub fn contribution(row: &AccountRow) -> Option<f64> {
    row.number("profit").or_else(|| {
        let purchase = row.number("annual_purchase")?;
        let margin = row.number("gross_margin")?;
        Some(purchase * margin)
    })
}

/// What arrives from JavaScript: any field left out, values in any order, NaN allowed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawDistributions {
    #[serde(alias = "annualPurchase")]
    annual_purchase: Vec<Option<f64>>,
    #[serde(alias = "grossMargin")]
    gross_margin: Vec<Option<f64>>,
    #[serde(alias = "potentialPurchase")]
    potential_purchase: Vec<Option<f64>>,
    #[serde(alias = "growthRate")]
    growth_rate: Vec<Option<f64>>,
    #[serde(alias = "shareOfWallet")]
    share_of_wallet: Vec<Option<f64>>,
    #[serde(alias = "profit")]
    contribution: Vec<Option<f64>>,
}

fn sorted(values: impl IntoIterator<Item = Option<f64>>) -> Vec<f64> {
    let mut v: Vec<f64> = values
        .into_iter()
        .flatten()
        .filter(|x| x.is_finite())
        .collect();
    v.sort_by(f64::total_cmp);
    v
}

impl From<RawDistributions> for ListDistributions {
    fn from(raw: RawDistributions) -> Self {
        ListDistributions {
            annual_purchase: sorted(raw.annual_purchase),
            gross_margin: sorted(raw.gross_margin),
            potential_purchase: sorted(raw.potential_purchase),
            growth_rate: sorted(raw.growth_rate),
            share_of_wallet: sorted(raw.share_of_wallet),
            contribution: sorted(raw.contribution),
        }
    }
}

/// The sorted values of each figure over a list. From JSON (`options.list`), each key is a
/// field key (`annual_purchase`, `gross_margin`, `potential_purchase`, `growth_rate`,
/// `share_of_wallet`, and `contribution` = profit, else purchase × margin) holding the list's
/// values in any order; missing values (`null`, NaN) are left out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "RawDistributions")]
pub struct ListDistributions {
    annual_purchase: Vec<f64>,
    gross_margin: Vec<f64>,
    potential_purchase: Vec<f64>,
    growth_rate: Vec<f64>,
    share_of_wallet: Vec<f64>,
    contribution: Vec<f64>,
}

impl ListDistributions {
    /// The distributions of a list of rows.
    pub fn from_rows(rows: &[AccountRow]) -> ListDistributions {
        let of = |f: DistributionField| sorted(rows.iter().map(|r| f.value(r)));
        ListDistributions {
            annual_purchase: of(DistributionField::AnnualPurchase),
            gross_margin: of(DistributionField::GrossMargin),
            potential_purchase: of(DistributionField::PotentialPurchase),
            growth_rate: of(DistributionField::GrowthRate),
            share_of_wallet: of(DistributionField::ShareOfWallet),
            contribution: of(DistributionField::Contribution),
        }
    }

    /// The distributions of two parts of one list taken together.
    pub fn merge(&mut self, other: &ListDistributions) {
        for field in DistributionField::ALL {
            let mine = self.values_mut(field);
            mine.extend_from_slice(other.values(field));
            mine.sort_by(f64::total_cmp);
        }
    }

    fn values_mut(&mut self, field: DistributionField) -> &mut Vec<f64> {
        match field {
            DistributionField::AnnualPurchase => &mut self.annual_purchase,
            DistributionField::GrossMargin => &mut self.gross_margin,
            DistributionField::PotentialPurchase => &mut self.potential_purchase,
            DistributionField::GrowthRate => &mut self.growth_rate,
            DistributionField::ShareOfWallet => &mut self.share_of_wallet,
            DistributionField::Contribution => &mut self.contribution,
        }
    }

    /// The sorted values of one figure (empty when the list has none).
    pub fn values(&self, field: DistributionField) -> &[f64] {
        match field {
            DistributionField::AnnualPurchase => &self.annual_purchase,
            DistributionField::GrossMargin => &self.gross_margin,
            DistributionField::PotentialPurchase => &self.potential_purchase,
            DistributionField::GrowthRate => &self.growth_rate,
            DistributionField::ShareOfWallet => &self.share_of_wallet,
            DistributionField::Contribution => &self.contribution,
        }
    }

    /// The percentile (0–100) of `value` among the list's values of `field`, by mid-rank: the
    /// share of values below it plus half the share equal to it, so ties stay together and the
    /// median account sits at 50. `None` when the list has no value of that figure.
    pub fn percentile(&self, field: DistributionField, value: f64) -> Option<f64> {
        percentile(self.values(field), value)
    }
}

/// Mid-rank percentile of `value` in `sorted`; `None` for an empty list or a NaN.
pub fn percentile(sorted: &[f64], value: f64) -> Option<f64> {
    if sorted.is_empty() || value.is_nan() {
        return None;
    }
    let below = sorted.partition_point(|x| *x < value);
    let up_to = sorted.partition_point(|x| *x <= value);
    let rank = below as f64 + (up_to - below) as f64 / 2.0;
    Some(rank / sorted.len() as f64 * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::row::Cell;

    #[test]
    fn mid_rank_percentiles() {
        let v = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(percentile(&v, 1.0), Some(12.5));
        assert_eq!(percentile(&v, 4.0), Some(87.5));
        assert_eq!(percentile(&v, 2.5), Some(50.0));
        assert_eq!(percentile(&v, 0.0), Some(0.0));
        assert_eq!(percentile(&v, 9.0), Some(100.0));
        assert_eq!(
            percentile(&[5.0, 5.0, 5.0], 5.0),
            Some(50.0),
            "ties together"
        );
        assert_eq!(percentile(&[], 1.0), None);
        assert_eq!(percentile(&v, f64::NAN), None);
    }

    #[test]
    fn two_parts_merged_are_the_whole_list() {
        let row = |p: f64, m: f64| {
            AccountRow::from_pairs(
                [
                    ("annual_purchase", Cell::Number(p)),
                    ("gross_margin", Cell::Number(m)),
                ],
                None,
            )
        };
        let rows = [row(300.0, 0.1), row(100.0, 0.3), row(200.0, 0.2)];
        let mut merged = ListDistributions::from_rows(&rows[..1]);
        merged.merge(&ListDistributions::from_rows(&rows[1..]));
        // Sorted again: 100, 200, 300, and the contributions 30, 40, 30 → 30, 30, 40.
        assert_eq!(
            merged.values(DistributionField::AnnualPurchase),
            [100.0, 200.0, 300.0]
        );
        assert_eq!(
            merged.values(DistributionField::Contribution),
            [30.0, 30.0, 40.0]
        );
        assert_eq!(merged, ListDistributions::from_rows(&rows));
    }

    #[test]
    fn from_rows_and_from_json_agree() {
        let rows: Vec<AccountRow> = [(300.0, 0.1), (100.0, 0.3), (200.0, 0.2)]
            .iter()
            .map(|(p, m)| {
                AccountRow::from_pairs(
                    [
                        ("annual_purchase", Cell::Number(*p)),
                        ("gross_margin", Cell::Number(*m)),
                    ],
                    None,
                )
            })
            .collect();
        let d = ListDistributions::from_rows(&rows);
        assert_eq!(
            d.values(DistributionField::AnnualPurchase),
            [100.0, 200.0, 300.0]
        );
        // Contribution = purchase × margin when there is no profit column.
        assert_eq!(d.values(DistributionField::Contribution).len(), 3);
        let json: ListDistributions = serde_json::from_str(
            r#"{"annual_purchase": [300, null, 100, 200], "grossMargin": [0.1, 0.3, 0.2],
                "contribution": [30, 30.000000000000004, 40]}"#,
        )
        .unwrap();
        assert_eq!(
            json.values(DistributionField::AnnualPurchase),
            d.values(DistributionField::AnnualPurchase)
        );
        assert_eq!(
            json.values(DistributionField::GrossMargin),
            d.values(DistributionField::GrossMargin)
        );
        assert!(json.values(DistributionField::GrowthRate).is_empty());
        assert!(serde_json::from_str::<ListDistributions>(r#"{"sales": [1]}"#).is_err());
    }
}
