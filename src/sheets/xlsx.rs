//! .xlsx workbooks, read with calamine cell by cell so that the limits hold while reading.

use super::table::Formulas;
use super::Table;
use super::{column_letters, Limits, ReadOptions, SheetChoice, SheetError, SheetWarning, Source};
use crate::row::Cell;
use calamine::{DataRef, Reader, SheetType, SheetVisible, Xlsx, XlsxError};
use serde::Serialize;
use std::io::Cursor;
use zip::ZipArchive;

/// Days from the 1904 date system's day 0 to the 1900 system's: a workbook saved with the
/// 1904 system (old Mac Excel) has serials smaller by this many days.
const EPOCH_1904_OFFSET: f64 = 1462.0;

/// At most this many merged-cell warnings: one per region would flood the list on a sheet
/// that merges a column per customer group.
const MAX_MERGE_WARNINGS: usize = 20;

fn open(bytes: &[u8]) -> Result<Xlsx<Cursor<&[u8]>>, SheetError> {
    Xlsx::new(Cursor::new(bytes)).map_err(xlsx_error)
}

/// Refuses a workbook whose parts together unpack to more than the limit, before calamine
/// opens it (it loads the shared strings whole on opening). The sizes are those the zip's
/// central directory declares; the unzipping fails on any part that inflates beyond its
/// declared size, so a lying directory cannot get past this.
///
/// Refuses, too, the other zip-based spreadsheets by name: a binary workbook (.xlsb, whose
/// workbook part is `xl/workbook.bin`) and an OpenDocument spreadsheet (.ods, with a
/// `mimetype` or `content.xml` part and no `xl/workbook.xml`).
fn check_unpacked_size(bytes: &[u8], limits: &Limits) -> Result<(), SheetError> {
    let mut archive =
        ZipArchive::new(Cursor::new(bytes)).map_err(|e| SheetError::Xlsx(e.to_string()))?;
    let mut total: u64 = 0;
    let (mut xlsb, mut opendocument, mut xlsx) = (false, false, false);
    for index in 0..archive.len() {
        let part = archive
            .by_index_raw(index)
            .map_err(|e| SheetError::Xlsx(e.to_string()))?;
        match part.name().as_deref().unwrap_or_default() {
            "xl/workbook.bin" => xlsb = true,
            "xl/workbook.xml" => xlsx = true,
            "mimetype" | "content.xml" => opendocument = true,
            _ => {}
        }
        total = total.saturating_add(part.size());
        limits.check_unpacked(total)?;
    }
    if !xlsx && xlsb {
        return Err(SheetError::UnsupportedFormat("xlsb"));
    }
    if !xlsx && opendocument {
        return Err(SheetError::UnsupportedFormat("ods"));
    }
    Ok(())
}

fn xlsx_error(error: XlsxError) -> SheetError {
    SheetError::Xlsx(error.to_string())
}

/// The names of a workbook's sheets, in tab order (hidden ones too).
pub fn xlsx_sheet_names(bytes: &[u8]) -> Result<Vec<String>, SheetError> {
    check_unpacked_size(bytes, &Limits::default())?;
    Ok(open(bytes)?.sheet_names())
}

/// One sheet of a workbook, as [`xlsx_sheet_info`] lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SheetInfo {
    pub name: String,
    /// Hidden in Excel (also "very hidden", which only a macro can show).
    pub hidden: bool,
    /// A worksheet, which holds cells (not a chart sheet or a dialog sheet).
    pub worksheet: bool,
    /// The sheet read when no sheet is chosen ([`SheetChoice::First`]).
    pub default: bool,
}

/// A workbook's sheets in tab order, hidden or not, and which is read by default.
pub fn xlsx_sheet_info(bytes: &[u8]) -> Result<Vec<SheetInfo>, SheetError> {
    check_unpacked_size(bytes, &Limits::default())?;
    let workbook = open(bytes)?;
    let default = choose_sheet(&workbook, &SheetChoice::First).ok();
    Ok(workbook
        .sheets_metadata()
        .iter()
        .map(|sheet| SheetInfo {
            name: sheet.name.clone(),
            hidden: sheet.visible != SheetVisible::Visible,
            worksheet: sheet.typ == SheetType::WorkSheet,
            default: default.as_deref() == Some(sheet.name.as_str()),
        })
        .collect())
}

/// The hidden sheets of a workbook, in tab order.
fn hidden_sheets(workbook: &Xlsx<Cursor<&[u8]>>) -> Vec<String> {
    workbook
        .sheets_metadata()
        .iter()
        .filter(|sheet| sheet.visible != SheetVisible::Visible)
        .map(|sheet| sheet.name.clone())
        .collect()
}

