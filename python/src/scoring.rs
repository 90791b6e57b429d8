//! Scoring, grades, presets and model checks.

use crate::arrow_io::{export, import, ArrowArray};
use crate::errors::{arrow, arrow_detail, labelled};
use arrow_array::cast::AsArray;
use arrow_array::types::UInt32Type;
use arrow_array::{Array, Float64Array, StringArray, UInt8Array};
use arrow_schema::DataType;
use kam_score::grades::tier::{value_tier, TierThresholds};
use kam_score::model::presets::{from_text, preset, preset_json, preset_names, DEFAULT_PRESET};
use kam_score::model::{CompiledModel, ModelError};
use kam_score::row::{AccountRow, Cell};
use kam_score::score::columns::{score_columns, Column, Columns, ColumnsError};
use kam_score::score::score_row;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::borrow::Cow;
use std::sync::Arc;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<ArrowArray>()?;
    m.add_function(wrap_pyfunction!(score_arrays, m)?)?;
    m.add_function(wrap_pyfunction!(score_header_arrays, m)?)?;
    m.add_function(wrap_pyfunction!(tier_codes, m)?)?;
    m.add_function(wrap_pyfunction!(preset_names_py, m)?)?;
    m.add_function(wrap_pyfunction!(field_keys, m)?)?;
    m.add_function(wrap_pyfunction!(preset_model_json, m)?)?;
    m.add_function(wrap_pyfunction!(validate_model_json, m)?)?;
    Ok(())
}

/// A model from its JSON text or a preset name; `None` is the default preset.
pub(crate) fn model(text: Option<&str>) -> PyResult<Cow<'static, CompiledModel>> {
    match text {
        None => preset(DEFAULT_PRESET)
            .map(Cow::Borrowed)
            .map_err(|e| labelled(&e.label())),
        Some(t) => from_text(t).map_err(|e| model_error(&e)),
    }
}

fn model_error(e: &ModelError) -> PyErr {
    let err = labelled(&e.label());
    Python::with_gil(|py| {
        let problems: Vec<(String, String, String, String)> = e
            .problems()
            .iter()
            .map(|p| {
                let l = p.label();
                (l.code, p.path.clone(), l.zh, l.en)
            })
            .collect();
        let _ = err.value(py).setattr("problems", problems);
    });
    err
}

/// One Arrow column as the core's column: float64 numbers (null is missing), utf8 texts, or
/// a dictionary of uint32 codes over utf8 values (each distinct text scored once).
fn column(name: &str, obj: &Bound<'_, PyAny>) -> PyResult<Column> {
    let array = import(obj, name)?;
    let bad = |t: &DataType| {
        arrow(
            "unsupported_column_type",
            &[
                ("column", name),
                ("type", &t.to_string()),
                ("types", "float64, utf8, dictionary<uint32, utf8>"),
            ],
        )
    };
    match array.data_type() {
        DataType::Float64 => {
            let a = array.as_primitive::<arrow_array::types::Float64Type>();
            Ok(Column::Numbers(
                (0..a.len())
                    .map(|i| if a.is_null(i) { f64::NAN } else { a.value(i) })
                    .collect(),
            ))
        }
        DataType::Utf8 => {
            let a = array.as_string::<i32>();
            Ok(Column::Texts(
                a.iter().map(|v| v.map(str::to_string)).collect(),
            ))
        }
        DataType::LargeUtf8 => {
            let a = array.as_string::<i64>();
            Ok(Column::Texts(
                a.iter().map(|v| v.map(str::to_string)).collect(),
            ))
        }
        DataType::Dictionary(key, value)
            if **key == DataType::UInt32 && **value == DataType::Utf8 =>
        {
            let d = array.as_dictionary::<UInt32Type>();
            let values = d.values().as_string::<i32>();
            let mut texts: Vec<Option<String>> =
                values.iter().map(|v| v.map(str::to_string)).collect();
            // A null key is a missing value: it points one past the dictionary, at None.
            let missing = texts.len() as u32;
            texts.push(None);
            let keys = d.keys();
            let codes = (0..keys.len())
                .map(|i| {
                    if keys.is_null(i) {
                        missing
                    } else {
                        keys.value(i)
                    }
                })
                .collect();
            Ok(Column::Codes {
                codes,
                values: texts,
            })
        }
        t => Err(bad(t)),
    }
}

