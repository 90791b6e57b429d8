//! The transaction-log exports of the wasm build (rfmSummary, fitBgNbd, fitGammaGamma,
//! fitParetoNbd, paretoNbdPredict, calibrationHoldout, bgNbdPredict, bgNbdProbability,
//! customerLifetimeValue, joinFutures) on the CDNOW sample, in Node and in headless Chromium:
//! the published figures of Fader, Hardie & Lee (2005), lifetimes' holdout figures
//! (tests/golden/holdout_lifetimes.json), and the native numbers of tests/golden/clv.json
//! (tests/clv_golden.rs) to the last bit.
//! The raw file is embedded at build time: run ./scripts/fetch_cdnow.sh first.

#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Float64Array, Object, Reflect, JSON};
use kam_score::wasm::*;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const RAW: &str = include_str!("../target/cdnow/CDNOW_sample.txt");

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn num(v: &JsValue, key: &str) -> f64 {
    get(v, key).as_f64().unwrap()
}

fn column(v: &JsValue, key: &str) -> Vec<f64> {
    get(v, key).unchecked_into::<Float64Array>().to_vec()
}

fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}

fn golden() -> Value {
    serde_json::from_str(include_str!("golden/clv.json")).unwrap()
}

/// The bits of a golden number `{"value", "bits"}`.
fn bits(v: &Value) -> u64 {
    u64::from_str_radix(v["bits"].as_str().unwrap(), 16).unwrap()
}

fn same(got: f64, want: &Value, what: &str) {
    assert_eq!(
        format!("{:016x}", got.to_bits()),
        want["bits"].as_str().unwrap(),
        "{what}: wasm {got:e}, native {}",
        want["value"]
    );
    assert_eq!(got.to_bits(), bits(want));
}

fn same_all(got: &[f64], want: &Value, what: &str) {
    let want = want.as_array().unwrap();
    for (i, w) in want.iter().enumerate() {
        same(got[i], w, &format!("{what}[{i}]"));
    }
}

/// Within the printed precision of a published figure.
fn printed(got: f64, published: f64, decimals: i32) -> bool {
    (got - published).abs() <= 0.5 * 10f64.powi(-decimals) + 1e-9
}

/// The raw file as the page would pass it: columns of texts.
fn transactions() -> JsValue {
    let (ids, dates, amounts) = (Array::new(), Array::new(), Array::new());
    for line in RAW.lines().filter(|l| !l.trim().is_empty()) {
        let c: Vec<&str> = line.split_whitespace().collect();
        ids.push(&c[1].into());
        dates.push(&c[2].into());
        amounts.push(&c[4].into());
    }
    obj(&[
        ("ids", ids.into()),
        ("dates", dates.into()),
        ("amounts", amounts.into()),
    ])
}

fn summary() -> JsValue {
    let options = obj(&[("unit", "week".into()), ("end", "1997-09-30".into())]);
    rfm_summary(transactions(), options).unwrap()
}

fn sum(v: &[f64]) -> f64 {
    v.iter().sum()
}

#[wasm_bindgen_test]
fn summary_equals_native() {
    let g = &golden()["summary"];
    let s = summary();
    let ids: Array = get(&s, "ids").unchecked_into();
    assert_eq!(ids.length() as u64, g["customers"].as_u64().unwrap());
    assert_eq!(ids.length(), 2357);
    assert_eq!(num(&s, "afterEnd") as u64, g["afterEnd"].as_u64().unwrap());
    let errors: Array = get(&s, "errors").unchecked_into();
    assert_eq!(errors.length(), 0);
    for (i, id) in g["ids"].as_array().unwrap().iter().enumerate() {
        assert_eq!(ids.get(i as u32).as_string().as_deref(), id.as_str());
    }
    let (x, tx, t, m) = (
        column(&s, "frequency"),
        column(&s, "recency"),
        column(&s, "T"),
        column(&s, "monetary"),
    );
    same(sum(&x), &g["frequencySum"], "Σ frequency");
    same(sum(&tx), &g["recencySum"], "Σ recency");
    same(sum(&t), &g["TSum"], "Σ T");
    same(sum(&m), &g["monetarySum"], "Σ monetary");
    same_all(&tx, &g["recency"], "recency");
    same_all(&t, &g["T"], "T");
    same_all(&m, &g["monetary"], "monetary");
    // Customer 1 is the paper's example: x = 2, tₓ = 30.43, T = 38.86 (to the printed cents).
    assert_eq!(x[0], 2.0);
    assert!(printed(tx[0], 30.43, 2) && printed(t[0], 38.86, 2));
}

