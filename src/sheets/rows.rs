//! A table's rows as account rows: each column's header is matched to a field once, then
//! every cell goes through [`AccountRow::put_cell`].

use super::{column_letters, comma_to_point, DecimalMark, SheetError, SheetWarning, Source, Table};
use crate::field::{by_key, match_header, FieldId, FieldKind, HeaderMatch, HeaderUnit};
use crate::row::{AccountRow, Cell};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// An explicit mapping that replaces header matching for some columns: 0-based column index
/// → `Some(field key)` to read the column as that field, `None` to leave it unread (carried
/// through in [`AccountRow::unmapped`]). Columns not listed are matched by their header.
pub type ColumnOverrides = BTreeMap<usize, Option<String>>;

/// What one column is read as.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnPlan {
    /// 0-based column index.
    pub column: usize,
    /// The column's (unique) header.
    pub header: String,
    /// The field and unit the column is read as; `None` when it is carried through unread.
    pub matched: Option<HeaderMatch>,
    /// The mapping came from [`ColumnOverrides`] rather than the header.
    pub overridden: bool,
}

impl ColumnPlan {
    /// The key of the field read from this column.
    pub fn field_key(&self) -> Option<&'static str> {
        self.matched.map(|m| m.field.key())
    }
}

/// The rows of a table read as account rows.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountRows {
    /// One per data row of the table, in order (a blank row gives an empty account row), so
    /// `rows[i]` belongs to `table.rows[i]` and to Excel row `table.line_number(i)`.
    pub rows: Vec<AccountRow>,
    /// One per column.
    pub columns: Vec<ColumnPlan>,
    /// The table's warnings and those of the mapping.
    pub warnings: Vec<SheetWarning>,
}

/// Decides what each column is read as.
///
/// A field is read from one column only: when two columns name the same field by their
/// headers (`客户` and `客户名称`), the first is read and the later one is carried through
/// unread, with a warning, so that no value silently overwrites another. A column mapped
/// explicitly takes its field from any column that would have matched it by header; two
/// explicit mappings to one field are an error.
///
/// An explicitly mapped column keeps the unit its header states: `金额(万元)` mapped to
/// `annual_purchase` still reads `120` as 1,200,000.
pub fn plan_columns(
    table: &Table,
    overrides: &ColumnOverrides,
) -> Result<(Vec<ColumnPlan>, Vec<SheetWarning>), SheetError> {
    let width = table.width();
    let mut explicit: BTreeMap<FieldId, usize> = BTreeMap::new();
    for (&column, key) in overrides {
        if column >= width {
            return Err(SheetError::MappedColumnOutOfRange { column, width });
        }
        if let Some(key) = key {
            let field = by_key(key).ok_or_else(|| SheetError::UnknownField(key.clone()))?;
            if let Some(&first) = explicit.get(&field) {
                return Err(SheetError::FieldMappedTwice {
                    field: key.clone(),
                    first,
                    second: column,
                });
            }
            explicit.insert(field, column);
        }
    }

    let mut claimed: BTreeMap<FieldId, usize> = explicit.clone();
    let mut warnings = Vec::new();
    let mut columns = Vec::with_capacity(width);
    for (column, header) in table.headers.iter().enumerate() {
        let (matched, overridden) = match overrides.get(&column) {
            Some(Some(key)) => (
                by_key(key).map(|field| HeaderMatch {
                    field,
                    unit: unit_of_header(header, field),
                }),
                true,
            ),
            Some(None) => (None, true),
            None => {
                let matched = match_header(header.trim()).filter(|m| match claimed.get(&m.field) {
                    Some(&owner) if owner != column => {
                        warnings.push(SheetWarning::FieldInTwoColumns {
                            field: m.field.key(),
                            read_from: owner,
                            ignored: column,
                        });
                        false
                    }
                    _ => true,
                });
                if let Some(m) = matched {
                    claimed.insert(m.field, column);
                }
                (matched, false)
            }
        };
        columns.push(ColumnPlan {
            column,
            header: header.clone(),
            matched,
            overridden,
        });
    }
    Ok((columns, warnings))
}

