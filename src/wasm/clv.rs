//! Transaction-log exports (MODEL §6; the summaries in `clv_summary.rs`): `fitBgNbd`, `fitGammaGamma`,
//! `fitParetoNbd`, `paretoNbdPredict`, `calibrationHoldout`, `bgNbdPredict`, `bgNbdProbability`, `customerLifetimeValue`, `joinFutures`,
//! `transactionColumns`, `Sheet.joinFutures`. Thin wrappers over `crate::clv`.

use super::convert::{cell, coded, numbers_arg, option, options, strings_arg, to_js};
use super::safe;
use crate::clv::bgnbd::{self, BgNbdParams};
use crate::clv::columns::transaction_columns;
use crate::clv::gamma_gamma::{self, GammaGammaOptions, GammaGammaParams};
use crate::clv::holdout::{
    calibration_holdout_numbered, HoldoutModel, HoldoutOptions, PerCustomer,
};
use crate::clv::intervals::{bgnbd_intervals, clv_intervals, pareto_nbd_intervals};
use crate::clv::intervals::{ClvUncertainty, PredictionInterval};
use crate::clv::join::{join_keys, CustomerFuture, JoinResult};
use crate::clv::pareto_nbd::{self, ParetoNbdParams};
use crate::clv::summary::parse_transaction_date;
use crate::clv::{customer_lifetime_values, ClvOptions, History, Rft, RowError};
use crate::clv::{TimeUnit, Transaction};
use crate::row::{format_number, Cell};
use js_sys::{Array, Float64Array, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
#[cfg(feature = "files")]
use {super::sheet::Sheet, crate::clv::join::join_futures};

#[wasm_bindgen(typescript_custom_section)]
const CLV_TYPES: &str = r#"
/** The time unit of recency, T, alpha and horizons: a month is 30.4375 days. */
export type ClvTimeUnit = "day" | "week" | "month";

/** A column of numbers: a Float64Array, or an array of numbers (numeric texts are read). */
export type ClvNumbers = Float64Array | ArrayLike<number | string | null>;

/** A transaction log as columns of equal length. */
export interface ClvTransactions {
  ids: ArrayLike<string | number>;
  /** ISO texts ("1997-01-01"), 19970101, 1997/1/1, 1997年1月1日, Excel serials, or Dates (UTC day). */
  dates: ArrayLike<string | number | Date>;
  amounts: ClvNumbers;
}

export interface RfmSummaryOptions {
  unit: ClvTimeUnit;
  /** The observation end (inclusive); later transactions are left out and counted. */
  end: string | Date;
  /** The calibration end (inclusive, before `end`): the summary is then of the calibration period. */
  calibrationEnd?: string | Date;
}

/** A transaction row that could not be used (row numbers from 1). */
export interface TransactionRowError { row: number; column: "id" | "date" | "amount"; text: string; message: string; }

export interface RfmSummary {
  ids: string[];
  /** Repeat purchase days. */
  frequency: Float64Array;
  /** First to last purchase, in the unit. */
  recency: Float64Array;
  /** First purchase to the (calibration) end, in the unit. */
  T: Float64Array;
  /** Mean amount of the repeat purchase days (0 without repeats). */
  monetary: Float64Array;
  /** With calibrationEnd: purchase days in the holdout, and its length in the unit. */
  frequencyHoldout?: Float64Array;
  durationHoldout?: number;
  /** Transactions after the end, left out. */
  afterEnd: number;
  /** Customers whose first purchase is in the holdout, left out. */
  holdoutOnly: number;
  errors: TransactionRowError[];
}

/** With `weights`, each row stands for that many equal customers (a summary grouped by (frequency, recency, T), e.g. in SQL). */
export interface RfmColumns { frequency: ClvNumbers; recency: ClvNumbers; T: ClvNumbers; weights?: ClvNumbers; }
export interface RfmSpendColumns extends RfmColumns { monetary: ClvNumbers; }

export interface BgNbdParams { r: number; alpha: number; a: number; b: number; }
export interface BgNbdFit extends BgNbdParams {
  logLikelihood: number;
  stdErrors: BgNbdParams;
  /** Covariance of (ln r, ln alpha, ln a, ln b): the inverse observed information. */
  covariance: number[][];
  customers: number;
  groups: number;
}
export interface PredictionBounds { pAlive: Float64Array; expected: Float64Array; }
/** With options.interval: `lower` and `upper` from the parameters' uncertainty (delta method), at `level`. */
export interface BgNbdPrediction extends PredictionBounds { lower?: PredictionBounds; upper?: PredictionBounds; level?: number; }
export interface PredictOptions {
  /** The level of intervals for P(alive) and expected purchases (0.9 = 90 %); needs the fit's result (its covariance) as the parameters. */
  interval?: number;
}

export interface GammaGammaParams { p: number; q: number; gamma: number; }
export interface GammaGammaOptions { /** Warn when |r(frequency, spend)| exceeds this (default 0.3). */ correlationWarning?: number; }
export interface GammaGammaFit extends GammaGammaParams {
  logLikelihood: number;
  stdErrors: GammaGammaParams;
  /** Covariance of (ln p, ln q, ln gamma). */
  covariance: number[][];
  customers: number;
  correlation: number;
  warning: string | null;
}

export interface ClvOptions {
  /** Months ahead. */
  horizon: number;
  /** The unit of the summary and of the BG/NBD alpha. */
  unit: ClvTimeUnit;
  /** Discount rate per month (0.01 = 1 %). */
  discountRate: number;
  /** The level of intervals for the CLV (0.9 = 90 %); needs both fits' results (their covariance). */
  interval?: number;
}
/** Each customer's CLV; with options.interval also `lower`, `upper` (delta method) and `level`. */
export type ClvValues = Float64Array & { lower?: Float64Array; upper?: Float64Array; level?: number };

/** Per log customer (the order of `rfmSummary`'s ids): what `joinFutures` joins into a list. */
export interface CustomerFutures {
  /** The log's customer key: an id, or a name when the log has no id column. */
  ids: ArrayLike<string | number>;
  /** The customer's name when the log has a name column besides the id (matched against the list's names). */
  names?: ArrayLike<string | null>;
  pAlive: ClvNumbers;
  expected: ClvNumbers;
  clv: ClvNumbers;
}

/** The list's keys, one per account row: field `id` (客户编号) and field `name` (客户名称). */
export interface AccountKeys {
  ids?: ArrayLike<string | number | null>;
  names?: ArrayLike<string | null>;
}

/** How a row found its log customer. */
export type JoinStatus = "id" | "name" | "noMatch" | "noKey" | "duplicateInList" | "ambiguousInLog";

/** The futures joined into an account list, one entry per account row (NaN / -1 where none). */
export interface JoinedFutures {
  /** The index into the futures, -1 where none. */
  customer: Int32Array;
  status: JoinStatus[];
  /** P(alive) 0–1: pass it as `pAlive` to `suggestStrategy` / `Sheet.suggest` for the churn warning. */
  pAlive: Float64Array;
  expected: Float64Array;
  clv: Float64Array;
  /** The CLV's percent rank 0–100 among the matched rows: the quadrant's future value (cut 50 = median). */
  futureScore: Float64Array;
  byId: number;
  byName: number;
  /** Keys of the log customers no row took. */
  unmatchedCustomers: string[];
}

/** The columns of a transaction log found from its headers (0-based; null where none). */
export interface TransactionColumns { id: number | null; name: number | null; date: number | null; amount: number | null; }
"#;

pub(super) fn set(obj: &Object, key: &str, value: &JsValue) -> Result<(), JsError> {
    Reflect::set(obj, &JsValue::from_str(key), value)
        .map(|_| ())
        .map_err(|_| JsError::new("cannot build the result"))
}

/// The elements of an array or typed array.
fn elements(value: &JsValue, what: &str) -> Result<Vec<JsValue>, JsError> {
    safe::readable(value)?;
    let array_like = Array::is_array(value)
        || value.is_instance_of::<Float64Array>()
        || value.is_instance_of::<js_sys::Float32Array>()
        || value.is_instance_of::<js_sys::Int32Array>()
        || value.is_instance_of::<js_sys::Uint32Array>();
    if !array_like {
        return Err(JsError::new(&format!("{what} must be an array")));
    }
    safe::items(value)
}

fn row_error(row: usize, column: &'static str, text: String, message: &str) -> RowError {
    RowError {
        row,
        column,
        text,
        message: message.to_string(),
    }
}

/// A day from an ISO text, 19970101, an Excel serial or a `Date` (its UTC day).
pub(super) fn day_of(value: &JsValue) -> Result<i64, String> {
    if safe::readable(value).is_err() {
        return Err("a value that throws when read".into());
    }
    if let Some(d) = value.dyn_ref::<js_sys::Date>() {
        let ms = d.get_time();
        if !ms.is_finite() {
            return Err("an invalid Date".into());
        }
        return Ok(libm::floor(ms / 86_400_000.0) as i64);
    }
    if let Some(s) = value.as_string() {
        return parse_transaction_date(&s);
    }
    if let Some(n) = value.as_f64() {
        return parse_transaction_date(&format_number(n));
    }
    Err("expected a date text or a Date".into())
}

fn transaction(
    row: usize,
    id: &JsValue,
    date: &JsValue,
    amount: &JsValue,
) -> Result<Transaction, RowError> {
    let customer = match cell(id) {
        Ok(Cell::Text(s)) => s.trim().to_string(),
        Ok(Cell::Number(n)) => format_number(n),
        _ => String::new(),
    };
    if customer.is_empty() {
        return Err(row_error(row, "id", String::new(), "no customer id"));
    }
    let day = day_of(date).map_err(|m| {
        let text = date.as_string().unwrap_or_else(|| format!("{date:?}"));
        row_error(row, "date", text, &m)
    })?;
    let amount_value = match cell(amount) {
        Ok(Cell::Number(n)) => Ok(n),
        Ok(Cell::Text(s)) => match crate::parse::parse_number(&s) {
            Ok(Some(n)) => Ok(n.value),
            Ok(None) => Err((s, "no amount".to_string())),
            Err(e) => Err((s, e.to_string())),
        },
        _ => Err((String::new(), "no amount".to_string())),
    };
    let value = amount_value.map_err(|(text, m)| row_error(row, "amount", text, &m))?;
    Ok(Transaction {
        customer,
        day,
        amount: value,
    })
}

pub(super) fn unit_option(options: &JsValue) -> Result<TimeUnit, JsError> {
    option(options, "unit")
        .as_string()
        .and_then(|s| TimeUnit::parse(&s))
        .ok_or_else(|| JsError::new("options.unit must be \"day\", \"week\" or \"month\""))
}

/// The rows of a transaction log `{ids, dates, amounts}` numbered from 1, and those that
/// cannot be read.
pub(super) type ReadLog = (Vec<(usize, Transaction)>, Vec<RowError>);

pub(super) fn read_log(transactions: &JsValue) -> Result<ReadLog, JsError> {
    let ids = elements(&option(transactions, "ids"), "transactions.ids")?;
    let dates = elements(&option(transactions, "dates"), "transactions.dates")?;
    let amounts = elements(&option(transactions, "amounts"), "transactions.amounts")?;
    if ids.len() != dates.len() || ids.len() != amounts.len() {
        return Err(JsError::new(&format!(
            "transactions: ids ({}), dates ({}) and amounts ({}) differ in length",
            ids.len(),
            dates.len(),
            amounts.len()
        )));
    }
    let mut good = Vec::with_capacity(ids.len());
    let mut errors = Vec::new();
    for (i, ((id, date), amount)) in ids.iter().zip(&dates).zip(&amounts).enumerate() {
        match transaction(i + 1, id, date, amount) {
            Ok(t) => good.push((i + 1, t)),
            Err(e) => errors.push(e),
        }
    }
    Ok((good, errors))
}

fn required_day(options: &JsValue, key: &str) -> Result<i64, JsError> {
    day_of(&option(options, key)).map_err(|m| JsError::new(&format!("options.{key}: {m}")))
}

/// The calibration/holdout check: splits the log `{ids, dates, amounts}` at
/// `options.calibrationEnd`, fits `options.model` ("bgnbd" or "paretonbd") on the calibration
/// period and sets each customer's expected purchases over the holdout (to
/// `options.observationEnd`) against the purchase days made in it, per customer and by
/// calibration frequency 0…6, 7+ (group means: the classic chart), with the totals and the
/// mean absolute error.
#[wasm_bindgen(js_name = calibrationHoldout, unchecked_return_type = "CalibrationHoldout")]
pub fn calibration_holdout_js(
    #[wasm_bindgen(unchecked_param_type = "ClvTransactions")] transactions: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CalibrationHoldoutOptions")] holdout_options: JsValue,
) -> Result<JsValue, JsError> {
    let unit = unit_option(&holdout_options)?;
    let model = option(&holdout_options, "model")
        .as_string()
        .and_then(|s| HoldoutModel::parse(&s))
        .ok_or_else(|| JsError::new("options.model must be \"bgnbd\" or \"paretonbd\""))?;
    let o = HoldoutOptions {
        calibration_end: required_day(&holdout_options, "calibrationEnd")?,
        observation_end: required_day(&holdout_options, "observationEnd")?,
        unit,
        model,
    };
    let (good, mut errors) = read_log(&transactions)?;
    let mut h =
        calibration_holdout_numbered(good.iter().map(|(r, t)| (*r, t)), &o).map_err(coded)?;
    errors.append(&mut h.errors);
    errors.sort_by_key(|e| e.row);
    h.errors = errors;
    let per = std::mem::replace(
        &mut h.per_customer,
        PerCustomer {
            ids: Vec::new(),
            predicted: Vec::new(),
            actual: Vec::new(),
        },
    );
    let out = to_js(&h)?;
    let per_js = Object::new();
    let ids: Array = per.ids.iter().map(|s| JsValue::from_str(s)).collect();
    set(&per_js, "ids", &ids)?;
    set(
        &per_js,
        "predicted",
        &Float64Array::from(per.predicted.as_slice()),
    )?;
    set(
        &per_js,
        "actual",
        &Float64Array::from(per.actual.as_slice()),
    )?;
    Reflect::set(&out, &JsValue::from_str("perCustomer"), &per_js)
        .map_err(|_| JsError::new("cannot build the result"))?;
    Ok(out)
}

/// Frequency, recency and T columns of an object.
type Columns3 = (Vec<f64>, Vec<f64>, Vec<f64>);

fn rft_columns(value: &JsValue) -> Result<Columns3, JsError> {
    Ok((
        numbers_arg(&option(value, "frequency"), "frequency")?,
        numbers_arg(&option(value, "recency"), "recency")?,
        numbers_arg(&option(value, "T"), "T")?,
    ))
}

/// `summary.weights`: how many customers each row stands for (a summary grouped by
/// (frequency, recency, T) in SQL), or none.
fn weights_option(summary: &JsValue) -> Result<Option<Vec<f64>>, JsError> {
    let w = option(summary, "weights");
    if w.is_undefined() || w.is_null() {
        Ok(None)
    } else {
        numbers_arg(&w, "weights").map(Some)
    }
}

fn number(value: &JsValue, key: &str, what: &str) -> Result<f64, JsError> {
    option(value, key)
        .as_f64()
        .ok_or_else(|| JsError::new(&format!("{what}.{key} must be a number")))
}

fn bg_params(value: &JsValue) -> Result<BgNbdParams, JsError> {
    BgNbdParams::new(
        number(value, "r", "the BG/NBD parameters")?,
        number(value, "alpha", "the BG/NBD parameters")?,
        number(value, "a", "the BG/NBD parameters")?,
        number(value, "b", "the BG/NBD parameters")?,
    )
    .map_err(coded)
}

fn gg_params(value: &JsValue) -> Result<GammaGammaParams, JsError> {
    GammaGammaParams::new(
        number(value, "p", "the Gamma-Gamma parameters")?,
        number(value, "q", "the Gamma-Gamma parameters")?,
        number(value, "gamma", "the Gamma-Gamma parameters")?,
    )
    .map_err(coded)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BgNbdFitJs {
    r: f64,
    alpha: f64,
    a: f64,
    b: f64,
    log_likelihood: f64,
    std_errors: BgNbdParams,
    covariance: [[f64; 4]; 4],
    customers: usize,
    groups: usize,
}

/// Fits BG/NBD to `{frequency, recency, T}` by maximum likelihood; throws with the reason when
/// the fit does not converge or the data do not identify the model.
#[wasm_bindgen(js_name = fitBgNbd, unchecked_return_type = "BgNbdFit")]
pub fn fit_bg_nbd(
    #[wasm_bindgen(unchecked_param_type = "RfmColumns")] summary: JsValue,
) -> Result<JsValue, JsError> {
    let (x, tx, t) = rft_columns(&summary)?;
    let data = Rft {
        frequency: &x,
        recency: &tx,
        t: &t,
    };
    let fit = match weights_option(&summary)? {
        Some(w) => bgnbd::fit_weighted(data, &w),
        None => bgnbd::fit(data),
    }
    .map_err(coded)?;
    to_js(&BgNbdFitJs {
        r: fit.params.r,
        alpha: fit.params.alpha,
        a: fit.params.a,
        b: fit.params.b,
        log_likelihood: fit.log_likelihood,
        std_errors: fit.std_errors,
        covariance: fit.covariance,
        customers: fit.customers,
        groups: fit.groups,
    })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct GammaGammaFitJs {
    p: f64,
    q: f64,
    gamma: f64,
    log_likelihood: f64,
    std_errors: GammaGammaParams,
    covariance: [[f64; 3]; 3],
    customers: usize,
    correlation: f64,
    warning: Option<String>,
}

/// Fits Gamma-Gamma to the repeat buyers (frequency > 0) of `{frequency, monetary}`; reports
/// the frequency–spend correlation and a warning above `options.correlationWarning` (0.3).
#[wasm_bindgen(js_name = fitGammaGamma, unchecked_return_type = "GammaGammaFit")]
pub fn fit_gamma_gamma(
    #[wasm_bindgen(
        unchecked_param_type = "{frequency: ClvNumbers, monetary: ClvNumbers, weights?: ClvNumbers}"
    )]
    summary: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "GammaGammaOptions")] fit_options: JsValue,
) -> Result<JsValue, JsError> {
    let x = numbers_arg(&option(&summary, "frequency"), "frequency")?;
    let m = numbers_arg(&option(&summary, "monetary"), "monetary")?;
    let o: GammaGammaOptions = options(&fit_options, "fitGammaGamma options")?;
    let fit = match weights_option(&summary)? {
        Some(w) => gamma_gamma::fit_weighted(&x, &m, &w, &o),
        None => gamma_gamma::fit(&x, &m, &o),
    }
    .map_err(coded)?;
    to_js(&GammaGammaFitJs {
        p: fit.params.p,
        q: fit.params.q,
        gamma: fit.params.gamma,
        log_likelihood: fit.log_likelihood,
        std_errors: fit.std_errors,
        covariance: fit.covariance,
        customers: fit.customers,
        correlation: fit.correlation,
        warning: fit.warning,
    })
}

