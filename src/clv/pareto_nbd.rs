//! Pareto/NBD (Schmittlein, Morrison & Colombo 1987, "Counting your customers: who are they
//! and what will they do next?", *Management Science* 33(1)): while alive a customer buys at
//! a Poisson rate λ ~ Gamma(r, α) and dies after an exponential lifetime of rate
//! μ ~ Gamma(s, β), independently of λ. The likelihood and the predictions follow Fader &
//! Hardie (2005), "A note on deriving the Pareto/NBD model and related expressions" (Hardie's
//! note 009, eqs. 18–22, 36–37 and 41).
//!
//! With M = max(α, β), m = min(α, β):
//!
//! L = Γ(r+x) α^r β^s / Γ(r) · [ (α+T)^−(r+x) (β+T)^−s + s·I ],
//! I = ∫ from tₓ to T of (α+τ)^−(r+x) (β+τ)^−(s+1) dτ = G(tₓ) − G(T),
//!
//! where G(τ) = (M+τ)^−a ₂F₁(a, b; a+1; z) / a, a = r+s+x, z = (M−m)/(M+τ), and b = s+1 when
//! α ≥ β, r+x otherwise (note 009's A₀ is a·I). ₂F₁ is taken through Euler's transformation,
//! ₂F₁(a, b; a+1; z) = (1−z)^(1−b) ₂F₁(1, a+1−b; a+1; z): the series on the right has positive
//! terms that shrink by at least z each, so it stays between 1 and 1/(1−z) however large x is;
//! everything else is in logs. The fit maximises the likelihood over the log-parameters on
//! the time-rescaled data (max T = 1, as lifetimes does) and takes the standard errors from
//! the numerical Hessian, as the BG/NBD fit does.

use super::hyp2f1::{hyp2f1, Hyp2f1Error};
use super::optim::{fit_log_parameters, WALL};
use super::{
    check_customer, check_positive, log_add_exp, logistic_neg, FitError, ParamsError, PredictError,
    Rft,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const MODEL: &str = "Pareto/NBD";

/// The four Pareto/NBD parameters; `alpha` and `beta` are in the time unit of the data.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ParetoNbdParams {
    pub r: f64,
    pub alpha: f64,
    pub s: f64,
    pub beta: f64,
}

impl ParetoNbdParams {
    /// Parameters given by hand (e.g. published ones), checked.
    pub fn new(r: f64, alpha: f64, s: f64, beta: f64) -> Result<ParetoNbdParams, ParamsError> {
        let p = ParetoNbdParams { r, alpha, s, beta };
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
                ("s", self.s),
                ("beta", self.beta),
            ],
        )
    }

    pub(crate) fn from_log(x: &[f64; 4]) -> ParetoNbdParams {
        ParetoNbdParams {
            r: libm::exp(x[0]),
            alpha: libm::exp(x[1]),
            s: libm::exp(x[2]),
            beta: libm::exp(x[3]),
        }
    }

    pub(crate) fn to_log(self) -> [f64; 4] {
        [self.r, self.alpha, self.s, self.beta].map(libm::log)
    }
}

/// A fitted Pareto/NBD model.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParetoNbdFit {
    pub params: ParetoNbdParams,
    /// The log-likelihood of the data (in its own time unit) at the estimate.
    pub log_likelihood: f64,
    /// Standard errors of r, α, s, β.
    pub std_errors: ParetoNbdParams,
    /// The covariance of (ln r, ln α, ln s, ln β): the inverse observed information.
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
pub struct ParetoNbdPrediction {
    pub p_alive: Vec<f64>,
    pub expected: Vec<f64>,
}

/// Terms of the direct series tried before the 1 − z transformation is considered.
const QUICK_TERMS: usize = 20_000;
/// Terms of the direct series at most.
const MAX_TERMS: usize = 4_000_000;

