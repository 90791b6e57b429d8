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
/// container.
pub fn detect_format(bytes: &[u8]) -> Result<FileFormat, SheetError> {
    if bytes.starts_with(ZIP_MAGIC) {
        Ok(FileFormat::Xlsx)
    } else if bytes.starts_with(OLE_MAGIC) {
        // An old .xls workbook or a password-protected file (`sheet_format.old_xls`).
        Err(SheetError::UnsupportedFormat("old_xls"))
    } else {
        Ok(FileFormat::Csv)
    }
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

/// UTF-16 without a byte-order mark shows as NUL bytes in every other position wherever the
/// text is ASCII (delimiters, digits, line ends). NUL never appears in real UTF-8 or GB18030
/// text, so a majority of NULs at one parity is a safe sign.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = bytes.get(..bytes.len().min(512))?;
    if sample.len() < 4 || sample.len() % 2 != 0 {
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
    // A few characters have a zero byte of their own (U+4E00 一 is 00 4E), hence the margin.
    if odd * 2 > pairs && even * 4 < odd {
        Some(UTF_16LE)
    } else if even * 2 > pairs && odd * 4 < even {
        Some(UTF_16BE)
    } else {
        None
    }
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
    }
}