#[wasm_bindgen_test]
fn bg_nbd_fit_reproduces_the_paper_and_native_bits() {
    let g = &golden()["bgNbd"];
    let fit = fit_bg_nbd(summary()).unwrap();
    let (r, alpha, a, b) = (
        num(&fit, "r"),
        num(&fit, "alpha"),
        num(&fit, "a"),
        num(&fit, "b"),
    );
    assert!(printed(r, 0.243, 3), "r = {r}");
    assert!(printed(alpha, 4.414, 3), "alpha = {alpha}");
    assert!(printed(a, 0.793, 3), "a = {a}");
    assert!(printed(b, 2.426, 3), "b = {b}");
    let ll = num(&fit, "logLikelihood");
    assert!(printed(ll, -9582.4, 1), "log-likelihood {ll}");
    for key in ["r", "alpha", "a", "b", "logLikelihood"] {
        same(num(&fit, key), &g[key], key);
    }
    let se = get(&fit, "stdErrors");
    for key in ["r", "alpha", "a", "b"] {
        same(
            num(&se, key),
            &g["stdErrors"][key],
            &format!("stdErrors.{key}"),
        );
    }
    assert_eq!(num(&fit, "customers"), 2357.0);
    assert_eq!(num(&fit, "groups") as u64, g["groups"].as_u64().unwrap());
}

#[wasm_bindgen_test]
fn gamma_gamma_fit_reproduces_the_paper_and_native_bits() {
    let g = &golden()["gammaGamma"];
    let fit = fit_gamma_gamma(summary(), JsValue::UNDEFINED).unwrap();
    let (p, q, gamma) = (num(&fit, "p"), num(&fit, "q"), num(&fit, "gamma"));
    assert!(printed(p, 6.25, 2), "p = {p}");
    assert!(printed(q, 3.74, 2), "q = {q}");
    assert!(printed(gamma, 15.44, 2), "gamma = {gamma}");
    assert_eq!(num(&fit, "customers"), 946.0);
    assert!(get(&fit, "warning").is_null());
    for key in ["p", "q", "gamma", "logLikelihood", "correlation"] {
        same(num(&fit, key), &g[key], key);
    }
    let se = get(&fit, "stdErrors");
    for key in ["p", "q", "gamma"] {
        same(
            num(&se, key),
            &g["stdErrors"][key],
            &format!("stdErrors.{key}"),
        );
    }
}

fn published_bg() -> JsValue {
    obj(&[
        ("r", 0.243.into()),
        ("alpha", 4.414.into()),
        ("a", 0.793.into()),
        ("b", 2.426.into()),
    ])
}

#[wasm_bindgen_test]
fn published_predictions() {
    let g = &golden()["published"];
    let one = obj(&[
        ("frequency", Array::of1(&2.0.into()).into()),
        ("recency", Array::of1(&30.43.into()).into()),
        ("T", Array::of1(&38.86.into()).into()),
    ]);
    let pred = bg_nbd_predict(published_bg(), one, 39.0, JsValue::UNDEFINED).unwrap();
    let expected = column(&pred, "expected")[0];
    assert!(printed(expected, 1.226, 3), "{expected}");
    same(expected, &g["expectedX2"], "expected purchases of x=2");
    same(
        column(&pred, "pAlive")[0],
        &g["pAliveX2"],
        "P(alive) of x=2",
    );
    let p0 = bg_nbd_probability(published_bg(), 39.0, 0.0).unwrap();
    assert!(printed(p0, 0.573_786_4, 7), "{p0}");
    same(p0, &g["pZero39"], "P(X(39) = 0)");
    assert!(bg_nbd_probability(published_bg(), 39.0, 0.5).is_err());
}