/// The unit a header states, read as the unit of `field`: the bracketed or slashed tail of
/// `金额(万元)` or `金额/万元`, tried after the field's key so the field's kind decides what it
/// means. No recognised unit: none.
fn unit_of_header(header: &str, field: FieldId) -> HeaderUnit {
    let tail_start = header
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, '(' | '（' | '[' | '［' | '【' | '〔' | '/' | '／'))
        .map(|(i, _)| i);
    tail_start
        .and_then(|i| header.get(i..))
        .and_then(|tail| match_header(&format!("{}{}", field.key(), tail)))
        .filter(|m| m.field == field)
        .map_or(HeaderUnit::NONE, |m| m.unit)
}

/// A text cell of a numeric field in the point form the number reader reads, when the table
/// was read with a decimal comma (`1.200,50` → `1200.50`); every other cell as it is.
fn with_decimal_mark<'a>(
    table: &Table,
    matched: Option<HeaderMatch>,
    cell: &'a Cell,
) -> Cow<'a, Cell> {
    let numeric = matched.is_some_and(|m| {
        matches!(
            m.field.kind(),
            FieldKind::Money
                | FieldKind::Number
                | FieldKind::Count
                | FieldKind::Days
                | FieldKind::Years
                | FieldKind::Ratio
                | FieldKind::Rating
        )
    });
    match cell {
        Cell::Text(text) if numeric && table.decimal == DecimalMark::Comma => {
            match comma_to_point(text) {
                Cow::Owned(point) => Cow::Owned(Cell::Text(point)),
                Cow::Borrowed(_) => Cow::Borrowed(cell),
            }
        }
        _ => Cow::Borrowed(cell),
    }
}

/// Reads one data row (0-based) through a column plan; used again when a cell is edited.
///
/// Each cell error names its cell (`E21`) and, in a workbook, its sheet; it quotes the cell
/// as the file has it, also when a decimal comma was turned into a point to read it.
pub fn account_row(table: &Table, columns: &[ColumnPlan], index: usize) -> AccountRow {
    let line = table.line_number(index);
    let sheet = match &table.source {
        Source::Xlsx { sheet } => Some(sheet.as_str()),
        _ => None,
    };
    let mut row = AccountRow::new();
    // Columns no field reads stay in the table (the export writes them from there): they are
    // not copied into every account row.
    for plan in columns.iter().filter(|p| p.matched.is_some()) {
        let original = table.cell(index, plan.column);
        let cell = with_decimal_mark(table, plan.matched, original);
        let (errors, notes) = (row.errors.len(), row.notes.len());
        row.put_cell(&plan.header, plan.matched, &cell, Some(line));
        let converted = matches!(cell, Cow::Owned(_));
        let original_text = || match original {
            Cell::Text(t) => t.chars().take(200).collect::<String>(),
            _ => String::new(),
        };
        for error in row.errors.iter_mut().skip(errors) {
            error.cell = Some(format!("{}{line}", column_letters(plan.column)));
            error.sheet = sheet.map(str::to_string);
            if converted {
                error.text = original_text();
            }
        }
        if converted {
            for note in row.notes.iter_mut().skip(notes) {
                note.text = original_text();
            }
        }
    }
    row
}

