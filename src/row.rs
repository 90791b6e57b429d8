//! One account row: the values of the known fields, read from cells, with every cell that
//! could not be read kept as an error (row, column, text, reason) and every unmapped column
//! carried through untouched.

use crate::field::{by_key, match_header, FieldId, FieldKind, HeaderMatch, HeaderUnit};
use crate::parse::{
    check_rating, excel_serial_to_days, normalize_width, parse_date, parse_flag, parse_rating,
    read_quantity, Dimension, Marks, ParseError, ReadRules, Reading, MAX_CELL_CHARS,
};
use crate::texts::{fill, text, Lang};
use serde::Serialize;
use std::fmt;

/// A field's value after reading.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Number(f64),
    Text(String),
    Flag(bool),
    /// Days since 1970-01-01.
    Date(i64),
}

/// A cell as it arrives from JavaScript, a spreadsheet or a file.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Number(f64),
    Text(String),
    Bool(bool),
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}
impl From<f64> for Cell {
    fn from(v: f64) -> Cell {
        Cell::Number(v)
    }
}
impl From<bool> for Cell {
    fn from(v: bool) -> Cell {
        Cell::Bool(v)
    }
}

/// A cell that could not be read, with where it stands, its stable code and its reason in
/// every language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellError {
    /// Row number in the sheet (1 = first data row) when known.
    pub row: Option<usize>,
    /// The column's header as the user wrote it.
    pub column: String,
    /// The field the column was mapped to.
    pub field: &'static str,
    /// The cell's text, cut to 200 characters.
    pub text: String,
    /// The stable code of the reason ([`ParseError::code`]).
    pub code: &'static str,
    /// Why it could not be read, in English (as `en`).
    pub reason: String,
    pub zh: String,
    pub en: String,
    /// The cell as Excel names it (`E21`), when the reader knows where it stands (a file's
    /// table; not a row handed over as pairs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
    /// The workbook sheet the cell is on, when it comes from one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
}

impl CellError {
    /// The error for `text` under `column`, read as `field`.
    pub fn new(
        row: Option<usize>,
        column: &str,
        field: &'static str,
        text: &str,
        problem: &ParseError,
    ) -> CellError {
        let label = problem.label();
        CellError {
            row,
            column: column.to_string(),
            field,
            text: cut(text),
            code: problem.code(),
            reason: label.en.clone(),
            zh: label.zh,
            en: label.en,
            cell: None,
            sheet: None,
        }
    }

    /// The whole message in one language: row, column, text and reason.
    pub fn message(&self, lang: Lang) -> String {
        let key = if self.row.is_some() {
            "cell_error_at.row"
        } else {
            "cell_error_at.no_row"
        };
        let row = self.row.map(|r| r.to_string()).unwrap_or_default();
        fill(
            text(lang, key),
            &[
                ("row", &row),
                ("column", &self.column),
                ("field", crate::texts::field_label(lang, self.field)),
                ("text", &self.text),
                ("reason", lang.pick_text(&self.zh, &self.en)),
            ],
        )
    }
}

impl fmt::Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// A value read with a doubt the user must see (approximate, a range's midpoint) or in a
/// foreign currency: kept beside the value for the breakdown and the problems column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellNote {
    pub row: Option<usize>,
    pub column: String,
    pub field: &'static str,
    pub text: String,
    pub marks: Marks,
    /// The unit the cell named, if any (`USD` for a foreign currency).
    pub unit: Option<&'static str>,
    /// The cell named a currency other than 元 (never converted).
    pub foreign_currency: bool,
}

/// A row of an account list, read into fields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AccountRow {
    /// Present values, sorted by field, at most one per field.
    values: Vec<(FieldId, Value)>,
    /// Cells that could not be read; their fields count as missing.
    pub errors: Vec<CellError>,
    /// Values read with a mark the user must see (approximate, range, foreign currency).
    pub notes: Vec<CellNote>,
    /// Columns no field matched, as (header, text), kept for the export.
    pub unmapped: Vec<(String, String)>,
}

/// Reads a ratio: `23%` → 0.23; in a `(%)` column or when above 1 in magnitude, a bare
/// number is percent points (`23` → 0.23), since shares above 100 % are rare in account data.
fn ratio(value: f64, text_percent: bool, unit: HeaderUnit) -> f64 {
    if text_percent {
        value
    } else if unit.percent || value.abs() > 1.0 {
        value / 100.0
    } else {
        value
    }
}

/// A cell's value as read, with what the reading noticed.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadValue {
    pub value: Value,
    pub marks: Marks,
    pub unit: Option<&'static str>,
    pub foreign_currency: bool,
}

