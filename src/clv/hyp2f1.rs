//! The Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and real z ≤ 1,
//! as the BG/NBD conditional expectation needs it (lifetimes calls scipy's `hyp2f1`).
//!
//! - |z| small (0 < z ≤ 0.9): the power series, summed until the terms stop mattering.
//! - 0.9 < z < 1: the series converges too slowly there, so the linear transformation
//!   z → 1 − z (Abramowitz & Stegun 15.3.6) rewrites it as two series in 1 − z < 0.1. When
//!   c − a − b is an integer that formula has cancelling poles (A&S 15.3.10–12); ₂F₁ is
//!   analytic in c, so it is then interpolated (quintic, through six values of c a step
//!   h = 10⁻³ apart, three on either side) instead.
//! - z < 0: Pfaff's transformation to z / (z − 1) ∈ (0, 1).
//! - z = 1: Gauss's sum when c − a − b > 0.
//! - a or b a non-positive integer: the series ends; it is a polynomial.

/// Why ₂F₁ could not be evaluated.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Hyp2f1Error {
    #[error("2F1({a}, {b}; {c}; {z}): the arguments must be finite numbers")]
    NotFinite { a: f64, b: f64, c: f64, z: f64 },
    #[error("2F1({a}, {b}; {c}; {z}): c is zero or a negative integer")]
    PoleInC { a: f64, b: f64, c: f64, z: f64 },
    #[error("2F1({a}, {b}; {c}; {z}): z must be at most 1 (and c − a − b > 0 at z = 1)")]
    OutOfDomain { a: f64, b: f64, c: f64, z: f64 },
    #[error("2F1({a}, {b}; {c}; {z}): the series did not converge in {terms} terms")]
    NoConvergence {
        a: f64,
        b: f64,
        c: f64,
        z: f64,
        terms: usize,
    },
    #[error("2F1({a}, {b}; {c}; {z}) is too large to represent")]
    Overflow { a: f64, b: f64, c: f64, z: f64 },
}

const MAX_TERMS: usize = 100_000;
const SERIES_LIMIT: f64 = 0.9;
/// Distance of c − a − b from an integer below which the transformation is interpolated.
const NEAR_INTEGER: f64 = 5e-4;
/// Step in c of the interpolation.
const STEP: f64 = 1e-3;

/// ₂F₁(a, b; c; z).
pub fn hyp2f1(a: f64, b: f64, c: f64, z: f64) -> Result<f64, Hyp2f1Error> {
    hyp2f1_minus_one(a, b, c, z).map(|s| 1.0 + s)
}

/// ₂F₁(a, b; c; z) − 1, exact to the last digits when that difference is small (the power
/// series path sums it directly).
pub fn hyp2f1_minus_one(a: f64, b: f64, c: f64, z: f64) -> Result<f64, Hyp2f1Error> {
    if !(a.is_finite() && b.is_finite() && c.is_finite() && z.is_finite()) {
        return Err(Hyp2f1Error::NotFinite { a, b, c, z });
    }
    if is_non_positive_integer(c) {
        return Err(Hyp2f1Error::PoleInC { a, b, c, z });
    }
    if z == 0.0 {
        return Ok(0.0);
    }
    if is_non_positive_integer(a) || is_non_positive_integer(b) {
        return series(a, b, c, z);
    }
    let out = if z < 0.0 {
        // Pfaff: F(a, b; c; z) = (1 − z)^(−a) F(a, c − b; c; z / (z − 1)).
        let w = z / (z - 1.0);
        let f = 1.0 + in_unit_interval(a, c - b, c, w)?;
        libm::pow(1.0 - z, -a) * f - 1.0
    } else if z <= SERIES_LIMIT {
        series(a, b, c, z)?
    } else if z < 1.0 {
        in_unit_interval(a, b, c, z)?
    } else if z == 1.0 && c - a - b > 0.0 {
        gamma_ratio(&[c, c - a - b], &[c - a, c - b]) - 1.0
    } else {
        return Err(Hyp2f1Error::OutOfDomain { a, b, c, z });
    };
    if out.is_finite() {
        Ok(out)
    } else {
        Err(Hyp2f1Error::Overflow { a, b, c, z })
    }
}

