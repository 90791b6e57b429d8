//! Customer profitability and cost to serve (MODEL §3.8) [S, 002 + L].
//!
//! 002: 「利润 = 购买者购物额 − 购买者成本 − 非购买者成本」, and half the customers bring no
//! profit. 000's bank table: the top 10 % of customers take 18 % of the time and give 93 % of
//! the profit; the bottom 60 % take 54 % and give −10 %. So, per account:
//!
//! - **gross profit** = `annual_purchase × gross_margin`, else the `profit` column; an account
//!   with neither has no profit (NaN) and is left out of the curve and the shares;
//! - **cost to serve** = the `cost_to_serve` column, else `visit_count × cost per visit +
//!   order_count × cost per order` with the rates of [`ProfitabilityOptions`] (each part only
//!   when its rate is set and the row has the count). A cost that cannot be known is NaN in
//!   `cost_to_serve`, counts as 0 in the profit [D] (so a list without cost data still shows
//!   its gross profit), and is counted in `cost_unknown`;
//! - **profit** = gross profit − cost to serve.
//!
//! The **whale curve** [L: Kaplan & Cooper, *Cost & Effect*, 1998]: accounts ranked by profit,
//! largest first; x = the share of accounts, y = their cumulative profit as a share of the total
//! profit, from (0, 0) to (1, 1). With loss-making accounts it rises above 1 and falls back:
//! its peak (`peak_profit_share`, 1.10 in the bank table) says how much profit the loss-makers
//! give away. With a total profit not above zero the curve has no scale: it is empty and the
//! peak `None`. `loss_making_share` = the share of accounts whose profit is below zero.

use crate::row::AccountRow;
use serde::{Deserialize, Serialize};

/// The rates that estimate a cost to serve where the list has no `cost_to_serve`. Both are
/// off by default: a cost rate depends on the business and its currency.
/// JSON: `{ "costPerVisit": 800, "costPerOrder": 50 }`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ProfitabilityOptions {
    /// Cost of one visit (`visit_count`), in the data's currency unit.
    pub cost_per_visit: Option<f64>,
    /// Cost of handling one order (`order_count`).
    pub cost_per_order: Option<f64>,
}

/// Why profitability options were refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProfitabilityError {
    #[error("{name} {value} must be a finite amount not below zero")]
    BadRate { name: &'static str, value: f64 },
}

impl ProfitabilityOptions {
    pub fn validate(&self) -> Result<(), ProfitabilityError> {
        let rates = [
            ("costPerVisit", self.cost_per_visit),
            ("costPerOrder", self.cost_per_order),
        ];
        for (name, rate) in rates {
            if let Some(value) = rate.filter(|v| !(v.is_finite() && *v >= 0.0)) {
                return Err(ProfitabilityError::BadRate { name, value });
            }
        }
        Ok(())
    }
}

/// The whale curve: `share[i]` of the accounts (ranked by profit, largest first) give
/// `cumulative_profit[i]` of the total profit. Starts at (0, 0).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WhaleCurve {
    pub share: Vec<f64>,
    pub cumulative_profit: Vec<f64>,
}

/// The profitability of a list, one entry per row in the per-row vectors.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Profitability {
    /// Gross profit per row; NaN where neither purchase × margin nor profit is recorded.
    pub gross_profit: Vec<f64>,
    /// Cost to serve per row; NaN where it cannot be known (then 0 in the profit).
    pub cost_to_serve: Vec<f64>,
    /// Profit per row: gross profit − cost to serve; NaN without a gross profit.
    pub profit: Vec<f64>,
    pub whale_curve: WhaleCurve,
    /// The highest point of the whale curve, as a share of the total profit (≥ 1).
    pub peak_profit_share: Option<f64>,
    /// The share of accounts at that peak (the most profitable accounts up to the peak).
    pub peak_account_share: Option<f64>,
    /// The share of counted accounts whose profit is below zero.
    pub loss_making_share: Option<f64>,
    /// The sum of the profits counted.
    pub total_profit: f64,
    /// Accounts with a profit.
    pub counted: usize,
    /// Accounts without a gross profit, left out.
    pub without_profit: usize,
    /// Accounts whose cost to serve could not be known and counted as 0.
    pub cost_unknown: usize,
}

