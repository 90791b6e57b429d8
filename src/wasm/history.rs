//! History exports (issue 19): `compareSnapshots`, `fitWinModel`, `winProbability`,
//! `evaluateWinModel`, `winHoldout`, `learnedPipeline`. Thin wrappers over `crate::history`.

use super::convert::{
    as_of, coded_js_error, err, json_value, model, option, options, row_from_object, rows_arg,
    to_js,
};
use super::safe;
use crate::grades::pipeline::PipelineOptions;
use crate::history::compare::{compare_snapshots, CompareOptions};
use crate::history::pipeline::learned_pipeline;
use crate::history::win::{
    evaluate_win_model, fit_win_model, win_holdout, win_probability, HoldoutOptions, WinError,
    WinModel, WinOptions,
};
use crate::row::AccountRow;
use wasm_bindgen::prelude::*;

#[cfg(feature = "files")]
#[wasm_bindgen(typescript_custom_section)]
const ROW_LIST: &'static str = r#"
/** A list as the history exports take it: rows as objects, or a `Sheet`. */
export type RowList = Record<string, CellValue>[] | Sheet;
"#;

#[cfg(not(feature = "files"))]
#[wasm_bindgen(typescript_custom_section)]
const ROW_LIST: &'static str = r#"
/** A list as the history exports take it: rows as objects. */
export type RowList = Record<string, CellValue>[];
"#;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
export interface CompareOptions {
  /** The scoring model both snapshots are scored with (default `key_account`). */
  model?: ModelInput;
  /** The smallest move in points that makes a factor a reason (default 0.01). */
  minPoints?: number;
  /** The day recency is counted to, for rows given as objects (default: today). */
  asOf?: string | Date;
}

export type CompareStatusCode = "up" | "down" | "same" | "new" | "gone";

export interface SnapshotScore { score: number | null; tier: Label | null; }

export interface CompareReason {
  factor: string;
  title: { zh: string; en: string };
  pointsBefore: number;
  pointsAfter: number;
}

export interface AccountChange {
  /** The customer id as written (the newer snapshot's), else the name. */
  key: string;
  id: string | null;
  name: string | null;
  matchedBy: "id" | "name" | null;
  /** The row (0-based) in each snapshot. */
  beforeRow: number | null;
  afterRow: number | null;
  before: SnapshotScore | null;
  after: SnapshotScore | null;
  /** Score after − score before. */
  change: number | null;
  status: CompareStatusCode;
  /** The factors whose points moved, largest move first. */
  reasons: CompareReason[];
}

export interface CompareUnmatched {
  side: "before" | "after";
  row: number;
  key: string;
  problem: "duplicate" | "ambiguous" | "noKey";
  reason: Label;
}

export interface Comparison {
  accounts: AccountChange[];
  summary: { up: number; down: number; same: number; new: number; gone: number; unmatched: number };
  unmatched: CompareUnmatched[];
}

export interface WinOptions {
  /** The fields to learn from (field keys, `pipeline_grade`); default: chosen from the deals. */
  fields?: string[] | null;
  /** Quantile bins per numeric field, 2–20 (default 5). */
  bins?: number;
  /** Laplace smoothing α > 0 (default 1). */
  smoothing?: number;
  /** Whether the pipeline grade is a feature (default true). */
  grade?: boolean;
  /** The share of deals a field must be present in to be chosen (default 0.1). */
  minPresent?: number;
}

export interface WinFeatureValue { value: string; won: number; lost: number; logWon: number; logLost: number; }

export interface WinFeature {
  field: string;
  kind: "category" | "bins" | "grade";
  /** Bins: bin 0 is ≤ edges[0], the last above the last edge. */
  edges?: number[];
  values: WinFeatureValue[];
}

/** A fitted win model: a JSON document to save, load and compare. */
export interface WinModel {
  kind: "winModel";
  version: number;
  smoothing: number;
  prior: { won: number; lost: number; logOdds: number };
  features: WinFeature[];
}

export interface WinFactor { field: string; value: string; /** The log-odds contribution. */ effect: number; }

export interface WinProbability { probability: number; logOdds: number; prior: number; factors: WinFactor[]; }

export interface CalibrationBin { predicted: number; observed: number; count: number; }

export interface WinEvaluation {
  count: number;
  auc: number | null;
  /** By decile of the predicted probability. */
  calibration: CalibrationBin[];
  meanProbability: number;
  observedRate: number;
  brier: number;
}

