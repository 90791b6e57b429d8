//! The columnar fast path: one column per field, a score and a tier code per row, with no
//! allocation per row. Values are in the field's own units (money in yuan, ratios as
//! fractions); NaN or an absent text means missing.

use super::{evaluate, Inputs};
use crate::field::{by_key, FieldId, FIELDS};
use crate::grades::tier::value_tier;
use crate::model::{CompiledModel, InputRef};
use crate::score::batch::ListRanks;

/// One column of values.
#[derive(Debug, Clone, PartialEq)]
pub enum Column {
    Numbers(Vec<f64>),
    Texts(Vec<Option<String>>),
}

impl Column {
    pub fn len(&self) -> usize {
        match self {
            Column::Numbers(v) => v.len(),
            Column::Texts(v) => v.len(),
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
}

/// A table of columns keyed by field, all of one length.
#[derive(Debug, Clone, Default)]
pub struct Columns {
    rows: usize,
    columns: Vec<(FieldId, Column)>,
    /// Column position for each field id, for O(1) lookup in the hot loop.
    slots: Vec<Option<usize>>,
}

impl Columns {
    /// Builds the table; every column must have the same length.
    pub fn new(columns: Vec<(String, Column)>) -> Result<Columns, ColumnsError> {
        let mut slots = vec![None; FIELDS.len()];
        let mut out = Vec::with_capacity(columns.len());
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
            if let Some(slot) = slots.get_mut(field.0 as usize) {
                *slot = Some(out.len());
            }
            out.push((field, column));
        }
        Ok(Columns {
            rows: rows.unwrap_or(0),
            columns: out,
            slots,
        })
    }

    pub fn rows(&self) -> usize {
        self.rows
    }
}

struct ColumnRow<'a> {
    table: &'a Columns,
    index: usize,
}

impl Inputs for ColumnRow<'_> {
    fn input(&self, field: FieldId) -> Option<InputRef<'_>> {
        let slot = (*self.table.slots.get(field.0 as usize)?)?;
        match &self.table.columns.get(slot)?.1 {
            Column::Numbers(v) => v
                .get(self.index)
                .copied()
                .filter(|x| !x.is_nan())
                .map(InputRef::Number),
            Column::Texts(v) => v.get(self.index)?.as_deref().map(InputRef::Text),
        }
    }
}

/// Scores every row: the score (NaN when there is none) and the tier code (0 none,
/// 1 small, 2 ordinary, 3 important, 4 VIP).
pub fn score_columns(model: &CompiledModel, table: &Columns) -> (Vec<f64>, Vec<u8>) {
    let mut scores = Vec::with_capacity(table.rows);
    let mut tiers = Vec::with_capacity(table.rows);
    let mut subs = Vec::with_capacity(model.factors.len());
    let ranks = if model.needs_list() {
        let rows: Vec<ColumnRow> = (0..table.rows)
            .map(|index| ColumnRow { table, index })
            .collect();
        ListRanks::for_model(model, &rows)
    } else {
        ListRanks::default()
    };
    for index in 0..table.rows {
        let row = ColumnRow { table, index };
        let score = evaluate(model, &row, &ranks, &mut subs, &mut |_, _| {}).score_or_nan();
        scores.push(score);
        tiers.push(value_tier(score, &model.model.tiers).map_or(0, |t| t.number()));
    }
    (scores, tiers)
}
