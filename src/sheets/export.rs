//! Writing a table back, every original cell unchanged, with computed columns added.
//!
//! ## Formula injection
//!
//! An account list comes from outside (a CRM export, a customer's own form), and a cell such
//! as `=HYPERLINK("http://…")` or `@SUM(…)` would run as a formula when the export is opened
//! in a spreadsheet. So a text cell needs a guard when it starts with `=`, `+`, `-`, `@`, a
//! tab or a carriage return ([`needs_formula_guard`]), except when the whole text is
//!
//! - a plain signed number: an optional `-` or `+`, digits with an optional single decimal
//!   point (`-5`, `-12.5`, `+.5`), or digits grouped by commas in threes (`-1,234.5`),
//!   optionally followed by `%` (`-12.5%`); no spaces, exponents, currency signs or units;
//! - dashes only (`-`, `--`), the usual "no value" marks.
//!
//! Such texts cannot call anything, and prefixing them would corrupt common data (negative
//! growth rates, blank marks). In CSV a guarded text is written with a leading `'`, the
//! convention spreadsheets recognise for "text, not formula"; reading the export back gives
//! that `'` too, which is the price of safety. In XLSX every text is written as a string
//! cell, which no spreadsheet evaluates, so no prefix is needed and the text stays exactly as
//! it was. Number, boolean and empty cells are never guarded.
//!
//! ## Formulas
//!
//! A workbook's formula cell ([`Table::formulas`]) is never written as an empty cell. In XLSX
//! it is written as the formula with the value Excel last computed as its result, so that the
//! export shows that value and keeps computing; when the formula would not compute the same in
//! the one-sheet export (it refers to another sheet, another workbook or a table by `!` or
//! `[`, or the rows moved because the title rows are left out) the value is written instead,
//! and only a formula without any computed value is written as it is. In CSV, which holds no
//! formulas, the computed value is written, and a formula without one as its text, guarded
//! (`'=B3*2`).

use super::table::cell_text;
use super::{SheetError, Source, Table};
use crate::parse::{excel_serial_to_days, format_date};
use crate::row::{format_number, Cell};
use ::csv::{Terminator, WriterBuilder};
use rust_xlsxwriter::{Format, Formula, Workbook, Worksheet, XlsxError};
use std::borrow::Cow;

/// UTF-8's byte-order mark: without it Excel reads a CSV in the system's legacy code page and
/// every Chinese character comes out garbled.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Excel's largest sheet.
const XLSX_MAX_ROWS: usize = 1_048_576;
const XLSX_MAX_COLUMNS: usize = 16_384;

/// Computed columns to add after the table's own: headers, and one row of cells per data row
/// of the table (a shorter row is padded with empty cells).
#[derive(Debug, Clone, Copy, Default)]
pub struct Computed<'a> {
    pub headers: &'a [String],
    pub rows: &'a [Vec<Cell>],
}

/// How to write a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// Write the title rows above the header, so that every row keeps the number it had in the
    /// source (and in error messages).
    pub include_title_rows: bool,
    /// The XLSX sheet's name; `None` keeps the source sheet's name, or `Sheet1`.
    pub sheet_name: Option<String>,
}

impl Default for ExportOptions {
    fn default() -> ExportOptions {
        ExportOptions {
            include_title_rows: true,
            sheet_name: None,
        }
    }
}

/// Whether a text cell must be kept from running as a formula (see the module notes).
///
/// Text starting with `=`, `@`, a tab or a carriage return is guarded. Text starting with a
/// sign is guarded only when it could call something: an operator, a bracket, a reference or
/// a function name after the sign (`-2+3+cmd|' /C calc'!A0`, `+SUM(A1)`, `-A1`). A value as
/// people write it — `-5万`, `-1.5e3`, `+86 138 0000 0000`, `-5万 罚款` — is written as it was.
pub fn needs_formula_guard(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    match first {
        '=' | '@' | '\t' | '\r' => true,
        '+' | '-' => {
            let rest = &text[1..];
            if rest.is_empty() || text.chars().all(|c| c == '-') {
                return rest.is_empty() && first == '+';
            }
            let operator = rest.chars().any(|c| {
                matches!(
                    c,
                    '=' | '+'
                        | '-'
                        | '*'
                        | '/'
                        | '^'
                        | '&'
                        | '('
                        | ')'
                        | '!'
                        | '|'
                        | '"'
                        | '\''
                        | ':'
                        | ';'
                        | '<'
                        | '>'
                        | '@'
                        | '['
                        | ']'
                        | '{'
                        | '}'
                        | '$'
                        | '\t'
                        | '\r'
                        | '\n'
                )
            });
            operator || has_name(rest)
        }
        _ => false,
    }
}

