//! The columnar fast path: one column per field, a score and a tier code per row, with no
//! allocation per row. Values are in the field's own units (money in yuan, ratios as
//! fractions); NaN or an absent text means missing.

use super::{evaluate, Inputs, NoRecord};
use crate::field::{by_key, FieldId, FIELDS};
use crate::grades::tier::value_tier;
use crate::model::plan::Fnv;
use crate::model::{CompiledModel, Fault, InputRef};
use crate::score::batch::ListRanks;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// One column of values.
#[derive(Debug, Clone, PartialEq)]
pub enum Column {
    Numbers(Vec<f64>),
    Texts(Vec<Option<String>>),
    /// A categorical column: each row's code into `values` (a `None` value is missing).
    Codes {
        codes: Vec<u32>,
        values: Vec<Option<String>>,
    },
}

impl Column {
    pub fn len(&self) -> usize {
        match self {
            Column::Numbers(v) => v.len(),
            Column::Texts(v) => v.len(),
            Column::Codes { codes, .. } => codes.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Why columns could not be scored.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ColumnsError {
    #[error("unknown field \"{0}\"")]
    UnknownField(String),
    #[error("column \"{field}\" has {len} values, the first column has {expected}")]
    LengthMismatch {
        field: String,
        len: usize,
        expected: usize,
    },
    #[error("column \"{field}\", row {row}: code {code} is not below the {values} values")]
    CodeOutOfRange {
        field: String,
        row: usize,
        code: u32,
        values: usize,
    },
}

/// A table of columns keyed by field, all of one length.
#[derive(Debug, Clone, Default)]
pub struct Columns {
    rows: usize,
    columns: Vec<(FieldId, Column)>,
}

impl Columns {
    /// Builds the table; every column must have the same length and every code must name one
    /// of its column's values.
    pub fn new(columns: Vec<(String, Column)>) -> Result<Columns, ColumnsError> {
        let mut out: Vec<(FieldId, Column)> = Vec::with_capacity(columns.len());
        let mut rows = None;
        for (key, column) in columns {
            let field = by_key(&key).ok_or_else(|| ColumnsError::UnknownField(key.clone()))?;
            let expected = *rows.get_or_insert(column.len());
            if column.len() != expected {
                return Err(ColumnsError::LengthMismatch {
                    field: key,
                    len: column.len(),
                    expected,
                });
            }
            if let Column::Codes { codes, values } = &column {
                if let Some(row) = codes.iter().position(|c| *c as usize >= values.len()) {
                    return Err(ColumnsError::CodeOutOfRange {
                        field: key,
                        row,
                        code: codes[row],
                        values: values.len(),
                    });
                }
            }
            // A field given twice: the last column counts, as before.
            out.retain(|(f, _)| *f != field);
            out.push((field, column));
        }
        Ok(Columns {
            rows: rows.unwrap_or(0),
            columns: out,
        })
    }

    pub fn rows(&self) -> usize {
        self.rows
    }
}

/// A column as the hot loop reads it: numbers in place, texts as codes into distinct values.
#[derive(Clone, Copy)]
enum Source<'a> {
    None,
    Numbers(&'a [f64]),
    Codes(&'a [u32], &'a [Option<String>]),
}

/// Each text of a plain text column once, and every row's code.
fn intern(texts: &[Option<String>]) -> Coded {
    let mut seen: HashMap<&str, u32, BuildHasherDefault<Fnv>> = HashMap::default();
    let mut values = vec![None];
    let codes = texts
        .iter()
        .map(|t| match t {
            None => 0,
            Some(t) => *seen.entry(t.as_str()).or_insert_with(|| {
                values.push(Some(t.clone()));
                (values.len() - 1) as u32
            }),
        })
        .collect();
    (codes, values)
}

/// A text column as codes into its distinct values.
type Coded = (Vec<u32>, Vec<Option<String>>);

/// An input's sub-score for each value of the categorical column it reads, with the codes.
type ScoredValues<'a> = Option<(&'a [u32], Vec<Result<f64, Fault>>)>;

struct ColumnRow<'a> {
    sources: &'a [Source<'a>],
    /// For each model input slot reading a categorical column: its codes and the sub-score of
    /// each of its values.
    scored: &'a [ScoredValues<'a>],
    index: usize,
}