/// `options.interval`: the level of the intervals (0.9 = 90 %), or none.
fn interval_option(options: &JsValue) -> Result<Option<f64>, JsError> {
    safe::readable(options)?;
    let v = option(options, "interval");
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    match v.as_f64() {
        Some(level) if level > 0.0 && level < 1.0 => Ok(Some(level)),
        _ => Err(JsError::new(
            "options.interval must be the level of the intervals, a number between 0 and 1 (0.9 = 90 %)",
        )),
    }
}

/// `params.covariance`, the N×N covariance of the log-parameters a fit returns.
fn covariance_arg<const N: usize>(params: &JsValue, fit: &str) -> Result<[[f64; N]; N], JsError> {
    let missing = || {
        JsError::new(&format!(
            "an interval needs the parameters' covariance: pass the result of {fit} (its \
             `covariance`, {N}×{N}), not parameters alone"
        ))
    };
    let value = option(params, "covariance");
    if !safe::is_array(&value)? {
        return Err(missing());
    }
    let rows = safe::items(&value)?;
    if rows.len() != N {
        return Err(missing());
    }
    let mut out = [[0.0; N]; N];
    for (row, v) in out.iter_mut().zip(&rows) {
        let numbers = numbers_arg(v, "covariance")?;
        if numbers.len() != N {
            return Err(missing());
        }
        row.copy_from_slice(&numbers);
    }
    Ok(out)
}