/// Reads every data row of a table into an account row.
///
/// Cell errors carry the row number Excel shows ([`Table::line_number`]): 1-based, counting
/// the title rows and the header row, so "row 7" is the row the user finds at 7 in Excel.
pub fn account_rows(table: &Table, overrides: &ColumnOverrides) -> Result<AccountRows, SheetError> {
    let (columns, mapping_warnings) = plan_columns(table, overrides)?;
    let rows = (0..table.rows.len())
        .map(|index| account_row(table, &columns, index))
        .collect();
    let mut warnings = table.warnings.clone();
    warnings.extend(mapping_warnings);
    Ok(AccountRows {
        rows,
        columns,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::row::Cell;
    use crate::sheets::{Limits, Source};

    fn table(grid: Vec<Vec<&str>>) -> Table {
        let grid = grid
            .into_iter()
            .map(|row| {
                row.into_iter()
                    .map(|t| {
                        if t.is_empty() {
                            Cell::Empty
                        } else {
                            Cell::from(t)
                        }
                    })
                    .collect()
            })
            .collect();
        Table::from_grid(grid, None, &[], Source::Cells, &Limits::default()).unwrap()
    }

    #[test]
    fn rows_fields_and_excel_row_numbers() {
        let t = table(vec![
            vec!["重点客户名单"],
            vec!["客户名称", "年采购额(万元)", "毛利率", "喜欢的颜色"],
            vec!["甲公司", "120", "20%", "蓝"],
            vec![],
            vec!["乙公司", "很多", "", ""],
        ]);
        let read = account_rows(&t, &ColumnOverrides::new()).unwrap();
        assert_eq!(read.rows.len(), 3, "every data row, the blank one too");
        assert_eq!(read.rows[0].text("name"), Some("甲公司"));
        assert_eq!(read.rows[0].number("annual_purchase"), Some(1_200_000.0));
        assert_eq!(read.rows[0].number("gross_margin"), Some(0.2));
        assert!(
            read.rows[0].unmapped.is_empty(),
            "unmapped cells stay in the table"
        );
        assert_eq!(t.cell(0, 3), &Cell::Text("蓝".into()));
        assert_eq!(read.rows[1].values().count(), 0);
        let error = &read.rows[2].errors[0];
        // Title row 1, header row 2, data rows 3, 4 (blank), 5.
        assert_eq!(error.row, Some(5));
        assert_eq!(error.column, "年采购额(万元)");
        assert_eq!(read.columns[3].matched, None);
    }

    #[test]
    fn a_field_named_twice_is_read_from_the_first_column() {
        let t = table(vec![
            vec!["客户", "客户名称", "销售额"],
            vec!["甲", "甲公司", "5"],
        ]);
        let read = account_rows(&t, &ColumnOverrides::new()).unwrap();
        assert_eq!(read.rows[0].text("name"), Some("甲"));
        assert!(read.rows[0].unmapped.is_empty());
        assert_eq!(
            read.columns[1].matched, None,
            "the second column is carried through unread"
        );
        assert_eq!(
            read.warnings,
            vec![SheetWarning::FieldInTwoColumns {
                field: "name",
                read_from: 0,
                ignored: 1
            }]
        );
    }

    #[test]
    fn overrides_map_ignore_and_keep_the_unit() {
        let t = table(vec![
            vec!["客户名称", "金额（万元）", "客户", "x"],
            vec!["甲公司", "3", "甲", "7"],
        ]);
        let overrides: ColumnOverrides = [
            (1, Some("annual_purchase".to_string())),
            (2, Some("name".to_string())),
            (0, None),
        ]
        .into_iter()
        .collect();
        let read = account_rows(&t, &overrides).unwrap();
        assert_eq!(read.rows[0].text("name"), Some("甲"));
        assert_eq!(read.rows[0].number("annual_purchase"), Some(30_000.0));
        assert_eq!(read.columns[0].matched, None);
        assert!(read.columns[0].overridden);
        assert_eq!(read.columns[2].field_key(), Some("name"));

        let bad: ColumnOverrides = [(9, None)].into_iter().collect();
        assert_eq!(
            account_rows(&t, &bad),
            Err(SheetError::MappedColumnOutOfRange {
                column: 9,
                width: 4
            })
        );
        let bad: ColumnOverrides = [(3, Some("colour".into()))].into_iter().collect();
        assert_eq!(
            account_rows(&t, &bad),
            Err(SheetError::UnknownField("colour".into()))
        );
        let bad: ColumnOverrides = [(2, Some("name".into())), (3, Some("name".into()))]
            .into_iter()
            .collect();
        assert!(matches!(
            account_rows(&t, &bad),
            Err(SheetError::FieldMappedTwice { .. })
        ));
    }
}
