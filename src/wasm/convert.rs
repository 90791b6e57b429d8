//! Conversions between JavaScript values and the core's types.

use super::safe::{entries, is_array, items, readable};
use crate::model::presets::{preset, DEFAULT_PRESET};
use crate::model::{CompiledModel, Model, ModelError, ProblemKind};
use crate::row::{AccountRow, Cell};
use js_sys::{Array, Object, Reflect};
use serde::Serialize;
use std::borrow::Cow;
use wasm_bindgen::{JsCast, JsError, JsValue};

/// Serialises a result for JavaScript: plain objects, `null` for none.
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// A JavaScript cell value as a core cell.
pub fn cell(value: &JsValue) -> Result<Cell, JsError> {
    readable(value)?;
    if value.is_undefined() || value.is_null() {
        Ok(Cell::Empty)
    } else if let Some(v) = value.as_f64() {
        Ok(Cell::Number(v))
    } else if let Some(s) = value.as_string() {
        Ok(Cell::Text(s))
    } else if let Some(b) = value.as_bool() {
        Ok(Cell::Bool(b))
    } else if let Some(d) = value.dyn_ref::<js_sys::Date>() {
        // A Date cell becomes its Excel serial, which date fields read.
        Ok(Cell::Number(d.get_time() / 86_400_000.0 + 25_569.0))
    } else {
        Err(JsError::new(
            "a cell must be a number, text, true/false, a Date, or empty",
        ))
    }
}

/// A core cell as a JavaScript value (`null` for empty).
pub fn cell_to_js(c: &Cell) -> JsValue {
    match c {
        Cell::Empty => JsValue::NULL,
        Cell::Number(n) => JsValue::from_f64(*n),
        Cell::Text(t) => JsValue::from_str(t),
        Cell::Bool(b) => JsValue::from_bool(*b),
    }
}

/// A row given as an object whose keys are field keys or header texts.
pub fn row_from_object(row: &JsValue, row_number: Option<usize>) -> Result<AccountRow, JsError> {
    if !row.is_object() || is_array(row)? || js_sys::ArrayBuffer::is_view(row) || row.is_function()
    {
        return Err(JsError::new(
            "a row must be an object such as {\"客户名称\": \"甲公司\", \"年采购额\": \"¥120万\"}",
        ));
    }
    // Each key and value through Reflect: a throwing getter or Proxy is an error here.
    let entries = entries(row, crate::sheets::Limits::default().max_columns)?;
    let mut pairs = Vec::with_capacity(entries.len());
    for (key, value) in entries {
        pairs.push((key, cell(&value)?));
    }
    Ok(AccountRow::from_pairs(
        pairs.iter().map(|(k, c)| (k.as_str(), c.clone())),
        row_number,
    ))
}

/// A model given as nothing (the default preset), a preset name, JSON text, or an object.
pub fn model_core(value: &JsValue) -> Result<Cow<'static, CompiledModel>, ModelError> {
    if value.is_undefined() || value.is_null() {
        return preset(DEFAULT_PRESET).map(Cow::Borrowed);
    }
    if let Some(s) = value.as_string() {
        return crate::model::presets::from_text(&s);
    }
    if readable(value).is_err() {
        return Err(ModelError::whole(ProblemKind::NotReadable));
    }
    if value.is_object() && !Array::is_array(value) && !js_sys::ArrayBuffer::is_view(value) {
        let json = stringify(value).ok_or_else(|| ModelError::whole(ProblemKind::NotJsonable))?;
        return Model::from_json(&json).map(Cow::Owned);
    }
    Err(ModelError::whole(ProblemKind::NotAModelInput))
}

/// As [`model_core`], with the error as a JS error (see [`model_error`]).
pub fn model(value: &JsValue) -> Result<Cow<'static, CompiledModel>, JsError> {
    model_core(value).map_err(|e| model_error(&e))
}

/// A model error as a JS `Error`: the English list as its message, `code` (`invalid_model`,
/// `unknown_preset`), `zh`, `en`, and `problems` as `validateModel` gives them.
pub fn model_error(e: &ModelError) -> JsError {
    let error = coded_js_error(&e.label());
    let problems: Vec<crate::texts::Label> = e.problems().iter().map(|p| p.label()).collect();
    let list = Array::new();
    for (problem, label) in e.problems().iter().zip(&problems) {
        let item = Object::new();
        for (key, value) in [
            ("code", &label.code),
            ("path", &problem.path),
            ("zh", &label.zh),
            ("en", &label.en),
        ] {
            let _ = Reflect::set(&item, &JsValue::from_str(key), &JsValue::from_str(value));
        }
        list.push(&item);
    }
    let value: JsValue = error.clone().into();
    let _ = Reflect::set(&value, &JsValue::from_str("problems"), &list);
    error
}