/// Latin letters that could be a function or a reference (`A1`, `SUM`, `cmd`); an exponent
/// between digits (`1.5e3`) is not.
fn has_name(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, c)| {
        if !c.is_ascii_alphabetic() {
            return false;
        }
        let exponent = matches!(c, 'e' | 'E')
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        !exponent
    })
}

/// A text cell as CSV writes it: guarded with a leading `'` when needed.
fn guarded(text: &str) -> Cow<'_, str> {
    if needs_formula_guard(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// An Excel serial as ISO text: `2026-03-15`, with the time when it has one
/// (`2026-03-15 12:00:00`). `None` outside Excel's date range.
fn serial_to_iso(serial: f64) -> Option<String> {
    let days = excel_serial_to_days(serial)?;
    let seconds = ((serial - serial.floor()) * 86_400.0).round() as i64;
    // A time that rounds up to midnight belongs to the next day.
    let (days, seconds) = if seconds >= 86_400 {
        (days + 1, 0)
    } else {
        (days, seconds)
    };
    if seconds == 0 {
        return Some(format_date(days));
    }
    Some(format!(
        "{} {:02}:{:02}:{:02}",
        format_date(days),
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    ))
}

/// The rows of the export, as cells: title rows, the header row, the data rows, each with
/// the computed columns after the table's own.
struct Layout<'a> {
    table: &'a Table,
    computed: Computed<'a>,
    include_title_rows: bool,
}

impl<'a> Layout<'a> {
    fn new(
        table: &'a Table,
        computed: Computed<'a>,
        options: &ExportOptions,
    ) -> Result<Layout<'a>, SheetError> {
        if !(computed.headers.is_empty() && computed.rows.is_empty())
            && computed.rows.len() != table.rows.len()
        {
            return Err(SheetError::ComputedRowCount {
                computed: computed.rows.len(),
                rows: table.rows.len(),
            });
        }
        if let Some((row, cells)) = computed
            .rows
            .iter()
            .enumerate()
            .find(|(_, cells)| cells.len() > computed.headers.len())
        {
            return Err(SheetError::ComputedRowTooLong {
                row,
                cells: cells.len(),
                headers: computed.headers.len(),
            });
        }
        Ok(Layout {
            table,
            computed,
            include_title_rows: options.include_title_rows,
        })
    }

    fn title_rows(&self) -> &'a [String] {
        if self.include_title_rows {
            &self.table.title_rows
        } else {
            &[]
        }
    }

    fn width(&self) -> usize {
        self.table.width() + self.computed.headers.len()
    }

    fn header_cell(&self, column: usize) -> Cow<'a, Cell> {
        let own = self.table.width();
        if column < own {
            Cow::Borrowed(self.table.header_cells.get(column).unwrap_or(&Cell::Empty))
        } else {
            match self.computed.headers.get(column - own) {
                Some(h) if !h.is_empty() => Cow::Owned(Cell::Text(h.clone())),
                _ => Cow::Owned(Cell::Empty),
            }
        }
    }

    fn data_cell(&self, row: usize, column: usize) -> &'a Cell {
        let own = self.table.width();
        if column < own {
            self.table.cell(row, column)
        } else {
            self.computed
                .rows
                .get(row)
                .and_then(|cells| cells.get(column - own))
                .unwrap_or(&Cell::Empty)
        }
    }

    fn is_date_column(&self, column: usize) -> bool {
        self.table
            .date_columns
            .get(column)
            .copied()
            .unwrap_or(false)
    }

    /// The formula of a data cell of the table's own columns.
    fn data_formula(&self, row: usize, column: usize) -> Option<&'a str> {
        self.table.formula(row, column)
    }

    /// The formula of a header cell of the table's own columns.
    fn header_formula(&self, column: usize) -> Option<&'a str> {
        self.table.header_formula(column)
    }

    /// Whether the export's rows stand where they stood in the source, so that a formula's
    /// references still point at the same cells.
    fn rows_in_place(&self) -> bool {
        self.title_rows().len() == self.table.header_row
    }
}

