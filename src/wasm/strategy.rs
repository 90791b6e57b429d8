//! Strategy exports (MODEL §4–§5): `matrixStrategy`, `matrixTable`, `suggestStrategy`,
//! `cadence`, `relationshipLevels`, `assessLevel`, `buyingCentre`.

use super::convert::{
    as_of, cell_text, err, json_value, option, options, row_from_object, strings_arg, to_js,
};
use crate::strategy::buying_centre::buying_centre;
use crate::strategy::cadence::{cadence_from_text, CadenceOptions};
use crate::strategy::level::{assess_level, level_checklist, next_level_plan, LevelOptions};
use crate::strategy::matrix::{matrix_strategy_from_text, matrix_table, MatrixOptions};
use crate::strategy::suggest::{suggest_strategy, SuggestOptions};
use wasm_bindgen::prelude::*;

/// The strategy for an attractiveness letter (A/B/C or a 0–100 score) and a relationship
/// status (1–6 or its words): `{cell, targets, strategy: {code, zh, en}}`.
#[wasm_bindgen(js_name = matrixStrategy, unchecked_return_type = "MatrixStrategy")]
pub fn matrix_strategy_js(
    #[wasm_bindgen(unchecked_param_type = "CellValue")] letter: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CellValue")] status: JsValue,
    #[wasm_bindgen(js_name = "options", unchecked_optional_param_type = "MatrixOptions")]
    options_in: JsValue,
) -> Result<JsValue, JsError> {
    let o: MatrixOptions = options(&options_in, "options")?;
    to_js(&matrix_strategy_from_text(&cell_text(&letter), &cell_text(&status), &o).map_err(err)?)
}

/// All 18 cells of the matrix, with any overrides applied.
#[wasm_bindgen(js_name = matrixTable, unchecked_return_type = "MatrixStrategy[]")]
pub fn matrix_table_js(
    #[wasm_bindgen(js_name = "options", unchecked_optional_param_type = "MatrixOptions")]
    options_in: JsValue,
) -> Result<JsValue, JsError> {
    let o: MatrixOptions = options(&options_in, "options")?;
    to_js(&matrix_table(&o).map_err(err)?)
}

/// Everything to do with one account, ordered by priority. `options.lang` adds a flat `text`;
/// `options.card` (a score card) or `options.score` / `options.tier` give the tier;
/// `options.asOf` dates recency (default today); `options.abc` is the account's ABC class and
/// `options.list` the list's values (`{annual_purchase: number[], …}`) for percentiles.
#[wasm_bindgen(js_name = suggestStrategy, unchecked_return_type = "Suggestion")]
pub fn suggest_strategy_js(
    #[wasm_bindgen(unchecked_param_type = "Record<string, CellValue>")] row: JsValue,
    #[wasm_bindgen(js_name = "options", unchecked_optional_param_type = "SuggestOptions")]
    options_in: JsValue,
) -> Result<JsValue, JsError> {
    let o = suggest_options(&options_in, None)?;
    to_js(&suggest_strategy(&row_from_object(&row, None)?, &o).map_err(err)?)
}

/// Spreadsheet form: the contact cadence for a tier (`vip`, `重要客户`, 1–4) or a letter.
#[wasm_bindgen(js_name = cadence, unchecked_return_type = "Cadence")]
pub fn cadence_js(
    #[wasm_bindgen(unchecked_param_type = "CellValue")] grade: JsValue,
    #[wasm_bindgen(js_name = "options", unchecked_optional_param_type = "CadenceOptions")]
    options_in: JsValue,
) -> Result<JsValue, JsError> {
    let o: CadenceOptions = options(&options_in, "options")?;
    to_js(&cadence_from_text(&cell_text(&grade), &o).map_err(err)?)
}

/// The four relationship levels with their observable signs (for a tick-box list).
#[wasm_bindgen(js_name = relationshipLevels, unchecked_return_type = "LevelSigns[]")]
pub fn relationship_levels() -> Result<JsValue, JsError> {
    to_js(&level_checklist())
}

