//! The calibration/holdout check on the CDNOW sample (calibration to 1997-09-30, holdout to
//! 1998-06-30, in weeks) against the figures Python's `lifetimes` computed once and
//! tests/golden/holdout_lifetimes.json stores with their provenance
//! (scripts/lifetimes_holdout.py: lifetimes 0.11.3, `calibration_and_holdout_data` +
//! `conditional_expected_number_of_purchases_up_to_time`). No Python needed here. Needs
//! ./scripts/fetch_cdnow.sh first.

use kam_score::clv::bgnbd::BgNbdParams;
use kam_score::clv::holdout::{holdout_table, Holdout, ModelParams};
use kam_score::clv::pareto_nbd::ParetoNbdParams;
use kam_score::clv::summary::{parse_transaction, summarize};
use kam_score::clv::{calibration_holdout, HoldoutModel, HoldoutOptions, SummaryOptions};
use kam_score::clv::{TimeUnit, Transaction};
use kam_score::parse::days_from_civil;
use serde_json::Value;

fn day(y: i64, m: u32, d: u32) -> i64 {
    days_from_civil(y, m, d).expect("a valid day")
}

fn log() -> Vec<Transaction> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/target/cdnow/CDNOW_sample.txt");
    let raw = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e}; run ./scripts/fetch_cdnow.sh first"));
    raw.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| {
            let c: Vec<&str> = l.split_whitespace().collect();
            parse_transaction(i + 1, c[1], c[2], c[4]).expect("a transaction")
        })
        .collect()
}

fn golden() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/holdout_lifetimes.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("the golden file")).expect("JSON")
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .expect("an array")
        .iter()
        .map(|x| x.as_f64().expect("a number"))
        .collect()
}

fn options(model: HoldoutModel) -> HoldoutOptions {
    HoldoutOptions {
        calibration_end: day(1997, 9, 30),
        observation_end: day(1998, 6, 30),
        unit: TimeUnit::Week,
        model,
    }
}

/// |got − want| ≤ 1e-6 · max(1, |want|).
fn near(got: f64, want: f64, what: &str) {
    assert!(
        (got - want).abs() <= 1e-6 * want.abs().max(1.0),
        "{what}: ours {got}, lifetimes {want}"
    );
}

fn compare(ours: &Holdout, want: &Value, ids: &[String], actual: &[f64], what: &str) {
    assert_eq!(ours.customers, 2357);
    assert_eq!(ours.per_customer.ids, ids);
    assert_eq!(ours.per_customer.actual, actual, "{what}: actual purchases");
    let predicted = floats(&want["predicted"]);
    for (i, (&got, &w)) in ours
        .per_customer
        .predicted
        .iter()
        .zip(&predicted)
        .enumerate()
    {
        near(got, w, &format!("{what}: customer {}", ids[i]));
    }
    near(
        ours.predicted_total,
        want["predictedTotal"].as_f64().unwrap(),
        what,
    );
    assert_eq!(ours.actual_total, want["actualTotal"].as_f64().unwrap());
    near(
        ours.mean_absolute_error,
        want["meanAbsoluteError"].as_f64().unwrap(),
        what,
    );
    let groups = want["byFrequency"].as_array().unwrap();
    assert_eq!(ours.by_frequency.len(), 8);
    for (g, w) in ours.by_frequency.iter().zip(groups) {
        assert_eq!(u64::from(g.frequency), w["frequency"].as_u64().unwrap());
        assert_eq!(
            g.customers as u64,
            w["customers"].as_u64().unwrap(),
            "{what}"
        );
        near(g.predicted, w["predicted"].as_f64().unwrap(), what);
        near(g.actual, w["actual"].as_f64().unwrap(), what);
    }
}

#[test]
fn the_holdout_table_matches_lifetimes() {
    let g = golden();
    assert_eq!(g["provenance"]["lifetimes"], "0.11.3");
    let ids: Vec<String> = g["ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    let actual = floats(&g["actual"]);
    let transactions = log();

    // The split: the same customers, calibration summaries and holdout counts.
    let o = options(HoldoutModel::Bgnbd);
    let summary = summarize(
        &transactions,
        &SummaryOptions {
            unit: TimeUnit::Week,
            end: o.observation_end,
            calibration_end: Some(o.calibration_end),
        },
    )
    .expect("a summary");
    let (x, tx, t, _) = summary.columns();
    assert_eq!(x, floats(&g["frequencyCal"]));
    for (ours, want) in [(&tx, floats(&g["recencyCal"])), (&t, floats(&g["TCal"]))] {
        for (a, b) in ours.iter().zip(&want) {
            assert!((a - b).abs() < 1e-12, "{a} {b}");
        }
    }
    assert_eq!(g["durationHoldout"].as_f64(), Some(39.0));

    for (name, model) in [
        ("bgnbd", HoldoutModel::Bgnbd),
        ("paretonbd", HoldoutModel::Paretonbd),
    ] {
        let want = &g[name];
        let p = &want["params"];
        let f = |k: &str| p[k].as_f64().unwrap();
        // Our predictions with lifetimes' parameters.
        let params = match model {
            HoldoutModel::Bgnbd => ModelParams::BgNbd(BgNbdParams {
                r: f("r"),
                alpha: f("alpha"),
                a: f("a"),
                b: f("b"),
            }),
            HoldoutModel::Paretonbd => ModelParams::ParetoNbd(ParetoNbdParams {
                r: f("r"),
                alpha: f("alpha"),
                s: f("s"),
                beta: f("beta"),
            }),
        };
        let with_theirs = holdout_table(&summary, params).expect("a table");
        compare(
            &with_theirs,
            want,
            &ids,
            &actual,
            &format!("{name}, lifetimes' parameters"),
        );

        // The whole check: our split, our fit, our predictions.
        let ours = calibration_holdout(&transactions, &options(model)).expect("a check");
        eprintln!(
            "{name}: {:?} ll {:?}, predicted {} / actual {}, MAE {}",
            ours.params,
            ours.log_likelihood,
            ours.predicted_total,
            ours.actual_total,
            ours.mean_absolute_error
        );
        compare(&ours, want, &ids, &actual, &format!("{name}, our fit"));
    }
}
