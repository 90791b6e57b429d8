//! Estimates for lists without judgement columns (MODEL §4.8 [D]): the attractiveness letter
//! from the figures a list has, and the relationship status from behaviour.
//!
//! Most account lists hold figures (purchases, margin, dates, counts), not a manager's A/B/C
//! rating or a status 1–6. Then the matrix cell (§4.1) is estimated, shown as *estimated*, with
//! the factors and the evidence it rests on. A given rating or status always wins.
//!
//! Every threshold here is an option of [`EstimateOptions`]; the defaults are the spec's [D].

pub mod attractiveness;
pub mod behaviour;
pub mod distributions;
pub mod status;

pub use attractiveness::{estimate_attractiveness, AttractivenessEstimate, BasisEntry};
pub use distributions::{DistributionField, ListDistributions};
pub use status::{estimate_status, StatusEstimate};

use super::StrategyError;
use crate::texts::Lang;
use serde::Deserialize;

/// The thresholds of the estimates. All [D] (MODEL §4.8), all configurable.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct EstimateOptions {
    /// [D] For a single row without a list: the annual purchase that scores 0 on the sales-volume
    /// factor, ¥1万 (10,000). Between this and `purchaseHigh` the points run on a log scale.
    pub purchase_low: f64,
    /// [D] The annual purchase that scores 100, ¥1亿 (100,000,000). Also the scale of
    /// `potential_purchase`.
    pub purchase_high: f64,
    /// [D] The gross margin that scores 100 (0 % scores 0), 40 %.
    pub margin_high: f64,
    /// [D] The growth rate that scores 0, −20 %.
    pub growth_low: f64,
    /// [D] The growth rate that scores 100, +30 %.
    pub growth_high: f64,
    /// [D] How many of the four attractiveness factors (sales volume, margin, potential, share of
    /// wallet left) the row must have for an estimate, 1.
    pub min_factors: usize,
    /// [D] Purchases are falling below this growth rate, −10 % (status 6 declining, stage decline).
    pub falling_growth: f64,
    /// [D] Purchases are growing above this growth rate, +10 % (status 3 developing rather than
    /// 2 good; stage formation).
    pub growing_growth: f64,
    /// [D] A long relationship for status 1 very strong: at least 3 years.
    pub long_years: f64,
    /// [D] Frequent buying for status 1: at least 12 orders a year (monthly, the A cadence).
    pub frequent_orders: f64,
    /// [D] A high share of wallet for status 1: at least 50 %.
    pub high_share: f64,
    /// [D] A settled relationship for status 2 good: at least 1 year.
    pub steady_years: f64,
}

impl Default for EstimateOptions {
    fn default() -> Self {
        EstimateOptions {
            purchase_low: 1e4,
            purchase_high: 1e8,
            margin_high: 0.40,
            growth_low: -0.20,
            growth_high: 0.30,
            min_factors: 1,
            falling_growth: -0.10,
            growing_growth: 0.10,
            long_years: 3.0,
            frequent_orders: 12.0,
            high_share: 0.5,
            steady_years: 1.0,
        }
    }
}

impl EstimateOptions {
    /// Checks every threshold; the first problem is the error.
    pub fn validate(&self) -> Result<(), StrategyError> {
        let bad = |name, reason: String| Err(StrategyError::InvalidOption { name, reason });
        let finite = [
            ("estimate.purchaseLow", self.purchase_low),
            ("estimate.purchaseHigh", self.purchase_high),
            ("estimate.marginHigh", self.margin_high),
            ("estimate.growthLow", self.growth_low),
            ("estimate.growthHigh", self.growth_high),
            ("estimate.fallingGrowth", self.falling_growth),
            ("estimate.growingGrowth", self.growing_growth),
            ("estimate.longYears", self.long_years),
            ("estimate.frequentOrders", self.frequent_orders),
            ("estimate.highShare", self.high_share),
            ("estimate.steadyYears", self.steady_years),
        ];
        for (name, v) in finite {
            if !v.is_finite() {
                return bad(name, format!("must be a finite number, got {v}"));
            }
        }
        if !(self.purchase_low > 0.0 && self.purchase_low < self.purchase_high) {
            return bad(
                "estimate.purchaseLow",
                "must be > 0 and below purchaseHigh".to_string(),
            );
        }
        if self.margin_high <= 0.0 {
            return bad("estimate.marginHigh", "must be > 0".to_string());
        }
        if self.growth_low >= self.growth_high {
            return bad("estimate.growthLow", "must be below growthHigh".to_string());
        }
        if self.falling_growth > self.growing_growth {
            return bad(
                "estimate.fallingGrowth",
                "must not be above growingGrowth".to_string(),
            );
        }
        if !(1..=4).contains(&self.min_factors) {
            return bad(
                "estimate.minFactors",
                format!("must be 1–4, got {}", self.min_factors),
            );
        }
        for (name, v) in [
            ("estimate.longYears", self.long_years),
            ("estimate.frequentOrders", self.frequent_orders),
            ("estimate.steadyYears", self.steady_years),
        ] {
            if v < 0.0 {
                return bad(name, format!("must be ≥ 0, got {v}"));
            }
        }
        if !(0.0..=1.0).contains(&self.high_share) {
            return bad(
                "estimate.highShare",
                format!("must be in [0, 1], got {}", self.high_share),
            );
        }
        Ok(())
    }
}