export interface HoldoutOptions {
  /** The date field to split by (default `deal_date`, else `last_order_date`). */
  dateField?: string | null;
  /** The newest share of deals tested (default 0.2). */
  testShare?: number;
  fit?: WinOptions;
  /** The grade probabilities compared against (default: MODEL §3.6). */
  probabilities?: Partial<Record<PipelineGradeCode, number>>;
}

export interface WinHoldout {
  dateField: string;
  /** The first test day, in days since 1970-01-01. */
  cutoff: number;
  train: number;
  test: number;
  withoutDate: number;
  model: WinModel;
  learned: WinEvaluation;
  grades: WinEvaluation;
  /** AUC gained over the grade probabilities, and Brier score saved. */
  lift: { auc: number | null; brier: number };
}

/** The weighted pipeline of the open deals (no outcome yet), by the grades and by a win model. */
export interface LearnedPipeline {
  totalValue: number;
  /** Σ value × the grade's probability (MODEL §3.6, or the probabilities given). */
  gradeWeighted: number;
  /** Σ value × the learned win probability. */
  learnedWeighted: number;
  counted: number;
  withoutValue: number;
  /** Deals with an outcome already: not in the pipeline. */
  closed: number;
  unreadableRows: number[];
}
"#;

fn win_error(e: &WinError) -> JsError {
    coded_js_error(&e.label())
}

/// The rows of a `Sheet`, through its `snapshotRows` method: the copy comes back in a fresh
/// object this call takes, so the sheet itself stays with its owner. Anything else is `None`.
#[cfg(feature = "files")]
fn sheet_rows(value: &JsValue) -> Result<Option<Vec<AccountRow>>, JsError> {
    use wasm_bindgen::convert::TryFromJsValue;
    use wasm_bindgen::JsCast;
    if !value.is_object() {
        return Ok(None);
    }
    let method = safe::get(value, "snapshotRows")?;
    let Some(method) = method.dyn_ref::<js_sys::Function>() else {
        return Ok(None);
    };
    let out = method
        .call0(value)
        .map_err(|_| JsError::new("the sheet cannot be read: it was freed or is not a Sheet"))?;
    Ok(super::sheet::SheetRows::try_from_js_value_ref(&out).map(|r| r.into_rows()))
}

#[cfg(not(feature = "files"))]
fn sheet_rows(_: &JsValue) -> Result<Option<Vec<AccountRow>>, JsError> {
    Ok(None)
}

/// A list given as an array of row objects (recency counted to `as_of`) or a `Sheet`.
fn list_arg(value: &JsValue, what: &str, day: i64) -> Result<Vec<AccountRow>, JsError> {
    if safe::is_array(value)? {
        let mut rows = rows_arg(value)?;
        for row in &mut rows {
            row.derive_recency(day);
        }
        return Ok(rows);
    }
    sheet_rows(value)?.ok_or_else(|| {
        JsError::new(&format!(
            "{what} must be an array of rows such as [{{\"客户名称\": \"甲公司\"}}] or a Sheet"
        ))
    })
}

/// An options object without the keys the export reads itself, into a core options struct.
fn options_without<T: serde::de::DeserializeOwned + Default>(
    value: &JsValue,
    what: &str,
    own: &[&str],
) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    let mut json = json_value(value)?;
    let Some(object) = json.as_object_mut() else {
        return Err(JsError::new(&format!("{what} must be an object")));
    };
    for key in own {
        object.remove(*key);
    }
    serde_json::from_value(json).map_err(|e| JsError::new(&format!("{what}: {e}")))
}

/// A win model given as its document or its JSON text.
fn win_model_arg(value: &JsValue) -> Result<WinModel, JsError> {
    let read = if let Some(text) = value.as_string() {
        WinModel::from_json(&text)
    } else if value.is_object() && !safe::is_array(value)? {
        WinModel::from_value(json_value(value)?)
    } else {
        Err(WinError::InvalidModel(
            "expected a win model document or its JSON text".into(),
        ))
    };
    read.map_err(|e| win_error(&e))
}

