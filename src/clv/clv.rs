//! Customer lifetime value as lifetimes' `customer_lifetime_value` computes it: over
//! `horizon_months` monthly steps, the expected purchases in each month (the difference of
//! the BG/NBD conditional expectation at the month's end and start) times the Gamma-Gamma
//! expected spend per purchase, discounted by (1 + monthly rate)^month.
//!
//! One difference from lifetimes: a month is 30.4375 days in every unit (lifetimes uses
//! 4.345 weeks or 30 days).

use super::bgnbd::{expected_purchases, BgNbdParams};
use super::gamma_gamma::{expected_spend, GammaGammaParams};
use super::{PredictError, TimeUnit};
use crate::model::plan::Fnv;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// What a CLV call needs besides the parameters: all explicit, no defaults.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClvOptions {
    /// Months ahead to sum over.
    pub horizon: u32,
    /// The unit the summary and the BG/NBD parameters are in.
    pub unit: TimeUnit,
    /// Discount rate per month (0.01 = 1 % a month).
    pub discount_rate: f64,
}

/// One customer's history as the CLV needs it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct History {
    pub frequency: f64,
    pub recency: f64,
    pub t: f64,
    pub monetary: f64,
}

/// The discount rate, checked.
fn checked_rate(options: &ClvOptions) -> Result<f64, PredictError> {
    let rate = options.discount_rate;
    if rate.is_finite() && rate > -1.0 {
        Ok(rate)
    } else {
        Err(PredictError::BadDiscountRate(rate))
    }
}

/// The discount factor of each month of the horizon, 1/(1 + rate)^i.
fn discounts(options: &ClvOptions) -> Result<Vec<f64>, PredictError> {
    let ln_discount = libm::log1p(checked_rate(options)?);
    Ok((1..=options.horizon)
        .map(|i| libm::exp(-f64::from(i) * ln_discount))
        .collect())
}

/// The expected purchases in each month of the horizon: they depend on (x, tₓ, T) only, so
/// customers who share them share these terms.
fn monthly_purchases(
    bg: &BgNbdParams,
    h: &History,
    options: &ClvOptions,
    out: &mut Vec<f64>,
) -> Result<(), PredictError> {
    let month = options.unit.per_month();
    let mut before = 0.0;
    for i in 1..=options.horizon {
        let upto = expected_purchases(bg, f64::from(i) * month, h.frequency, h.recency, h.t)?;
        out.push(upto - before);
        before = upto;
    }
    Ok(())
}

/// Σ spend × purchases in month i × discount i.
fn discounted(spend: f64, purchases: &[f64], discounts: &[f64]) -> Result<f64, PredictError> {
    let total = purchases
        .iter()
        .zip(discounts)
        .fold(0.0, |total, (n, d)| total + spend * n * d);
    if total.is_finite() {
        Ok(total)
    } else {
        Err(PredictError::NotFinite)
    }
}

/// The discounted expected value of one customer over the horizon.
pub fn customer_lifetime_value(
    bg: &BgNbdParams,
    gg: &GammaGammaParams,
    h: &History,
    options: &ClvOptions,
) -> Result<f64, PredictError> {
    let discounts = discounts(options)?;
    let spend = expected_spend(gg, h.frequency, h.monetary)?;
    let mut purchases = Vec::with_capacity(discounts.len());
    monthly_purchases(bg, h, options, &mut purchases)?;
    discounted(spend, &purchases, &discounts)
}