/// `{pAlive, expected}` as Float64Arrays.
fn prediction_js(p_alive: &[f64], expected: &[f64]) -> Result<Object, JsError> {
    let out = Object::new();
    set(&out, "pAlive", &Float64Array::from(p_alive))?;
    set(&out, "expected", &Float64Array::from(expected))?;
    Ok(out)
}

/// Adds `lower`, `upper` (each `{pAlive, expected}`) and `level` to a prediction.
fn add_interval(out: &Object, i: &PredictionInterval) -> Result<(), JsError> {
    set(
        out,
        "lower",
        &prediction_js(&i.lower.p_alive, &i.lower.expected)?.into(),
    )?;
    set(
        out,
        "upper",
        &prediction_js(&i.upper.p_alive, &i.upper.expected)?.into(),
    )?;
    set(out, "level", &JsValue::from_f64(i.level))
}

/// Per customer: P(alive) and the expected purchases in the next `t` units, with fitted or
/// published BG/NBD parameters `{r, alpha, a, b}`. With `options.interval` (a level, 0.9 =
/// 90 %) and the fit's result as `params` (its `covariance`), adds `lower` and `upper`
/// (`{pAlive, expected}`) from the parameters' uncertainty (delta method).
#[wasm_bindgen(js_name = bgNbdPredict, unchecked_return_type = "BgNbdPrediction")]
pub fn bg_nbd_predict(
    #[wasm_bindgen(unchecked_param_type = "BgNbdParams | BgNbdFit")] params: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RfmColumns")] summary: JsValue,
    t: f64,
    #[wasm_bindgen(unchecked_optional_param_type = "PredictOptions")] predict_options: JsValue,
) -> Result<JsValue, JsError> {
    let p = bg_params(&params)?;
    let level = interval_option(&predict_options)?;
    let (x, tx, age) = rft_columns(&summary)?;
    let data = Rft {
        frequency: &x,
        recency: &tx,
        t: &age,
    };
    let pred = bgnbd::predict(&p, data, t).map_err(coded)?;
    let out = prediction_js(&pred.p_alive, &pred.expected)?;
    if let Some(level) = level {
        let cov = covariance_arg::<4>(&params, "fitBgNbd")?;
        add_interval(
            &out,
            &bgnbd_intervals(&p, &cov, data, t, level).map_err(coded)?,
        )?;
    }
    Ok(out.into())
}