/// F − 1 for 0 < z < 1.
fn in_unit_interval(a: f64, b: f64, c: f64, z: f64) -> Result<f64, Hyp2f1Error> {
    if z <= SERIES_LIMIT {
        return series(a, b, c, z);
    }
    let m = c - a - b;
    let nearest = libm::round(m);
    let d = m - nearest;
    if d.abs() >= NEAR_INTEGER {
        return one_minus_z(a, b, c, z).map(|f| f - 1.0);
    }
    // Values at c − a − b = nearest + k·h, k = ±1, ±2, ±3; quintic Lagrange at d.
    let nodes = [-3.0, -2.0, -1.0, 1.0, 2.0, 3.0];
    let mut total = 0.0;
    for (i, &ki) in nodes.iter().enumerate() {
        let ci = c - d + ki * STEP;
        if is_non_positive_integer(ci) {
            return Err(Hyp2f1Error::PoleInC { a, b, c, z });
        }
        let fi = one_minus_z(a, b, ci, z)?;
        let mut weight = 1.0;
        for (j, &kj) in nodes.iter().enumerate() {
            if i != j {
                weight *= (d - kj * STEP) / ((ki - kj) * STEP);
            }
        }
        total += weight * fi;
    }
    Ok(total - 1.0)
}

/// A&S 15.3.6 (c − a − b not an integer):
/// F = Γ(c)Γ(m)/(Γ(c−a)Γ(c−b)) F(a, b; 1−m; 1−z)
///   + (1−z)^m Γ(c)Γ(−m)/(Γ(a)Γ(b)) F(c−a, c−b; 1+m; 1−z),  m = c − a − b.
fn one_minus_z(a: f64, b: f64, c: f64, z: f64) -> Result<f64, Hyp2f1Error> {
    let m = c - a - b;
    let w = 1.0 - z;
    let g1 = gamma_ratio(&[c, m], &[c - a, c - b]);
    let g2 = gamma_ratio(&[c, -m], &[a, b]);
    let mut f = 0.0;
    if g1 != 0.0 {
        f += g1 * (1.0 + series(a, b, 1.0 - m, w)?);
    }
    if g2 != 0.0 {
        f += libm::pow(w, m) * g2 * (1.0 + series(c - a, c - b, 1.0 + m, w)?);
    }
    if f.is_finite() {
        Ok(f)
    } else {
        Err(Hyp2f1Error::Overflow { a, b, c, z })
    }
}

/// The power series less its first term: Σₙ≥₁ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ.
fn series(a: f64, b: f64, c: f64, z: f64) -> Result<f64, Hyp2f1Error> {
    if is_non_positive_integer(c) {
        return Err(Hyp2f1Error::PoleInC { a, b, c, z });
    }
    let mut term = 1.0;
    let mut sum = 0.0;
    let mut small = 0;
    for n in 0..MAX_TERMS {
        let k = n as f64;
        let ratio = (a + k) * (b + k) / ((c + k) * (k + 1.0)) * z;
        term *= ratio;
        sum += term;
        if term == 0.0 {
            return Ok(sum);
        }
        if !term.is_finite() || !sum.is_finite() {
            return Err(Hyp2f1Error::Overflow { a, b, c, z });
        }
        // Stop once the terms shrink and two in a row no longer change the sum.
        // Relative to the sum less its first term: that is what is returned, and it can be
        // far below 1.
        if ratio.abs() < 1.0 && (term.abs() <= 1e-17 * sum.abs() || term.abs() < 1e-300) {
            small += 1;
            if small >= 2 {
                return Ok(sum);
            }
        } else {
            small = 0;
        }
    }
    Err(Hyp2f1Error::NoConvergence {
        a,
        b,
        c,
        z,
        terms: MAX_TERMS,
    })
}

fn is_non_positive_integer(x: f64) -> bool {
    x <= 0.0 && x == libm::floor(x)
}