impl From<Value> for ReadValue {
    fn from(value: Value) -> ReadValue {
        ReadValue {
            value,
            marks: Marks::NONE,
            unit: None,
            foreign_currency: false,
        }
    }
}

/// Reads one cell for a field. `Ok(None)` means the cell holds no value.
pub fn read_cell(
    field: FieldId,
    unit: HeaderUnit,
    cell: &Cell,
    rules: ReadRules,
) -> Result<Option<ReadValue>, ParseError> {
    let kind = field.kind();
    match cell {
        Cell::Empty => Ok(None),
        Cell::Bool(b) => match kind {
            FieldKind::Flag => Ok(Some(Value::Flag(*b).into())),
            _ => Err(ParseError::FlagNotAllowed(kind.code())),
        },
        Cell::Number(v) => {
            if v.is_nan() {
                return Ok(None);
            }
            if !v.is_finite() {
                return Err(ParseError::NotFinite);
            }
            let v = *v;
            Ok(Some(
                match kind {
                    FieldKind::Money
                    | FieldKind::Number
                    | FieldKind::Count
                    | FieldKind::Days
                    | FieldKind::Years => Value::Number(v * unit.scale),
                    FieldKind::Ratio => Value::Number(ratio(v, false, unit)),
                    FieldKind::Date => {
                        Value::Date(excel_serial_to_days(v).ok_or(ParseError::NotADate)?)
                    }
                    FieldKind::Rating => Value::Number(check_rating(v)?),
                    FieldKind::Category | FieldKind::Text => Value::Text(format_number(v)),
                    FieldKind::Flag => match v {
                        1.0 => Value::Flag(true),
                        0.0 => Value::Flag(false),
                        _ => return Err(ParseError::NumberNotAllowed(kind.code())),
                    },
                }
                .into(),
            ))
        }
        Cell::Text(text) => read_text(kind, unit, text, rules),
    }
}

fn read_text(
    kind: FieldKind,
    unit: HeaderUnit,
    text: &str,
    rules: ReadRules,
) -> Result<Option<ReadValue>, ParseError> {
    let number = |r: Reading, value: f64| ReadValue {
        value: Value::Number(value),
        marks: r.marks,
        unit: r.unit,
        foreign_currency: r.foreign_currency,
    };
    Ok(match kind {
        FieldKind::Money
        | FieldKind::Number
        | FieldKind::Count
        | FieldKind::Days
        | FieldKind::Years => read_quantity(text, kind.dimension(), rules)?.map(|r| {
            let scale = if r.scaled { 1.0 } else { unit.scale };
            number(r, r.value * scale)
        }),
        FieldKind::Ratio => read_quantity(text, Dimension::Ratio, rules)?
            .map(|r| number(r, ratio(r.value, r.percent, unit))),
        FieldKind::Date => parse_date(text)?.map(|d| Value::Date(d).into()),
        FieldKind::Rating => parse_rating(text)?.map(|v| Value::Number(v).into()),
        FieldKind::Flag => parse_flag(text)?.map(|b| Value::Flag(b).into()),
        FieldKind::Category => {
            if text.len() > MAX_CELL_CHARS && text.chars().count() > MAX_CELL_CHARS {
                return Err(ParseError::TooLong(MAX_CELL_CHARS));
            }
            // ASCII needs no width fold (one copy, not three).
            let t = if text.is_ascii() {
                text.trim().to_string()
            } else {
                normalize_width(text).trim().to_string()
            };
            (!crate::parse::is_blank_marker(&t)).then(|| Value::Text(t).into())
        }
        FieldKind::Text => {
            let t = text.trim();
            (!t.is_empty()).then(|| Value::Text(t.to_string()).into())
        }
    })
}

/// A number as a spreadsheet shows it: `5`, not `5.0`.
pub fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn cut(text: &str) -> String {
    text.chars().take(200).collect()
}

fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Number(v) => format_number(*v),
        Cell::Text(t) => t.clone(),
        Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
    }
}

impl AccountRow {
    /// An empty row.
    pub fn new() -> AccountRow {
        AccountRow::default()
    }

    /// Empties the row, keeping its buffers (a scorer reuses one row for every call).
    pub fn clear(&mut self) {
        self.values.clear();
        self.errors.clear();
        self.notes.clear();
        self.unmapped.clear();
    }

