//! A sheet as read: title rows, the header row, and the data rows, cells as they were.

use super::{DecimalMark, Limits, SheetError, SheetWarning, TextEncoding};
use crate::field::{match_header, FieldId};
use crate::row::{format_number, Cell};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// Formula texts by (row, column), both 0-based in the source as Excel places them (title
/// and header rows counted), without the leading `=`: only cells that have one are stored.
pub type Formulas = BTreeMap<(usize, usize), String>;

/// How many rows from the top are searched for the header row: title blocks above a header
/// are a few rows in practice, and a bounded search keeps detection cheap on big files.
pub const HEADER_SEARCH_ROWS: usize = 20;

/// Where a table came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// Delimited text.
    Csv {
        encoding: TextEncoding,
        delimiter: char,
    },
    /// A workbook's sheet.
    Xlsx { sheet: String },
    /// Cells handed over directly.
    Cells,
}

/// A sheet as read.
///
/// Rows keep the length they had in the source (a CSV record's field count, an xlsx row up to
/// its last filled cell): read cells with [`Table::cell`], which gives [`Cell::Empty`] past a
/// row's end. `headers` has one entry per column of the widest row.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// One name per column, unique among the non-empty ones (a repeated header gets `_2`,
    /// `_3` …, with a warning); empty where the header cell is empty.
    pub headers: Vec<String>,
    /// The data rows below the header, each row of the source one row here: blank rows in the
    /// middle are kept as empty rows, blank rows at the end are dropped.
    pub rows: Vec<Vec<Cell>>,
    /// 0-based index of the header row in the source.
    pub header_row: usize,
    /// The rows above the header, one text each (the row's non-empty cells joined by a
    /// space; a merged title is its one text; a blank row is empty), so that
    /// `title_rows.len() == header_row`.
    pub title_rows: Vec<String>,
    /// The header row's cells as they were, for writing the table back unchanged.
    pub header_cells: Vec<Cell>,
    /// Per column: the source formatted some of its data cells as dates or times (those cells
    /// hold Excel serial numbers), so an export formats them as dates again.
    pub date_columns: Vec<bool>,
    /// The workbook's formulas ([`Formulas`]); the cell itself holds the value Excel last
    /// computed (empty when the workbook has none), and an export writes both back.
    pub formulas: Formulas,
    /// The decimal mark text cells are read with ([`ReadOptions::decimal`](super::ReadOptions)).
    pub decimal: DecimalMark,
    pub source: Source,
    pub warnings: Vec<SheetWarning>,
}

static EMPTY_CELL: Cell = Cell::Empty;

impl Table {
    /// The number of columns.
    pub fn width(&self) -> usize {
        self.headers.len()
    }

    /// The cell at a data row and column; empty past a row's end.
    pub fn cell(&self, row: usize, column: usize) -> &Cell {
        self.rows
            .get(row)
            .and_then(|cells| cells.get(column))
            .unwrap_or(&EMPTY_CELL)
    }

    /// The row number Excel shows for data row `row` (0-based index into `rows`): 1-based,
    /// counting title rows and the header row.
    pub fn line_number(&self, row: usize) -> usize {
        self.header_row + 2 + row
    }

    /// The formula of data row `row` (0-based index into `rows`) and column, if it has one.
    pub fn formula(&self, row: usize, column: usize) -> Option<&str> {
        self.formulas
            .get(&(self.header_row + 1 + row, column))
            .map(String::as_str)
    }

    /// The formula of the header row's cell in `column`, if it has one.
    pub fn header_formula(&self, column: usize) -> Option<&str> {
        self.formulas
            .get(&(self.header_row, column))
            .map(String::as_str)
    }

