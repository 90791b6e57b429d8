//! BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way", *Marketing
//! Science* 24(2)): while alive a customer buys at a Poisson rate λ ~ Gamma(r, α); after
//! each purchase they drop out with probability p ~ Beta(a, b).
//!
//! The likelihood is computed in log space (lgamma, log-sum-exp), so large frequencies and
//! long histories do not overflow; the fit maximises it over the log-parameters with
//! Nelder–Mead on the time-rescaled data (as lifetimes does: max T = 1), grouping identical
//! (x, tₓ, T) rows. Standard errors come from the inverse of the observed information (the
//! numerical Hessian at the optimum), by the delta method from the log-parameters.

use super::hyp2f1::hyp2f1_minus_one;
use super::optim::{fit_log_parameters, WALL};
use super::{
    check_customer, check_positive, log_add_exp, logistic_neg, FitError, ParamsError, PredictError,
    Rft,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const MODEL: &str = "BG/NBD";

/// The four BG/NBD parameters; `alpha` is in the time unit of the data.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BgNbdParams {
    pub r: f64,
    pub alpha: f64,
    pub a: f64,
    pub b: f64,
}

impl BgNbdParams {
    /// Parameters given by hand (e.g. published ones), checked.
    pub fn new(r: f64, alpha: f64, a: f64, b: f64) -> Result<BgNbdParams, ParamsError> {
        let p = BgNbdParams { r, alpha, a, b };
        p.check()?;
        Ok(p)
    }

    /// Every parameter finite and > 0.
    pub fn check(&self) -> Result<(), ParamsError> {
        check_positive(
            MODEL,
            &[
                ("r", self.r),
                ("alpha", self.alpha),
                ("a", self.a),
                ("b", self.b),
            ],
        )
    }

    pub(crate) fn from_log(x: &[f64; 4]) -> BgNbdParams {
        BgNbdParams {
            r: libm::exp(x[0]),
            alpha: libm::exp(x[1]),
            a: libm::exp(x[2]),
            b: libm::exp(x[3]),
        }
    }

    pub(crate) fn to_log(self) -> [f64; 4] {
        [self.r, self.alpha, self.a, self.b].map(libm::log)
    }
}

/// A fitted BG/NBD model.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BgNbdFit {
    pub params: BgNbdParams,
    /// The log-likelihood of the data (in its own time unit) at the estimate.
    pub log_likelihood: f64,
    /// Standard errors of r, α, a, b.
    pub std_errors: BgNbdParams,
    /// The covariance of (ln r, ln α, ln a, ln b): the inverse observed information.
    pub covariance: [[f64; 4]; 4],
    /// Customers fitted, and the distinct (x, tₓ, T) rows they collapse to.
    pub customers: usize,
    pub groups: usize,
    /// Nelder–Mead iterations used.
    pub iterations: usize,
}

/// Per customer: the probability of being alive now, and the expected number of purchases
/// in the next t units.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BgNbdPrediction {
    pub p_alive: Vec<f64>,
    pub expected: Vec<f64>,
}

/// The parameter-only parts of the log-likelihood, computed once per evaluation.
struct Constants {
    r: f64,
    alpha: f64,
    a: f64,
    b: f64,
    head: f64,
    ln_a: f64,
    lg_r: f64,
    lg_b: f64,
    lg_ab: f64,
}

impl Constants {
    fn new(p: &BgNbdParams) -> Constants {
        let lg_r = libm::lgamma(p.r);
        let lg_b = libm::lgamma(p.b);
        let lg_ab = libm::lgamma(p.a + p.b);
        Constants {
            r: p.r,
            alpha: p.alpha,
            a: p.a,
            b: p.b,
            head: p.r * libm::log(p.alpha),
            ln_a: libm::log(p.a),
            lg_r,
            lg_b,
            lg_ab,
        }
    }

