//! Rules the page reads from the crate rather than writing them itself: where its holdout check
//! splits a log, from which P(alive) a customer counts as likely alive, the ABC rule in a
//! sentence, the tiers' labels by their numeric code, a model's defaults and the 80/20 marks. Thin wrappers over the core.

use super::clv::day_of;
use super::convert::{numbers_arg, optional_text_arg, text_arg, to_js};
use crate::clv::holdout_split::holdout_calibration_end;
use crate::clv::TimeUnit;
use crate::grades::abc::{AbcMethod, AbcOptions};
use crate::grades::tier::{labels_by_number, TierThresholds};
use crate::model::DEFAULT_MIN_COVERAGE;
use crate::parse::format_date;
use crate::strategy::churn::ChurnOptions;
use wasm_bindgen::prelude::*;

/// The calibration end (`YYYY-MM-DD`) of a holdout check observed up to `observationEnd` (a
/// date text or a Date): the holdout is the last third of the longest history T in `ages`
/// (in `unit`: day, week or month), at least one day.
#[wasm_bindgen(js_name = holdoutCalibrationEnd)]
pub fn holdout_calibration_end_js(
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] ages: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] unit: JsValue,
    #[wasm_bindgen(js_name = "observationEnd", unchecked_param_type = "string | Date")]
    observation_end: JsValue,
) -> Result<String, JsError> {
    let ages = numbers_arg(&ages, "ages")?;
    let unit_text = text_arg(&unit, "unit")?;
    let unit = TimeUnit::parse(&unit_text).ok_or_else(|| {
        JsError::new(&format!(
            "unknown time unit \"{unit_text}\": day, week or month"
        ))
    })?;
    let end =
        day_of(&observation_end).map_err(|m| JsError::new(&format!("observationEnd: {m}")))?;
    Ok(format_date(holdout_calibration_end(&ages, unit, end)))
}

/// The P(alive) from which a customer counts as likely alive (below it, an account is at risk
/// of churn: the churn warning's default threshold, 0.5).
#[wasm_bindgen(js_name = likelyAliveFrom)]
pub fn likely_alive_from() -> f64 {
    ChurnOptions::default().p_alive_threshold
}

/// The ABC rule of the default cuts in a sentence, `{code, zh, en}`: `method` `count`
/// (default) or `share`.
#[wasm_bindgen(js_name = abcRule, unchecked_return_type = "Label")]
pub fn abc_rule(
    #[wasm_bindgen(unchecked_optional_param_type = "\"count\" | \"share\"")] method: JsValue,
) -> Result<JsValue, JsError> {
    let method = match optional_text_arg(&method, "method")?.as_deref() {
        None | Some("count") => AbcMethod::Count,
        Some("share") => AbcMethod::Share,
        Some(other) => {
            return Err(JsError::new(&format!(
                "unknown ABC method \"{other}\" (expected count or share)"
            )))
        }
    };
    to_js(&method.rule())
}

/// The tiers' labels by their numeric code (`Sheet.scores` gives the numbers): index 1 small
/// … 4 VIP, index 0 (no score) null.
#[wasm_bindgen(js_name = tierLabels, unchecked_return_type = "(Label | null)[]")]
pub fn tier_labels() -> Result<JsValue, JsError> {
    to_js(&labels_by_number())
}

/// What a model document without `tiers` or `minCoverage` gets: `{tiers: {vip, important,
/// ordinary}, minCoverage}` (80 / 60 / 40 and 0).
#[wasm_bindgen(js_name = modelDefaults, unchecked_return_type = "{tiers: {vip: number; important: number; ordinary: number}; minCoverage: number}")]
pub fn model_defaults() -> Result<JsValue, JsError> {
    to_js(&serde_json::json!({
        "tiers": TierThresholds::default(),
        "minCoverage": DEFAULT_MIN_COVERAGE,
    }))
}

/// The 80/20 marks of a Pareto curve: `{top, share}`, the top share of accounts the
/// concentration check reads (0.2) and the share of the total that ends class A by share (0.8).
#[wasm_bindgen(js_name = paretoMarks, unchecked_return_type = "{top: number; share: number}")]
pub fn pareto_marks() -> Result<JsValue, JsError> {
    let [a_share, _] = AbcMethod::Share.default_cuts();
    to_js(&serde_json::json!({
        "top": AbcOptions::default().concentration_top,
        "share": a_share,
    }))
}

/// The limits a list is read within by default, `{maxBytes, maxRows}` (`Sheet.defaultLimits`
/// gives the same; this one is in the scoring module too, which has no `Sheet`).
#[wasm_bindgen(js_name = listLimits, unchecked_return_type = "{maxBytes: number, maxRows: number}")]
pub fn list_limits() -> Result<JsValue, JsError> {
    let l = crate::sheets::Limits::default();
    to_js(&serde_json::json!({ "maxBytes": l.max_bytes, "maxRows": l.max_rows }))
}
