//! Tests of the intervals: coverage by simulation.

use super::*;
use crate::clv::gamma_gamma::{self, GammaGammaOptions};
use crate::clv::sim::{self, Rng};
use crate::clv::TimeUnit;

#[test]
fn normal_quantiles() {
    let q = |l: f64| match normal_quantile(l) {
        Ok(z) => z,
        Err(e) => panic!("{e}"),
    };
    assert!((q(0.9) - 1.644_853_626_951_472_2).abs() < 1e-12);
    assert!((q(0.95) - 1.959_963_984_540_054).abs() < 1e-12);
    assert!(normal_quantile(1.0).is_err() && normal_quantile(f64::NAN).is_err());
}

const TRUTH_BG: (f64, f64, f64, f64) = (0.5, 5.0, 0.8, 2.5);
const TRUTH_GG: (f64, f64, f64) = (6.0, 4.0, 15.0);
/// Reference customers (x, tₓ, T, m̄) whose predictions are checked.
const REFERENCE: [(f64, f64, f64, f64); 3] = [
    (2.0, 15.0, 30.0, 30.0),
    (5.0, 28.0, 35.0, 50.0),
    (1.0, 5.0, 38.0, 20.0),
];

fn ok<T, E: std::fmt::Display>(r: Result<T, E>) -> T {
    match r {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    }
}

/// Simulates data from known parameters, fits, and counts how often the 90 % intervals of
/// P(alive), E[X(20)] and the 12-month CLV of the reference customers hold the true value.
/// Returns (covered, intervals) per quantity kind.
#[allow(clippy::needless_range_loop)] // k indexes five columns at once
fn coverage(replications: usize, customers: usize) -> [(usize, usize); 3] {
    let truth_bg = BgNbdParams {
        r: TRUTH_BG.0,
        alpha: TRUTH_BG.1,
        a: TRUTH_BG.2,
        b: TRUTH_BG.3,
    };
    let truth_gg = GammaGammaParams {
        p: TRUTH_GG.0,
        q: TRUTH_GG.1,
        gamma: TRUTH_GG.2,
    };
    let (x, tx, t): (Vec<f64>, Vec<f64>, Vec<f64>) = (
        REFERENCE.iter().map(|c| c.0).collect(),
        REFERENCE.iter().map(|c| c.1).collect(),
        REFERENCE.iter().map(|c| c.2).collect(),
    );
    let data = Rft {
        frequency: &x,
        recency: &tx,
        t: &t,
    };
    let history: Vec<History> = REFERENCE
        .iter()
        .map(|&(x, tx, t, m)| History {
            frequency: x,
            recency: tx,
            t,
            monetary: m,
        })
        .collect();
    let options = ClvOptions {
        horizon: 12,
        unit: TimeUnit::Week,
        discount_rate: 0.01,
    };
    let truth = ok(bgnbd::predict(&truth_bg, data, 20.0));
    let truth_clv: Vec<f64> = history
        .iter()
        .map(|h| ok(customer_lifetime_value(&truth_bg, &truth_gg, h, &options)))
        .collect();
    let mut counts = [(0, 0); 3];
    let mut rng = Rng::new(90);
    for _ in 0..replications {
        let (sx, stx, st) = sim::bgnbd(&mut rng, customers, TRUTH_BG, 20.0, 40.0);
        let bg = ok(bgnbd::fit(Rft {
            frequency: &sx,
            recency: &stx,
            t: &st,
        }));
        let (gx, gm) = sim::gamma_gamma(&mut rng, 3 * customers, TRUTH_GG, 8);
        let gg = ok(gamma_gamma::fit(&gx, &gm, &GammaGammaOptions::default()));
        let i = ok(bgnbd_intervals(&bg.params, &bg.covariance, data, 20.0, 0.9));
        let c = ok(clv_intervals(
            ClvUncertainty {
                bg: &bg.params,
                bg_cov: &bg.covariance,
                gg: &gg.params,
                gg_cov: &gg.covariance,
            },
            &history,
            &options,
            0.9,
        ));
        for k in 0..REFERENCE.len() {
            let inside = |lo: f64, v: f64, hi: f64| usize::from(lo <= v && v <= hi);
            counts[0].0 += inside(i.lower.p_alive[k], truth.p_alive[k], i.upper.p_alive[k]);
            counts[1].0 += inside(i.lower.expected[k], truth.expected[k], i.upper.expected[k]);
            counts[2].0 += inside(c.lower[k], truth_clv[k], c.upper[k]);
            for c in counts.iter_mut() {
                c.1 += 1;
            }
        }
    }
    counts
}

