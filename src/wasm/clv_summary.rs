//! The RFM summary exports: `rfmSummary` (a log of texts, numbers or Dates, each cell read as
//! a sheet gives it) and `rfmSummaryColumns` (typed columns read in place: ids as codes,
//! numbers or texts, dates as day numbers or `yyyymmdd` numbers). Both give the same result.

use super::clv::{day_of, read_log, set, unit_option};
use super::convert::{cell, coded, numbers_arg, option, to_js};
use super::safe;
use crate::clv::summary::summarize_numbered;
use crate::clv::summary_columns::{summarize_columns, DateColumn, IdColumn};
use crate::clv::{Summary, SummaryOptions};
use crate::row::{format_number, Cell};
use js_sys::{Array, Float64Array, Object};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(typescript_custom_section)]
const CLV_COLUMN_TYPES: &str = r#"
/**
 * A transaction log as typed columns of equal length, read without a text per row: customer
 * ids as whole-number codes (Uint32Array), whole numbers or texts; the dates in exactly one of
 * `days` (days since 1970-01-01) or `yyyymmdd` (19970101 for 1 January 1997); amounts
 * optional (without them every purchase counts 0 and `monetary` is 0).
 */
export interface ClvTransactionColumns {
  ids: Uint32Array | Float64Array | Int32Array | ArrayLike<string | number>;
  days?: Float64Array | Int32Array | ArrayLike<number>;
  yyyymmdd?: Float64Array | Int32Array | Uint32Array | ArrayLike<number>;
  amounts?: ClvNumbers;
}
"#;

fn summary_options(value: &JsValue) -> Result<SummaryOptions, JsError> {
    let unit = unit_option(value)?;
    let end =
        day_of(&option(value, "end")).map_err(|m| JsError::new(&format!("options.end: {m}")))?;
    let calibration = option(value, "calibrationEnd");
    let calibration_end = if calibration.is_undefined() || calibration.is_null() {
        None
    } else {
        Some(
            day_of(&calibration)
                .map_err(|m| JsError::new(&format!("options.calibrationEnd: {m}")))?,
        )
    };
    Ok(SummaryOptions {
        unit,
        end,
        calibration_end,
    })
}

/// The `RfmSummary` object both exports return.
fn summary_js(summary: &Summary, options: &SummaryOptions) -> Result<JsValue, JsError> {
    let c = &summary.customers;
    let column = |f: &dyn Fn(&crate::clv::CustomerSummary) -> f64| {
        let v: Vec<f64> = c.iter().map(f).collect();
        JsValue::from(Float64Array::from(v.as_slice()))
    };
    let out = Object::new();
    let id_list: Array = c.iter().map(|s| JsValue::from_str(&s.id)).collect();
    set(&out, "ids", &id_list)?;
    set(&out, "frequency", &column(&|s| s.frequency))?;
    set(&out, "recency", &column(&|s| s.recency))?;
    set(&out, "T", &column(&|s| s.t))?;
    set(&out, "monetary", &column(&|s| s.monetary))?;
    if let Some(ce) = options.calibration_end {
        let duration = (options.end - ce) as f64 / options.unit.days();
        set(
            &out,
            "frequencyHoldout",
            &column(&|s| s.frequency_holdout.unwrap_or(0.0)),
        )?;
        set(&out, "durationHoldout", &JsValue::from_f64(duration))?;
    }
    set(
        &out,
        "afterEnd",
        &JsValue::from_f64(summary.after_end as f64),
    )?;
    set(
        &out,
        "holdoutOnly",
        &JsValue::from_f64(summary.holdout_only as f64),
    )?;
    set(&out, "errors", &to_js(&summary.errors)?)?;
    Ok(out.into())
}

