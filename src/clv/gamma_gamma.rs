//! Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV", *JMR* 42(4); Hardie's
//! note 025): a customer's purchases are worth Gamma(p, ν) each, ν ~ Gamma(q, γ) across
//! customers. Fitted on the repeat buyers (frequency x > 0, mean repeat spend m̄ > 0); it
//! assumes spend does not depend on frequency, so the fit reports their correlation and
//! warns when it is notable.

use super::optim::{fit_log_parameters, WALL};
use super::{check_positive, FitError, ParamsError, PredictError};
use serde::{Deserialize, Serialize};

const MODEL: &str = "Gamma-Gamma";

/// The Gamma-Gamma parameters; `gamma` (ν's rate, `v` in lifetimes) is in money units.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GammaGammaParams {
    pub p: f64,
    pub q: f64,
    pub gamma: f64,
}

impl GammaGammaParams {
    /// Parameters given by hand (e.g. published ones), checked.
    pub fn new(p: f64, q: f64, gamma: f64) -> Result<GammaGammaParams, ParamsError> {
        let out = GammaGammaParams { p, q, gamma };
        out.check()?;
        Ok(out)
    }

    /// Every parameter finite and > 0.
    pub fn check(&self) -> Result<(), ParamsError> {
        check_positive(
            MODEL,
            &[("p", self.p), ("q", self.q), ("gamma", self.gamma)],
        )
    }

    /// The population mean spend per purchase, γp / (q − 1); infinite when q ≤ 1.
    pub fn mean_spend(&self) -> Result<f64, PredictError> {
        expected_spend(self, 0.0, 0.0)
    }
}

/// Options of the fit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct GammaGammaOptions {
    /// |Pearson r| between frequency and mean spend above which the fit warns.
    pub correlation_warning: f64,
}

impl Default for GammaGammaOptions {
    fn default() -> Self {
        GammaGammaOptions {
            correlation_warning: 0.3,
        }
    }
}

/// A fitted Gamma-Gamma model.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GammaGammaFit {
    pub params: GammaGammaParams,
    /// The log-likelihood of the repeat buyers' mean spends at the estimate.
    pub log_likelihood: f64,
    /// Standard errors of p, q, γ.
    pub std_errors: GammaGammaParams,
    /// The covariance of (ln p, ln q, ln γ): the inverse observed information.
    pub covariance: [[f64; 3]; 3],
    /// Repeat buyers fitted (customers with frequency 0 are left out, as the model requires).
    pub customers: usize,
    /// Pearson correlation of frequency and mean spend over the repeat buyers (NaN when
    /// either is constant).
    pub correlation: f64,
    /// Set when |correlation| exceeds the option's threshold: the model assumes independence.
    pub warning: Option<String>,
    pub iterations: usize,
}

/// ln f(m̄ | p, q, γ, x) of one repeat buyer (note 025, eq. 1a).
pub fn log_likelihood_one(params: &GammaGammaParams, x: f64, m: f64) -> f64 {
    let (p, q, g) = (params.p, params.q, params.gamma);
    let px = p * x;
    libm::lgamma(px + q) - libm::lgamma(px) - libm::lgamma(q)
        + q * libm::log(g)
        + (px - 1.0) * libm::log(m)
        + px * libm::log(x)
        - (px + q) * libm::log(x * m + g)
}

/// The repeat buyers' (x, m̄, weight), checked, with a positive weight (1 each without
/// weights); frequency-0 rows are skipped.
fn weighted_repeat_buyers(
    frequency: &[f64],
    monetary: &[f64],
    weights: Option<&[f64]>,
) -> Result<Vec<(f64, f64, f64)>, FitError> {
    if frequency.len() != monetary.len() {
        return Err(FitError::MonetaryLength {
            frequency: frequency.len(),
            monetary: monetary.len(),
        });
    }
    let mut out = Vec::new();
    for (i, (&x, &m)) in frequency.iter().zip(monetary).enumerate() {
        if !(x.is_finite() && x >= 0.0 && x == libm::floor(x)) {
            return Err(super::InputError::BadFrequency {
                index: i + 1,
                value: x,
            }
            .into());
        }
        let w = weights.and_then(|w| w.get(i)).copied().unwrap_or(1.0);
        if x == 0.0 || w == 0.0 {
            continue;
        }
        if !(m.is_finite() && m > 0.0) {
            return Err(FitError::BadMonetary {
                index: i + 1,
                value: m,
            });
        }
        out.push((x, m, w));
    }
    Ok(out)
}