#[wasm_bindgen_test]
fn predictions_and_clv_with_the_fitted_parameters_give_native_bits() {
    let g = golden();
    let s = summary();
    let bg = fit_bg_nbd(s.clone()).unwrap();
    let gg = fit_gamma_gamma(s.clone(), JsValue::UNDEFINED).unwrap();
    let pred = bg_nbd_predict(bg.clone(), s.clone(), 39.0, JsValue::UNDEFINED).unwrap();
    let (alive, expected) = (column(&pred, "pAlive"), column(&pred, "expected"));
    same_all(&alive, &g["predict39"]["pAlive"], "pAlive");
    same_all(&expected, &g["predict39"]["expected"], "expected");
    same(sum(&alive), &g["predict39"]["pAliveSum"], "Σ pAlive");
    same(sum(&expected), &g["predict39"]["expectedSum"], "Σ expected");

    let options = obj(&[
        ("horizon", 12.0.into()),
        ("unit", "week".into()),
        ("discountRate", 0.01.into()),
    ]);
    let clv: Float64Array = customer_lifetime_value_js(bg, gg, s.clone(), options.clone())
        .unwrap()
        .unchecked_into();
    let clv = clv.to_vec();
    same_all(&clv, &g["clv12MonthsAt1Percent"]["values"], "clv");
    same(sum(&clv), &g["clv12MonthsAt1Percent"]["sum"], "Σ clv");

    let published_gg = obj(&[
        ("p", 6.25.into()),
        ("q", 3.74.into()),
        ("gamma", 15.44.into()),
    ]);
    let clv: Float64Array = customer_lifetime_value_js(published_bg(), published_gg, s, options)
        .unwrap()
        .unchecked_into();
    same(
        sum(&clv.to_vec()),
        &g["published"]["clvSum"],
        "Σ clv, published",
    );
}

#[wasm_bindgen_test]
fn the_exports_refuse_bad_input_and_keep_answering() {
    let bad = obj(&[
        ("frequency", Array::of1(&1.5.into()).into()),
        ("recency", Array::of1(&1.0.into()).into()),
        ("T", Array::of1(&2.0.into()).into()),
    ]);
    assert!(fit_bg_nbd(bad.clone()).is_err());
    assert!(bg_nbd_predict(published_bg(), bad, 39.0, JsValue::UNDEFINED).is_err());
    let no_unit = obj(&[("end", "1997-09-30".into())]);
    assert!(rfm_summary(transactions(), no_unit).is_err());
    assert!(JSON::stringify(&fit_bg_nbd(summary()).unwrap()).is_ok());
}

#[wasm_bindgen_test]
fn join_futures_matches_ids_then_names_and_ranks_the_clv() {
    let futures = obj(&[
        (
            "ids",
            Array::of3(&"KH0001".into(), &"kh0002".into(), &"甲公司".into()).into(),
        ),
        ("pAlive", Float64Array::from(&[0.9, 0.2, 0.5][..]).into()),
        ("expected", Float64Array::from(&[3.0, 0.1, 1.0][..]).into()),
        ("clv", Float64Array::from(&[900.0, 10.0, 300.0][..]).into()),
    ]);
    let accounts = obj(&[
        (
            "ids",
            Array::of4(
                &"ＫＨ0001".into(),
                &"KH0002".into(),
                &JsValue::NULL,
                &"KH9".into(),
            )
            .into(),
        ),
        (
            "names",
            Array::of4(&"A".into(), &"B".into(), &"甲公司".into(), &"乙公司".into()).into(),
        ),
    ]);
    let j = join_futures_js(futures, accounts).unwrap();
    let customer: js_sys::Int32Array = get(&j, "customer").unchecked_into();
    assert_eq!(customer.to_vec(), vec![0, 1, 2, -1]);
    let status: Array = get(&j, "status").unchecked_into();
    let codes: Vec<String> = status.iter().filter_map(|s| s.as_string()).collect();
    assert_eq!(codes, ["id", "id", "name", "noMatch"]);
    let score = column(&j, "futureScore");
    assert_eq!(&score[..3], &[100.0, 0.0, 50.0]);
    assert!(score[3].is_nan());
    assert_eq!(column(&j, "pAlive")[1], 0.2);
    assert_eq!(num(&j, "byId"), 2.0);
    assert_eq!(num(&j, "byName"), 1.0);
    let cols = transaction_columns_js(
        ["客户编号", "日期", "金额(元)"]
            .iter()
            .map(|h| JsValue::from_str(h))
            .collect::<js_sys::Array>()
            .into(),
    )
    .unwrap();
    assert_eq!(num(&cols, "id"), 0.0);
    assert_eq!(num(&cols, "amount"), 2.0);
    assert!(get(&cols, "name").is_null());
}