    /// Replaces a data cell (an edit): its formula, if any, goes, since the cell no longer
    /// holds what the formula computed. The row is padded when it is shorter.
    pub fn set_cell(&mut self, row: usize, column: usize, cell: Cell) {
        let source_row = self.header_row + 1 + row;
        let Some(cells) = self.rows.get_mut(row) else {
            return;
        };
        if cells.len() <= column {
            cells.resize(column + 1, Cell::Empty);
        }
        if let Some(slot) = cells.get_mut(column) {
            *slot = cell;
        }
        self.formulas.remove(&(source_row, column));
    }

    /// Builds a table from the rows of a source, top to bottom, each row's cells from column A.
    ///
    /// `header_row` forces the header row (0-based); `None` detects it. `date_cells` are
    /// (row, column) positions, 0-based in the source, of cells the source formatted as dates.
    pub fn from_grid(
        grid: Vec<Vec<Cell>>,
        header_row: Option<usize>,
        date_cells: &[(usize, usize)],
        source: Source,
        limits: &Limits,
    ) -> Result<Table, SheetError> {
        Table::from_grid_with_formulas(
            grid,
            header_row,
            date_cells,
            Formulas::new(),
            source,
            limits,
        )
    }

    /// As [`Table::from_grid`], with a workbook's formulas: a row that holds only formulas
    /// without computed values is not blank, and the table is as wide as its formulas.
    pub fn from_grid_with_formulas(
        mut grid: Vec<Vec<Cell>>,
        header_row: Option<usize>,
        date_cells: &[(usize, usize)],
        formulas: Formulas,
        source: Source,
        limits: &Limits,
    ) -> Result<Table, SheetError> {
        // A formula's row exists (its cells are not padded: the width counts its column, and
        // a cell past a row's end reads as empty).
        for &(row, column) in formulas.keys() {
            limits.check_row(row)?;
            limits.check_columns(column + 1)?;
            if grid.len() <= row {
                grid.resize_with(row + 1, Vec::new);
            }
        }
        let has_formula = |row: usize| formulas.range((row, 0)..(row + 1, 0)).next().is_some();
        while grid
            .last()
            .is_some_and(|row| is_blank_row(row) && !has_formula(grid.len() - 1))
        {
            grid.pop();
        }
        if grid.is_empty() {
            return Err(SheetError::Empty);
        }
        if let Some(index) = grid.len().checked_sub(1) {
            limits.check_row(index)?;
        }
        let header_row = match header_row {
            Some(row) if row >= grid.len() => {
                return Err(SheetError::HeaderRowOutOfRange {
                    row,
                    rows: grid.len(),
                })
            }
            Some(row) => row,
            None => detect_header_row(&grid),
        };
        let rows = grid.split_off((header_row + 1).min(grid.len()));
        let header_cells = grid.pop().unwrap_or_default();
        let title_rows: Vec<String> = grid.iter().map(|row| row_text(row)).collect();

        let formula_width = formulas
            .range((header_row, 0)..)
            .map(|(&(_, column), _)| column + 1)
            .max()
            .unwrap_or(0);
        let width = rows
            .iter()
            .map(Vec::len)
            .chain([header_cells.len(), formula_width])
            .max()
            .unwrap_or(0);
        limits.check_columns(width)?;
        limits.check_cells(width.saturating_mul(rows.len() + 1))?;

        let (headers, warnings) = unique_headers(&header_cells, width);
        let mut date_columns = vec![false; width];
        for &(row, column) in date_cells {
            if row > header_row {
                if let Some(flag) = date_columns.get_mut(column) {
                    *flag = true;
                }
            }
        }
        Ok(Table {
            headers,
            rows,
            header_row,
            title_rows,
            header_cells,
            date_columns,
            formulas,
            decimal: DecimalMark::Point,
            source,
            warnings,
        })
    }
}

/// A cell as the text a spreadsheet shows: numbers without a trailing `.0`, TRUE/FALSE.
pub(crate) fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Number(v) => format_number(*v),
        Cell::Text(t) => t.clone(),
        Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
    }
}

