//! A numeric cell as a sales team writes it (MODEL §1.1), read into the field's own unit:
//! units in the cell (`3年`, `12次`, `80万元`, `$2.5M`), qualifiers (`约100万`, `100万以上`,
//! `>50`), ranges (`10-20万`, `3到5年`, read as the midpoint), Chinese numerals (`一百二十万`,
//! `五成`), plus everything plain numbers allow (`1,234,567`, `(1,234)`, `１２３`, `1e5`).
//!
//! What was read is kept with the value ([`Marks`]): a user sees that `约100万` was taken as
//! 1,000,000 *approximately*, never silently.

use super::numerals::{has_numeral_digit, is_numeral_char, parse_numerals};
use super::units::{convert, Dimension, Unit, UnitKind, MAGNITUDES, PREFIX_UNITS, SUFFIX_UNITS};
use super::{is_blank_marker, normalize_width, ParseError, MAX_CELL_CHARS};
use serde::Serialize;

/// What a reading noticed about the text, beyond its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Marks(u8);

impl Marks {
    pub const NONE: Marks = Marks(0);
    /// A qualifier: 约, 近, 左右, 以上, 超过, 不到, `+`, `~`, `≈`, `>`, `<`.
    pub const APPROXIMATE: Marks = Marks(1);
    /// A range, read as its midpoint.
    pub const RANGE: Marks = Marks(2);
    /// The cell carried its own unit (年, 次, 元, ¥, USD …).
    pub const UNIT: Marks = Marks(4);
    /// Chinese numerals were read.
    pub const NUMERALS: Marks = Marks(8);

    const NAMES: [(Marks, &'static str); 4] = [
        (Marks::APPROXIMATE, "approximate"),
        (Marks::RANGE, "range"),
        (Marks::UNIT, "unit"),
        (Marks::NUMERALS, "numerals"),
    ];

    pub fn contains(self, other: Marks) -> bool {
        self.0 & other.0 == other.0 && other.0 != 0
    }
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }
    /// Approximate or range: what a user must be told about (a unit or numerals read as
    /// written are not doubtful).
    pub fn is_doubtful(self) -> bool {
        self.0 & (Marks::APPROXIMATE.0 | Marks::RANGE.0) != 0
    }
    /// The marks' names, in a fixed order.
    pub fn names(self) -> Vec<&'static str> {
        Marks::NAMES
            .iter()
            .filter(|(m, _)| self.contains(*m))
            .map(|(_, n)| *n)
            .collect()
    }
}

impl std::ops::BitOr for Marks {
    type Output = Marks;
    fn bitor(self, rhs: Marks) -> Marks {
        Marks(self.0 | rhs.0)
    }
}
impl std::ops::BitOrAssign for Marks {
    fn bitor_assign(&mut self, rhs: Marks) {
        self.0 |= rhs.0;
    }
}

impl Serialize for Marks {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.names())
    }
}

/// How strictly cells are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReadRules {
    /// Refuse qualified values and ranges instead of reading them as marked.
    pub strict: bool,
}

/// A number read from a cell, in the field's unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    pub value: f64,
    /// The unit the cell named (`年`, `次`, `元`, `USD`, `%`, `成`), if any.
    pub unit: Option<&'static str>,
    pub marks: Marks,
    /// The text was a share (`%`, `成`): the value is already a fraction.
    pub percent: bool,
    /// The text carried its own magnitude or unit (万, k, 年 …), so a unit in the header
    /// must not scale it again.
    pub scaled: bool,
    /// The cell named a currency other than 元: read as the number, never converted.
    pub foreign_currency: bool,
}

/// Words before the number that make it approximate, longest first.
const QUALIFIER_PREFIXES: &[&str] = &[
    "不少于",
    "大约",
    "大概",
    "将近",
    "接近",
    "超过",
    "不到",
    "不足",
    "至少",
    "多于",
    "少于",
    "低于",
    "高于",
    "约合",
    "约",
    "近",
    "≈",
    ">=",
    "<=",
    "≥",
    "≤",
    ">",
    "<",
    "~",
];
/// Words after the number that make it approximate.
const QUALIFIER_SUFFIXES: &[&str] = &["左右", "以上", "以下", "以内", "上下", "之上", "之下", "+"];
/// Words inside a number that make it approximate: `100多万`, `5年多`, `300余人`.
const MORE_THAN: &[char] = &['多', '余'];
/// Characters that separate the two ends of a range (`-` is handled apart: it is also a sign).
const RANGE_SEPARATORS: &[char] = &['~', '–', '—', '到', '至'];