    /// ln L(r, α, a, b | x, tₓ, T) (FHL 2005, eq. 6; Hardie's note 004 §7).
    fn ll(&self, x: f64, tx: f64, t: f64) -> f64 {
        self.of_x(x) + self.of_times(x, libm::log(self.b + x - 1.0), tx, t)
    }

    /// The terms that depend on x only (A₁ + A₂ of Hardie's note).
    fn of_x(&self, x: f64) -> f64 {
        let (r, a, b) = (self.r, self.a, self.b);
        libm::lgamma(r + x) - self.lg_r + self.head + self.lg_ab + libm::lgamma(b + x)
            - self.lg_b
            - libm::lgamma(a + b + x)
    }

    /// ln(e^A₃ + δ(x>0) e^A₄), given ln(b + x − 1).
    fn of_times(&self, x: f64, ln_bx1: f64, tx: f64, t: f64) -> f64 {
        self.of_logs(
            x,
            ln_bx1,
            libm::log(self.alpha + tx),
            libm::log(self.alpha + t),
        )
    }

    /// As [`Constants::of_times`], given ln(α + tₓ) and ln(α + T).
    fn of_logs(&self, x: f64, ln_bx1: f64, ln_alpha_tx: f64, ln_alpha_t: f64) -> f64 {
        let rx = self.r + x;
        let a3 = -rx * ln_alpha_t;
        if x > 0.0 {
            let a4 = self.ln_a - ln_bx1 - rx * ln_alpha_tx;
            log_add_exp(a3, a4)
        } else {
            a3
        }
    }
}

/// Rows grouped by x (the lgamma terms are computed once per x), each row (tₓ, T, count) with
/// tₓ and T as indices into the distinct times: a log on a day grid has a few hundred distinct
/// times for any number of customers, so ln(α + t) is taken once per time, not per row.
type Block = (f64, f64, Vec<(u32, u32, f64)>);
struct Blocks {
    times: Vec<f64>,
    blocks: Vec<Block>,
}

impl Blocks {
    fn new(rows: &[(f64, f64, f64, f64)]) -> Blocks {
        let mut times: Vec<f64> = rows.iter().flat_map(|r| [r.1, r.2]).collect();
        times.sort_by(f64::total_cmp);
        times.dedup_by(|a, b| a.to_bits() == b.to_bits());
        let at = |v: f64| times.partition_point(|&u| u.total_cmp(&v).is_lt()) as u32;
        let mut blocks: Vec<Block> = Vec::new();
        for &(x, tx, t, w) in rows {
            let row = (at(tx), at(t), w);
            match blocks.last_mut() {
                Some(block) if block.0 == x => {
                    block.1 += w;
                    block.2.push(row);
                }
                _ => blocks.push((x, w, vec![row])),
            }
        }
        Blocks { times, blocks }
    }

    fn ll(&self, c: &Constants) -> f64 {
        let ln: Vec<f64> = self.times.iter().map(|&v| libm::log(c.alpha + v)).collect();
        let ln_of = |i: u32| ln.get(i as usize).copied().unwrap_or(f64::NAN);
        let mut total = 0.0;
        for (x, weight, rows) in &self.blocks {
            let ln_bx1 = libm::log(c.b + x - 1.0);
            let times: f64 = rows
                .iter()
                .map(|&(tx, t, w)| w * c.of_logs(*x, ln_bx1, ln_of(tx), ln_of(t)))
                .sum();
            total += weight * c.of_x(*x) + times;
        }
        total
    }
}

/// The log-likelihood of one customer.
pub fn log_likelihood_one(p: &BgNbdParams, x: f64, tx: f64, t: f64) -> f64 {
    Constants::new(p).ll(x, tx, t)
}

/// The log-likelihood of a set of customers.
pub fn log_likelihood(p: &BgNbdParams, data: Rft) -> Result<f64, FitError> {
    data.check(false)?;
    let c = Constants::new(p);
    Ok(data
        .frequency
        .iter()
        .zip(data.recency)
        .zip(data.t)
        .map(|((&x, &tx), &t)| c.ll(x, tx, t))
        .sum())
}

