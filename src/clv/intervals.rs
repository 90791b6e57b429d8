//! Intervals for P(alive), expected purchases and CLV from the parameters' uncertainty, by
//! the delta method: the fit's covariance Σ of the log-parameters (the inverse observed
//! information), the gradient ∇g of the quantity on a scale where it is closer to normal
//! (logit for P(alive), log for expected purchases and CLV) by central differences, and
//! g ± z·√(∇gᵀ Σ ∇g) mapped back, z the normal quantile of the level. For the CLV the BG/NBD
//! and Gamma-Gamma fits are independent (separate likelihoods), so their variances add.
//!
//! These intervals are for the model's prediction (what the customer is expected to do),
//! not for the purchases the customer will actually make, which scatter around it.

use super::bgnbd::{self, BgNbdParams};
use super::clv::{customer_lifetime_value, ClvOptions, History};
use super::gamma_gamma::GammaGammaParams;
use super::pareto_nbd::{self, ParetoNbdParams};
use super::{check_customer, logistic_neg, PredictError, Rft};
use serde::Serialize;

/// Why an interval cannot be given.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum IntervalError {
    #[error("the interval level must be a number between 0 and 1, e.g. 0.9 (got {0})")]
    BadLevel(f64),
    #[error("the covariance must be a symmetric {0}×{0} matrix of finite numbers with a non-negative diagonal (from the fit)")]
    BadCovariance(usize),
    #[error(transparent)]
    Predict(#[from] PredictError),
}

/// Step in the log-parameters of the central differences.
const STEP: f64 = 1e-5;

/// z with Φ(z) = (1 + level) / 2, by bisection on erfc (deterministic to the last bit).
pub fn normal_quantile(level: f64) -> Result<f64, IntervalError> {
    if !(level.is_finite() && level > 0.0 && level < 1.0) {
        return Err(IntervalError::BadLevel(level));
    }
    // Upper tail 1 − Φ(z) = erfc(z/√2)/2 = (1 − level)/2.
    let tail = 0.5 * (1.0 - level);
    let (mut lo, mut hi) = (0.0_f64, 40.0_f64);
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if 0.5 * libm::erfc(mid / std::f64::consts::SQRT_2) > tail {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(0.5 * (lo + hi))
}

/// Checks a covariance matrix from a fit (or from JavaScript).
#[allow(clippy::needless_range_loop)] // a matrix reads best with indices
pub fn check_covariance<const N: usize>(cov: &[[f64; N]; N]) -> Result<(), IntervalError> {
    for i in 0..N {
        for j in 0..N {
            let v = cov[i][j];
            if !v.is_finite()
                || (i == j && v < 0.0)
                || (v - cov[j][i]).abs() > 1e-9 * v.abs().max(1e-300)
            {
                return Err(IntervalError::BadCovariance(N));
            }
        }
    }
    Ok(())
}

/// ∇gᵀ Σ ∇g at `lp`, the gradient by central differences.
fn variance<const N: usize>(
    lp: &[f64; N],
    cov: &[[f64; N]; N],
    g: &impl Fn(&[f64; N]) -> Result<f64, PredictError>,
) -> Result<f64, PredictError> {
    let mut grad = [0.0; N];
    for (i, gi) in grad.iter_mut().enumerate() {
        let (mut up, mut down) = (*lp, *lp);
        up[i] += STEP;
        down[i] -= STEP;
        *gi = (g(&up)? - g(&down)?) / (2.0 * STEP);
    }
    let mut v = 0.0;
    for (i, gi) in grad.iter().enumerate() {
        for (j, gj) in grad.iter().enumerate() {
            v += gi * cov[i][j] * gj;
        }
    }
    if v.is_finite() {
        Ok(v.max(0.0))
    } else {
        Err(PredictError::NotFinite)
    }
}

/// Lower or upper bounds of P(alive) and expected purchases, per customer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Bounds {
    pub p_alive: Vec<f64>,
    pub expected: Vec<f64>,
}