/// ln ₂F₁(1, p; q; z) for 0 ≤ z < 1, 0 < p < q, given w = 1 − z (exact, from the data).
fn ln_s(p: f64, q: f64, z: f64, w: f64) -> Result<f64, Hyp2f1Error> {
    // Direct: every term is the one before times (p+n)/(q+n)·z < z, so the rest after a term
    // is below term·z/(1−z); stop when that is below 10⁻¹⁷ of the sum.
    let direct = |cap: usize| {
        let (mut term, mut sum) = (1.0_f64, 1.0_f64);
        for n in 0..cap {
            let k = n as f64;
            term *= (p + k) / (q + k) * z;
            sum += term;
            if term * z <= 1e-17 * sum * w {
                return Some(sum);
            }
        }
        None
    };
    if let Some(sum) = direct(QUICK_TERMS) {
        return Ok(libm::log(sum));
    }
    // z near 1. When q·w is small, A&S 15.3.6 in 1 − z has no large cancelling parts (they
    // grow like e^(q·w)); the hyp2f1 module takes it (and interpolates at integer c − a − b).
    if q * w <= 1.0 {
        let f = hyp2f1(1.0, p, q, z)?;
        if f.is_finite() && f >= 1.0 {
            return Ok(libm::log(f));
        }
    }
    // Otherwise the direct series needs about 40/(w + (q−p)/q) terms, fewer than 40·q.
    direct(MAX_TERMS)
        .map(libm::log)
        .ok_or(Hyp2f1Error::NoConvergence {
            a: 1.0,
            b: p,
            c: q,
            z,
            terms: MAX_TERMS,
        })
}

/// The parameter-only parts of the log-likelihood.
struct Constants {
    r: f64,
    alpha: f64,
    s: f64,
    beta: f64,
    head: f64,
    ln_s: f64,
    lg_r: f64,
}

impl Constants {
    fn new(p: &ParetoNbdParams) -> Constants {
        Constants {
            r: p.r,
            alpha: p.alpha,
            s: p.s,
            beta: p.beta,
            head: p.r * libm::log(p.alpha) + p.s * libm::log(p.beta),
            ln_s: libm::log(p.s),
            lg_r: libm::lgamma(p.r),
        }
    }

    /// ln G(τ) = ln ∫ from τ to ∞ of (α+u)^−(r+x) (β+u)^−(s+1) du.
    fn ln_g(&self, x: f64, tau: f64) -> Result<f64, Hyp2f1Error> {
        let (r, s) = (self.r, self.s);
        let a = r + s + x;
        // (M, exponent of M+u), (m, exponent of m+u).
        let ((big, e1), (small, e2)) = if self.alpha >= self.beta {
            ((self.alpha, r + x), (self.beta, s + 1.0))
        } else {
            ((self.beta, s + 1.0), (self.alpha, r + x))
        };
        let ln_big = libm::log(big + tau);
        let ln_small = libm::log(small + tau);
        let z = (big - small) / (big + tau);
        let w = (small + tau) / (big + tau);
        // G = (M+τ)^−a (1−z)^(1−b) S / a with b = e2, a + 1 − b = e1, 1 − z = (m+τ)/(M+τ).
        let ln_series = if z == 0.0 {
            0.0
        } else {
            ln_s(e1, a + 1.0, z, w)?
        };
        Ok(-e1 * ln_big - (e2 - 1.0) * ln_small + ln_series - libm::log(a))
    }

    /// ln I = ln(G(tₓ) − G(T)); −∞ when tₓ = T.
    fn ln_i(&self, x: f64, tx: f64, t: f64) -> Result<f64, Hyp2f1Error> {
        if tx >= t {
            return Ok(f64::NEG_INFINITY);
        }
        let g1 = self.ln_g(x, tx)?;
        let g2 = self.ln_g(x, t)?;
        if g2 >= g1 {
            return Ok(f64::NEG_INFINITY);
        }
        Ok(g1 + libm::log(-libm::expm1(g2 - g1)))
    }

    /// ln of the "alive at T" term, (α+T)^−(r+x) (β+T)^−s.
    fn ln_alive_term(&self, x: f64, t: f64) -> f64 {
        -(self.r + x) * libm::log(self.alpha + t) - self.s * libm::log(self.beta + t)
    }

    /// The terms that depend on x only.
    fn of_x(&self, x: f64) -> f64 {
        libm::lgamma(self.r + x) - self.lg_r + self.head
    }

    /// ln L − of_x(x).
    fn of_times(&self, x: f64, tx: f64, t: f64) -> Result<f64, Hyp2f1Error> {
        let ln_i = self.ln_i(x, tx, t)?;
        Ok(log_add_exp(self.ln_alive_term(x, t), self.ln_s + ln_i))
    }