/// Whether a formula refers outside its own sheet: another sheet or workbook (`Sheet2!A1`,
/// `[1]Sheet1!A1`) or a table's columns (`表1[金额]`), which the one-sheet export does not
/// have. String literals (`"a!b"`) do not count.
fn refers_outside(formula: &str) -> bool {
    let mut in_string = false;
    formula.chars().any(|c| {
        if c == '"' {
            in_string = !in_string;
        }
        !in_string && matches!(c, '!' | '[')
    })
}

/// The formula to write for a cell in XLSX: one that computes the same in the export, or one
/// that has no computed value to write instead.
fn formula_to_write<'f>(formula: Option<&'f str>, cell: &Cell, in_place: bool) -> Option<&'f str> {
    let formula = formula?;
    let computes_the_same = in_place && !refers_outside(formula);
    (computes_the_same || *cell == Cell::Empty).then_some(formula)
}

/// A formula as CSV writes it when there is no computed value: its text, guarded.
fn csv_formula(formula: &str) -> String {
    format!("'={formula}")
}

/// Writes the table as CSV: UTF-8 with a byte-order mark, comma-separated, CRLF line ends,
/// quotes only where needed. Numbers are written as a spreadsheet shows them (`5`, `0.25`),
/// numbers in date columns as ISO dates, booleans as TRUE/FALSE, texts guarded against
/// formula injection.
pub fn export_csv(
    table: &Table,
    computed: Computed<'_>,
    options: &ExportOptions,
) -> Result<Vec<u8>, SheetError> {
    let layout = Layout::new(table, computed, options)?;
    let mut writer = WriterBuilder::new()
        .flexible(true)
        .terminator(Terminator::CRLF)
        .from_writer(UTF8_BOM.to_vec());
    let write_error = |e: ::csv::Error| SheetError::Write(e.to_string());

    for title in layout.title_rows() {
        writer
            .write_record([guarded(title).as_ref()])
            .map_err(write_error)?;
    }
    let width = layout.width();
    let header: Vec<String> = (0..width)
        .map(
            |c| match (&*layout.header_cell(c), layout.header_formula(c)) {
                (Cell::Empty, Some(formula)) => csv_formula(formula),
                (cell, _) => csv_text(cell, false),
            },
        )
        .collect();
    writer.write_record(&header).map_err(write_error)?;
    for row in 0..table.rows.len() {
        let record: Vec<String> = (0..width)
            .map(
                |c| match (layout.data_cell(row, c), layout.data_formula(row, c)) {
                    (Cell::Empty, Some(formula)) => csv_formula(formula),
                    (cell, _) => csv_text(cell, layout.is_date_column(c)),
                },
            )
            .collect();
        writer.write_record(&record).map_err(write_error)?;
    }
    writer
        .into_inner()
        .map_err(|e| SheetError::Write(e.to_string()))
}

fn csv_text(cell: &Cell, in_date_column: bool) -> String {
    match cell {
        Cell::Text(text) => guarded(text).into_owned(),
        Cell::Number(v) if !v.is_finite() => String::new(),
        Cell::Number(v) if in_date_column => serial_to_iso(*v).unwrap_or_else(|| format_number(*v)),
        other => cell_text(other),
    }
}

