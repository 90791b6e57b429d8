//! Strategies per account (MODEL §4–§5): each row of a list with the list's distributions,
//! ABC classes and profile, through the same builder as the spreadsheet function
//! `SCORE_TABLE` (`kam_score::report`). A part of a list (a Spark partition) is suggested
//! against the whole list's facts, gathered part by part and merged.

use crate::arrow_io::{export, ArrowArray};
use crate::errors::arrow_detail;
use crate::scoring::{cells, length_mismatch, model};
use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::{BooleanArray, Float64Array, StringArray};
use kam_score::field::match_header;
use kam_score::grades::abc::{abc_classes, AbcClass, AbcOptions};
use kam_score::report::{report_rows_in_list, ReportOptions, RowReport};
use kam_score::row::AccountRow;
use kam_score::strategy::estimate::{DistributionField, ListDistributions};
use kam_score::strategy::item::Item;
use kam_score::strategy::list::ListContext;
use kam_score::strategy::notices::ListProfile;
use kam_score::strategy::suggest::Suggestion;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(suggest_header_arrays, m)?)?;
    m.add_function(wrap_pyfunction!(list_facts_json, m)?)?;
    m.add_function(wrap_pyfunction!(merge_list_facts, m)?)?;
    Ok(())
}

/// What a list tells each row's suggestion, in a form that travels: the distributions (the
/// ABC classes follow from the annual purchases among them) and which fields the list holds.
#[derive(Serialize, Deserialize)]
struct ListFacts {
    distributions: ListDistributions,
    profile: ListProfile,
}

/// The rows of a table whose column names are headers, as `SCORE_TABLE` reads them: each
/// cell under its matched field, recency counted from `as_of` (days since 1970-01-01).
fn header_rows(
    headers: &[String],
    arrays: &[Bound<'_, PyAny>],
    as_of: i64,
) -> PyResult<Vec<AccountRow>> {
    let columns = headers
        .iter()
        .zip(arrays)
        .map(|(h, a)| cells(h, a))
        .collect::<PyResult<Vec<_>>>()?;
    let n = columns.first().map_or(0, Vec::len);
    if let Some((h, c)) = headers.iter().zip(&columns).find(|(_, c)| c.len() != n) {
        return Err(length_mismatch(h, c.len(), n));
    }
    let matched: Vec<_> = headers.iter().map(|h| match_header(h.trim())).collect();
    Ok((0..n)
        .map(|i| {
            let mut row = AccountRow::new();
            for ((h, m), c) in headers.iter().zip(&matched).zip(&columns) {
                row.put_cell(h, *m, &c[i], Some(i + 1));
            }
            row.derive_recency(as_of);
            row
        })
        .collect())
}

fn facts_error(e: serde_json::Error) -> PyErr {
    arrow_detail("bad_list_facts", e)
}

/// The list facts of a table (a whole list or one part of it), as JSON.
#[pyfunction]
fn list_facts_json(
    headers: Vec<String>,
    arrays: Vec<Bound<'_, PyAny>>,
    as_of: i64,
) -> PyResult<String> {
    let rows = header_rows(&headers, &arrays, as_of)?;
    let facts = ListFacts {
        distributions: ListDistributions::from_rows(&rows),
        profile: ListProfile::from_rows(&rows),
    };
    serde_json::to_string(&facts).map_err(facts_error)
}

/// The facts of the parts of one list, as the facts of the whole list.
#[pyfunction]
fn merge_list_facts(parts: Vec<String>) -> PyResult<String> {
    let mut whole = ListFacts {
        distributions: ListDistributions::default(),
        profile: ListProfile::default(),
    };
    for part in &parts {
        let p: ListFacts = serde_json::from_str(part).map_err(facts_error)?;
        whole.distributions.merge(&p.distributions);
        whole.profile.merge(&p.profile);
    }
    serde_json::to_string(&whole).map_err(facts_error)
}

/// The context of some rows of a list from the whole list's facts. A row's ABC class depends
/// only on its annual purchase among the list's (equal purchases share a class), so it is the
/// class the core gives that value within the whole list.
fn context_from_facts(rows: &[AccountRow], facts: ListFacts) -> PyResult<ListContext> {
    let purchases = facts
        .distributions
        .values(DistributionField::AnnualPurchase);
    let classes = abc_classes(purchases, &AbcOptions::default())
        .map_err(|e| arrow_detail("bad_list_facts", e))?
        .classes;
    let abc: Vec<Option<AbcClass>> = rows
        .iter()
        .map(|r| {
            let v = DistributionField::AnnualPurchase.value(r)?;
            let at = purchases.partition_point(|x| *x < v);
            (purchases.get(at) == Some(&v))
                .then(|| classes.get(at).copied().flatten())
                .flatten()
        })
        .collect();
    Ok(ListContext {
        distributions: facts.distributions,
        abc,
        profile: facts.profile,
    })
}

fn suggestion(r: &Option<RowReport>) -> Option<&Suggestion> {
    r.as_ref().and_then(|r| r.suggestion.as_ref())
}

fn top(r: &Option<RowReport>) -> Option<&Item> {
    suggestion(r).and_then(|s| s.actions.first())
}

fn texts<'a>(values: impl Iterator<Item = Option<&'a str>>) -> ArrowArray {
    export(Arc::new(values.collect::<StringArray>()))
}

