//! Weighted fits: the CDNOW summary compressed into its distinct (x, tₓ, T) rows with counts
//! (and its distinct (x, m̄) rows for Gamma-Gamma) fits to the same parameters as the 2,357
//! rows one by one, and those are the published ones (Fader, Hardie & Lee 2005: r = 0.243,
//! α = 4.414, a = 0.793, b = 2.426; Fader & Hardie's note 025 as lifetimes prints it:
//! p = 6.25, q = 3.74, γ = 15.44; on the file's rounded z̄ γ = 15.448). Needs ./scripts/fetch_cdnow.sh (target/cdnow/).

use kam_score::clv::bgnbd;
use kam_score::clv::gamma_gamma::{self, GammaGammaOptions};
use kam_score::clv::{FitError, Rft};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn summary() -> (Vec<f64>, Vec<f64>, Vec<f64>, Vec<f64>) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target/cdnow/cdnow_customers_summary_with_transactions.csv");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} ({e}): run ./scripts/fetch_cdnow.sh", path.display()));
    let mut cols = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for l in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let v: Vec<f64> = l
            .split(',')
            .skip(1)
            .map(|c| c.trim().parse().expect("a number"))
            .collect();
        cols.0.push(v[0]);
        cols.1.push(v[1]);
        cols.2.push(v[2]);
        cols.3.push(v[3]);
    }
    cols
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * b.abs().max(1.0)
}

#[test]
fn compressed_bgnbd_fit_equals_the_row_by_row_fit() {
    let (x, tx, t, _) = summary();
    let data = Rft {
        frequency: &x,
        recency: &tx,
        t: &t,
    };
    let full = bgnbd::fit(data).expect("a fit");
    let groups = bgnbd::compress(data).expect("groups");
    assert!(groups.count.len() < x.len(), "CDNOW has repeated rows");
    assert_eq!(groups.count.iter().sum::<f64>(), 2357.0);
    let compressed = bgnbd::fit_weighted(groups.rft(), &groups.count).expect("a fit");
    let (p, q) = (full.params, compressed.params);
    for (a, b) in [(p.r, q.r), (p.alpha, q.alpha), (p.a, q.a), (p.b, q.b)] {
        assert!(close(a, b, 1e-9), "{p:?} vs {q:?}");
    }
    assert!(close(full.log_likelihood, compressed.log_likelihood, 1e-12));
    assert_eq!(compressed.customers, 2357);
    // The published estimate (FHL 2005, to three decimals).
    assert!((q.r - 0.243).abs() < 5e-4 && (q.alpha - 4.414).abs() < 5e-4);
    assert!((q.a - 0.793).abs() < 5e-4 && (q.b - 2.426).abs() < 5e-4);
    assert!(close(full.std_errors.r, compressed.std_errors.r, 1e-6));

    // Doubling every weight doubles the information: the same estimate, SEs / √2.
    let double: Vec<f64> = groups.count.iter().map(|c| 2.0 * c).collect();
    let twice = bgnbd::fit_weighted(groups.rft(), &double).expect("a fit");
    assert!(close(twice.params.r, p.r, 1e-6));
    assert!(close(
        twice.std_errors.r * 2f64.sqrt(),
        full.std_errors.r,
        1e-4
    ));
}

#[test]
fn compressed_gamma_gamma_fit_equals_the_row_by_row_fit() {
    let (x, _, _, m) = summary();
    let o = GammaGammaOptions::default();
    let full = gamma_gamma::fit(&x, &m, &o).expect("a fit");
    let mut counts: BTreeMap<(u64, u64), f64> = BTreeMap::new();
    for (&x, &m) in x.iter().zip(&m) {
        *counts.entry((x.to_bits(), m.to_bits())).or_insert(0.0) += 1.0;
    }
    let gx: Vec<f64> = counts.keys().map(|k| f64::from_bits(k.0)).collect();
    let gm: Vec<f64> = counts.keys().map(|k| f64::from_bits(k.1)).collect();
    let w: Vec<f64> = counts.values().copied().collect();
    assert!(gx.len() < x.len());
    let compressed = gamma_gamma::fit_weighted(&gx, &gm, &w, &o).expect("a fit");
    let (p, q) = (full.params, compressed.params);
    // The sums run in another order, so the search stops a hair away: far inside 1e-5.
    for (a, b) in [(p.p, q.p), (p.q, q.q), (p.gamma, q.gamma)] {
        assert!(close(a, b, 1e-7), "{p:?} vs {q:?}");
    }
    assert_eq!(compressed.customers, full.customers);
    assert!(close(full.correlation, compressed.correlation, 1e-12));
    assert!((q.p - 6.25).abs() < 5e-3 && (q.q - 3.74).abs() < 5e-3);
    assert!((q.gamma - 15.448).abs() < 5e-3, "{q:?}");
}

#[test]
fn bad_weights_are_named() {
    let (x, tx, t) = (vec![1.0, 0.0], vec![1.0, 0.0], vec![2.0, 2.0]);
    let data = Rft {
        frequency: &x,
        recency: &tx,
        t: &t,
    };
    assert!(matches!(
        bgnbd::fit_weighted(data, &[1.0]),
        Err(FitError::WeightsLength {
            rows: 2,
            weights: 1
        })
    ));
    assert!(matches!(
        bgnbd::fit_weighted(data, &[1.0, -1.0]),
        Err(FitError::BadWeight { index: 2, .. })
    ));
    assert!(matches!(
        gamma_gamma::fit_weighted(&x, &[5.0, 0.0], &[f64::NAN, 1.0], &Default::default()),
        Err(FitError::BadWeight { index: 1, .. })
    ));
}
