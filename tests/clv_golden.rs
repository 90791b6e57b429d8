//! Golden CLV numbers on the CDNOW sample: the summary from the raw transactions, the BG/NBD,
//! Pareto/NBD and Gamma-Gamma fits, predictions and CLV, written to tests/golden/clv.json with the bits
//! of every number. The wasm build checks the same file (tests/wasm_clv.rs), so native, Node
//! and Chromium agree to the last bit. Needs ./scripts/fetch_cdnow.sh first.
//! Regenerate with `KAM_UPDATE_GOLDEN=1 cargo test --test clv_golden` after a deliberate change.

#![cfg(not(target_arch = "wasm32"))]

use kam_score::clv::bgnbd::{self, BgNbdParams};
use kam_score::clv::gamma_gamma::{self, GammaGammaOptions, GammaGammaParams};
use kam_score::clv::intervals::{
    bgnbd_intervals, clv_intervals, pareto_nbd_intervals, ClvUncertainty,
};
use kam_score::clv::pareto_nbd;
use kam_score::clv::History;
use kam_score::clv::{customer_lifetime_values, summarize_rows, ClvOptions, Rft};
use kam_score::clv::{SummaryOptions, TimeUnit};
use kam_score::parse::days_from_civil;
use serde_json::{json, Map, Value};

/// How many customers' predictions the golden file keeps (the first of the summary).
const KEEP: usize = 25;

/// A number with its bits: `{"value": 0.243, "bits": "3fcf…"}`.
fn num(v: f64) -> Value {
    json!({ "value": v, "bits": format!("{:016x}", v.to_bits()) })
}

fn nums(v: &[f64]) -> Value {
    Value::Array(v.iter().map(|&x| num(x)).collect())
}

/// Σ of a column in order, as a check on every customer's summary at once.
fn total(v: &[f64]) -> f64 {
    v.iter().sum()
}

