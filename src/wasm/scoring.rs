//! Scoring exports: `parseValue`, `scoreAccount`, `scoreAccounts`, `scoreColumns`, `Scorer`,
//! `presetNames`, `presetModel`, `rfmScores`, `percentileRanks`.

use super::convert::{
    as_of, cell, cell_to_js, coded_error, err, model, model_core, numbers_arg, option,
    row_from_object, score_columns_object, strings_arg, text_arg, to_js,
};
use super::safe;
use crate::field::HeaderUnit;
use crate::field::{match_header, HeaderMatch};
use crate::model::presets::{preset_json, preset_names};
use crate::model::{CompiledModel, ModelError, ModelProblem, ProblemKind};
use crate::parse::{read_quantity, Dimension, ReadRules};
use crate::report::{computed_table, ReportOptions};
use crate::row::AccountRow;
use crate::row::{read_cell, Cell, ReadValue, Value};
use crate::score::batch::{percentile_normalise, rfm_quintiles, score_rows};
use crate::score::columns::{score_columns, Column, Columns};
use crate::score::score_row;
use crate::texts::{Label, Lang};
use js_sys::Reflect;
use js_sys::{Array, Float64Array, Object};
use wasm_bindgen::prelude::*;

/// The field a cell is read for, from its key; `None` when no key is given.
fn field_arg(field: &JsValue) -> Result<Option<crate::field::FieldId>, JsValue> {
    if field.is_undefined() || field.is_null() {
        return Ok(None);
    }
    let key = text_arg(field, "field")?;
    crate::field::by_key(&key).map(Some).ok_or_else(|| {
        coded_error(&Label::with_args(
            "value_error",
            "unknown_field",
            &[("field", &key)],
        ))
    })
}

/// Reads one cell's text as `field` reads it (converted into its unit), or as a number
/// without a field (units recognised, none converted).
fn read_value_core(
    text: &str,
    field: Option<crate::field::FieldId>,
    strict: bool,
) -> Result<Option<ReadValue>, JsValue> {
    let rules = ReadRules { strict };
    let read = match field {
        Some(f) => read_cell(f, HeaderUnit::NONE, &Cell::Text(text.to_string()), rules),
        None => read_quantity(text, Dimension::Any, rules).map(|r| {
            r.map(|r| ReadValue {
                value: Value::Number(r.value),
                marks: r.marks,
                unit: r.unit,
                foreign_currency: r.foreign_currency,
            })
        }),
    };
    read.map_err(|e| coded_error(&e.label()))
}

fn number_of(value: &Value) -> Result<f64, JsValue> {
    match value {
        Value::Number(v) => Ok(*v),
        Value::Date(d) => Ok(*d as f64),
        Value::Flag(b) => Ok(if *b { 1.0 } else { 0.0 }),
        Value::Text(_) => Err(coded_error(&Label::new("value_error", "not_numeric_field"))),
    }
}

/// Reads a number as people type it (`¥1.2万`, `3年`, `约100万`, `10-20万`, `一百二十万`); with a
/// field key, converted into that field's unit (`6个月` for `relationship_years` is 0.5).
/// NaN for an empty cell; throws an `Error` with `code`, `zh` and `en`.
#[wasm_bindgen(js_name = parseValue)]
pub fn parse_value(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string")] field: JsValue,
) -> Result<f64, JsValue> {
    let text = text_arg(&text, "text")?;
    match read_value_core(&text, field_arg(&field)?, false)? {
        None => Ok(f64::NAN),
        Some(r) => number_of(&r.value),
    }
}

#[derive(serde::Serialize)]
struct ValueOut {
    value: Option<f64>,
    unit: Option<&'static str>,
    marks: Vec<&'static str>,
    #[serde(rename = "foreignCurrency")]
    foreign_currency: bool,
}

/// As `parseValue`, with what the reading noticed: `{value, unit, marks}` where marks are
/// `"approximate"`, `"range"`, `"unit"`, `"numerals"`; `value` is null for an empty cell.
/// `options.strict` refuses approximate values and ranges.
#[wasm_bindgen(js_name = readValue, unchecked_return_type = "ReadValue")]
pub fn read_value(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string")] field: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "{strict?: boolean}")] options_in: JsValue,
) -> Result<JsValue, JsValue> {
    let text = text_arg(&text, "text")?;
    let strict = option(&options_in, "strict").as_bool().unwrap_or(false);
    let out = match read_value_core(&text, field_arg(&field)?, strict)? {
        None => ValueOut {
            value: None,
            unit: None,
            marks: Vec::new(),
            foreign_currency: false,
        },
        Some(r) => ValueOut {
            value: Some(number_of(&r.value)?),
            unit: r.unit,
            marks: r.marks.names(),
            foreign_currency: r.foreign_currency,
        },
    };
    Ok(to_js(&out)?)
}