#[wasm_bindgen_test]
fn pareto_nbd_fit_and_predictions_give_native_bits() {
    let g = &golden()["paretoNbd"];
    let s = summary();
    let fit = fit_pareto_nbd(s.clone()).unwrap();
    let (r, alpha, sh, beta) = (
        num(&fit, "r"),
        num(&fit, "alpha"),
        num(&fit, "s"),
        num(&fit, "beta"),
    );
    // FHL 2005: r = 0.553, α = 10.578, s = 0.606, β = 11.669 (the maximum is at β = 11.668:
    // see tests/clv_cdnow.rs), log-likelihood −9595.0.
    assert!(printed(r, 0.553, 3), "r = {r}");
    assert!(printed(alpha, 10.578, 3), "alpha = {alpha}");
    assert!(printed(sh, 0.606, 3), "s = {sh}");
    assert!((beta - 11.669).abs() < 0.0015, "beta = {beta}");
    for key in ["r", "alpha", "s", "beta", "logLikelihood"] {
        same(num(&fit, key), &g[key], key);
    }
    let se = get(&fit, "stdErrors");
    for key in ["r", "alpha", "s", "beta"] {
        same(
            num(&se, key),
            &g["stdErrors"][key],
            &format!("stdErrors.{key}"),
        );
    }
    let pred = pareto_nbd_predict(fit, s, 39.0, JsValue::UNDEFINED).unwrap();
    let (alive, expected) = (column(&pred, "pAlive"), column(&pred, "expected"));
    same_all(&alive, &g["predict39"]["pAlive"], "pAlive");
    same_all(&expected, &g["predict39"]["expected"], "expected");
    same(sum(&alive), &g["predict39"]["pAliveSum"], "Σ pAlive");
    same(sum(&expected), &g["predict39"]["expectedSum"], "Σ expected");
}

#[wasm_bindgen_test]
fn calibration_holdout_matches_lifetimes() {
    let g: Value = serde_json::from_str(include_str!("golden/holdout_lifetimes.json")).unwrap();
    for model in ["bgnbd", "paretonbd"] {
        let options = obj(&[
            ("calibrationEnd", "1997-09-30".into()),
            ("observationEnd", "1998-06-30".into()),
            ("unit", "week".into()),
            ("model", model.into()),
        ]);
        let h = calibration_holdout_js(transactions(), options).unwrap();
        let want = &g[model];
        let near = |got: f64, w: &Value| {
            let w = w.as_f64().unwrap();
            assert!(
                (got - w).abs() <= 1e-6 * w.abs().max(1.0),
                "{model}: {got} vs {w}"
            );
        };
        assert_eq!(num(&h, "customers"), 2357.0);
        near(num(&h, "predictedTotal"), &want["predictedTotal"]);
        near(num(&h, "actualTotal"), &want["actualTotal"]);
        near(num(&h, "meanAbsoluteError"), &want["meanAbsoluteError"]);
        let groups: Array = get(&h, "byFrequency").unchecked_into();
        assert_eq!(groups.length(), 8);
        for (i, w) in want["byFrequency"].as_array().unwrap().iter().enumerate() {
            let group = groups.get(i as u32);
            assert_eq!(num(&group, "customers"), w["customers"].as_f64().unwrap());
            near(num(&group, "predicted"), &w["predicted"]);
            near(num(&group, "actual"), &w["actual"]);
        }
        let per = get(&h, "perCustomer");
        let predicted = column(&per, "predicted");
        let theirs = want["predicted"].as_array().unwrap();
        for (got, w) in predicted.iter().zip(theirs) {
            near(*got, w);
        }
    }
    let bad = obj(&[
        ("calibrationEnd", "1997-09-30".into()),
        ("observationEnd", "1998-06-30".into()),
        ("unit", "week".into()),
        ("model", "gamma".into()),
    ]);
    assert!(calibration_holdout_js(transactions(), bad).is_err());
}