/// The interval of a prediction, per customer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PredictionInterval {
    pub level: f64,
    pub lower: Bounds,
    pub upper: Bounds,
}

/// The model functions of the log-parameters the intervals need: ln(P(dead)/P(alive)) and
/// E[purchases in t].
trait Model<const N: usize> {
    fn odds(&self, lp: &[f64; N], x: f64, tx: f64, age: f64) -> Result<f64, PredictError>;
    fn expected(
        &self,
        lp: &[f64; N],
        t: f64,
        x: f64,
        tx: f64,
        age: f64,
    ) -> Result<f64, PredictError>;
}

struct BgNbd;
impl Model<4> for BgNbd {
    fn odds(&self, lp: &[f64; 4], x: f64, tx: f64, age: f64) -> Result<f64, PredictError> {
        Ok(bgnbd::log_odds_dead(&BgNbdParams::from_log(lp), x, tx, age))
    }
    fn expected(
        &self,
        lp: &[f64; 4],
        t: f64,
        x: f64,
        tx: f64,
        age: f64,
    ) -> Result<f64, PredictError> {
        bgnbd::conditional(&BgNbdParams::from_log(lp), t, x, tx, age)
    }
}

struct ParetoNbd;
impl Model<4> for ParetoNbd {
    fn odds(&self, lp: &[f64; 4], x: f64, tx: f64, age: f64) -> Result<f64, PredictError> {
        pareto_nbd::log_odds_dead(&ParetoNbdParams::from_log(lp), x, tx, age)
    }
    fn expected(
        &self,
        lp: &[f64; 4],
        t: f64,
        x: f64,
        tx: f64,
        age: f64,
    ) -> Result<f64, PredictError> {
        pareto_nbd::conditional_unchecked(&ParetoNbdParams::from_log(lp), t, x, tx, age)
    }
}

fn prediction_interval<const N: usize>(
    model: &impl Model<N>,
    lp: [f64; N],
    cov: &[[f64; N]; N],
    data: Rft,
    t: f64,
    level: f64,
) -> Result<PredictionInterval, IntervalError> {
    let z = normal_quantile(level)?;
    check_covariance(cov)?;
    if !(t.is_finite() && t >= 0.0) {
        return Err(PredictError::BadHorizon(t).into());
    }
    data.check(true).map_err(PredictError::from)?;
    let n = data.frequency.len();
    let mut out = PredictionInterval {
        level,
        lower: Bounds {
            p_alive: Vec::with_capacity(n),
            expected: Vec::with_capacity(n),
        },
        upper: Bounds {
            p_alive: Vec::with_capacity(n),
            expected: Vec::with_capacity(n),
        },
    };
    for ((&x, &tx), &age) in data.frequency.iter().zip(data.recency).zip(data.t) {
        // P(alive) on the logit scale: logit P = −odds.
        let odds = model.odds(&lp, x, tx, age)?;
        if odds.is_finite() {
            let se = libm::sqrt(variance(&lp, cov, &|q| model.odds(q, x, tx, age))?);
            out.lower.p_alive.push(logistic_neg(odds + z * se));
            out.upper.p_alive.push(logistic_neg(odds - z * se));
        } else {
            // Surely alive (BG/NBD without repeat purchases) or surely gone: no uncertainty.
            let p = logistic_neg(odds);
            out.lower.p_alive.push(p);
            out.upper.p_alive.push(p);
        }
        // Expected purchases on the log scale.
        let e = model.expected(&lp, t, x, tx, age)?;
        if e > 0.0 {
            let ln = |q: &[f64; N]| model.expected(q, t, x, tx, age).map(libm::log);
            let se = libm::sqrt(variance(&lp, cov, &ln)?);
            let ln_e = libm::log(e);
            out.lower.expected.push(libm::exp(ln_e - z * se));
            out.upper.expected.push(libm::exp(ln_e + z * se));
        } else {
            out.lower.expected.push(e);
            out.upper.expected.push(e);
        }
    }
    Ok(out)
}

