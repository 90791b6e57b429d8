//! Golden scores: every preset over tests/golden/rows.json. The wasm build checks the same
//! file (tests/wasm_api.rs), so native, Node and Chromium agree to the last bit.
//! Regenerate with `KAM_UPDATE_GOLDEN=1 cargo test --test golden` after a deliberate change.

#![cfg(not(target_arch = "wasm32"))]

use kam_score::model::presets::{preset, preset_names};
use kam_score::row::{AccountRow, Cell};
use kam_score::score::score_row;
use serde_json::{Map, Value};

fn cell(v: &Value) -> Cell {
    match v {
        Value::Number(n) => Cell::Number(n.as_f64().unwrap_or(f64::NAN)),
        Value::String(s) => Cell::Text(s.clone()),
        Value::Bool(b) => Cell::Bool(*b),
        _ => Cell::Empty,
    }
}

fn compute() -> Value {
    let rows: Vec<Map<String, Value>> =
        serde_json::from_str(include_str!("golden/rows.json")).unwrap();
    let mut out = Map::new();
    for name in preset_names() {
        let model = preset(name).unwrap();
        let scores: Vec<Value> = rows
            .iter()
            .map(|r| {
                let row =
                    AccountRow::from_pairs(r.iter().map(|(k, v)| (k.as_str(), cell(v))), None);
                let card = score_row(model, &row);
                serde_json::json!({
                    "score": card.score,
                    "coverage": card.coverage,
                    "tier": card.tier.map(|t| t.code),
                    "points": card.factors.iter().map(|f| f.points).collect::<Vec<_>>(),
                })
            })
            .collect();
        out.insert(name.to_string(), Value::Array(scores));
    }
    Value::Object(out)
}

#[test]
fn native_scores_match_the_golden_file() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/scores.json");
    let got = compute();
    if std::env::var("KAM_UPDATE_GOLDEN").is_ok() {
        std::fs::write(path, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
    }
    let want: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(
        got, want,
        "scores moved; if on purpose, regenerate with KAM_UPDATE_GOLDEN=1"
    );
}
