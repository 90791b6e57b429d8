//! Why a file could not be read or written, and what the user should know about a file that
//! was read all the same: stable codes, their arguments, and texts in every language from the
//! text tables (`sheet_error.<code>`, `sheet_warning.<code>`), as [`ParseError`] does for a
//! cell. `Display` is the English text.
//!
//! [`ParseError`]: crate::parse::ParseError

use super::column_letters;
use crate::texts::{field_label, fill, text, Label, Lang};
use serde::Serialize;
use std::fmt;

/// Why a file could not be read or written. [`SheetError::code`] is stable: front ends,
/// tests and users' own scripts match on it; the texts may change.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SheetError {
    TooLarge {
        size: usize,
        limit: usize,
    },
    TooLargeUnpacked {
        size: u64,
        limit: usize,
    },
    TooManyRows {
        limit: usize,
    },
    TooManyColumns {
        columns: usize,
        limit: usize,
    },
    TooManyCells {
        limit: usize,
    },
    /// The table would take more memory than the read's budget ([`super::Limits`]).
    TooLargeInMemory {
        megabytes: usize,
        limit_megabytes: usize,
    },
    Empty,
    /// A kind of file the crate does not read; the argument is the code of its text
    /// (`sheet_format.<code>`), which names the format and says what to do.
    UnsupportedFormat(&'static str),
    BadDelimiter(char),
    HeaderRowOutOfRange {
        row: usize,
        rows: usize,
    },
    /// The CSV reader's own reason (English, from the library; shown in English only).
    Csv(String),
    /// The workbook reader's own reason (English, from the library; shown in English only).
    Xlsx(String),
    SheetNotFound {
        name: String,
        available: String,
    },
    SheetIndexOutOfRange {
        index: usize,
        count: usize,
    },
    NoWorksheet,
    MappedColumnOutOfRange {
        column: usize,
        width: usize,
    },
    UnknownField(String),
    FieldMappedTwice {
        field: String,
        first: usize,
        second: usize,
    },
    ComputedRowCount {
        computed: usize,
        rows: usize,
    },
    ComputedRowTooLong {
        row: usize,
        cells: usize,
        headers: usize,
    },
    /// The writer's own reason (English; shown in English only).
    Write(String),
}

/// A library's English detail in English only: the other languages' texts say what it means
/// without it (`{detail}` is empty there, its separator included).
fn detail(lang: Lang, detail: &str) -> String {
    match lang {
        Lang::En => detail.to_string(),
        _ => String::new(),
    }
}

/// A field's label in `lang` when `key` is a field, else the key as the user wrote it.
fn field_name(lang: Lang, key: &str) -> String {
    match (lang, field_label(lang, key)) {
        // English keeps the key, as the texts always said it.
        (Lang::En, _) | (_, "") => key.to_string(),
        (_, label) => label.to_string(),
    }
}

