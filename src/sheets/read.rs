//! Which kind of file the bytes are, and how text bytes are decoded.

use super::{ReadOptions, SheetError, Table};
use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};
use serde::Serialize;

/// The kinds of file this module reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileFormat {
    /// Delimited text: CSV, semicolon-separated, or tab-separated (Excel's "Text" and pasted
    /// cells).
    Csv,
    /// An Office Open XML workbook (.xlsx, .xlsm).
    Xlsx,
}

/// A zip archive's first bytes: every .xlsx is one.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// An OLE compound file's first bytes: an old .xls, or any Office file with a password.
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Tells the kind of file from its first bytes; text is anything that is not a known binary
/// container. An old .xls (an OLE compound file, or a bare BIFF2–4 stream) is refused here;
/// the formats that are text or zip inside (HTML, XML Spreadsheet 2003, .ods, .xlsb) are
/// refused by the reader of that kind ([`read_csv`](super::read_csv),
/// [`read_xlsx`](super::read_xlsx)).
pub fn detect_format(bytes: &[u8]) -> Result<FileFormat, SheetError> {
    if bytes.starts_with(ZIP_MAGIC) {
        Ok(FileFormat::Xlsx)
    } else if bytes.starts_with(OLE_MAGIC) || is_bare_biff(bytes) {
        // An old .xls workbook or a password-protected file (`sheet_format.old_xls`).
        Err(SheetError::UnsupportedFormat("old_xls"))
    } else {
        Ok(FileFormat::Csv)
    }
}

/// A BIFF2, BIFF3 or BIFF4 worksheet as Excel 2.x–4.0 saved it, not wrapped in an OLE file:
/// its BOF record, `09 00|02|04` with a length of 4, 6 or 8.
fn is_bare_biff(bytes: &[u8]) -> bool {
    matches!(
        bytes,
        [0x09, 0x00 | 0x02 | 0x04, 0x04 | 0x06 | 0x08, 0x00, ..]
    )
}

/// The markup formats Excel and reporting systems save under an `.xls` name: an HTML table
/// (`<html>`, `<table>`, a "single file web page" MIME archive) or an XML Spreadsheet 2003.
/// Their text is no delimited list, so reading it as one would give a page of tags.
pub(crate) fn markup_format(text: &str) -> Option<&'static str> {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let head: String = start
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<?xml") || head.starts_with("<?mso-application") {
        if head.contains("urn:schemas-microsoft-com:office:spreadsheet")
            || head.contains("progid=\"excel.sheet\"")
            || head.contains("<workbook")
            || head.contains("<ss:workbook")
        {
            return Some("xml2003");
        }
        return head.contains("<html").then_some("html");
    }
    let html = [
        "<!doctype html",
        "<html",
        "<table",
        "<head",
        "<body",
        "<meta",
    ]
    .iter()
    .any(|tag| head.starts_with(tag))
        || (head.starts_with("<!--") && head.contains("<html"))
        || (head.starts_with("mime-version:") && head.contains("text/html"));
    html.then_some("html")
}

/// Reads a CSV/TSV text or an .xlsx workbook, whichever the bytes are.
pub fn read_table(bytes: &[u8], options: &ReadOptions) -> Result<Table, SheetError> {
    options.limits.check_bytes(bytes.len())?;
    match detect_format(bytes)? {
        FileFormat::Csv => super::read_csv(bytes, options),
        FileFormat::Xlsx => super::read_xlsx(bytes, options),
    }
}

/// The encoding a text file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextEncoding {
    Utf8,
    /// UTF-8 with a byte-order mark, as Excel's "CSV UTF-8" saves it.
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// GB18030, the superset of GBK and GB2312 that Excel on a Chinese Windows saves CSV in.
    Gb18030,
}

impl TextEncoding {
    /// The encoding's usual name.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 (BOM)",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Gb18030 => "GB18030",
        }
    }
}

/// Text decoded from a file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedText {
    /// The text, without any byte-order mark.
    pub text: String,
    pub encoding: TextEncoding,
    /// Some bytes were invalid in the encoding and became U+FFFD.
    pub replaced: bool,
}