/// Identical (x, tₓ, T) rows with their summed weights (1 each when there are none), in a
/// fixed order (so the sums, and the fit, are the same bits everywhere); weight-0 rows drop out.
fn groups(data: Rft, weights: Option<&[f64]>) -> Vec<(f64, f64, f64, f64)> {
    let mut map: BTreeMap<(u64, u64, u64), f64> = BTreeMap::new();
    for (i, ((&x, &tx), &t)) in data
        .frequency
        .iter()
        .zip(data.recency)
        .zip(data.t)
        .enumerate()
    {
        let w = weights.and_then(|w| w.get(i)).copied().unwrap_or(1.0);
        if w > 0.0 {
            *map.entry((x.to_bits(), tx.to_bits(), t.to_bits()))
                .or_insert(0.0) += w;
        }
    }
    map.into_iter()
        .map(|((x, tx, t), w)| (f64::from_bits(x), f64::from_bits(tx), f64::from_bits(t), w))
        .collect()
}

/// The distinct (x, tₓ, T) of a summary with how many customers share each: fitting these
/// with [`fit_weighted`] gives the fit of the whole summary.
pub fn compress(data: Rft) -> Result<CompressedRft, FitError> {
    data.check(false)?;
    let g = groups(data, None);
    Ok(CompressedRft {
        frequency: g.iter().map(|g| g.0).collect(),
        recency: g.iter().map(|g| g.1).collect(),
        t: g.iter().map(|g| g.2).collect(),
        count: g.iter().map(|g| g.3).collect(),
    })
}

/// Distinct (frequency, recency, T) rows and the number of customers in each.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompressedRft {
    pub frequency: Vec<f64>,
    pub recency: Vec<f64>,
    pub t: Vec<f64>,
    pub count: Vec<f64>,
}

impl CompressedRft {
    pub fn rft(&self) -> Rft<'_> {
        Rft {
            frequency: &self.frequency,
            recency: &self.recency,
            t: &self.t,
        }
    }
}

/// Fits BG/NBD to customers' (frequency, recency, T) by maximum likelihood.
pub fn fit(data: Rft) -> Result<BgNbdFit, FitError> {
    data.check(false)?;
    let mut out = fit_groups(groups(data, None))?;
    out.customers = data.frequency.len();
    Ok(out)
}

/// Fits BG/NBD with a weight per customer (e.g. the counts of [`compress`]): the likelihood
/// is Σ wᵢ ln Lᵢ, so a row of weight k counts as k equal customers. `customers` is then the
/// total weight, rounded.
pub fn fit_weighted(data: Rft, weights: &[f64]) -> Result<BgNbdFit, FitError> {
    data.check(false)?;
    super::check_weights(data.frequency.len(), weights)?;
    fit_groups(groups(data, Some(weights)))
}

fn fit_groups(grouped: Vec<(f64, f64, f64, f64)>) -> Result<BgNbdFit, FitError> {
    if grouped.iter().all(|g| g.0 == 0.0) {
        return Err(FitError::NoRepeatBuyers(MODEL));
    }
    let n: f64 = grouped.iter().map(|g| g.3).sum();
    // Time rescaled so that the oldest customer has T = 1; α scales with it.
    let max_t = grouped.iter().fold(0.0_f64, |m, g| m.max(g.2));
    let scale = 1.0 / max_t;
    let scaled: Vec<(f64, f64, f64, f64)> = grouped
        .iter()
        .map(|&(x, tx, t, w)| (x, tx * scale, t * scale, w))
        .collect();
    let blocks = Blocks::new(&scaled);
    let mean_nll = |lp: &[f64; 4]| {
        // A wall far out, so that a fit running off to 0 or ∞ stops and is reported.
        if lp.iter().any(|v| v.abs() > WALL) {
            return f64::INFINITY;
        }
        -blocks.ll(&Constants::new(&BgNbdParams::from_log(lp))) / n
    };
    // The rescaling shifts ln α only, which leaves the Hessian unchanged.
    let (found, cov) = fit_log_parameters(MODEL, ["r", "alpha", "a", "b"], n, mean_nll)?;
    let mut params = BgNbdParams::from_log(&found.x);
    params.alpha /= scale;
    let se = |i: usize, theta: f64| theta * libm::sqrt(cov[i][i]);
    let std_errors = BgNbdParams {
        r: se(0, params.r),
        alpha: se(1, params.alpha),
        a: se(2, params.a),
        b: se(3, params.b),
    };
    let log_likelihood = Blocks::new(&grouped).ll(&Constants::new(&params));
    Ok(BgNbdFit {
        params,
        log_likelihood,
        std_errors,
        covariance: cov,
        customers: n.round() as usize,
        groups: grouped.len(),
        iterations: found.iterations,
    })
}