/// The buyers grouped by x, in increasing x: (x, total weight, Σ w ln m̄, the (m̄, w)s); the
/// lgamma terms then come once per x and each buyer costs one logarithm.
type Block = (f64, f64, f64, Vec<(f64, f64)>);

fn by_frequency(buyers: &[(f64, f64, f64)]) -> Vec<Block> {
    let mut map: std::collections::BTreeMap<u64, Vec<(f64, f64)>> =
        std::collections::BTreeMap::new();
    for &(x, m, w) in buyers {
        map.entry(x.to_bits()).or_default().push((m, w));
    }
    map.into_iter()
        .map(|(x, ms)| {
            let sum_ln: f64 = ms.iter().map(|&(m, w)| w * libm::log(m)).sum();
            let count: f64 = ms.iter().map(|&(_, w)| w).sum();
            (f64::from_bits(x), count, sum_ln, ms)
        })
        .collect()
}

/// Σ w ln f over grouped buyers (the same sum as [`log_likelihood_one`] row by row).
fn blocks_ll(blocks: &[Block], params: &GammaGammaParams) -> f64 {
    let (p, q, g) = (params.p, params.q, params.gamma);
    let (lg_q, ln_g) = (libm::lgamma(q), libm::log(g));
    let mut total = 0.0;
    for (x, count, sum_ln_m, ms) in blocks {
        let px = p * x;
        let head = libm::lgamma(px + q) - libm::lgamma(px) - lg_q + q * ln_g + px * libm::log(*x);
        let tail: f64 = ms.iter().map(|&(m, w)| w * libm::log(x * m + g)).sum();
        total += count * head + (px - 1.0) * sum_ln_m - (px + q) * tail;
    }
    total
}

/// Pearson's r with a weight per pair (the weights of one are [`pearson`]).
fn weighted_pearson(pairs: &[(f64, f64, f64)]) -> f64 {
    let n: f64 = pairs.iter().map(|p| p.2).sum();
    if n < 2.0 {
        return f64::NAN;
    }
    let mx = pairs.iter().map(|p| p.2 * p.0).sum::<f64>() / n;
    let my = pairs.iter().map(|p| p.2 * p.1).sum::<f64>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for &(x, y, w) in pairs {
        sxy += w * (x - mx) * (y - my);
        sxx += w * (x - mx) * (x - mx);
        syy += w * (y - my) * (y - my);
    }
    if sxx == 0.0 || syy == 0.0 {
        return f64::NAN;
    }
    sxy / libm::sqrt(sxx * syy)
}

/// Pearson's r of two equally long lists; NaN when either is constant or they are empty.
pub fn pearson(xs: &[f64], ys: &[f64]) -> f64 {
    let n = xs.len().min(ys.len()) as f64;
    if n < 2.0 {
        return f64::NAN;
    }
    let mx = xs.iter().sum::<f64>() / n;
    let my = ys.iter().sum::<f64>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in xs.iter().zip(ys) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    if sxx == 0.0 || syy == 0.0 {
        return f64::NAN;
    }
    sxy / libm::sqrt(sxx * syy)
}

/// Fits Gamma-Gamma to customers' frequency and mean repeat spend by maximum likelihood.
pub fn fit(
    frequency: &[f64],
    monetary: &[f64],
    options: &GammaGammaOptions,
) -> Result<GammaGammaFit, FitError> {
    fit_buyers(weighted_repeat_buyers(frequency, monetary, None)?, options)
}

/// Fits Gamma-Gamma with a weight per customer (a row of weight k counts as k equal
/// customers); `customers` is then the total weight of the repeat buyers, rounded.
pub fn fit_weighted(
    frequency: &[f64],
    monetary: &[f64],
    weights: &[f64],
    options: &GammaGammaOptions,
) -> Result<GammaGammaFit, FitError> {
    super::check_weights(frequency.len(), weights)?;
    fit_buyers(
        weighted_repeat_buyers(frequency, monetary, Some(weights))?,
        options,
    )
}

