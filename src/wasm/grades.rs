//! Grade exports (MODEL §3): `valueTier`, `abcClasses`, `abcAnalysis`, `valuePyramid`,
//! `accountClass`, `accountClasses`, `accountClassLabels`, `keyAccountQualification`,
//! `valueQuadrant`, `attractivenessLetter`, `pipelineGrade`, `pipelineFactKeys`,
//! `weightedPipeline`, `manQualification`, `accountProfitability`, and spreadsheet forms.

use super::convert::{
    cell, err, json_value, numbers_arg, optional_text_arg, options, row_from_object, rows_arg,
    to_js,
};
use super::safe;
use crate::grades::abc::{abc_classes, abc_classes_for_rows, AbcOptions};
use crate::grades::attractiveness::{attractiveness_letter, LetterCuts};
use crate::grades::class::{
    account_class, account_class_labels, account_classes, key_account_qualification, ClassOptions,
};
use crate::grades::man::man_qualification;
use crate::grades::pipeline::{
    pipeline_grade, weighted_pipeline_rows, PipelineFacts, PipelineOptions, FLAG_ORDER,
};
use crate::grades::profitability::{account_profitability, ProfitabilityOptions};
use crate::grades::pyramid::{value_pyramid, PyramidOptions};
use crate::grades::quadrant::{value_quadrant, QuadrantCuts};
use crate::grades::tier::{value_tier, TierThresholds};
use crate::row::Cell;
use crate::texts::Lang;
use js_sys::{Float64Array, Object, Reflect};
use wasm_bindgen::prelude::*;

/// The value tier of a score (VIP > 80, important > 60, ordinary > 40, small): `{code, zh,
/// en}`, or null for NaN. `thresholds` overrides the cut points.
#[wasm_bindgen(js_name = valueTier, unchecked_return_type = "Label | null")]
pub fn value_tier_js(
    score: f64,
    #[wasm_bindgen(
        unchecked_optional_param_type = "{vip: number, important: number, ordinary: number}"
    )]
    thresholds: JsValue,
) -> Result<JsValue, JsError> {
    let t: TierThresholds = options(&thresholds, "thresholds")?;
    if let Some(problem) = t.problems().into_iter().next() {
        return Err(JsError::new(&problem));
    }
    to_js(&value_tier(score, &t).map(|tier| tier.label()))
}

/// Spreadsheet form: the tier's label in a language (`zh-CN` default) or its code
/// (`lang = "code"`); empty text for a missing score.
#[wasm_bindgen(js_name = valueTierText)]
pub fn value_tier_text(
    score: f64,
    #[wasm_bindgen(unchecked_optional_param_type = "string")] lang: JsValue,
) -> String {
    let lang = lang.as_string();
    match value_tier(score, &TierThresholds::default()) {
        None => String::new(),
        Some(t) => match lang.as_deref() {
            Some("code") => t.code().to_string(),
            Some(tag) => t.label().in_lang(Lang::from_tag(tag)).to_string(),
            None => t.label().zh,
        },
    }
}

/// ABC classes over a list, one per value in order (`"A"`, `"B"`, `"C"`, null where there is
/// no value). `options`: `{method: "count" | "share", cuts: [a, b]}`.
#[wasm_bindgen(js_name = abcClasses, unchecked_return_type = "(\"A\" | \"B\" | \"C\" | null)[]")]
pub fn abc_classes_js(
    #[wasm_bindgen(unchecked_param_type = "ArrayLike<number | string | null> | Float64Array")]
    values: JsValue,
    #[wasm_bindgen(js_name = "options", unchecked_optional_param_type = "AbcOptions")]
    options_in: JsValue,
) -> Result<JsValue, JsError> {
    let o: AbcOptions = options(&options_in, "options")?;
    let result = abc_classes(&numbers_arg(&values, "values")?, &o).map_err(err)?;
    to_js(&result.classes)
}

