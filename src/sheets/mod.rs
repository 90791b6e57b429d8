//! Account lists from files, and results back into files.
//!
//! Sales managers keep their accounts in Excel: an `.xlsx` workbook, a CSV that Excel saved
//! (on a zh-CN Windows in GBK/GB18030, elsewhere in UTF-8, sometimes UTF-16), or cells copied
//! from Excel and pasted as tab-separated text. This module reads all of them into one
//! [`Table`], finds the header row under any title rows, turns the rows into
//! [`AccountRow`](crate::row::AccountRow)s, and writes the original table back with computed
//! columns added, as CSV or XLSX.
//!
//! - [`read_table`] reads bytes of either kind ([`read_csv`], [`read_csv_text`] and
//!   [`read_xlsx`] read one kind); [`xlsx_sheet_names`] lists a workbook's sheets.
//! - [`account_rows`] reads the table's rows into account rows, each header matched once per
//!   column, with an optional explicit mapping ([`ColumnOverrides`]).
//! - [`export_csv`] and [`export_xlsx`] write every original cell unchanged plus computed
//!   columns; text that a spreadsheet would run as a formula is neutralised
//!   ([`needs_formula_guard`]).
//!
//! ## Row numbers
//!
//! Every row number this module reports (in [`CellError`](crate::row::CellError)s and in
//! warnings) is the row number the user sees in Excel for the source file: 1-based, counting
//! title rows, blank rows and the header row. Data row `i` (0-based index into
//! [`Table::rows`]) is line [`Table::line_number`]`(i)` = `header_row + 2 + i`. In a CSV a
//! record whose quoted cell holds line breaks is still one row, as Excel shows it.
//!
//! Nothing here panics on any input: every failure is a [`SheetError`].

mod csv;
mod decimal;
mod errors;
mod export;
mod read;
mod rows;
mod table;
mod xlsx;

pub use self::csv::{read_csv, read_csv_text, sniff_delimiter};
pub use self::decimal::{comma_to_point, reads_differently_with_comma};
pub use self::errors::{SheetError, SheetWarning};
pub use self::export::{export_csv, export_xlsx, needs_formula_guard, Computed, ExportOptions};
pub use self::read::{
    decode_text, detect_format, read_table, DecodedText, FileFormat, TextEncoding,
};
pub use self::rows::{
    account_row, account_rows, plan_columns, AccountRows, ColumnOverrides, ColumnPlan,
};
pub use self::table::{detect_header_row, Formulas, Source, Table, HEADER_SEARCH_ROWS};
pub use self::xlsx::{read_xlsx, xlsx_sheet_info, xlsx_sheet_names, SheetInfo};
use serde::Serialize;

/// Which sheet of a workbook to read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum SheetChoice {
    /// The first visible worksheet (chart sheets and hidden sheets are skipped; a workbook
    /// whose worksheets are all hidden gives its first worksheet).
    #[default]
    First,
    /// The sheet with this name (an exact match first, then ignoring case and surrounding
    /// spaces), hidden or not.
    Named(String),
    /// The sheet at this 0-based position among all sheets, as the tabs are ordered.
    Index(usize),
}

/// Sizes beyond which a file is refused before it is read, so that a huge or malicious file
/// cannot exhaust the memory of a browser tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file in bytes.
    pub max_bytes: usize,
    /// Most rows, counting title, header and blank rows (as Excel numbers them).
    pub max_rows: usize,
    /// Most columns (Excel's own limit is 16,384).
    pub max_columns: usize,
    /// Most cells, as rows × columns of the table: this bounds the memory of the table and
    /// the size of an export.
    pub max_cells: usize,
    /// Most bytes an .xlsx workbook may unpack to (the sizes its zip directory declares,
    /// which the unzipping holds it to): a 100 KB zip bomb can inflate to gigabytes.
    pub max_unpacked_bytes: usize,
    /// The memory budget of the table read, in bytes, as [`cell_cost`] estimates it while the
    /// file is read: a file inside every other limit (a 99 MB CSV of one-character cells is
    /// 50 million cells) can still need gigabytes, and a wasm module has at most 4 GiB.
    pub max_memory_bytes: usize,
}