fn fit_buyers(
    buyers: Vec<(f64, f64, f64)>,
    options: &GammaGammaOptions,
) -> Result<GammaGammaFit, FitError> {
    if buyers.is_empty() {
        return Err(FitError::NoRepeatBuyers(MODEL));
    }
    let n: f64 = buyers.iter().map(|b| b.2).sum();
    // Spend rescaled to mean 1 for the search (γ scales with it; p and q do not).
    let scale = n / buyers.iter().map(|b| b.2 * b.1).sum::<f64>();
    let scaled: Vec<(f64, f64, f64)> = buyers.iter().map(|&(x, m, w)| (x, m * scale, w)).collect();
    let of_log = |lp: &[f64; 3]| GammaGammaParams {
        p: libm::exp(lp[0]),
        q: libm::exp(lp[1]),
        gamma: libm::exp(lp[2]),
    };
    let blocks = by_frequency(&scaled);
    let mean_nll = |lp: &[f64; 3]| {
        // A wall far out, so that a fit running off to 0 or ∞ stops and is reported.
        if lp.iter().any(|v| v.abs() > WALL) {
            return f64::INFINITY;
        }
        -blocks_ll(&blocks, &of_log(lp)) / n
    };
    let (found, cov) = fit_log_parameters(MODEL, ["p", "q", "gamma"], n, mean_nll)?;
    let mut params = of_log(&found.x);
    params.gamma /= scale;
    let se = |i: usize, theta: f64| theta * libm::sqrt(cov[i][i]);
    let std_errors = GammaGammaParams {
        p: se(0, params.p),
        q: se(1, params.q),
        gamma: se(2, params.gamma),
    };
    let log_likelihood = buyers
        .iter()
        .map(|&(x, m, w)| w * log_likelihood_one(&params, x, m))
        .sum();
    let correlation = weighted_pearson(&buyers);
    let warning = (correlation.abs() > options.correlation_warning).then(|| {
        format!(
            "frequency and mean spend of the repeat buyers are correlated (r = {correlation:.2}, \
             threshold {:.2}): the Gamma-Gamma model assumes they are independent, so its \
             expected spend (and the CLV) may be biased",
            options.correlation_warning
        )
    });
    Ok(GammaGammaFit {
        params,
        log_likelihood,
        std_errors,
        covariance: cov,
        customers: n.round() as usize,
        correlation,
        warning,
        iterations: found.iterations,
    })
}

/// E(M | p, q, γ, x, m̄) = (γp + p·x·m̄) / (p·x + q − 1) (note 025, eq. 5): the expected spend
/// per purchase of a customer with x repeat purchases of mean m̄ (x = 0: the population mean).
pub fn expected_spend(params: &GammaGammaParams, x: f64, m: f64) -> Result<f64, PredictError> {
    params.check()?;
    if !(x.is_finite() && x >= 0.0) {
        return Err(super::InputError::BadFrequency { index: 1, value: x }.into());
    }
    let m = if x == 0.0 { 0.0 } else { m };
    if !(m.is_finite() && m >= 0.0) {
        return Err(PredictError::BadMonetary { index: 1, value: m });
    }
    let (p, q, g) = (params.p, params.q, params.gamma);
    let den = p * x + q - 1.0;
    if den <= 0.0 {
        return Err(PredictError::InfiniteMeanSpend { q });
    }
    Ok((g * p + p * x * m) / den)
}