/// The whole ABC analysis: classes, each class's count and share, and the concentration (the
/// share held by the top 20 %).
#[wasm_bindgen(js_name = abcAnalysis, unchecked_return_type = "AbcAnalysis")]
pub fn abc_analysis(
    #[wasm_bindgen(unchecked_param_type = "ArrayLike<number | string | null> | Float64Array")]
    values: JsValue,
    #[wasm_bindgen(js_name = "options", unchecked_optional_param_type = "AbcOptions")]
    options_in: JsValue,
) -> Result<JsValue, JsError> {
    let o: AbcOptions = options(&options_in, "options")?;
    to_js(&abc_classes(&numbers_arg(&values, "values")?, &o).map_err(err)?)
}

/// ABC over rows of an account list by a measure field (default `annual_purchase`).
#[wasm_bindgen(js_name = abcForRows, unchecked_return_type = "AbcAnalysis")]
pub fn abc_for_rows(
    #[wasm_bindgen(unchecked_param_type = "Record<string, CellValue>[]")] rows: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string")] field: JsValue,
    #[wasm_bindgen(js_name = "options", unchecked_optional_param_type = "AbcOptions")]
    options_in: JsValue,
) -> Result<JsValue, JsError> {
    let o: AbcOptions = options(&options_in, "options")?;
    let parsed = rows_arg(&rows)?;
    to_js(
        &abc_classes_for_rows(
            &parsed,
            optional_text_arg(&field, "field")?
                .as_deref()
                .unwrap_or("annual_purchase"),
            &o,
        )
        .map_err(err)?,
    )
}

/// Account class (key, ordinary, prospect, suspect) with the reasons that decided it.
#[wasm_bindgen(js_name = accountClass, unchecked_return_type = "AccountClass")]
pub fn account_class_js(
    #[wasm_bindgen(unchecked_param_type = "Record<string, CellValue>")] row: JsValue,
    #[wasm_bindgen(js_name = "options", unchecked_optional_param_type = "ClassOptions")] options_in: JsValue,
) -> Result<JsValue, JsError> {
    let o: ClassOptions = options(&options_in, "options")?;
    to_js(&account_class(&row_from_object(&row, None)?, &o).map_err(err)?)
}

/// Account classes over a list: a key account needs a margin at or above the list's median
/// (MODEL §3.3); `marginBar` is the margin used.
#[wasm_bindgen(js_name = accountClasses, unchecked_return_type = "AccountClasses")]
pub fn account_classes_js(
    #[wasm_bindgen(unchecked_param_type = "Record<string, CellValue>[]")] rows: JsValue,
    #[wasm_bindgen(js_name = "options", unchecked_optional_param_type = "ClassOptions")] options_in: JsValue,
) -> Result<JsValue, JsError> {
    let o: ClassOptions = options(&options_in, "options")?;
    to_js(&account_classes(&rows_arg(&rows)?, &o).map_err(err)?)
}

/// The four account classes' codes and names: 重点客户, 普通客户, 目标客户 (prospect), 潜在客户
/// (suspect).
#[wasm_bindgen(js_name = accountClassLabels, unchecked_return_type = "AccountClassLabel[]")]
pub fn account_class_labels_js() -> Result<JsValue, JsError> {
    to_js(&account_class_labels())
}

/// The value pyramid over a list, one rung per value in order (`"top"`, `"large"`,
/// `"medium"`, `"small"`; null where there is no value). `options`: `{cuts: [0.01, 0.05, 0.2]}`.
#[wasm_bindgen(js_name = valuePyramid, unchecked_return_type = "(PyramidLevelCode | null)[]")]
pub fn value_pyramid_js(
    #[wasm_bindgen(unchecked_param_type = "ArrayLike<number | string | null> | Float64Array")]
    values: JsValue,
    #[wasm_bindgen(js_name = "options", unchecked_optional_param_type = "PyramidOptions")]
    options_in: JsValue,
) -> Result<JsValue, JsError> {
    let o: PyramidOptions = options(&options_in, "options")?;
    to_js(&value_pyramid(&numbers_arg(&values, "values")?, &o).map_err(err)?)
}