fn pareto_params(value: &JsValue) -> Result<ParetoNbdParams, JsError> {
    let what = "the Pareto/NBD parameters";
    ParetoNbdParams::new(
        number(value, "r", what)?,
        number(value, "alpha", what)?,
        number(value, "s", what)?,
        number(value, "beta", what)?,
    )
    .map_err(coded)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ParetoNbdFitJs {
    r: f64,
    alpha: f64,
    s: f64,
    beta: f64,
    log_likelihood: f64,
    std_errors: ParetoNbdParams,
    covariance: [[f64; 4]; 4],
    customers: usize,
    groups: usize,
}

/// Fits Pareto/NBD to `{frequency, recency, T}` by maximum likelihood; throws with the reason
/// when the fit does not converge or the data do not identify the model.
#[wasm_bindgen(js_name = fitParetoNbd, unchecked_return_type = "ParetoNbdFit")]
pub fn fit_pareto_nbd(
    #[wasm_bindgen(unchecked_param_type = "RfmColumns")] summary: JsValue,
) -> Result<JsValue, JsError> {
    let (x, tx, t) = rft_columns(&summary)?;
    let fit = pareto_nbd::fit(Rft {
        frequency: &x,
        recency: &tx,
        t: &t,
    })
    .map_err(coded)?;
    to_js(&ParetoNbdFitJs {
        r: fit.params.r,
        alpha: fit.params.alpha,
        s: fit.params.s,
        beta: fit.params.beta,
        log_likelihood: fit.log_likelihood,
        std_errors: fit.std_errors,
        covariance: fit.covariance,
        customers: fit.customers,
        groups: fit.groups,
    })
}

/// Per customer: P(alive) and the expected purchases in the next `t` units, with fitted or
/// published Pareto/NBD parameters `{r, alpha, s, beta}`; `options.interval` as for
/// `bgNbdPredict`.
#[wasm_bindgen(js_name = paretoNbdPredict, unchecked_return_type = "ParetoNbdPrediction")]
pub fn pareto_nbd_predict(
    #[wasm_bindgen(unchecked_param_type = "ParetoNbdParams | ParetoNbdFit")] params: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RfmColumns")] summary: JsValue,
    t: f64,
    #[wasm_bindgen(unchecked_optional_param_type = "PredictOptions")] predict_options: JsValue,
) -> Result<JsValue, JsError> {
    let p = pareto_params(&params)?;
    let level = interval_option(&predict_options)?;
    let (x, tx, age) = rft_columns(&summary)?;
    let data = Rft {
        frequency: &x,
        recency: &tx,
        t: &age,
    };
    let pred = pareto_nbd::predict(&p, data, t).map_err(coded)?;
    let out = prediction_js(&pred.p_alive, &pred.expected)?;
    if let Some(level) = level {
        let cov = covariance_arg::<4>(&params, "fitParetoNbd")?;
        add_interval(
            &out,
            &pareto_nbd_intervals(&p, &cov, data, t, level).map_err(coded)?,
        )?;
    }
    Ok(out.into())
}

/// P(X(t) = k): the probability that a new customer makes exactly `k` purchases in the first
/// `t` units, with BG/NBD parameters `{r, alpha, a, b}` (FHL 2005 eq. 8).
#[wasm_bindgen(js_name = bgNbdProbability)]
pub fn bg_nbd_probability(
    #[wasm_bindgen(unchecked_param_type = "BgNbdParams")] params: JsValue,
    t: f64,
    k: f64,
) -> Result<f64, JsError> {
    let p = bg_params(&params)?;
    if !((0.0..=1e6).contains(&k) && k == libm::floor(k)) {
        return Err(JsError::new(
            "k must be a whole number of purchases from 0 to 1000000",
        ));
    }
    bgnbd::prob_purchases(&p, t, k as u32).map_err(coded)
}

/// The discounted expected value of each customer over `options.horizon` months: expected
/// purchases per month (BG/NBD) × expected spend (Gamma-Gamma), discounted monthly. With
/// `options.interval` (a level) and both fits' results (their `covariance`), the array also
/// has `lower` and `upper` (Float64Arrays) from the parameters' uncertainty (delta method).
#[wasm_bindgen(js_name = customerLifetimeValue, unchecked_return_type = "ClvValues")]
pub fn customer_lifetime_value_js(
    #[wasm_bindgen(unchecked_param_type = "BgNbdParams | BgNbdFit")] bg: JsValue,
    #[wasm_bindgen(unchecked_param_type = "GammaGammaParams | GammaGammaFit")] gg: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RfmSpendColumns")] summary: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ClvOptions")] clv_options: JsValue,
) -> Result<JsValue, JsError> {
    let bg_p = bg_params(&bg)?;
    let gg_p = gg_params(&gg)?;
    let (x, tx, age) = rft_columns(&summary)?;
    let m = numbers_arg(&option(&summary, "monetary"), "monetary")?;
    let horizon = number(&clv_options, "horizon", "options")?;
    if !((0.0..=12_000.0).contains(&horizon) && horizon == libm::floor(horizon)) {
        return Err(JsError::new(
            "options.horizon must be a whole number of months from 0 to 12000",
        ));
    }
    let o = ClvOptions {
        horizon: horizon as u32,
        unit: unit_option(&clv_options)?,
        discount_rate: number(&clv_options, "discountRate", "options")?,
    };
    let level = interval_option(&clv_options)?;
    let values = customer_lifetime_values(&bg_p, &gg_p, &x, &tx, &age, &m, &o).map_err(coded)?;
    let out = Float64Array::from(values.as_slice());
    if let Some(level) = level {
        let u = ClvUncertainty {
            bg: &bg_p,
            bg_cov: &covariance_arg::<4>(&bg, "fitBgNbd")?,
            gg: &gg_p,
            gg_cov: &covariance_arg::<3>(&gg, "fitGammaGamma")?,
        };
        let history: Vec<History> = (0..x.len())
            .map(|i| History {
                frequency: x[i],
                recency: tx[i],
                t: age[i],
                monetary: m[i],
            })
            .collect();
        let i = clv_intervals(u, &history, &o, level).map_err(coded)?;
        set(&out, "lower", &Float64Array::from(i.lower.as_slice()))?;
        set(&out, "upper", &Float64Array::from(i.upper.as_slice()))?;
        set(&out, "level", &JsValue::from_f64(level))?;
    }
    Ok(out.into())
}

fn texts(value: &JsValue, what: &str) -> Result<Vec<Option<String>>, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    elements(value, what)?
        .iter()
        .map(|v| match cell(v)? {
            Cell::Text(t) if !t.trim().is_empty() => Ok(Some(t)),
            Cell::Number(n) => Ok(Some(format_number(n))),
            _ => Ok(None),
        })
        .collect()
}