/// Scores named Arrow columns with a model: (scores as float64, null where none; tier codes
/// as uint8, 0 none, 1 small, 2 ordinary, 3 important, 4 VIP).
#[pyfunction]
#[pyo3(signature = (names, arrays, model_text=None))]
fn score_arrays(
    py: Python<'_>,
    names: Vec<String>,
    arrays: Vec<Bound<'_, PyAny>>,
    model_text: Option<String>,
) -> PyResult<(ArrowArray, ArrowArray)> {
    let m = model(model_text.as_deref())?;
    let mut list = Vec::with_capacity(names.len());
    for (name, obj) in names.into_iter().zip(&arrays) {
        let col = column(&name, obj)?;
        list.push((name, col));
    }
    let table = Columns::new(list).map_err(|e| columns_error(&e))?;
    let (scores, tiers) = py.allow_threads(|| score_columns(&m, &table));
    let scores: Float64Array = scores
        .into_iter()
        .map(|s| (!s.is_nan()).then_some(s))
        .collect();
    Ok((
        export(Arc::new(scores)),
        export(Arc::new(UInt8Array::from(tiers))),
    ))
}

/// The columns' error, under the code `bad_columns` every column error of
/// `score_columns` has, with the texts of its kind.
fn columns_error(e: &ColumnsError) -> PyErr {
    let err = match e {
        ColumnsError::UnknownField(key) => arrow("unknown_field", &[("column", key)]),
        ColumnsError::LengthMismatch {
            field,
            len,
            expected,
        } => length_mismatch(field, *len, *expected),
        ColumnsError::CodeOutOfRange {
            field,
            row,
            code,
            values,
        } => arrow(
            "code_out_of_range",
            &[
                ("column", field),
                ("row", &row.to_string()),
                ("code", &code.to_string()),
                ("values", &values.to_string()),
            ],
        ),
    };
    Python::with_gil(|py| {
        let _ = err.value(py).setattr("code", "bad_columns");
    });
    err
}

/// A column whose length is not the first column's.
pub(crate) fn length_mismatch(column: &str, count: usize, rows: usize) -> PyErr {
    arrow(
        "length_mismatch",
        &[
            ("column", column),
            ("count", &count.to_string()),
            ("rows", &rows.to_string()),
        ],
    )
}

/// One Arrow column as spreadsheet cells: numbers, texts (read by the core's parsers, units
/// and all), booleans; null is an empty cell.
pub(crate) fn cells(name: &str, obj: &Bound<'_, PyAny>) -> PyResult<Vec<Cell>> {
    let array = import(obj, name)?;
    let n = array.len();
    match array.data_type() {
        DataType::Float64 => {
            let a = array.as_primitive::<arrow_array::types::Float64Type>();
            Ok((0..n)
                .map(|i| {
                    if a.is_null(i) {
                        Cell::Empty
                    } else {
                        Cell::Number(a.value(i))
                    }
                })
                .collect())
        }
        DataType::Utf8 => {
            let a = array.as_string::<i32>();
            Ok(a.iter()
                .map(|v| v.map_or(Cell::Empty, |t| Cell::Text(t.to_string())))
                .collect())
        }
        DataType::Boolean => {
            let a = array.as_boolean();
            Ok((0..n)
                .map(|i| {
                    if a.is_null(i) {
                        Cell::Empty
                    } else {
                        Cell::Bool(a.value(i))
                    }
                })
                .collect())
        }
        t => Err(arrow(
            "unsupported_column_type",
            &[
                ("column", name),
                ("type", &t.to_string()),
                ("types", "float64, utf8, boolean"),
            ],
        )),
    }
}

