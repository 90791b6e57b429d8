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
mod export;
mod read;
mod rows;
mod table;
mod xlsx;

pub use self::csv::{read_csv, read_csv_text, sniff_delimiter};
pub use self::export::{export_csv, export_xlsx, needs_formula_guard, Computed, ExportOptions};
pub use self::read::{
    decode_text, detect_format, read_table, DecodedText, FileFormat, TextEncoding,
};
pub use self::rows::{
    account_row, account_rows, plan_columns, AccountRows, ColumnOverrides, ColumnPlan,
};
pub use self::table::{detect_header_row, Source, Table, HEADER_SEARCH_ROWS};
pub use self::xlsx::{read_xlsx, xlsx_sheet_names};

use serde::Serialize;
use std::fmt;

/// Which sheet of a workbook to read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum SheetChoice {
    /// The first worksheet (chart sheets are skipped).
    #[default]
    First,
    /// The sheet with this name (an exact match first, then ignoring case and surrounding
    /// spaces).
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
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_bytes: 100 * 1024 * 1024,
            max_rows: 1_000_000,
            max_columns: 16_384,
            max_cells: 50_000_000,
            max_unpacked_bytes: 1 << 30,
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
}

/// Why a file could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SheetError {
    #[error("the file is {size} bytes, more than the limit of {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    #[error(
        "the workbook unpacks to {size} bytes, more than the limit of {limit} bytes \
         (a damaged file or a zip bomb)"
    )]
    TooLargeUnpacked { size: u64, limit: usize },
    #[error("the file has more than {limit} rows")]
    TooManyRows { limit: usize },
    #[error("a row has {columns} columns, more than the limit of {limit}")]
    TooManyColumns { columns: usize, limit: usize },
    #[error("the table has more than {limit} cells (rows × columns)")]
    TooManyCells { limit: usize },
    #[error("the file holds no cells")]
    Empty,
    #[error("{0}")]
    UnsupportedFormat(&'static str),
    #[error("the delimiter must be a single ASCII character, not {0:?}")]
    BadDelimiter(char),
    #[error("the header row {row} is past the last row ({rows} rows)")]
    HeaderRowOutOfRange { row: usize, rows: usize },
    #[error("not a readable CSV text: {0}")]
    Csv(String),
    #[error("not a readable .xlsx workbook: {0}")]
    Xlsx(String),
    #[error("no sheet named \"{name}\"; the sheets are: {available}")]
    SheetNotFound { name: String, available: String },
    #[error("no sheet number {index} (0-based); the workbook has {count} sheets")]
    SheetIndexOutOfRange { index: usize, count: usize },
    #[error("the workbook has no worksheet")]
    NoWorksheet,
    #[error("column {column} is mapped, but the table has {width} columns")]
    MappedColumnOutOfRange { column: usize, width: usize },
    #[error("unknown field \"{0}\" in the column mapping")]
    UnknownField(String),
    #[error("field \"{field}\" is mapped to both column {first} and column {second}")]
    FieldMappedTwice {
        field: String,
        first: usize,
        second: usize,
    },
    #[error("{computed} rows of computed columns for a table of {rows} rows")]
    ComputedRowCount { computed: usize, rows: usize },
    #[error("computed row {row} has {cells} cells for {headers} computed columns")]
    ComputedRowTooLong {
        row: usize,
        cells: usize,
        headers: usize,
    },
    #[error("could not write the file: {0}")]
    Write(String),
}

/// Something the user should know about a file that was read all the same.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SheetWarning {
    /// Two columns have the same header; the later one was renamed.
    DuplicateHeader {
        /// 0-based column index.
        column: usize,
        header: String,
        renamed_to: String,
    },
    /// A second column names a field that an earlier column already gives; the second is
    /// carried through unread.
    FieldInTwoColumns {
        field: &'static str,
        /// 0-based index of the column the field is read from.
        read_from: usize,
        /// 0-based index of the column that is not read.
        ignored: usize,
    },
    /// Some bytes were not valid in the detected encoding and became U+FFFD.
    UndecodableBytes { encoding: &'static str },
    /// A quoted cell that starts on this row (1-based, as Excel numbers it) is never closed:
    /// the rest of the file is read into that one cell.
    UnterminatedQuote { row: usize },
    /// Merged cells in the data: only the top-left cell holds the value, the others read as
    /// empty.
    MergedCells {
        /// The range as Excel writes it, such as `B5:B9`.
        range: String,
    },
}

impl fmt::Display for SheetWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SheetWarning::DuplicateHeader {
                column,
                header,
                renamed_to,
            } => write!(
                f,
                "column {} repeats the header \"{header}\"; it is called \"{renamed_to}\"",
                column_letters(*column)
            ),
            SheetWarning::FieldInTwoColumns {
                field,
                read_from,
                ignored,
            } => write!(
                f,
                "columns {} and {} both give {field}; column {} is read and column {} is kept unread",
                column_letters(*read_from),
                column_letters(*ignored),
                column_letters(*read_from),
                column_letters(*ignored)
            ),
            SheetWarning::UndecodableBytes { encoding } => write!(
                f,
                "some bytes are not valid {encoding} and were replaced with \u{FFFD}"
            ),
            SheetWarning::UnterminatedQuote { row } => write!(
                f,
                "row {row} opens a quote (\") that is never closed: the rest of the file is in that one cell"
            ),
            SheetWarning::MergedCells { range } => write!(
                f,
                "cells {range} are merged: only the first holds the value, the others read as empty"
            ),
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