/// Decodes a text file: a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE); without one,
/// valid UTF-8 is UTF-8, a NUL in every other byte is UTF-16 without a mark, and anything
/// else is GB18030, which is what Excel on a zh-CN Windows writes for "CSV (逗号分隔)".
///
/// GB18030 rather than GBK because it decodes every GBK file identically and also the rarer
/// characters GBK lacks. A file in another legacy encoding (Big5, Shift_JIS) comes out garbled
/// with `replaced` set; no statistical guessing is attempted.
pub fn decode_text(bytes: &[u8]) -> DecodedText {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_length..).unwrap_or_default();
        let (text, replaced) = encoding.decode_without_bom_handling(body);
        let kind = if encoding == UTF_8 {
            TextEncoding::Utf8Bom
        } else if encoding == UTF_16LE {
            TextEncoding::Utf16Le
        } else {
            TextEncoding::Utf16Be
        };
        return DecodedText {
            text: text.into_owned(),
            encoding: kind,
            replaced,
        };
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, replaced) = encoding.decode_without_bom_handling(bytes);
        let kind = if encoding == UTF_16LE {
            TextEncoding::Utf16Le
        } else {
            TextEncoding::Utf16Be
        };
        return DecodedText {
            text: text.into_owned(),
            encoding: kind,
            replaced,
        };
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return DecodedText {
            text: text.to_string(),
            encoding: TextEncoding::Utf8,
            replaced: false,
        };
    }
    let (text, replaced) = GB18030.decode_without_bom_handling(bytes);
    DecodedText {
        text: text.into_owned(),
        encoding: TextEncoding::Gb18030,
        replaced,
    }
}

