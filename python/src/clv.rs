//! CLV: the RFM summary of a transaction table, BG/NBD, Pareto/NBD and Gamma-Gamma fits,
//! predictions and customer lifetime value.

use crate::arrow_io::{export, import, ArrowArray};
use crate::errors::{arrow, clv};
use arrow_array::cast::AsArray;
use arrow_array::types::Float64Type;
use arrow_array::{Array, Float64Array, StringArray};
use kam_score::clv::gamma_gamma::{self, GammaGammaOptions};
use kam_score::clv::summary::{parse_transaction_date, summarize_rows};
use kam_score::clv::{bgnbd, customer_lifetime_values, pareto_nbd};
use kam_score::clv::{BgNbdParams, ClvOptions, GammaGammaParams, ParetoNbdParams, Rft};
use kam_score::clv::{SummaryOptions, TimeUnit};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::sync::Arc;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(rfm_summary_arrays, m)?)?;
    m.add_function(wrap_pyfunction!(fit_bg_nbd_arrays, m)?)?;
    m.add_function(wrap_pyfunction!(fit_pareto_nbd_arrays, m)?)?;
    m.add_function(wrap_pyfunction!(fit_gamma_gamma_arrays, m)?)?;
    m.add_function(wrap_pyfunction!(bg_nbd_predict_arrays, m)?)?;
    m.add_function(wrap_pyfunction!(pareto_nbd_predict_arrays, m)?)?;
    m.add_function(wrap_pyfunction!(clv_arrays, m)?)?;
    Ok(())
}

fn numbers(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<f64>> {
    let array = import(obj, what)?;
    let Some(a) = array.as_primitive_opt::<Float64Type>() else {
        return Err(arrow("bad_column", &[("what", what), ("type", "float64")]));
    };
    if a.null_count() > 0 {
        return Err(arrow("missing_value", &[("what", what)]));
    }
    Ok(a.values().to_vec())
}

/// The (frequency, recency, T) columns of a summary, read once and lent to the core as [`Rft`].
struct RftColumns {
    frequency: Vec<f64>,
    recency: Vec<f64>,
    t: Vec<f64>,
}

impl RftColumns {
    fn read(
        frequency: &Bound<'_, PyAny>,
        recency: &Bound<'_, PyAny>,
        t: &Bound<'_, PyAny>,
    ) -> PyResult<RftColumns> {
        Ok(RftColumns {
            frequency: numbers(frequency, "frequency")?,
            recency: numbers(recency, "recency")?,
            t: numbers(t, "T")?,
        })
    }

    fn rft(&self) -> Rft<'_> {
        Rft {
            frequency: &self.frequency,
            recency: &self.recency,
            t: &self.t,
        }
    }
}

fn texts(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<Option<String>>> {
    let array = import(obj, what)?;
    let Some(a) = array.as_string_opt::<i32>() else {
        return Err(arrow("bad_column", &[("what", what), ("type", "utf8")]));
    };
    Ok(a.iter().map(|v| v.map(str::to_string)).collect())
}

fn floats(v: Vec<f64>) -> ArrowArray {
    export(Arc::new(Float64Array::from(v)))
}

fn unit(text: &str) -> PyResult<TimeUnit> {
    TimeUnit::parse(text).ok_or_else(|| arrow("bad_unit", &[("unit", text)]))
}

fn day(text: &str, what: &str) -> PyResult<i64> {
    parse_transaction_date(text).map_err(|_| arrow("bad_date", &[("what", what), ("text", text)]))
}

/// Per customer from a transaction log (ids, dates and amounts as text): frequency, recency,
/// T, mean repeat spend (and the holdout columns with a calibration end), the rows after the
/// end, and every row that could not be read.
#[pyfunction]
#[pyo3(signature = (ids, dates, amounts, end, unit_text="week", calibration_end=None))]
fn rfm_summary_arrays<'py>(
    py: Python<'py>,
    ids: Bound<'py, PyAny>,
    dates: Bound<'py, PyAny>,
    amounts: Bound<'py, PyAny>,
    end: &str,
    unit_text: &str,
    calibration_end: Option<&str>,
) -> PyResult<Bound<'py, PyDict>> {
    let ids = texts(&ids, "ids")?;
    let dates = texts(&dates, "dates")?;
    let amounts = texts(&amounts, "amounts")?;
    for (what, len) in [("dates", dates.len()), ("amounts", amounts.len())] {
        if len != ids.len() {
            return Err(crate::scoring::length_mismatch(what, len, ids.len()));
        }
    }
    let options = SummaryOptions {
        unit: unit(unit_text)?,
        end: day(end, "end")?,
        calibration_end: calibration_end
            .map(|c| day(c, "calibration_end"))
            .transpose()?,
    };
    let summary = py
        .allow_threads(|| {
            let rows = ids.iter().zip(&dates).zip(&amounts).map(|((i, d), a)| {
                (
                    i.as_deref().unwrap_or(""),
                    d.as_deref().unwrap_or(""),
                    a.as_deref().unwrap_or(""),
                )
            });
            summarize_rows(rows, &options)
        })
        .map_err(|e| clv("bad_summary", e))?;
    let c = &summary.customers;
    let out = PyDict::new(py);
    let id_array: StringArray = c.iter().map(|s| Some(s.id.as_str())).collect();
    out.set_item("ids", export(Arc::new(id_array)))?;
    let (x, tx, t, m) = summary.columns();
    out.set_item("frequency", floats(x))?;
    out.set_item("recency", floats(tx))?;
    out.set_item("T", floats(t))?;
    out.set_item("monetary", floats(m))?;
    if options.calibration_end.is_some() {
        let h = c
            .iter()
            .map(|s| s.frequency_holdout.unwrap_or(0.0))
            .collect();
        out.set_item("frequency_holdout", floats(h))?;
        let d = c
            .iter()
            .map(|s| s.duration_holdout.unwrap_or(0.0))
            .collect();
        out.set_item("duration_holdout", floats(d))?;
    }
    out.set_item("after_end", summary.after_end)?;
    out.set_item("holdout_only", summary.holdout_only)?;
    let errors: Vec<(usize, &str, String, String)> = summary
        .errors
        .iter()
        .map(|e| (e.row, e.column, e.text.clone(), e.message.clone()))
        .collect();
    out.set_item("errors", errors)?;
    Ok(out)
}

