//! End-to-end tests: files built here byte by byte (GBK with encoding_rs, UTF-16 by hand,
//! workbooks with rust_xlsxwriter), read, mapped, exported and read again.

use super::*;
use crate::parse::days_from_civil;
use crate::row::Cell;
use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{Format, Formula, Workbook};
use std::io::Cursor;

const CSV_TEXT: &str = "2026年华东区重点客户\r\n\
客户名称,年采购额(万元),毛利率,信用等级,备注\r\n\
华东精密机械有限公司,1200,23%,A,\"老客户，\r\n需重点维护\"\r\n\
苏州新材料股份公司,-5,-12.5%,B\r\n\
\r\n\
杭州电子科技,\"1,800\",18%,A,=HYPERLINK(\"http://x\")\r\n";

fn options() -> ReadOptions {
    ReadOptions::default()
}

fn text_of(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => t.clone(),
        Cell::Empty => String::new(),
        other => panic!("expected text, got {other:?}"),
    }
}

/// The CSV sample's expectations, whatever the encoding it was read from.
fn check_sample(table: &Table) {
    assert_eq!(table.header_row, 1);
    assert_eq!(table.title_rows, vec!["2026年华东区重点客户"]);
    assert_eq!(
        table.headers,
        vec!["客户名称", "年采购额(万元)", "毛利率", "信用等级", "备注"]
    );
    assert_eq!(table.rows.len(), 4, "the blank row in the middle is kept");
    assert_eq!(text_of(table.cell(0, 0)), "华东精密机械有限公司");
    assert_eq!(text_of(table.cell(0, 4)), "老客户，\r\n需重点维护");
    assert_eq!(text_of(table.cell(1, 1)), "-5");
    assert_eq!(table.rows[1].len(), 4, "a short row stays as it was");
    assert_eq!(table.cell(1, 4), &Cell::Empty);
    assert!(table.rows[2].is_empty());
    assert_eq!(text_of(table.cell(3, 1)), "1,800");
    assert_eq!(text_of(table.cell(3, 4)), "=HYPERLINK(\"http://x\")");
}

#[test]
fn gbk_csv_as_excel_on_chinese_windows_saves_it() {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(CSV_TEXT);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the sample must not be valid UTF-8, or the GBK path is not tested"
    );
    let table = read_table(&bytes, &options()).unwrap();
    check_sample(&table);
    assert_eq!(
        table.source,
        Source::Csv {
            encoding: TextEncoding::Gb18030,
            delimiter: ','
        }
    );
    assert!(table.warnings.is_empty(), "{:?}", table.warnings);
}

#[test]
fn utf8_with_and_without_bom() {
    let plain = read_table(CSV_TEXT.as_bytes(), &options()).unwrap();
    check_sample(&plain);
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(CSV_TEXT.as_bytes());
    let table = read_table(&with_bom, &options()).unwrap();
    check_sample(&table);
    assert!(matches!(
        table.source,
        Source::Csv {
            encoding: TextEncoding::Utf8Bom,
            ..
        }
    ));
    // The mark must not stick to the first cell: a header in A1 must still match its field.
    let table = read_table("\u{FEFF}客户名称,销售额\n甲,1\n".as_bytes(), &options()).unwrap();
    assert_eq!(table.headers[0], "客户名称");
    assert_eq!(table.header_row, 0);
}

#[test]
fn utf16_with_bom_both_byte_orders_and_tabs() {
    // Excel's "Unicode text" is UTF-16LE with a mark and tab-separated.
    let text = CSV_TEXT.replace(',', "\t").replace("\"1\t800\"", "1800");
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    for (bytes, encoding) in [(le, TextEncoding::Utf16Le), (be, TextEncoding::Utf16Be)] {
        let table = read_table(&bytes, &options()).unwrap();
        assert_eq!(
            table.source,
            Source::Csv {
                encoding,
                delimiter: '\t'
            }
        );
        assert_eq!(table.headers[1], "年采购额(万元)");
        assert_eq!(text_of(table.cell(0, 4)), "老客户，\r\n需重点维护");
        assert_eq!(table.rows.len(), 4);
    }
}