fn futures_arg(value: &JsValue) -> Result<Vec<CustomerFuture>, JsError> {
    let ids = texts(&option(value, "ids"), "futures.ids")?;
    let names = texts(&option(value, "names"), "futures.names")?;
    let p_alive = numbers_arg(&option(value, "pAlive"), "futures.pAlive")?;
    let expected = numbers_arg(&option(value, "expected"), "futures.expected")?;
    let clv = numbers_arg(&option(value, "clv"), "futures.clv")?;
    let n = ids.len();
    if p_alive.len() != n
        || expected.len() != n
        || clv.len() != n
        || !(names.is_empty() || names.len() == n)
    {
        return Err(JsError::new(&format!(
            "futures: ids ({n}), names ({}), pAlive ({}), expected ({}) and clv ({}) differ in length",
            names.len(),
            p_alive.len(),
            expected.len(),
            clv.len()
        )));
    }
    Ok(ids
        .into_iter()
        .enumerate()
        .map(|(i, id)| CustomerFuture {
            key: id.unwrap_or_default(),
            name: names.get(i).cloned().flatten(),
            p_alive: p_alive.get(i).copied().unwrap_or(f64::NAN),
            expected: expected.get(i).copied().unwrap_or(f64::NAN),
            clv: clv.get(i).copied().unwrap_or(f64::NAN),
        })
        .collect())
}