fn compute() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/target/cdnow/CDNOW_sample.txt");
    let raw = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e}; run ./scripts/fetch_cdnow.sh first"));
    let rows: Vec<(&str, &str, &str)> = raw
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split_whitespace().collect();
            (c[1], c[2], c[4])
        })
        .collect();
    let options = SummaryOptions {
        unit: TimeUnit::Week,
        end: days_from_civil(1997, 9, 30).unwrap(),
        calibration_end: None,
    };
    let summary = summarize_rows(rows.iter().copied(), &options).unwrap();
    let (x, tx, t, m) = summary.columns();
    let data = Rft {
        frequency: &x,
        recency: &tx,
        t: &t,
    };
    let bg = bgnbd::fit(data).unwrap();
    let gg = gamma_gamma::fit(&x, &m, &GammaGammaOptions::default()).unwrap();
    let pred = bgnbd::predict(&bg.params, data, 39.0).unwrap();
    let pnbd = pareto_nbd::fit(data).unwrap();
    let pnbd_pred = pareto_nbd::predict(&pnbd.params, data, 39.0).unwrap();
    let clv_options = ClvOptions {
        horizon: 12,
        unit: TimeUnit::Week,
        discount_rate: 0.01,
    };
    let clv =
        customer_lifetime_values(&bg.params, &gg.params, &x, &tx, &t, &m, &clv_options).unwrap();

    // The paper's figures with the published parameters.
    let published = BgNbdParams::new(0.243, 4.414, 0.793, 2.426).unwrap();
    let one = bgnbd::predict(
        &published,
        Rft {
            frequency: &[2.0],
            recency: &[30.43],
            t: &[38.86],
        },
        39.0,
    )
    .unwrap();
    let p0 = bgnbd::prob_purchases(&published, 39.0, 0).unwrap();
    let published_gg = GammaGammaParams::new(6.25, 3.74, 15.44).unwrap();
    let published_clv =
        customer_lifetime_values(&published, &published_gg, &x, &tx, &t, &m, &clv_options).unwrap();

    let mut out = Map::new();
    out.insert(
        "summary".into(),
        json!({
            "customers": summary.customers.len(),
            "afterEnd": summary.after_end,
            "errors": summary.errors.len(),
            "ids": summary.customers.iter().take(KEEP).map(|c| c.id.clone()).collect::<Vec<_>>(),
            "frequencySum": num(total(&x)),
            "recencySum": num(total(&tx)),
            "TSum": num(total(&t)),
            "monetarySum": num(total(&m)),
            "recency": nums(&tx[..KEEP]),
            "T": nums(&t[..KEEP]),
            "monetary": nums(&m[..KEEP]),
        }),
    );
    out.insert(
        "bgNbd".into(),
        json!({
            "r": num(bg.params.r), "alpha": num(bg.params.alpha),
            "a": num(bg.params.a), "b": num(bg.params.b),
            "logLikelihood": num(bg.log_likelihood),
            "stdErrors": {
                "r": num(bg.std_errors.r), "alpha": num(bg.std_errors.alpha),
                "a": num(bg.std_errors.a), "b": num(bg.std_errors.b),
            },
            "customers": bg.customers,
            "groups": bg.groups,
        }),
    );
    let bounds = |i: &kam_score::clv::intervals::PredictionInterval| {
        json!({
            "lower": { "pAlive": nums(&i.lower.p_alive[..KEEP]), "expected": nums(&i.lower.expected[..KEEP]) },
            "upper": { "pAlive": nums(&i.upper.p_alive[..KEEP]), "expected": nums(&i.upper.expected[..KEEP]) },
        })
    };
    let bg_i = bgnbd_intervals(&bg.params, &bg.covariance, data, 39.0, 0.9).unwrap();
    let pnbd_i = pareto_nbd_intervals(&pnbd.params, &pnbd.covariance, data, 39.0, 0.9).unwrap();
    let history: Vec<History> = (0..KEEP)
        .map(|i| History {
            frequency: x[i],
            recency: tx[i],
            t: t[i],
            monetary: m[i],
        })
        .collect();
    let clv_i = clv_intervals(
        ClvUncertainty {
            bg: &bg.params,
            bg_cov: &bg.covariance,
            gg: &gg.params,
            gg_cov: &gg.covariance,
        },
        &history,
        &clv_options,
        0.9,
    )
    .unwrap();
    out.insert(
        "intervals90".into(),
        json!({
            "bgNbd": bounds(&bg_i),
            "paretoNbd": bounds(&pnbd_i),
            "clv": { "lower": nums(&clv_i.lower), "upper": nums(&clv_i.upper) },
        }),
    );
    out.insert(
        "paretoNbd".into(),
        json!({
            "r": num(pnbd.params.r), "alpha": num(pnbd.params.alpha),
            "s": num(pnbd.params.s), "beta": num(pnbd.params.beta),
            "logLikelihood": num(pnbd.log_likelihood),
            "stdErrors": {
                "r": num(pnbd.std_errors.r), "alpha": num(pnbd.std_errors.alpha),
                "s": num(pnbd.std_errors.s), "beta": num(pnbd.std_errors.beta),
            },
            "customers": pnbd.customers,
            "groups": pnbd.groups,
            "predict39": {
                "pAlive": nums(&pnbd_pred.p_alive[..KEEP]),
                "expected": nums(&pnbd_pred.expected[..KEEP]),
                "pAliveSum": num(total(&pnbd_pred.p_alive)),
                "expectedSum": num(total(&pnbd_pred.expected)),
            },
        }),
    );
    out.insert(
        "gammaGamma".into(),
        json!({
            "p": num(gg.params.p), "q": num(gg.params.q), "gamma": num(gg.params.gamma),
            "logLikelihood": num(gg.log_likelihood),
            "stdErrors": {
                "p": num(gg.std_errors.p), "q": num(gg.std_errors.q), "gamma": num(gg.std_errors.gamma),
            },
            "customers": gg.customers,
            "correlation": num(gg.correlation),
        }),
    );
    out.insert(
        "predict39".into(),
        json!({
            "pAlive": nums(&pred.p_alive[..KEEP]),
            "expected": nums(&pred.expected[..KEEP]),
            "pAliveSum": num(total(&pred.p_alive)),
            "expectedSum": num(total(&pred.expected)),
        }),
    );
    out.insert(
        "clv12MonthsAt1Percent".into(),
        json!({ "values": nums(&clv[..KEEP]), "sum": num(total(&clv)) }),
    );
    out.insert(
        "published".into(),
        json!({
            "expectedX2": num(one.expected[0]),
            "pAliveX2": num(one.p_alive[0]),
            "pZero39": num(p0),
            "clvSum": num(total(&published_clv)),
        }),
    );
    Value::Object(out)
}

#[test]
fn native_clv_numbers_match_the_golden_file() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/clv.json");
    let got = compute();
    eprintln!(
        "BG/NBD {} / Gamma-Gamma {}",
        got["bgNbd"], got["gammaGamma"]
    );
    if std::env::var("KAM_UPDATE_GOLDEN").is_ok() {
        std::fs::write(path, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
    }
    let want: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(
        got, want,
        "CLV numbers moved; if on purpose, regenerate with KAM_UPDATE_GOLDEN=1"
    );
}