fn set(obj: &Object, key: &str, value: &JsValue) -> Result<(), JsError> {
    Reflect::set(obj, &JsValue::from_str(key), value)
        .map(|_| ())
        .map_err(|_| JsError::new("cannot build the result"))
}

fn optional(value: Option<f64>) -> JsValue {
    value.map_or(JsValue::NULL, JsValue::from_f64)
}

/// Account profitability (MODEL §3.8): per row gross profit, cost to serve and profit, the
/// whale curve, its peak and the share of loss-making accounts.
#[wasm_bindgen(js_name = accountProfitability, unchecked_return_type = "AccountProfitability")]
pub fn account_profitability_js(
    #[wasm_bindgen(unchecked_param_type = "Record<string, CellValue>[]")] rows: JsValue,
    #[wasm_bindgen(
        js_name = "options",
        unchecked_optional_param_type = "ProfitabilityOptions"
    )]
    options_in: JsValue,
) -> Result<JsValue, JsError> {
    let o: ProfitabilityOptions = options(&options_in, "options")?;
    profitability_object(&account_profitability(&rows_arg(&rows)?, &o).map_err(err)?)
}

/// A list's profitability as JavaScript: typed columns and the whale curve.
pub(super) fn profitability_object(
    p: &crate::grades::profitability::Profitability,
) -> Result<JsValue, JsError> {
    let out = Object::new();
    let column = |v: &[f64]| JsValue::from(Float64Array::from(v));
    set(&out, "profit", &column(&p.profit))?;
    set(&out, "costToServe", &column(&p.cost_to_serve))?;
    set(&out, "grossProfit", &column(&p.gross_profit))?;
    let curve = Object::new();
    set(&curve, "share", &column(&p.whale_curve.share))?;
    set(
        &curve,
        "cumulativeProfit",
        &column(&p.whale_curve.cumulative_profit),
    )?;
    set(&out, "whaleCurve", &curve)?;
    set(&out, "peakProfitShare", &optional(p.peak_profit_share))?;
    set(&out, "peakAccountShare", &optional(p.peak_account_share))?;
    set(&out, "lossMakingShare", &optional(p.loss_making_share))?;
    set(&out, "totalProfit", &JsValue::from_f64(p.total_profit))?;
    set(&out, "counted", &JsValue::from_f64(p.counted as f64))?;
    set(
        &out,
        "withoutProfit",
        &JsValue::from_f64(p.without_profit as f64),
    )?;
    set(
        &out,
        "costUnknown",
        &JsValue::from_f64(p.cost_unknown as f64),
    )?;
    Ok(out.into())
}

/// Key-account qualification: the five elements, the three checks, and the verdict.
#[wasm_bindgen(js_name = keyAccountQualification, unchecked_return_type = "KeyAccountQualification")]
pub fn key_account_qualification_js(
    #[wasm_bindgen(unchecked_param_type = "Record<string, CellValue>")] row: JsValue,
) -> Result<JsValue, JsError> {
    to_js(&key_account_qualification(&row_from_object(&row, None)?))
}

/// Current × future value quadrant (vip, improve, maintain, drop); null if either is NaN.
#[wasm_bindgen(js_name = valueQuadrant, unchecked_return_type = "ValueQuadrant | null")]
pub fn value_quadrant_js(
    current: f64,
    future: f64,
    #[wasm_bindgen(unchecked_optional_param_type = "{current?: number, future?: number}")]
    cuts: JsValue,
) -> Result<JsValue, JsError> {
    let c: QuadrantCuts = options(&cuts, "options")?;
    to_js(&value_quadrant(current, future, &c).map_err(err)?)
}