/// A row's gross profit: purchase × margin, else the `profit` column.
pub fn gross_profit(row: &AccountRow) -> Option<f64> {
    let product = match (row.number("annual_purchase"), row.number("gross_margin")) {
        (Some(purchase), Some(margin)) => Some(purchase * margin),
        _ => None,
    };
    product
        .or_else(|| row.number("profit"))
        .filter(|v| v.is_finite())
}

/// A row's cost to serve: the column, else the estimate from visits and orders.
pub fn cost_to_serve(row: &AccountRow, options: &ProfitabilityOptions) -> Option<f64> {
    if let Some(cost) = row.number("cost_to_serve").filter(|c| c.is_finite()) {
        return Some(cost);
    }
    let part = |count_key: &str, rate: Option<f64>| {
        let count = row.number(count_key).filter(|c| c.is_finite())?;
        Some(count * rate?)
    };
    let parts = [
        part("visit_count", options.cost_per_visit),
        part("order_count", options.cost_per_order),
    ];
    parts.iter().flatten().copied().reduce(|a, b| a + b)
}

/// The whale curve of profits (finite ones), with its peak (value, account share).
fn whale_curve(profits: &[f64]) -> (WhaleCurve, Option<(f64, f64)>) {
    let mut ranked: Vec<f64> = profits.iter().copied().filter(|p| p.is_finite()).collect();
    let total: f64 = ranked.iter().sum();
    if ranked.is_empty() || total <= 0.0 {
        return (WhaleCurve::default(), None);
    }
    ranked.sort_by(|a, b| b.total_cmp(a));
    let n = ranked.len() as f64;
    let mut curve = WhaleCurve {
        share: vec![0.0],
        cumulative_profit: vec![0.0],
    };
    let mut running = 0.0;
    let mut peak = (0.0f64, 0.0f64);
    for (i, p) in ranked.iter().enumerate() {
        running += p;
        let point = (running / total, (i + 1) as f64 / n);
        if point.0 > peak.0 {
            peak = point;
        }
        curve.share.push(point.1);
        curve.cumulative_profit.push(point.0);
    }
    (curve, Some(peak))
}