    /// Reads a row from (header, cell) pairs: headers are field keys or header texts in
    /// Chinese or English. Cells that cannot be read become errors; the rest are kept.
    pub fn from_pairs<'a, I>(pairs: I, row_number: Option<usize>) -> AccountRow
    where
        I: IntoIterator<Item = (&'a str, Cell)>,
    {
        let mut row = AccountRow::new();
        for (header, cell) in pairs {
            row.put_cell(header, match_header(header), &cell, row_number);
        }
        row
    }

    /// Puts one cell under a header already matched (or not) to a field.
    pub fn put_cell(
        &mut self,
        header: &str,
        matched: Option<HeaderMatch>,
        cell: &Cell,
        row_number: Option<usize>,
    ) {
        self.put_cell_with(header, matched, cell, row_number, ReadRules::default());
    }

    /// As [`AccountRow::put_cell`], under explicit read rules (`strict`).
    pub fn put_cell_with(
        &mut self,
        header: &str,
        matched: Option<HeaderMatch>,
        cell: &Cell,
        row_number: Option<usize>,
        rules: ReadRules,
    ) {
        let Some(m) = matched else {
            self.unmapped.push((header.to_string(), cell_text(cell)));
            return;
        };
        match read_cell(m.field, m.unit, cell, rules) {
            Ok(Some(read)) => {
                if read.marks.is_doubtful() || read.foreign_currency {
                    self.notes.push(CellNote {
                        row: row_number,
                        column: header.to_string(),
                        field: m.field.key(),
                        text: cut(&cell_text(cell)),
                        marks: read.marks,
                        unit: read.unit,
                        foreign_currency: read.foreign_currency,
                    });
                }
                self.set(m.field, read.value);
            }
            Ok(None) => {}
            Err(problem) => self.errors.push(CellError::new(
                row_number,
                header,
                m.field.key(),
                &cell_text(cell),
                &problem,
            )),
        }
    }

    /// The marks of the value read for `field` (none for a value read plainly).
    pub fn marks(&self, field: &str) -> Marks {
        self.notes
            .iter()
            .filter(|n| n.field == field)
            .fold(Marks::NONE, |m, n| m | n.marks)
    }

    /// Sets a field's value, replacing any earlier one.
    pub fn set(&mut self, field: FieldId, value: Value) {
        match self.values.binary_search_by_key(&field, |(f, _)| *f) {
            Ok(i) => self.values[i].1 = value,
            Err(i) => self.values.insert(i, (field, value)),
        }
    }

    /// Sets a field by key; `false` if no field has that key.
    pub fn set_key(&mut self, key: &str, value: Value) -> bool {
        by_key(key).map(|f| self.set(f, value)).is_some()
    }

    /// The value of a field, if present.
    pub fn get(&self, field: FieldId) -> Option<&Value> {
        self.values
            .binary_search_by_key(&field, |(f, _)| *f)
            .ok()
            .map(|i| &self.values[i].1)
    }

    /// The value of the field with this key, if present.
    pub fn value(&self, key: &str) -> Option<&Value> {
        self.get(by_key(key)?)
    }

    /// A numeric field's value (dates give their day number).
    pub fn number(&self, key: &str) -> Option<f64> {
        match self.value(key)? {
            Value::Number(v) => Some(*v),
            Value::Date(d) => Some(*d as f64),
            _ => None,
        }
    }

    /// A text or category field's value.
    pub fn text(&self, key: &str) -> Option<&str> {
        match self.value(key)? {
            Value::Text(t) => Some(t),
            _ => None,
        }
    }

    /// A yes/no field: `None` when not known.
    pub fn flag(&self, key: &str) -> Option<bool> {
        match self.value(key)? {
            Value::Flag(b) => Some(*b),
            _ => None,
        }
    }

    /// A yes/no field where "not known" counts as no (the pipeline's rule).
    pub fn fact(&self, key: &str) -> bool {
        self.flag(key).unwrap_or(false)
    }

    /// A date field as days since 1970-01-01.
    pub fn date(&self, key: &str) -> Option<i64> {
        match self.value(key)? {
            Value::Date(d) => Some(*d),
            _ => None,
        }
    }

    /// Fills `last_order_days` from `last_order_date` as of a day (days since 1970-01-01),
    /// when only the date is given. An order dated after `as_of` counts as today.
    pub fn derive_recency(&mut self, as_of_days: i64) {
        if self.number("last_order_days").is_none() {
            if let (Some(date), Some(field)) =
                (self.date("last_order_date"), by_key("last_order_days"))
            {
                self.set(field, Value::Number((as_of_days - date).max(0) as f64));
            }
        }
    }

    /// The present values, in field order.
    pub fn values(&self) -> impl Iterator<Item = (FieldId, &Value)> {
        self.values.iter().map(|(f, v)| (*f, v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_messy_chinese_row() {
        let row = AccountRow::from_pairs(
            [
                ("客户名称", Cell::from("华东精密机械有限公司")),
                ("年采购额(万元)", Cell::from("1,200")),
                ("毛利率", Cell::from("23%")),
                ("信用等级", Cell::from(" A ")),
                ("最近下单日期", Cell::from("2026年3月15日")),
                ("是否上市", Cell::from("是")),
                ("满意度", Cell::from("一般满意")),
                ("喜欢的颜色", Cell::from("蓝")),
            ],
            Some(1),
        );
        assert!(row.errors.is_empty(), "{:?}", row.errors);
        assert_eq!(row.text("name"), Some("华东精密机械有限公司"));
        assert_eq!(row.number("annual_purchase"), Some(12_000_000.0));
        assert_eq!(row.number("gross_margin"), Some(0.23));
        assert_eq!(row.text("credit_rating"), Some("A"));
        assert_eq!(
            row.date("last_order_date"),
            crate::parse::days_from_civil(2026, 3, 15)
        );
        assert_eq!(row.flag("listed"), Some(true));
        assert_eq!(row.number("satisfaction"), Some(4.0));
        assert_eq!(
            row.unmapped,
            vec![("喜欢的颜色".to_string(), "蓝".to_string())]
        );
    }

    #[test]
    fn a_cell_with_its_own_magnitude_is_not_scaled_again() {
        let row = AccountRow::from_pairs([("年采购额(万元)", Cell::from("¥1.2亿"))], None);
        assert_eq!(row.number("annual_purchase"), Some(1.2e8));
    }

    #[test]
    fn ratios_in_every_form() {
        for (cell, want) in [
            (Cell::from("23%"), 0.23),
            (Cell::from("0.23"), 0.23),
            (Cell::from("23"), 0.23),
            (Cell::Number(0.23), 0.23),
            (Cell::Number(23.0), 0.23),
        ] {
            let row = AccountRow::from_pairs([("gross_margin", cell.clone())], None);
            let got = row.number("gross_margin").unwrap();
            assert!((got - want).abs() < 1e-12, "{cell:?} gave {got}");
        }
        let row = AccountRow::from_pairs([("毛利率(%)", Cell::Number(0.5))], None);
        assert_eq!(row.number("gross_margin"), Some(0.005));
    }

    #[test]
    fn bad_cells_are_errors_with_row_column_text_and_reason() {
        let row = AccountRow::from_pairs(
            [
                ("客户名称", Cell::from("甲公司")),
                ("年采购额", Cell::from("很多")),
                ("满意度", Cell::from("9")),
                ("是否上市", Cell::Number(3.0)),
                ("毛利率", Cell::from("20%")),
            ],
            Some(7),
        );
        assert_eq!(row.errors.len(), 3);
        let e = &row.errors[0];
        assert_eq!(e.row, Some(7));
        assert_eq!(e.column, "年采购额");
        assert_eq!(e.field, "annual_purchase");
        assert_eq!(e.text, "很多");
        assert_eq!(e.code, "not_a_number");
        assert_eq!(e.reason, "not a number");
        assert_eq!(row.number("annual_purchase"), None, "never a silent zero");
        assert_eq!(
            row.number("gross_margin"),
            Some(0.2),
            "the other cells are kept"
        );
        assert!(e.to_string().contains("row 7"));
    }

    #[test]
    fn blank_markers_leave_the_field_missing() {
        let row = AccountRow::from_pairs(
            [
                ("年采购额", Cell::from("N/A")),
                ("信用等级", Cell::from("-")),
            ],
            None,
        );
        assert!(row.errors.is_empty());
        assert_eq!(row.number("annual_purchase"), None);
        assert_eq!(row.text("credit_rating"), None);
    }

    #[test]
    fn numbers_in_text_and_flag_fields() {
        let row = AccountRow::from_pairs(
            [
                ("credit_rating", Cell::Number(4.0)),
                ("contract_signed", Cell::Number(1.0)),
                ("last_order_date", Cell::Number(46096.0)),
            ],
            None,
        );
        assert_eq!(row.text("credit_rating"), Some("4"));
        assert!(row.fact("contract_signed"));
        assert_eq!(
            row.date("last_order_date"),
            crate::parse::days_from_civil(2026, 3, 15)
        );
        assert!(!row.fact("paid"), "not known counts as no");
    }
}