#[test]
fn old_mac_line_ends_and_semicolons() {
    let text = "Name;Annual purchase;Growth\r甲;1,5;-3%\r\r乙;2;\r";
    let table = read_table(text.as_bytes(), &options()).unwrap();
    assert_eq!(
        table.source,
        Source::Csv {
            encoding: TextEncoding::Utf8,
            delimiter: ';'
        }
    );
    assert_eq!(table.rows.len(), 3);
    assert_eq!(text_of(table.cell(0, 1)), "1,5");
    assert!(table.rows[1].is_empty());
    assert_eq!(table.cell(2, 2), &Cell::Empty);
}

#[test]
fn pasted_cells_and_an_explicit_delimiter() {
    let pasted = "客户名称\t销售额\n甲\t100\n乙\t200";
    let table = read_csv_text(pasted, &options()).unwrap();
    assert_eq!(table.rows.len(), 2);
    assert_eq!(text_of(table.cell(1, 1)), "200");
    let forced = ReadOptions {
        delimiter: Some('|'),
        ..options()
    };
    let table = read_csv_text("客户名称|销售额\n甲|1,000\n", &forced).unwrap();
    assert_eq!(text_of(table.cell(0, 1)), "1,000");
    assert_eq!(
        read_csv_text(
            "a",
            &ReadOptions {
                delimiter: Some('，'),
                ..options()
            }
        ),
        Err(SheetError::BadDelimiter('，'))
    );
}

#[test]
fn ragged_rows_are_kept_and_widen_the_table() {
    let text = "客户名称,销售额\n甲,1,extra\n乙\n丙,3\n";
    let table = read_table(text.as_bytes(), &options()).unwrap();
    assert_eq!(table.rows.len(), 3);
    assert_eq!(table.width(), 3);
    assert_eq!(table.headers[2], "");
    assert_eq!(text_of(table.cell(0, 2)), "extra");
    assert_eq!(table.cell(1, 1), &Cell::Empty);
}

#[test]
fn duplicate_headers_in_a_file() {
    let text = "客户名称,备注,备注\n甲,x,y\n";
    let table = read_table(text.as_bytes(), &options()).unwrap();
    assert_eq!(table.headers, vec!["客户名称", "备注", "备注_2"]);
    assert_eq!(table.warnings.len(), 1);
    assert!(table.warnings[0].to_string().contains("column C"));
}

#[test]
fn limits_refuse_before_reading() {
    let small = ReadOptions {
        limits: Limits {
            max_bytes: 10,
            ..Limits::default()
        },
        ..options()
    };
    assert_eq!(
        read_table(CSV_TEXT.as_bytes(), &small),
        Err(SheetError::TooLarge {
            size: CSV_TEXT.len(),
            limit: 10
        })
    );
    let few_rows = ReadOptions {
        limits: Limits {
            max_rows: 5,
            ..Limits::default()
        },
        ..options()
    };
    // Title, header, two data rows, a blank row, a data row: six rows.
    assert_eq!(
        read_table(CSV_TEXT.as_bytes(), &few_rows),
        Err(SheetError::TooManyRows { limit: 5 })
    );
    let few_columns = ReadOptions {
        limits: Limits {
            max_columns: 4,
            ..Limits::default()
        },
        ..options()
    };
    assert_eq!(
        read_table(CSV_TEXT.as_bytes(), &few_columns),
        Err(SheetError::TooManyColumns {
            columns: 5,
            limit: 4
        })
    );
    let xlsx = sample_workbook();
    assert_eq!(
        read_table(&xlsx, &few_rows),
        Err(SheetError::TooManyRows { limit: 5 })
    );
    assert_eq!(read_table(b"", &options()), Err(SheetError::Empty));
    assert_eq!(read_table(b"\r\n\r\n", &options()), Err(SheetError::Empty));
}

#[test]
fn default_limits() {
    let limits = Limits::default();
    assert_eq!(limits.max_bytes, 100 * 1024 * 1024);
    assert_eq!(limits.max_rows, 1_000_000);
}