/// Every field's label: `[{code, zh, en}]`, `code` being the field key.
#[wasm_bindgen(js_name = fieldLabels, unchecked_return_type = "Label[]")]
pub fn field_labels() -> Result<JsValue, JsError> {
    to_js(&crate::texts::field_labels().collect::<Vec<_>>())
}

/// The computed columns of a table given as rows of cells, header row first, as
/// `SCORE_TABLE` spills them: `{headers, rows}`. `options`: `{lang, asOf, fullPrecision}`.
#[wasm_bindgen(js_name = scoreTable, unchecked_return_type = "{headers: string[], rows: CellValue[][]}")]
pub fn score_table(
    #[wasm_bindgen(unchecked_param_type = "CellValue[][]")] table: JsValue,
    #[wasm_bindgen(js_name = "model", unchecked_optional_param_type = "ModelInput")]
    model_input: JsValue,
    #[wasm_bindgen(js_name = "options", unchecked_optional_param_type = "ReportOptions")]
    options_in: JsValue,
) -> Result<JsValue, JsError> {
    let m = model(&model_input)?;
    if !safe::is_array(&table)? {
        return Err(JsError::new(
            "the table must be an array of rows, header row first",
        ));
    }
    let rows_in = safe::items(&table)?;
    let header: Vec<String> = match rows_in.first() {
        Some(h) if safe::is_array(h)? => safe::items(h)?
            .iter()
            .map(|c| {
                c.as_string()
                    .or_else(|| c.as_f64().map(|v| v.to_string()))
                    .unwrap_or_default()
            })
            .collect(),
        _ => {
            return Err(JsError::new(
                "the first row of the table must be its header row",
            ))
        }
    };
    let matched: Vec<_> = header
        .iter()
        .map(|h| crate::field::match_header(h.trim()))
        .collect();
    let as_of_day = as_of(&option(&options_in, "asOf"))?;
    let mut rows = Vec::with_capacity(rows_in.len());
    for (i, r) in rows_in.iter().enumerate().skip(1) {
        let mut row = AccountRow::new();
        if safe::is_array(r)? {
            for (j, c) in safe::items(r)?.iter().enumerate().take(header.len()) {
                row.put_cell(&header[j], matched[j], &cell(c)?, Some(i + 1));
            }
        }
        row.derive_recency(as_of_day);
        rows.push(row);
    }
    let report = ReportOptions {
        lang: Lang::from_tag(&option(&options_in, "lang").as_string().unwrap_or_default()),
        full_precision: option(&options_in, "fullPrecision")
            .as_bool()
            .unwrap_or(false),
        as_of: Some(as_of_day),
    };
    let out = computed_table(&m, &rows, &report);
    let cells: Vec<Vec<JsValue>> = out
        .rows
        .iter()
        .map(|r| r.iter().map(cell_to_js).collect())
        .collect();
    let result = Object::new();
    let _ = Reflect::set(&result, &"headers".into(), &to_js(&out.headers)?);
    let rows_js: Array = cells
        .into_iter()
        .map(|r| r.into_iter().collect::<Array>())
        .collect();
    let _ = Reflect::set(&result, &"rows".into(), &rows_js);
    Ok(result.into())
}