/// Writes the table as an XLSX workbook of one sheet: numbers as numbers (in date columns with
/// a date format), booleans as booleans, texts as string cells (never formulas), a workbook's
/// formula cells as formulas with their computed values (see the module notes); the header
/// row in bold and frozen, each title row merged across the table as a merged title usually is.
pub fn export_xlsx(
    table: &Table,
    computed: Computed<'_>,
    options: &ExportOptions,
) -> Result<Vec<u8>, SheetError> {
    let layout = Layout::new(table, computed, options)?;
    let width = layout.width();
    let titles = layout.title_rows();
    let total_rows = titles.len() + 1 + table.rows.len();
    if total_rows > XLSX_MAX_ROWS || width > XLSX_MAX_COLUMNS {
        return Err(SheetError::Write(format!(
            "{total_rows} rows × {width} columns is more than an Excel sheet holds \
             ({XLSX_MAX_ROWS} × {XLSX_MAX_COLUMNS})"
        )));
    }
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let name = options.sheet_name.clone().or_else(|| match &table.source {
        Source::Xlsx { sheet } => Some(sheet.clone()),
        _ => None,
    });
    if let Some(name) = name {
        // An unusable name (too long, with `[]:*?/\`) keeps the default `Sheet1`.
        let _ = sheet.set_name(name);
    }
    // A formula without a computed value gets an empty result, not rust_xlsxwriter's 0,
    // which would read back as a value nobody computed.
    sheet.set_formula_result_default("");
    let formats = Formats::new();
    let last_column = to_column(width.saturating_sub(1))?;

    for (index, title) in titles.iter().enumerate() {
        let row = to_row(index)?;
        if title.is_empty() {
            continue;
        }
        let written = if last_column > 0 {
            sheet
                .merge_range(row, 0, row, last_column, title, &formats.plain)
                .map(|_| ())
        } else {
            sheet.write_string(row, 0, title).map(|_| ())
        };
        written.map_err(|e| cell_error(e, index, 0))?;
    }

    let header_index = titles.len();
    let header_row = to_row(header_index)?;
    let in_place = layout.rows_in_place();
    for column in 0..width {
        let cell = layout.header_cell(column);
        let formula = formula_to_write(layout.header_formula(column), &cell, in_place);
        let at = Position {
            row: header_index,
            column,
        };
        write_cell(sheet, at, &cell, formula, Some(&formats.header))?;
    }
    sheet
        .set_freeze_panes(header_row + 1, 0)
        .map_err(|e| SheetError::Write(e.to_string()))?;

    for row in 0..table.rows.len() {
        let out_row = header_index + 1 + row;
        for column in 0..width {
            let cell = layout.data_cell(row, column);
            let format = match cell {
                Cell::Number(v) if layout.is_date_column(column) => Some(if v.fract() == 0.0 {
                    &formats.date
                } else {
                    &formats.date_time
                }),
                _ => None,
            };
            let formula = formula_to_write(layout.data_formula(row, column), cell, in_place);
            let at = Position {
                row: out_row,
                column,
            };
            write_cell(sheet, at, cell, formula, format)?;
        }
    }
    workbook
        .save_to_buffer()
        .map_err(|e| SheetError::Write(e.to_string()))
}

struct Formats {
    plain: Format,
    header: Format,
    date: Format,
    date_time: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            plain: Format::new(),
            header: Format::new().set_bold(),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            date_time: Format::new().set_num_format("yyyy-mm-dd hh:mm:ss"),
        }
    }
}

fn to_row(index: usize) -> Result<u32, SheetError> {
    u32::try_from(index).map_err(|_| SheetError::Write(format!("row {index} is out of range")))
}

fn to_column(index: usize) -> Result<u16, SheetError> {
    u16::try_from(index).map_err(|_| SheetError::Write(format!("column {index} is out of range")))
}

fn cell_error(error: XlsxError, row: usize, column: usize) -> SheetError {
    SheetError::Write(format!(
        "cell {}{}: {error}",
        super::column_letters(column),
        row + 1
    ))
}

/// A cell's place in the export, 0-based.
#[derive(Clone, Copy)]
struct Position {
    row: usize,
    column: usize,
}