/// A workbook as a sales assistant makes one: a merged title across the table, a blank
/// row, the header on row 3, then data with numbers, text, a boolean, a date, an error cell
/// and a blank row in the middle; a second sheet.
fn sample_workbook() -> Vec<u8> {
    let mut workbook = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let sheet = workbook.add_worksheet();
    sheet.set_name("客户清单").unwrap();
    sheet
        .merge_range(0, 0, 0, 5, "2026年重点客户名单", &Format::new())
        .unwrap();
    for (c, h) in [
        "客户名称",
        "年采购额(万元)",
        "是否上市",
        "最近下单日期",
        "增长率",
        "备注",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(2, c as u16, *h).unwrap();
    }
    sheet.write_string(3, 0, "华东精密机械").unwrap();
    sheet.write_number(3, 1, 1200.5).unwrap();
    sheet.write_boolean(3, 2, true).unwrap();
    sheet
        .write_number_with_format(3, 3, 46096.0, &date)
        .unwrap();
    sheet.write_number(3, 4, -0.125).unwrap();
    sheet.write_string(3, 5, "@SUM(A1:A9)").unwrap();
    sheet.write_string(5, 0, "苏州新材料").unwrap();
    sheet
        .write_formula(5, 1, Formula::new("=NA()").set_result("#N/A"))
        .unwrap();
    sheet.write_string(5, 4, "-5").unwrap();
    sheet.write_string(5, 5, "\t=1+1").unwrap();
    let second = workbook.add_worksheet();
    second.set_name("说明").unwrap();
    second.write_string(0, 0, "notes").unwrap();
    workbook.save_to_buffer().unwrap()
}

#[test]
fn xlsx_with_a_merged_title_row() {
    let bytes = sample_workbook();
    assert_eq!(xlsx_sheet_names(&bytes).unwrap(), vec!["客户清单", "说明"]);
    let table = read_table(&bytes, &options()).unwrap();
    assert_eq!(
        table.source,
        Source::Xlsx {
            sheet: "客户清单".into()
        }
    );
    assert_eq!(table.header_row, 2);
    assert_eq!(table.title_rows, vec!["2026年重点客户名单", ""]);
    assert_eq!(table.headers[3], "最近下单日期");
    assert_eq!(table.rows.len(), 3);
    assert_eq!(table.cell(0, 0), &Cell::from("华东精密机械"));
    assert_eq!(table.cell(0, 1), &Cell::Number(1200.5));
    assert_eq!(table.cell(0, 2), &Cell::Bool(true));
    assert_eq!(table.cell(0, 3), &Cell::Number(46096.0));
    assert_eq!(table.cell(0, 4), &Cell::Number(-0.125));
    assert!(table.rows[1].is_empty(), "{:?}", table.rows[1]);
    assert_eq!(table.cell(2, 1), &Cell::from("#N/A"));
    assert_eq!(table.cell(2, 4), &Cell::from("-5"));
    assert_eq!(
        table.date_columns,
        vec![false, false, false, true, false, false]
    );
    assert_eq!(table.line_number(2), 6);

    let rows = account_rows(&table, &ColumnOverrides::new()).unwrap();
    let first = &rows.rows[0];
    assert_eq!(first.number("annual_purchase"), Some(12_005_000.0));
    assert_eq!(first.flag("listed"), Some(true));
    assert_eq!(first.date("last_order_date"), days_from_civil(2026, 3, 15));
    assert_eq!(first.number("growth_rate"), Some(-0.125));
    // "#N/A" is a blank mark: no value and no error. The error-free row is row 6 in Excel.
    let third = &rows.rows[2];
    assert_eq!(third.number("annual_purchase"), None);
    assert!(third.errors.is_empty(), "{:?}", third.errors);
}

#[test]
fn xlsx_sheet_choice() {
    let bytes = sample_workbook();
    for choice in [
        SheetChoice::Named("说明".into()),
        SheetChoice::Named(" 说明 ".into()),
        SheetChoice::Index(1),
    ] {
        let table = read_xlsx(
            &bytes,
            &ReadOptions {
                sheet: choice.clone(),
                ..options()
            },
        )
        .unwrap();
        assert_eq!(table.headers, vec!["notes"], "{choice:?}");
    }
    assert!(matches!(
        read_xlsx(
            &bytes,
            &ReadOptions {
                sheet: SheetChoice::Named("Sheet9".into()),
                ..options()
            }
        ),
        Err(SheetError::SheetNotFound { .. })
    ));
    assert_eq!(
        read_xlsx(
            &bytes,
            &ReadOptions {
                sheet: SheetChoice::Index(2),
                ..options()
            }
        ),
        Err(SheetError::SheetIndexOutOfRange { index: 2, count: 2 })
    );
    assert!(matches!(
        read_table(b"PK\x03\x04 not really a zip", &options()),
        Err(SheetError::Xlsx(_))
    ));
}

