"""Writes the bad-input corpus (tests/bad_inputs/): small files that real account lists turn
out to be — wrong encodings, odd line ends, ragged rows, broken and malicious workbooks, cells
that look like numbers and are not. tests/bad_inputs.rs states what each must read as.
Deterministic: the same bytes every run. Usage: python3 scripts/make_bad_inputs.py"""
import random
import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "bad_inputs"
rng = random.Random(20261110)
written = []


def put(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    (OUT / name).write_bytes(data)
    written.append(name)


HEAD = "客户名称,年采购额(万元),毛利率,最近下单日期,信用等级,备注\r\n"
ROWS = [
    "华东精密,120,23%,2026-03-15,A,老客户\r\n",
    "星河电子,\"1,200\",18%,2026/3/1,B,\r\n",
    "长江物流,35.5,0.12,2026年1月5日,C,季度结算\r\n",
]
BASIC = HEAD + "".join(ROWS)


# ---- zip and xlsx, written by hand so that sizes can lie -----------------------------------

def zip_entry(name, data, *, declared=None, stored=False):
    """A zip member: (name, compressed bytes, crc, uncompressed size as declared, method)."""
    crc = zlib.crc32(data) & 0xFFFFFFFF
    if stored:
        body, method = data, 0
    else:
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        body, method = c.compress(data) + c.flush(), 8
    return (name.encode(), body, crc, len(data) if declared is None else declared, method)


def zip_bytes(entries):
    out = bytearray()
    central = bytearray()
    for name, body, crc, size, method in entries:
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc,
                           len(body), size, len(name), 0) + name + body
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x21,
                               crc, len(body), size, len(name), 0, 0, 0, 0, 0, offset) + name
    cd_offset = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central),
                       cd_offset, 0)
    return bytes(out)


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '</Types>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    '</Relationships>')
NS = ('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


def workbook(sheets=("Sheet1",), date1904=False, states=None):
    pr = '<workbookPr date1904="1"/>' if date1904 else ""
    states = states or [None] * len(sheets)
    items = "".join(
        f'<sheet name="{n}" sheetId="{i + 1}"{f" state={chr(34)}{st}{chr(34)}" if st else ""} r:id="rId{i + 1}"/>'
        for i, (n, st) in enumerate(zip(sheets, states)))
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook {NS}>{pr}<sheets>{items}</sheets></workbook>'


def workbook_rels(count=1, target="worksheets/sheet{}.xml"):
    items = "".join(
        f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="{target.format(i + 1)}"/>'
        for i in range(count))
    items += ('<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
              '<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>')
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{items}</Relationships>'


# Style 0: general; style 1: a date (built-in format 14).
STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet {NS}>'
    '<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>')


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def shared_strings(strings):
    items = "".join(f"<si><t xml:space=\"preserve\">{esc(s)}</t></si>" for s in strings)
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst {NS} count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>'


def col(index):
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def c(ref, value):
    """A cell: str → inline string, int/float → number, bool → boolean, or raw XML (tuple)."""
    if isinstance(value, tuple):
        attrs, inner = value
        return f'<c r="{ref}"{attrs}>{inner}</c>'
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{esc(value)}</t></is></c>'


def sheet_xml(rows, extra=""):
    """rows: list of lists (None = no cell), or dict row index → list."""
    out = []
    for r, cells in enumerate(rows):
        if cells is None:
            continue
        xs = "".join(c(f"{col(j)}{r + 1}", v) for j, v in enumerate(cells) if v is not None)
        out.append(f'<row r="{r + 1}">{xs}</row>')
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet {NS}><sheetData>{"".join(out)}</sheetData>{extra}</worksheet>'