/// P(alive | x, tₓ, T) (Hardie's note 021): 1 for a customer without repeat purchases.
pub fn p_alive(p: &BgNbdParams, x: f64, tx: f64, t: f64) -> f64 {
    logistic_neg(log_odds_dead(p, x, tx, t))
}

/// ln(P(dead) / P(alive)); −∞ for a customer without repeat purchases.
pub(crate) fn log_odds_dead(p: &BgNbdParams, x: f64, tx: f64, t: f64) -> f64 {
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    (p.r + x) * (libm::log(p.alpha + t) - libm::log(p.alpha + tx)) + libm::log(p.a)
        - libm::log(p.b + x - 1.0)
}

fn check_horizon(t: f64) -> Result<(), PredictError> {
    if t.is_finite() && t >= 0.0 {
        Ok(())
    } else {
        Err(PredictError::BadHorizon(t))
    }
}

/// E[X(T, T + t) | x, tₓ, T]: expected purchases in the next t units (FHL 2005 eq. 10).
pub fn expected_purchases(
    p: &BgNbdParams,
    t: f64,
    x: f64,
    tx: f64,
    age: f64,
) -> Result<f64, PredictError> {
    p.check()?;
    check_horizon(t)?;
    check_customer(0, x, tx, age)?;
    conditional(p, t, x, tx, age)
}

/// E[X(t)]: expected purchases by t of a customer just acquired (FHL 2005 eq. 9).
pub fn expected_purchases_new(p: &BgNbdParams, t: f64) -> Result<f64, PredictError> {
    p.check()?;
    check_horizon(t)?;
    conditional(p, t, 0.0, 0.0, 0.0)
}

/// Eq. 10, with the hypergeometric term rewritten by Euler's transformation
/// ((1−z)^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z) = (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z),
/// z = t/(α+T+t)), whose parameters do not grow with x, and the denominator as P(alive).
pub(crate) fn conditional(
    p: &BgNbdParams,
    t: f64,
    x: f64,
    tx: f64,
    age: f64,
) -> Result<f64, PredictError> {
    if t == 0.0 {
        return Ok(0.0);
    }
    // At a = 1 the expression is 0/0; it is smooth in a, so average a = 1 ± 10⁻⁶ there.
    const NEAR_ONE: f64 = 1e-6;
    let value = if (p.a - 1.0).abs() < NEAR_ONE {
        let lo = conditional_at(p, 1.0 - NEAR_ONE, t, x, tx, age)?;
        let hi = conditional_at(p, 1.0 + NEAR_ONE, t, x, tx, age)?;
        0.5 * (lo + hi)
    } else {
        conditional_at(p, p.a, t, x, tx, age)?
    };
    if value.is_finite() {
        Ok(value)
    } else {
        Err(PredictError::NotFinite)
    }
}