/// A field's name in a language, as estimates and notices show it (`年采购额`).
pub(crate) fn field_name(lang: Lang, key: &str) -> String {
    crate::texts::text(lang, &format!("attractiveness_field.{key}")).to_string()
}

/// How a value is shown inside a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shown {
    Money,
    Share,
    Count,
    Years,
    Days,
}

/// A value as people read it in a sentence: money in 万/亿 (zh) or k/M (en), shares in %,
/// counts whole, years with one decimal.
pub(crate) fn show(value: f64, how: Shown, lang: Lang) -> String {
    use crate::row::format_number;
    let one = |v: f64| format_number((v * 10.0).round() / 10.0);
    match how {
        Shown::Money => {
            let a = value.abs();
            match lang {
                Lang::ZhCn if a >= 1e8 => format!("¥{}亿", one(value / 1e8)),
                Lang::ZhCn if a >= 1e4 => format!("¥{}万", one(value / 1e4)),
                Lang::En if a >= 1e9 => format!("¥{}bn", one(value / 1e9)),
                Lang::En if a >= 1e6 => format!("¥{}M", one(value / 1e6)),
                Lang::En if a >= 1e3 => format!("¥{}k", one(value / 1e3)),
                _ => format!("¥{}", format_number(value.round())),
            }
        }
        Shown::Share => format!("{}%", one(value * 100.0)),
        Shown::Count | Shown::Days => format_number(value.round()),
        Shown::Years => one(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_bad_options_are_refused() {
        assert!(EstimateOptions::default().validate().is_ok());
        for bad in [
            EstimateOptions {
                purchase_low: 0.0,
                ..Default::default()
            },
            EstimateOptions {
                growth_low: 0.5,
                ..Default::default()
            },
            EstimateOptions {
                min_factors: 0,
                ..Default::default()
            },
            EstimateOptions {
                high_share: 1.5,
                ..Default::default()
            },
            EstimateOptions {
                falling_growth: 0.2,
                ..Default::default()
            },
            EstimateOptions {
                long_years: f64::NAN,
                ..Default::default()
            },
        ] {
            assert!(bad.validate().is_err(), "{bad:?}");
        }
        let o: EstimateOptions =
            serde_json::from_str(r#"{"frequentOrders": 6, "longYears": 2}"#).unwrap();
        assert_eq!((o.frequent_orders, o.long_years), (6.0, 2.0));
        assert!(serde_json::from_str::<EstimateOptions>(r#"{"nope": 1}"#).is_err());
    }

    #[test]
    fn values_as_people_read_them() {
        assert_eq!(show(1_200_000.0, Shown::Money, Lang::ZhCn), "¥120万");
        assert_eq!(show(350_000_000.0, Shown::Money, Lang::ZhCn), "¥3.5亿");
        assert_eq!(show(1_200_000.0, Shown::Money, Lang::En), "¥1.2M");
        assert_eq!(show(0.234, Shown::Share, Lang::En), "23.4%");
        assert_eq!(show(-0.12, Shown::Share, Lang::ZhCn), "-12%");
        assert_eq!(show(3.25, Shown::Years, Lang::ZhCn), "3.3");
        assert_eq!(show(12.0, Shown::Count, Lang::En), "12");
    }
}
