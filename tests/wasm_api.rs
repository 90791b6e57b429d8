//! The wasm build through its exported API, in Node and in headless Chromium
//! (`WASM_BINDGEN_USE_BROWSER=1`): the same numbers as native, to the last bit.

#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Float64Array, Reflect, Uint8Array, JSON};
use kam_score::wasm::*;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn rows() -> Array {
    JSON::parse(include_str!("golden/rows.json"))
        .unwrap()
        .unchecked_into()
}

fn golden() -> Value {
    serde_json::from_str(include_str!("golden/scores.json")).unwrap()
}

#[wasm_bindgen_test]
fn every_preset_gives_the_native_bits() {
    let golden = golden();
    for name in preset_names_js() {
        let want = golden[&name].as_array().unwrap();
        for (i, row) in rows().iter().enumerate() {
            let card = score_account(row, JsValue::from_str(&name), JsValue::UNDEFINED).unwrap();
            let score = get(&card, "score").as_f64();
            let expected = want[i]["score"].as_f64();
            assert_eq!(
                score.map(f64::to_bits),
                expected.map(f64::to_bits),
                "{name} row {i}"
            );
            let coverage = get(&card, "coverage").as_f64().unwrap();
            assert_eq!(
                coverage.to_bits(),
                want[i]["coverage"].as_f64().unwrap().to_bits()
            );
            let tier = get(&card, "tier");
            let code = if tier.is_null() {
                None
            } else {
                get(&tier, "code").as_string()
            };
            assert_eq!(code.as_deref(), want[i]["tier"].as_str(), "{name} row {i}");
            let factors: Array = get(&card, "factors").unchecked_into();
            for (j, f) in factors.iter().enumerate() {
                let p = get(&f, "points").as_f64().unwrap();
                assert_eq!(
                    p.to_bits(),
                    want[i]["points"][j].as_f64().unwrap().to_bits()
                );
            }
        }
    }
}

#[wasm_bindgen_test]
fn score_accounts_keeps_rows_and_reports_bad_cells() {
    let cards: Array = score_accounts(rows().into(), JsValue::UNDEFINED, JsValue::UNDEFINED)
        .unwrap()
        .unchecked_into();
    assert_eq!(cards.length(), rows().length());
    let bad = cards.get(6);
    let errors: Array = get(&bad, "errors").unchecked_into();
    assert_eq!(errors.length(), 1);
    let e = errors.get(0);
    assert_eq!(get(&e, "row").as_f64(), Some(7.0));
    assert_eq!(get(&e, "column").as_string().as_deref(), Some("年采购额"));
    assert_eq!(get(&e, "text").as_string().as_deref(), Some("很多"));
}