#[wasm_bindgen_test]
fn intervals_give_native_bits_and_need_the_covariance() {
    let g = &golden()["intervals90"];
    let s = summary();
    let bg = fit_bg_nbd(s.clone()).unwrap();
    let gg = fit_gamma_gamma(s.clone(), JsValue::UNDEFINED).unwrap();
    let interval = obj(&[("interval", 0.9.into())]);
    let pred = bg_nbd_predict(bg.clone(), s.clone(), 39.0, interval.clone()).unwrap();
    assert_eq!(num(&pred, "level"), 0.9);
    for (side, key) in [
        ("lower", "pAlive"),
        ("lower", "expected"),
        ("upper", "pAlive"),
        ("upper", "expected"),
    ] {
        let got = column(&get(&pred, side), key);
        same_all(&got, &g["bgNbd"][side][key], &format!("{side}.{key}"));
    }
    let options = obj(&[
        ("horizon", 12.0.into()),
        ("unit", "week".into()),
        ("discountRate", 0.01.into()),
        ("interval", 0.9.into()),
    ]);
    let clv =
        customer_lifetime_value_js(bg.clone(), gg.clone(), s.clone(), options.clone()).unwrap();
    same_all(&column(&clv, "lower"), &g["clv"]["lower"], "clv lower");
    same_all(&column(&clv, "upper"), &g["clv"]["upper"], "clv upper");
    let pnbd = fit_pareto_nbd(s.clone()).unwrap();
    let pp = pareto_nbd_predict(pnbd, s.clone(), 39.0, interval.clone()).unwrap();
    same_all(
        &column(&get(&pp, "lower"), "expected"),
        &g["paretoNbd"]["lower"]["expected"],
        "pnbd lower",
    );
    same_all(
        &column(&get(&pp, "upper"), "pAlive"),
        &g["paretoNbd"]["upper"]["pAlive"],
        "pnbd upper",
    );
    // Parameters alone have no covariance: an error that says so, not a silent interval.
    assert!(bg_nbd_predict(published_bg(), s.clone(), 39.0, interval).is_err());
    let bad_level = obj(&[("interval", 90.0.into())]);
    assert!(bg_nbd_predict(bg, s, 39.0, bad_level).is_err());
}

/// The CDNOW log as typed columns: ids as codes, dates as `yyyymmdd` numbers and as day
/// numbers (days since 1970-01-01, computed here by the civil-from-days rule).
type TypedLog = (Vec<u32>, Vec<f64>, Vec<f64>, Vec<f64>);

fn typed_columns() -> TypedLog {
    let (mut ids, mut ymd, mut days, mut amounts) = (vec![], vec![], vec![], vec![]);
    for line in RAW.lines().filter(|l| !l.trim().is_empty()) {
        let c: Vec<&str> = line.split_whitespace().collect();
        ids.push(c[1].parse::<u32>().unwrap());
        let d: i64 = c[2].parse().unwrap();
        ymd.push(d as f64);
        days.push(
            kam_score::parse::days_from_civil(d / 10000, (d / 100 % 100) as u32, (d % 100) as u32)
                .unwrap() as f64,
        );
        amounts.push(c[4].parse::<f64>().unwrap());
    }
    (ids, ymd, days, amounts)
}