/// Per customer: frequency (repeat purchase days), recency, T (in `options.unit`) and mean
/// repeat spend, from a transaction log `{ids, dates, amounts}` up to `options.end`. Rows that
/// cannot be read come back in `errors`; they are never dropped silently.
#[wasm_bindgen(js_name = rfmSummary, unchecked_return_type = "RfmSummary")]
pub fn rfm_summary(
    #[wasm_bindgen(unchecked_param_type = "ClvTransactions")] transactions: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RfmSummaryOptions")] summary_options_js: JsValue,
) -> Result<JsValue, JsError> {
    let core_options = summary_options(&summary_options_js)?;
    let (good, mut errors) = read_log(&transactions)?;
    let mut summary =
        summarize_numbered(good.iter().map(|(r, t)| (*r, t)), &core_options).map_err(coded)?;
    errors.append(&mut summary.errors);
    errors.sort_by_key(|e| e.row);
    summary.errors = errors;
    summary_js(&summary, &core_options)
}

/// The id column as the core reads it.
enum Ids {
    Texts(Vec<String>),
    Codes(Vec<u32>),
    Numbers(Vec<f64>),
}

impl Ids {
    fn read(value: &JsValue) -> Result<Ids, JsError> {
        safe::readable(value)?;
        if let Some(codes) = value.dyn_ref::<js_sys::Uint32Array>() {
            return Ok(Ids::Codes(codes.to_vec()));
        }
        let typed = value.is_instance_of::<Float64Array>()
            || value.is_instance_of::<js_sys::Int32Array>()
            || value.is_instance_of::<js_sys::Uint16Array>()
            || value.is_instance_of::<js_sys::Uint8Array>();
        if typed {
            return numbers_arg(value, "columns.ids").map(Ids::Numbers);
        }
        if !safe::is_array(value)? {
            return Err(JsError::new(
                "columns.ids must be a Uint32Array, a Float64Array or an array of ids",
            ));
        }
        // A plain array: each id as the sheet shows it (a number 17 is the customer "17").
        let texts = safe::items(value)?
            .iter()
            .map(|v| match cell(v) {
                Ok(Cell::Text(s)) => s,
                Ok(Cell::Number(n)) => format_number(n),
                _ => String::new(),
            })
            .collect();
        Ok(Ids::Texts(texts))
    }

    fn column(&self) -> IdColumn<'_> {
        match self {
            Ids::Texts(v) => IdColumn::Texts(v),
            Ids::Codes(v) => IdColumn::Codes(v),
            Ids::Numbers(v) => IdColumn::Numbers(v),
        }
    }
}

/// As `rfmSummary`, from typed columns `{ids, days | yyyymmdd, amounts?}`: no text is parsed
/// per row, so a log of millions of transactions is summarised in one pass. A bad id or date
/// comes back in `errors` with its row number, never read as another value.
#[wasm_bindgen(js_name = rfmSummaryColumns, unchecked_return_type = "RfmSummary")]
pub fn rfm_summary_columns(
    #[wasm_bindgen(unchecked_param_type = "ClvTransactionColumns")] columns: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RfmSummaryOptions")] summary_options_js: JsValue,
) -> Result<JsValue, JsError> {
    safe::readable(&columns)?;
    let core_options = summary_options(&summary_options_js)?;
    let ids = Ids::read(&option(&columns, "ids"))?;
    let days = option(&columns, "days");
    let yyyymmdd = option(&columns, "yyyymmdd");
    let given = |v: &JsValue| !(v.is_undefined() || v.is_null());
    let dates = match (given(&days), given(&yyyymmdd)) {
        (true, false) => (numbers_arg(&days, "columns.days")?, false),
        (false, true) => (numbers_arg(&yyyymmdd, "columns.yyyymmdd")?, true),
        _ => {
            return Err(JsError::new(
                "columns: give the dates in exactly one of `days` (days since 1970-01-01) or `yyyymmdd` (19970101)",
            ))
        }
    };
    let date_column = if dates.1 {
        DateColumn::Yyyymmdd(&dates.0)
    } else {
        DateColumn::Days(&dates.0)
    };
    let amounts_js = option(&columns, "amounts");
    let amounts = if given(&amounts_js) {
        Some(numbers_arg(&amounts_js, "columns.amounts")?)
    } else {
        None
    };
    let summary = summarize_columns(ids.column(), date_column, amounts.as_deref(), &core_options)
        .map_err(coded)?;
    summary_js(&summary, &core_options)
}