/// Reads a numeric cell for a field of dimension `dim`. `Ok(None)` for the blank markers.
pub fn read_quantity(
    text: &str,
    dim: Dimension,
    rules: ReadRules,
) -> Result<Option<Reading>, ParseError> {
    if text.chars().count() > MAX_CELL_CHARS {
        return Err(ParseError::TooLong(MAX_CELL_CHARS));
    }
    if is_blank_marker(text) {
        return Ok(None);
    }
    let wide = normalize_width(text).replace('，', ",");
    let lowered = wide.trim().to_lowercase();
    let (core, approximate) = strip_qualifiers(&lowered);
    let mut reading = match split_range(core) {
        Some((left, right)) => read_range(left, right, dim)?,
        None => finish(read_term(core)?, dim)?,
    };
    if approximate {
        reading.marks |= Marks::APPROXIMATE;
    }
    if rules.strict && reading.marks.contains(Marks::APPROXIMATE) {
        return Err(ParseError::ApproximateNotAllowed);
    }
    if rules.strict && reading.marks.contains(Marks::RANGE) {
        return Err(ParseError::RangeNotAllowed);
    }
    Ok(Some(reading))
}

fn strip_qualifiers(s: &str) -> (&str, bool) {
    let mut s = s.trim();
    let mut found = false;
    loop {
        let before = s;
        if let Some(p) = QUALIFIER_PREFIXES.iter().find(|p| s.starts_with(*p)) {
            s = s[p.len()..].trim_start();
        }
        if let Some(q) = QUALIFIER_SUFFIXES.iter().find(|q| s.ends_with(*q)) {
            let rest = s[..s.len() - q.len()].trim_end();
            // `1e+` is no qualified number, and a lone `+` is no number at all.
            if !(rest.is_empty() || (*q == "+" && rest.ends_with('e'))) {
                s = rest;
            }
        }
        if s == before || s.is_empty() {
            break;
        }
        found = true;
    }
    (s, found)
}

/// Where a character may end the left side of a range: a digit, a numeral, `%`, a unit or a
/// magnitude.
fn ends_a_term(c: char) -> bool {
    c.is_ascii_digit() || c == '%' || is_numeral_char(c) || !c.is_ascii() || c.is_alphabetic()
}

/// Where a character may start the right side of a range.
fn starts_a_term(c: char) -> bool {
    c.is_ascii_digit() || c == '.' || is_numeral_char(c) || matches!(c, '¥' | '$' | '(' | '人')
}

/// Splits `10-20万` into `10` and `20万`. A leading `-` is a sign, `1e-5` an exponent.
fn split_range(s: &str) -> Option<(&str, &str)> {
    for (i, c) in s.char_indices() {
        let is_sep = RANGE_SEPARATORS.contains(&c) || (c == '-' && i > 0);
        if !is_sep {
            continue;
        }
        if i == 0 {
            // `到20万`: a range without its first end.
            if matches!(c, '到' | '至') {
                return Some(("", &s[c.len_utf8()..]));
            }
            continue;
        }
        let left = s[..i].trim_end();
        let right = s[i + c.len_utf8()..].trim_start();
        let Some(last) = left.chars().last() else {
            continue;
        };
        if c == '-' && (last == 'e' || !ends_a_term(last) || !last_is_number_end(left)) {
            continue;
        }
        if right.is_empty() {
            // `3到` and `10~`: a range with an open end; `5-` is a trailing sign.
            if c == '-' {
                continue;
            }
            return Some((left, right));
        }
        let mut chars = right.chars();
        let first = chars.next();
        // `-10%~-5%`: after a separator other than `-`, the second end may carry a sign.
        let signed = c != '-'
            && matches!(first, Some('-' | '+' | '−'))
            && chars.next().is_some_and(starts_a_term);
        if first.is_some_and(starts_a_term) || signed {
            return Some((left, right));
        }
    }
    None
}

/// A `-` follows a number (`10-20`, `10万-20万`, `3年-5年`), not a currency sign (`¥-5`).
fn last_is_number_end(left: &str) -> bool {
    !PREFIX_UNITS.iter().any(|(p, _)| left.ends_with(p))
}