fn week_options() -> JsValue {
    obj(&[("unit", "week".into()), ("end", "1997-09-30".into())])
}

#[wasm_bindgen_test]
fn summary_from_typed_columns_equals_the_text_summary() {
    let from_text = summary();
    let (ids, ymd, days, amounts) = typed_columns();
    let amounts_js: JsValue = Float64Array::from(amounts.as_slice()).into();
    let by_ymd = rfm_summary_columns(
        obj(&[
            ("ids", js_sys::Uint32Array::from(ids.as_slice()).into()),
            ("yyyymmdd", Float64Array::from(ymd.as_slice()).into()),
            ("amounts", amounts_js.clone()),
        ]),
        week_options(),
    )
    .unwrap();
    let day_numbers: Vec<i32> = days.iter().map(|&d| d as i32).collect();
    let id_numbers: Vec<f64> = ids.iter().map(|&i| f64::from(i)).collect();
    let by_days = rfm_summary_columns(
        obj(&[
            ("ids", Float64Array::from(id_numbers.as_slice()).into()),
            (
                "days",
                js_sys::Int32Array::from(day_numbers.as_slice()).into(),
            ),
            ("amounts", amounts_js),
        ]),
        week_options(),
    )
    .unwrap();
    let text_ids: Array = get(&from_text, "ids").unchecked_into();
    for s in [&by_ymd, &by_days] {
        let got: Array = get(s, "ids").unchecked_into();
        assert_eq!(got.length(), 2357);
        // The text log writes ids zero-padded ("0001"); as codes they are the numbers.
        let same_ids = (0..got.length()).all(|i| {
            let n = |a: &Array| a.get(i).as_string().and_then(|s| s.parse::<u32>().ok());
            n(&got).is_some() && n(&got) == n(&text_ids)
        });
        assert!(same_ids, "ids differ");
        for key in ["frequency", "recency", "T", "monetary"] {
            let (a, b) = (column(s, key), column(&from_text, key));
            assert!(
                a.iter().zip(&b).all(|(x, y)| x.to_bits() == y.to_bits()),
                "{key}"
            );
        }
        assert_eq!(num(s, "afterEnd"), num(&from_text, "afterEnd"));
        assert_eq!(get(s, "errors").unchecked_into::<Array>().length(), 0);
    }
}

#[wasm_bindgen_test]
fn typed_columns_name_bad_rows_and_refuse_ambiguous_dates() {
    let ids = js_sys::Uint32Array::from(&[7_u32, 7, 3][..]);
    // 1997-02-30 is no day: row 3 is reported with its value, not read as 2 March.
    let ymd = Float64Array::from(&[19970101.0, 19970212.0, 19970230.0][..]);
    let s = rfm_summary_columns(
        obj(&[
            ("ids", ids.clone().into()),
            ("yyyymmdd", ymd.clone().into()),
        ]),
        week_options(),
    )
    .unwrap();
    let errors: Array = get(&s, "errors").unchecked_into();
    assert_eq!(errors.length(), 1);
    assert_eq!(num(&errors.get(0), "row"), 3.0);
    assert_eq!(
        get(&errors.get(0), "column").as_string().as_deref(),
        Some("date")
    );
    assert_eq!(column(&s, "frequency"), vec![1.0]);
    // Without amounts every purchase counts 0.
    assert_eq!(column(&s, "monetary"), vec![0.0]);
    let both = obj(&[
        ("ids", ids.clone().into()),
        ("yyyymmdd", ymd.clone().into()),
        ("days", ymd.into()),
    ]);
    assert!(rfm_summary_columns(both, week_options()).is_err());
    assert!(rfm_summary_columns(obj(&[("ids", ids.into())]), week_options()).is_err());
}

