//! Small rule exports the page needs beside the fits: how long a time unit is, and the
//! verdict on a holdout check. Thin wrappers over `crate::clv`.

use super::convert::{text_arg, to_js};
use crate::clv::verdict::holdout_verdict;
use crate::clv::TimeUnit;
use wasm_bindgen::prelude::*;

/// `{days, perMonth}` of `day`, `week` or `month` (a month is 30.4375 days).
#[wasm_bindgen(js_name = timeUnitLength, unchecked_return_type = "{days: number; perMonth: number}")]
pub fn time_unit_length_js(
    #[wasm_bindgen(unchecked_param_type = "string")] unit: JsValue,
) -> Result<JsValue, JsError> {
    let unit = text_arg(&unit, "unit")?;
    let u = TimeUnit::parse(&unit).ok_or_else(|| {
        JsError::new(&format!("unknown time unit \"{unit}\": day, week or month"))
    })?;
    to_js(&serde_json::json!({ "days": u.days(), "perMonth": u.per_month() }))
}

/// The verdict on a holdout check: `{code: "fits" | "roughly" | "poor", gap}`, gap the
/// relative difference of the predicted from the actual total.
#[wasm_bindgen(js_name = holdoutVerdict, unchecked_return_type = "{code: \"fits\" | \"roughly\" | \"poor\"; gap: number}")]
pub fn holdout_verdict_js(
    #[wasm_bindgen(js_name = "predictedTotal", unchecked_param_type = "number")] predicted: JsValue,
    #[wasm_bindgen(js_name = "actualTotal", unchecked_param_type = "number")] actual: JsValue,
) -> Result<JsValue, JsError> {
    let number = |v: &JsValue, what: &str| {
        v.as_f64()
            .ok_or_else(|| JsError::new(&format!("{what} must be a number")))
    };
    to_js(&holdout_verdict(
        number(&predicted, "predictedTotal")?,
        number(&actual, "actualTotal")?,
    ))
}