/// Intervals of BG/NBD's P(alive) and expected purchases in the next `t` units, given the
/// fit's covariance of (ln r, ln α, ln a, ln b).
pub fn bgnbd_intervals(
    p: &BgNbdParams,
    cov: &[[f64; 4]; 4],
    data: Rft,
    t: f64,
    level: f64,
) -> Result<PredictionInterval, IntervalError> {
    p.check().map_err(PredictError::from)?;
    prediction_interval(&BgNbd, p.to_log(), cov, data, t, level)
}

/// Intervals of Pareto/NBD's P(alive) and expected purchases in the next `t` units, given the
/// fit's covariance of (ln r, ln α, ln s, ln β).
pub fn pareto_nbd_intervals(
    p: &ParetoNbdParams,
    cov: &[[f64; 4]; 4],
    data: Rft,
    t: f64,
    level: f64,
) -> Result<PredictionInterval, IntervalError> {
    p.check().map_err(PredictError::from)?;
    prediction_interval(&ParetoNbd, p.to_log(), cov, data, t, level)
}

/// The interval of each customer's CLV.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClvInterval {
    pub level: f64,
    pub lower: Vec<f64>,
    pub upper: Vec<f64>,
}

/// The fitted parameters of the CLV with their covariances (of the log-parameters).
#[derive(Debug, Clone, Copy)]
pub struct ClvUncertainty<'a> {
    pub bg: &'a BgNbdParams,
    pub bg_cov: &'a [[f64; 4]; 4],
    pub gg: &'a GammaGammaParams,
    pub gg_cov: &'a [[f64; 3]; 3],
}

/// Intervals of the CLV of each customer (columns frequency, recency, T, monetary).
pub fn clv_intervals(
    u: ClvUncertainty,
    history: &[History],
    options: &ClvOptions,
    level: f64,
) -> Result<ClvInterval, IntervalError> {
    let z = normal_quantile(level)?;
    check_covariance(u.bg_cov)?;
    check_covariance(u.gg_cov)?;
    u.bg.check().map_err(PredictError::from)?;
    u.gg.check().map_err(PredictError::from)?;
    let (bg_lp, gg_lp) = (u.bg.to_log(), [u.gg.p, u.gg.q, u.gg.gamma].map(libm::log));
    let gg_of = |q: &[f64; 3]| GammaGammaParams {
        p: libm::exp(q[0]),
        q: libm::exp(q[1]),
        gamma: libm::exp(q[2]),
    };
    let mut out = ClvInterval {
        level,
        lower: Vec::with_capacity(history.len()),
        upper: Vec::with_capacity(history.len()),
    };
    for (i, h) in history.iter().enumerate() {
        check_customer(i, h.frequency, h.recency, h.t).map_err(PredictError::from)?;
        let value = customer_lifetime_value(u.bg, u.gg, h, options)?;
        if value > 0.0 {
            let by_bg = |q: &[f64; 4]| {
                customer_lifetime_value(&BgNbdParams::from_log(q), u.gg, h, options).map(libm::log)
            };
            let by_gg =
                |q: &[f64; 3]| customer_lifetime_value(u.bg, &gg_of(q), h, options).map(libm::log);
            let v = variance(&bg_lp, u.bg_cov, &by_bg)? + variance(&gg_lp, u.gg_cov, &by_gg)?;
            let (ln_v, se) = (libm::log(value), libm::sqrt(v));
            out.lower.push(libm::exp(ln_v - z * se));
            out.upper.push(libm::exp(ln_v + z * se));
        } else {
            out.lower.push(value);
            out.upper.push(value);
        }
    }
    Ok(out)
}

#[cfg(test)]
#[path = "intervals_tests.rs"]
mod tests;