#[wasm_bindgen_test]
fn weighted_fits_on_grouped_customers_equal_the_per_customer_fits() {
    let s = summary();
    let (x, tx, t, m) = (
        column(&s, "frequency"),
        column(&s, "recency"),
        column(&s, "T"),
        column(&s, "monetary"),
    );
    // Distinct (x, tₓ, T) with their counts, as a GROUP BY would give them.
    type Group = ((u64, u64, u64), f64);
    let mut groups: Vec<Group> = Vec::new();
    for i in 0..x.len() {
        let key = (x[i].to_bits(), tx[i].to_bits(), t[i].to_bits());
        match groups.iter_mut().find(|g| g.0 == key) {
            Some(g) => g.1 += 1.0,
            None => groups.push((key, 1.0)),
        }
    }
    assert!(groups.len() < x.len());
    let col = |f: &dyn Fn(&Group) -> f64| -> JsValue {
        Float64Array::from(groups.iter().map(f).collect::<Vec<_>>().as_slice()).into()
    };
    let grouped = obj(&[
        ("frequency", col(&|g| f64::from_bits(g.0 .0))),
        ("recency", col(&|g| f64::from_bits(g.0 .1))),
        ("T", col(&|g| f64::from_bits(g.0 .2))),
        ("weights", col(&|g| g.1)),
    ]);
    let full = fit_bg_nbd(s.clone()).unwrap();
    let weighted = fit_bg_nbd(grouped).unwrap();
    for key in ["r", "alpha", "a", "b"] {
        let (w, f) = (num(&weighted, key), num(&full, key));
        assert!((w - f).abs() <= 1e-7 * f.abs(), "{key}: {w} vs {f}");
    }
    assert_eq!(num(&weighted, "customers"), 2357.0);
    // Gamma-Gamma: each repeat buyer once with weight 1, and again with its rows doubled
    // into one row of weight 2: the parameters stay (the likelihood only doubles).
    let twice = obj(&[
        ("frequency", Float64Array::from(x.as_slice()).into()),
        ("monetary", Float64Array::from(m.as_slice()).into()),
        (
            "weights",
            Float64Array::from(vec![2.0; x.len()].as_slice()).into(),
        ),
    ]);
    let gg_full = fit_gamma_gamma(s, JsValue::UNDEFINED).unwrap();
    let gg_twice = fit_gamma_gamma(twice, JsValue::UNDEFINED).unwrap();
    for key in ["p", "q", "gamma"] {
        let (w, f) = (num(&gg_twice, key), num(&gg_full, key));
        assert!((w - f).abs() <= 1e-6 * f.abs(), "{key}: {w} vs {f}");
    }
    assert_eq!(
        num(&gg_twice, "customers"),
        2.0 * num(&gg_full, "customers")
    );
    let bad = obj(&[
        ("frequency", Float64Array::from(x.as_slice()).into()),
        ("recency", Float64Array::from(tx.as_slice()).into()),
        ("T", Float64Array::from(t.as_slice()).into()),
        (
            "weights",
            Float64Array::from(vec![-1.0; x.len()].as_slice()).into(),
        ),
    ]);
    assert!(fit_bg_nbd(bad).is_err());
}

#[wasm_bindgen_test]
fn clv_errors_carry_their_code_and_both_languages() {
    // recency 5 > T 2: no customer buys after the end of the observation.
    let bad = obj(&[
        ("frequency", Float64Array::from(&[1.0][..]).into()),
        ("recency", Float64Array::from(&[5.0][..]).into()),
        ("T", Float64Array::from(&[2.0][..]).into()),
    ]);
    let e: JsValue = fit_bg_nbd(bad).err().map(JsValue::from).unwrap();
    assert_eq!(
        get(&e, "code").as_string().as_deref(),
        Some("recency_after_age")
    );
    let zh = get(&e, "zh").as_string().unwrap();
    assert!(
        zh.contains("第 1 位客户") && !zh.contains("customer"),
        "{zh}"
    );
    assert_eq!(
        get(&e, "message").as_string().as_deref(),
        Some("customer 1: recency 5 is larger than T 2")
    );
}