/// Reads a date (`2026-03-15`, `2026/3/15`, `2026年3月15日`, an Excel serial) as an ISO text;
/// `undefined` for an empty cell; throws with the reason.
#[wasm_bindgen(js_name = parseDate)]
pub fn parse_date(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<Option<String>, JsError> {
    Ok(crate::parse::parse_date(&text_arg(&text, "text")?)
        .map_err(err)?
        .map(crate::parse::format_date))
}

fn prepared_row(
    row: &JsValue,
    options: &JsValue,
    row_number: Option<usize>,
) -> Result<AccountRow, JsError> {
    let mut r = row_from_object(row, row_number)?;
    r.derive_recency(as_of(&option(options, "asOf"))?);
    Ok(r)
}

/// Whether every number of a card is finite: then JSON carries it exactly.
fn card_is_finite(card: &crate::score::ScoreCard) -> bool {
    use crate::model::InputValue;
    let value = |v: &InputValue| !matches!(v, InputValue::Number(x) if !x.is_finite());
    let some = |x: Option<f64>| x.is_none_or(f64::is_finite);
    some(card.score)
        && card.coverage.is_finite()
        && card.factors.iter().all(|f| {
            f.input.as_ref().is_none_or(value)
                && some(f.sub_score)
                && [f.weight, f.share, f.points].iter().all(|x| x.is_finite())
                && f.inputs
                    .iter()
                    .all(|i| value(&i.value) && some(i.sub_score))
        })
        && card.next_tier.as_ref().is_none_or(|n| {
            n.threshold.is_finite()
                && n.gap.is_finite()
                && n.moves.iter().all(|m| {
                    value(&m.from)
                        && value(&m.to)
                        && [m.sub_score_from, m.sub_score_to, m.score_after]
                            .iter()
                            .all(|x| x.is_finite())
                })
        })
}

/// A score card for JavaScript: as JSON text parsed once by `JSON.parse` (one call instead
/// of one per property), the same object `to_js` builds; `to_js` itself when a number is
/// not finite (JSON has no NaN or Infinity).
fn card_to_js(card: &crate::score::ScoreCard) -> Result<JsValue, JsError> {
    if card_is_finite(card) {
        if let Ok(text) = serde_json::to_string(card) {
            if let Ok(v) = js_sys::JSON::parse(&text) {
                return Ok(v);
            }
        }
    }
    to_js(card)
}

/// Scores one row (an object keyed by field keys or header texts) with a preset name or a
/// model document (default `key_account`). `options.asOf` dates recency (default today).
#[wasm_bindgen(js_name = scoreAccount, unchecked_return_type = "ScoreCard")]
pub fn score_account(
    #[wasm_bindgen(unchecked_param_type = "Record<string, CellValue>")] row: JsValue,
    #[wasm_bindgen(js_name = "model", unchecked_optional_param_type = "ModelInput")]
    model_input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ScoreOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let m = model(&model_input)?;
    card_to_js(&score_row(&m, &prepared_row(&row, &options, None)?))
}

/// Scores a list of rows; one card per row, in order. `percentile` inputs rank within it.
#[wasm_bindgen(js_name = scoreAccounts, unchecked_return_type = "ScoreCard[]")]
pub fn score_accounts(
    #[wasm_bindgen(unchecked_param_type = "Record<string, CellValue>[]")] rows: JsValue,
    #[wasm_bindgen(js_name = "model", unchecked_optional_param_type = "ModelInput")]
    model_input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ScoreOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let m = model(&model_input)?;
    if !safe::is_array(&rows)? {
        return Err(JsError::new("rows must be an array of objects"));
    }
    let parsed: Result<Vec<AccountRow>, JsError> = safe::items(&rows)?
        .iter()
        .enumerate()
        .map(|(i, r)| prepared_row(r, &options, Some(i + 1)))
        .collect();
    to_js(&score_rows(&m, &parsed?))
}

/// ±Infinity is no value a list holds: refused with the row, never scored as a VIP.
fn finite_numbers(key: &str, numbers: Vec<f64>) -> Result<Column, JsError> {
    match numbers.iter().position(|v| v.is_infinite()) {
        Some(i) => Err(super::convert::coded_js_error(
            &crate::texts::Label::with_args(
                "value_error",
                "not_finite_in_column",
                &[("field", key), ("row", &i.to_string())],
            ),
        )),
        None => Ok(Column::Numbers(numbers)),
    }
}

fn column(key: &str, value: &JsValue) -> Result<Column, JsError> {
    safe::readable(value)?;
    if let Some(typed) = value.dyn_ref::<Float64Array>() {
        return finite_numbers(key, typed.to_vec());
    }
    if let Some(typed) = value.dyn_ref::<js_sys::Float32Array>() {
        return finite_numbers(key, typed.to_vec().into_iter().map(f64::from).collect());
    }
    if !safe::is_array(value)? {
        if value.is_object() && !js_sys::ArrayBuffer::is_view(value) && !value.is_function() {
            return coded_column(key, value);
        }
        return Err(JsError::new(&format!(
            "column \"{key}\" must be a Float64Array, an array or {{codes, values}}"
        )));
    }
    let array = safe::items(value)?;
    let mut numbers = Vec::with_capacity(array.len());
    let mut texts: Vec<Option<String>> = Vec::new();
    let mut is_text = false;
    for (i, v) in array.into_iter().enumerate() {
        if v.is_null() || v.is_undefined() {
            numbers.push(f64::NAN);
            texts.push(None);
        } else if let Some(n) = v.as_f64() {
            if is_text {
                texts.push(Some(crate::row::format_number(n)));
            }
            numbers.push(n);
        } else if let Some(s) = v.as_string() {
            if !is_text {
                is_text = true;
                texts = numbers
                    .iter()
                    .map(|n| (!n.is_nan()).then(|| crate::row::format_number(*n)))
                    .collect();
            }
            texts.push(Some(s));
        } else {
            return Err(JsError::new(&format!(
                "column \"{key}\", value {i}: expected a number, text or null"
            )));
        }
    }
    if is_text {
        Ok(Column::Texts(texts))
    } else {
        finite_numbers(key, numbers)
    }
}

/// A categorical column `{codes: Uint8Array | Uint16Array, values: (string | null)[]}`: each
/// row's code into the distinct values (a null value is missing). Read only through calls
/// that cannot throw (`Reflect`), so a hostile object is an error, not a trap.
fn coded_column(key: &str, value: &JsValue) -> Result<Column, JsError> {
    let bad = || {
        JsError::new(&format!(
            "column \"{key}\" as {{codes, values}}: codes must be a Uint8Array or Uint16Array and values an array of texts"
        ))
    };
    let codes_js = Reflect::get(value, &"codes".into()).map_err(|_| bad())?;
    let values_js = Reflect::get(value, &"values".into()).map_err(|_| bad())?;
    safe::readable(&codes_js)?;
    let codes: Vec<u32> = if let Some(c) = codes_js.dyn_ref::<js_sys::Uint8Array>() {
        c.to_vec().into_iter().map(u32::from).collect()
    } else if let Some(c) = codes_js.dyn_ref::<js_sys::Uint16Array>() {
        c.to_vec().into_iter().map(u32::from).collect()
    } else {
        return Err(bad());
    };
    if !safe::is_array(&values_js)? {
        return Err(bad());
    }
    let n = Reflect::get(&values_js, &"length".into())
        .ok()
        .and_then(|l| l.as_f64())
        .filter(|n| (0.0..=65_536.0).contains(n))
        .ok_or_else(bad)? as u32;
    let mut values = Vec::with_capacity(n as usize);
    for i in 0..n {
        let v = Reflect::get_u32(&values_js, i).map_err(|_| bad())?;
        values.push(if v.is_null() || v.is_undefined() {
            None
        } else if let Some(s) = v.as_string() {
            Some(s)
        } else if let Some(x) = v.as_f64() {
            Some(crate::row::format_number(x))
        } else {
            return Err(bad());
        });
    }
    Ok(Column::Codes { codes, values })
}

/// The columnar fast path: `{annual_purchase: Float64Array, credit_rating: string[], …}`
/// in the fields' own units (yuan, fractions); NaN or null is missing. Returns the scores
/// (NaN where none) and tier codes (0 none, 1 small, 2 ordinary, 3 important, 4 VIP).
/// A categorical column may come as `{codes: Uint8Array | Uint16Array, values: string[]}`
/// (each distinct text crosses once, and is scored once).
#[wasm_bindgen(js_name = scoreColumns, unchecked_return_type = "ScoreColumns")]
pub fn score_columns_js(
    #[wasm_bindgen(
        unchecked_param_type = "Record<string, Float64Array | ArrayLike<number | string | null> | {codes: Uint8Array | Uint16Array, values: (string | null)[]}>"
    )]
    columns: JsValue,
    #[wasm_bindgen(js_name = "model", unchecked_optional_param_type = "ModelInput")]
    model_input: JsValue,
) -> Result<JsValue, JsError> {
    let m = model(&model_input)?;
    if !columns.is_object() || safe::is_array(&columns)? || js_sys::ArrayBuffer::is_view(&columns) {
        return Err(JsError::new("columns must be an object of field → array"));
    }
    let mut list = Vec::new();
    for (key, value) in safe::entries(&columns, crate::field::FIELDS.len())? {
        let col = column(&key, &value)?;
        list.push((key, col));
    }
    let table = Columns::new(list).map_err(err)?;
    let (scores, tiers) = score_columns(&m, &table);
    score_columns_object(&scores, &tiers)
}