/// The profitability of account rows (see the module notes).
pub fn account_profitability(
    rows: &[AccountRow],
    options: &ProfitabilityOptions,
) -> Result<Profitability, ProfitabilityError> {
    options.validate()?;
    let gross: Vec<f64> = rows
        .iter()
        .map(|r| gross_profit(r).unwrap_or(f64::NAN))
        .collect();
    let cost: Vec<f64> = rows
        .iter()
        .map(|r| cost_to_serve(r, options).unwrap_or(f64::NAN))
        .collect();
    let profit: Vec<f64> = gross
        .iter()
        .zip(&cost)
        .map(|(g, c)| if c.is_nan() { *g } else { g - c })
        .collect();
    let counted = profit.iter().filter(|p| p.is_finite()).count();
    let losing = profit.iter().filter(|p| **p < 0.0).count();
    let (whale_curve, peak) = whale_curve(&profit);
    Ok(Profitability {
        peak_profit_share: peak.map(|p| p.0),
        peak_account_share: peak.map(|p| p.1),
        loss_making_share: (counted > 0).then(|| losing as f64 / counted as f64),
        total_profit: profit.iter().filter(|p| p.is_finite()).sum(),
        counted,
        without_profit: rows.len() - counted,
        cost_unknown: cost.iter().filter(|c| c.is_nan()).count(),
        gross_profit: gross,
        cost_to_serve: cost,
        profit,
        whale_curve,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::row::Value;

    fn row(pairs: &[(&str, f64)]) -> AccountRow {
        let mut row = AccountRow::new();
        for (key, value) in pairs {
            assert!(row.set_key(key, Value::Number(*value)), "{key}");
        }
        row
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// 000's bank table: 10 % / 30 % / 60 % of the accounts take 18 % / 28 % / 54 % of the
    /// cost to serve and give 93 % / 17 % / −10 % of the profit (total cost 100, total profit
    /// 100, ten accounts).
    fn bank() -> Vec<AccountRow> {
        let mut rows = Vec::new();
        let groups = [(1usize, 18.0, 93.0), (3, 28.0, 17.0), (6, 54.0, -10.0)];
        for (count, cost, profit) in groups {
            let n = count as f64;
            for _ in 0..count {
                // gross profit = profit + cost to serve
                rows.push(row(&[
                    ("profit", (profit + cost) / n),
                    ("cost_to_serve", cost / n),
                ]));
            }
        }
        rows
    }

    #[test]
    fn the_source_bank_example_peaks_at_110_percent() {
        // MODEL §3.8: the whale curve of 000's bank table peaks at 110 % of total profit.
        let p = account_profitability(&bank(), &ProfitabilityOptions::default()).unwrap();
        assert!(close(p.total_profit, 100.0), "{}", p.total_profit);
        let peak = p.peak_profit_share.unwrap();
        assert!(close(peak, 1.10), "{peak}");
        assert!(close(p.peak_account_share.unwrap(), 0.4));
        assert!(close(p.loss_making_share.unwrap(), 0.6));
        let cost: f64 = p.cost_to_serve.iter().sum();
        let share =
            |range: std::ops::Range<usize>| p.cost_to_serve[range].iter().sum::<f64>() / cost;
        assert!(close(share(0..1), 0.18) && close(share(1..4), 0.28) && close(share(4..10), 0.54));
        // the curve: (0, 0), 93 % at 10 %, 110 % at 40 %, back to 100 % at 100 %
        let c = &p.whale_curve;
        assert_eq!(c.share.len(), 11);
        assert_eq!((c.share[0], c.cumulative_profit[0]), (0.0, 0.0));
        assert!(close(c.share[1], 0.1) && close(c.cumulative_profit[1], 0.93));
        assert!(close(c.share[4], 0.4) && close(c.cumulative_profit[4], 1.10));
        assert!(close(c.share[10], 1.0) && close(c.cumulative_profit[10], 1.0));
        assert_eq!((p.counted, p.without_profit, p.cost_unknown), (10, 0, 0));
    }

    #[test]
    fn profit_and_cost_per_row() {
        // MODEL §3.8: gross profit = purchase × margin, or profit; cost to serve from the
        // column, else visits × cost per visit + orders × cost per order.
        let rates = ProfitabilityOptions {
            cost_per_visit: Some(500.0),
            cost_per_order: Some(20.0),
        };
        let visits_only = ProfitabilityOptions {
            cost_per_visit: Some(500.0),
            cost_per_order: None,
        };
        let none = ProfitabilityOptions::default();
        // (row, options, gross, cost, profit); NaN = not known
        let nan = f64::NAN;
        #[allow(clippy::type_complexity)]
        let cases: Vec<(Vec<(&str, f64)>, &ProfitabilityOptions, f64, f64, f64)> = vec![
            (
                vec![("annual_purchase", 100_000.0), ("gross_margin", 0.2)],
                &none,
                20_000.0,
                nan,
                20_000.0,
            ),
            // purchase × margin wins over the profit column
            (
                vec![
                    ("annual_purchase", 100_000.0),
                    ("gross_margin", 0.2),
                    ("profit", 1.0),
                ],
                &none,
                20_000.0,
                nan,
                20_000.0,
            ),
            (
                vec![("profit", 5_000.0), ("cost_to_serve", 7_000.0)],
                &none,
                5_000.0,
                7_000.0,
                -2_000.0,
            ),
            // the column wins over the rates
            (
                vec![
                    ("profit", 5_000.0),
                    ("cost_to_serve", 100.0),
                    ("visit_count", 4.0),
                ],
                &rates,
                5_000.0,
                100.0,
                4_900.0,
            ),
            (
                vec![
                    ("profit", 5_000.0),
                    ("visit_count", 4.0),
                    ("order_count", 10.0),
                ],
                &rates,
                5_000.0,
                2_200.0,
                2_800.0,
            ),
            (
                vec![
                    ("profit", 5_000.0),
                    ("visit_count", 4.0),
                    ("order_count", 10.0),
                ],
                &visits_only,
                5_000.0,
                2_000.0,
                3_000.0,
            ),
            // visits without a rate: cost not known
            (
                vec![("profit", 5_000.0), ("visit_count", 4.0)],
                &none,
                5_000.0,
                nan,
                5_000.0,
            ),
            // no gross profit: left out
            (vec![("cost_to_serve", 300.0)], &none, nan, 300.0, nan),
            (vec![("annual_purchase", 100.0)], &none, nan, nan, nan),
        ];
        let same = |a: f64, b: f64| (a.is_nan() && b.is_nan()) || close(a, b);
        for (pairs, options, gross, cost, profit) in cases {
            let p = account_profitability(&[row(&pairs)], options).unwrap();
            assert!(
                same(p.gross_profit[0], gross),
                "{pairs:?}: {}",
                p.gross_profit[0]
            );
            assert!(
                same(p.cost_to_serve[0], cost),
                "{pairs:?}: {}",
                p.cost_to_serve[0]
            );
            assert!(same(p.profit[0], profit), "{pairs:?}: {}", p.profit[0]);
        }
    }

    #[test]
    fn shares_counts_and_edges() {
        // MODEL §3.8: the share of accounts that lose money, and the peak of the curve.
        let rows = vec![
            row(&[("profit", 60.0)]),
            row(&[("profit", 50.0)]),
            row(&[("profit", -10.0)]),
            row(&[("cost_to_serve", 5.0)]),
        ];
        let p = account_profitability(&rows, &ProfitabilityOptions::default()).unwrap();
        assert_eq!((p.counted, p.without_profit, p.cost_unknown), (3, 1, 3));
        assert!(close(p.loss_making_share.unwrap(), 1.0 / 3.0));
        assert!(close(p.peak_profit_share.unwrap(), 1.1));
        assert!(close(p.peak_account_share.unwrap(), 2.0 / 3.0));
        // no loss-makers: the curve ends at its peak, 100 %
        let p = account_profitability(&rows[..2], &ProfitabilityOptions::default()).unwrap();
        assert!(close(p.peak_profit_share.unwrap(), 1.0));
        assert_eq!(p.loss_making_share, Some(0.0));
        // a total loss has no curve; nothing counted has no shares
        let p = account_profitability(&rows[2..], &ProfitabilityOptions::default()).unwrap();
        assert_eq!((p.peak_profit_share, p.whale_curve.share.len()), (None, 0));
        assert_eq!(p.loss_making_share, Some(1.0));
        let p = account_profitability(&[], &ProfitabilityOptions::default()).unwrap();
        assert_eq!((p.peak_profit_share, p.loss_making_share), (None, None));
        // JSON as JavaScript reads it
        let json = serde_json::to_value(
            account_profitability(&bank(), &ProfitabilityOptions::default()).unwrap(),
        )
        .unwrap();
        assert!(json["whaleCurve"]["cumulativeProfit"].is_array());
        assert!(json["peakProfitShare"].is_number() && json["lossMakingShare"].is_number());
    }

    #[test]
    fn rates_are_checked() {
        for bad in [-1.0, f64::NAN, f64::INFINITY] {
            let options = ProfitabilityOptions {
                cost_per_visit: Some(bad),
                cost_per_order: None,
            };
            assert!(account_profitability(&[], &options).is_err(), "{bad}");
        }
        let parsed: ProfitabilityOptions =
            serde_json::from_str(r#"{"costPerVisit":800,"costPerOrder":50}"#).unwrap();
        assert_eq!(parsed.cost_per_visit, Some(800.0));
        assert!(serde_json::from_str::<ProfitabilityOptions>(r#"{"perVisit":1}"#).is_err());
    }
}