fn read_range(left: &str, right: &str, dim: Dimension) -> Result<Reading, ParseError> {
    if left.is_empty() || right.is_empty() || split_range(right).is_some() {
        return Err(ParseError::BadRange);
    }
    let r = read_term(right)?;
    let mut l = read_term(left)?;
    if let (Some(a), Some(b)) = (l.unit, r.unit) {
        if a.kind != b.kind {
            return Err(ParseError::BadRange);
        }
    }
    // `10-20万`, `20-25%`, `3到5年`, `¥10-20万`: what the second end says applies to a first
    // end that does not say it.
    if l.magnitude.is_none() && l.percent.is_none() {
        l.magnitude = r.magnitude;
        l.percent = r.percent;
    }
    if l.unit.is_none() && l.percent.is_none() {
        l.unit = r.unit;
    }
    let a = finish(l, dim)?;
    let b = finish(r, dim)?;
    if a.value > b.value {
        return Err(ParseError::BadRange);
    }
    let value = a.value / 2.0 + b.value / 2.0;
    Ok(Reading {
        value,
        unit: b.unit.or(a.unit),
        marks: a.marks | b.marks | Marks::RANGE,
        percent: a.percent || b.percent,
        scaled: a.scaled || b.scaled,
        foreign_currency: a.foreign_currency || b.foreign_currency,
    })
}

/// One number as written, before it is put into the field's unit.
#[derive(Debug, Clone, Copy)]
struct Term {
    number: f64,
    negative: bool,
    magnitude: Option<f64>,
    unit: Option<Unit>,
    /// The divisor of a share: 100 for `%`, 10 for `成`.
    percent: Option<f64>,
    numerals: bool,
    approximate: bool,
}

fn strip_prefix_unit(s: &str) -> (&str, Option<Unit>) {
    for (p, u) in PREFIX_UNITS {
        if let Some(rest) = s.strip_prefix(p) {
            return (rest.trim_start(), Some(*u));
        }
    }
    (s, None)
}

fn strip_sign(s: &str) -> (&str, bool, bool) {
    match s.strip_prefix(['-', '+', '−']) {
        Some(rest) => (rest.trim_start(), s.starts_with(['-', '−']), true),
        None => (s, false, false),
    }
}