#[test]
fn merged_cells_in_the_data_are_reported() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "区域").unwrap();
    sheet.write_string(0, 1, "客户名称").unwrap();
    sheet
        .merge_range(1, 0, 3, 0, "华东", &Format::new())
        .unwrap();
    for r in 1..4 {
        sheet.write_string(r, 1, format!("客户{r}")).unwrap();
    }
    let bytes = workbook.save_to_buffer().unwrap();
    let table = read_table(&bytes, &options()).unwrap();
    assert_eq!(table.cell(0, 0), &Cell::from("华东"));
    assert_eq!(table.cell(1, 0), &Cell::Empty);
    assert_eq!(
        table.warnings,
        vec![SheetWarning::MergedCells {
            range: "A2:A4".into()
        }]
    );
}

fn computed_headers() -> Vec<String> {
    vec!["得分".to_string(), "等级".to_string()]
}

fn computed_rows(n: usize) -> Vec<Vec<Cell>> {
    (0..n)
        .map(|i| {
            if i == 1 {
                vec![]
            } else {
                vec![Cell::Number(80.5 - i as f64), Cell::from("=VIP")]
            }
        })
        .collect()
}

/// Every cell of `original` is in `again` at the same place, with the same header row and
/// titles.
fn assert_same_cells(original: &Table, again: &Table) {
    assert_eq!(again.header_row, original.header_row);
    assert_eq!(again.title_rows, original.title_rows);
    assert_eq!(again.rows.len(), original.rows.len());
    for column in 0..original.width() {
        assert_eq!(
            again.header_cells.get(column),
            original.header_cells.get(column),
            "header {column}"
        );
        for row in 0..original.rows.len() {
            assert_eq!(
                again.cell(row, column),
                original.cell(row, column),
                "row {row} column {column}"
            );
        }
    }
}

#[test]
fn csv_round_trip_keeps_every_cell() {
    // The sample without its formula-like cell: guarded cells are the one documented change.
    let text = CSV_TEXT.replace(",=HYPERLINK(\"http://x\")", ",www");
    let original = read_table(text.as_bytes(), &options()).unwrap();
    let exported = export_csv(&original, Computed::default(), &ExportOptions::default()).unwrap();
    assert!(exported.starts_with(b"\xEF\xBB\xBF"));
    let again = read_table(&exported, &options()).unwrap();
    assert_same_cells(&original, &again);
    assert_eq!(again.width(), original.width());
}

#[test]
fn csv_export_guards_formulas_and_keeps_negative_numbers() {
    let original = read_table(CSV_TEXT.as_bytes(), &options()).unwrap();
    let headers = computed_headers();
    let rows = computed_rows(original.rows.len());
    let computed = Computed {
        headers: &headers,
        rows: &rows,
    };
    let exported = export_csv(&original, computed, &ExportOptions::default()).unwrap();
    let text = std::str::from_utf8(&exported).unwrap();
    assert!(
        text.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","),
        "{text}"
    );
    assert!(text.contains(",'=VIP\r\n"), "{text}");
    // Negative numbers stay as they were; the empty computed row is padded.
    assert!(
        text.contains("\r\n苏州新材料股份公司,-5,-12.5%,B,,,\r\n"),
        "{text}"
    );
    // The blank source row stays blank in its own columns.
    assert!(text.contains("\r\n,,,,,78.5,'=VIP\r\n"), "{text}");
    assert!(text.contains("备注,得分,等级\r\n"), "{text}");

    let again = read_table(&exported, &options()).unwrap();
    assert_eq!(again.width(), original.width() + 2);
    assert_eq!(text_of(again.cell(0, 5)), "80.5");
    assert_eq!(
        again.cell(1, 5),
        &Cell::Empty,
        "a short computed row is padded"
    );
    assert_eq!(again.cell(2, 5), &Cell::from("78.5"));
    assert_eq!(
        text_of(again.cell(3, 4)),
        "'=HYPERLINK(\"http://x\")",
        "the guard is the one change a CSV round trip makes"
    );
}