fn joined_js(futures: &[CustomerFuture], j: &JoinResult) -> Result<JsValue, JsError> {
    let out = Object::new();
    let customer: Vec<i32> = j
        .customer
        .iter()
        .map(|c| c.and_then(|k| i32::try_from(k).ok()).unwrap_or(-1))
        .collect();
    set(
        &out,
        "customer",
        &js_sys::Int32Array::from(customer.as_slice()),
    )?;
    let status: Array = j
        .status
        .iter()
        .map(|s| JsValue::from_str(s.code()))
        .collect();
    set(&out, "status", &status)?;
    set(&out, "pAlive", &Float64Array::from(j.p_alive.as_slice()))?;
    set(&out, "expected", &Float64Array::from(j.expected.as_slice()))?;
    set(&out, "clv", &Float64Array::from(j.clv.as_slice()))?;
    set(
        &out,
        "futureScore",
        &Float64Array::from(j.future_score.as_slice()),
    )?;
    set(&out, "byId", &JsValue::from_f64(j.by_id as f64))?;
    set(&out, "byName", &JsValue::from_f64(j.by_name as f64))?;
    let unmatched: Array = j
        .unmatched_customers
        .iter()
        .filter_map(|&k| futures.get(k))
        .map(|f| JsValue::from_str(&f.key))
        .collect();
    set(&out, "unmatchedCustomers", &unmatched)?;
    Ok(out.into())
}