impl Inputs for ColumnRow<'_> {
    #[inline(always)]
    fn input(&self, field: FieldId) -> Option<InputRef<'_>> {
        match self.sources.get(field.0 as usize)? {
            Source::None => None,
            Source::Numbers(v) => {
                let x = *v.get(self.index)?;
                (!x.is_nan()).then_some(InputRef::Number(x))
            }
            Source::Codes(codes, values) => values
                .get(*codes.get(self.index)? as usize)?
                .as_deref()
                .map(InputRef::Text),
        }
    }

    #[inline(always)]
    fn scored(&self, slot: usize) -> Option<Result<f64, Fault>> {
        let (codes, table) = self.scored.get(slot)?.as_ref()?;
        table.get(*codes.get(self.index)? as usize).copied()
    }
}

/// Scores every row: the score (NaN when there is none) and the tier code (0 none,
/// 1 small, 2 ordinary, 3 important, 4 VIP). Each distinct text of a column is scored once.
pub fn score_columns(model: &CompiledModel, table: &Columns) -> (Vec<f64>, Vec<u8>) {
    // Plain text columns as codes; the columns read by field id.
    let interned: Vec<Option<Coded>> = table
        .columns
        .iter()
        .map(|(_, c)| match c {
            Column::Texts(t) => Some(intern(t)),
            _ => None,
        })
        .collect();
    let mut sources = vec![Source::None; FIELDS.len()];
    for ((field, column), interned) in table.columns.iter().zip(&interned) {
        let source = match (column, interned) {
            (Column::Numbers(v), _) => Source::Numbers(v),
            (Column::Codes { codes, values }, _) => Source::Codes(codes, values),
            (_, Some((codes, values))) => Source::Codes(codes, values),
            (Column::Texts(_), None) => Source::None,
        };
        if let Some(slot) = sources.get_mut(field.0 as usize) {
            *slot = source;
        }
    }
    let ranks = if model.needs_list() {
        let rows: Vec<ColumnRow> = (0..table.rows)
            .map(|index| ColumnRow {
                sources: &sources,
                scored: &[],
                index,
            })
            .collect();
        ListRanks::for_model(model, &rows)
    } else {
        ListRanks::default()
    };
    // Each categorical input's values scored once, with the kernel's own function.
    let mut scored: Vec<ScoredValues> = vec![None; model.input_slots];
    for input in model
        .factors
        .iter()
        .flat_map(|f| f.inputs.iter().chain(&f.fallback))
    {
        if let (Some(Source::Codes(codes, values)), Some(slot)) = (
            sources.get(input.field.0 as usize),
            scored.get_mut(input.slot),
        ) {
            let table = values
                .iter()
                .map(|v| match v {
                    Some(t) => super::input_sub_score(input, InputRef::Text(t), &ranks),
                    None => Err(Fault::NeedsList),
                })
                .collect();
            *slot = Some((codes, table));
        }
    }
    let mut scores = Vec::with_capacity(table.rows);
    let mut tiers = Vec::with_capacity(table.rows);
    let mut subs = Vec::with_capacity(model.factors.len());
    for index in 0..table.rows {
        let row = ColumnRow {
            sources: &sources,
            scored: &scored,
            index,
        };
        let score = evaluate(model, &row, &ranks, &mut subs, &mut NoRecord).score_or_nan();
        scores.push(score);
        tiers.push(value_tier(score, &model.model.tiers).map_or(0, |t| t.number()));
    }
    (scores, tiers)
}