/// Whether a cell holds nothing a person would see (spaces count as nothing).
pub(crate) fn is_blank(cell: &Cell) -> bool {
    match cell {
        Cell::Empty => true,
        Cell::Text(t) => t.trim().is_empty(),
        Cell::Number(_) | Cell::Bool(_) => false,
    }
}

fn is_blank_row(row: &[Cell]) -> bool {
    row.iter().all(is_blank)
}

fn row_text(row: &[Cell]) -> String {
    row.iter()
        .filter(|c| !is_blank(c))
        .map(|c| cell_text(c).trim().to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The header row: among the first [`HEADER_SEARCH_ROWS`] rows, the first of those whose text
/// cells name the most distinct known fields ([`match_header`]); when no row names any, the
/// first non-blank row. Title rows above a header ("2026年重点客户名单") name no field, and data
/// rows below it rarely name as many as the header does, which is why the first best row wins.
pub fn detect_header_row(rows: &[Vec<Cell>]) -> usize {
    let mut best: Option<(usize, usize)> = None;
    for (index, row) in rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
        let fields: HashSet<FieldId> = row
            .iter()
            .filter_map(|cell| match cell {
                Cell::Text(text) => match_header(text.trim()).map(|m| m.field),
                _ => None,
            })
            .collect();
        if !fields.is_empty() && best.is_none_or(|(_, count)| fields.len() > count) {
            best = Some((index, fields.len()));
        }
    }
    match best {
        Some((index, _)) => index,
        None => rows.iter().position(|row| !is_blank_row(row)).unwrap_or(0),
    }
}

/// Header names, one per column up to `width`, unique among the non-empty ones.
fn unique_headers(cells: &[Cell], width: usize) -> (Vec<String>, Vec<SheetWarning>) {
    let originals: Vec<String> = (0..width)
        .map(|i| cells.get(i).map(cell_text).unwrap_or_default())
        .collect();
    let mut taken: HashSet<String> = originals.iter().map(|h| h.trim().to_string()).collect();
    let mut seen: HashSet<String> = HashSet::new();
    let mut warnings = Vec::new();
    let headers = originals
        .iter()
        .enumerate()
        .map(|(column, header)| {
            let key = header.trim().to_string();
            if key.is_empty() || seen.insert(key.clone()) {
                return header.clone();
            }
            // `_n` because the header normaliser drops underscores, so `备注_2` is no alias of
            // any field and the renamed column cannot be mistaken for another field.
            let renamed = (2..)
                .map(|n| format!("{key}_{n}"))
                .find(|candidate| !taken.contains(candidate))
                .unwrap_or_else(|| format!("{key}_{column}"));
            taken.insert(renamed.clone());
            warnings.push(SheetWarning::DuplicateHeader {
                column,
                header: header.clone(),
                renamed_to: renamed.clone(),
            });
            renamed
        })
        .collect();
    (headers, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_row(cells: &[&str]) -> Vec<Cell> {
        cells
            .iter()
            .map(|t| {
                if t.is_empty() {
                    Cell::Empty
                } else {
                    Cell::from(*t)
                }
            })
            .collect()
    }

    fn table(grid: Vec<Vec<Cell>>) -> Result<Table, SheetError> {
        Table::from_grid(grid, None, &[], Source::Cells, &Limits::default())
    }

    #[test]
    fn header_below_title_and_blank_rows() {
        let t = table(vec![
            text_row(&["2026年重点客户名单"]),
            text_row(&[]),
            text_row(&["制表：华东区", "", "2026-03-01"]),
            text_row(&["客户名称", "年采购额(万元)", "毛利率"]),
            text_row(&["甲公司", "120", "20%"]),
        ])
        .unwrap();
        assert_eq!(t.header_row, 3);
        assert_eq!(
            t.title_rows,
            vec!["2026年重点客户名单", "", "制表：华东区 2026-03-01"]
        );
        assert_eq!(t.headers, vec!["客户名称", "年采购额(万元)", "毛利率"]);
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.line_number(0), 5);
    }

    #[test]
    fn the_row_naming_most_fields_wins_and_ties_go_to_the_first() {
        // Row 0 names one field ("客户"), row 1 names three: row 1 is the header.
        let t = table(vec![
            text_row(&["客户"]),
            text_row(&["客户名称", "销售额", "区域"]),
            text_row(&["甲", "1", "华东"]),
        ])
        .unwrap();
        assert_eq!(t.header_row, 1);
        // Equal counts: the first wins, so a data row repeating header words does not.
        let t = table(vec![
            text_row(&["客户名称", "区域"]),
            text_row(&["客户", "area"]),
        ])
        .unwrap();
        assert_eq!(t.header_row, 0);
    }

    #[test]
    fn no_known_header_falls_back_to_the_first_non_blank_row() {
        let t = table(vec![
            text_row(&["", ""]),
            text_row(&["颜色", "口味"]),
            text_row(&["蓝", "甜"]),
        ])
        .unwrap();
        assert_eq!(t.header_row, 1);
        assert_eq!(t.title_rows, vec![""]);
    }

    #[test]
    fn blank_rows_inside_are_kept_and_at_the_end_dropped() {
        let t = table(vec![
            text_row(&["客户名称", "销售额"]),
            text_row(&["甲", "1"]),
            text_row(&["", ""]),
            text_row(&["乙", "2"]),
            text_row(&["", "  "]),
            vec![],
        ])
        .unwrap();
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.cell(1, 0), &Cell::Empty);
        assert_eq!(t.cell(2, 0), &Cell::from("乙"));
        assert_eq!(t.line_number(2), 4);
    }

    #[test]
    fn duplicate_headers_are_renamed_with_a_warning() {
        let t = table(vec![
            text_row(&["备注", "客户名称", "备注", "备注_2", "备注", "", ""]),
            text_row(&["a", "b", "c", "d", "e", "f", "g"]),
        ])
        .unwrap();
        assert_eq!(
            t.headers,
            vec!["备注", "客户名称", "备注_3", "备注_2", "备注_4", "", ""]
        );
        assert_eq!(t.warnings.len(), 2);
        assert_eq!(
            t.warnings[0],
            SheetWarning::DuplicateHeader {
                column: 2,
                header: "备注".into(),
                renamed_to: "备注_3".into()
            }
        );
        // The header cells stay as they were, for the export.
        assert_eq!(t.header_cells[2], Cell::from("备注"));
    }

    #[test]
    fn ragged_rows_widen_the_table() {
        let t = table(vec![
            text_row(&["客户名称", "销售额"]),
            text_row(&["甲", "1", "extra", "more"]),
            text_row(&["乙"]),
        ])
        .unwrap();
        assert_eq!(t.width(), 4);
        assert_eq!(t.headers, vec!["客户名称", "销售额", "", ""]);
        assert_eq!(t.cell(0, 3), &Cell::from("more"));
        assert_eq!(t.cell(1, 1), &Cell::Empty);
    }

    #[test]
    fn empty_grids_and_bad_header_rows_are_errors() {
        assert_eq!(table(vec![]), Err(SheetError::Empty));
        assert_eq!(table(vec![text_row(&["", " "])]), Err(SheetError::Empty));
        assert_eq!(
            Table::from_grid(
                vec![text_row(&["a"])],
                Some(3),
                &[],
                Source::Cells,
                &Limits::default()
            ),
            Err(SheetError::HeaderRowOutOfRange { row: 3, rows: 1 })
        );
    }

    #[test]
    fn cell_limit() {
        let limits = Limits {
            max_cells: 5,
            ..Limits::default()
        };
        let grid = vec![text_row(&["a", "b", "c"]), text_row(&["1", "2", "3"])];
        assert_eq!(
            Table::from_grid(grid, None, &[], Source::Cells, &limits),
            Err(SheetError::TooManyCells { limit: 5 })
        );
    }
}