fn conditional_at(
    p: &BgNbdParams,
    a: f64,
    t: f64,
    x: f64,
    tx: f64,
    age: f64,
) -> Result<f64, PredictError> {
    let (r, alpha, b) = (p.r, p.alpha, p.b);
    let ln_1mz = libm::log(alpha + age) - libm::log(alpha + age + t);
    let z = t / (alpha + age + t);
    let s = hyp2f1_minus_one(a + b - 1.0 - r, a - 1.0, a + b + x - 1.0, z)?;
    // 1 − (1−z)^(a−1)·(1 + s), kept exact when both parts are near 1.
    let bracket = if s > -1.0 {
        -libm::expm1((a - 1.0) * ln_1mz + libm::log1p(s))
    } else {
        1.0 - libm::exp((a - 1.0) * ln_1mz) * (1.0 + s)
    };
    let first = (a + b + x - 1.0) / (a - 1.0);
    let alive = p_alive(&BgNbdParams { a, ..*p }, x, tx, age);
    Ok(first * bracket * alive)
}

/// P(X(t) = k): the probability that a customer just acquired makes k repeat purchases by t
/// (FHL 2005 eq. 8), in log space.
pub fn prob_purchases(p: &BgNbdParams, t: f64, k: u32) -> Result<f64, PredictError> {
    p.check()?;
    check_horizon(t)?;
    if t == 0.0 {
        return Ok(if k == 0 { 1.0 } else { 0.0 });
    }
    let (r, alpha, a, b) = (p.r, p.alpha, p.a, p.b);
    let n = f64::from(k);
    let ln_beta = |u: f64, v: f64| libm::lgamma(u) + libm::lgamma(v) - libm::lgamma(u + v);
    let ln_p0 = r * (libm::log(alpha) - libm::log(alpha + t));
    let ln_q = libm::log(t) - libm::log(alpha + t);
    let lg_r = libm::lgamma(r);
    // ln of the NBD probability of j purchases by t while alive.
    let nbd = |j: f64| libm::lgamma(r + j) - lg_r - libm::lgamma(j + 1.0) + ln_p0 + j * ln_q;
    let first = libm::exp(ln_beta(a, b + n) - ln_beta(a, b) + nbd(n));
    let second = if k > 0 {
        let cdf: f64 = (0..k).map(|j| libm::exp(nbd(f64::from(j)))).sum();
        libm::exp(ln_beta(a + 1.0, b + n - 1.0) - ln_beta(a, b)) * (1.0 - cdf).max(0.0)
    } else {
        0.0
    };
    let out = first + second;
    if out.is_finite() {
        Ok(out)
    } else {
        Err(PredictError::NotFinite)
    }
}

