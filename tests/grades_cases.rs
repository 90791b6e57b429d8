//! The grade cases of tests/cases/grades-strategy.json (from MODEL §3) through the native core:
//! each case names a JavaScript export, its arguments and the values expected at paths of the
//! result. tests/wasm_api.rs runs the same file in the wasm build (Node and Chromium), and
//! tests/js/cases.test.mjs through the Node package. The strategy exports (§4) are run there;
//! this runner takes the grade exports, whose results serialise the same way natively.

#![cfg(not(target_arch = "wasm32"))]

use kam_score::grades::abc::{abc_classes, AbcOptions};
use kam_score::grades::attractiveness::{attractiveness_letter, LetterCuts};
use kam_score::grades::class::{account_class, account_class_labels, ClassOptions};
use kam_score::grades::man::man_qualification;
use kam_score::grades::pipeline::{pipeline_grade, PipelineFacts, PipelineOptions};
use kam_score::grades::profitability::{account_profitability, ProfitabilityOptions};
use kam_score::grades::pyramid::{value_pyramid, PyramidOptions};
use kam_score::grades::quadrant::{value_quadrant, QuadrantCuts};
use kam_score::grades::tier::{value_tier, TierThresholds};
use kam_score::row::{AccountRow, Cell};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

/// The exports of §4, run by the wasm and Node runners only.
const STRATEGY_EXPORTS: [&str; 3] = ["matrixStrategy", "cadence", "suggestStrategy"];

fn options<T: DeserializeOwned + Default>(value: Option<&Value>) -> T {
    match value {
        None | Some(Value::Null) => T::default(),
        Some(v) => serde_json::from_value(v.clone()).expect("options"),
    }
}

fn number(value: &Value) -> f64 {
    value.as_f64().unwrap_or(f64::NAN)
}

fn numbers(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .expect("a list")
        .iter()
        .map(number)
        .collect()
}

fn row(value: &Value) -> AccountRow {
    let object = value.as_object().expect("a row object");
    let cells: Vec<(&str, Cell)> = object
        .iter()
        .map(|(key, v)| {
            let cell = match v {
                Value::Null => Cell::Empty,
                Value::Bool(b) => Cell::Bool(*b),
                Value::Number(n) => Cell::Number(n.as_f64().unwrap_or(f64::NAN)),
                Value::String(s) => Cell::Text(s.clone()),
                other => panic!("not a cell: {other}"),
            };
            (key.as_str(), cell)
        })
        .collect();
    AccountRow::from_pairs(cells, None)
}

fn flag(value: &Value) -> bool {
    value.as_bool().expect("true or false")
}

fn call(name: &str, args: &[Value]) -> Value {
    let a = |i: usize| args.get(i);
    let to = |v: serde_json::Result<Value>| v.expect("serialisable");
    match name {
        "valueTier" => {
            let t: TierThresholds = options(a(1));
            to(serde_json::to_value(
                value_tier(number(&args[0]), &t).map(|tier| tier.label()),
            ))
        }
        "attractivenessLetter" => {
            let c: LetterCuts = options(a(1));
            json!(attractiveness_letter(number(&args[0]), &c).map(|l| l.code()))
        }
        "manQualification" => to(serde_json::to_value(man_qualification(
            flag(&args[0]),
            flag(&args[1]),
            flag(&args[2]),
        ))),
        "valueQuadrant" => {
            let c: QuadrantCuts = options(a(2));
            to(serde_json::to_value(
                value_quadrant(number(&args[0]), number(&args[1]), &c).unwrap(),
            ))
        }
        "pipelineGrade" => {
            let o: PipelineOptions = options(a(1));
            let facts = PipelineFacts::from_json(&args[0]).unwrap();
            to(serde_json::to_value(pipeline_grade(&facts, &o).unwrap()))
        }
        "abcClasses" | "abcAnalysis" => {
            let o: AbcOptions = options(a(1));
            let result = abc_classes(&numbers(&args[0]), &o).unwrap();
            if name == "abcClasses" {
                to(serde_json::to_value(result.classes))
            } else {
                to(serde_json::to_value(result))
            }
        }
        "valuePyramid" => {
            let o: PyramidOptions = options(a(1));
            to(serde_json::to_value(
                value_pyramid(&numbers(&args[0]), &o).unwrap(),
            ))
        }
        "accountClassLabels" => to(serde_json::to_value(account_class_labels())),
        "accountClass" => {
            let o: ClassOptions = options(a(1));
            to(serde_json::to_value(
                account_class(&row(&args[0]), &o).unwrap(),
            ))
        }
        "accountProfitability" => {
            let o: ProfitabilityOptions = options(a(1));
            let rows: Vec<AccountRow> = args[0].as_array().unwrap().iter().map(row).collect();
            let p = account_profitability(&rows, &o).unwrap();
            // The JavaScript result's shape: columns and the curve at the top level.
            let mut v = to(serde_json::to_value(&p));
            v["whaleCurve"] = to(serde_json::to_value(&p.whale_curve));
            v
        }
        other => panic!("no export {other} in the native runner"),
    }
}

fn at<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    if path.is_empty() {
        return Some(value);
    }
    path.split('.').try_fold(value, |v, key| match v {
        Value::Array(items) => key.parse::<usize>().ok().and_then(|i| items.get(i)),
        Value::Object(map) => map.get(key),
        _ => None,
    })
}

/// JSON equality with numbers compared as numbers (`1` is `1.0`).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

#[test]
fn grade_cases_from_the_spec() {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("cases/grades-strategy.json")).unwrap();
    let mut run = 0;
    for case in &cases {
        let name = case["fn"].as_str().unwrap();
        if STRATEGY_EXPORTS.contains(&name) {
            continue;
        }
        let args = case["args"].as_array().unwrap();
        let got = call(name, args);
        for (path, want) in case["expect"].as_object().unwrap() {
            let found = at(&got, path).cloned().unwrap_or(Value::Null);
            assert!(
                same(&found, want),
                "{name}({}) at \"{path}\": got {found}, want {want} ({})",
                Value::Array(args.clone()),
                case["note"]
            );
        }
        run += 1;
    }
    assert!(run >= 70, "{run} grade cases run");
}