/// 90 % intervals of P(alive), expected purchases and CLV cover the true values 85–95 % of
/// the time: 200 simulated data sets of 400 customers in a debug build (about 12 s), 1,000 in
/// release; each gives 3 reference customers × 3 quantities.
#[test]
fn ninety_percent_intervals_cover_the_truth_about_ninety_percent_of_the_time() {
    let replications = if cfg!(debug_assertions) { 200 } else { 1000 };
    let counts = coverage(replications, 400);
    let (covered, total) = counts
        .iter()
        .fold((0, 0), |(c, t), &(ci, ti)| (c + ci, t + ti));
    let rate = covered as f64 / total as f64;
    let each: Vec<f64> = counts.iter().map(|&(c, t)| c as f64 / t as f64).collect();
    eprintln!(
        "coverage of 90 % intervals over {replications} simulations: {rate:.3} \
         (P(alive) {:.3}, expected {:.3}, CLV {:.3})",
        each[0], each[1], each[2]
    );
    assert!((0.85..=0.95).contains(&rate), "{rate} {each:?}");
    for e in each {
        assert!((0.8..=0.98).contains(&e), "{e}");
    }
}

#[test]
fn intervals_hold_the_estimate_and_widen_with_the_level() {
    let p = BgNbdParams {
        r: 0.243,
        alpha: 4.414,
        a: 0.793,
        b: 2.426,
    };
    let mut cov = [[0.0; 4]; 4];
    for (i, row) in cov.iter_mut().enumerate() {
        row[i] = 0.01;
    }
    let data = Rft {
        frequency: &[0.0, 2.0, 7.0],
        recency: &[0.0, 30.43, 10.0],
        t: &[38.0, 38.86, 38.0],
    };
    let est = ok(bgnbd::predict(&p, data, 39.0));
    let i90 = ok(bgnbd_intervals(&p, &cov, data, 39.0, 0.9));
    let i50 = ok(bgnbd_intervals(&p, &cov, data, 39.0, 0.5));
    for k in 0..3 {
        assert!(i90.lower.expected[k] < est.expected[k] && est.expected[k] < i90.upper.expected[k]);
        assert!(i90.lower.expected[k] < i50.lower.expected[k]);
        assert!(i50.upper.expected[k] < i90.upper.expected[k]);
    }
    // x = 0: surely alive under BG/NBD, whatever the parameters.
    assert_eq!((i90.lower.p_alive[0], i90.upper.p_alive[0]), (1.0, 1.0));
    assert!(i90.lower.p_alive[2] < est.p_alive[2] && est.p_alive[2] < i90.upper.p_alive[2]);
    // Pareto/NBD: the same, with P(alive) < 1 at x = 0.
    let q = ParetoNbdParams {
        r: 0.553,
        alpha: 10.578,
        s: 0.606,
        beta: 11.669,
    };
    let pe = ok(pareto_nbd::predict(&q, data, 39.0));
    let pi = ok(pareto_nbd_intervals(&q, &cov, data, 39.0, 0.9));
    for k in 0..3 {
        assert!(pi.lower.p_alive[k] < pe.p_alive[k] && pe.p_alive[k] < pi.upper.p_alive[k]);
        assert!(pi.lower.expected[k] < pe.expected[k] && pe.expected[k] < pi.upper.expected[k]);
    }
    assert!(bgnbd_intervals(&p, &cov, data, 39.0, 1.5).is_err());
    cov[0][1] = f64::NAN;
    assert!(bgnbd_intervals(&p, &cov, data, 39.0, 0.9).is_err());
}
