//! A small Nelder–Mead minimiser (the method older `lifetimes` releases fit with), a Newton
//! polish of its result, and central-difference gradient and Hessian; deterministic, so a
//! fit gives the same bits natively and in wasm.
//!
//! Own code rather than `argmin`: argmin's vector backends bring `rand` → `getrandom` 0.3,
//! which does not build for `wasm32-unknown-unknown` without a crate-wide `--cfg
//! getrandom_backend` flag, plus a dozen crates (anyhow, num-*, paste, rand_*) to the wasm
//! module, for ~100 lines of textbook simplex code that is tested here on the fits.

/// Why the minimiser stopped without a minimum.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OptimError {
    #[error("the fit did not converge in {0} iterations")]
    NoConvergence(usize),
    #[error("the likelihood is not finite at the starting point")]
    BadStart,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Minimum<const N: usize> {
    pub x: [f64; N],
    pub f: f64,
    pub iterations: usize,
}

/// |ln θ| beyond which the likelihoods return +∞ (θ outside e^±30), and beyond which a fitted
/// ln θ counts as run off to the boundary (θ outside e^±20 ≈ 2·10⁻⁹ … 5·10⁸).
pub(crate) const WALL: f64 = 30.0;
pub(crate) const BOUNDARY: f64 = 20.0;

const MAX_ITER: usize = 20_000;
const RESTARTS: usize = 8;

/// Minimises `f` from `x0`: Nelder–Mead (ρ = 1, χ = 2, ψ = ½, σ = ½), restarted from the best
/// point with a fresh simplex until a restart no longer improves on it (guards against a
/// collapsed simplex). Stops when the simplex is within `xatol` and its values within
/// `fatol`.
pub(crate) fn minimise<const N: usize>(
    mut f: impl FnMut(&[f64; N]) -> f64,
    x0: [f64; N],
    xatol: f64,
    fatol: f64,
) -> Result<Minimum<N>, OptimError> {
    let mut eval = |x: &[f64; N]| {
        let v = f(x);
        if v.is_nan() {
            f64::INFINITY
        } else {
            v
        }
    };
    let start = eval(&x0);
    if !start.is_finite() {
        return Err(OptimError::BadStart);
    }
    let mut best = Minimum {
        x: x0,
        f: start,
        iterations: 0,
    };
    let mut step = 0.5;
    for _ in 0..RESTARTS {
        let found = simplex(&mut eval, best.x, step, xatol, fatol)?;
        let improved = best.f - found.f;
        best = Minimum {
            x: found.x,
            f: found.f.min(best.f),
            iterations: best.iterations + found.iterations,
        };
        if improved.abs() <= fatol && step < 0.5 {
            return Ok(best);
        }
        step = 0.05;
    }
    Err(OptimError::NoConvergence(best.iterations))
}

fn simplex<const N: usize>(
    f: &mut impl FnMut(&[f64; N]) -> f64,
    x0: [f64; N],
    step: f64,
    xatol: f64,
    fatol: f64,
) -> Result<Minimum<N>, OptimError> {
    // N + 1 vertices as (point, value), kept sorted best first.
    let mut pts: Vec<([f64; N], f64)> = Vec::with_capacity(N + 1);
    pts.push((x0, f(&x0)));
    for i in 0..N {
        let mut x = x0;
        x[i] += step;
        pts.push((x, f(&x)));
    }
    for it in 0..MAX_ITER {
        pts.sort_by(|a, b| a.1.total_cmp(&b.1));
        let (Some(&(xb, fb)), Some(&(xw, fw))) = (pts.first(), pts.last()) else {
            return Err(OptimError::BadStart);
        };
        let spread_x = pts
            .iter()
            .flat_map(|(x, _)| x.iter().zip(xb.iter()).map(|(a, b)| (a - b).abs()))
            .fold(0.0, f64::max);
        let spread_f = pts.iter().map(|(_, v)| (v - fb).abs()).fold(0.0, f64::max);
        // Converged; or collapsed to one point, where the values differ only by rounding
        // noise (a likelihood far out on a ridge) and nothing more can be learnt.
        if (spread_x <= xatol && spread_f <= fatol) || spread_x <= 1e-14 {
            return Ok(Minimum {
                x: xb,
                f: fb,
                iterations: it,
            });
        }
        let f_second_worst = pts.get(N.saturating_sub(1)).map_or(fw, |p| p.1);
        let mut centroid = [0.0; N];
        for (x, _) in pts.iter().take(N) {
            for (c, v) in centroid.iter_mut().zip(x) {
                *c += v / N as f64;
            }
        }
        let along = |t: f64| {
            let mut x = [0.0; N];
            for ((o, c), w) in x.iter_mut().zip(&centroid).zip(&xw) {
                *o = c + t * (c - w);
            }
            x
        };
        let xr = along(1.0);
        let fr = f(&xr);
        let replace = if fr < fb {
            let xe = along(2.0);
            let fe = f(&xe);
            Some(if fe < fr { (xe, fe) } else { (xr, fr) })
        } else if fr < f_second_worst {
            Some((xr, fr))
        } else if fr < fw {
            let xc = along(0.5);
            let fc = f(&xc);
            (fc <= fr).then_some((xc, fc))
        } else {
            let xc = along(-0.5);
            let fc = f(&xc);
            (fc < fw).then_some((xc, fc))
        };
        match (replace, pts.last_mut()) {
            (Some(p), Some(last)) => *last = p,
            _ => {
                // Shrink towards the best vertex.
                for (x, v) in pts.iter_mut().skip(1) {
                    for (xi, bi) in x.iter_mut().zip(&xb) {
                        *xi = bi + 0.5 * (*xi - bi);
                    }
                    *v = f(x);
                }
            }
        }
    }
    Err(OptimError::NoConvergence(MAX_ITER))
}

