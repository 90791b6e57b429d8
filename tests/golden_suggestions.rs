//! Golden suggestions: the strategy of every row of two lists (tests/golden/rows.json and the
//! sample list www/sample/accounts.json) as the `SCORE_TABLE` builder gives it, as of
//! 2026-11-01, with the default preset. The Node build (tests/js/suggestions.test.mjs) and
//! the Python package (python/tests/test_suggest.py) check the same file.
//! Regenerate with `KAM_UPDATE_GOLDEN=1 cargo test --test golden_suggestions` after a
//! deliberate change.

#![cfg(not(target_arch = "wasm32"))]

use kam_score::field::match_header;
use kam_score::model::presets::{preset, DEFAULT_PRESET};
use kam_score::parse::days_from_civil;
use kam_score::report::{report_rows, ReportOptions};
use kam_score::row::{AccountRow, Cell};
use serde_json::{json, Map, Value};

fn cell(v: &Value) -> Cell {
    match v {
        Value::Number(n) => Cell::Number(n.as_f64().unwrap_or(f64::NAN)),
        Value::String(s) => Cell::Text(s.clone()),
        Value::Bool(b) => Cell::Bool(*b),
        _ => Cell::Empty,
    }
}

/// The list as a table: every header in the order first met, a row's missing keys empty,
/// each cell under its matched field and recency counted from `as_of` (as `scoreTable`).
fn rows(list: &[Map<String, Value>], as_of: i64) -> (Vec<String>, Vec<AccountRow>) {
    let mut headers: Vec<String> = Vec::new();
    for r in list {
        for k in r.keys() {
            if !headers.contains(k) {
                headers.push(k.clone());
            }
        }
    }
    let matched: Vec<_> = headers.iter().map(|h| match_header(h.trim())).collect();
    let rows = list
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut row = AccountRow::new();
            for (h, m) in headers.iter().zip(&matched) {
                let c = r.get(h).map_or(Cell::Empty, cell);
                row.put_cell(h, *m, &c, Some(i + 2));
            }
            row.derive_recency(as_of);
            row
        })
        .collect();
    (headers, rows)
}

fn codes(items: &[kam_score::strategy::item::Item]) -> Vec<&str> {
    items.iter().map(|i| i.code()).collect()
}

fn compute(list: &[Map<String, Value>]) -> Value {
    let as_of = days_from_civil(2026, 11, 1).unwrap();
    let model = preset(DEFAULT_PRESET).unwrap();
    let (_, rows) = rows(list, as_of);
    let options = ReportOptions {
        as_of: Some(as_of),
        ..ReportOptions::default()
    };
    let out: Vec<Value> = report_rows(model, &rows, &options)
        .iter()
        .map(|r| {
            let Some(r) = r else { return Value::Null };
            let s = r.suggestion.as_ref();
            json!({
                "score": r.card.score,
                "tier": r.card.tier.as_ref().map(|t| t.code.clone()),
                "abc": r.abc.map(|c| c.code()),
                "letter": s.and_then(|s| s.attractiveness.as_ref()).map(|a| a.letter.code()),
                "cell": s.and_then(|s| s.cell.clone()),
                "cellEstimated": s.map(|s| s.cell_estimated),
                "targets": s.map(|s| s.targets.clone()),
                "lifecycle": s.and_then(|s| s.lifecycle.as_ref()).map(|l| json!({
                    "code": l.label.code, "zh": l.label.zh, "en": l.label.en,
                })),
                "actions": s.map(|s| codes(&s.actions)),
                "warnings": s.map(|s| codes(&s.warnings)),
                "gaps": s.map(|s| codes(&s.gaps)),
                "topAction": s.and_then(|s| s.actions.first()).map(|a| json!({
                    "code": a.label.code, "zh": a.label.zh, "en": a.label.en,
                })),
            })
        })
        .collect();
    Value::Array(out)
}

fn read(path: &str) -> Vec<Map<String, Value>> {
    let p = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

#[test]
fn suggestions_match_the_golden_file() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/suggestions.json");
    let got = json!({
        "asOf": "2026-11-01",
        "model": DEFAULT_PRESET,
        "rows": compute(&read("tests/golden/rows.json")),
        "sample": compute(&read("www/sample/accounts.json")),
    });
    if std::env::var("KAM_UPDATE_GOLDEN").is_ok() {
        std::fs::write(path, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
    }
    let want: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(
        got, want,
        "suggestions moved; if on purpose, regenerate with KAM_UPDATE_GOLDEN=1"
    );
    // The file says something: the sample list places accounts in the matrix, with actions.
    let sample = want["sample"].as_array().unwrap();
    assert!(sample.iter().filter(|r| r["cell"].is_string()).count() > 100);
    assert!(sample
        .iter()
        .all(|r| r.is_null() || r["topAction"].is_object()));
}