/// Reads one sheet of an .xlsx workbook.
///
/// Cells keep their type: numbers and booleans as such; dates and times as their Excel serial
/// number (1900 date system, whatever the workbook uses), with the column marked in
/// [`Table::date_columns`]; error cells (`#N/A`, `#DIV/0!` …) as their text; formulas as their
/// last computed value. Positions are absolute: a sheet whose data starts at B3 has an empty
/// column A and two rows above, so row and column numbers match what Excel shows.
pub fn read_xlsx(bytes: &[u8], options: &ReadOptions) -> Result<Table, SheetError> {
    let limits = &options.limits;
    limits.check_bytes(bytes.len())?;
    check_unpacked_size(bytes, limits)?;
    let mut workbook = open(bytes)?;
    let sheet = choose_sheet(&workbook, &options.sheet)?;
    let is_1904 = workbook.has_1904_epoch();

    let mut grid: Vec<Vec<Cell>> = Vec::new();
    let mut date_cells: Vec<(usize, usize)> = Vec::new();
    let mut stored_cells: usize = 0;
    // Text beyond the cells themselves, for the memory budget (see `Limits::max_memory_bytes`).
    let mut memory: usize = 0;
    {
        let mut cells = workbook
            .worksheet_cells_reader(&sheet)
            .map_err(xlsx_error)?;
        while let Some(cell) = cells.next_cell().map_err(xlsx_error)? {
            let (row, column) = cell.get_position();
            let (row, column) = (row as usize, column as usize);
            let (value, is_date) = convert(cell.get_value(), is_1904);
            if value == Cell::Empty {
                continue;
            }
            limits.check_row(row)?;
            limits.check_columns(column + 1)?;
            if grid.len() <= row {
                grid.resize_with(row + 1, Vec::new);
            }
            let Some(cells_of_row) = grid.get_mut(row) else {
                continue;
            };
            if cells_of_row.len() <= column {
                // Padding a row up to the cell counts against the limit as well, so a few
                // cells far to the right cannot make the table huge.
                stored_cells += column + 1 - cells_of_row.len();
                limits.check_cells(stored_cells)?;
                cells_of_row.resize(column + 1, Cell::Empty);
            }
            if let Some(slot) = cells_of_row.get_mut(column) {
                if let Cell::Text(t) = &value {
                    memory += super::cell_cost(t.len());
                    limits.check_memory(memory + stored_cells * super::cell_cost(0))?;
                }
                *slot = value;
            }
            if is_date {
                date_cells.push((row, column));
            }
        }
    }

    let formulas = read_formulas(&mut workbook, &sheet, limits)?;

    let mut table = Table::from_grid_with_formulas(
        grid,
        options.header_row,
        &date_cells,
        formulas,
        Source::Xlsx {
            sheet: sheet.clone(),
        },
        limits,
    )?;
    if options.sheet == SheetChoice::First {
        let hidden = hidden_sheets(&workbook);
        if !hidden.is_empty() {
            table.warnings.push(SheetWarning::HiddenSheets {
                read: sheet.clone(),
                hidden,
            });
        }
    }
    table.decimal = options.decimal.unwrap_or_default();
    uncomputed_formula_warning(&mut table);
    merged_cell_warnings(&mut workbook, &sheet, &mut table);
    Ok(table)
}

/// The sheet's formulas, a second pass over its XML (shared formulas expanded), each cell
/// held to the same limits as the values.
fn read_formulas(
    workbook: &mut Xlsx<Cursor<&[u8]>>,
    sheet: &str,
    limits: &Limits,
) -> Result<Formulas, SheetError> {
    let mut formulas = Formulas::new();
    let mut cells = workbook.worksheet_cells_reader(sheet).map_err(xlsx_error)?;
    while let Some(cell) = cells.next_formula().map_err(xlsx_error)? {
        let formula = cell.get_value();
        if formula.is_empty() {
            continue;
        }
        let (row, column) = cell.get_position();
        let (row, column) = (row as usize, column as usize);
        limits.check_row(row)?;
        limits.check_columns(column + 1)?;
        limits.check_cells(formulas.len() + 1)?;
        let formula = formula.strip_prefix('=').unwrap_or(formula);
        formulas.insert((row, column), formula.to_string());
    }
    Ok(formulas)
}