/// A scorer built once from a model and a header row, then called once per row: the path
/// for spreadsheet cells.
#[wasm_bindgen]
pub struct Scorer {
    model: CompiledModel,
    headers: Vec<(String, Option<HeaderMatch>)>,
    as_of: i64,
    subs: Vec<Option<f64>>,
    /// Whether the model reads recency (derived from the last order's date when given).
    reads_recency: bool,
    /// The row every `score` call reads into (its buffers kept between calls).
    row: AccountRow,
    /// Why the last `score` call gave no score.
    last: Option<crate::score::Evaluation>,
    /// Where `kam_pack_row` writes a row: the values, then each cell's kind (0 empty,
    /// 1 number, 3 text, 2 anything else, read on its own); never reallocated, so `view` stays on it until
    /// the memory grows (then the view is empty and is made again).
    pack: Vec<f64>,
    view: Option<Float64Array>,
}

// The row's cells in one call: numbers written straight into a buffer the scorer keeps, the
// other cells marked to be read one by one. It never throws (a throw from an import would
// unwind through Rust frames): a failure is a negative answer.
#[wasm_bindgen(inline_js = "export function kam_pack_row(values, view, n) {
  try {
    if (view.length < 2 * n) return -3;
    const len = values.length;
    for (let i = 0; i < n; i++) {
      const v = i < len ? values[i] : undefined;
      if (typeof v === 'number') { view[i] = v; view[n + i] = 1; }
      else view[n + i] = v === null || v === undefined ? 0 : typeof v === 'string' ? 3 : 2;
    }
    return 0;
  } catch (e) {
    return -2;
  }
}")]
extern "C" {
    fn kam_pack_row(values: &JsValue, view: &Float64Array, n: u32) -> i32;
}