/// What one cell costs in memory: the cell itself and, for text, its characters and the
/// allocator's bookkeeping (a measured upper bound, rounded up).
pub fn cell_cost(text_bytes: usize) -> usize {
    const CELL: usize = std::mem::size_of::<crate::row::Cell>();
    if text_bytes == 0 {
        CELL
    } else {
        CELL + text_bytes.div_ceil(8) * 8 + 8
    }
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_bytes: 100 * 1024 * 1024,
            max_rows: 1_000_000,
            max_columns: 16_384,
            max_cells: 50_000_000,
            max_unpacked_bytes: 1 << 30,
            max_memory_bytes: 1 << 30,
        }
    }
}

impl Limits {
    pub(crate) fn check_bytes(&self, size: usize) -> Result<(), SheetError> {
        if size > self.max_bytes {
            return Err(SheetError::TooLarge {
                size,
                limit: self.max_bytes,
            });
        }
        Ok(())
    }

    /// Refuses a row whose 0-based index in the source is `row_index`.
    pub(crate) fn check_row(&self, row_index: usize) -> Result<(), SheetError> {
        if row_index >= self.max_rows {
            return Err(SheetError::TooManyRows {
                limit: self.max_rows,
            });
        }
        Ok(())
    }

    /// Refuses a row with `columns` cells.
    pub(crate) fn check_columns(&self, columns: usize) -> Result<(), SheetError> {
        if columns > self.max_columns {
            return Err(SheetError::TooManyColumns {
                columns,
                limit: self.max_columns,
            });
        }
        Ok(())
    }

    pub(crate) fn check_unpacked(&self, size: u64) -> Result<(), SheetError> {
        if size > self.max_unpacked_bytes as u64 {
            return Err(SheetError::TooLargeUnpacked {
                size,
                limit: self.max_unpacked_bytes,
            });
        }
        Ok(())
    }

    /// Refuses a table whose estimated memory is over the budget.
    pub(crate) fn check_memory(&self, bytes: usize) -> Result<(), SheetError> {
        if bytes > self.max_memory_bytes {
            return Err(SheetError::TooLargeInMemory {
                megabytes: bytes.div_ceil(1 << 20),
                limit_megabytes: self.max_memory_bytes >> 20,
            });
        }
        Ok(())
    }

    pub(crate) fn check_cells(&self, cells: usize) -> Result<(), SheetError> {
        if cells > self.max_cells {
            return Err(SheetError::TooManyCells {
                limit: self.max_cells,
            });
        }
        Ok(())
    }
}

/// How to read a file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    pub limits: Limits,
    /// The CSV delimiter; `None` sniffs comma, semicolon or tab.
    pub delimiter: Option<char>,
    /// The sheet of a workbook.
    pub sheet: SheetChoice,
    /// The header row as a 0-based index in the source; `None` detects it
    /// ([`detect_header_row`]).
    pub header_row: Option<usize>,
    /// How numbers in text cells write their decimal mark. `None` reads a point (`1,200.50`)
    /// and warns ([`SheetWarning::AmbiguousDecimal`]) when a semicolon-separated file has
    /// numbers that a comma reading would read otherwise (`1.200`, `23,5%`), so that the user
    /// can be asked; `Some` is the user's answer, and no warning is given.
    pub decimal: Option<DecimalMark>,
}

/// The decimal mark numbers are written with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DecimalMark {
    /// `1,200.50`: a point before the decimals, commas between groups of thousands (zh-CN,
    /// en-US).
    #[default]
    Point,
    /// `1.200,50`: a comma before the decimals, points between groups of thousands (most of
    /// continental Europe, whose Excel saves CSV with semicolons).
    Comma,
}

impl DecimalMark {
    /// The option's name: `point` or `comma`.
    pub fn name(self) -> &'static str {
        match self {
            DecimalMark::Point => "point",
            DecimalMark::Comma => "comma",
        }
    }

    /// The mark for its name (`point`, `comma`).
    pub fn from_name(name: &str) -> Option<DecimalMark> {
        match name.trim().to_ascii_lowercase().as_str() {
            "point" | "." => Some(DecimalMark::Point),
            "comma" | "," => Some(DecimalMark::Comma),
            _ => None,
        }
    }
}

/// Excel's letters for a 0-based column index: 0 → `A`, 26 → `AA`.
pub fn column_letters(index: usize) -> String {
    let mut letters = Vec::new();
    let mut n = index + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8_lossy(&letters).into_owned()
}

#[cfg(test)]
mod tests;