    /// ln L(r, α, s, β | x, tₓ, T).
    fn ll(&self, x: f64, tx: f64, t: f64) -> Result<f64, Hyp2f1Error> {
        Ok(self.of_x(x) + self.of_times(x, tx, t)?)
    }

    /// P(alive | x, tₓ, T) = 1 / (1 + s·I·(α+T)^(r+x) (β+T)^s) (note 009, eq. 36).
    fn p_alive(&self, x: f64, tx: f64, t: f64) -> Result<f64, Hyp2f1Error> {
        Ok(logistic_neg(self.log_odds_dead(x, tx, t)?))
    }

    /// ln(P(dead) / P(alive)).
    fn log_odds_dead(&self, x: f64, tx: f64, t: f64) -> Result<f64, Hyp2f1Error> {
        let ln_i = self.ln_i(x, tx, t)?;
        Ok(self.ln_s + ln_i - self.ln_alive_term(x, t))
    }
}

/// Rows grouped by x, each row (tₓ, T, count).
type Block = (f64, f64, Vec<(f64, f64, f64)>);
struct Blocks(Vec<Block>);

impl Blocks {
    fn new(rows: &[(f64, f64, f64, f64)]) -> Blocks {
        let mut out: Vec<Block> = Vec::new();
        for &(x, tx, t, w) in rows {
            match out.last_mut() {
                Some(block) if block.0 == x => {
                    block.1 += w;
                    block.2.push((tx, t, w));
                }
                _ => out.push((x, w, vec![(tx, t, w)])),
            }
        }
        Blocks(out)
    }

    fn ll(&self, c: &Constants) -> Result<f64, Hyp2f1Error> {
        let mut total = 0.0;
        for (x, weight, rows) in &self.0 {
            let mut times = 0.0;
            for &(tx, t, w) in rows {
                times += w * c.of_times(*x, tx, t)?;
            }
            total += weight * c.of_x(*x) + times;
        }
        Ok(total)
    }
}

/// The log-likelihood of one customer.
pub fn log_likelihood_one(
    p: &ParetoNbdParams,
    x: f64,
    tx: f64,
    t: f64,
) -> Result<f64, PredictError> {
    p.check()?;
    check_customer(0, x, tx, t)?;
    Ok(Constants::new(p).ll(x, tx, t)?)
}

/// The log-likelihood of a set of customers.
pub fn log_likelihood(p: &ParetoNbdParams, data: Rft) -> Result<f64, PredictError> {
    p.check()?;
    data.check(false)?;
    let c = Constants::new(p);
    let mut total = 0.0;
    for ((&x, &tx), &t) in data.frequency.iter().zip(data.recency).zip(data.t) {
        total += c.ll(x, tx, t)?;
    }
    Ok(total)
}

/// Identical (x, tₓ, T) rows with their counts, in a fixed order.
fn groups(data: Rft) -> Vec<(f64, f64, f64, f64)> {
    let mut map: BTreeMap<(u64, u64, u64), f64> = BTreeMap::new();
    for ((&x, &tx), &t) in data.frequency.iter().zip(data.recency).zip(data.t) {
        *map.entry((x.to_bits(), tx.to_bits(), t.to_bits()))
            .or_insert(0.0) += 1.0;
    }
    map.into_iter()
        .map(|((x, tx, t), w)| (f64::from_bits(x), f64::from_bits(tx), f64::from_bits(t), w))
        .collect()
}