/// Newton steps from a Nelder–Mead minimum, with the numerical gradient and Hessian and a
/// halving line search, until the gradient vanishes or no step lowers `f`: the simplex stops
/// where its points are close, which in a long narrow valley can be short of the minimum.
pub(crate) fn polish<const N: usize>(
    mut f: impl FnMut(&[f64; N]) -> f64,
    start: Minimum<N>,
) -> Minimum<N> {
    let (mut x, mut fx) = (start.x, start.f);
    for _ in 0..50 {
        let g = gradient(&mut f, &x, 1e-5);
        if g.iter().all(|v| v.abs() < 1e-11) {
            break;
        }
        let Some(inv) = inverse_spd(&hessian(&mut f, &x, 1e-4)) else {
            break;
        };
        let mut step = [0.0; N];
        for (s, row) in step.iter_mut().zip(&inv) {
            *s = -row.iter().zip(&g).map(|(a, b)| a * b).sum::<f64>();
        }
        // The Newton decrement: what the step can gain at best. Below rounding, stop.
        let gain = -0.5 * step.iter().zip(&g).map(|(s, gi)| s * gi).sum::<f64>();
        if gain < 1e-14 * (1.0 + fx.abs()) {
            break;
        }
        let mut t = 1.0;
        let mut moved = false;
        for _ in 0..30 {
            let mut y = x;
            for (yi, si) in y.iter_mut().zip(&step) {
                *yi += t * si;
            }
            let fy = f(&y);
            if fy < fx {
                (x, fx, moved) = (y, fy, true);
                break;
            }
            t *= 0.5;
        }
        if !moved {
            break;
        }
    }
    Minimum {
        x,
        f: fx,
        iterations: start.iterations,
    }
}

/// The Hessian of `f` at `x` by central differences with step `h` in every coordinate.
// Matrix code reads best with indices; every index runs over 0..N of an [_; N].
#[allow(clippy::needless_range_loop)]
pub(crate) fn hessian<const N: usize>(
    mut f: impl FnMut(&[f64; N]) -> f64,
    x: &[f64; N],
    h: f64,
) -> [[f64; N]; N] {
    let f0 = f(x);
    let mut at = |di: usize, si: f64, dj: usize, sj: f64| {
        let mut y = *x;
        y[di] += si * h;
        y[dj] += sj * h;
        f(&y)
    };
    let mut out = [[0.0; N]; N];
    for i in 0..N {
        for j in i..N {
            let v = if i == j {
                (at(i, 1.0, i, 0.0) - 2.0 * f0 + at(i, -1.0, i, 0.0)) / (h * h)
            } else {
                (at(i, 1.0, j, 1.0) - at(i, 1.0, j, -1.0) - at(i, -1.0, j, 1.0)
                    + at(i, -1.0, j, -1.0))
                    / (4.0 * h * h)
            };
            out[i][j] = v;
            out[j][i] = v;
        }
    }
    out
}

/// The gradient of `f` at `x` by central differences.
pub(crate) fn gradient<const N: usize>(
    mut f: impl FnMut(&[f64; N]) -> f64,
    x: &[f64; N],
    h: f64,
) -> [f64; N] {
    let mut g = [0.0; N];
    for (i, gi) in g.iter_mut().enumerate() {
        let (mut up, mut down) = (*x, *x);
        up[i] += h;
        down[i] -= h;
        *gi = (f(&up) - f(&down)) / (2.0 * h);
    }
    g
}

