//! The bad-input corpus: every file in `tests/bad_inputs/` (written by
//! `scripts/make_bad_inputs.py`) goes through the crate's readers, and what it must read as is
//! written here — a precise error (row, column, reason) or a correct parse with the right values.
//!
//! Nothing is silently dropped: for every file that reads, the data rows of the table, of the
//! account rows and of both exports read back are the same in number, every non-blank cell of a
//! mapped column gives a value or an error naming it, every unmapped cell is carried through,
//! and every cell comes back from `export_csv` and `export_xlsx` (a formula-like text in CSV
//! with its guarding `'`).

use kam_score::clv::summary::{summarize_rows, SummaryOptions};
use kam_score::clv::TimeUnit;
use kam_score::parse::{
    days_from_civil, excel_serial_to_days, is_blank_marker, parse_date, parse_flag, parse_number,
    parse_rating, ParseError,
};
use kam_score::row::{format_number, Cell};
use kam_score::sheets::{
    account_rows, export_csv, export_xlsx, needs_formula_guard, read_csv_text, read_table,
    AccountRows, ColumnOverrides, Computed, ExportOptions, Limits, ReadOptions, SheetChoice,
    SheetError, SheetWarning, Source, Table, TextEncoding,
};
use kam_score::sheets::{xlsx_sheet_info, DecimalMark};
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/bad_inputs")
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn read_with(name: &str, options: &ReadOptions) -> Result<Table, SheetError> {
    read_table(&bytes(name), options)
}

fn read(name: &str) -> Result<Table, SheetError> {
    read_with(name, &ReadOptions::default())
}

fn refused(name: &str) -> SheetError {
    match read(name) {
        Ok(t) => panic!("{name} was read: {} rows", t.rows.len()),
        Err(e) => e,
    }
}

fn text_of(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Number(v) => format_number(*v),
        Cell::Text(t) => t.clone(),
        Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
    }
}

/// Reads a file that must read, with `rows` data rows, and checks that nothing is dropped on
/// the way through the account rows and both exports.
fn read_ok(name: &str, rows: usize) -> (Table, AccountRows) {
    read_ok_with(name, rows, &ReadOptions::default(), true)
}

fn read_ok_with(
    name: &str,
    rows: usize,
    options: &ReadOptions,
    xlsx_export: bool,
) -> (Table, AccountRows) {
    let table = read_with(name, options).unwrap_or_else(|e| panic!("{name}: {e}"));
    let read = nothing_dropped(name, &table, rows);
    csv_round_trip(name, &table);
    if xlsx_export {
        xlsx_round_trip(name, &table);
    }
    (table, read)
}

fn nothing_dropped(name: &str, table: &Table, rows: usize) -> AccountRows {
    assert_eq!(table.rows.len(), rows, "{name}: data rows");
    assert_eq!(
        table.title_rows.len(),
        table.header_row,
        "{name}: title rows"
    );
    let read = account_rows(table, &ColumnOverrides::new()).unwrap();
    assert_eq!(read.rows.len(), rows, "{name}: account rows");
    for (i, row) in read.rows.iter().enumerate() {
        for plan in &read.columns {
            let cell = table.cell(i, plan.column);
            match plan.matched {
                // An unmapped cell stays in the table, which the exports write back whole
                // (csv_round_trip and xlsx_round_trip check every cell comes back); it is not
                // copied into the account row.
                None => assert!(
                    row.unmapped.is_empty(),
                    "{name}: row {i}: no copy of {}",
                    plan.header
                ),
                Some(m) => {
                    let blank = match cell {
                        Cell::Empty => true,
                        Cell::Text(t) => is_blank_marker(t),
                        _ => false,
                    };
                    let read_or_reported = row.get(m.field).is_some()
                        || row.errors.iter().any(|e| {
                            e.column == plan.header && e.row == Some(table.line_number(i))
                        });
                    assert!(
                        blank || read_or_reported,
                        "{name}: row {i} column {} ({cell:?}) is neither read nor reported",
                        plan.header
                    );
                }
            }
        }
    }
    read
}

fn read_back(bytes: &[u8], header_row: usize) -> Table {
    let options = ReadOptions {
        header_row: Some(header_row),
        delimiter: Some(','),
        ..ReadOptions::default()
    };
    read_table(bytes, &options).unwrap()
}

/// The export's CSV has every cell, a text that could run as a formula with a leading `'`.
fn csv_round_trip(name: &str, table: &Table) {
    let out = export_csv(table, Computed::default(), &ExportOptions::default()).unwrap();
    let back = read_back(&out, table.header_row);
    let guarded = |t: String| {
        if needs_formula_guard(&t) {
            format!("'{t}")
        } else {
            t
        }
    };
    assert_eq!(back.rows.len(), table.rows.len(), "{name}: CSV rows");
    let titles: Vec<String> = table
        .title_rows
        .iter()
        .map(|t| guarded(t.clone()))
        .collect();
    assert_eq!(back.title_rows, titles, "{name}: CSV title rows");
    for c in 0..table.width() {
        let header = table.header_cells.get(c).cloned().unwrap_or(Cell::Empty);
        let header_back = back.header_cells.get(c).cloned().unwrap_or(Cell::Empty);
        let want = match &header {
            Cell::Text(t) => guarded(t.clone()),
            other => text_of(other),
        };
        assert_eq!(text_of(&header_back), want, "{name}: CSV header {c}");
    }
    for r in 0..table.rows.len() {
        for c in 0..table.width() {
            let cell = table.cell(r, c);
            let got = text_of(back.cell(r, c));
            if let (Cell::Empty, Some(formula)) = (cell, table.formula(r, c)) {
                // No computed value: the formula's text, guarded, never an empty cell.
                assert_eq!(got, format!("'={formula}"), "{name}: CSV formula {r},{c}");
                continue;
            }
            match cell {
                Cell::Text(t) => assert_eq!(got, guarded(t.clone()), "{name}: CSV cell {r},{c}"),
                Cell::Number(v) if table.date_columns.get(c) == Some(&true) => assert_eq!(
                    parse_date(&got).ok().flatten(),
                    excel_serial_to_days(*v),
                    "{name}: CSV date {r},{c}"
                ),
                other => assert_eq!(got, text_of(other), "{name}: CSV cell {r},{c}"),
            }
        }
    }
}