fn fit_dict<'py, const N: usize>(
    py: Python<'py>,
    params: &[(&str, f64)],
    std_errors: &[f64],
    log_likelihood: f64,
    covariance: &[[f64; N]; N],
    customers: usize,
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    let se = PyDict::new(py);
    for ((k, v), s) in params.iter().zip(std_errors) {
        d.set_item(*k, *v)?;
        se.set_item(*k, *s)?;
    }
    d.set_item("log_likelihood", log_likelihood)?;
    d.set_item("std_errors", se)?;
    d.set_item(
        "covariance",
        covariance.iter().map(|r| r.to_vec()).collect::<Vec<_>>(),
    )?;
    d.set_item("customers", customers)?;
    Ok(d)
}

/// BG/NBD by maximum likelihood on (frequency, recency, T).
/// `weights`: how many customers each row stands for (a summary grouped by (x, tₓ, T)).
#[pyfunction]
#[pyo3(signature = (frequency, recency, t, weights=None))]
fn fit_bg_nbd_arrays<'py>(
    py: Python<'py>,
    frequency: Bound<'py, PyAny>,
    recency: Bound<'py, PyAny>,
    t: Bound<'py, PyAny>,
    weights: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let columns = RftColumns::read(&frequency, &recency, &t)?;
    let w = weights.map(|w| numbers(&w, "weights")).transpose()?;
    let fit = py
        .allow_threads(|| match &w {
            Some(w) => bgnbd::fit_weighted(columns.rft(), w),
            None => bgnbd::fit(columns.rft()),
        })
        .map_err(|e| clv("fit_failed", e))?;
    let (p, s) = (fit.params, fit.std_errors);
    let d = fit_dict(
        py,
        &[("r", p.r), ("alpha", p.alpha), ("a", p.a), ("b", p.b)],
        &[s.r, s.alpha, s.a, s.b],
        fit.log_likelihood,
        &fit.covariance,
        fit.customers,
    )?;
    d.set_item("groups", fit.groups)?;
    Ok(d)
}

/// Pareto/NBD by maximum likelihood on (frequency, recency, T).
#[pyfunction]
fn fit_pareto_nbd_arrays<'py>(
    py: Python<'py>,
    frequency: Bound<'py, PyAny>,
    recency: Bound<'py, PyAny>,
    t: Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyDict>> {
    let columns = RftColumns::read(&frequency, &recency, &t)?;
    let fit = py
        .allow_threads(|| pareto_nbd::fit(columns.rft()))
        .map_err(|e| clv("fit_failed", e))?;
    let (p, s) = (fit.params, fit.std_errors);
    let d = fit_dict(
        py,
        &[("r", p.r), ("alpha", p.alpha), ("s", p.s), ("beta", p.beta)],
        &[s.r, s.alpha, s.s, s.beta],
        fit.log_likelihood,
        &fit.covariance,
        fit.customers,
    )?;
    d.set_item("groups", fit.groups)?;
    Ok(d)
}