/// The inverse of a symmetric positive-definite matrix by Cholesky; `None` when it is not
/// positive definite.
#[allow(clippy::needless_range_loop)]
pub(crate) fn inverse_spd<const N: usize>(m: &[[f64; N]; N]) -> Option<[[f64; N]; N]> {
    // m = L Lᵀ.
    let mut l = [[0.0; N]; N];
    for i in 0..N {
        for j in 0..=i {
            let mut s = m[i][j];
            for k in 0..j {
                s -= l[i][k] * l[j][k];
            }
            if i == j {
                if !(s > 0.0 && s.is_finite()) {
                    return None;
                }
                l[i][i] = libm::sqrt(s);
            } else {
                l[i][j] = s / l[j][j];
            }
        }
    }
    // Columns of m⁻¹: solve L Lᵀ x = eₖ.
    let mut inv = [[0.0; N]; N];
    for k in 0..N {
        let mut y = [0.0; N];
        for i in 0..N {
            let mut s = if i == k { 1.0 } else { 0.0 };
            for j in 0..i {
                s -= l[i][j] * y[j];
            }
            y[i] = s / l[i][i];
        }
        let mut x = [0.0; N];
        for i in (0..N).rev() {
            let mut s = y[i];
            for j in i + 1..N {
                s -= l[j][i] * x[j];
            }
            x[i] = s / l[i][i];
        }
        for i in 0..N {
            inv[i][k] = x[i];
        }
    }
    Some(inv)
}

/// Fits log-parameters and checks the fit: Nelder–Mead to a loose tolerance, Newton steps to
/// the exact optimum, then a parameter run off to 0 or ∞, a gradient that does not vanish, or
/// a Hessian that is not positive definite is an error, never a silent bad fit. `mean_nll` is
/// the mean negative log-likelihood over `n` observations; the second result is the
/// covariance of the log-parameters (the inverse observed information), for the delta
/// method se(θ) = θ·se(ln θ).
pub(crate) fn fit_log_parameters<const N: usize>(
    model: &'static str,
    names: [&'static str; N],
    n: f64,
    mean_nll: impl Fn(&[f64; N]) -> f64,
) -> Result<(Minimum<N>, [[f64; N]; N]), super::FitError> {
    use super::FitError;
    let found = polish(&mean_nll, minimise(&mean_nll, [0.0; N], 1e-4, 1e-9)?);
    for (name, &v) in names.iter().zip(&found.x) {
        if v.abs() > BOUNDARY {
            return Err(FitError::Boundary {
                model,
                name,
                value: libm::exp(v),
            });
        }
    }
    let g = gradient(&mean_nll, &found.x, 1e-5);
    let g_max = g.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    if g_max.is_nan() || g_max >= 1e-5 {
        return Err(FitError::NotStationary {
            model,
            gradient: g_max,
        });
    }
    let mut h = hessian(&mean_nll, &found.x, 1e-4);
    for row in h.iter_mut() {
        for v in row.iter_mut() {
            *v *= n;
        }
    }
    let cov = inverse_spd(&h).ok_or(FitError::NotAMaximum { model })?;
    Ok((found, cov))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_rosenbrock_minimum() {
        let rosen = |x: &[f64; 2]| {
            let (a, b) = (x[0], x[1]);
            (1.0 - a) * (1.0 - a) + 100.0 * (b - a * a) * (b - a * a)
        };
        let m = match minimise(rosen, [-1.2, 1.0], 1e-10, 1e-14) {
            Ok(m) => m,
            Err(e) => panic!("{e}"),
        };
        assert!(
            (m.x[0] - 1.0).abs() < 1e-7 && (m.x[1] - 1.0).abs() < 1e-7,
            "{m:?}"
        );
    }

    #[test]
    fn hessian_and_inverse_of_a_quadratic() {
        // f = x² + xy + 2y² → H = [[2, 1], [1, 4]], H⁻¹ = [[4, −1], [−1, 2]] / 7.
        let f = |x: &[f64; 2]| x[0] * x[0] + x[0] * x[1] + 2.0 * x[1] * x[1];
        let h = hessian(f, &[0.3, -0.2], 1e-3);
        let inv = match inverse_spd(&h) {
            Some(m) => m,
            None => panic!("not positive definite"),
        };
        let want = [[4.0 / 7.0, -1.0 / 7.0], [-1.0 / 7.0, 2.0 / 7.0]];
        for i in 0..2 {
            for j in 0..2 {
                assert!((inv[i][j] - want[i][j]).abs() < 1e-6, "{inv:?}");
            }
        }
        assert!(inverse_spd(&[[1.0, 2.0], [2.0, 1.0]]).is_none());
    }

    #[test]
    fn a_nan_start_is_an_error() {
        assert_eq!(
            minimise(|_: &[f64; 1]| f64::NAN, [0.0], 1e-8, 1e-8).err(),
            Some(OptimError::BadStart)
        );
    }
}