/// The export's XLSX has every cell as it was: texts as strings, numbers as numbers.
fn xlsx_round_trip(name: &str, table: &Table) {
    let out = export_xlsx(table, Computed::default(), &ExportOptions::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let back = read_back(&out, table.header_row);
    assert_eq!(back.rows.len(), table.rows.len(), "{name}: XLSX rows");
    assert_eq!(back.title_rows, table.title_rows, "{name}: XLSX title rows");
    for c in 0..table.width() {
        assert_eq!(
            back.header_cells.get(c).unwrap_or(&Cell::Empty),
            table.header_cells.get(c).unwrap_or(&Cell::Empty),
            "{name}: XLSX header {c}"
        );
    }
    for r in 0..table.rows.len() {
        for c in 0..table.width() {
            assert_eq!(
                back.cell(r, c),
                table.cell(r, c),
                "{name}: XLSX cell {r},{c}"
            );
            // A formula that computes the same in the export is written back as a formula, and
            // one without a computed value always is.
            let formula = table.formula(r, c);
            let kept =
                formula.filter(|f| table.cell(r, c) == &Cell::Empty || !f.contains(['!', '[']));
            assert_eq!(back.formula(r, c), kept, "{name}: XLSX formula {r},{c}");
        }
    }
}

/// The cell errors of all rows, as their messages.
fn errors(read: &AccountRows) -> Vec<String> {
    read.rows
        .iter()
        .flat_map(|r| r.errors.iter().map(|e| e.to_string()))
        .collect()
}

fn day(y: i64, m: u32, d: u32) -> i64 {
    days_from_civil(y, m, d).unwrap()
}

fn encoding(table: &Table) -> TextEncoding {
    match table.source {
        Source::Csv { encoding, .. } => encoding,
        _ => panic!("not a CSV source"),
    }
}

/// The three accounts of the basic list, whatever the encoding and line ends.
fn check_basic(name: &str, read: &AccountRows) {
    let names: Vec<_> = read.rows.iter().map(|r| r.text("name")).collect();
    assert_eq!(
        names,
        [Some("华东精密"), Some("星河电子"), Some("长江物流")],
        "{name}"
    );
    let purchase: Vec<_> = read
        .rows
        .iter()
        .map(|r| r.number("annual_purchase"))
        .collect();
    assert_eq!(
        purchase,
        [Some(1_200_000.0), Some(12_000_000.0), Some(355_000.0)],
        "{name}"
    );
    let margin: Vec<_> = read.rows.iter().map(|r| r.number("gross_margin")).collect();
    assert_eq!(margin, [Some(0.23), Some(0.18), Some(0.12)], "{name}");
    let dates: Vec<_> = read
        .rows
        .iter()
        .map(|r| r.date("last_order_date"))
        .collect();
    assert_eq!(
        dates,
        [
            Some(day(2026, 3, 15)),
            Some(day(2026, 3, 1)),
            Some(day(2026, 1, 5))
        ],
        "{name}"
    );
    assert_eq!(read.rows[1].text("notes"), None);
    assert_eq!(read.rows[2].text("notes"), Some("季度结算"));
    assert_eq!(errors(read), Vec::<String>::new(), "{name}");
}

// ---- empty and near-empty ---------------------------------------------------------------

#[test]
fn empty_files_are_refused_as_empty() {
    for name in ["empty.csv", "only_line_breaks.csv", "only_bom.csv"] {
        assert_eq!(refused(name), SheetError::Empty, "{name}");
    }
}

#[test]
fn only_delimiters_reads_as_a_header_and_no_rows() {
    // Two rows of empty cells, then ";;" (one cell: the delimiter is the comma) as the header.
    let (table, _) = read_ok("only_delimiters.csv", 0);
    assert_eq!(table.header_row, 2);
    assert_eq!(table.headers, vec![";;"]);
}

#[test]
fn header_only_has_no_data_rows() {
    let (table, _) = read_ok("header_only.csv", 0);
    assert_eq!(table.headers.len(), 6);
}

// ---- encodings --------------------------------------------------------------------------

#[test]
fn utf8_utf16_and_gbk_read_the_same() {
    for (name, want) in [
        ("utf8_bom.csv", TextEncoding::Utf8Bom),
        ("utf8_no_bom.csv", TextEncoding::Utf8),
        ("utf16le_bom.csv", TextEncoding::Utf16Le),
        ("utf16be_bom.csv", TextEncoding::Utf16Be),
        ("utf16le_no_bom.csv", TextEncoding::Utf16Le),
        ("gbk.csv", TextEncoding::Gb18030),
    ] {
        let (table, read) = read_ok(name, 3);
        assert_eq!(encoding(&table), want, "{name}");
        assert_eq!(table.headers[0], "客户名称", "{name}: no BOM in the header");
        assert!(table.warnings.is_empty(), "{name}");
        check_basic(name, &read);
    }
}

#[test]
fn gb18030_characters_outside_gbk() {
    let (table, read) = read_ok("gb18030_rare_chars.csv", 1);
    assert_eq!(encoding(&table), TextEncoding::Gb18030);
    assert_eq!(read.rows[0].text("name"), Some("㐀㐁企业"));
    assert_eq!(read.rows[0].text("notes"), Some("𠀀字号"));
}

#[test]
fn other_legacy_encodings_come_out_garbled_but_whole() {
    // Big5, Shift_JIS and Latin-1 are not detected (README: no statistical guessing): their
    // bytes are valid GB18030, so they read as other characters, every row and cell kept.
    for (name, original) in [
        ("big5_wrong_encoding.csv", "臺灣精密"),
        ("shift_jis_wrong_encoding.csv", "東京商事"),
        ("latin1_wrong_encoding.csv", "Müller GmbH"),
    ] {
        let (table, _) = read_ok(name, 1);
        assert_eq!(encoding(&table), TextEncoding::Gb18030, "{name}");
        assert_ne!(text_of(table.cell(0, 0)), original, "{name}");
        assert_eq!(text_of(table.cell(0, 1)), "120", "{name}");
    }
    let (table, _) = read_ok("latin1_wrong_encoding.csv", 1);
    assert_eq!(text_of(table.cell(0, 0)), "M黮ler GmbH");
}

#[test]
fn mixed_encodings_warn_and_keep_every_row() {
    // UTF-8 lines and a GBK line: not valid UTF-8, so GB18030; the UTF-8 lines are garbled
    // and an undecodable byte is reported.
    let (table, _) = read_ok("mixed_utf8_gbk.csv", 2);
    assert_eq!(encoding(&table), TextEncoding::Gb18030);
    assert!(table.warnings.contains(&SheetWarning::UndecodableBytes {
        encoding: "GB18030"
    }));
    assert_eq!(text_of(table.cell(1, 0)), "星河电子", "the GBK line reads");
    assert_eq!(text_of(table.cell(0, 1)), "120");
}

#[test]
fn invalid_bytes_become_replacement_characters_with_a_warning() {
    let (table, _) = read_ok("invalid_bytes.csv", 1);
    assert_eq!(text_of(table.cell(0, 1)), "ok\u{FFFD}\u{FFFD} bytes");
    assert_eq!(
        table.warnings,
        vec![SheetWarning::UndecodableBytes {
            encoding: "GB18030"
        }]
    );
    let (table, _) = read_ok("utf16le_lone_surrogate.csv", 1);
    assert_eq!(text_of(table.cell(0, 1)), "x\u{FFFD}y");
    assert_eq!(
        table.warnings,
        vec![SheetWarning::UndecodableBytes {
            encoding: "UTF-16LE"
        }]
    );
}

#[test]
fn a_utf8_bom_before_utf16_text_keeps_the_nul_bytes() {
    // The mark says UTF-8, so the NULs of the UTF-16 text are kept as characters, not dropped;
    // only the last one, after the last line break, is padding at the end (issue 15).
    let (table, _) = read_ok("bom_then_utf16_text.csv", 1);
    assert_eq!(encoding(&table), TextEncoding::Utf8Bom);
    assert_eq!(table.headers, vec!["a\0", "\0b\0"]);
    assert_eq!(table.cell(0, 0), &Cell::from("\0"));
    assert!(table
        .warnings
        .contains(&SheetWarning::TrailingBytes { count: 1 }));
}

// ---- line ends --------------------------------------------------------------------------

#[test]
fn crlf_lf_cr_and_mixed_line_ends() {
    for name in [
        "line_ends_crlf.csv",
        "line_ends_lf.csv",
        "line_ends_cr.csv",
        "line_ends_mixed.csv",
    ] {
        let (_, read) = read_ok(name, 3);
        check_basic(name, &read);
    }
}

#[test]
fn blank_lines_inside_are_rows_and_keep_row_numbers() {
    let (table, read) = read_ok("blank_lines_inside.csv", 5);
    assert_eq!(read.rows[1].values().count(), 0);
    assert_eq!(read.rows[3].values().count(), 0);
    assert_eq!(read.rows[4].text("name"), Some("长江物流"));
    assert_eq!(table.line_number(4), 6);
}

// ---- shape ------------------------------------------------------------------------------

#[test]
fn ragged_rows_widen_the_table_and_keep_every_cell() {
    let (table, read) = read_ok("ragged_rows.csv", 4);
    assert_eq!(table.width(), 8);
    assert_eq!(text_of(table.cell(2, 3)), "更多");
    assert_eq!(text_of(table.cell(3, 7)), "末尾");
    assert_eq!(
        text_of(table.cell(2, 2)),
        "额外",
        "kept in the table under its empty header"
    );
    assert_eq!(read.rows[1].number("annual_purchase"), None);
}

#[test]
fn duplicate_headers_are_renamed_and_the_second_field_carried() {
    let (table, read) = read_ok("duplicate_headers.csv", 1);
    assert_eq!(
        table.headers,
        vec![
            "客户名称",
            "备注",
            "备注_2",
            "客户",
            "年采购额",
            "年采购额_2"
        ]
    );
    assert_eq!(read.rows[0].text("name"), Some("甲"));
    assert_eq!(read.rows[0].number("annual_purchase"), Some(1.0));
    // The repeated and second columns are carried through unread, kept in the table.
    let unread: Vec<(&str, String)> = read
        .columns
        .iter()
        .filter(|c| c.matched.is_none())
        .map(|c| (c.header.as_str(), text_of(table.cell(0, c.column))))
        .collect();
    assert_eq!(
        unread,
        vec![
            ("备注_2", "b".to_string()),
            ("客户", "甲公司".to_string()),
            ("年采购额_2", "2".to_string())
        ]
    );
    assert!(read.warnings.iter().any(|w| matches!(
        w,
        SheetWarning::FieldInTwoColumns {
            field: "name",
            read_from: 0,
            ignored: 3
        }
    )));
}

#[test]
fn empty_and_blank_headers_keep_their_columns() {
    let (table, read) = read_ok("empty_and_blank_headers.csv", 1);
    assert_eq!(table.headers, vec!["客户名称", "", " ", "年采购额"]);
    assert_eq!(read.rows[0].number("annual_purchase"), Some(5.0));
    assert_eq!(
        read.columns.iter().filter(|c| c.matched.is_none()).count(),
        2
    );
}

#[test]
fn title_rows_above_the_header() {
    let (table, read) = read_ok("title_rows_above_header.csv", 3);
    assert_eq!(table.header_row, 3);
    assert_eq!(
        table.title_rows,
        vec!["2026年重点客户名单", "制表:华东区 2026-03-01", ""]
    );
    check_basic("title_rows_above_header.csv", &read);
    assert_eq!(table.line_number(0), 5);
}

#[test]
fn quoted_cells_with_line_breaks_delimiters_and_quotes() {
    let (table, read) = read_ok("quoted_line_breaks.csv", 2);
    assert_eq!(read.rows[0].text("name"), Some("甲, Ltd"));
    assert_eq!(read.rows[0].text("notes"), Some("第一行\r\n第二行"));
    assert_eq!(read.rows[1].text("name"), Some("说\"你好\""));
    assert!(table.warnings.is_empty());
}

#[test]
fn an_unterminated_quote_is_reported_with_its_row() {
    // As Excel reads it: the rest of the file is one cell; nothing is lost, and the row where
    // the quote opens is named.
    let (table, _) = read_ok("unterminated_quote.csv", 1);
    assert_eq!(text_of(table.cell(0, 1)), "没有结束的引号\r\n乙,x\r\n");
    assert_eq!(
        table.warnings,
        vec![SheetWarning::UnterminatedQuote { row: 2 }]
    );
    assert!(table.warnings[0].to_string().contains("row 2"));
    let (table, _) = read_ok("quote_in_middle.csv", 1);
    assert_eq!(text_of(table.cell(0, 1)), "ab\"cd\"ef");
    assert!(table.warnings.is_empty());
}

#[test]
fn semicolons_and_european_decimals_are_errors_not_misreadings() {
    let (_, read) = read_ok("semicolon_european.csv", 2);
    assert_eq!(
        errors(&read),
        vec![
            "row 2, column \"年采购额\" (Annual purchase): \"1.234,5\": digit groups of other than three digits after a thousands separator",
            "row 2, column \"毛利率\" (Gross margin): \"12,5%\": digit groups of other than three digits after a thousands separator",
        ]
    );
    assert_eq!(read.rows[1].number("annual_purchase"), Some(1234.0));
    assert_eq!(read.rows[1].number("gross_margin"), Some(0.12));
}

#[test]
fn tab_separated_text_and_pasted_cells() {
    let (table, read) = read_ok("tab_separated.tsv", 2);
    assert!(matches!(
        table.source,
        Source::Csv {
            delimiter: '\t',
            ..
        }
    ));
    assert_eq!(read.rows[1].number("annual_purchase"), Some(1_234_567.0));
    // The same text pasted: the same table.
    let text = String::from_utf8(bytes("tab_separated.tsv")).unwrap();
    let pasted = read_csv_text(&text, &ReadOptions::default()).unwrap();
    assert_eq!(pasted.rows, table.rows);
}

#[test]
fn excels_sep_hint_line_is_a_title_row() {
    let (table, read) = read_ok("excel_sep_hint.csv", 1);
    assert_eq!(table.title_rows, vec!["sep="]);
    assert_eq!(read.rows[0].number("annual_purchase"), Some(12.0));
}

#[test]
fn a_million_columns_and_one_past_the_limit_are_refused() {
    assert_eq!(
        refused("wide_16385_columns.csv"),
        SheetError::TooManyColumns {
            columns: 16_385,
            limit: 16_384
        }
    );
    // 10⁶ columns: 2 MB of text, made here rather than kept in the corpus.
    let text = format!("客户名称{}\r\n", ",x".repeat(999_999));
    let want = SheetError::TooManyColumns {
        columns: 1_000_000,
        limit: 16_384,
    };
    assert_eq!(
        read_table(text.as_bytes(), &ReadOptions::default()),
        Err(want.clone())
    );
    assert_eq!(read_csv_text(&text, &ReadOptions::default()), Err(want));
    assert_eq!(
        refused("xlsx_column_1000000.xlsx"),
        SheetError::TooManyColumns {
            columns: 1_000_000,
            limit: 16_384
        }
    );
}

#[test]
fn formulas_and_scripts_in_cells_are_text_and_guarded_on_export() {
    let (table, read) = read_ok("xss_and_formulas.csv", 3);
    assert_eq!(read.rows[0].text("name"), Some("<script>alert(1)</script>"));
    assert_eq!(
        errors(&read),
        vec!["row 2, column \"年采购额\" (Annual purchase): \"=1+1\": not a number"]
    );
    assert_eq!(read.rows[1].number("annual_purchase"), Some(5.0));
    assert_eq!(read.rows[1].text("notes"), Some("-2+3"));
    let csv = export_csv(&table, Computed::default(), &ExportOptions::default()).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    for guarded in [
        "'=1+1",
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
        "'@SUM(A1)",
        "'-2+3",
        "'\tx",
        "\"'\rcr\"",
    ] {
        assert!(csv.contains(guarded), "{guarded:?} in {csv:?}");
    }
    assert!(
        csv.contains(",-5,"),
        "a plain negative number is not guarded"
    );
    assert!(csv.contains(",+5,") || csv.contains("'+5"));
}

#[test]
fn control_characters_nul_and_escape_lookalikes_survive_both_exports() {
    let (table, _) = read_ok("control_characters.csv", 3);
    assert_eq!(text_of(table.cell(0, 0)), "甲\u{1}公司");
    assert_eq!(text_of(table.cell(1, 1)), "_x0041_ literal");
    assert_eq!(text_of(table.cell(2, 1)), "\0nul");
    let (table, _) = read_ok("nul_bytes_inside.csv", 1);
    assert_eq!(text_of(table.cell(0, 0)), "Ac\0me");
}

#[test]
fn emoji_and_spaces() {
    let (_, read) = read_ok("emoji_and_astral.csv", 1);
    assert_eq!(read.rows[0].text("name"), Some("😀 公司"));
    let (table, read) = read_ok("leading_trailing_spaces.csv", 3);
    assert_eq!(table.headers, vec!["客户名称 ", " 年采购额 "]);
    assert_eq!(read.rows[0].text("name"), Some("甲"));
    assert_eq!(read.rows[0].number("annual_purchase"), Some(12.0));
    assert_eq!(read.rows[1].values().count(), 0);
}

#[test]
fn very_long_cells() {
    let (_, read) = read_ok("cell_20000_chars.csv", 1);
    let e = &read.rows[0].errors[0];
    assert_eq!((e.row, e.column.as_str()), (Some(2), "年采购额"));
    assert_eq!(e.reason, "text is longer than 10000 characters");
    assert_eq!(e.text.chars().count(), 200, "the message quotes a cut text");
    assert_eq!(
        read.rows[0].text("notes").map(|t| t.chars().count()),
        Some(20_000)
    );
    // Past Excel's 32,767 characters a cell cannot go into an .xlsx: the export says which
    // cell; the CSV export keeps it.
    let (table, _) = read_ok_with("cell_40000_chars.csv", 1, &ReadOptions::default(), false);
    let e = export_xlsx(&table, Computed::default(), &ExportOptions::default()).unwrap_err();
    assert!(
        matches!(&e, SheetError::Write(m) if m.starts_with("cell B2:") && m.contains("32,767"))
    );
}

// ---- values -----------------------------------------------------------------------------

/// A one-cell list `客户名称,年采购额 / 甲,<text>`: the amount read, or the error.
fn one_amount(name: &str) -> Result<Option<f64>, String> {
    let (_, read) = read_ok(name, 1);
    match read.rows[0].errors.first() {
        Some(e) => {
            assert_eq!((e.row, e.column.as_str()), (Some(2), "年采购额"), "{name}");
            Err(e.to_string())
        }
        None => Ok(read.rows[0].number("annual_purchase")),
    }
}

#[test]
fn numbers_that_are_errors_name_row_column_and_reason() {
    for (name, message) in [
        ("number_1e309.csv", "\"1e309\": too large to represent"),
        ("number_double_minus.csv", "\"--5\": more than one sign"),
        (
            "number_trailing_minus.csv",
            "\"5-\": a sign after the number",
        ),
        (
            "number_european_decimal.csv",
            "\"1,5\": digit groups of other than three digits after a thousands separator",
        ),
        (
            "number_two_points.csv",
            "\"1.2.3\": more than one decimal point",
        ),
        ("number_words.csv", "\"很多\": not a number"),
        (
            "number_unknown_unit.csv",
            "\"12斤\": unknown unit or suffix \"斤\"",
        ),
        ("number_infinity_word.csv", "\"inf\": not a number"),
        ("number_hex.csv", "\"0x1F\": unknown unit or suffix \"x1f\""),
    ] {
        assert_eq!(
            one_amount(name),
            Err(format!(
                "row 2, column \"年采购额\" (Annual purchase): {message}"
            )),
            "{name}"
        );
    }
}

#[test]
fn numbers_that_read() {
    for (name, want) in [
        ("number_fullwidth_wan.csv", Some(12_340_000.0)),
        ("number_fullwidth_comma_wan.csv", Some(12_340_000.0)),
        ("number_accounting_negative.csv", Some(-1234.0)),
        ("number_currency_wan.csv", Some(12_000.0)),
        ("number_na_marker.csv", None),
    ] {
        assert_eq!(one_amount(name), Ok(want), "{name}");
    }
    // A percentage is no amount of money (MODEL §1.1: each field knows its dimension).
    assert_eq!(
        one_amount("number_percent_in_money.csv"),
        Err("row 2, column \"年采购额\" (Annual purchase): \"12%\": a percentage is not allowed here (expected money)".to_string())
    );
    // 1,234 unquoted is two cells: 1, and 234 in a column without a header, kept.
    let (table, read) = read_ok("number_unquoted_grouping.csv", 1);
    assert_eq!(read.rows[0].number("annual_purchase"), Some(1.0));
    assert_eq!(text_of(table.cell(0, 2)), "234");
}

#[test]
fn ratios_dates_ratings_and_flags() {
    let (_, read) = read_ok("ratio_and_dates.csv", 3);
    assert_eq!(
        errors(&read),
        vec![
            "row 2, column \"最近下单日期\" (Last order): \"2026-02-30\": no such day: 2026-02-30",
            "row 2, column \"满意度\" (Satisfaction level): \"6\": rating 6 is outside 1–5",
            "row 2, column \"已签合同\" (Contract signed): \"也许\": not a yes/no value (expected TRUE/FALSE, 是/否, Y/N, 1/0)",
            "row 4, column \"最近下单日期\" (Last order): \"上周\": not a date (expected 2026-03-15, 2026/3/15, 2026年3月15日 or an Excel serial)",
            "row 4, column \"满意度\" (Satisfaction level): \"0\": rating 0 is outside 1–5",
            "row 4, column \"已签合同\" (Contract signed): \"2\": not a yes/no value (expected TRUE/FALSE, 是/否, Y/N, 1/0)",
        ]
    );
    assert_eq!(read.rows[0].number("gross_margin"), Some(0.23));
    assert_eq!(read.rows[1].number("gross_margin"), Some(0.2));
    assert_eq!(read.rows[1].date("last_order_date"), Some(day(2026, 3, 15)));
    assert_eq!(read.rows[1].number("satisfaction"), Some(5.0));
    assert_eq!(read.rows[1].flag("contract_signed"), Some(true));
    // 20-25% is a range (MODEL §1.1): its midpoint, marked.
    let margin = read.rows[2].number("gross_margin").unwrap();
    assert!((margin - 0.225).abs() < 1e-12, "{margin}");
    assert_eq!(read.rows[2].marks("gross_margin").names(), ["range"]);
}

#[test]
fn the_value_parser_directly() {
    let number = |t: &str| parse_number(t).map(|n| n.map(|n| n.value));
    for (text, want) in [
        ("1e309", Err(ParseError::Overflow)),
        ("-1e309", Err(ParseError::Overflow)),
        ("1e308", Ok(Some(1e308))),
        ("--5", Err(ParseError::DoubleSign)),
        ("+-5", Err(ParseError::DoubleSign)),
        ("5-", Err(ParseError::TrailingSign)),
        ("１,２３４万", Ok(Some(12_340_000.0))),
        ("１，２３４万", Ok(Some(12_340_000.0))),
        ("-¥5", Ok(Some(-5.0))),
        ("¥-5", Ok(Some(-5.0))),
        ("(1,234)", Ok(Some(-1234.0))),
        ("()", Err(ParseError::NotANumber)),
        ("1,5", Err(ParseError::BadGrouping)),
        ("1,234.5,6", Err(ParseError::BadGrouping)),
        ("1.2.3", Err(ParseError::DoubleDecimalPoint)),
        ("NaN", Ok(None)),
        ("inf", Err(ParseError::NotANumber)),
        ("", Ok(None)),
        ("—", Ok(None)),
        (".", Err(ParseError::NotANumber)),
        ("1e", Err(ParseError::NotANumber)),
        ("%", Err(ParseError::NotANumber)),
        ("12%%", Err(ParseError::UnknownUnit("%".into()))),
        ("0.0000001", Ok(Some(1e-7))),
        ("3.5亿", Ok(Some(3.5e8))),
        ("2.5k", Ok(Some(2500.0))),
        ("$2.5M", Ok(Some(2.5e6))),
    ] {
        assert_eq!(number(text), want, "{text:?}");
    }
    assert_eq!(
        number(&"9".repeat(10_001)),
        Err(ParseError::TooLong(10_000))
    );
    assert_eq!(number(&"9".repeat(400)), Err(ParseError::Overflow));

    for (text, want) in [
        (
            "2026-02-29",
            Err(ParseError::NoSuchDay("2026-02-29".into())),
        ),
        ("2024-02-29", Ok(Some(day(2024, 2, 29)))),
        ("2026/3/15 10:00", Ok(Some(day(2026, 3, 15)))),
        ("２０２６年３月１５日", Ok(Some(day(2026, 3, 15)))),
        ("46096", Ok(Some(day(2026, 3, 15)))),
        ("0", Err(ParseError::NotADate)),
        ("1e309", Err(ParseError::NotADate)),
        ("99999999999", Err(ParseError::NotADate)),
        (
            "2026-13-01",
            Err(ParseError::NoSuchDay("2026-13-01".into())),
        ),
        ("26-3-15", Err(ParseError::NotADate)),
        ("-", Ok(None)),
    ] {
        assert_eq!(parse_date(text), want, "{text:?}");
    }
    assert_eq!(parse_flag("ＹＥＳ"), Ok(Some(true)));
    assert_eq!(parse_flag("maybe"), Err(ParseError::NotAFlag));
    assert_eq!(
        parse_rating("5.5"),
        Err(ParseError::RatingOutOfRange("5.5".into()))
    );
    assert_eq!(parse_rating("非常满意"), Ok(Some(5.0)));
}

#[test]
fn transaction_rows_that_cannot_be_read_are_reported_by_row() {
    let options = SummaryOptions {
        unit: TimeUnit::Day,
        end: day(2026, 12, 31),
        calibration_end: None,
    };
    let rows = [
        ("c1", "2026-01-01", "10"),
        ("", "2026-01-02", "5"),
        ("c1", "20260230", "5"),
        ("c2", "2026-03-01", "-5"),
        ("c2", "2026-03-01", "1e309"),
        ("c2", "2026-03-02", "--5"),
        ("c1", "2026-02-01", "20"),
    ];
    let summary = summarize_rows(rows, &options).unwrap();
    let found: Vec<(usize, &str)> = summary.errors.iter().map(|e| (e.row, e.column)).collect();
    assert_eq!(
        found,
        vec![
            (2, "id"),
            (3, "date"),
            (4, "amount"),
            (5, "amount"),
            (6, "amount")
        ]
    );
    assert_eq!(summary.customers.len(), 1);
    assert_eq!(summary.customers[0].frequency, 1.0);
}

// ---- not an account list at all -----------------------------------------------------------

#[test]
fn binary_garbage_reads_as_garbled_text_without_loss() {
    // Not a zip or an OLE file: text, decoded as GB18030 with replacement characters and the
    // warning that says so; no panic, and every row kept but the binary tail after the last
    // line break, which is garbage the file ends with (issue 15), named in a warning.
    let (table, _) = read_ok("binary_garbage.bin", 30);
    assert!(table
        .warnings
        .iter()
        .any(|w| matches!(w, SheetWarning::TrailingBytes { .. })));
    assert!(table.warnings.contains(&SheetWarning::UndecodableBytes {
        encoding: "GB18030"
    }));
    let (table, _) = read_ok("png_image.png", 2);
    assert!(table.warnings.contains(&SheetWarning::UndecodableBytes {
        encoding: "GB18030"
    }));
}

#[test]
fn an_old_xls_is_refused_with_what_to_do() {
    let e = refused("old_xls_ole.xls");
    assert_eq!(e, SheetError::UnsupportedFormat("old_xls"));
    assert_eq!(refused("old_xls_biff4.xls"), e);
    assert!(e.to_string().contains("save it in Excel as .xlsx"));
}

// ---- workbooks ------------------------------------------------------------------------------

#[test]
fn a_basic_workbook() {
    let (_, read) = read_ok("xlsx_basic.xlsx", 3);
    assert_eq!(read.rows[0].number("annual_purchase"), Some(1_200_000.0));
    assert_eq!(read.rows[1].number("gross_margin"), Some(0.18));
    assert_eq!(errors(&read), Vec::<String>::new());
}

#[test]
fn broken_workbooks_are_refused_with_the_reason() {
    for (name, message) in [
        (
            "xlsx_truncated_half.xlsx",
            "invalid Zip archive: Could not find EOCD",
        ),
        (
            "xlsx_truncated_no_directory.xlsx",
            "invalid Zip archive: Could not find EOCD",
        ),
        (
            "xlsx_magic_only.xlsx",
            "invalid Zip archive: Could not find EOCD",
        ),
        ("zip_without_workbook.xlsx", "File not found '_rels/.rels'"),
        (
            "xlsx_missing_sheet_part.xlsx",
            "Worksheet 'Sheet1' not found",
        ),
        (
            "xlsx_malformed_sheet_xml.xlsx",
            "Xml error: syntax error: tag not closed: `>` not found before end of input",
        ),
        (
            "xlsx_shared_strings.xlsx",
            "Cell string index not found in shared strings table",
        ),
    ] {
        assert_eq!(refused(name), SheetError::Xlsx(message.into()), "{name}");
    }
    assert_eq!(refused("xlsx_no_sheets.xlsx"), SheetError::NoWorksheet);
    assert_eq!(refused("xlsx_empty_sheet.xlsx"), SheetError::Empty);
}

#[test]
fn zip_bombs_are_refused_by_the_unpacked_size_limit() {
    // A 1 MB file whose sheet inflates to 1.1 GiB, and one whose shared strings declare 3.9 GB:
    // refused from the zip directory at once, before anything is inflated.
    let start = std::time::Instant::now();
    assert_eq!(
        refused("zip_bomb_sheet_1gib.xlsx"),
        SheetError::TooLargeUnpacked {
            size: 1_153_435_588,
            limit: 1 << 30
        }
    );
    assert!(matches!(
        refused("zip_bomb_shared_strings_declared.xlsx"),
        SheetError::TooLargeUnpacked { size, .. } if size > 3_900_000_000
    ));
    assert!(start.elapsed().as_secs() < 2, "refused without inflating");
    assert!(refused("zip_bomb_sheet_1gib.xlsx")
        .to_string()
        .contains("zip bomb"));
    // A part that inflates past the size it declares stops with an error at that size.
    assert_eq!(
        refused("zip_lying_small_size.xlsx"),
        SheetError::Xlsx(
            "Xml error: I/O error: File is larger than its declared uncompressed size".into()
        )
    );
    // The limit is configurable and covers an ordinary workbook too.
    let tight = ReadOptions {
        limits: Limits {
            max_unpacked_bytes: 1000,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    assert!(matches!(
        read_with("xlsx_basic.xlsx", &tight),
        Err(SheetError::TooLargeUnpacked { limit: 1000, .. })
    ));
    assert!(matches!(
        kam_score::sheets::xlsx_sheet_names(&bytes("zip_bomb_sheet_1gib.xlsx")),
        Err(SheetError::TooLargeUnpacked { .. })
    ));
}

#[test]
fn merged_cells_warn_and_keep_the_first_value() {
    let (table, read) = read_ok("xlsx_merged_cells.xlsx", 3);
    assert_eq!(
        table.warnings,
        vec![SheetWarning::MergedCells {
            range: "B2:B4".into()
        }]
    );
    assert_eq!(read.rows[0].text("region"), Some("华东"));
    assert_eq!(read.rows[1].text("region"), None);
    assert_eq!(read.rows[2].number("annual_purchase"), Some(30.0));
}

#[test]
fn formulas_read_as_their_cached_values() {
    let (table, read) = read_ok("xlsx_formulas.xlsx", 3);
    assert_eq!(read.rows[0].number("annual_purchase"), Some(20.0));
    // A formula without a cached value has nothing to read: the cell is empty.
    assert_eq!(table.cell(0, 2), &Cell::Empty);
    assert_eq!(table.cell(1, 2), &Cell::from("=cmd|calc"));
    assert_eq!(table.cell(2, 2), &Cell::from("#DIV/0!"));
    assert_eq!(errors(&read), Vec::<String>::new());
    let csv = export_csv(&table, Computed::default(), &ExportOptions::default()).unwrap();
    assert!(String::from_utf8(csv).unwrap().contains("'=cmd|calc"));
}

#[test]
fn error_cells_are_text_and_name_their_cell() {
    let (_, read) = read_ok("xlsx_error_cells.xlsx", 2);
    assert_eq!(
        errors(&read),
        vec![
            "row 2, column \"毛利率\" (Gross margin): \"#DIV/0!\": not a number",
            "row 3, column \"年采购额\" (Annual purchase): \"#VALUE!\": not a number",
        ]
    );
    // #N/A means "no value".
    assert_eq!(read.rows[0].number("annual_purchase"), None);
}

#[test]
fn dates_in_both_date_systems() {
    let (table, read) = read_ok("xlsx_dates_1900.xlsx", 2);
    assert_eq!(table.date_columns, vec![false, true]);
    assert_eq!(read.rows[0].date("last_order_date"), Some(day(2026, 3, 15)));
    assert_eq!(read.rows[1].date("last_order_date"), Some(day(2026, 3, 15)));
    let (_, read) = read_ok("xlsx_dates_1904.xlsx", 1);
    assert_eq!(read.rows[0].date("last_order_date"), Some(day(2026, 3, 15)));
}

#[test]
fn non_finite_numbers_in_a_workbook_are_kept_as_text() {
    // <v>1e309</v> and <v>NaN</v> are not numbers Excel writes: kept as their text, reported
    // in a number column, and written back by both exports.
    let (table, read) = read_ok("xlsx_numbers_overflow.xlsx", 2);
    assert_eq!(table.cell(0, 1), &Cell::from("inf"));
    assert_eq!(table.cell(0, 2), &Cell::from("-inf"));
    assert_eq!(table.cell(1, 1), &Cell::from("NaN"));
    assert_eq!(table.cell(1, 2), &Cell::Number(f64::MAX));
    assert_eq!(
        errors(&read),
        vec!["row 2, column \"年采购额\" (Annual purchase): \"inf\": not a number"]
    );
    assert_eq!(read.rows[0].text("notes"), Some("-inf"));
}

#[test]
fn booleans_in_a_workbook() {
    let (_, read) = read_ok("xlsx_booleans.xlsx", 1);
    assert_eq!(read.rows[0].flag("contract_signed"), Some(true));
    assert_eq!(
        errors(&read),
        vec!["row 2, column \"年采购额\" (Annual purchase): \"FALSE\": yes/no is not allowed here (expected a number)"]
    );
}

#[test]
fn data_that_starts_at_b3_keeps_excel_positions() {
    let (table, read) = read_ok("xlsx_data_far_away.xlsx", 1);
    assert_eq!(table.header_row, 2);
    assert_eq!(table.headers, vec!["", "客户名称", "年采购额"]);
    assert_eq!(read.rows[0].number("annual_purchase"), Some(7.0));
    assert_eq!(table.line_number(0), 4);
}

#[test]
fn row_limits_in_workbooks_and_text() {
    assert_eq!(
        refused("xlsx_row_2000000.xlsx"),
        SheetError::TooManyRows { limit: 1_000_000 }
    );
    let few = ReadOptions {
        limits: Limits {
            max_rows: 3,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    assert_eq!(
        read_with("utf8_no_bom.csv", &few),
        Err(SheetError::TooManyRows { limit: 3 })
    );
    assert_eq!(
        read_with("xlsx_basic.xlsx", &few),
        Err(SheetError::TooManyRows { limit: 3 })
    );
}

#[test]
fn a_200_mb_file_is_refused_before_it_is_read() {
    // calloc'd zeros: the length check must come before any pass over the bytes.
    let huge = vec![0u8; 200 * 1024 * 1024];
    let start = std::time::Instant::now();
    let want = SheetError::TooLarge {
        size: huge.len(),
        limit: 100 * 1024 * 1024,
    };
    assert_eq!(
        read_table(&huge, &ReadOptions::default()),
        Err(want.clone())
    );
    assert_eq!(
        kam_score::sheets::read_csv(&huge, &ReadOptions::default()),
        Err(want.clone())
    );
    assert_eq!(
        kam_score::sheets::read_xlsx(&huge, &ReadOptions::default()),
        Err(want)
    );
    assert!(start.elapsed().as_millis() < 100, "{:?}", start.elapsed());
    assert!(read_table(&huge, &ReadOptions::default())
        .unwrap_err()
        .to_string()
        .contains("more than the limit of 104857600 bytes"));
}

#[test]
fn sheet_choice_in_a_workbook_with_a_cover_sheet() {
    let (table, _) = read_ok("xlsx_two_sheets_chart_first.xlsx", 0);
    assert_eq!(table.headers, vec!["x"]);
    let named = ReadOptions {
        sheet: SheetChoice::Named("客户".into()),
        ..ReadOptions::default()
    };
    let (_, read) = read_ok_with("xlsx_two_sheets_chart_first.xlsx", 3, &named, true);
    assert_eq!(read.rows[2].text("name"), Some("长江物流"));
    let missing = ReadOptions {
        sheet: SheetChoice::Index(5),
        ..ReadOptions::default()
    };
    assert_eq!(
        read_with("xlsx_two_sheets_chart_first.xlsx", &missing),
        Err(SheetError::SheetIndexOutOfRange { index: 5, count: 2 })
    );
}

#[test]
fn scripts_in_a_workbook_are_text() {
    let (table, read) = read_ok("xlsx_xss_text.xlsx", 2);
    assert_eq!(
        read.rows[0].text("name"),
        Some("<img src=x onerror=alert(1)>")
    );
    let csv = String::from_utf8(
        export_csv(&table, Computed::default(), &ExportOptions::default()).unwrap(),
    )
    .unwrap();
    assert!(csv.contains("'@cmd") && csv.contains("'+1+1") && csv.contains("'=HYPERLINK"));
}

// ---- issue 15: no silent misread -----------------------------------------------------------

#[test]
fn a_hidden_first_sheet_is_skipped_and_named() {
    let (table, read) = read_ok("xlsx_hidden_first_sheet.xlsx", 3);
    assert_eq!(
        table.source,
        Source::Xlsx {
            sheet: "客户".into()
        }
    );
    assert_eq!(read.rows[0].text("name"), Some("华东精密"));
    let hidden = SheetWarning::HiddenSheets {
        read: "客户".into(),
        hidden: vec!["旧名单".into(), "参数".into()],
    };
    assert_eq!(hidden.code(), "hidden_sheets");
    assert!(table.warnings.contains(&hidden), "{:?}", table.warnings);
    assert!(hidden.label().zh.contains("旧名单、参数"));
    // A hidden sheet is still read when it is chosen, by name or position, without the warning.
    for choice in [SheetChoice::Named("旧名单".into()), SheetChoice::Index(0)] {
        let options = ReadOptions {
            sheet: choice,
            ..ReadOptions::default()
        };
        let (table, read) = read_ok_with("xlsx_hidden_first_sheet.xlsx", 1, &options, true);
        assert_eq!(read.rows[0].text("name"), Some("旧客户"));
        assert!(table.warnings.is_empty(), "{:?}", table.warnings);
    }
    let info = xlsx_sheet_info(&bytes("xlsx_hidden_first_sheet.xlsx")).unwrap();
    let summary: Vec<(&str, bool, bool)> = info
        .iter()
        .map(|s| (s.name.as_str(), s.hidden, s.default))
        .collect();
    assert_eq!(
        summary,
        [
            ("旧名单", true, false),
            ("客户", false, true),
            ("参数", true, false)
        ]
    );
    assert!(info.iter().all(|s| s.worksheet));
    // A workbook without hidden sheets gets no warning.
    let (table, _) = read_ok("xlsx_basic.xlsx", 3);
    assert!(table.warnings.is_empty(), "{:?}", table.warnings);
}

#[test]
fn other_formats_under_a_spreadsheet_name_are_refused_by_name() {
    for (name, format, en) in [
        ("html_table.xls", "html", "HTML page"),
        (
            "xml_spreadsheet_2003.xls",
            "xml2003",
            "XML Spreadsheet (Excel 2003)",
        ),
        ("old_xls_ole.xls", "old_xls", "old .xls workbook"),
        ("old_xls_biff4.xls", "old_xls", "old .xls workbook"),
        ("opendocument.ods", "ods", "OpenDocument spreadsheet (.ods)"),
        ("binary_workbook.xlsb", "xlsb", "binary workbook (.xlsb)"),
    ] {
        let e = refused(name);
        assert_eq!(e, SheetError::UnsupportedFormat(format), "{name}");
        assert_eq!(e.code(), "unsupported_format", "{name}");
        let label = e.label();
        assert!(label.en.contains(en), "{name}: {}", label.en);
        assert!(label.zh.contains("另存为"), "{name}: {}", label.zh);
    }
    // Each reader refuses them too, not only the sniffing of read_table.
    let options = ReadOptions::default();
    assert_eq!(
        kam_score::sheets::read_csv(&bytes("html_table.xls"), &options),
        Err(SheetError::UnsupportedFormat("html"))
    );
    assert_eq!(
        kam_score::sheets::read_csv(&bytes("old_xls_ole.xls"), &options),
        Err(SheetError::UnsupportedFormat("old_xls"))
    );
    assert_eq!(
        kam_score::sheets::read_xlsx(&bytes("opendocument.ods"), &options),
        Err(SheetError::UnsupportedFormat("ods"))
    );
    assert_eq!(
        kam_score::sheets::xlsx_sheet_names(&bytes("binary_workbook.xlsb")),
        Err(SheetError::UnsupportedFormat("xlsb"))
    );
    let html = String::from_utf8(bytes("html_table.xls")).unwrap();
    assert_eq!(
        read_csv_text(&html, &options),
        Err(SheetError::UnsupportedFormat("html"))
    );
}

#[test]
fn utf16_without_a_mark_in_chinese_text_is_decoded_or_refused() {
    for (name, want) in [
        ("utf16le_no_bom_chinese.csv", TextEncoding::Utf16Le),
        ("utf16be_no_bom_chinese.csv", TextEncoding::Utf16Be),
    ] {
        let (table, read) = read_ok(name, 2);
        assert_eq!(encoding(&table), want, "{name}");
        assert_eq!(
            read.rows[0].text("name"),
            Some("华东精密机械制造有限公司"),
            "{name}"
        );
        assert_eq!(
            read.rows[1].number("annual_purchase"),
            Some(350_000.0),
            "{name}"
        );
        assert!(table.warnings.is_empty(), "{name}: {:?}", table.warnings);
    }
    let e = refused("utf16le_no_bom_broken.csv");
    assert_eq!(e, SheetError::UnsupportedFormat("utf16_unclear"));
    assert!(e.to_string().contains("UTF-16"));
}

#[test]
fn nul_padding_and_trailing_garbage_are_not_rows() {
    for (name, dropped) in [("nul_padding.csv", 1001), ("trailing_garbage.csv", 14)] {
        let (table, read) = read_ok(name, 3);
        check_basic(name, &read);
        // The garbage is left out before the encoding is decided: still UTF-8, not GB18030.
        assert_eq!(encoding(&table), TextEncoding::Utf8, "{name}");
        assert_eq!(
            table.warnings,
            vec![SheetWarning::TrailingBytes { count: dropped }],
            "{name}"
        );
        assert_eq!(table.warnings[0].code(), "trailing_bytes");
    }
}

fn with_decimal(decimal: Option<DecimalMark>) -> ReadOptions {
    ReadOptions {
        decimal,
        ..ReadOptions::default()
    }
}

#[test]
fn ambiguous_decimals_are_not_guessed() {
    // Read with a point, as before, and the warning names the first cell that a comma would
    // read otherwise, so that the page can ask.
    let (table, read) = read_ok("semicolon_ambiguous.csv", 3);
    let warning = SheetWarning::AmbiguousDecimal {
        cell: "B2".into(),
        text: "1.200".into(),
        count: 4,
    };
    assert_eq!(table.warnings, vec![warning.clone()]);
    assert_eq!(warning.code(), "ambiguous_decimal");
    assert!(warning.label().zh.contains("B2"));
    assert_eq!(read.rows[0].number("annual_purchase"), Some(1.2));
    assert_eq!(table.decimal, DecimalMark::Point);

    // The user's answer: a comma.
    let comma = with_decimal(Some(DecimalMark::Comma));
    let (table, read) = read_ok_with("semicolon_ambiguous.csv", 3, &comma, true);
    assert!(table.warnings.is_empty(), "{:?}", table.warnings);
    assert_eq!(errors(&read), Vec::<String>::new());
    let numbers =
        |key: &str| -> Vec<Option<f64>> { read.rows.iter().map(|r| r.number(key)).collect() };
    assert_eq!(
        numbers("annual_purchase"),
        [Some(1200.0), Some(1200.5), Some(35.0)]
    );
    let margins = numbers("gross_margin");
    for (got, want) in margins.iter().zip([0.235, 0.12, 0.5]) {
        assert!((got.unwrap() - want).abs() < 1e-12, "{margins:?}");
    }
    // The cells stay as they were; only the reading changed.
    assert_eq!(table.cell(1, 1), &Cell::from("1.200,50"));

    // A point, chosen: no warning, the default reading.
    let point = with_decimal(Some(DecimalMark::Point));
    let (table, read) = read_ok_with("semicolon_ambiguous.csv", 3, &point, true);
    assert!(table.warnings.is_empty());
    assert_eq!(read.rows[0].number("annual_purchase"), Some(1.2));

    // The European file of the earlier test, read with a comma, has no errors.
    let (table, read) = read_ok_with("semicolon_european.csv", 2, &comma, true);
    assert!(table.warnings.is_empty());
    assert_eq!(read.rows[0].number("annual_purchase"), Some(1234.5));
    assert_eq!(read.rows[0].number("gross_margin"), Some(0.125));
    assert_eq!(read.rows[1].number("gross_margin"), Some(0.12));
    // A comma-separated file is never in doubt.
    let (table, _) = read_ok("number_unquoted_grouping.csv", 1);
    assert!(table.warnings.is_empty());
}

#[test]
fn cell_errors_name_their_cell_and_sheet() {
    let (_, read) = read_ok("xlsx_error_cells.xlsx", 2);
    let places: Vec<(Option<&str>, Option<&str>)> = read
        .rows
        .iter()
        .flat_map(|r| &r.errors)
        .map(|e| (e.cell.as_deref(), e.sheet.as_deref()))
        .collect();
    assert_eq!(
        places,
        // #N/A in B2 is a blank marker, not an error.
        [(Some("C2"), Some("Sheet1")), (Some("B3"), Some("Sheet1"))]
    );
    let (_, read) = read_ok("semicolon_european.csv", 2);
    let e = &read.rows[0].errors[0];
    assert_eq!((e.cell.as_deref(), e.sheet.as_deref()), (Some("B2"), None));
    assert_eq!(e.row, Some(2));
    let json = serde_json::to_value(e).unwrap();
    assert_eq!(json["cell"], "B2");
    assert!(json.get("sheet").is_none());
    // Title rows above the header count, as Excel numbers the rows.
    let (table, read) = read_ok("title_rows_above_header.csv", 3);
    assert_eq!(table.header_row, 3);
    assert!(read.rows.iter().all(|r| r.errors.is_empty()));
    let (_, read) = read_ok("ratio_and_dates.csv", 3);
    let cells: Vec<&str> = read
        .rows
        .iter()
        .flat_map(|r| &r.errors)
        .filter_map(|e| e.cell.as_deref())
        .collect();
    assert_eq!(cells.first(), Some(&"C2"), "{cells:?}");
}

#[test]
fn formulas_without_computed_values_keep_their_text_on_export() {
    let (table, read) = read_ok("xlsx_formulas_uncomputed.xlsx", 3);
    assert_eq!(table.formula(0, 2), Some("B2/1000"));
    // The shared formula, expanded for its second cell.
    assert_eq!(table.formula(1, 2), Some("B3/1000"));
    assert_eq!(table.formula(1, 1), Some("B2*2"));
    assert_eq!(table.formula(1, 3), Some("参数!A1"));
    // A row of formulas only is a row.
    assert_eq!(table.formula(2, 1), Some("SUM(B2:B3)"));
    assert_eq!(table.cell(2, 1), &Cell::Empty);
    assert_eq!(table.formulas.len(), 5);
    // Rich text keeps its text (the runs joined, the phonetic guide left out).
    assert_eq!(table.cell(0, 3), &Cell::from("重点 客户"));
    assert_eq!(read.rows[0].text("notes"), Some("重点 客户"));
    let warning = SheetWarning::UncomputedFormulas {
        cell: "C2".into(),
        count: 4,
    };
    assert_eq!(table.warnings, vec![warning.clone()]);
    assert_eq!(warning.code(), "uncomputed_formulas");
    // With no value a formula is a missing value, not a zero.
    assert_eq!(read.rows[1].number("annual_purchase"), None);
    assert_eq!(read.rows[0].number("gross_margin"), None);

    let csv = export_csv(&table, Computed::default(), &ExportOptions::default()).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.contains("\r\n甲,100,'=B2/1000,重点 客户\r\n"), "{csv}");
    assert!(
        csv.contains("\r\n乙,'=B2*2,'=B3/1000,来自参数\r\n"),
        "{csv}"
    );
    assert!(csv.contains("\r\n,'=SUM(B2:B3),,\r\n"), "{csv}");

    // XLSX: formulas as formulas (the round trip of read_ok checked each cell); the one that
    // refers to another sheet, which the export does not have, as its value.
    let xlsx = export_xlsx(&table, Computed::default(), &ExportOptions::default()).unwrap();
    let back = read_table(&xlsx, &ReadOptions::default()).unwrap();
    assert_eq!(back.formula(1, 3), None);
    assert_eq!(back.cell(1, 3), &Cell::from("来自参数"));
    assert_eq!(back.formula(2, 1), Some("SUM(B2:B3)"));
    assert_eq!(back.formulas.len(), 4);

    // Without the title rows the rows move, so formulas with a value are written as values:
    // the header is row 1 here, so nothing moves and they stay formulas.
    let untitled = ExportOptions {
        include_title_rows: false,
        ..ExportOptions::default()
    };
    let xlsx = export_xlsx(&table, Computed::default(), &untitled).unwrap();
    let back = read_table(&xlsx, &ReadOptions::default()).unwrap();
    assert_eq!(back.formulas.len(), 4);
}

#[test]
fn the_shipped_sample_keeps_its_18_formulas_and_their_values() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/sample/accounts.xlsx");
    let sample = std::fs::read(path).unwrap();
    let table = read_table(&sample, &ReadOptions::default()).unwrap();
    assert_eq!(table.formulas.len(), 18);
    assert!(
        (0..table.rows.len()).all(|r| (0..table.width())
            .all(|c| table.formula(r, c).is_none() || table.cell(r, c) != &Cell::Empty)),
        "every formula of the sample has its computed value"
    );
    assert!(!table
        .warnings
        .iter()
        .any(|w| matches!(w, SheetWarning::UncomputedFormulas { .. })));
    xlsx_round_trip("accounts.xlsx", &table);
    csv_round_trip("accounts.xlsx", &table);
    let xlsx = export_xlsx(&table, Computed::default(), &ExportOptions::default()).unwrap();
    let back = read_table(&xlsx, &ReadOptions::default()).unwrap();
    assert_eq!(back.formulas, table.formulas);
}

// ---- the corpus itself --------------------------------------------------------------------

/// Every file in the corpus is named in a test above, and the corpus stays small.
#[test]
fn every_corpus_file_is_tested() {
    let source = include_str!("bad_inputs.rs");
    let mut total = 0;
    let mut count = 0;
    for entry in std::fs::read_dir(dir()).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().into_string().unwrap();
        total += entry.metadata().unwrap().len();
        count += 1;
        assert!(
            source.contains(&format!("\"{name}\"")),
            "{name} is in tests/bad_inputs/ but no test reads it"
        );
    }
    assert!(count >= 50, "{count} cases");
    assert!(total < 2 * 1024 * 1024, "{total} bytes");
}