/// Today as days since 1970-01-01, in the user's clock.
pub fn today() -> i64 {
    (js_sys::Date::now() / 86_400_000.0).floor() as i64
}

/// A day given as an ISO date text, a `Date`, or left out (today).
pub fn as_of(value: &JsValue) -> Result<i64, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(today());
    }
    readable(value)?;
    if let Some(d) = value.dyn_ref::<js_sys::Date>() {
        return Ok((d.get_time() / 86_400_000.0).floor() as i64);
    }
    let text = value
        .as_string()
        .ok_or_else(|| JsError::new("asOf must be a date such as \"2026-03-15\""))?;
    crate::parse::parse_date(&text)
        .map_err(err)?
        .ok_or_else(|| JsError::new("asOf is empty"))
}

/// A property of an options object, if the object and the property exist.
pub fn option(options: &JsValue, name: &str) -> JsValue {
    if options.is_object() {
        Reflect::get(options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

/// A JS `Error` whose message is the English text, with `code`, `zh` and `en` properties.
pub fn coded_error(label: &crate::texts::Label) -> JsValue {
    let e = js_sys::Error::new(&label.en);
    for (key, value) in [("code", &label.code), ("zh", &label.zh), ("en", &label.en)] {
        let _ = Reflect::set(&e, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    e.into()
}

/// As [`coded_error`], as a `JsError` for exports that return one: the properties are set on
/// the very object the `JsError` throws (a clone of a `JsValue` is the same JS object).
pub fn coded_js_error(label: &crate::texts::Label) -> JsError {
    let error = JsError::new(&label.en);
    let value: JsValue = error.clone().into();
    for (key, text) in [("code", &label.code), ("zh", &label.zh), ("en", &label.en)] {
        let _ = Reflect::set(&value, &JsValue::from_str(key), &JsValue::from_str(text));
    }
    error
}

/// A CLV error as a JS error with its stable `code` and its `zh` and `en` texts.
pub fn coded<E: crate::clv::labels::ErrorLabel>(e: E) -> JsError {
    coded_js_error(&e.error_label())
}

/// Any core error as a JS error with its message.
pub fn err<E: std::fmt::Display>(e: E) -> JsError {
    JsError::new(&e.to_string())
}

/// An options object read into a core options struct (camelCase keys; unknown keys are an
/// error); left out gives the defaults.
pub fn options<T: serde::de::DeserializeOwned + Default>(
    value: &JsValue,
    what: &str,
) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    if !value.is_object() || is_array(value)? || js_sys::ArrayBuffer::is_view(value) {
        return Err(JsError::new(&format!("{what} must be an object")));
    }
    let json = json_value(value)?;
    serde_json::from_value(json).map_err(|e| JsError::new(&format!("{what}: {e}")))
}

/// A JavaScript value as JSON (via `JSON.stringify`).
pub fn json_value(value: &JsValue) -> Result<serde_json::Value, JsError> {
    readable(value)?;
    // A typed array would become an object with one key per element: refuse it up front.
    if js_sys::ArrayBuffer::is_view(value) || value.is_function() {
        return Err(JsError::new(
            "expected an object or a list, not binary data",
        ));
    }
    let text =
        stringify(value).ok_or_else(|| JsError::new("the value cannot be turned into JSON"))?;
    serde_json::from_str(&text).map_err(err)
}

/// `JSON.stringify`, or `None` when it throws (cycles, BigInt, too deep) or gives `undefined`
/// (a function, a symbol).
fn stringify(value: &JsValue) -> Option<String> {
    js_sys::JSON::stringify(value).ok()?.as_string()
}

/// A cell as text, for functions that read codes (a letter, a status, a tier).
pub fn cell_text(value: &JsValue) -> String {
    match cell(value) {
        Ok(Cell::Text(s)) => s,
        Ok(Cell::Number(n)) => crate::row::format_number(n),
        Ok(Cell::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

/// A list of rows given as objects, from any JavaScript value: anything but an array is an
/// error here, before any of its properties is read (reading `length` of `undefined` would
/// throw through Rust frames).
pub fn rows_arg(rows: &JsValue) -> Result<Vec<AccountRow>, JsError> {
    if !is_array(rows)? {
        return Err(JsError::new(
            "rows must be an array of objects such as [{\"客户名称\": \"甲公司\"}]",
        ));
    }
    items(rows)?
        .iter()
        .enumerate()
        .map(|(i, r)| row_from_object(r, Some(i + 1)))
        .collect()
}

// Arguments arrive as `JsValue` and are checked here: wasm-bindgen's glue does not check a
// `&str`, `&[u8]` or `Vec<f64>` argument's type, and the wrong type there traps the module.

/// A text argument (a number is taken as its text).
pub fn text_arg(value: &JsValue, what: &str) -> Result<String, JsError> {
    if let Some(s) = value.as_string() {
        Ok(s)
    } else if let Some(n) = value.as_f64() {
        Ok(crate::row::format_number(n))
    } else {
        Err(JsError::new(&format!("{what} must be text")))
    }
}

/// An optional text argument: `undefined` or `null` is none.
pub fn optional_text_arg(value: &JsValue, what: &str) -> Result<Option<String>, JsError> {
    if value.is_undefined() || value.is_null() {
        Ok(None)
    } else {
        text_arg(value, what).map(Some)
    }
}

/// A list of texts.
pub fn strings_arg(value: &JsValue, what: &str) -> Result<Vec<String>, JsError> {
    if !is_array(value)? {
        return Err(JsError::new(&format!("{what} must be an array of texts")));
    }
    items(value)?.iter().map(|v| text_arg(v, what)).collect()
}

/// A list of numbers: a `Float64Array`, or an array of numbers, numeric texts (`"¥1.2万"`)
/// and empty cells (NaN).
pub fn numbers_arg(value: &JsValue, what: &str) -> Result<Vec<f64>, JsError> {
    readable(value)?;
    if let Some(typed) = value.dyn_ref::<js_sys::Float64Array>() {
        return Ok(typed.to_vec());
    }
    // Other typed arrays copied in one call each, then widened.
    if let Some(typed) = value.dyn_ref::<js_sys::Int32Array>() {
        return Ok(typed.to_vec().into_iter().map(f64::from).collect());
    }
    if let Some(typed) = value.dyn_ref::<js_sys::Uint32Array>() {
        return Ok(typed.to_vec().into_iter().map(f64::from).collect());
    }
    if let Some(typed) = value.dyn_ref::<js_sys::Float32Array>() {
        return Ok(typed.to_vec().into_iter().map(f64::from).collect());
    }
    // Any array-like (an array, another typed array), up to a length that fits in memory.
    let length = if value.is_object() && !value.is_function() {
        js_sys::Reflect::get(value, &"length".into())
            .ok()
            .and_then(|l| l.as_f64())
    } else {
        None
    };
    match length {
        Some(n) if (0.0..=50_000_000.0).contains(&n) => {}
        _ => return Err(JsError::new(&format!("{what} must be an array of numbers"))),
    }
    items(value)?
        .iter()
        .map(|v| match cell(v)? {
            Cell::Empty => Ok(f64::NAN),
            Cell::Number(n) => Ok(n),
            Cell::Text(t) => Ok(crate::parse::parse_number(&t)
                .ok()
                .flatten()
                .map_or(f64::NAN, |n| n.value)),
            Cell::Bool(_) => Ok(f64::NAN),
        })
        .collect()
}

/// File contents: a `Uint8Array` or an `ArrayBuffer`.
#[cfg(feature = "files")]
pub fn bytes_arg(value: &JsValue, what: &str) -> Result<Vec<u8>, JsError> {
    readable(value)?;
    if let Some(a) = value.dyn_ref::<js_sys::Uint8Array>() {
        Ok(a.to_vec())
    } else if let Some(b) = value.dyn_ref::<js_sys::ArrayBuffer>() {
        Ok(js_sys::Uint8Array::new(b).to_vec())
    } else {
        Err(JsError::new(&format!(
            "{what} must be a Uint8Array or an ArrayBuffer"
        )))
    }
}

/// Scores and tier codes as `{score: Float64Array, tier: Uint8Array}`.
pub fn score_columns_object(scores: &[f64], tiers: &[u8]) -> Result<JsValue, JsError> {
    let out = Object::new();
    let set = |key: &str, value: &JsValue| {
        Reflect::set(&out, &key.into(), value).map_err(|_| JsError::new("cannot build the result"))
    };
    set("score", &js_sys::Float64Array::from(scores))?;
    set("tier", &js_sys::Uint8Array::from(tiers))?;
    Ok(out.into())
}
