//! Delimited text: CSV as Excel saves it, semicolon-separated, and tab-separated cells pasted
//! from Excel.

use super::read::{decode_table_text, markup_format};
use super::{
    column_letters, reads_differently_with_comma, Limits, ReadOptions, SheetError, SheetWarning,
    Source, Table,
};
use crate::row::Cell;
use crate::sheets::TextEncoding;
use ::csv::{ByteRecord, ReaderBuilder};

/// The delimiters sniffed, in the order that wins a tie: a tab almost never occurs inside
/// account data while commas do (`1,200`), and Chinese Excel writes commas, not semicolons.
const CANDIDATES: [u8; 3] = [b'\t', b',', b';'];

/// How much text the sniffer looks at.
const SNIFF_BYTES: usize = 64 * 1024;
const SNIFF_LINES: usize = 50;

/// Reads CSV bytes in any of the encodings [`decode_text`](super::decode_text) knows.
///
/// NUL padding, a DOS end-of-file mark and a last line of binary garbage are left out, with
/// a warning ([`SheetWarning::TrailingBytes`]). A file that is no delimited text is refused
/// with its format named: an old .xls, an HTML page or an XML Spreadsheet 2003 saved under a
/// `.xls` or `.csv` name, UTF-16 without a byte-order mark that does not decode.
pub fn read_csv(bytes: &[u8], options: &ReadOptions) -> Result<Table, SheetError> {
    options.limits.check_bytes(bytes.len())?;
    super::detect_format(bytes)?;
    let (decoded, dropped) = decode_table_text(bytes)?;
    let mut table = read_decoded(&decoded.text, decoded.encoding, options)?;
    if decoded.replaced {
        table.warnings.push(SheetWarning::UndecodableBytes {
            encoding: decoded.encoding.name(),
        });
    }
    if dropped > 0 {
        table
            .warnings
            .push(SheetWarning::TrailingBytes { count: dropped });
    }
    Ok(table)
}

/// Reads text that is already decoded, such as cells pasted from Excel (tab-separated).
pub fn read_csv_text(text: &str, options: &ReadOptions) -> Result<Table, SheetError> {
    options.limits.check_bytes(text.len())?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    read_decoded(text, TextEncoding::Utf8, options)
}

fn read_decoded(
    text: &str,
    encoding: TextEncoding,
    options: &ReadOptions,
) -> Result<Table, SheetError> {
    if let Some(format) = markup_format(text) {
        return Err(SheetError::UnsupportedFormat(format));
    }
    let delimiter = match options.delimiter {
        Some(c) if c.is_ascii() && !matches!(c, '"' | '\r' | '\n') => c,
        Some(c) => return Err(SheetError::BadDelimiter(c)),
        None => sniff_delimiter(text),
    };
    let grid = parse_rows(text, delimiter as u8, &options.limits)?;
    let mut table = Table::from_grid(
        grid,
        options.header_row,
        &[],
        Source::Csv {
            encoding,
            delimiter,
        },
        &options.limits,
    )?;
    if let Some(row) = unterminated_quote_row(text, delimiter as u8) {
        table.warnings.push(SheetWarning::UnterminatedQuote { row });
    }
    table.decimal = options.decimal.unwrap_or_default();
    if options.decimal.is_none() && delimiter == ';' {
        ambiguous_decimal_warning(&mut table);
    }
    Ok(table)
}

/// Warns when a semicolon-separated file, as continental European Excel saves CSV, holds
/// numbers that a decimal comma reads otherwise than the decimal point they were read with
/// (`1.200`, `23,5%`), naming the first such cell: the user must say which mark the file uses.
fn ambiguous_decimal_warning(table: &mut Table) {
    let mut first: Option<(usize, usize, String)> = None;
    let mut count = 0;
    for (index, row) in table.rows.iter().enumerate() {
        for (column, cell) in row.iter().enumerate() {
            let Cell::Text(text) = cell else {
                continue;
            };
            if reads_differently_with_comma(text) {
                count += 1;
                if first.is_none() {
                    first = Some((index, column, text.clone()));
                }
            }
        }
    }
    if let Some((index, column, text)) = first {
        let cell = format!("{}{}", column_letters(column), table.line_number(index));
        table
            .warnings
            .push(SheetWarning::AmbiguousDecimal { cell, text, count });
    }
}