/// Writes one cell: a formula with the cell as its computed value when `formula` is given,
/// else the cell itself.
fn write_cell(
    sheet: &mut Worksheet,
    at: Position,
    cell: &Cell,
    formula: Option<&str>,
    format: Option<&Format>,
) -> Result<(), SheetError> {
    let Position { row, column } = at;
    let (r, c) = (to_row(row)?, to_column(column)?);
    if let Some(formula) = formula {
        let result = match cell {
            Cell::Number(v) if !v.is_finite() => String::new(),
            other => cell_text(other),
        };
        let formula = Formula::new(formula).set_result(result);
        let written = match format {
            Some(f) => sheet.write_formula_with_format(r, c, formula, f),
            None => sheet.write_formula(r, c, formula),
        };
        return written.map(|_| ()).map_err(|e| cell_error(e, row, column));
    }
    let written = match (cell, format) {
        (Cell::Empty, _) => return Ok(()),
        (Cell::Number(v), _) if !v.is_finite() => return Ok(()),
        (Cell::Number(v), Some(f)) => sheet.write_number_with_format(r, c, *v, f),
        (Cell::Number(v), None) => sheet.write_number(r, c, *v),
        (Cell::Bool(b), Some(f)) => sheet.write_boolean_with_format(r, c, *b, f),
        (Cell::Bool(b), None) => sheet.write_boolean(r, c, *b),
        // Always a string cell: rust_xlsxwriter writes formulas only through write_formula.
        (Cell::Text(t), Some(f)) => sheet.write_string_with_format(r, c, t, f),
        (Cell::Text(t), None) => sheet.write_string(r, c, t),
    };
    written.map(|_| ()).map_err(|e| cell_error(e, row, column))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_guard_rules() {
        for text in [
            "=1+1",
            "+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1)",
            "+SUM(A1:A2)",
            "-A1",
            "-HYPERLINK(\"http://x\")",
            "\tx",
            "\rx",
            "+",
            "=",
        ] {
            assert!(needs_formula_guard(text), "{text:?}");
        }
        // Values as people write them (issue 13): written as they were.
        for text in [
            "-5",
            "-12.5%",
            "+3",
            "-1,234.5",
            "-.5",
            "-",
            "--",
            "5",
            "客户",
            "",
            "a=b",
            "-5万",
            "-1.5e3",
            "+86 138 0000 0000",
            "-5万 罚款",
            "-¥5",
            "-5e3",
        ] {
            assert!(!needs_formula_guard(text), "{text:?}");
        }
    }

    #[test]
    fn formulas_are_written_where_they_compute_the_same() {
        use crate::sheets::{read_table, Formulas, Limits, ReadOptions};
        let grid = vec![
            vec![Cell::from("2026年名单")],
            vec![Cell::from("客户名称"), Cell::from("年采购额")],
            vec![Cell::from("甲"), Cell::Number(20.0)],
            vec![Cell::from("乙"), Cell::Empty],
        ];
        let formulas: Formulas = [
            ((2, 1), "10*2".to_string()),
            ((3, 1), "B3*2".to_string()),
            ((2, 2), "Sheet2!A1".to_string()),
        ]
        .into_iter()
        .collect();
        let table = Table::from_grid_with_formulas(
            grid,
            Some(1),
            &[],
            formulas,
            Source::Cells,
            &Limits::default(),
        )
        .unwrap();
        assert_eq!(table.width(), 3, "a formula's column counts");
        let back = |options: &ExportOptions| {
            let bytes = export_xlsx(&table, Computed::default(), options).unwrap();
            let read = ReadOptions {
                header_row: Some(if options.include_title_rows { 1 } else { 0 }),
                ..ReadOptions::default()
            };
            read_table(&bytes, &read).unwrap()
        };
        let kept = back(&ExportOptions::default());
        assert_eq!(kept.formula(0, 1), Some("10*2"));
        assert_eq!(kept.cell(0, 1), &Cell::Number(20.0));
        assert_eq!(kept.formula(1, 1), Some("B3*2"));
        // Another sheet's cell, which the export has not: no computed value, so the formula.
        assert_eq!(kept.formula(0, 2), Some("Sheet2!A1"));
        // Without the title row every row moves up: a formula with a value is written as the
        // value, one without as the formula (nothing else to keep).
        let moved = back(&ExportOptions {
            include_title_rows: false,
            ..ExportOptions::default()
        });
        assert_eq!(moved.formula(0, 1), None);
        assert_eq!(moved.cell(0, 1), &Cell::Number(20.0));
        assert_eq!(moved.formula(1, 1), Some("B3*2"));
        let csv = export_csv(&table, Computed::default(), &ExportOptions::default()).unwrap();
        let csv = String::from_utf8(csv).unwrap();
        assert!(
            csv.ends_with("甲,20,'=Sheet2!A1\r\n乙,'=B3*2,\r\n"),
            "{csv}"
        );
    }

    #[test]
    fn serials_as_iso_text() {
        assert_eq!(serial_to_iso(46096.0).as_deref(), Some("2026-03-15"));
        assert_eq!(
            serial_to_iso(46096.5).as_deref(),
            Some("2026-03-15 12:00:00")
        );
        assert_eq!(
            serial_to_iso(46_096.999_999_9).as_deref(),
            Some("2026-03-16")
        );
        assert_eq!(serial_to_iso(-3.0), None);
    }
}