#[test]
fn xlsx_round_trip_writes_formulas_only_where_the_source_had_them() {
    let bytes = sample_workbook();
    let original = read_table(&bytes, &options()).unwrap();
    let headers = computed_headers();
    let rows = computed_rows(original.rows.len());
    let computed = Computed {
        headers: &headers,
        rows: &rows,
    };
    let exported = export_xlsx(&original, computed, &ExportOptions::default()).unwrap();
    let again = read_table(&exported, &options()).unwrap();
    assert_same_cells(&original, &again);
    assert_eq!(again.date_columns[..6], original.date_columns[..]);
    assert_eq!(again.headers[6..], ["得分", "等级"]);
    assert_eq!(again.cell(0, 6), &Cell::Number(80.5));
    assert_eq!(again.cell(0, 7), &Cell::from("=VIP"));
    // Texts that look like formulas are back exactly, as strings.
    assert_eq!(again.cell(0, 5), &Cell::from("@SUM(A1:A9)"));
    assert_eq!(again.cell(2, 5), &Cell::from("\t=1+1"));

    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(exported.as_slice())).unwrap();
    let sheet = workbook.sheet_names()[0].clone();
    assert_eq!(sheet, "客户清单");
    let formulas = workbook.worksheet_formula(&sheet).unwrap();
    let written: Vec<(u32, u32, &str)> = formulas
        .cells()
        .filter(|(_, _, f)| !f.is_empty())
        .map(|(r, c, f)| {
            let (top, left) = formulas.start().unwrap_or_default();
            (top + r as u32, left + c as u32, f.as_str())
        })
        .collect();
    // The source's one formula, where it stood; no text became a formula.
    assert_eq!(written, vec![(5, 1, "NA()")]);
    assert_eq!(again.formulas, original.formulas);
    let values = workbook.worksheet_range(&sheet).unwrap();
    assert_eq!(values.get_value((3, 7)), Some(&Data::String("=VIP".into())));
    assert_eq!(values.get_value((3, 1)), Some(&Data::Float(1200.5)));
}

#[test]
fn csv_source_to_xlsx_keeps_texts_as_strings() {
    let original = read_table(CSV_TEXT.as_bytes(), &options()).unwrap();
    let exported = export_xlsx(&original, Computed::default(), &ExportOptions::default()).unwrap();
    let again = read_table(&exported, &options()).unwrap();
    assert_same_cells(&original, &again);
}

#[test]
fn export_without_titles_and_bad_computed_columns() {
    let original = read_table(CSV_TEXT.as_bytes(), &options()).unwrap();
    let no_titles = ExportOptions {
        include_title_rows: false,
        sheet_name: Some("结果".into()),
    };
    let exported = export_xlsx(&original, Computed::default(), &no_titles).unwrap();
    let again = read_table(&exported, &options()).unwrap();
    assert_eq!(again.header_row, 0);
    assert_eq!(
        again.source,
        Source::Xlsx {
            sheet: "结果".into()
        }
    );

    let headers = computed_headers();
    let rows = computed_rows(2);
    let wrong_count = Computed {
        headers: &headers,
        rows: &rows,
    };
    assert_eq!(
        export_csv(&original, wrong_count, &ExportOptions::default()),
        Err(SheetError::ComputedRowCount {
            computed: 2,
            rows: 4
        })
    );
    let long = vec![vec![Cell::Empty; 3]; 4];
    let too_long = Computed {
        headers: &headers,
        rows: &long,
    };
    assert!(matches!(
        export_xlsx(&original, too_long, &ExportOptions::default()),
        Err(SheetError::ComputedRowTooLong { .. })
    ));
}

#[test]
fn dates_are_exported_as_dates() {
    let original = read_table(&sample_workbook(), &options()).unwrap();
    let csv = export_csv(&original, Computed::default(), &ExportOptions::default()).unwrap();
    let text = String::from_utf8(csv).unwrap();
    assert!(
        text.contains("华东精密机械,1200.5,TRUE,2026-03-15,-0.125,'@SUM(A1:A9)\r\n"),
        "{text}"
    );
}

#[test]
fn column_letters_like_excel() {
    assert_eq!(column_letters(0), "A");
    assert_eq!(column_letters(25), "Z");
    assert_eq!(column_letters(26), "AA");
    assert_eq!(column_letters(16_383), "XFD");
}
