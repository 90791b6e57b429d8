//! The `Sheet` export: an account list read from a file or a pasted range, kept in wasm
//! memory so that a 100,000-row list is read, scored, edited and exported without copying
//! every cell through JavaScript.

use super::convert::{
    as_of, bytes_arg, cell, cell_to_js, err, model, option, optional_text_arg,
    score_columns_object, text_arg, to_js,
};
use super::safe;
use crate::model::CompiledModel;
use crate::report::{computed_table, ReportOptions};
use crate::row::{AccountRow, Cell};
use crate::score::batch::ListRanks;
use crate::score::{evaluate, score_row_ranked, NoRanks, NoRecord, Ranks};
use crate::sheets::{
    account_row, export_csv, export_xlsx, plan_columns, read_csv_text, read_table, xlsx_sheet_info,
    xlsx_sheet_names, ColumnOverrides, ColumnPlan, Computed, DecimalMark, ExportOptions,
    ReadOptions, SheetChoice, Table,
};
use crate::strategy::list::ListContext;
use crate::texts::Lang;
use js_sys::{Array, Float64Array};
use serde::Serialize;
use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use wasm_bindgen::prelude::*;

fn read_options(value: &JsValue) -> Result<ReadOptions, JsError> {
    let mut o = ReadOptions::default();
    let sheet = option(value, "sheet");
    if let Some(name) = sheet.as_string() {
        o.sheet = SheetChoice::Named(name);
    } else if let Some(index) = sheet.as_f64() {
        o.sheet = SheetChoice::Index(index.max(0.0) as usize);
    }
    if let Some(row) = option(value, "headerRow").as_f64() {
        // The user counts rows as Excel does, from 1.
        o.header_row = Some((row.max(1.0) as usize) - 1);
    }
    if let Some(d) = option(value, "delimiter").as_string() {
        o.delimiter = d.chars().next();
    }
    if let Some(n) = option(value, "maxBytes").as_f64() {
        o.limits.max_bytes = n.max(0.0) as usize;
    }
    if let Some(n) = option(value, "maxRows").as_f64() {
        o.limits.max_rows = n.max(0.0) as usize;
    }
    if let Some(n) = option(value, "maxMemoryBytes").as_f64() {
        o.limits.max_memory_bytes = n.max(0.0) as usize;
    }
    if let Some(d) = option(value, "decimal").as_string() {
        o.decimal = Some(DecimalMark::from_name(&d).ok_or_else(|| {
            JsError::new(&format!(
                "decimal must be \"point\" or \"comma\", not {d:?}"
            ))
        })?);
    }
    Ok(o)
}

fn check_size(length: usize, read: &ReadOptions) -> Result<(), JsError> {
    read.limits.check_bytes(length).map_err(sheet_error)
}

#[derive(Serialize)]
struct MappingOut {
    column: usize,
    header: String,
    field: Option<&'static str>,
    scale: f64,
    percent: bool,
    overridden: bool,
    /// For an unmapped column that looks like a known field: that field's key.
    suggestion: Option<&'static str>,
}

/// A sheet error as a JS `Error` with its stable `code` and its `zh` and `en` texts.
fn sheet_error(e: crate::sheets::SheetError) -> JsError {
    super::convert::coded_js_error(&e.label())
}