fn read_term(text: &str) -> Result<Term, ParseError> {
    let mut s = text.trim();
    let mut negative = false;
    if s.len() > 2 && s.starts_with('(') && s.ends_with(')') {
        negative = true;
        s = s[1..s.len() - 1].trim();
        if s.starts_with(['-', '+', '−']) {
            return Err(ParseError::DoubleSign);
        }
    }
    let mut percent = None;
    if let Some(rest) = s.strip_prefix("百分之") {
        percent = Some(100.0);
        s = rest;
    }
    if let Some(rest) = s.strip_suffix('%') {
        percent = Some(100.0);
        s = rest.trim_end();
    }
    let (rest, neg1, signed1) = strip_sign(s);
    let (rest, mut unit) = strip_prefix_unit(rest);
    let (rest, neg2, signed2) = strip_sign(rest);
    if (signed1 && signed2) || rest.starts_with(['-', '+', '−']) {
        return Err(ParseError::DoubleSign);
    }
    negative ^= neg1 ^ neg2;
    s = rest;
    let mut approximate = false;
    if let Some(r) = s.strip_suffix(MORE_THAN) {
        // `5年多`, `三年多`: more than five years.
        approximate = true;
        s = r.trim_end();
    }
    if let Some(days) = compound_duration(s)? {
        return Ok(Term {
            number: days.0,
            negative,
            magnitude: None,
            unit: Some(days.1),
            percent: None,
            numerals: days.2,
            approximate,
        });
    }
    if let Some((word, u)) = SUFFIX_UNITS.iter().find(|(w, _)| {
        s.strip_suffix(*w)
            .is_some_and(|r| !r.trim_end().is_empty() && !r.trim_end().ends_with('-'))
    }) {
        if unit.is_some_and(|p| p.kind != u.kind) {
            return Err(ParseError::UnknownUnit(word.to_string()));
        }
        unit = Some(*u);
        s = s[..s.len() - word.len()].trim_end();
    }
    if percent.is_none() {
        if let Some(rest) = s.strip_suffix('%') {
            percent = Some(100.0);
            s = rest.trim_end();
        }
    }
    // `100多万`, `10余年`, `十多次`, `5+年`: more than, spoken.
    if let Some(r) = s.strip_suffix('+').filter(|r| !r.is_empty()) {
        approximate = true;
        s = r.trim_end();
    }
    let owned;
    if let Some(i) = s.find(MORE_THAN) {
        let before = s[..i].chars().last();
        if before.is_some_and(|c| c.is_ascii_digit() || is_numeral_char(c)) {
            let width = s[i..].chars().next().map_or(1, char::len_utf8);
            owned = format!("{}{}", &s[..i], &s[i + width..]);
            s = owned.as_str();
            approximate = true;
        }
    }
    if s.ends_with(['-', '+', '−']) {
        return Err(ParseError::TrailingSign);
    }
    if let Some((tens, ones)) = s.split_once('成') {
        // 五成 = 50 %, 三成五 = 35 %, 5成 = 50 %.
        let numerals = has_numeral_digit(s);
        let whole = small_number(tens)?;
        let tenth = if ones.is_empty() {
            0.0
        } else {
            small_number(ones)?
        };
        return Ok(Term {
            number: whole + tenth / 10.0,
            negative,
            magnitude: None,
            unit,
            percent: Some(10.0),
            numerals,
            approximate,
        });
    }
    let has_digits = s.chars().any(|c| c.is_ascii_digit());
    if has_numeral_digit(s) {
        if has_digits {
            return Err(ParseError::MixedNumerals);
        }
        // A trailing 万/亿 is the numeral's magnitude, so that `十到二十万` carries it over.
        let full = parse_numerals(s)?;
        let magnitude = match s.chars().last() {
            Some('万') if !s.contains('亿') => Some(1e4),
            Some('亿') => Some(1e8),
            _ => None,
        }
        .filter(|_| s.chars().count() > 1);
        return Ok(Term {
            number: full / magnitude.unwrap_or(1.0),
            negative,
            magnitude,
            unit,
            percent,
            numerals: true,
            approximate,
        });
    }
    let mut magnitude = None;
    for (word, factor) in MAGNITUDES {
        if let Some(rest) = s.strip_suffix(word) {
            // "1e5" must not lose its exponent to the 'b'/'m' rules; only strip after a digit.
            if rest
                .trim_end()
                .ends_with(|c: char| c.is_ascii_digit() || c == '.')
            {
                magnitude = Some(*factor);
                s = rest.trim_end();
                break;
            }
        }
    }
    let only_number_chars = s.chars().all(|c| {
        c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '十' | '百' | '千' | '万' | '亿')
    });
    if s.contains(['十', '百', '千', '万', '亿']) && has_digits && only_number_chars {
        return Err(ParseError::MixedNumerals);
    }
    Ok(Term {
        number: plain_number(s)?,
        negative,
        magnitude,
        unit,
        percent,
        numerals: false,
        approximate,
    })
}

/// `3年6个月`, `两年三个月`, `一年半`, `半个月`: a duration in several units, as days with the
/// first unit's name, and whether numerals were read. `None` when the text is one plain term.
fn compound_duration(s: &str) -> Result<Option<(f64, Unit, bool)>, ParseError> {
    let time_units = || {
        SUFFIX_UNITS
            .iter()
            .filter(|(w, u)| u.kind == UnitKind::Time && !w.is_ascii())
    };
    if !s.contains('半') && time_units().filter(|(w, _)| s.contains(*w)).count() < 2 {
        return Ok(None);
    }
    let mut rest = s;
    let mut days = 0.0;
    let mut parts = 0;
    let mut numerals = false;
    let mut first: Option<&'static str> = None;
    while !rest.is_empty() {
        // The earliest unit word; at one place the longest (个月 before 月).
        let Some((pos, word, unit)) = time_units()
            .filter_map(|(w, u)| rest.find(*w).map(|p| (p, *w, *u)))
            .min_by_key(|(p, w, _)| (*p, usize::MAX - w.len()))
        else {
            return Ok(None);
        };
        let count_text = rest[..pos].trim();
        let mut count = match count_text {
            "半" => {
                numerals = true;
                0.5
            }
            "" => return Ok(None),
            t if has_numeral_digit(t) => {
                numerals = true;
                parse_numerals(t)?
            }
            t => plain_number(t)?,
        };
        rest = rest[pos + word.len()..].trim_start();
        if let Some(r) = rest.strip_prefix('半') {
            numerals = true;
            count += 0.5;
            rest = r.trim_start();
        }
        if parts == 0 && unit.days == super::units::YEAR_DAYS && count >= 1000.0 {
            // `2026年3月` is a date, not 2026 years.
            return Err(ParseError::NotANumber);
        }
        days += count * unit.days;
        first.get_or_insert(unit.name);
        parts += 1;
    }
    if parts == 1 && !s.contains('半') {
        return Ok(None);
    }
    let name = first.unwrap_or("天");
    Ok(Some((
        days,
        Unit {
            name,
            kind: UnitKind::Time,
            days: 1.0,
        },
        numerals,
    )))
}