/// Fits Pareto/NBD to customers' (frequency, recency, T) by maximum likelihood.
pub fn fit(data: Rft) -> Result<ParetoNbdFit, FitError> {
    data.check(false)?;
    if data.frequency.iter().all(|&x| x == 0.0) {
        return Err(FitError::NoRepeatBuyers(MODEL));
    }
    let grouped = groups(data);
    let n: f64 = grouped.iter().map(|g| g.3).sum();
    // Time rescaled so that the oldest customer has T = 1; α and β scale with it.
    let max_t = data.t.iter().fold(0.0_f64, |m, &t| m.max(t));
    let scale = if max_t > 0.0 { 1.0 / max_t } else { 1.0 };
    let scaled: Vec<(f64, f64, f64, f64)> = grouped
        .iter()
        .map(|&(x, tx, t, w)| (x, tx * scale, t * scale, w))
        .collect();
    let blocks = Blocks::new(&scaled);
    let mean_nll = |lp: &[f64; 4]| {
        if lp.iter().any(|v| v.abs() > WALL) {
            return f64::INFINITY;
        }
        match blocks.ll(&Constants::new(&ParetoNbdParams::from_log(lp))) {
            Ok(ll) => -ll / n,
            Err(_) => f64::INFINITY,
        }
    };
    // The rescaling shifts ln α and ln β only, which leaves the Hessian unchanged.
    let (found, covariance) = fit_log_parameters(MODEL, ["r", "alpha", "s", "beta"], n, mean_nll)?;
    let mut params = ParetoNbdParams::from_log(&found.x);
    params.alpha /= scale;
    params.beta /= scale;
    let se = |i: usize, theta: f64| theta * libm::sqrt(covariance[i][i]);
    let std_errors = ParetoNbdParams {
        r: se(0, params.r),
        alpha: se(1, params.alpha),
        s: se(2, params.s),
        beta: se(3, params.beta),
    };
    let log_likelihood = Blocks::new(&grouped)
        .ll(&Constants::new(&params))
        .map_err(|_| FitError::NotAMaximum { model: MODEL })?;
    Ok(ParetoNbdFit {
        params,
        log_likelihood,
        std_errors,
        covariance,
        customers: data.frequency.len(),
        groups: grouped.len(),
        iterations: found.iterations,
    })
}

fn check_horizon(t: f64) -> Result<(), PredictError> {
    if t.is_finite() && t >= 0.0 {
        Ok(())
    } else {
        Err(PredictError::BadHorizon(t))
    }
}

/// P(alive | x, tₓ, T).
pub fn p_alive(p: &ParetoNbdParams, x: f64, tx: f64, t: f64) -> Result<f64, PredictError> {
    p.check()?;
    check_customer(0, x, tx, t)?;
    Ok(Constants::new(p).p_alive(x, tx, t)?)
}

/// ln(P(dead) / P(alive)) (unchecked: for the intervals).
pub(crate) fn log_odds_dead(
    p: &ParetoNbdParams,
    x: f64,
    tx: f64,
    t: f64,
) -> Result<f64, PredictError> {
    Ok(Constants::new(p).log_odds_dead(x, tx, t)?)
}

/// E[Y(t) | x, tₓ, T] (unchecked: for the intervals).
pub(crate) fn conditional_unchecked(
    p: &ParetoNbdParams,
    t: f64,
    x: f64,
    tx: f64,
    age: f64,
) -> Result<f64, PredictError> {
    conditional(&Constants::new(p), t, x, tx, age)
}

/// [1 − (u)^(s−1)] / (s − 1) with ln u ≤ 0 given, and its limit −ln u at s = 1.
fn pareto_bracket(s: f64, ln_u: f64) -> f64 {
    let e = s - 1.0;
    if e == 0.0 {
        -ln_u
    } else {
        -libm::expm1(e * ln_u) / e
    }
}

/// E[Y(t) | x, tₓ, T]: expected purchases in the next t units (note 009, eq. 41).
fn conditional(c: &Constants, t: f64, x: f64, tx: f64, age: f64) -> Result<f64, PredictError> {
    if t == 0.0 {
        return Ok(0.0);
    }
    let alive = c.p_alive(x, tx, age)?;
    let ln_u = libm::log(c.beta + age) - libm::log(c.beta + age + t);
    let value = (c.r + x) * (c.beta + age) / (c.alpha + age) * pareto_bracket(c.s, ln_u) * alive;
    if value.is_finite() {
        Ok(value)
    } else {
        Err(PredictError::NotFinite)
    }
}

/// E[Y(t) | x, tₓ, T] for one customer, checked.
pub fn expected_purchases(
    p: &ParetoNbdParams,
    t: f64,
    x: f64,
    tx: f64,
    age: f64,
) -> Result<f64, PredictError> {
    p.check()?;
    check_horizon(t)?;
    check_customer(0, x, tx, age)?;
    conditional(&Constants::new(p), t, x, tx, age)
}