/// Warns about data cells whose formula the workbook holds no computed value for (a file
/// written by a program rather than saved by Excel): they read as empty.
fn uncomputed_formula_warning(table: &mut Table) {
    let first_data_row = table.header_row + 1;
    let mut uncomputed = table.formulas.keys().filter(|&&(row, column)| {
        row >= first_data_row && table.cell(row - first_data_row, column) == &Cell::Empty
    });
    let Some(&(row, column)) = uncomputed.next() else {
        return;
    };
    let count = 1 + uncomputed.count();
    table.warnings.push(SheetWarning::UncomputedFormulas {
        cell: format!("{}{}", column_letters(column), row + 1),
        count,
    });
}

fn choose_sheet(
    workbook: &Xlsx<Cursor<&[u8]>>,
    choice: &SheetChoice,
) -> Result<String, SheetError> {
    let names = workbook.sheet_names();
    let worksheets = || {
        workbook
            .sheets_metadata()
            .iter()
            .filter(|sheet| sheet.typ == SheetType::WorkSheet)
    };
    match choice {
        // A hidden first sheet (a lookup table, an old version) is not what the user sees on
        // opening the workbook; all worksheets hidden, which Excel does not allow, gives the
        // first.
        SheetChoice::First => worksheets()
            .find(|sheet| sheet.visible == SheetVisible::Visible)
            .or_else(|| worksheets().next())
            .map(|sheet| sheet.name.clone())
            .ok_or(SheetError::NoWorksheet),
        SheetChoice::Named(name) => names
            .iter()
            .find(|n| *n == name)
            .or_else(|| {
                let wanted = name.trim().to_lowercase();
                names.iter().find(|n| n.trim().to_lowercase() == wanted)
            })
            .cloned()
            .ok_or_else(|| SheetError::SheetNotFound {
                name: name.clone(),
                available: names.join(", "),
            }),
        SheetChoice::Index(index) => {
            names
                .get(*index)
                .cloned()
                .ok_or(SheetError::SheetIndexOutOfRange {
                    index: *index,
                    count: names.len(),
                })
        }
    }
}

/// A calamine value as a cell, and whether the source formatted it as a date or time.
fn convert(value: &DataRef<'_>, is_1904: bool) -> (Cell, bool) {
    let text = |t: &str| {
        if t.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(t.to_string())
        }
    };
    match value {
        DataRef::Int(i) => (Cell::Number(*i as f64), false),
        // `<v>1e309</v>` or `<v>NaN</v>` parse as non-finite floats: kept as the text they
        // were, so that a mapped column reports them and an export writes them back, rather
        // than a NaN reading as "no value" and an export dropping the cell.
        DataRef::Float(f) if !f.is_finite() => (Cell::Text(f.to_string()), false),
        DataRef::Float(f) => (Cell::Number(*f), false),
        DataRef::String(s) => (text(s), false),
        DataRef::SharedString(s) => (text(s), false),
        DataRef::Bool(b) => (Cell::Bool(*b), false),
        DataRef::DateTime(dt) => {
            let serial = if is_1904 {
                dt.as_f64() + EPOCH_1904_OFFSET
            } else {
                dt.as_f64()
            };
            // A duration (`[h]:mm`) is a number of days, not a point in time.
            (Cell::Number(serial), dt.is_datetime())
        }
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => (text(s), false),
        DataRef::Error(e) => (Cell::Text(e.to_string()), false),
        DataRef::Empty => (Cell::Empty, false),
    }
}

/// Warns about merged regions that cover data cells, where all but the first cell read as
/// empty. Merged titles above the header need no warning: the title is read whole.
fn merged_cell_warnings(workbook: &mut Xlsx<Cursor<&[u8]>>, sheet: &str, table: &mut Table) {
    // The merge list is a second pass over the sheet: an unreadable one costs only warnings.
    let Ok(regions) = workbook.merge_cells_by_sheet_name(sheet) else {
        return;
    };
    let first_data_row = table.header_row + 1;
    let last_row = table.header_row + table.rows.len();
    let mut count = 0;
    for region in regions {
        let (top, left) = (region.start.0 as usize, region.start.1 as usize);
        let (bottom, right) = (region.end.0 as usize, region.end.1 as usize);
        if bottom < first_data_row || top > last_row {
            continue;
        }
        if count == MAX_MERGE_WARNINGS {
            break;
        }
        count += 1;
        table.warnings.push(SheetWarning::MergedCells {
            range: format!(
                "{}{}:{}{}",
                column_letters(left),
                top + 1,
                column_letters(right),
                bottom + 1
            ),
        });
    }
}