def xlsx(sheets, *, strings=(), date1904=False, names=None, extra_entries=(), states=None,
         shared_xml=None):
    """sheets: sheet XML texts (or bytes); states: per sheet None, "hidden" or "veryHidden";
    shared_xml: the shared strings part as written (for rich text), instead of `strings`."""
    names = names or [f"Sheet{i + 1}" for i in range(len(sheets))]
    entries = [
        zip_entry("[Content_Types].xml", CONTENT_TYPES.encode()),
        zip_entry("_rels/.rels", ROOT_RELS.encode()),
        zip_entry("xl/workbook.xml", workbook(names, date1904, states).encode()),
        zip_entry("xl/_rels/workbook.xml.rels", workbook_rels(len(sheets)).encode()),
        zip_entry("xl/styles.xml", STYLES.encode()),
        zip_entry("xl/sharedStrings.xml", (shared_xml or shared_strings(list(strings))).encode()),
    ]
    for i, s in enumerate(sheets):
        entries.append(zip_entry(f"xl/worksheets/sheet{i + 1}.xml", s.encode() if isinstance(s, str) else s))
    entries.extend(extra_entries)
    return zip_bytes(entries)


BASIC_GRID = [
    ["客户名称", "年采购额(万元)", "毛利率", "信用等级", "备注"],
    ["华东精密", 120, 0.23, "A", "老客户"],
    ["星河电子", 1200, "18%", "B", None],
    ["长江物流", 35.5, 0.12, "C", "季度结算"],
]


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()

    # ---- empty and near-empty ----
    put("empty.csv", b"")
    put("only_line_breaks.csv", b"\r\n\n\r\r\n")
    put("only_bom.csv", b"\xef\xbb\xbf")
    put("only_delimiters.csv", ",,,\r\n,,\r\n;;\r\n")
    put("header_only.csv", HEAD)

    # ---- encodings ----
    put("utf8_bom.csv", b"\xef\xbb\xbf" + BASIC.encode())
    put("utf8_no_bom.csv", BASIC)
    put("utf16le_bom.csv", b"\xff\xfe" + BASIC.encode("utf-16-le"))
    put("utf16be_bom.csv", b"\xfe\xff" + BASIC.encode("utf-16-be"))
    put("utf16le_no_bom.csv", BASIC.encode("utf-16-le"))
    put("gbk.csv", BASIC.encode("gbk"))
    put("gb18030_rare_chars.csv", ("客户名称,备注\r\n㐀㐁企业,𠀀字号\r\n").encode("gb18030"))
    # Big5 and Shift_JIS are not detected: they decode as GB18030, garbled (the README says so).
    put("big5_wrong_encoding.csv", "客戶名稱,年採購額\r\n臺灣精密,120\r\n".encode("big5"))
    put("shift_jis_wrong_encoding.csv", "顧客名,金額\r\n東京商事,120\r\n".encode("shift_jis"))
    put("latin1_wrong_encoding.csv", "name,annual purchase\r\nMüller GmbH,120\r\n".encode("latin-1"))
    # A file whose lines were pasted together from a UTF-8 and a GBK source.
    put("mixed_utf8_gbk.csv", HEAD.encode("utf-8") + ROWS[0].encode("utf-8") + ROWS[1].encode("gbk"))
    put("invalid_bytes.csv", b"name,notes\r\nAcme,ok\xff\xfe\xff bytes\r\n")
    put("utf16le_lone_surrogate.csv", b"\xff\xfe" + "name,notes\r\nA,x".encode("utf-16-le") + b"\x00\xd8" + "y\r\n".encode("utf-16-le"))
    put("bom_then_utf16_text.csv", b"\xef\xbb\xbf" + "a,b\r\n".encode("utf-16-le"))
    # UTF-16 without a mark whose text is mostly Chinese: few ASCII characters, so few NULs.
    CHINESE = "客户名称,年采购额(万元)\r\n华东精密机械制造有限公司,一百二十\r\n星河电子科技股份有限公司,三十五\r\n"
    put("utf16le_no_bom_chinese.csv", CHINESE.encode("utf-16-le"))
    put("utf16be_no_bom_chinese.csv", CHINESE.encode("utf-16-be"))
    # Looks like UTF-16LE without a mark (NULs after the ASCII) but is full of lone surrogates.
    put("utf16le_no_bom_broken.csv", "a,b\r\n1,2\r\n".encode("utf-16-le") + b"\x01\xdc,\x00" * 8 + "\r\n".encode("utf-16-le"))

    # ---- padding and garbage at the end (issue 15: not rows) ----
    put("nul_padding.csv", BASIC.encode() + b"\x1a" + bytes(1000))
    put("trailing_garbage.csv", BASIC.encode() + b"\x00\x01\x02\xfe\xff\x07PK\x03\x04junk")

    # ---- line ends ----
    lines = [HEAD.strip("\r\n")] + [r.strip("\r\n") for r in ROWS]
    put("line_ends_crlf.csv", "\r\n".join(lines) + "\r\n")
    put("line_ends_lf.csv", "\n".join(lines) + "\n")
    put("line_ends_cr.csv", "\r".join(lines) + "\r")
    put("line_ends_mixed.csv", lines[0] + "\r\n" + lines[1] + "\n" + lines[2] + "\r" + lines[3])
    put("blank_lines_inside.csv", lines[0] + "\r\n" + lines[1] + "\r\n\r\n" + lines[2] + "\r\n,,,,,\r\n" + lines[3] + "\r\n\r\n\r\n")

    # ---- shape ----
    put("ragged_rows.csv", "客户名称,年采购额\r\n甲,1\r\n乙\r\n丙,3,额外,更多\r\n,,,,,,,末尾\r\n")
    put("duplicate_headers.csv", "客户名称,备注,备注,客户,年采购额,年采购额\r\n甲,a,b,甲公司,1,2\r\n")
    put("empty_and_blank_headers.csv", "客户名称,, ,年采购额\r\n甲,x,y,5\r\n")
    put("title_rows_above_header.csv", "2026年重点客户名单\r\n制表:华东区,,2026-03-01\r\n\r\n" + BASIC)
    put("quoted_line_breaks.csv", '客户名称,备注\r\n"甲, Ltd","第一行\r\n第二行"\r\n"说""你好""",\r\n')
    put("unterminated_quote.csv", '客户名称,备注\r\n甲,"没有结束的引号\r\n乙,x\r\n')
    put("quote_in_middle.csv", '客户名称,备注\r\n甲,ab"cd"ef\r\n')
    put("semicolon_european.csv", "客户名称;年采购额;毛利率\r\n甲;1.234,5;12,5%\r\n乙;1234;12%\r\n")
    # Each number here reads one way with a decimal point and another with a decimal comma.
    put("semicolon_ambiguous.csv", "客户名称;年采购额;毛利率\r\n甲;1.200;23,5%\r\n乙;1.200,50;12%\r\n丙;35;0,5\r\n")
    put("tab_separated.tsv", "客户名称\t年采购额\t毛利率\r\n甲\t1,200\t23%\r\n乙\t1,234,567\t5%\r\n")
    put("excel_sep_hint.csv", "sep=;\r\n客户名称;年采购额\r\n甲;12\r\n")
    put("wide_16385_columns.csv", ",".join(f"c{i}" for i in range(16385)) + "\r\n")
    put("xss_and_formulas.csv",
        "客户名称,年采购额,备注\r\n"
        '"<script>alert(1)</script>",=1+1,"=HYPERLINK(""http://x"",""y"")"\r\n'
        "@SUM(A1),+5,-2+3\r\n"
        '"\tx","-5","\rcr"\r\n')
    put("control_characters.csv", "客户名称,备注\r\n甲\x01公司,a\x07b\x0bc\x1fd\r\n乙,_x0041_ literal\r\n丙,\x00nul\r\n")
    put("nul_bytes_inside.csv", b"name,notes\r\nAc\x00me,x\x00y\r\n")
    put("emoji_and_astral.csv", "客户名称,备注\r\n😀 公司,👍🏽 𝔘𝔫𝔦𝔠𝔬𝔡𝔢\r\n")
    put("leading_trailing_spaces.csv", "客户名称 , 年采购额 \r\n  甲  ,  12  \r\n   ,   \r\n乙,3\r\n")
    put("cell_20000_chars.csv", "客户名称,年采购额,备注\r\n甲," + "9" * 20000 + "," + "很长" * 10000 + "\r\n")
    put("cell_40000_chars.csv", "客户名称,备注\r\n甲," + "x" * 40000 + "\r\n")

    # ---- values ----
    def number_case(name, text):
        put(f"number_{name}.csv", f"客户名称,年采购额\r\n甲,{text}\r\n")

    number_case("1e309", "1e309")
    number_case("double_minus", "--5")
    number_case("trailing_minus", "5-")
    number_case("fullwidth_wan", '"１,２３４万"')
    number_case("fullwidth_comma_wan", "１，２３４万")
    number_case("unquoted_grouping", "1,234")
    number_case("european_decimal", '"1,5"')
    number_case("two_points", "1.2.3")
    number_case("words", "很多")
    number_case("unknown_unit", "12斤")
    number_case("accounting_negative", '"(1,234)"')
    number_case("currency_wan", "¥1.2万")
    number_case("na_marker", "N/A")
    number_case("infinity_word", "inf")
    number_case("hex", "0x1F")
    number_case("percent_in_money", "12%")
    put("ratio_and_dates.csv",
        "客户名称,毛利率,最近下单日期,满意度,已签合同\r\n"
        "甲,23,2026-02-30,6,也许\r\n"
        "乙,0.2,2026年3月15日,高度满意,是\r\n"
        "丙,20-25%,上周,0,2\r\n")

    # ---- not a list at all ----
    put("binary_garbage.bin", bytes(rng.getrandbits(8) for _ in range(4096)))
    put("png_image.png", b"\x89PNG\r\n\x1a\n" + bytes(rng.getrandbits(8) for _ in range(256)))
    put("old_xls_ole.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    # Excel 4.0's bare BIFF4 worksheet: a BOF record, no OLE container.
    put("old_xls_biff4.xls", b"\x09\x04\x06\x00\x00\x00\x10\x00\x00\x00" + bytes(22))

    # ---- other formats under a spreadsheet's name (issue 15: refused, the format named) ----
    # What reporting systems export as "报表.xls": an HTML table.
    put("html_table.xls",
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n'
        '<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>\r\n'
        "<body><table><tr><td>客户名称</td><td>年采购额</td></tr><tr><td>甲</td><td>120</td></tr></table></body></html>\r\n")
    put("xml_spreadsheet_2003.xls",
        '<?xml version="1.0"?>\r\n<?mso-application progid="Excel.Sheet"?>\r\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\r\n'
        '<Worksheet ss:Name="客户"><Table><Row><Cell><Data ss:Type="String">客户名称</Data></Cell></Row>'
        '<Row><Cell><Data ss:Type="String">甲</Data></Cell></Row></Table></Worksheet></Workbook>\r\n')
    put("opendocument.ods", zip_bytes([
        zip_entry("mimetype", b"application/vnd.oasis.opendocument.spreadsheet", stored=True),
        zip_entry("content.xml", b'<?xml version="1.0" encoding="UTF-8"?><office:document-content/>'),
    ]))
    put("binary_workbook.xlsb", zip_bytes([
        zip_entry("[Content_Types].xml", CONTENT_TYPES.encode()),
        zip_entry("_rels/.rels", ROOT_RELS.encode()),
        zip_entry("xl/workbook.bin", b"\x83\x01\x00\x84\x01\x00"),
    ]))

    # ---- workbooks ----
    good = xlsx([sheet_xml(BASIC_GRID)])
    put("xlsx_basic.xlsx", good)
    put("xlsx_truncated_half.xlsx", good[: len(good) // 2])
    put("xlsx_truncated_no_directory.xlsx", good[:-22])
    put("xlsx_magic_only.xlsx", b"PK\x03\x04")
    put("zip_without_workbook.xlsx", zip_bytes([zip_entry("hello.txt", b"not a workbook")]))
    put("xlsx_missing_sheet_part.xlsx", zip_bytes([
        zip_entry("[Content_Types].xml", CONTENT_TYPES.encode()),
        zip_entry("_rels/.rels", ROOT_RELS.encode()),
        zip_entry("xl/workbook.xml", workbook().encode()),
        zip_entry("xl/_rels/workbook.xml.rels", workbook_rels(1).encode()),
    ]))
    put("xlsx_malformed_sheet_xml.xlsx", xlsx([sheet_xml(BASIC_GRID)[:-40] + "<row><c r=\"A9\"><v>1</c></row"]))
    put("xlsx_no_sheets.xlsx", zip_bytes([
        zip_entry("[Content_Types].xml", CONTENT_TYPES.encode()),
        zip_entry("_rels/.rels", ROOT_RELS.encode()),
        zip_entry("xl/workbook.xml", workbook(()).encode()),
        zip_entry("xl/_rels/workbook.xml.rels", workbook_rels(0).encode()),
    ]))
    put("xlsx_empty_sheet.xlsx", xlsx([sheet_xml([])]))
    put("xlsx_merged_cells.xlsx", xlsx([sheet_xml(
        [["客户名称", "区域", "年采购额"], ["甲", "华东", 10], ["乙", None, 20], ["丙", None, 30]],
        extra='<mergeCells count="1"><mergeCell ref="B2:B4"/></mergeCells>')]))
    put("xlsx_formulas.xlsx", xlsx([sheet_xml([
        ["客户名称", "年采购额", "备注"],
        ["甲", ("", "<f>B3*2</f><v>20</v>"), ("", '<f>"=A1"&amp;"x"</f>')],
        ["乙", 10, ("t=\"str\"", '<f>"=cmd|"&amp;"calc"</f><v>=cmd|calc</v>')],
        ["丙", ("", "<f>1/0</f>"), ("t=\"e\"", "<f>1/0</f><v>#DIV/0!</v>")],
    ])]))
    put("xlsx_error_cells.xlsx", xlsx([sheet_xml([
        ["客户名称", "年采购额", "毛利率"],
        ["甲", ("t=\"e\"", "<v>#N/A</v>"), ("t=\"e\"", "<v>#DIV/0!</v>")],
        ["乙", ("t=\"e\"", "<v>#VALUE!</v>"), 0.2],
    ])]))
    put("xlsx_shared_strings.xlsx", xlsx([sheet_xml([
        [("t=\"s\"", "<v>0</v>"), ("t=\"s\"", "<v>1</v>")],
        [("t=\"s\"", "<v>2</v>"), 5],
        [("t=\"s\"", "<v>99</v>"), 6],
    ])], strings=["客户名称", "年采购额", "甲"]))
    put("xlsx_dates_1900.xlsx", xlsx([sheet_xml([
        ["客户名称", "最近下单日期"],
        ["甲", ("s=\"1\"", "<v>46096</v>")],
        ["乙", ("s=\"1\"", "<v>46096.5</v>")],
    ])]))
    put("xlsx_dates_1904.xlsx", xlsx([sheet_xml([
        ["客户名称", "最近下单日期"],
        ["甲", ("s=\"1\"", "<v>44634</v>")],
    ])], date1904=True))
    put("xlsx_numbers_overflow.xlsx", xlsx([sheet_xml([
        ["客户名称", "年采购额", "备注"],
        ["甲", ("", "<v>1e309</v>"), ("", "<v>-1e309</v>")],
        ["乙", ("", "<v>NaN</v>"), ("", "<v>1.7976931348623157e308</v>")],
    ])]))
    put("xlsx_booleans.xlsx", xlsx([sheet_xml([
        ["客户名称", "已签合同", "年采购额"],
        ["甲", True, False],
    ])]))
    put("xlsx_data_far_away.xlsx", xlsx([
        '<?xml version="1.0" encoding="UTF-8"?><worksheet ' + NS + '><sheetData>'
        '<row r="3"><c r="B3" t="inlineStr"><is><t>客户名称</t></is></c><c r="C3" t="inlineStr"><is><t>年采购额</t></is></c></row>'
        '<row r="4"><c r="B4" t="inlineStr"><is><t>甲</t></is></c><c r="C4"><v>7</v></c></row>'
        '</sheetData></worksheet>']))
    # A cell at column 1,000,000 (Excel stops at XFD = 16,384) and one at row 2,000,000.
    put("xlsx_column_1000000.xlsx", xlsx([
        '<?xml version="1.0" encoding="UTF-8"?><worksheet ' + NS + '><sheetData>'
        f'<row r="1"><c r="A1" t="inlineStr"><is><t>客户名称</t></is></c><c r="{col(999_999)}1"><v>1</v></c></row>'
        '</sheetData></worksheet>']))
    put("xlsx_row_2000000.xlsx", xlsx([
        '<?xml version="1.0" encoding="UTF-8"?><worksheet ' + NS + '><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>客户名称</t></is></c></row>'
        '<row r="2000000"><c r="A2000000"><v>1</v></c></row>'
        '</sheetData></worksheet>']))
    # A hidden first sheet (an old list) before the visible one, and a very hidden third.
    put("xlsx_hidden_first_sheet.xlsx", xlsx(
        [sheet_xml([["客户名称", "年采购额"], ["旧客户", 1]]), sheet_xml(BASIC_GRID), sheet_xml([["参数"]])],
        names=["旧名单", "客户", "参数"], states=["hidden", None, "veryHidden"]))
    # Formulas as a program writes them: no computed values, a shared formula, a row with
    # formulas only, one referring to another sheet (with its value), rich text beside them.
    put("xlsx_formulas_uncomputed.xlsx", xlsx([sheet_xml([
        ["客户名称", "年采购额", "毛利率", "备注"],
        ["甲", 100, ("", '<f t="shared" ref="C2:C3" si="0">B2/1000</f>'), ("t=\"s\"", "<v>0</v>")],
        ["乙", ("", "<f>B2*2</f>"), ("", '<f t="shared" si="0"/>'), ("t=\"str\"", "<f>参数!A1</f><v>来自参数</v>")],
        [None, ("", "<f>SUM(B2:B3)</f>"), None, None],
    ]), sheet_xml([["来自参数"]])], names=["客户", "参数"], shared_xml=(
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst {NS} count="1" uniqueCount="1">'
        '<si><r><rPr><b/></rPr><t>重点</t></r><r><t xml:space="preserve"> 客户</t></r>'
        '<rPh sb="0" eb="2"><t>ジュウテン</t></rPh></si></sst>')))
    put("xlsx_two_sheets_chart_first.xlsx", xlsx([sheet_xml([["x"]]), sheet_xml(BASIC_GRID)], names=["封面", "客户"]))
    put("xlsx_xss_text.xlsx", xlsx([sheet_xml([
        ["客户名称", "备注"],
        ["<img src=x onerror=alert(1)>", "=HYPERLINK(\"http://evil\")"],
        ["@cmd", "+1+1"],
    ])]))

    # ---- zip bombs ----
    # A sheet whose single text cell inflates to 1.1 GiB: a reader that buffers a cell's text
    # would need gigabytes. Deflate's best ratio is about 1:1030, so the file is about 1 MB.
    head = ('<?xml version="1.0" encoding="UTF-8"?><worksheet ' + NS + '><sheetData><row r="1">'
            '<c r="A1" t="inlineStr"><is><t>').encode()
    tail = b"</t></is></c></row></sheetData></worksheet>"
    size = 1100 * 1024 * 1024
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    crc = zlib.crc32(head)
    parts = [comp.compress(head)]
    chunk = b"A" * (1 << 20)
    for _ in range(size >> 20):
        crc = zlib.crc32(chunk, crc)
        parts.append(comp.compress(chunk))
    crc = zlib.crc32(tail, crc) & 0xFFFFFFFF
    parts.append(comp.compress(tail))
    parts.append(comp.flush())
    bomb = (b"xl/worksheets/sheet1.xml", b"".join(parts), crc, len(head) + size + len(tail), 8)
    base = [
        zip_entry("[Content_Types].xml", CONTENT_TYPES.encode()),
        zip_entry("_rels/.rels", ROOT_RELS.encode()),
        zip_entry("xl/workbook.xml", workbook().encode()),
        zip_entry("xl/_rels/workbook.xml.rels", workbook_rels(1).encode()),
    ]
    put("zip_bomb_sheet_1gib.xlsx", zip_bytes(base + [bomb]))
    # The shared strings, which a reader loads whole on opening, declared as 3.9 GB.
    sst = shared_strings(["客户名称"] * 10).encode()
    put("zip_bomb_shared_strings_declared.xlsx", zip_bytes(base + [
        zip_entry("xl/sharedStrings.xml", sst, declared=3_900_000_000),
        zip_entry("xl/worksheets/sheet1.xml", sheet_xml(BASIC_GRID).encode()),
    ]))
    # A sheet declared as 200 bytes that inflates to 10 MB: the size it claims must hold.
    lying = head + b"A" * (10 << 20) + tail
    put("zip_lying_small_size.xlsx", zip_bytes(base + [zip_entry("xl/worksheets/sheet1.xml", lying, declared=200)]))

    total = sum((OUT / n).stat().st_size for n in written)
    print(f"{len(written)} files, {total:,} bytes in {OUT}")


if __name__ == "__main__":
    main()