impl SheetError {
    /// The stable code, as `sheet_error.<code>` names its texts.
    pub fn code(&self) -> &'static str {
        match self {
            SheetError::TooLarge { .. } => "too_large",
            SheetError::TooLargeUnpacked { .. } => "too_large_unpacked",
            SheetError::TooManyRows { .. } => "too_many_rows",
            SheetError::TooManyColumns { .. } => "too_many_columns",
            SheetError::TooManyCells { .. } => "too_many_cells",
            SheetError::TooLargeInMemory { .. } => "too_large_in_memory",
            SheetError::Empty => "empty",
            SheetError::UnsupportedFormat(_) => "unsupported_format",
            SheetError::BadDelimiter(_) => "bad_delimiter",
            SheetError::HeaderRowOutOfRange { .. } => "header_row_out_of_range",
            SheetError::Csv(_) => "csv",
            SheetError::Xlsx(_) => "xlsx",
            SheetError::SheetNotFound { .. } => "sheet_not_found",
            SheetError::SheetIndexOutOfRange { .. } => "sheet_index_out_of_range",
            SheetError::NoWorksheet => "no_worksheet",
            SheetError::MappedColumnOutOfRange { .. } => "mapped_column_out_of_range",
            SheetError::UnknownField(_) => "unknown_field",
            SheetError::FieldMappedTwice { .. } => "field_mapped_twice",
            SheetError::ComputedRowCount { .. } => "computed_row_count",
            SheetError::ComputedRowTooLong { .. } => "computed_row_too_long",
            SheetError::Write(_) => "write",
        }
    }

    /// The arguments the texts fill in, in one language.
    pub fn args(&self, lang: Lang) -> Vec<(&'static str, String)> {
        let n = |v: &dyn ToString| v.to_string();
        match self {
            SheetError::TooLarge { size, limit } => vec![("size", n(size)), ("limit", n(limit))],
            SheetError::TooLargeUnpacked { size, limit } => {
                vec![("size", n(size)), ("limit", n(limit))]
            }
            SheetError::TooManyRows { limit } | SheetError::TooManyCells { limit } => {
                vec![("limit", n(limit))]
            }
            SheetError::TooManyColumns { columns, limit } => {
                vec![("columns", n(columns)), ("limit", n(limit))]
            }
            SheetError::TooLargeInMemory {
                megabytes,
                limit_megabytes,
            } => vec![("size", n(megabytes)), ("limit", n(limit_megabytes))],
            SheetError::Empty | SheetError::NoWorksheet => Vec::new(),
            SheetError::UnsupportedFormat(format) => vec![(
                "reason",
                text(lang, &format!("sheet_format.{format}")).to_string(),
            )],
            SheetError::BadDelimiter(c) => vec![("delimiter", format!("{c:?}"))],
            SheetError::HeaderRowOutOfRange { row, rows } => {
                vec![("row", n(row)), ("rows", n(rows))]
            }
            SheetError::Csv(d) | SheetError::Xlsx(d) | SheetError::Write(d) => {
                vec![("detail", detail(lang, d))]
            }
            SheetError::SheetNotFound { name, available } => {
                vec![("name", name.clone()), ("available", available.clone())]
            }
            SheetError::SheetIndexOutOfRange { index, count } => {
                vec![("index", n(index)), ("count", n(count))]
            }
            SheetError::MappedColumnOutOfRange { column, width } => {
                vec![("column", n(column)), ("width", n(width))]
            }
            SheetError::UnknownField(field) => vec![("field", field.clone())],
            SheetError::FieldMappedTwice {
                field,
                first,
                second,
            } => vec![
                ("field", field_name(lang, field)),
                ("first", n(first)),
                ("second", n(second)),
            ],
            SheetError::ComputedRowCount { computed, rows } => {
                vec![("computed", n(computed)), ("rows", n(rows))]
            }
            SheetError::ComputedRowTooLong {
                row,
                cells,
                headers,
            } => vec![
                ("row", n(row)),
                ("cells", n(cells)),
                ("headers", n(headers)),
            ],
        }
    }

    /// The reason in one language.
    pub fn message(&self, lang: Lang) -> String {
        render(lang, "sheet_error", self.code(), &self.args(lang))
    }

    /// The code with its texts in every language.
    pub fn label(&self) -> Label {
        Label::localized("sheet_error", self.code(), |lang| self.args(lang))
    }
}

impl fmt::Display for SheetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