/// UTF-16 without a byte-order mark shows as NUL bytes at one parity wherever the text is
/// ASCII (delimiters, digits, line ends: in UTF-16LE `,` is `2C 00`), and hardly any at the
/// other (a CJK character has a zero byte only at U+xx00, such as 一 U+4E00). NUL never
/// appears in real UTF-8 or GB18030 text. So: NULs at one parity in at least one character
/// of 16 (a Chinese list has a delimiter or a digit far more often), and at the other parity
/// fewer than half as many. Trailing NUL padding is left out of the count.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    // The last character's zero byte is no padding: round up to whole code units.
    let end = padding_start(bytes, 1);
    let end = (end + end % 2).min(bytes.len()).min(UTF16_SAMPLE);
    let sample = bytes.get(..end - end % 2)?;
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let nul_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (nul_at(0), nul_at(1));
    let enough = |n: usize| n >= 2 && n * 16 >= pairs;
    if enough(odd) && even * 2 < odd {
        Some(UTF_16LE)
    } else if enough(even) && odd * 2 < even {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// How many bytes of the start of a file the UTF-16 test looks at.
const UTF16_SAMPLE: usize = 8 * 1024;

/// Where the padding at the end of a text starts: trailing NUL and SUB (`0x1A`, the DOS
/// end-of-file mark) code units of `unit` bytes (1, or 2 for UTF-16, either byte order: a
/// padding unit is all zero or a zero and a `0x1A`). The length returned is a whole number
/// of units.
fn padding_start(bytes: &[u8], unit: usize) -> usize {
    let whole = bytes.len() - bytes.len() % unit;
    let mut end = whole;
    while end >= unit {
        let Some(last) = bytes.get(end - unit..end) else {
            break;
        };
        let padding = last.iter().all(|b| matches!(b, 0x00 | 0x1A))
            && last.iter().filter(|b| **b == 0x1A).count() <= 1;
        if !padding {
            break;
        }
        end -= unit;
    }
    end
}

/// Where the garbage a file ends with starts: the code units after the last line break, when
/// they hold a control character other than a tab (binary data always does; text hardly
/// ever). `None` when there is none, or no line break (a one-line file is left whole).
/// `unit` is 1, or 2 for UTF-16 with `big_endian` telling the byte order.
fn garbage_start(body: &[u8], unit: usize, big_endian: bool) -> Option<usize> {
    let units = body.chunks_exact(unit).map(|c| match c {
        [b] => u16::from(*b),
        [a, b] if big_endian => u16::from_be_bytes([*a, *b]),
        [a, b] => u16::from_le_bytes([*a, *b]),
        _ => 0,
    });
    let mut last_break = None;
    let mut control_after = false;
    for (i, u) in units.enumerate() {
        if u == u16::from(b'\n') || u == u16::from(b'\r') {
            last_break = Some(i);
            control_after = false;
        } else if (u < 0x20 && u != u16::from(b'\t')) || u == 0x7F {
            control_after = true;
        }
    }
    let at = (last_break? + 1) * unit;
    control_after.then_some(at)
}

/// A text file decoded for reading as a table: [`decode_text`] without the padding and the
/// garbage it ends with (their byte count is the second value), which are left out before
/// the encoding is decided so that they cannot turn a UTF-8 file into GB18030. UTF-16 that
/// no byte-order mark announces and that does not decode cleanly is refused
/// (`sheet_format.utf16_unclear`) rather than read as garbage.
pub(crate) fn decode_table_text(bytes: &[u8]) -> Result<(DecodedText, usize), SheetError> {
    let (bom, encoding, marked) = match Encoding::for_bom(bytes) {
        Some((encoding, length)) => (length, Some(encoding), true),
        None => (0, utf16_without_bom(bytes), false),
    };
    let (unit, big_endian) = match encoding {
        Some(e) if e == UTF_16LE => (2, false),
        Some(e) if e == UTF_16BE => (2, true),
        _ => (1, false),
    };
    let body = bytes.get(bom..).unwrap_or_default();
    let mut end = padding_start(body, unit);
    if let Some(start) = body
        .get(..end)
        .and_then(|b| garbage_start(b, unit, big_endian))
    {
        end = padding_start(body.get(..start).unwrap_or_default(), unit);
    }
    let kept = bytes.get(..bom + end).unwrap_or_default();
    let decoded = decode_text(kept);
    if unit == 2 && !marked && decoded.replaced {
        return Err(SheetError::UnsupportedFormat("utf16_unclear"));
    }
    Ok((decoded, bytes.len() - kept.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_from_magic_bytes() {
        assert_eq!(detect_format(b"PK\x03\x04rest"), Ok(FileFormat::Xlsx));
        assert_eq!(detect_format("客户,金额".as_bytes()), Ok(FileFormat::Csv));
        assert!(matches!(
            detect_format(OLE_MAGIC),
            Err(SheetError::UnsupportedFormat(_))
        ));
    }

    #[test]
    fn utf16_without_a_mark_is_recognised() {
        // encoding_rs encodes UTF-16 targets as UTF-8 (the Encoding Standard's rule), so the
        // bytes are built by hand.
        let text = "客户,amount\r\nx,1\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        let d = decode_text(&le);
        assert_eq!((d.text.as_str(), d.encoding), (text, TextEncoding::Utf16Le));
        let d = decode_text(&be);
        assert_eq!((d.text.as_str(), d.encoding), (text, TextEncoding::Utf16Be));
        // Mostly Chinese: few ASCII characters, still recognised.
        let text = "华东精密机械有限公司华南电子科技有限公司,一千二百\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode_text(&le).encoding, TextEncoding::Utf16Le);
    }

    #[test]
    fn padding_and_garbage_at_the_end() {
        let (d, dropped) = decode_table_text(b"a,b\r\n1,2\r\n\x1a\0\0\0").unwrap();
        assert_eq!((d.text.as_str(), dropped), ("a,b\r\n1,2\r\n", 4));
        let (d, dropped) = decode_table_text(b"a,b\r\n1,2\r\n\x01\x02PK\x03").unwrap();
        assert_eq!((d.text.as_str(), dropped), ("a,b\r\n1,2\r\n", 5));
        // A last row without a line break, but no garbage, stays.
        let (d, dropped) = decode_table_text(b"a,b\r\n1,2").unwrap();
        assert_eq!((d.text.as_str(), dropped), ("a,b\r\n1,2", 0));
        // UTF-16LE padded with an odd number of NULs.
        let mut le: Vec<u8> = "a,b\r\n1,2\r\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        le.extend([0u8; 7]);
        let (d, dropped) = decode_table_text(&le).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, dropped),
            ("a,b\r\n1,2\r\n", TextEncoding::Utf16Le, 7)
        );
    }

    #[test]
    fn markup_under_a_spreadsheet_name() {
        for (text, want) in [
            ("<html><body><table><tr><td>1</td></tr></table>", Some("html")),
            ("\u{FEFF}  <!DOCTYPE html><html>", Some("html")),
            ("<table border=1><tr><td>客户</td></tr>", Some("html")),
            ("MIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"", Some("html")),
            ("<?xml version=\"1.0\"?>\r\n<?mso-application progid=\"Excel.Sheet\"?>\r\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">", Some("xml2003")),
            ("客户名称,备注\r\n<script>,x", None),
            ("<script>alert(1)</script>,1", None),
        ] {
            assert_eq!(markup_format(text), want, "{text:?}");
        }
        assert_eq!(
            detect_format(&[0x09, 0x04, 0x06, 0x00, 0x00, 0x00]),
            Err(SheetError::UnsupportedFormat("old_xls"))
        );
    }
}