/// P(alive) and the expected purchases in the next `t` units for each customer.
pub fn predict(p: &BgNbdParams, data: Rft, t: f64) -> Result<BgNbdPrediction, PredictError> {
    p.check()?;
    check_horizon(t)?;
    data.check(true)?;
    let mut out = BgNbdPrediction {
        p_alive: Vec::with_capacity(data.frequency.len()),
        expected: Vec::with_capacity(data.frequency.len()),
    };
    for ((&x, &tx), &age) in data.frequency.iter().zip(data.recency).zip(data.t) {
        out.p_alive.push(p_alive(p, x, tx, age));
        out.expected.push(conditional(p, t, x, tx, age)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(r: f64, alpha: f64, a: f64, b: f64) -> BgNbdParams {
        BgNbdParams { r, alpha, a, b }
    }

    /// Fader, Hardie & Lee (2005), CDNOW.
    const FHL: BgNbdParams = BgNbdParams {
        r: 0.243,
        alpha: 4.414,
        a: 0.793,
        b: 2.426,
    };

    fn close(got: f64, want: f64, tol: f64) {
        assert!((got - want).abs() <= tol, "got {got}, want {want}");
    }

    #[test]
    fn log_likelihood_by_hand() {
        // L = B(a, b+x)/B(a, b) · Γ(r+x)/Γ(r) · α^r · [(α+T)^-(r+x) + δ a/(b+x−1) (α+tₓ)^-(r+x)].
        // r = α = a = b = 1, x = 0, T = 1: L = 1 · 1 · 1 · 2⁻¹.
        close(
            log_likelihood_one(&params(1.0, 1.0, 1.0, 1.0), 0.0, 0.0, 1.0),
            -libm::log(2.0),
            1e-14,
        );
        // x = 1, tₓ = 1, T = 2: B(1,2)/B(1,1) = ½, Γ(2)/Γ(1) = 1, [3⁻² + 2⁻²] = 13/36 → 13/72.
        close(
            log_likelihood_one(&params(1.0, 1.0, 1.0, 1.0), 1.0, 1.0, 2.0),
            libm::log(13.0 / 72.0),
            1e-14,
        );
        // r = 2, α = 3, a = ½, b = 3/2, x = 2, tₓ = 4, T = 6:
        // B(½, 7/2)/B(½, 3/2) = (5π/16)/(π/2) = 5/8; Γ(4)/Γ(2) = 6; α^r = 9;
        // [9⁻⁴ + (½ / (5/2)) · 7⁻⁴].
        let want = 5.0 / 8.0 * 6.0 * 9.0 * (1.0 / 6561.0 + 0.2 / 2401.0);
        close(
            log_likelihood_one(&params(2.0, 3.0, 0.5, 1.5), 2.0, 4.0, 6.0),
            libm::log(want),
            1e-13,
        );
    }

    #[test]
    fn grouped_likelihood_equals_the_row_sum() {
        let x = [0.0, 2.0, 2.0, 0.0, 5.0, 2.0];
        let tx = [0.0, 10.0, 10.0, 0.0, 30.5, 3.0];
        let t = [12.0, 20.0, 20.0, 12.0, 31.0, 40.0];
        let data = Rft {
            frequency: &x,
            recency: &tx,
            t: &t,
        };
        let g = groups(data, None);
        assert_eq!(g.len(), 4);
        let rows = match log_likelihood(&FHL, data) {
            Ok(v) => v,
            Err(e) => panic!("{e}"),
        };
        let grouped = Blocks::new(&g).ll(&Constants::new(&FHL));
        assert!(
            (rows - grouped).abs() < 1e-12 * rows.abs(),
            "{rows} {grouped}"
        );
    }

    #[test]
    fn large_frequencies_and_long_histories_stay_finite() {
        let p = params(0.5, 3.0, 0.8, 2.5);
        let ll = log_likelihood_one(&p, 20_000.0, 9_999.0, 10_000.0);
        assert!(ll.is_finite() && ll < 0.0, "{ll}");
        let alive = p_alive(&p, 20_000.0, 9_999.0, 10_000.0);
        assert!((0.0..=1.0).contains(&alive), "{alive}");
        let e = match expected_purchases(&p, 52.0, 20_000.0, 9_999.0, 10_000.0) {
            Ok(e) => e,
            Err(e) => panic!("{e}"),
        };
        // Rate ≈ x / T = 2 per unit while alive: about 104 in 52 units.
        assert!(e.is_finite() && e > 50.0 && e < 110.0, "{e}");
        // Someone who bought 500 times and then stopped long ago is gone.
        assert!(p_alive(&p, 500.0, 100.0, 10_000.0) < 1e-100);
    }

    #[test]
    fn published_cdnow_predictions() {
        // FHL 2005: customer with x = 2, tₓ = 30.43, T = 38.86 → 1.226 in the next 39 weeks.
        let e = match expected_purchases(&FHL, 39.0, 2.0, 30.43, 38.86) {
            Ok(e) => e,
            Err(e) => panic!("{e}"),
        };
        close(e, 1.226, 0.0005);
        // P(X(39) = 0) = 0.5737864 for a new customer.
        let p0 = match prob_purchases(&FHL, 39.0, 0) {
            Ok(v) => v,
            Err(e) => panic!("{e}"),
        };
        close(p0, 0.573_786_4, 5e-8);
    }

    #[test]
    fn probabilities_sum_to_one_and_match_the_mean() {
        let t = 39.0;
        let mut total = 0.0;
        let mut mean = 0.0;
        for k in 0..2000 {
            let pk = match prob_purchases(&FHL, t, k) {
                Ok(v) => v,
                Err(e) => panic!("{e}"),
            };
            total += pk;
            mean += f64::from(k) * pk;
        }
        close(total, 1.0, 1e-9);
        let e = match expected_purchases_new(&FHL, t) {
            Ok(v) => v,
            Err(e) => panic!("{e}"),
        };
        close(mean, e, 1e-6);
    }

    #[test]
    fn a_near_one_is_smooth() {
        let at = |a: f64| match expected_purchases(&params(0.5, 4.0, a, 2.0), 10.0, 3.0, 8.0, 12.0)
        {
            Ok(v) => v,
            Err(e) => panic!("{e}"),
        };
        let (lo, mid, hi) = (at(0.999), at(1.0), at(1.001));
        assert!(mid.is_finite());
        assert!((mid - 0.5 * (lo + hi)).abs() < 1e-5, "{lo} {mid} {hi}");
    }

    #[test]
    fn bad_input_is_an_error() {
        assert!(BgNbdParams::new(0.2, -1.0, 1.0, 1.0).is_err());
        assert!(expected_purchases(&FHL, -1.0, 0.0, 0.0, 1.0).is_err());
        assert!(expected_purchases(&FHL, 1.0, 1.5, 0.0, 1.0).is_err());
        let data = Rft {
            frequency: &[0.0, 0.0],
            recency: &[0.0, 0.0],
            t: &[5.0, 6.0],
        };
        assert_eq!(fit(data).err(), Some(FitError::NoRepeatBuyers(MODEL)));
        let bad = Rft {
            frequency: &[1.0],
            recency: &[7.0],
            t: &[6.0],
        };
        assert!(matches!(fit(bad), Err(FitError::Input(_))));
    }

    #[test]
    fn recovers_simulated_parameters_within_their_standard_errors() {
        let truth = params(0.5, 5.0, 0.8, 2.5);
        let mut rng = crate::clv::sim::Rng::new(20_050_401);
        let (x, tx, t) = crate::clv::sim::bgnbd(&mut rng, 6000, (0.5, 5.0, 0.8, 2.5), 20.0, 40.0);
        let f = match fit(Rft {
            frequency: &x,
            recency: &tx,
            t: &t,
        }) {
            Ok(f) => f,
            Err(e) => panic!("{e}"),
        };
        let pairs = [
            (f.params.r, truth.r, f.std_errors.r),
            (f.params.alpha, truth.alpha, f.std_errors.alpha),
            (f.params.a, truth.a, f.std_errors.a),
            (f.params.b, truth.b, f.std_errors.b),
        ];
        for (got, want, se) in pairs {
            assert!(se > 0.0 && se < want, "{f:?}");
            assert!((got - want).abs() < 3.0 * se, "{f:?}");
        }
        // Rows collapse to fewer groups only where they coincide (x = 0 with the same T never
        // does here), and the fit reports how many.
        assert_eq!(f.customers, 6000);
        assert!(f.groups <= 6000);
    }

    #[test]
    fn a_fit_without_heterogeneity_is_an_error_not_a_bad_fit() {
        // Everyone observed for T = 20 with the same recency: the dropout has no spread.
        let (mut x, mut tx, mut tt) = (Vec::new(), Vec::new(), Vec::new());
        for k in 0..15u32 {
            for _ in 0..(200 / (k + 1)) {
                x.push(f64::from(k));
                tx.push(if k == 0 { 0.0 } else { 12.0 });
                tt.push(20.0);
            }
        }
        let r = fit(Rft {
            frequency: &x,
            recency: &tx,
            t: &tt,
        });
        assert!(
            matches!(
                r,
                Err(FitError::Boundary { .. }) | Err(FitError::NotStationary { .. })
            ),
            "{r:?}"
        );
    }
}