/// The attractiveness letter of a 0–100 score: A ≥ 70, B ≥ 40, else C; `undefined` for NaN.
#[wasm_bindgen(js_name = attractivenessLetter)]
pub fn attractiveness_letter_js(
    score: f64,
    #[wasm_bindgen(unchecked_optional_param_type = "{a: number, b: number}")] cuts: JsValue,
) -> Result<Option<String>, JsError> {
    let c: LetterCuts = options(&cuts, "cuts")?;
    Ok(attractiveness_letter(score, &c).map(|l| l.code().to_string()))
}

/// A TRUE/FALSE cell: empty counts as not known, which the pipeline and MAN read as no.
fn flag_cell(value: &JsValue) -> Result<bool, JsError> {
    match cell(value)? {
        Cell::Bool(b) => Ok(b),
        Cell::Number(n) => Ok(n != 0.0),
        Cell::Empty => Ok(false),
        Cell::Text(t) => crate::parse::parse_flag(&t)
            .map(|f| f.unwrap_or(false))
            .map_err(err),
    }
}

fn facts(value: &JsValue) -> Result<PipelineFacts, JsError> {
    if safe::is_array(value)? {
        let flags: Vec<bool> = safe::items(value)?
            .iter()
            .map(flag_cell)
            .collect::<Result<_, _>>()?;
        return PipelineFacts::from_flags(&flags).map_err(err);
    }
    PipelineFacts::from_json(&json_value(value)?).map_err(err)
}

/// The ten-level pipeline grade from named facts (`{contract_signed: true, …}`) or a list of
/// TRUE/FALSE in the order of `pipelineFactKeys()`.
#[wasm_bindgen(js_name = pipelineGrade, unchecked_return_type = "PipelineGrade")]
pub fn pipeline_grade_js(
    #[wasm_bindgen(
        unchecked_param_type = "PipelineFactsInput | Record<string, boolean | number | string | null> | boolean[]"
    )]
    facts_in: JsValue,
    #[wasm_bindgen(
        js_name = "options",
        unchecked_optional_param_type = "{probabilities?: Record<string, number>}"
    )]
    options_in: JsValue,
) -> Result<JsValue, JsError> {
    let o: PipelineOptions = options(&options_in, "options")?;
    to_js(&pipeline_grade(&facts(&facts_in)?, &o).map_err(err)?)
}

/// The fact keys in the order a TRUE/FALSE list takes them.
#[wasm_bindgen(js_name = pipelineFactKeys)]
pub fn pipeline_fact_keys() -> Vec<String> {
    FLAG_ORDER.iter().map(|s| s.to_string()).collect()
}

/// Weighted pipeline value over rows (each row's facts and `deal_value`).
#[wasm_bindgen(js_name = weightedPipeline, unchecked_return_type = "WeightedPipeline")]
pub fn weighted_pipeline_js(
    #[wasm_bindgen(unchecked_param_type = "Record<string, CellValue>[]")] rows: JsValue,
    #[wasm_bindgen(
        js_name = "options",
        unchecked_optional_param_type = "{probabilities?: Record<string, number>}"
    )]
    options_in: JsValue,
) -> Result<JsValue, JsError> {
    let o: PipelineOptions = options(&options_in, "options")?;
    to_js(&weighted_pipeline_rows(&rows_arg(&rows)?, &o).map_err(err)?)
}

/// MAN qualification: `{code: "MAn", zh, en, advice, source}` from can pay, has authority,
/// has need; `source` says where the verdict comes from (`S`, `L` or `D`, MODEL §3.7).
#[wasm_bindgen(js_name = manQualification, unchecked_return_type = "ManQualification")]
pub fn man_qualification_js(
    #[wasm_bindgen(unchecked_param_type = "CellValue")] money: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CellValue")] authority: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CellValue")] need: JsValue,
) -> Result<JsValue, JsError> {
    to_js(&man_qualification(
        flag_cell(&money)?,
        flag_cell(&authority)?,
        flag_cell(&need)?,
    ))
}