/// The row (1-based, blank lines counted, CRLF, LF and CR one break each) where a quoted cell
/// opens that the text never closes, as the CSV reader reads quotes: a quote opens only at
/// the start of a cell, and `""` inside quotes is a quote.
fn unterminated_quote_row(text: &str, delimiter: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut row = 1;
    let mut opened_on = 0;
    let mut in_quotes = false;
    let mut at_cell_start = true;
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        if in_quotes {
            if byte == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    in_quotes = false;
                }
            }
        } else if byte == b'"' && at_cell_start {
            in_quotes = true;
            opened_on = row;
        } else if byte == b'\r' || byte == b'\n' {
            if !(byte == b'\r' && bytes.get(i + 1) == Some(&b'\n')) {
                row += 1;
            }
            at_cell_start = true;
            i += 1;
            continue;
        }
        at_cell_start = !in_quotes && byte == delimiter;
        i += 1;
    }
    in_quotes.then_some(opened_on)
}

/// Guesses the delimiter from the first lines: for each candidate, the count per line outside
/// quotes; the candidate whose most common non-zero count occurs on the most lines wins (then
/// the larger count, then the order tab, comma, semicolon). A consistent count is what tells a
/// delimiter from a comma inside `1,200` or a title line with none. No candidate at all: comma.
pub fn sniff_delimiter(text: &str) -> char {
    let mut lines: Vec<[usize; 3]> = Vec::new();
    let mut current = [0usize; 3];
    let mut has_content = false;
    let mut in_quotes = false;
    for &byte in text.as_bytes().iter().take(SNIFF_BYTES) {
        if byte == b'"' {
            in_quotes = !in_quotes;
            has_content = true;
        } else if !in_quotes && (byte == b'\n' || byte == b'\r') {
            if has_content {
                lines.push(current);
                if lines.len() >= SNIFF_LINES {
                    break;
                }
            }
            current = [0; 3];
            has_content = false;
        } else {
            has_content = true;
            if !in_quotes {
                if let Some(i) = CANDIDATES.iter().position(|&c| c == byte) {
                    if let Some(count) = current.get_mut(i) {
                        *count += 1;
                    }
                }
            }
        }
    }
    if has_content && lines.len() < SNIFF_LINES {
        lines.push(current);
    }
    let mut best: Option<(u8, usize, usize)> = None;
    for (i, &candidate) in CANDIDATES.iter().enumerate() {
        let counts: Vec<usize> = lines
            .iter()
            .filter_map(|line| line.get(i).copied())
            .filter(|&n| n > 0)
            .collect();
        let Some((count, lines_with_it)) = most_common(&counts) else {
            continue;
        };
        let better = best.is_none_or(|(_, best_lines, best_count)| {
            (lines_with_it, count) > (best_lines, best_count)
        });
        if better {
            best = Some((candidate, lines_with_it, count));
        }
    }
    best.map_or(',', |(c, _, _)| c as char)
}

/// The most common value and how often it occurs (the larger value on a tie).
fn most_common(values: &[usize]) -> Option<(usize, usize)> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let mut best: Option<(usize, usize)> = None;
    for run in sorted.chunk_by(|a, b| a == b) {
        if let Some(&value) = run.first() {
            if best.is_none_or(|(_, n)| run.len() >= n) {
                best = Some((value, run.len()));
            }
        }
    }
    best
}

fn is_line_break(byte: &u8) -> bool {
    matches!(byte, b'\r' | b'\n')
}

/// Line breaks in a run of `\r` and `\n`: CRLF, LF and CR each count once.
fn count_line_breaks(run: &[u8]) -> usize {
    let mut count = 0;
    let mut i = 0;
    while let Some(&byte) = run.get(i) {
        if byte == b'\r' && run.get(i + 1) == Some(&b'\n') {
            i += 2;
        } else {
            i += 1;
        }
        if is_line_break(&byte) {
            count += 1;
        }
    }
    count
}