/// Gamma-Gamma on the repeat buyers of (frequency, monetary).
#[pyfunction]
#[pyo3(signature = (frequency, monetary, correlation_warning=None, weights=None))]
fn fit_gamma_gamma_arrays<'py>(
    py: Python<'py>,
    frequency: Bound<'py, PyAny>,
    monetary: Bound<'py, PyAny>,
    correlation_warning: Option<f64>,
    weights: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let (x, m) = (
        numbers(&frequency, "frequency")?,
        numbers(&monetary, "monetary")?,
    );
    let w = weights.map(|w| numbers(&w, "weights")).transpose()?;
    let mut options = GammaGammaOptions::default();
    if let Some(c) = correlation_warning {
        options.correlation_warning = c;
    }
    let fit = py
        .allow_threads(|| match &w {
            Some(w) => gamma_gamma::fit_weighted(&x, &m, w, &options),
            None => gamma_gamma::fit(&x, &m, &options),
        })
        .map_err(|e| clv("fit_failed", e))?;
    let (p, s) = (fit.params, fit.std_errors);
    let d = fit_dict(
        py,
        &[("p", p.p), ("q", p.q), ("gamma", p.gamma)],
        &[s.p, s.q, s.gamma],
        fit.log_likelihood,
        &fit.covariance,
        fit.customers,
    )?;
    d.set_item("correlation", fit.correlation)?;
    d.set_item("warning", fit.warning)?;
    Ok(d)
}

/// P(alive) and the expected purchases over the next `t` units under BG/NBD.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
fn bg_nbd_predict_arrays(
    r: f64,
    alpha: f64,
    a: f64,
    b: f64,
    frequency: Bound<'_, PyAny>,
    recency: Bound<'_, PyAny>,
    t_obs: Bound<'_, PyAny>,
    t: f64,
) -> PyResult<(ArrowArray, ArrowArray)> {
    let p = BgNbdParams::new(r, alpha, a, b).map_err(|e| clv("bad_params", e))?;
    let columns = RftColumns::read(&frequency, &recency, &t_obs)?;
    let out = bgnbd::predict(&p, columns.rft(), t).map_err(|e| clv("predict_failed", e))?;
    Ok((floats(out.p_alive), floats(out.expected)))
}

/// P(alive) and the expected purchases over the next `t` units under Pareto/NBD.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
fn pareto_nbd_predict_arrays(
    r: f64,
    alpha: f64,
    s: f64,
    beta: f64,
    frequency: Bound<'_, PyAny>,
    recency: Bound<'_, PyAny>,
    t_obs: Bound<'_, PyAny>,
    t: f64,
) -> PyResult<(ArrowArray, ArrowArray)> {
    let p = ParetoNbdParams::new(r, alpha, s, beta).map_err(|e| clv("bad_params", e))?;
    let columns = RftColumns::read(&frequency, &recency, &t_obs)?;
    let out = pareto_nbd::predict(&p, columns.rft(), t).map_err(|e| clv("predict_failed", e))?;
    Ok((floats(out.p_alive), floats(out.expected)))
}

/// Discounted customer lifetime value over `horizon` months (BG/NBD × Gamma-Gamma).
#[pyfunction]
#[allow(clippy::too_many_arguments)]
fn clv_arrays(
    bg: (f64, f64, f64, f64),
    gg: (f64, f64, f64),
    frequency: Bound<'_, PyAny>,
    recency: Bound<'_, PyAny>,
    t: Bound<'_, PyAny>,
    monetary: Bound<'_, PyAny>,
    horizon: u32,
    unit_text: &str,
    discount_rate: f64,
) -> PyResult<ArrowArray> {
    let bgp = BgNbdParams::new(bg.0, bg.1, bg.2, bg.3).map_err(|e| clv("bad_params", e))?;
    let ggp = GammaGammaParams::new(gg.0, gg.1, gg.2).map_err(|e| clv("bad_params", e))?;
    let options = ClvOptions {
        horizon,
        unit: unit(unit_text)?,
        discount_rate,
    };
    let c = RftColumns::read(&frequency, &recency, &t)?;
    let m = numbers(&monetary, "monetary")?;
    let v = customer_lifetime_values(&bgp, &ggp, &c.frequency, &c.recency, &c.t, &m, &options)
        .map_err(|e| clv("clv_failed", e))?;
    Ok(floats(v))
}