/// The level from the sign codes a user ticked, and the moves to the next level.
#[wasm_bindgen(js_name = assessLevel, unchecked_return_type = "LevelAssessment")]
pub fn assess_level_js(
    #[wasm_bindgen(unchecked_param_type = "string[]")] signs: JsValue,
    #[wasm_bindgen(
        js_name = "options",
        unchecked_optional_param_type = "{threshold?: number}"
    )]
    options_in: JsValue,
) -> Result<JsValue, JsError> {
    let o: LevelOptions = options(&options_in, "options")?;
    let signs = strings_arg(&signs, "signs")?;
    let assessment = assess_level(signs.iter().map(String::as_str), &o);
    let plan = assessment.level.map(next_level_plan);
    to_js(&serde_json::json!({ "assessment": assessment, "next": plan }))
}

/// Which of the four buying-centre roles have a named contact, and the gaps.
#[wasm_bindgen(js_name = buyingCentre, unchecked_return_type = "BuyingCentre")]
pub fn buying_centre_js(
    #[wasm_bindgen(unchecked_param_type = "Record<string, CellValue>")] row: JsValue,
) -> Result<JsValue, JsError> {
    to_js(&buying_centre(&row_from_object(&row, None)?))
}

/// Reads `suggestStrategy`'s options: `asOf` as a date (default `default_day`, else today) and
/// `card` (a score card) as its score and tier.
pub(super) fn suggest_options(
    options_in: &JsValue,
    default_day: Option<i64>,
) -> Result<SuggestOptions, JsError> {
    let mut json = if options_in.is_undefined() || options_in.is_null() {
        serde_json::Value::Object(Default::default())
    } else if !options_in.is_object() || super::safe::is_array(options_in)? {
        return Err(JsError::new("options must be an object"));
    } else {
        json_value(options_in)?
    };
    let given = option(options_in, "asOf");
    let day = match default_day {
        Some(d) if given.is_undefined() || given.is_null() => d,
        _ => as_of(&given)?,
    };
    if let Some(map) = json.as_object_mut() {
        map.insert("asOf".into(), day.into());
        let list = option(options_in, "list");
        if list.is_object() {
            map.insert("list".into(), list_value(&list)?);
        }
        if let Some(card) = map.remove("card") {
            if let Some(score) = card.get("score").and_then(|s| s.as_f64()) {
                map.entry("score").or_insert(score.into());
            }
            if let Some(code) = card
                .get("tier")
                .and_then(|t| t.get("code"))
                .and_then(|c| c.as_str())
            {
                map.entry("tier").or_insert(code.into());
            }
        }
    }
    serde_json::from_value(json).map_err(|e| JsError::new(&format!("options: {e}")))
}

/// `options.list` as JSON, with typed arrays (a `Float64Array` column) read as lists and NaN as
/// a missing value.
fn list_value(list: &JsValue) -> Result<serde_json::Value, JsError> {
    // Only catching calls (Reflect returns a Result): a throwing getter or a revoked Proxy in
    // `options.list` is an error, never a JavaScript exception through Rust frames.
    let unreadable = |_| JsError::new("options.list cannot be read");
    let keys = js_sys::Reflect::own_keys(list).map_err(unreadable)?;
    let mut out = serde_json::Map::new();
    for key in keys.iter() {
        let Some(name) = key.as_string() else {
            continue;
        };
        let value = js_sys::Reflect::get(list, &key).map_err(unreadable)?;
        super::safe::readable(&value)?;
        let json = if let Some(column) = value.dyn_ref::<js_sys::Float64Array>() {
            column
                .to_vec()
                .into_iter()
                .map(|v| {
                    serde_json::Number::from_f64(v).map_or(serde_json::Value::Null, Into::into)
                })
                .collect()
        } else {
            json_value(&value)?
        };
        out.insert(name, json);
    }
    Ok(serde_json::Value::Object(out))
}