/// The cell spellings of MODEL §1.1 (tests/cells/spellings.tsv, written from the spec) through
/// the wasm build: value in the field's unit or the error's code, and the marks.
#[wasm_bindgen_test]
fn every_spelling_reads_through_wasm_as_the_table_says() {
    let table = include_str!("cells/spellings.tsv");
    let mut failures = Vec::new();
    let mut count = 0;
    for (n, line) in table.lines().enumerate().skip(1) {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (field, text, strict, expect) = (cols[0], cols[1], cols[2] == "strict", cols[3]);
        let marks: Vec<&str> = if cols[4] == "-" {
            Vec::new()
        } else {
            cols[4].split(',').collect()
        };
        count += 1;
        let options = js_sys::Object::new();
        Reflect::set(&options, &"strict".into(), &JsValue::from_bool(strict)).unwrap();
        let got = read_value(text.into(), field.into(), options.into());
        let ok = match (&got, expect) {
            (Ok(v), "blank") => get(v, "value").is_null(),
            (Err(e), want) => {
                want.strip_prefix("error:") == get(e, "code").as_string().as_deref()
                    && get(e, "zh").as_string().is_some_and(|t| !t.is_empty())
            }
            (Ok(v), want) => {
                let value = get(v, "value").as_f64();
                let got_marks: Vec<String> = Array::from(&get(v, "marks"))
                    .iter()
                    .filter_map(|m| m.as_string())
                    .collect();
                match (want.parse::<f64>(), value) {
                    (Ok(w), Some(g)) => {
                        (g == w || (g - w).abs() <= 1e-12 * w.abs()) && got_marks == marks
                    }
                    _ => false,
                }
            }
        };
        if !ok {
            failures.push(format!("line {}: {field} {text:?} want {expect}", n + 1));
        }
    }
    assert!(count >= 200, "{count} spellings");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[wasm_bindgen_test]
fn parse_value_reads_and_refuses() {
    assert_eq!(
        parse_value("¥1.2万".into(), JsValue::UNDEFINED).unwrap(),
        12_000.0
    );
    assert_eq!(
        parse_value("3.5亿".into(), JsValue::UNDEFINED).unwrap(),
        3.5e8
    );
    assert_eq!(parse_value("12%".into(), JsValue::UNDEFINED).unwrap(), 0.12);
    assert!(parse_value("N/A".into(), JsValue::UNDEFINED)
        .unwrap()
        .is_nan());
    assert!(parse_value("--5".into(), JsValue::UNDEFINED).is_err());
    assert_eq!(
        parse_date("2026年3月15日".into()).unwrap().as_deref(),
        Some("2026-03-15")
    );
}

#[wasm_bindgen_test]
fn columns_and_scorer_match_the_card() {
    let amounts = Float64Array::from(&[1.2e7, 8.5e5, f64::NAN][..]);
    let margins = Float64Array::from(&[0.23, 0.18, 0.4][..]);
    let credit = Array::of3(&"A".into(), &"B".into(), &JsValue::NULL);
    let columns = js_sys::Object::new();
    Reflect::set(&columns, &"annual_purchase".into(), &amounts).unwrap();
    Reflect::set(&columns, &"gross_margin".into(), &margins).unwrap();
    Reflect::set(&columns, &"credit_rating".into(), &credit).unwrap();
    let out = score_columns_js(columns.into(), JsValue::UNDEFINED).unwrap();
    let scores: Float64Array = get(&out, "score").unchecked_into();
    let tiers: Uint8Array = get(&out, "tier").unchecked_into();
    assert_eq!(scores.length(), 3);
    assert!(
        scores.get_index(2).is_nan(),
        "40 % coverage is below the minimum"
    );
    assert_eq!(tiers.get_index(2), 0);

    let headers = Array::of3(&"年采购额".into(), &"毛利率".into(), &"信用等级".into());
    let mut scorer = Scorer::new(JsValue::UNDEFINED, headers.into(), JsValue::UNDEFINED).unwrap();
    let values = Array::of3(&1.2e7.into(), &0.23.into(), &"A".into());
    let per_cell = scorer.score(values.clone().into()).unwrap();
    assert_eq!(per_cell.to_bits(), scores.get_index(0).to_bits());
    let card = scorer.score_card(values.into()).unwrap();
    assert_eq!(
        get(&card, "score").as_f64().unwrap().to_bits(),
        per_cell.to_bits()
    );
    let tier = get(&get(&card, "tier"), "code").as_string().unwrap();
    let expected_tier = match tiers.get_index(0) {
        4 => "vip",
        3 => "important",
        2 => "ordinary",
        _ => "small",
    };
    assert_eq!(tier, expected_tier);
}

#[wasm_bindgen_test]
fn invalid_models_throw_with_every_problem() {
    let doc = r#"{"name":"","factors":[{"key":"a","weight":-1,"inputs":[{"field":"nope","transform":{"type":"linear","min":1,"max":0}}]}]}"#;
    let problems: Array = validate_model(JsValue::from_str(doc))
        .unwrap()
        .unchecked_into();
    let codes: Vec<String> = problems
        .iter()
        .map(|p| {
            Reflect::get(&p, &"code".into())
                .unwrap()
                .as_string()
                .unwrap()
        })
        .collect();
    assert_eq!(
        codes,
        [
            "name_empty",
            "weight_invalid",
            "unknown_field",
            "min_not_below_max",
            "weights_all_zero"
        ],
        "{codes:?}"
    );
    let first = problems.get(1);
    let get = |key: &str| {
        Reflect::get(&first, &key.into())
            .unwrap()
            .as_string()
            .unwrap()
    };
    assert_eq!(get("path"), "factors[0].weight");
    assert_eq!(
        get("zh"),
        "因子 1 › 权重：因子“a”的权重必须是不小于 0 的数（现为 -1）"
    );
    assert!(get("en").starts_with("factors[0].weight: "));
    // A valid model has no problem; `null` is a document that is not an object.
    let none: Array = validate_model(JsValue::from_str("rfm"))
        .unwrap()
        .unchecked_into();
    assert_eq!(none.length(), 0);
    let null: Array = validate_model(JsValue::NULL).unwrap().unchecked_into();
    assert_eq!(
        Reflect::get(&null.get(0), &"code".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("not_an_object")
    );
    // An export given the invalid model throws an Error with the code, both texts and the list.
    let thrown: JsValue = score_account(rows().get(0), JsValue::from_str(doc), JsValue::UNDEFINED)
        .unwrap_err()
        .into();
    let get = |key: &str| Reflect::get(&thrown, &key.into()).unwrap();
    assert!(thrown.is_instance_of::<js_sys::Error>());
    assert_eq!(get("code").as_string().as_deref(), Some("invalid_model"));
    assert!(get("zh")
        .as_string()
        .unwrap()
        .starts_with("模型有 5 个问题："));
    let message = get("message").as_string().unwrap();
    assert!(
        message.starts_with("the model has 5 problem(s): name: "),
        "{message}"
    );
    assert_eq!(get("en").as_string().unwrap(), message);
    assert_eq!(Array::from(&get("problems")).length(), 5);
    assert!(score_account(rows().get(0), JsValue::from_str("gold"), JsValue::UNDEFINED).is_err());
    assert!(score_account(
        JsValue::from_f64(3.0),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED
    )
    .is_err());
    // The module keeps answering after errors.
    assert!(score_account(rows().get(0), JsValue::UNDEFINED, JsValue::UNDEFINED).is_ok());
}

/// Calls an export by its JavaScript name with JSON arguments.
fn call(name: &str, args: &Array) -> JsValue {
    let a = |i: u32| args.get(i);
    let num = |i: u32| a(i).as_f64().unwrap_or(f64::NAN);
    match name {
        "valueTier" => value_tier_js(num(0), a(1)).unwrap(),
        "attractivenessLetter" => attractiveness_letter_js(num(0), a(1))
            .unwrap()
            .map_or(JsValue::NULL, |s| JsValue::from_str(&s)),
        "manQualification" => man_qualification_js(a(0), a(1), a(2)).unwrap(),
        "valueQuadrant" => value_quadrant_js(num(0), num(1), a(2)).unwrap(),
        "pipelineGrade" => pipeline_grade_js(a(0), a(1)).unwrap(),
        "abcClasses" => abc_classes_js(a(0), a(1)).unwrap(),
        "abcAnalysis" => abc_analysis(a(0), a(1)).unwrap(),
        "valuePyramid" => value_pyramid_js(a(0), a(1)).unwrap(),
        "accountClassLabels" => account_class_labels_js().unwrap(),
        "accountClass" => account_class_js(a(0), a(1)).unwrap(),
        "accountProfitability" => account_profitability_js(a(0).unchecked_into(), a(1)).unwrap(),
        "matrixStrategy" => matrix_strategy_js(a(0), a(1), a(2)).unwrap(),
        "cadence" => cadence_js(a(0), a(1)).unwrap(),
        "suggestStrategy" => suggest_strategy_js(a(0), a(1)).unwrap(),
        other => panic!("no export {other} in this runner"),
    }
}

fn at(value: &JsValue, path: &str) -> JsValue {
    if path.is_empty() {
        return value.clone();
    }
    path.split('.').fold(value.clone(), |v, key| {
        if v.is_undefined() || v.is_null() {
            JsValue::UNDEFINED
        } else {
            get(&v, key)
        }
    })
}

#[wasm_bindgen_test]
fn grade_and_strategy_cases_from_the_spec() {
    let cases: Array = JSON::parse(include_str!("cases/grades-strategy.json"))
        .unwrap()
        .unchecked_into();
    assert!(cases.length() > 50);
    for case in cases.iter() {
        let name = get(&case, "fn").as_string().unwrap();
        let args: Array = get(&case, "args").unchecked_into();
        let got = call(&name, &args);
        let expect = get(&case, "expect");
        for entry in js_sys::Object::entries(expect.unchecked_ref()).iter() {
            let entry: Array = entry.unchecked_into();
            let path = entry.get(0).as_string().unwrap();
            let found = JSON::stringify(&at(&got, &path))
                .ok()
                .and_then(|s| s.as_string());
            let want = JSON::stringify(&entry.get(1))
                .ok()
                .and_then(|s| s.as_string());
            assert_eq!(
                found,
                want,
                "{name}({:?}) at {path}",
                JSON::stringify(&args).ok().and_then(|s| s.as_string())
            );
        }
    }
}

/// An object made by JavaScript source (a getter that throws, a revoked Proxy).
fn js_object(source: &str) -> JsValue {
    js_sys::Function::new_no_args(source)
        .call0(&JsValue::UNDEFINED)
        .unwrap()
}

/// 20,000 calls whose row throws while the crate reads it leave the module healthy (the
/// exception never unwinds through Rust frames), in Node and in Chromium.
#[wasm_bindgen_test]
fn throwing_rows_never_break_the_module() {
    let getter = js_object(
        "return Object.defineProperty({}, '年采购额', { enumerable: true, get() { throw new Error('boom'); } });",
    );
    let revoked = js_object("const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy;");
    for i in 0..20_000 {
        let row = if i % 2 == 0 { &getter } else { &revoked };
        assert!(score_account(row.clone(), JsValue::UNDEFINED, JsValue::UNDEFINED).is_err());
    }
    let normal = score_account(rows().get(0), JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap();
    let golden: Value = serde_json::from_str(include_str!("golden/scores.json")).unwrap();
    assert_eq!(
        get(&normal, "score").as_f64(),
        golden["key_account"][0]["score"].as_f64()
    );
}

fn deal_rows(n: usize) -> Array {
    // Won when the industry is 制造 or the purchase is large, with exceptions every 7th deal.
    let rows = Array::new();
    for i in 0..n {
        let industry = ["制造", "零售", "物流"][i % 3];
        let purchase = 10_000.0 * (1 + i % 10) as f64;
        let won = (industry == "制造" || purchase > 60_000.0) != (i % 7 == 0);
        let row = js_sys::Object::new();
        for (key, value) in [
            ("客户名称", JsValue::from_str(&format!("客户{i}"))),
            ("行业", JsValue::from_str(industry)),
            ("年采购额", JsValue::from_f64(purchase)),
            (
                "结单日期",
                JsValue::from_str(&format!("2025-{:02}-01", 1 + i % 12)),
            ),
            (
                "成交结果",
                JsValue::from_str(if won { "赢单" } else { "丢单" }),
            ),
        ] {
            Reflect::set(&row, &key.into(), &value).unwrap();
        }
        rows.push(&row);
    }
    rows
}

fn account_row(id: &str, name: &str, purchase: f64) -> JsValue {
    JSON::parse(&format!(
        r#"{{"客户编号": "{id}", "客户名称": "{name}", "年采购额": {purchase}, "毛利率": 0.25, "合作年限": 4, "交易次数": 12}}"#
    ))
    .unwrap()
}

#[wasm_bindgen_test]
fn compare_snapshots_counts_and_reasons() {
    let before = Array::of3(
        &account_row("KH1", "甲", 1e4),
        &account_row("KH2", "乙", 5e7),
        &account_row("KH3", "丙", 1e6),
    );
    let after = Array::of3(
        &account_row("ｋｈ1", "甲", 5e7),
        &account_row("KH2", "乙", 1e4),
        &account_row("KH4", "丁", 1e6),
    );
    let c = compare_snapshots_js(before.into(), after.into(), JsValue::UNDEFINED).unwrap();
    let summary = get(&c, "summary");
    let count = |k: &str| get(&summary, k).as_f64().unwrap();
    assert_eq!(
        [
            count("up"),
            count("down"),
            count("same"),
            count("new"),
            count("gone")
        ],
        [1.0, 1.0, 0.0, 1.0, 1.0]
    );
    let first = Array::from(&get(&c, "accounts")).get(0);
    assert_eq!(get(&first, "status").as_string().as_deref(), Some("up"));
    assert_eq!(get(&first, "matchedBy").as_string().as_deref(), Some("id"));
    let reason = Array::from(&get(&first, "reasons")).get(0);
    assert_eq!(
        get(&reason, "factor").as_string().as_deref(),
        Some("order_amount")
    );
    assert!(get(&reason, "pointsAfter").as_f64() > get(&reason, "pointsBefore").as_f64());
    // Neither rows nor a Sheet: an error, and the module keeps answering.
    assert!(compare_snapshots_js(
        JsValue::from_f64(1.0),
        Array::new().into(),
        JsValue::UNDEFINED
    )
    .is_err());
    let bad_options = JSON::parse(r#"{"minPoints": "many"}"#).unwrap();
    assert!(compare_snapshots_js(Array::new().into(), Array::new().into(), bad_options).is_err());
}

#[wasm_bindgen_test]
fn a_win_model_fits_predicts_and_evaluates() {
    let deals = deal_rows(120);
    let model = fit_win_model_js(deals.clone().into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&model, "kind").as_string().as_deref(), Some("winModel"));
    let row = JSON::parse(r#"{"行业": "制造", "年采购额": 90000}"#).unwrap();
    let p = win_probability_js(model.clone(), row.clone()).unwrap();
    let probability = get(&p, "probability").as_f64().unwrap();
    assert!(probability > 0.8, "{probability}");
    let factors = Array::from(&get(&p, "factors"));
    assert_eq!(factors.length(), 2);
    assert!(get(&factors.get(0), "effect").as_f64().unwrap() > 0.0);
    // The same from the model's JSON text.
    let text = JSON::stringify(&model).unwrap();
    let again = win_probability_js(text.into(), row).unwrap();
    assert_eq!(get(&again, "probability").as_f64(), Some(probability));
    let e = evaluate_win_model_js(model.clone(), deals.clone().into()).unwrap();
    assert!(get(&e, "auc").as_f64().unwrap() > 0.8);
    assert_eq!(Array::from(&get(&e, "calibration")).length(), 10);
    let h = win_holdout_js(deals.into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(
        get(&h, "dateField").as_string().as_deref(),
        Some("deal_date")
    );
    assert_eq!(get(&h, "test").as_f64(), Some(24.0));
}

#[wasm_bindgen_test]
fn win_model_errors_carry_code_zh_and_en() {
    let lost =
        JSON::parse(r#"[{"行业": "甲", "成交结果": "丢单"}, {"行业": "乙", "成交结果": "0"}]"#)
            .unwrap();
    let thrown: JsValue = fit_win_model_js(lost, JsValue::UNDEFINED)
        .unwrap_err()
        .into();
    let text = |k: &str| get(&thrown, k).as_string().unwrap_or_default();
    assert_eq!(text("code"), "one_class");
    assert!(text("zh").contains("丢单"), "{}", text("zh"));
    assert!(text("en").contains("lost"), "{}", text("en"));
    let thrown: JsValue = win_probability_js(JsValue::from_str("{}"), JSON::parse("{}").unwrap())
        .unwrap_err()
        .into();
    assert_eq!(
        get(&thrown, "code").as_string().as_deref(),
        Some("invalid_model")
    );
    assert!(evaluate_win_model_js(JsValue::from_f64(3.0), Array::new().into()).is_err());
}