/// One of the core's exporters (`export_xlsx`, `export_csv`).
type Writer =
    fn(&Table, Computed<'_>, &ExportOptions) -> Result<Vec<u8>, crate::sheets::SheetError>;

/// A copy of a sheet's rows that `compareSnapshots` and the win-model exports take from
/// `Sheet.snapshotRows()`; not for direct use.
#[wasm_bindgen]
pub struct SheetRows {
    rows: Vec<AccountRow>,
}

impl SheetRows {
    pub(super) fn into_rows(self) -> Vec<AccountRow> {
        self.rows
    }
}

/// An account list read from a file or a pasted range.
#[wasm_bindgen]
pub struct Sheet {
    table: Table,
    overrides: ColumnOverrides,
    columns: Vec<ColumnPlan>,
    rows: Vec<AccountRow>,
    as_of: i64,
    /// The list's distributions, ABC classes and profile for `suggest` and `listNotices`,
    /// built on first use and dropped when a cell or the mapping changes.
    list: OnceCell<ListContext>,
    /// The model of the last `scores` call: what an export with no model scores with.
    last_model: RefCell<Option<Cow<'static, CompiledModel>>>,
}

impl Sheet {
    fn new(table: Table, options_in: &JsValue) -> Result<Sheet, JsError> {
        let mut sheet = Sheet {
            table,
            overrides: ColumnOverrides::new(),
            columns: Vec::new(),
            rows: Vec::new(),
            as_of: as_of(&option(options_in, "asOf"))?,
            list: OnceCell::new(),
            last_model: RefCell::new(None),
        };
        sheet.reread()?;
        Ok(sheet)
    }

    fn reread(&mut self) -> Result<(), JsError> {
        let (columns, _) = plan_columns(&self.table, &self.overrides).map_err(sheet_error)?;
        self.columns = columns;
        self.rows = (0..self.table.rows.len())
            .map(|i| self.read_row(i))
            .collect();
        self.list.take();
        Ok(())
    }

    fn read_row(&self, index: usize) -> AccountRow {
        let mut row = account_row(&self.table, &self.columns, index);
        row.derive_recency(self.as_of);
        row
    }

    fn row(&self, index: usize) -> Result<&AccountRow, JsError> {
        self.rows.get(index).ok_or_else(|| {
            JsError::new(&format!(
                "no row {index}: the sheet has {} rows",
                self.rows.len()
            ))
        })
    }

    /// The rows as read (for the transaction-log join in `super::clv`).
    pub(super) fn account_rows(&self) -> &[AccountRow] {
        &self.rows
    }

    /// A copy of the rows in an object of its own, for exports that take a sheet or rows
    /// (`compareSnapshots`, `fitWinModel`): JavaScript calls `snapshotRows` on the sheet and
    /// the export takes the copy, leaving the sheet with its owner.
    fn snapshot(&self) -> SheetRows {
        SheetRows {
            rows: self.rows.clone(),
        }
    }

    fn list_context(&self) -> &ListContext {
        self.list.get_or_init(|| ListContext::from_rows(&self.rows))
    }

    fn ranks(&self, m: &CompiledModel) -> Box<dyn Ranks> {
        if m.needs_list() {
            Box::new(ListRanks::for_model(m, &self.rows))
        } else {
            Box::new(NoRanks)
        }
    }

    /// Writes the table with computed columns through one of the core's exporters.
    fn export(
        &self,
        headers: &JsValue,
        columns: &JsValue,
        extra_columns: &JsValue,
        write: Writer,
    ) -> Result<Vec<u8>, JsError> {
        if headers.is_undefined() || headers.is_null() || !safe::is_array(headers)? {
            return self.export_report(headers, columns, extra_columns, write);
        }
        let (names, rows) = Sheet::computed(headers, columns)?;
        let computed = Computed {
            headers: &names,
            rows: &rows,
        };
        write(&self.table, computed, &ExportOptions::default()).map_err(sheet_error)
    }

    /// Writes the table with the core's computed columns (score, tier, next tier, gap, how to
    /// reach it, coverage, problems, matrix cell, top suggestion) in the chosen language.
    fn export_report(
        &self,
        options_in: &JsValue,
        extra_headers: &JsValue,
        extra_columns: &JsValue,
        write: Writer,
    ) -> Result<Vec<u8>, JsError> {
        let chosen = option(options_in, "model");
        let m = if chosen.is_undefined() {
            match self.last_model.borrow().as_ref() {
                Some(m) => m.clone(),
                None => model(&JsValue::UNDEFINED)?,
            }
        } else {
            model(&chosen)?
        };
        let report = ReportOptions {
            lang: Lang::from_tag(&option(options_in, "lang").as_string().unwrap_or_default()),
            full_precision: option(options_in, "fullPrecision")
                .as_bool()
                .unwrap_or(false),
            as_of: Some(self.as_of),
        };
        let mut out = computed_table(&m, &self.rows, &report);
        // The page's own columns (the transaction log's P(alive), CLV …) after the crate's.
        let (names, extra) = Sheet::computed(extra_headers, extra_columns)?;
        if !names.is_empty() {
            out.headers.extend(names.iter().cloned());
            for (i, row) in out.rows.iter_mut().enumerate() {
                match extra.get(i) {
                    Some(cells) => row.extend(cells.iter().cloned()),
                    None => row.extend(std::iter::repeat_n(Cell::Empty, names.len())),
                }
            }
        }
        let computed = Computed {
            headers: &out.headers,
            rows: &out.rows,
        };
        write(&self.table, computed, &ExportOptions::default()).map_err(sheet_error)
    }

    fn computed(
        headers: &JsValue,
        columns: &JsValue,
    ) -> Result<(Vec<String>, Vec<Vec<Cell>>), JsError> {
        if headers.is_undefined() || headers.is_null() {
            return Ok((Vec::new(), Vec::new()));
        }
        let names: Vec<String> = safe::items(headers)?
            .iter()
            .map(|h| h.as_string().unwrap_or_default())
            .collect();
        let cols = safe::items(columns)?;
        if cols.len() != names.len() {
            return Err(JsError::new(
                "give one column of values per computed header",
            ));
        }
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        for (j, col) in cols.iter().enumerate() {
            safe::readable(col)?;
            let values: Vec<Cell> = if let Some(typed) = col.dyn_ref::<Float64Array>() {
                typed
                    .to_vec()
                    .into_iter()
                    .map(|v| {
                        if v.is_nan() {
                            Cell::Empty
                        } else {
                            Cell::Number(v)
                        }
                    })
                    .collect()
            } else {
                safe::items(col)?
                    .iter()
                    .map(cell)
                    .collect::<Result<_, _>>()?
            };
            if rows.len() < values.len() {
                rows.resize(values.len(), vec![Cell::Empty; names.len()]);
            }
            for (i, v) in values.into_iter().enumerate() {
                if let Some(slot) = rows.get_mut(i).and_then(|r| r.get_mut(j)) {
                    *slot = v;
                }
            }
        }
        Ok((names, rows))
    }
}

#[wasm_bindgen]
impl Sheet {
    /// Reads a `.csv` (UTF-8, UTF-8 with BOM, UTF-16, GBK/GB18030) or `.xlsx` file.
    /// `options`: `{sheet, headerRow, delimiter, decimal, maxBytes, maxRows, maxMemoryBytes, asOf}`.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
        #[wasm_bindgen(js_name = "options", unchecked_optional_param_type = "SheetOptions")]
        options_in: JsValue,
    ) -> Result<Sheet, JsError> {
        let read = read_options(&options_in)?;
        // Refuse an oversized file before copying it into wasm memory.
        safe::readable(&bytes)?;
        if let Some(b) = bytes.dyn_ref::<js_sys::Uint8Array>() {
            check_size(b.length() as usize, &read)?;
        } else if let Some(b) = bytes.dyn_ref::<js_sys::ArrayBuffer>() {
            check_size(b.byte_length() as usize, &read)?;
        }
        let table = read_table(&bytes_arg(&bytes, "bytes")?, &read).map_err(sheet_error)?;
        Sheet::new(table, &options_in)
    }

    /// Reads text pasted from Excel (tab-separated) or CSV text.
    #[wasm_bindgen(js_name = fromText)]
    pub fn from_text(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(js_name = "options", unchecked_optional_param_type = "SheetOptions")]
        options_in: JsValue,
    ) -> Result<Sheet, JsError> {
        let table = read_csv_text(&text_arg(&text, "text")?, &read_options(&options_in)?)
            .map_err(sheet_error)?;
        Sheet::new(table, &options_in)
    }

    /// The sheet names of an `.xlsx` workbook.
    #[wasm_bindgen(js_name = sheetNames)]
    pub fn sheet_names(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
    ) -> Result<Vec<String>, JsError> {
        xlsx_sheet_names(&bytes_arg(&bytes, "bytes")?).map_err(sheet_error)
    }

    /// A workbook's sheets in tab order: `{name, hidden, worksheet, default}`, `default` being
    /// the sheet read when none is chosen (the first visible worksheet).
    #[wasm_bindgen(js_name = sheetInfo, unchecked_return_type = "SheetInfo[]")]
    pub fn sheet_info(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
    ) -> Result<JsValue, JsError> {
        to_js(&xlsx_sheet_info(&bytes_arg(&bytes, "bytes")?).map_err(sheet_error)?)
    }

    /// The default limits: `{maxBytes, maxRows}`.
    #[wasm_bindgen(js_name = defaultLimits, unchecked_return_type = "{maxBytes: number, maxRows: number}")]
    pub fn default_limits() -> Result<JsValue, JsError> {
        super::rules::list_limits()
    }

    /// Data rows (rows in = rows out: blank rows inside the list are kept).
    /// The rows for `compareSnapshots` and the win-model exports (not for direct use).
    #[wasm_bindgen(js_name = snapshotRows)]
    pub fn snapshot_rows(&self) -> SheetRows {
        self.snapshot()
    }

    #[wasm_bindgen(getter, js_name = rowCount)]
    pub fn row_count(&self) -> usize {
        self.table.rows.len()
    }

    /// The header row as Excel numbers it (1-based).
    #[wasm_bindgen(getter, js_name = headerRow)]
    pub fn header_row(&self) -> usize {
        self.table.header_row + 1
    }

    /// The row number Excel shows for data row `index` (0-based).
    #[wasm_bindgen(js_name = lineNumber)]
    pub fn line_number(&self, index: usize) -> usize {
        self.table.line_number(index)
    }

    pub fn headers(&self) -> Vec<String> {
        self.table.headers.clone()
    }

    /// Title rows found above the header (merged titles and notes).
    #[wasm_bindgen(js_name = titleRows)]
    pub fn title_rows(&self) -> Vec<String> {
        self.table.title_rows.clone()
    }

    /// Where the table came from: `{kind: "csv", encoding, delimiter}` or `{kind: "xlsx", sheet}`.
    #[wasm_bindgen(unchecked_return_type = "SheetSource")]
    pub fn source(&self) -> Result<JsValue, JsError> {
        to_js(&self.table.source)
    }

    /// Warnings about the file (duplicate headers, merged cells, undecodable bytes …).
    pub fn warnings(&self) -> Vec<String> {
        self.table.warnings.iter().map(|w| w.to_string()).collect()
    }

    /// The warnings with their stable codes and texts: `[{code, zh, en}]`, such as
    /// `ambiguous_decimal` (ask for `decimal` and read again), `hidden_sheets`,
    /// `uncomputed_formulas`, `trailing_bytes`.
    #[wasm_bindgen(js_name = warningLabels, unchecked_return_type = "Label[]")]
    pub fn warning_labels(&self) -> Result<JsValue, JsError> {
        let labels: Vec<_> = self.table.warnings.iter().map(|w| w.label()).collect();
        to_js(&labels)
    }

    /// How each column was matched to a field.
    #[wasm_bindgen(unchecked_return_type = "SheetMapping[]")]
    pub fn mapping(&self) -> Result<JsValue, JsError> {
        let list: Vec<MappingOut> = self
            .columns
            .iter()
            .map(|c| MappingOut {
                column: c.column,
                header: c.header.clone(),
                field: c.field_key(),
                scale: c.matched.map_or(1.0, |m| m.unit.scale),
                percent: c.matched.is_some_and(|m| m.unit.percent),
                overridden: c.overridden,
                // A suggestion for the columns the mapping panel lists (the first 200): a
                // 16,384-column header would otherwise cost seconds.
                suggestion: (c.matched.is_none() && c.column < 200)
                    .then(|| crate::field::suggest_field(&c.header).map(|f| f.key()))
                    .flatten(),
            })
            .collect();
        to_js(&list)
    }

    /// Maps a column to a field key, or to none (`null`), and reads every row again.
    #[wasm_bindgen(js_name = setMapping)]
    pub fn set_mapping(
        &mut self,
        column: usize,
        #[wasm_bindgen(unchecked_param_type = "string | null")] field: JsValue,
    ) -> Result<(), JsError> {
        let field = optional_text_arg(&field, "field")?;
        self.overrides.insert(column, field);
        self.reread()
    }

    /// The cells of data row `index` as read.
    pub fn cells(&self, index: usize) -> Result<Array, JsError> {
        let row = self
            .table
            .rows
            .get(index)
            .ok_or_else(|| JsError::new(&format!("no row {index}")))?;
        Ok((0..self.table.width().max(row.len()))
            .map(|j| cell_to_js(self.table.cell(index, j)))
            .collect())
    }

    /// Changes one cell and reads its row again; returns that row's unreadable cells.
    #[wasm_bindgen(js_name = setCell, unchecked_return_type = "CellError[]")]
    pub fn set_cell(
        &mut self,
        index: usize,
        column: usize,
        #[wasm_bindgen(unchecked_param_type = "CellValue")] value: JsValue,
    ) -> Result<JsValue, JsError> {
        let new = cell(&value)?;
        let width = self.table.width();
        if index >= self.table.rows.len() {
            return Err(JsError::new(&format!("no row {index}")));
        }
        if column >= width {
            return Err(JsError::new(&format!(
                "no column {column}: the sheet has {width}"
            )));
        }
        // An edited cell loses its formula: it no longer holds what the formula computed.
        self.table.set_cell(index, column, new);
        let reread = self.read_row(index);
        let errors = reread.errors.clone();
        if let Some(slot) = self.rows.get_mut(index) {
            *slot = reread;
        }
        self.list.take();
        to_js(&errors)
    }

    /// Every unreadable cell, with its Excel row number, column, text and reason.
    #[wasm_bindgen(unchecked_return_type = "CellError[]")]
    pub fn errors(&self) -> Result<JsValue, JsError> {
        let all: Vec<_> = self.rows.iter().flat_map(|r| r.errors.iter()).collect();
        to_js(&all)
    }

    /// Scores every row: `{score: Float64Array (NaN where none), tier: Uint8Array}`.
    #[wasm_bindgen(unchecked_return_type = "ScoreColumns")]
    pub fn scores(
        &self,
        #[wasm_bindgen(js_name = "model", unchecked_optional_param_type = "ModelInput")]
        model_input: JsValue,
    ) -> Result<JsValue, JsError> {
        let m = model(&model_input)?;
        *self.last_model.borrow_mut() = Some(m.clone());
        let ranks = self.ranks(&m);
        let mut subs = Vec::with_capacity(m.factors.len());
        let mut scores = Vec::with_capacity(self.rows.len());
        let mut tiers = Vec::with_capacity(self.rows.len());
        for row in &self.rows {
            let s = evaluate(&m, row, ranks.as_ref(), &mut subs, &mut NoRecord).score_or_nan();
            scores.push(s);
            tiers
                .push(crate::grades::tier::value_tier(s, &m.model.tiers).map_or(0, |t| t.number()));
        }
        score_columns_object(&scores, &tiers)
    }

    /// The full score card of one row.
    #[wasm_bindgen(js_name = scoreCard, unchecked_return_type = "ScoreCard")]
    pub fn score_card(
        &self,
        index: usize,
        #[wasm_bindgen(js_name = "model", unchecked_optional_param_type = "ModelInput")]
        model_input: JsValue,
    ) -> Result<JsValue, JsError> {
        let m = model(&model_input)?;
        let ranks = self.ranks(&m);
        to_js(&score_row_ranked(&m, self.row(index)?, ranks.as_ref()))
    }

    /// The strategy suggestion for one row (options as `suggestStrategy`'s, asOf from the
    /// sheet). Percentiles, the ABC class and whether the list has contact and level columns
    /// come from the sheet's own rows unless the options give them.
    #[wasm_bindgen(unchecked_return_type = "Suggestion")]
    pub fn suggest(
        &self,
        index: usize,
        #[wasm_bindgen(js_name = "options", unchecked_optional_param_type = "SuggestOptions")]
        options_in: JsValue,
    ) -> Result<JsValue, JsError> {
        let o = super::strategy::suggest_options(&options_in, Some(self.as_of))?;
        self.row(index)?;
        let s = self
            .list_context()
            .suggest(&self.rows, index, &o)
            .map_err(err)?;
        to_js(&s)
    }

    /// The list's profitability (MODEL §3.8): per row gross profit, cost to serve and profit,
    /// the whale curve and its peak, the share of loss-making accounts. `options`:
    /// `{costPerVisit, costPerOrder}`.
    #[wasm_bindgen(unchecked_return_type = "AccountProfitability")]
    pub fn profitability(
        &self,
        #[wasm_bindgen(
            js_name = "options",
            unchecked_optional_param_type = "ProfitabilityOptions"
        )]
        options_in: JsValue,
    ) -> Result<JsValue, JsError> {
        let o: crate::grades::profitability::ProfitabilityOptions =
            super::convert::options(&options_in, "options")?;
        super::grades::profitability_object(
            &crate::grades::profitability::account_profitability(&self.rows, &o).map_err(err)?,
        )
    }

    /// One field's values as the crate read them, in the field's unit (money in 元, shares as
    /// fractions, dates as day numbers), NaN where a row has none: `Float64Array`.
    #[wasm_bindgen(js_name = fieldValues)]
    pub fn field_values(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] field: JsValue,
    ) -> Result<Float64Array, JsError> {
        let key = text_arg(&field, "field")?;
        if crate::field::by_key(&key).is_none() {
            return Err(JsError::new(&format!("no field {key}")));
        }
        let values: Vec<f64> = self
            .rows
            .iter()
            .map(|r| r.number(&key).unwrap_or(f64::NAN))
            .collect();
        Ok(Float64Array::from(values.as_slice()))
    }

    /// What the whole list lacks (contact-role columns, ratings, status, dates, margin …), each
    /// with what adding it would unlock: `[{code, zh, en}]`.
    #[wasm_bindgen(js_name = listNotices, unchecked_return_type = "Label[]")]
    pub fn list_notices(&self) -> Result<JsValue, JsError> {
        to_js(&self.list_context().notices())
    }

    /// The list as `.xlsx`: every original column and cell, plus the computed columns —
    /// with no arguments (or `{lang, model, fullPrecision}`) the crate's own (score, tier, next
    /// tier, gap, how to reach it, coverage, problems, matrix cell, top suggestion), else
    /// `headers[i]` over `columns[i]`, one value per row. Text that a spreadsheet would run
    /// as a formula is written as text; the workbook's own formula cells are written back as
    /// formulas with their computed values.
    #[wasm_bindgen(js_name = exportXlsx)]
    pub fn export_xlsx_js(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "string[] | ReportOptions")]
        headers: JsValue,
        #[wasm_bindgen(
            unchecked_optional_param_type = "string[] | Array<ArrayLike<CellValue> | Float64Array>"
        )]
        columns: JsValue,
        #[wasm_bindgen(
            js_name = "extraColumns",
            unchecked_optional_param_type = "Array<ArrayLike<CellValue> | Float64Array>"
        )]
        extra_columns: JsValue,
    ) -> Result<Vec<u8>, JsError> {
        self.export(&headers, &columns, &extra_columns, export_xlsx)
    }

    /// The list as UTF-8 `.csv` with a byte-order mark (Excel opens it with Chinese intact);
    /// formula-like text is prefixed with `'`.
    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv_js(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "string[] | ReportOptions")]
        headers: JsValue,
        #[wasm_bindgen(
            unchecked_optional_param_type = "string[] | Array<ArrayLike<CellValue> | Float64Array>"
        )]
        columns: JsValue,
        #[wasm_bindgen(
            js_name = "extraColumns",
            unchecked_optional_param_type = "Array<ArrayLike<CellValue> | Float64Array>"
        )]
        extra_columns: JsValue,
    ) -> Result<Vec<u8>, JsError> {
        self.export(&headers, &columns, &extra_columns, export_csv)
    }
}
