//! The strategy cases of tests/cases/grades-strategy.json (MODEL §4) run natively, through the
//! same core calls the wasm exports make. tests/grades_cases.rs runs the grade cases (§3);
//! tests/wasm_api.rs and tests/js/cases.test.mjs run the whole file through the wasm build.

use kam_score::row::{AccountRow, Cell};
use kam_score::strategy::cadence::{cadence_from_text, CadenceOptions};
use kam_score::strategy::matrix::{matrix_strategy_from_text, MatrixOptions};
use kam_score::strategy::suggest::{suggest_strategy, SuggestOptions};
use serde_json::Value;

/// A cell as the wasm binding reads it: numbers stay numbers, text stays text.
fn cell(v: &Value) -> Cell {
    match v {
        Value::Number(n) => Cell::Number(n.as_f64().unwrap_or(f64::NAN)),
        Value::Bool(b) => Cell::Bool(*b),
        Value::String(s) => Cell::Text(s.clone()),
        _ => Cell::Empty,
    }
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    }
}

/// `suggestStrategy`'s options: `asOf` as a date text becomes a day number.
fn suggest_options(v: Option<&Value>) -> SuggestOptions {
    let mut o = v.cloned().unwrap_or(Value::Object(Default::default()));
    if let Some(map) = o.as_object_mut() {
        if let Some(Value::String(day)) = map.get("asOf") {
            let d = kam_score::parse::parse_date(day).unwrap().unwrap();
            map.insert("asOf".into(), d.into());
        }
    }
    serde_json::from_value(o).unwrap()
}

fn call(name: &str, args: &[Value]) -> Option<Value> {
    let result = match name {
        "matrixStrategy" => {
            let o: MatrixOptions = args
                .get(2)
                .map(|v| serde_json::from_value(v.clone()).unwrap())
                .unwrap_or_default();
            serde_json::to_value(
                matrix_strategy_from_text(&text(&args[0]), &text(&args[1]), &o).unwrap(),
            )
        }
        "cadence" => serde_json::to_value(
            cadence_from_text(&text(&args[0]), &CadenceOptions::default()).unwrap(),
        ),
        "suggestStrategy" => {
            let row_object = args[0].as_object().unwrap();
            let row =
                AccountRow::from_pairs(row_object.iter().map(|(k, v)| (k.as_str(), cell(v))), None);
            let o = suggest_options(args.get(1));
            serde_json::to_value(suggest_strategy(&row, &o).unwrap())
        }
        _ => return None,
    };
    Some(result.unwrap())
}

fn at<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    if path.is_empty() {
        return Some(v);
    }
    path.split('.').try_fold(v, |v, key| match v {
        Value::Array(items) => items.get(key.parse::<usize>().ok()?),
        Value::Object(map) => map.get(key),
        _ => None,
    })
}

#[test]
fn strategy_cases_from_the_spec_natively() {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("cases/grades-strategy.json")).unwrap();
    let mut run = 0;
    for case in &cases {
        let name = case["fn"].as_str().unwrap();
        let args = case["args"].as_array().unwrap();
        let Some(got) = call(name, args) else {
            continue;
        };
        for (path, want) in case["expect"].as_object().unwrap() {
            let found = at(&got, path).cloned().unwrap_or(Value::Null);
            assert_eq!(&found, want, "{name}({args:?}) at {path}: {}", case["note"]);
        }
        run += 1;
    }
    assert!(run >= 25, "{run} strategy cases");
    println!("{run} strategy cases run natively");
}