/// A digit or a numeral digit, for the two parts of `三成五`.
fn small_number(s: &str) -> Result<f64, ParseError> {
    if has_numeral_digit(s) {
        parse_numerals(s)
    } else {
        plain_number(s)
    }
}

/// Puts a term into the field's unit.
fn finish(t: Term, dim: Dimension) -> Result<Reading, ParseError> {
    let mut marks = Marks::NONE;
    let mut value = t.number * t.magnitude.unwrap_or(1.0);
    if let Some(div) = t.percent {
        if !matches!(dim, Dimension::Ratio | Dimension::Plain | Dimension::Any) {
            return Err(ParseError::PercentNotAllowed(dim));
        }
        value /= div;
    }
    if let Some(u) = t.unit {
        if t.percent.is_some() {
            return Err(ParseError::UnknownUnit(u.name.to_string()));
        }
        let (mul, div) = convert(&u, dim)?;
        value = value * mul / div;
        marks |= Marks::UNIT;
    }
    if t.numerals {
        marks |= Marks::NUMERALS;
    }
    if t.approximate {
        marks |= Marks::APPROXIMATE;
    }
    if !value.is_finite() {
        return Err(ParseError::Overflow);
    }
    if t.negative {
        value = -value;
    }
    Ok(Reading {
        value,
        unit: t
            .unit
            .map(|u| u.name)
            .or(t.percent.map(|d| if d == 10.0 { "成" } else { "%" })),
        marks,
        percent: t.percent.is_some(),
        scaled: t.magnitude.is_some() || t.unit.is_some(),
        foreign_currency: t.unit.is_some_and(|u| u.kind == UnitKind::Foreign),
    })
}

/// Digits with optional thousands separators, a decimal point and an exponent.
fn plain_number(s: &str) -> Result<f64, ParseError> {
    let allowed =
        |c: char| c.is_ascii_digit() || matches!(c, '.' | ',' | '\'' | ' ' | 'e' | '+' | '-');
    if s.is_empty() || !s.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        return Err(ParseError::NotANumber);
    }
    if !s.chars().all(allowed) {
        return Err(first_unknown(s).map_or(ParseError::NotANumber, ParseError::UnknownUnit));
    }
    if s.matches('.').count() > 1 {
        return Err(ParseError::DoubleDecimalPoint);
    }
    let digits = strip_grouping(s)?;
    let value: f64 = digits.parse().map_err(|_| ParseError::NotANumber)?;
    if !value.is_finite() {
        return Err(ParseError::Overflow);
    }
    Ok(value)
}

/// The first run of characters that are not part of a number, for the error message.
fn first_unknown(s: &str) -> Option<String> {
    let start = s.find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '\'')))?;
    Some(s[start..].to_string())
}

/// Removes thousands separators (`,` `'` and spaces) after checking that every group after
/// the first has exactly three digits, so `1,5` (a European decimal) is refused, not misread.
fn strip_grouping(s: &str) -> Result<String, ParseError> {
    let separators = [',', '\'', ' '];
    if !s.contains(separators) {
        return Ok(s.to_string());
    }
    let (int_part, frac_part) = match s.find('.') {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    if frac_part.contains(separators) {
        return Err(ParseError::BadGrouping);
    }
    let groups: Vec<&str> = int_part.split(separators).collect();
    let first_ok = !groups[0].is_empty()
        && groups[0].len() <= 3
        && groups[0].chars().all(|c| c.is_ascii_digit());
    let rest_ok = groups[1..]
        .iter()
        .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()));
    if !first_ok || !rest_ok {
        return Err(ParseError::BadGrouping);
    }
    Ok(format!("{}{}", groups.concat(), frac_part))
}