/// [`expected_spend`] for each customer.
pub fn expected_spends(
    params: &GammaGammaParams,
    frequency: &[f64],
    monetary: &[f64],
) -> Result<Vec<f64>, PredictError> {
    if frequency.len() != monetary.len() {
        return Err(PredictError::LengthMismatch(format!(
            "frequency {}, monetary {}",
            frequency.len(),
            monetary.len()
        )));
    }
    frequency
        .iter()
        .zip(monetary)
        .enumerate()
        .map(|(i, (&x, &m))| {
            expected_spend(params, x, m).map_err(|e| match e {
                PredictError::BadMonetary { value, .. } => PredictError::BadMonetary {
                    index: i + 1,
                    value,
                },
                PredictError::Input(super::InputError::BadFrequency { value, .. }) => {
                    super::InputError::BadFrequency {
                        index: i + 1,
                        value,
                    }
                    .into()
                }
                other => other,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_likelihood_by_hand() {
        // p = q = γ = 1, x = 1, m = 1: Γ(2)/(Γ(1)Γ(1)) · 1 · 1 · 1 / (1 + 1)² = ¼.
        let one = GammaGammaParams {
            p: 1.0,
            q: 1.0,
            gamma: 1.0,
        };
        assert!((log_likelihood_one(&one, 1.0, 1.0) - libm::log(0.25)).abs() < 1e-14);
        // p = 2, q = 3, γ = 4, x = 2, m = 5: Γ(7)/(Γ(4)Γ(3)) · 4³ · 5³ · 2⁴ / (10 + 4)⁷
        // = 60 · 64 · 125 · 16 / 14⁷.
        let p = GammaGammaParams {
            p: 2.0,
            q: 3.0,
            gamma: 4.0,
        };
        let want = 60.0 * 64.0 * 125.0 * 16.0 / libm::pow(14.0, 7.0);
        assert!((log_likelihood_one(&p, 2.0, 5.0) - libm::log(want)).abs() < 1e-13);
    }

    #[test]
    fn grouped_likelihood_equals_the_row_sum() {
        let buyers = [
            (1.0, 12.0),
            (3.0, 40.5),
            (1.0, 7.25),
            (2.0, 19.0),
            (3.0, 33.0),
        ];
        let p = GammaGammaParams {
            p: 3.1,
            q: 2.2,
            gamma: 9.0,
        };
        let rows: f64 = buyers
            .iter()
            .map(|&(x, m)| log_likelihood_one(&p, x, m))
            .sum();
        let weighted: Vec<(f64, f64, f64)> = buyers.iter().map(|&(x, m)| (x, m, 1.0)).collect();
        let grouped = blocks_ll(&by_frequency(&weighted), &p);
        assert!(
            (rows - grouped).abs() < 1e-12 * rows.abs(),
            "{rows} {grouped}"
        );
    }

    #[test]
    fn expected_spend_shrinks_towards_the_mean() {
        // Published CDNOW parameters: population mean γp/(q−1) = 15.44·6.25/2.74 = 35.22.
        let p = GammaGammaParams {
            p: 6.25,
            q: 3.74,
            gamma: 15.44,
        };
        let mean = match p.mean_spend() {
            Ok(v) => v,
            Err(e) => panic!("{e}"),
        };
        assert!((mean - 15.44 * 6.25 / 2.74).abs() < 1e-12);
        let e = match expected_spend(&p, 2.0, 100.0) {
            Ok(v) => v,
            Err(e) => panic!("{e}"),
        };
        assert!(e > mean && e < 100.0, "{e}");
        let q_low = GammaGammaParams { q: 0.9, ..p };
        assert!(matches!(
            q_low.mean_spend(),
            Err(PredictError::InfiniteMeanSpend { .. })
        ));
    }

    #[test]
    fn recovers_simulated_parameters_within_their_standard_errors() {
        let mut rng = crate::clv::sim::Rng::new(42);
        let (x, m) = crate::clv::sim::gamma_gamma(&mut rng, 3000, (6.0, 4.0, 15.0), 6);
        let f = match fit(&x, &m, &GammaGammaOptions::default()) {
            Ok(f) => f,
            Err(e) => panic!("{e}"),
        };
        for (got, want, se) in [
            (f.params.p, 6.0, f.std_errors.p),
            (f.params.q, 4.0, f.std_errors.q),
            (f.params.gamma, 15.0, f.std_errors.gamma),
        ] {
            assert!(se > 0.0 && (got - want).abs() < 3.0 * se, "{f:?}");
        }
        assert!(f.correlation.abs() < 0.1 && f.warning.is_none(), "{f:?}");
    }

    #[test]
    fn warns_on_correlated_spend() {
        let mut rng = crate::clv::sim::Rng::new(7);
        let (x, mut m) = crate::clv::sim::gamma_gamma(&mut rng, 2000, (6.0, 4.0, 15.0), 8);
        for (mi, xi) in m.iter_mut().zip(&x) {
            *mi *= xi;
        }
        let f = match fit(&x, &m, &GammaGammaOptions::default()) {
            Ok(f) => f,
            Err(e) => panic!("{e}"),
        };
        assert!(f.correlation > 0.3, "{f:?}");
        assert!(f.warning.is_some());
        let quiet = match fit(
            &x,
            &m,
            &GammaGammaOptions {
                correlation_warning: 0.99,
            },
        ) {
            Ok(f) => f,
            Err(e) => panic!("{e}"),
        };
        assert!(quiet.warning.is_none());
    }

    #[test]
    fn bad_spend_is_an_error() {
        assert_eq!(
            fit(&[1.0, 0.0], &[-3.0, 0.0], &GammaGammaOptions::default()).err(),
            Some(FitError::BadMonetary {
                index: 1,
                value: -3.0
            })
        );
        assert_eq!(
            fit(&[0.0], &[0.0], &GammaGammaOptions::default()).err(),
            Some(FitError::NoRepeatBuyers(MODEL))
        );
    }
}