/// Π Γ(num) / Π Γ(den), with 1/Γ = 0 at the poles of the denominator.
fn gamma_ratio(num: &[f64], den: &[f64]) -> f64 {
    if den.iter().any(|&x| is_non_positive_integer(x)) {
        return 0.0;
    }
    let mut log = 0.0;
    let mut sign = 1.0;
    for &x in num {
        let (l, s) = libm::lgamma_r(x);
        log += l;
        sign *= f64::from(s);
    }
    for &x in den {
        let (l, s) = libm::lgamma_r(x);
        log -= l;
        sign *= f64::from(s);
    }
    sign * libm::exp(log)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(got: f64, want: f64, rel: f64) {
        assert!(
            (got - want).abs() <= rel * want.abs().max(1e-300),
            "got {got}, want {want} (relative error {})",
            ((got - want) / want).abs()
        );
    }

    fn f(a: f64, b: f64, c: f64, z: f64) -> f64 {
        match hyp2f1(a, b, c, z) {
            Ok(v) => v,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn log_identity_on_every_path() {
        // 2F1(1, 1; 2; z) = −ln(1 − z) / z; c − a − b = 0 is the degenerate case near z = 1.
        for z in [0.1, 0.5, 0.9, 0.95, 0.999, 0.999_999] {
            close(f(1.0, 1.0, 2.0, z), -libm::log1p(-z) / z, 1e-11);
        }
        // z < 0 (Pfaff): ln(1 + 0.5) / 0.5, and far out at z = −20.
        close(f(1.0, 1.0, 2.0, -0.5), 2.0 * libm::log(1.5), 1e-14);
        close(f(1.0, 1.0, 2.0, -20.0), libm::log(21.0) / 20.0, 1e-12);
    }

    #[test]
    fn power_identity() {
        // 2F1(a, b; b; z) = (1 − z)^(−a): c − a − b = −a, not an integer.
        for z in [-3.0, 0.3, 0.85, 0.97, 0.9999] {
            close(f(0.7, 2.3, 2.3, z), libm::pow(1.0 - z, -0.7), 1e-12);
        }
        // c − a − b = −1 (integer, interpolated): 2F1(1, 1; 1; z) = 1 / (1 − z).
        close(f(1.0, 1.0, 1.0, 0.95), 20.0, 1e-10);
    }

    #[test]
    fn arcsine_and_trigonometric_identities() {
        // 2F1(1/2, 1/2; 3/2; x²) = asin(x) / x.
        for x2 in [0.25_f64, 0.95, 0.99] {
            let x = libm::sqrt(x2);
            close(f(0.5, 0.5, 1.5, x2), libm::asin(x) / x, 1e-12);
        }
        // 2F1(a, 1 − a; 3/2; sin²θ) = sin((2a − 1)θ) / ((2a − 1) sin θ)  (A&S 15.1.15).
        let (a, theta) = (0.3_f64, 1.4_f64);
        let s = libm::sin(theta);
        close(
            f(a, 1.0 - a, 1.5, s * s),
            libm::sin((2.0 * a - 1.0) * theta) / ((2.0 * a - 1.0) * s),
            1e-12,
        );
    }

    #[test]
    fn degenerate_integer_case_m_one() {
        // 2F1(1, 1; 3; z) = 2[−ln(1 − z)/z + (ln(1 − z) + z)/z²]; c − a − b = 1.
        for z in [0.5_f64, 0.97, 0.9999] {
            let l = libm::log1p(-z);
            close(
                f(1.0, 1.0, 3.0, z),
                2.0 * (-l / z + (l + z) / (z * z)),
                1e-10,
            );
        }
    }

    #[test]
    fn gauss_sum_polynomial_and_errors() {
        // Gauss: 2F1(0.5, 0.25; 2; 1) = Γ(2)Γ(1.25) / (Γ(1.5)Γ(1.75)).
        let want = libm::tgamma(1.25) / (libm::tgamma(1.5) * libm::tgamma(1.75));
        close(f(0.5, 0.25, 2.0, 1.0), want, 1e-14);
        // Near 1 it approaches the sum.
        close(f(0.5, 0.25, 2.0, 0.999_999_9), want, 1e-5);
        // A terminating series: 2F1(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1)).
        let (b, c, z) = (1.7, 2.9, 0.99);
        let want = 1.0 - 2.0 * b * z / c + b * (b + 1.0) * z * z / (c * (c + 1.0));
        close(f(-2.0, b, c, z), want, 1e-14);
        assert!(matches!(
            hyp2f1(1.0, 1.0, -2.0, 0.5),
            Err(Hyp2f1Error::PoleInC { .. })
        ));
        assert!(matches!(
            hyp2f1(1.0, 1.0, 2.0, 1.5),
            Err(Hyp2f1Error::OutOfDomain { .. })
        ));
        assert!(matches!(
            hyp2f1(1.0, 1.0, 2.0, 1.0),
            Err(Hyp2f1Error::OutOfDomain { .. })
        ));
        assert!(hyp2f1(f64::NAN, 1.0, 2.0, 0.5).is_err());
    }

    #[test]
    fn minus_one_keeps_small_differences() {
        // With b tiny, F − 1 is ~b; a plain 1 + s − 1 would keep only 4 digits of it.
        let s = match hyp2f1_minus_one(0.5, 1e-12, 3.0, 0.5) {
            Ok(v) => v,
            Err(e) => panic!("{e}"),
        };
        // d/db 2F1 at b = 0 is Σₙ≥₁ (a)ₙ / ((c)ₙ n) zⁿ = 0.0928367425561466 (summed by hand
        // to 200 terms); the O(b²) rest is far below the tolerance.
        close(s / 1e-12, 0.092_836_742_556_146_6, 1e-10);
    }
}