/// The CLV of every customer of a summary; the first customer that cannot be valued is the
/// error, with its position from 1. The monthly purchases are computed once per distinct
/// (x, tₓ, T): a large summary has several customers on each.
pub fn customer_lifetime_values(
    bg: &BgNbdParams,
    gg: &GammaGammaParams,
    frequency: &[f64],
    recency: &[f64],
    t: &[f64],
    monetary: &[f64],
    options: &ClvOptions,
) -> Result<Vec<f64>, PredictError> {
    let n = frequency.len();
    if recency.len() != n || t.len() != n || monetary.len() != n {
        return Err(PredictError::LengthMismatch(format!(
            "frequency {n}, recency {}, T {}, monetary {}",
            recency.len(),
            t.len(),
            monetary.len()
        )));
    }
    let discounts = discounts(options)?;
    let months = discounts.len();
    let mut shared: HashMap<(u64, u64, u64), usize, BuildHasherDefault<Fnv>> = HashMap::default();
    let mut purchases: Vec<f64> = Vec::new();
    let mut out = Vec::with_capacity(n);
    for (i, (((&x, &tx), &age), &m)) in frequency
        .iter()
        .zip(recency)
        .zip(t)
        .zip(monetary)
        .enumerate()
    {
        super::check_customer(i, x, tx, age)?;
        let h = History {
            frequency: x,
            recency: tx,
            t: age,
            monetary: m,
        };
        let spend = expected_spend(gg, x, m).map_err(|e| match e {
            PredictError::BadMonetary { value, .. } => PredictError::BadMonetary {
                index: i + 1,
                value,
            },
            other => other,
        })?;
        let key = (x.to_bits(), tx.to_bits(), age.to_bits());
        let at = match shared.get(&key) {
            Some(&at) => at,
            None => {
                let at = purchases.len();
                monthly_purchases(bg, &h, options, &mut purchases)?;
                shared.insert(key, at);
                at
            }
        };
        let these = purchases.get(at..at + months).unwrap_or(&[]);
        out.push(discounted(spend, these, &discounts)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BG: BgNbdParams = BgNbdParams {
        r: 0.243,
        alpha: 4.414,
        a: 0.793,
        b: 2.426,
    };
    const GG: GammaGammaParams = GammaGammaParams {
        p: 6.25,
        q: 3.74,
        gamma: 15.44,
    };

    fn clv(h: &History, o: &ClvOptions) -> f64 {
        match customer_lifetime_value(&BG, &GG, h, o) {
            Ok(v) => v,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn undiscounted_clv_is_spend_times_expected_purchases() {
        // Without discount the monthly differences telescope: CLV = spend · E[X(12 months)].
        let h = History {
            frequency: 2.0,
            recency: 30.43,
            t: 38.86,
            monetary: 22.35,
        };
        let o = ClvOptions {
            horizon: 12,
            unit: TimeUnit::Week,
            discount_rate: 0.0,
        };
        let spend = match expected_spend(&GG, 2.0, 22.35) {
            Ok(v) => v,
            Err(e) => panic!("{e}"),
        };
        let e = match expected_purchases(&BG, 12.0 * 30.4375 / 7.0, 2.0, 30.43, 38.86) {
            Ok(v) => v,
            Err(e) => panic!("{e}"),
        };
        assert!((clv(&h, &o) - spend * e).abs() < 1e-10);
        // Discounting lowers it; a longer horizon raises it.
        let discounted = clv(
            &h,
            &ClvOptions {
                discount_rate: 0.01,
                ..o
            },
        );
        assert!(discounted < spend * e && discounted > 0.8 * spend * e);
        assert!(clv(&h, &ClvOptions { horizon: 24, ..o }) > spend * e);
    }

    #[test]
    fn the_unit_matters_only_through_the_parameters() {
        // The same customer in days with α in days gives the same CLV as in weeks.
        let h_w = History {
            frequency: 3.0,
            recency: 20.0,
            t: 30.0,
            monetary: 40.0,
        };
        let h_d = History {
            recency: 140.0,
            t: 210.0,
            ..h_w
        };
        let bg_d = BgNbdParams {
            alpha: BG.alpha * 7.0,
            ..BG
        };
        let o = ClvOptions {
            horizon: 6,
            unit: TimeUnit::Week,
            discount_rate: 0.02,
        };
        let weeks = clv(&h_w, &o);
        let days = match customer_lifetime_value(
            &bg_d,
            &GG,
            &h_d,
            &ClvOptions {
                unit: TimeUnit::Day,
                ..o
            },
        ) {
            Ok(v) => v,
            Err(e) => panic!("{e}"),
        };
        assert!((weeks - days).abs() < 1e-9 * weeks, "{weeks} {days}");
    }

    #[test]
    fn bad_options_are_errors() {
        let h = History {
            frequency: 0.0,
            recency: 0.0,
            t: 10.0,
            monetary: 0.0,
        };
        let o = ClvOptions {
            horizon: 12,
            unit: TimeUnit::Month,
            discount_rate: -1.5,
        };
        assert!(matches!(
            customer_lifetime_value(&BG, &GG, &h, &o),
            Err(PredictError::BadDiscountRate(_))
        ));
        assert!(customer_lifetime_values(&BG, &GG, &[1.0], &[], &[1.0], &[1.0], &o).is_err());
    }
}