/// Scores a table whose column names are headers as a spreadsheet has them (`年采购额(万元)`,
/// `Annual purchase`) and whose cells are numbers or texts in any unit the core reads:
/// (scores, null where none; tier codes; coverage).
#[pyfunction]
#[pyo3(signature = (headers, arrays, model_text=None))]
fn score_header_arrays(
    py: Python<'_>,
    headers: Vec<String>,
    arrays: Vec<Bound<'_, PyAny>>,
    model_text: Option<String>,
) -> PyResult<(ArrowArray, ArrowArray, ArrowArray)> {
    let m = model(model_text.as_deref())?;
    let columns = headers
        .iter()
        .zip(&arrays)
        .map(|(h, a)| cells(h, a))
        .collect::<PyResult<Vec<_>>>()?;
    let rows = columns.first().map_or(0, Vec::len);
    if let Some((h, c)) = headers.iter().zip(&columns).find(|(_, c)| c.len() != rows) {
        return Err(length_mismatch(h, c.len(), rows));
    }
    let cards: Vec<_> = py.allow_threads(|| {
        (0..rows)
            .map(|i| {
                let pairs = headers
                    .iter()
                    .zip(&columns)
                    .map(|(h, c)| (h.as_str(), c[i].clone()));
                score_row(&m, &AccountRow::from_pairs(pairs, Some(i + 1)))
            })
            .collect()
    });
    let scores: Float64Array = cards.iter().map(|c| c.score).collect();
    let coverage: Float64Array = cards.iter().map(|c| Some(c.coverage)).collect();
    let tiers: StringArray = cards
        .iter()
        .map(|c| c.tier.as_ref().map(|t| t.code.clone()))
        .collect();
    Ok((
        export(Arc::new(scores)),
        export(Arc::new(tiers)),
        export(Arc::new(coverage)),
    ))
}

/// The value tier of each score (VIP > 80, important > 60, ordinary > 40, small by default):
/// its code, null where there is no score.
#[pyfunction]
#[pyo3(signature = (scores, vip=None, important=None, ordinary=None))]
fn tier_codes(
    scores: Bound<'_, PyAny>,
    vip: Option<f64>,
    important: Option<f64>,
    ordinary: Option<f64>,
) -> PyResult<ArrowArray> {
    let array = import(&scores, "scores")?;
    let Some(a) = array.as_primitive_opt::<arrow_array::types::Float64Type>() else {
        return Err(arrow(
            "bad_column",
            &[("what", "scores"), ("type", "float64")],
        ));
    };
    let mut t = TierThresholds::default();
    t.vip = vip.unwrap_or(t.vip);
    t.important = important.unwrap_or(t.important);
    t.ordinary = ordinary.unwrap_or(t.ordinary);
    if let Some(problem) = t.problems().into_iter().next() {
        return Err(arrow_detail("bad_thresholds", problem));
    }
    let codes: StringArray = (0..a.len())
        .map(|i| {
            let s = if a.is_null(i) { f64::NAN } else { a.value(i) };
            value_tier(s, &t).map(|tier| tier.label().code)
        })
        .collect();
    Ok(export(Arc::new(codes)))
}

/// The keys of every field a model can read, the column names `score_arrays` takes.
#[pyfunction]
fn field_keys() -> Vec<&'static str> {
    kam_score::field::FIELDS.iter().map(|f| f.key).collect()
}

#[pyfunction(name = "preset_names")]
fn preset_names_py() -> Vec<String> {
    preset_names().into_iter().map(String::from).collect()
}

/// A preset's model document as JSON text.
#[pyfunction]
fn preset_model_json(name: &str) -> PyResult<String> {
    preset_json(name)
        .map(str::to_string)
        .map_err(|e| labelled(&e.label()))
}

/// Every problem of a model (JSON text or a preset name), each {code, path, zh, en}.
#[pyfunction]
fn validate_model_json<'py>(py: Python<'py>, text: &str) -> PyResult<Vec<Bound<'py, PyDict>>> {
    let problems = match from_text(text) {
        Ok(_) => return Ok(Vec::new()),
        Err(e) => e,
    };
    let mut out = Vec::new();
    let mut push = |code: String, path: String, zh: String, en: String| -> PyResult<()> {
        let d = PyDict::new(py);
        d.set_item("code", code)?;
        d.set_item("path", path)?;
        d.set_item("zh", zh)?;
        d.set_item("en", en)?;
        out.push(d);
        Ok(())
    };
    if problems.problems().is_empty() {
        let l = problems.label();
        push(l.code, String::new(), l.zh, l.en)?;
    }
    for p in problems.problems() {
        let l = p.label();
        push(l.code, p.path.clone(), l.zh, l.en)?;
    }
    Ok(out)
}