fn render(lang: Lang, namespace: &str, code: &str, args: &[(&'static str, String)]) -> String {
    let pairs: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(text(lang, &format!("{namespace}.{code}")), &pairs)
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
    /// The workbook has hidden sheets; the first visible worksheet was read. Any sheet can be
    /// read by name or position ([`SheetChoice`](super::SheetChoice)).
    HiddenSheets {
        /// The sheet read.
        read: String,
        /// The hidden sheets, in tab order.
        hidden: Vec<String>,
    },
    /// Formula cells in the data with no value computed by Excel (a file a program wrote):
    /// they read as empty until the workbook is opened and saved in Excel. The formulas are
    /// kept and written back.
    UncomputedFormulas {
        /// The first such cell, as Excel names it (`E21`).
        cell: String,
        count: usize,
    },
    /// A semicolon-separated file holds numbers that read otherwise with a decimal comma
    /// than with a decimal point (`1.200`, `23,5%`): they were read with a point, and the user
    /// should say which ([`ReadOptions::decimal`](super::ReadOptions)).
    AmbiguousDecimal {
        /// The first such cell, as Excel names it (`B2`).
        cell: String,
        /// Its text.
        text: String,
        /// How many cells are like it.
        count: usize,
    },
    /// Bytes after the last row that are no text (NUL padding, a DOS end-of-file mark,
    /// binary garbage) were left out.
    TrailingBytes { count: usize },
}

impl SheetWarning {
    /// The stable code, as `sheet_warning.<code>` names its texts (and as `kind` serialises).
    pub fn code(&self) -> &'static str {
        match self {
            SheetWarning::DuplicateHeader { .. } => "duplicate_header",
            SheetWarning::FieldInTwoColumns { .. } => "field_in_two_columns",
            SheetWarning::UndecodableBytes { .. } => "undecodable_bytes",
            SheetWarning::UnterminatedQuote { .. } => "unterminated_quote",
            SheetWarning::MergedCells { .. } => "merged_cells",
            SheetWarning::HiddenSheets { .. } => "hidden_sheets",
            SheetWarning::UncomputedFormulas { .. } => "uncomputed_formulas",
            SheetWarning::AmbiguousDecimal { .. } => "ambiguous_decimal",
            SheetWarning::TrailingBytes { .. } => "trailing_bytes",
        }
    }

    /// The arguments the texts fill in, in one language.
    pub fn args(&self, lang: Lang) -> Vec<(&'static str, String)> {
        match self {
            SheetWarning::DuplicateHeader {
                column,
                header,
                renamed_to,
            } => vec![
                ("column", column_letters(*column)),
                ("header", header.clone()),
                ("renamed_to", renamed_to.clone()),
            ],
            SheetWarning::FieldInTwoColumns {
                field,
                read_from,
                ignored,
            } => vec![
                ("field", field_name(lang, field)),
                ("read_from", column_letters(*read_from)),
                ("ignored", column_letters(*ignored)),
            ],
            SheetWarning::UndecodableBytes { encoding } => {
                vec![("encoding", encoding.to_string())]
            }
            SheetWarning::UnterminatedQuote { row } => vec![("row", row.to_string())],
            SheetWarning::MergedCells { range } => vec![("range", range.clone())],
            SheetWarning::HiddenSheets { read, hidden } => {
                let separator = match lang {
                    Lang::En => ", ",
                    _ => "、",
                };
                vec![("read", read.clone()), ("hidden", hidden.join(separator))]
            }
            SheetWarning::UncomputedFormulas { cell, count } => {
                vec![("cell", cell.clone()), ("count", count.to_string())]
            }
            SheetWarning::AmbiguousDecimal { cell, text, count } => vec![
                ("cell", cell.clone()),
                ("text", text.clone()),
                ("count", count.to_string()),
            ],
            SheetWarning::TrailingBytes { count } => vec![("count", count.to_string())],
        }
    }

    /// The text in one language.
    pub fn message(&self, lang: Lang) -> String {
        render(lang, "sheet_warning", self.code(), &self.args(lang))
    }

    /// The code with its texts in every language.
    pub fn label(&self) -> Label {
        Label::localized("sheet_warning", self.code(), |lang| self.args(lang))
    }
}

impl fmt::Display for SheetWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors() -> Vec<SheetError> {
        vec![
            SheetError::TooLarge { size: 2, limit: 1 },
            SheetError::TooLargeUnpacked { size: 2, limit: 1 },
            SheetError::TooManyRows { limit: 1 },
            SheetError::TooManyColumns {
                columns: 2,
                limit: 1,
            },
            SheetError::TooManyCells { limit: 1 },
            SheetError::TooLargeInMemory {
                megabytes: 2,
                limit_megabytes: 1,
            },
            SheetError::Empty,
            SheetError::UnsupportedFormat("old_xls"),
            SheetError::BadDelimiter('é'),
            SheetError::HeaderRowOutOfRange { row: 9, rows: 3 },
            SheetError::Csv("bad".into()),
            SheetError::Xlsx("bad zip".into()),
            SheetError::SheetNotFound {
                name: "客户".into(),
                available: "Sheet1".into(),
            },
            SheetError::SheetIndexOutOfRange { index: 3, count: 1 },
            SheetError::NoWorksheet,
            SheetError::MappedColumnOutOfRange {
                column: 5,
                width: 2,
            },
            SheetError::UnknownField("colour".into()),
            SheetError::FieldMappedTwice {
                field: "annual_purchase".into(),
                first: 1,
                second: 2,
            },
            SheetError::ComputedRowCount {
                computed: 1,
                rows: 2,
            },
            SheetError::ComputedRowTooLong {
                row: 1,
                cells: 3,
                headers: 2,
            },
            SheetError::Write("disk full".into()),
        ]
    }

    fn warnings() -> Vec<SheetWarning> {
        vec![
            SheetWarning::DuplicateHeader {
                column: 2,
                header: "金额".into(),
                renamed_to: "金额 (2)".into(),
            },
            SheetWarning::FieldInTwoColumns {
                field: "annual_purchase",
                read_from: 1,
                ignored: 4,
            },
            SheetWarning::UndecodableBytes { encoding: "GBK" },
            SheetWarning::UnterminatedQuote { row: 7 },
            SheetWarning::MergedCells {
                range: "B5:B9".into(),
            },
            SheetWarning::HiddenSheets {
                read: "客户".into(),
                hidden: vec!["旧名单".into(), "参数".into()],
            },
            SheetWarning::UncomputedFormulas {
                cell: "E21".into(),
                count: 3,
            },
            SheetWarning::AmbiguousDecimal {
                cell: "B2".into(),
                text: "1.200".into(),
                count: 4,
            },
            SheetWarning::TrailingBytes { count: 512 },
        ]
    }

    /// Runs of three or more ASCII letters that are no product or format name.
    fn english_words(text: &str) -> Vec<String> {
        const NAMES: &[&str] = &[
            "CSV", "XLSX", "Excel", "UTF", "GBK", "xlsx", "xls", "xlsb", "ods", "HTML", "XML",
        ];
        let mut words = Vec::new();
        let mut word = String::new();
        for c in text.chars().chain([' ']) {
            if c.is_ascii_alphabetic() {
                word.push(c);
            } else {
                if word.len() >= 3 && !NAMES.contains(&word.as_str()) {
                    words.push(std::mem::take(&mut word));
                }
                word.clear();
            }
        }
        words
    }

    #[test]
    fn every_code_has_texts_with_every_placeholder_filled() {
        let labels = errors()
            .iter()
            .map(|e| (e.label(), e.to_string()))
            .chain(warnings().iter().map(|w| (w.label(), w.to_string())))
            .collect::<Vec<_>>();
        let mut codes = std::collections::HashSet::new();
        for (label, display) in &labels {
            assert!(codes.insert(label.code.clone()), "{} twice", label.code);
            assert_eq!(&label.en, display);
            for t in [&label.zh, &label.en] {
                assert!(!t.starts_with("sheet_"), "{} has no text: {t}", label.code);
                assert!(!t.contains("{"), "{} leaves a placeholder: {t}", label.code);
            }
            // User data in these examples is Chinese or a name, so no English is left.
            let zh = label
                .zh
                .replace("Sheet1", "")
                .replace("colour", "")
                .replace("disk full", "");
            assert!(
                english_words(&zh).is_empty(),
                "{}: {}",
                label.code,
                label.zh
            );
        }
        assert_eq!(codes.len(), 30);
        for format in ["old_xls", "html", "xml2003", "ods", "xlsb"] {
            let e = SheetError::UnsupportedFormat(format);
            assert_eq!(e.code(), "unsupported_format");
            let label = e.label();
            assert!(!label.zh.starts_with("sheet_"), "{format}: {}", label.zh);
            assert!(!label.en.starts_with("sheet_"), "{format}: {}", label.en);
            assert!(
                english_words(&label.zh).is_empty(),
                "{format}: {}",
                label.zh
            );
        }
    }

    #[test]
    fn english_is_the_display_text_as_before() {
        let e = SheetError::TooLarge { size: 2, limit: 1 };
        assert_eq!(
            e.to_string(),
            "the file is 2 bytes, more than the limit of 1 bytes"
        );
        assert_eq!(
            SheetError::BadDelimiter('é').to_string(),
            "the delimiter must be a single ASCII character, not 'é'"
        );
        assert_eq!(
            SheetError::Xlsx("bad zip".into()).message(Lang::En),
            "not a readable .xlsx workbook: bad zip"
        );
        let w = SheetWarning::FieldInTwoColumns {
            field: "annual_purchase",
            read_from: 1,
            ignored: 4,
        };
        assert_eq!(
            w.to_string(),
            "columns B and E both give annual_purchase; column B is read and column E is kept unread"
        );
        assert!(w
            .message(Lang::ZhCn)
            .contains(field_label(Lang::ZhCn, "annual_purchase")));
    }
}