/// E[X(t)]: expected purchases by t of a customer just acquired (note 009, eq. 27).
pub fn expected_purchases_new(p: &ParetoNbdParams, t: f64) -> Result<f64, PredictError> {
    p.check()?;
    check_horizon(t)?;
    let ln_u = libm::log(p.beta) - libm::log(p.beta + t);
    let value = p.r * p.beta / p.alpha * pareto_bracket(p.s, ln_u);
    if value.is_finite() {
        Ok(value)
    } else {
        Err(PredictError::NotFinite)
    }
}

/// P(alive) and the expected purchases in the next `t` units for each customer.
pub fn predict(
    p: &ParetoNbdParams,
    data: Rft,
    t: f64,
) -> Result<ParetoNbdPrediction, PredictError> {
    p.check()?;
    check_horizon(t)?;
    data.check(true)?;
    let c = Constants::new(p);
    let mut out = ParetoNbdPrediction {
        p_alive: Vec::with_capacity(data.frequency.len()),
        expected: Vec::with_capacity(data.frequency.len()),
    };
    for ((&x, &tx), &age) in data.frequency.iter().zip(data.recency).zip(data.t) {
        out.p_alive.push(c.p_alive(x, tx, age)?);
        out.expected.push(conditional(&c, t, x, tx, age)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(r: f64, alpha: f64, s: f64, beta: f64) -> ParetoNbdParams {
        ParetoNbdParams { r, alpha, s, beta }
    }

    /// Fader, Hardie & Lee (2005), CDNOW.
    const PUBLISHED: ParetoNbdParams = ParetoNbdParams {
        r: 0.553,
        alpha: 10.578,
        s: 0.606,
        beta: 11.669,
    };

    fn ok<T>(r: Result<T, PredictError>) -> T {
        match r {
            Ok(v) => v,
            Err(e) => panic!("{e}"),
        }
    }

    /// I by the trapezoid rule on a fine grid, for the closed form to be checked against.
    fn likelihood_by_quadrature(p: &ParetoNbdParams, x: f64, tx: f64, t: f64) -> f64 {
        let head = libm::exp(
            libm::lgamma(p.r + x) - libm::lgamma(p.r)
                + p.r * libm::log(p.alpha)
                + p.s * libm::log(p.beta),
        );
        let alive = libm::pow(p.alpha + t, -(p.r + x)) * libm::pow(p.beta + t, -p.s);
        let f =
            |tau: f64| libm::pow(p.alpha + tau, -(p.r + x)) * libm::pow(p.beta + tau, -(p.s + 1.0));
        // In u = ln(c + τ), c = min(α, β): the integrand is smooth there.
        let c = p.alpha.min(p.beta);
        let g = |u: f64| f(libm::exp(u) - c) * libm::exp(u);
        let (u0, u1) = (libm::log(c + tx), libm::log(c + t));
        let n = 200_000;
        let h = (u1 - u0) / n as f64;
        let mut i = 0.5 * (g(u0) + g(u1));
        for k in 1..n {
            i += g(u0 + k as f64 * h);
        }
        head * (alive + p.s * i * h)
    }

    #[test]
    fn closed_form_equals_the_integral_on_both_sides_of_alpha_equals_beta() {
        for p in [
            params(0.55, 10.6, 0.61, 11.7),
            params(0.55, 11.7, 0.61, 10.6),
            params(2.0, 3.0, 1.5, 3.0),
            params(0.3, 0.5, 2.0, 40.0),
            params(1.2, 50.0, 0.8, 0.2),
        ] {
            for (x, tx, t) in [(0.0, 0.0, 30.0), (2.0, 30.43, 38.86), (7.0, 5.0, 20.0)] {
                let got = libm::exp(ok(log_likelihood_one(&p, x, tx, t)));
                let want = likelihood_by_quadrature(&p, x, tx, t);
                assert!(
                    (got - want).abs() <= 1e-8 * want,
                    "{p:?} x={x} tx={tx} T={t}: {got} vs {want}"
                );
            }
        }
    }

    #[test]
    fn alive_probability_and_expectations() {
        // Someone just seen is surely alive; someone silent for long is less likely alive.
        assert_eq!(ok(p_alive(&PUBLISHED, 3.0, 20.0, 20.0)), 1.0);
        let recent = ok(p_alive(&PUBLISHED, 3.0, 35.0, 38.0));
        let silent = ok(p_alive(&PUBLISHED, 3.0, 2.0, 38.0));
        assert!(
            recent > silent && silent > 0.0 && recent < 1.0,
            "{recent} {silent}"
        );
        // A new customer (x = 0, T = 0) has the unconditional expectation.
        let new = ok(expected_purchases_new(&PUBLISHED, 39.0));
        let at_zero = ok(expected_purchases(&PUBLISHED, 39.0, 0.0, 0.0, 0.0));
        assert!((new - at_zero).abs() < 1e-12 * new, "{new} {at_zero}");
        // s = 1 is the smooth limit.
        let at = |s: f64| {
            ok(expected_purchases(
                &params(0.5, 4.0, s, 6.0),
                10.0,
                3.0,
                8.0,
                12.0,
            ))
        };
        let (lo, mid, hi) = (at(1.0 - 1e-7), at(1.0), at(1.0 + 1e-7));
        assert!((mid - 0.5 * (lo + hi)).abs() < 1e-9, "{lo} {mid} {hi}");
    }

    #[test]
    fn large_frequencies_and_long_histories_stay_finite() {
        for p in [params(0.5, 3.0, 0.8, 2.5), params(0.5, 2.5, 0.8, 3.0)] {
            let ll = ok(log_likelihood_one(&p, 20_000.0, 9_999.0, 10_000.0));
            assert!(ll.is_finite() && ll < 0.0, "{ll}");
            let alive = ok(p_alive(&p, 20_000.0, 9_999.0, 10_000.0));
            assert!((0.0..=1.0).contains(&alive), "{alive}");
            let e = ok(expected_purchases(&p, 52.0, 20_000.0, 9_999.0, 10_000.0));
            // Rate ≈ x / T = 2 per unit while alive: about 104 in 52 units, less the dropout.
            assert!(e.is_finite() && e > 50.0 && e < 110.0, "{e}");
            assert!(ok(p_alive(&p, 500.0, 100.0, 10_000.0)) < 1e-100);
        }
        // z close to 1 (β ≪ α, no repeat): the 1 − z path.
        let p = params(0.5, 1e6, 0.8, 1e-3);
        let ll = ok(log_likelihood_one(&p, 0.0, 0.0, 1e-4));
        assert!(ll.is_finite(), "{ll}");
    }

    #[test]
    fn series_near_one_agrees_on_both_paths() {
        // q·w ≤ 1 (the transformation) against the direct sum with many terms.
        let (p, q) = (0.3, 1.9);
        for w in [1e-4, 3e-5] {
            let z = 1.0 - w;
            let transformed = match ln_s(p, q, z, w) {
                Ok(v) => v,
                Err(e) => panic!("{e}"),
            };
            let (mut term, mut sum) = (1.0_f64, 1.0_f64);
            for n in 0..3_000_000 {
                let k = n as f64;
                term *= (p + k) / (q + k) * z;
                sum += term;
            }
            assert!(
                (transformed - libm::log(sum)).abs() < 1e-9,
                "{transformed} {}",
                libm::log(sum)
            );
        }
    }

    #[test]
    fn recovers_simulated_parameters_within_their_standard_errors() {
        let truth = params(0.6, 8.0, 0.7, 10.0);
        let mut rng = crate::clv::sim::Rng::new(19_870_101);
        let (x, tx, t) =
            crate::clv::sim::pareto_nbd(&mut rng, 4000, (0.6, 8.0, 0.7, 10.0), 20.0, 40.0);
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
            (f.params.s, truth.s, f.std_errors.s),
            (f.params.beta, truth.beta, f.std_errors.beta),
        ];
        for (got, want, se) in pairs {
            assert!(se > 0.0 && se.is_finite(), "{f:?}");
            assert!((got - want).abs() < 3.0 * se, "{f:?}");
        }
    }

    #[test]
    fn bad_input_is_an_error() {
        assert!(ParetoNbdParams::new(0.2, -1.0, 1.0, 1.0).is_err());
        assert!(expected_purchases(&PUBLISHED, -1.0, 0.0, 0.0, 1.0).is_err());
        assert!(expected_purchases(&PUBLISHED, 1.0, 1.5, 0.0, 1.0).is_err());
        let data = Rft {
            frequency: &[0.0, 0.0],
            recency: &[0.0, 0.0],
            t: &[5.0, 6.0],
        };
        assert_eq!(fit(data).err(), Some(FitError::NoRepeatBuyers(MODEL)));
    }
}