/// Joins per-customer futures (P(alive), expected purchases, CLV from the transaction log)
/// into an account list given as its ids and names: by id first, then by name (width, spaces
/// and case ignored; company suffixes kept; a key that is not unique matches nothing). The
/// CLV becomes a 0–100 future-value score by its percent rank among the matched rows.
#[wasm_bindgen(js_name = joinFutures, unchecked_return_type = "JoinedFutures")]
pub fn join_futures_js(
    #[wasm_bindgen(unchecked_param_type = "CustomerFutures")] futures: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AccountKeys")] accounts: JsValue,
) -> Result<JsValue, JsError> {
    let f = futures_arg(&futures)?;
    let ids = texts(&option(&accounts, "ids"), "accounts.ids")?;
    let names = texts(&option(&accounts, "names"), "accounts.names")?;
    if !ids.is_empty() && !names.is_empty() && ids.len() != names.len() {
        return Err(JsError::new(&format!(
            "accounts: ids ({}) and names ({}) differ in length",
            ids.len(),
            names.len()
        )));
    }
    let n = ids.len().max(names.len());
    let keys: Vec<(Option<&str>, Option<&str>)> = (0..n)
        .map(|i| {
            (
                ids.get(i).and_then(|s| s.as_deref()),
                names.get(i).and_then(|s| s.as_deref()),
            )
        })
        .collect();
    joined_js(&f, &join_keys(&f, &keys))
}

/// Which columns of a transaction log hold the customer id, name, date and amount, from
/// its header row (`客户编号`, `客户名称`, `交易日期`, `金额(元)`, `Customer ID`, `Date`, `Amount` …).
#[wasm_bindgen(js_name = transactionColumns, unchecked_return_type = "TransactionColumns")]
pub fn transaction_columns_js(
    #[wasm_bindgen(unchecked_param_type = "string[]")] headers: JsValue,
) -> Result<JsValue, JsError> {
    // Checked here, not by the glue: a wrong element type there is thrown through Rust.
    to_js(&transaction_columns(&strings_arg(&headers, "headers")?))
}

#[cfg(feature = "files")]
#[wasm_bindgen]
impl Sheet {
    /// `joinFutures` with this list's rows (their `id` and `name` fields as read).
    #[wasm_bindgen(js_name = joinFutures, unchecked_return_type = "JoinedFutures")]
    pub fn join_futures(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CustomerFutures")] futures: JsValue,
    ) -> Result<JsValue, JsError> {
        let f = futures_arg(&futures)?;
        joined_js(&f, &join_futures(&f, self.account_rows()))
    }
}