/// Suggests every row of a table whose columns are named by headers (as `score_table`),
/// recency from `as_of`; with `list_facts` (JSON from `list_facts_json` /
/// `merge_list_facts`) the rows are a part of that list. Returns named Arrow arrays.
#[pyfunction]
#[pyo3(signature = (headers, arrays, as_of, model_text=None, list_facts=None))]
fn suggest_header_arrays<'py>(
    py: Python<'py>,
    headers: Vec<String>,
    arrays: Vec<Bound<'py, PyAny>>,
    as_of: i64,
    model_text: Option<String>,
    list_facts: Option<String>,
) -> PyResult<Bound<'py, PyDict>> {
    let m = model(model_text.as_deref())?;
    let rows = header_rows(&headers, &arrays, as_of)?;
    let list = match list_facts {
        None => ListContext::from_rows(&rows),
        Some(text) => context_from_facts(&rows, serde_json::from_str(&text).map_err(facts_error)?)?,
    };
    let options = ReportOptions {
        as_of: Some(as_of),
        ..ReportOptions::default()
    };
    let reports: Vec<Option<RowReport>> =
        py.allow_threads(|| report_rows_in_list(&m, &rows, &options, list));

    let out = PyDict::new(py);
    let scores: Float64Array = reports
        .iter()
        .map(|r| r.as_ref().and_then(|r| r.card.score))
        .collect();
    out.set_item("score", export(Arc::new(scores)))?;
    out.set_item(
        "tier",
        texts(reports.iter().map(|r| {
            r.as_ref()
                .and_then(|r| r.card.tier.as_ref())
                .map(|t| t.code.as_str())
        })),
    )?;
    out.set_item(
        "abc",
        texts(
            reports
                .iter()
                .map(|r| r.as_ref().and_then(|r| r.abc).map(|c| c.code())),
        ),
    )?;
    out.set_item(
        "letter",
        texts(reports.iter().map(|r| {
            suggestion(r)
                .and_then(|s| s.attractiveness.as_ref())
                .map(|a| a.letter.code())
        })),
    )?;
    out.set_item(
        "matrix_cell",
        texts(
            reports
                .iter()
                .map(|r| suggestion(r).and_then(|s| s.cell.as_deref())),
        ),
    )?;
    let estimated: BooleanArray = reports
        .iter()
        .map(|r| {
            suggestion(r)
                .filter(|s| s.cell.is_some())
                .map(|s| s.cell_estimated)
        })
        .collect();
    out.set_item("cell_estimated", export(Arc::new(estimated)))?;
    let mut targets = ListBuilder::new(StringBuilder::new());
    for r in &reports {
        match suggestion(r) {
            Some(s) => {
                for t in &s.targets {
                    targets.values().append_value(t);
                }
                targets.append(true);
            }
            None => targets.append(false),
        }
    }
    out.set_item("targets", export(Arc::new(targets.finish())))?;
    out.set_item(
        "lifecycle",
        texts(reports.iter().map(|r| {
            suggestion(r)
                .and_then(|s| s.lifecycle.as_ref())
                .map(|l| l.label.code.as_str())
        })),
    )?;
    out.set_item(
        "top_action",
        texts(
            reports
                .iter()
                .map(|r| top(r).map(|a| a.label.code.as_str())),
        ),
    )?;
    out.set_item(
        "top_action_zh",
        texts(reports.iter().map(|r| top(r).map(|a| a.label.zh.as_str()))),
    )?;
    out.set_item(
        "top_action_en",
        texts(reports.iter().map(|r| top(r).map(|a| a.label.en.as_str()))),
    )?;
    let json = reports
        .iter()
        .map(|r| suggestion(r).map(serde_json::to_string).transpose())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| arrow_detail("not_written", e))?;
    out.set_item("suggestion", texts(json.iter().map(|s| s.as_deref())))?;
    Ok(out)
}