/// Splits the text into rows of cells, one row per record, with a blank line as an empty row.
///
/// The csv crate skips blank lines, which would shift every later row number and lose the
/// blank rows a user left between blocks. So the line breaks between one record's content and
/// the next record's are counted from the byte positions the reader reports: one break ends
/// the record, each further break is a blank row. A record's content cannot begin or end with
/// a raw line break (a break inside quotes is followed or preceded by the quote), so trimming
/// breaks off each record's byte span finds its content exactly.
fn parse_rows(text: &str, delimiter: u8, limits: &Limits) -> Result<Vec<Vec<Cell>>, SheetError> {
    let bytes = text.as_bytes();
    let mut reader = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut record = ByteRecord::new();
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut previous_content_end: Option<usize> = None;
    // The memory the table takes so far, checked against the budget as the file is read, so a
    // file that would not fit is refused part way, not after it has taken the memory.
    let mut memory = 0usize;
    loop {
        let start = reader.position().byte() as usize;
        let more = reader
            .read_byte_record(&mut record)
            .map_err(|e| SheetError::Csv(e.to_string()))?;
        if !more {
            break;
        }
        let end = (reader.position().byte() as usize).min(bytes.len());
        let span = bytes.get(start..end).unwrap_or_default();
        let leading = span.iter().take_while(|b| is_line_break(b)).count();
        let trailing = span
            .get(leading..)
            .unwrap_or_default()
            .iter()
            .rev()
            .take_while(|b| is_line_break(b))
            .count();
        let content_start = start + leading;
        let content_end = end - trailing;

        let gap_start = previous_content_end.unwrap_or(0);
        let gap = bytes.get(gap_start..content_start).unwrap_or_default();
        let breaks = count_line_breaks(gap);
        let blank_rows = match previous_content_end {
            Some(_) => breaks.saturating_sub(1),
            None => breaks,
        };
        for _ in 0..blank_rows {
            limits.check_row(rows.len())?;
            rows.push(Vec::new());
        }

        limits.check_row(rows.len())?;
        limits.check_columns(record.len())?;
        memory += std::mem::size_of::<Vec<Cell>>()
            + record
                .iter()
                .map(|f| super::cell_cost(f.len()))
                .sum::<usize>();
        limits.check_memory(memory)?;
        rows.push(
            record
                .iter()
                .map(|field| {
                    if field.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(String::from_utf8_lossy(field).into_owned())
                    }
                })
                .collect(),
        );
        previous_content_end = Some(content_end);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(text: &str, delimiter: u8) -> Vec<Vec<Cell>> {
        parse_rows(text, delimiter, &Limits::default()).unwrap()
    }

    fn texts(rows: &[Vec<Cell>]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(super::super::table::cell_text).collect())
            .collect()
    }

    #[test]
    fn line_ends_of_every_kind() {
        for text in ["a,b\r\nc,d\r\n", "a,b\nc,d\n", "a,b\rc,d\r", "a,b\r\nc,d"] {
            assert_eq!(
                texts(&grid(text, b',')),
                vec![vec!["a", "b"], vec!["c", "d"]],
                "{text:?}"
            );
        }
    }

    #[test]
    fn blank_lines_in_the_middle_are_empty_rows() {
        for text in [
            "a\r\n\r\nb\r\n",
            "a\n\nb\n",
            "a\r\rb\r",
            "\na\n\nb",
            "a\r\n\r\n\r\nb",
        ] {
            let rows = grid(text, b',');
            let leading = usize::from(text.starts_with('\n'));
            let blanks = rows.iter().filter(|r| r.is_empty()).count();
            let expected_blanks = leading
                + match text {
                    "a\r\n\r\n\r\nb" => 2,
                    _ => 1,
                };
            assert_eq!(blanks, expected_blanks, "{text:?}: {rows:?}");
            assert_eq!(rows.last(), Some(&vec![Cell::from("b")]), "{text:?}");
        }
    }

    #[test]
    fn quoted_cells_with_line_breaks_and_quotes() {
        let rows = grid(
            "name,notes\r\n\"甲, Ltd\",\"line 1\r\nline 2\"\r\n\r\n\"say \"\"hi\"\"\",\"x\n\"\n",
            b',',
        );
        assert_eq!(
            texts(&rows),
            vec![
                vec!["name", "notes"],
                vec!["甲, Ltd", "line 1\r\nline 2"],
                vec![],
                vec!["say \"hi\"", "x\n"],
            ]
        );
    }

    #[test]
    fn sniffs_comma_semicolon_and_tab() {
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n"), ',');
        assert_eq!(sniff_delimiter("a;b;c\n1,5;2,5;3\n"), ';');
        assert_eq!(
            sniff_delimiter("客户\t金额\n甲\t1,200\n乙\t3,400,000\n"),
            '\t'
        );
        // A title line without delimiters and commas inside quotes do not mislead it.
        assert_eq!(
            sniff_delimiter("2026年名单\n名称;金额\n\"a,b,c\";1\n\"d,e\";2\n"),
            ';'
        );
        assert_eq!(sniff_delimiter("just one column\nvalue\n"), ',');
    }

    #[test]
    fn unterminated_quotes_are_found() {
        assert_eq!(
            unterminated_quote_row("a,b\r\n1,\"x\r\n2,y\r\n", b','),
            Some(2)
        );
        assert_eq!(unterminated_quote_row("a\n\n\"x\"\"y", b','), Some(3));
        for closed in ["a,\"x\r\ny\"\r\n", "a,b\"c\n", "\"say \"\"hi\"\"\",x", ""] {
            assert_eq!(unterminated_quote_row(closed, b','), None, "{closed:?}");
        }
    }

    #[test]
    fn row_limit_counts_blank_rows() {
        let limits = Limits {
            max_rows: 3,
            ..Limits::default()
        };
        assert!(parse_rows("a\nb\nc\n", b',', &limits).is_ok());
        assert_eq!(
            parse_rows("a\n\n\nb\n", b',', &limits),
            Err(SheetError::TooManyRows { limit: 3 })
        );
    }
}