/// Two snapshots of a list compared: each account's score and tier before and after, the
/// change, the status (`up`, `down`, `same`, `new`, `gone`) and the factors whose points
/// moved. `before` and `after` are arrays of rows or `Sheet`s; `options`: `{model, minPoints,
/// asOf}`.
#[wasm_bindgen(js_name = compareSnapshots, unchecked_return_type = "Comparison")]
pub fn compare_snapshots_js(
    #[wasm_bindgen(unchecked_param_type = "RowList")] before: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RowList")] after: JsValue,
    #[wasm_bindgen(js_name = "options", unchecked_optional_param_type = "CompareOptions")]
    options_in: JsValue,
) -> Result<JsValue, JsError> {
    let day = as_of(&option(&options_in, "asOf"))?;
    let m = model(&option(&options_in, "model"))?;
    let o: CompareOptions = options_without(&options_in, "options", &["model", "asOf"])?;
    let before = list_arg(&before, "before", day)?;
    let after = list_arg(&after, "after", day)?;
    to_js(&compare_snapshots(&before, &after, &m, &o))
}

/// A naive-Bayes win model learned from deals with an `outcome` (won / lost, 赢单 / 丢单,
/// 1 / 0): a JSON document. `deals`: an array of rows or a `Sheet`.
#[wasm_bindgen(js_name = fitWinModel, unchecked_return_type = "WinModel")]
pub fn fit_win_model_js(
    #[wasm_bindgen(unchecked_param_type = "RowList")] deals: JsValue,
    #[wasm_bindgen(js_name = "options", unchecked_optional_param_type = "WinOptions")]
    options_in: JsValue,
) -> Result<JsValue, JsError> {
    let o: WinOptions = options(&options_in, "options")?;
    let deals = list_arg(&deals, "deals", super::convert::today())?;
    to_js(&fit_win_model(&deals, &o).map_err(|e| win_error(&e))?)
}

/// A deal's learned win probability with each feature's log-odds contribution.
#[wasm_bindgen(js_name = winProbability, unchecked_return_type = "WinProbability")]
pub fn win_probability_js(
    #[wasm_bindgen(js_name = "model", unchecked_param_type = "WinModel | string")]
    model_in: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Record<string, CellValue>")] row: JsValue,
) -> Result<JsValue, JsError> {
    let m = win_model_arg(&model_in)?;
    to_js(&win_probability(&m, &row_from_object(&row, None)?))
}

/// How a win model fits deals with an outcome: AUC, calibration by decile, mean probability,
/// observed rate, Brier score.
#[wasm_bindgen(js_name = evaluateWinModel, unchecked_return_type = "WinEvaluation")]
pub fn evaluate_win_model_js(
    #[wasm_bindgen(js_name = "model", unchecked_param_type = "WinModel | string")]
    model_in: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RowList")] deals: JsValue,
) -> Result<JsValue, JsError> {
    let m = win_model_arg(&model_in)?;
    let deals = list_arg(&deals, "deals", super::convert::today())?;
    to_js(&evaluate_win_model(&m, &deals))
}

/// A time-based holdout: trained on the older 80 % by `dateField` (`deal_date`, else
/// `last_order_date`), tested on the newest 20 %, beside the default grade probabilities.
#[wasm_bindgen(js_name = winHoldout, unchecked_return_type = "WinHoldout")]
pub fn win_holdout_js(
    #[wasm_bindgen(unchecked_param_type = "RowList")] deals: JsValue,
    #[wasm_bindgen(js_name = "options", unchecked_optional_param_type = "HoldoutOptions")]
    options_in: JsValue,
) -> Result<JsValue, JsError> {
    let o: HoldoutOptions = options(&options_in, "options")?;
    let deals = list_arg(&deals, "deals", super::convert::today())?;
    to_js(&win_holdout(&deals, &o).map_err(|e| win_error(&e))?)
}

/// The weighted pipeline of the open deals (rows without an outcome), Σ `deal_value` × the
/// grade's probability beside Σ `deal_value` × the learned win probability.
#[wasm_bindgen(js_name = learnedPipeline, unchecked_return_type = "LearnedPipeline")]
pub fn learned_pipeline_js(
    #[wasm_bindgen(unchecked_param_type = "RowList")] deals: JsValue,
    #[wasm_bindgen(js_name = "model", unchecked_param_type = "WinModel | string")]
    model_in: JsValue,
    #[wasm_bindgen(
        js_name = "options",
        unchecked_optional_param_type = "{probabilities?: Record<string, number>}"
    )]
    options_in: JsValue,
) -> Result<JsValue, JsError> {
    let m = win_model_arg(&model_in)?;
    let o: PipelineOptions = options(&options_in, "options")?;
    let deals = list_arg(&deals, "deals", super::convert::today())?;
    to_js(&learned_pipeline(&deals, &m, &o).map_err(err)?)
}