/// Cell `i` of a row, read through a call that cannot throw.
fn read_cell_at(array: &JsValue, i: usize) -> Result<Cell, JsError> {
    let value = Reflect::get_u32(array, i as u32)
        .map_err(|_| JsError::new("a cell of the row cannot be read"))?;
    cell(&value)
}

#[wasm_bindgen]
impl Scorer {
    /// `model`: a preset name or model document (default `key_account`); `headers`: the
    /// header row, matched to fields by alias once (default: the field keys in `values`
    /// order are not known, so `score` then needs objects).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(js_name = "model", unchecked_optional_param_type = "ModelInput")]
        model_input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string[]")] headers: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ScoreOptions")] options: JsValue,
    ) -> Result<Scorer, JsError> {
        let model = model(&model_input)?.into_owned();
        let headers = if headers.is_undefined() || headers.is_null() {
            Vec::new()
        } else if safe::is_array(&headers)? {
            safe::items(&headers)?
                .iter()
                .map(|h| {
                    let text = h.as_string().unwrap_or_else(|| {
                        h.as_f64()
                            .map(crate::row::format_number)
                            .unwrap_or_default()
                    });
                    let matched = match_header(&text);
                    (text, matched)
                })
                .collect()
        } else {
            return Err(JsError::new("headers must be an array of header texts"));
        };
        let subs = Vec::with_capacity(model.factors.len());
        let reads_recency =
            crate::field::by_key("last_order_days").is_some_and(|f| model.fields().contains(&f));
        Ok(Scorer {
            model,
            headers,
            as_of: as_of(&option(&options, "asOf"))?,
            subs,
            reads_recency,
            row: AccountRow::new(),
            last: None,
            pack: Vec::new(),
            view: None,
        })
    }

    fn row(&self, values: &JsValue) -> Result<AccountRow, JsError> {
        if !safe::is_array(values)? {
            return row_from_object(values, None).map(|mut r| {
                r.derive_recency(self.as_of);
                r
            });
        }
        let mut row = AccountRow::new();
        for (i, (header, matched)) in self.headers.iter().enumerate() {
            // Through Reflect: a throwing getter at an index is an error, not an exception.
            let value = Reflect::get_u32(values, i as u32)
                .map_err(|_| JsError::new("a value of the row cannot be read"))?;
            row.put_cell(header, *matched, &cell(&value)?, None);
        }
        row.derive_recency(self.as_of);
        Ok(row)
    }

    /// Packs the row's cells into `pack` in one call; false when they must be read one by
    /// one (the call failed).
    fn pack_row(&mut self, array: &JsValue) -> bool {
        let n = self.headers.len();
        for _ in 0..2 {
            if self.pack.len() != 2 * n || self.view.is_none() {
                self.pack = vec![0.0; 2 * n];
                // SAFETY: `pack` is neither moved nor reallocated while the view lives: the
                // view is dropped and made again whenever `pack` is, and whenever the memory
                // has grown (the old view is then empty and `kam_pack_row` answers -3). Only
                // `kam_pack_row` writes through it, while `self` is borrowed mutably.
                self.view =
                    Some(unsafe { Float64Array::view_mut_raw(self.pack.as_mut_ptr(), 2 * n) });
            }
            let Some(view) = &self.view else { return false };
            match kam_pack_row(array, view, n as u32) {
                0 => return true,
                -3 => self.view = None,
                _ => return false,
            }
        }
        false
    }

    /// Reads values in header order into the kept row: the numbers in one call, the other
    /// cells one by one through a call that cannot throw.
    fn read_values(&mut self, array: &JsValue) -> Result<(), JsError> {
        let n = self.headers.len();
        let packed = self.pack_row(array);
        self.row.clear();
        for i in 0..n {
            let (header, matched) = &self.headers[i];
            let c = if packed {
                match self.pack[n + i] as u8 {
                    0 => Cell::Empty,
                    1 => Cell::Number(self.pack[i]),
                    3 => match Reflect::get_u32(array, i as u32).map(|v| v.as_string()) {
                        Ok(Some(text)) => Cell::Text(text),
                        _ => read_cell_at(array, i)?,
                    },
                    _ => read_cell_at(array, i)?,
                }
            } else {
                read_cell_at(array, i)?
            };
            if matched.is_some() {
                self.row.put_cell(header, *matched, &c, None);
            }
        }
        if self.reads_recency {
            self.row.derive_recency(self.as_of);
        }
        Ok(())
    }

    /// The score of one row of values in header order (or an object); NaN when there is
    /// none, and then `lastError()` says why.
    pub fn score(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "CellValue[] | Record<string, CellValue>")]
        values: JsValue,
    ) -> Result<f64, JsError> {
        self.last = None;
        if safe::is_array(&values)? {
            self.read_values(&values)?;
        } else {
            self.row = self.row(&values)?;
        }
        let eval = crate::score::evaluate(
            &self.model,
            &self.row,
            &crate::score::NoRanks,
            &mut self.subs,
            &mut crate::score::NoRecord,
        );
        self.last = Some(eval);
        Ok(eval.score_or_nan())
    }

    /// Why the last `score` call gave NaN: `"no_inputs"` or `"low_coverage"`; `undefined`
    /// after a score (or before any call, or after a call that threw).
    #[wasm_bindgen(js_name = lastError)]
    pub fn last_error(&self) -> Option<String> {
        let eval = self.last?;
        crate::score::no_score_reason(&self.model, &eval, &self.subs).map(|l| l.code)
    }

    /// As `lastError`, with the reason in both languages: `{code, zh, en}` (as a score
    /// card's `reason`), or `undefined`.
    #[wasm_bindgen(js_name = lastReason, unchecked_return_type = "Label | undefined")]
    pub fn last_reason(&self) -> Result<JsValue, JsError> {
        match self
            .last
            .and_then(|eval| crate::score::no_score_reason(&self.model, &eval, &self.subs))
        {
            Some(label) => to_js(&label),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// The full score card of one row.
    #[wasm_bindgen(js_name = scoreCard, unchecked_return_type = "ScoreCard")]
    pub fn score_card(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CellValue[] | Record<string, CellValue>")]
        values: JsValue,
    ) -> Result<JsValue, JsError> {
        card_to_js(&score_row(&self.model, &self.row(&values)?))
    }

    /// How each header was matched: `{header, field, scale, percent}` (field null if none).
    #[wasm_bindgen(unchecked_return_type = "HeaderMapping[]")]
    pub fn mapping(&self) -> Result<JsValue, JsError> {
        let list: Vec<HeaderMappingOut> = self
            .headers
            .iter()
            .map(|(h, m)| HeaderMappingOut {
                header: h.clone(),
                field: m.map(|m| m.field.key()),
                scale: m.map_or(1.0, |m| m.unit.scale),
                percent: m.is_some_and(|m| m.unit.percent),
            })
            .collect();
        to_js(&list)
    }
}

#[derive(serde::Serialize)]
struct HeaderMappingOut {
    header: String,
    field: Option<&'static str>,
    scale: f64,
    percent: bool,
}

/// How headers match fields: one entry per header.
#[wasm_bindgen(js_name = mapHeaders, unchecked_return_type = "HeaderMapping[]")]
pub fn map_headers(
    #[wasm_bindgen(unchecked_param_type = "string[]")] headers: JsValue,
) -> Result<JsValue, JsError> {
    let list: Vec<HeaderMappingOut> = strings_arg(&headers, "headers")?
        .into_iter()
        .map(|h| {
            let m = match_header(&h);
            HeaderMappingOut {
                field: m.map(|m| m.field.key()),
                scale: m.map_or(1.0, |m| m.unit.scale),
                percent: m.is_some_and(|m| m.unit.percent),
                header: h,
            }
        })
        .collect();
    to_js(&list)
}

/// The shipped presets' names, default first.
#[wasm_bindgen(js_name = presetNames)]
pub fn preset_names_js() -> Vec<String> {
    preset_names().into_iter().map(String::from).collect()
}

/// A preset's model document, to show, edit and pass back.
#[wasm_bindgen(js_name = presetModel, unchecked_return_type = "ModelDocument")]
pub fn preset_model(
    #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
) -> Result<JsValue, JsError> {
    let json = preset_json(&text_arg(&name, "name")?).map_err(err)?;
    js_sys::JSON::parse(json).map_err(|_| JsError::new("the preset is not valid JSON"))
}

/// One problem with a model, as `validateModel` returns it.
#[derive(serde::Serialize)]
struct ModelProblemOut {
    code: String,
    path: String,
    zh: String,
    en: String,
}

/// Checks a model (a document, its JSON text, or a preset name); returns every problem at
/// once, each `{code, path, zh, en}` (empty when it is valid). `null` is a document that is
/// not an object; left out, the default preset is meant, which is valid.
#[wasm_bindgen(js_name = validateModel, unchecked_return_type = "ModelProblem[]")]
pub fn validate_model(
    #[wasm_bindgen(js_name = "model", unchecked_optional_param_type = "ModelInput")]
    model_input: JsValue,
) -> Result<JsValue, JsError> {
    let checked = if model_input.is_null() {
        Err(ModelError::whole(ProblemKind::NotAnObject {
            found: "null",
        }))
    } else {
        model_core(&model_input).map(|_| ())
    };
    let problems: Vec<ModelProblem> = match checked {
        Ok(()) => Vec::new(),
        Err(ModelError::Invalid(problems)) => problems,
        Err(e @ ModelError::UnknownPreset(..)) => {
            let label = e.label();
            return to_js(&[ModelProblemOut {
                code: label.code,
                path: String::new(),
                zh: label.zh,
                en: label.en,
            }]);
        }
    };
    let out: Vec<ModelProblemOut> = problems
        .iter()
        .map(|p| {
            let label = p.label();
            ModelProblemOut {
                code: label.code,
                path: p.path.clone(),
                zh: label.zh,
                en: label.en,
            }
        })
        .collect();
    to_js(&out)
}

/// RFM quintiles over a list (recency in days, fewer is better) with the named segments.
#[wasm_bindgen(js_name = rfmScores, unchecked_return_type = "(RfmScore | null)[]")]
pub fn rfm_scores(
    #[wasm_bindgen(unchecked_param_type = "ArrayLike<number> | Float64Array")]
    recency_days: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ArrayLike<number> | Float64Array")] frequency: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ArrayLike<number> | Float64Array")] monetary: JsValue,
) -> Result<JsValue, JsError> {
    let recency_days = numbers_arg(&recency_days, "recencyDays")?;
    let frequency = numbers_arg(&frequency, "frequency")?;
    let monetary = numbers_arg(&monetary, "monetary")?;
    to_js(&rfm_quintiles(&recency_days, &frequency, &monetary).map_err(err)?)
}

/// Each value's percent rank 0–100 within the list; NaN stays NaN.
#[wasm_bindgen(js_name = percentileRanks)]
pub fn percentile_ranks(
    #[wasm_bindgen(unchecked_param_type = "ArrayLike<number> | Float64Array")] values: JsValue,
) -> Result<Vec<f64>, JsError> {
    Ok(percentile_normalise(&numbers_arg(&values, "values")?)
        .into_iter()
        .map(|p| p.unwrap_or(f64::NAN))
        .collect())
}
