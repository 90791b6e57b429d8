//! Units a cell may carry (MODEL §1.1), the dimension each belongs to, and the factor that
//! converts it into a field's own unit. One table: adding a unit is one line.

/// What a numeric field measures, and so which units its cells may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    /// Money in 元 (currencies are recognised, never converted).
    Money,
    /// A count of orders, complaints, people …
    Count,
    /// A duration kept in days.
    Days,
    /// A duration kept in years.
    Years,
    /// A share: `23%`, `0.23`, `五成`.
    Ratio,
    /// A plain number (a level, a score): magnitudes only.
    Plain,
    /// No field named (`parseValue(text)`): any unit is recognised, none converted.
    Any,
}

impl Dimension {
    /// The code naming the dimension in texts (`dimension.<code>`). Days and years are both
    /// "time" to a user.
    pub fn code(self) -> &'static str {
        match self {
            Dimension::Money => "money",
            Dimension::Count => "count",
            Dimension::Days | Dimension::Years => "time",
            Dimension::Ratio => "ratio",
            Dimension::Plain => "plain",
            Dimension::Any => "any",
        }
    }
}

/// The kind of thing a unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    /// Chinese yuan (元, ¥, RMB, CNY).
    Yuan,
    /// Another currency: read as the number, reported for the column, never converted.
    Foreign,
    Count,
    /// A duration, with its length in days.
    Time,
}

/// A unit word as the crate knows it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unit {
    /// How the user reads it back (`年`, `个月`, `次`, `元`, `USD`).
    pub name: &'static str,
    pub kind: UnitKind,
    /// Days for a time unit; 1 otherwise.
    pub days: f64,
}

const fn unit(name: &'static str, kind: UnitKind, days: f64) -> Unit {
    Unit { name, kind, days }
}

pub const YEAR_DAYS: f64 = 365.25;
pub const MONTH_DAYS: f64 = 30.4375;

const YEAR: Unit = unit("年", UnitKind::Time, YEAR_DAYS);
const MONTH: Unit = unit("个月", UnitKind::Time, MONTH_DAYS);
const WEEK: Unit = unit("周", UnitKind::Time, 7.0);
const DAY: Unit = unit("天", UnitKind::Time, 1.0);
const YUAN: Unit = unit("元", UnitKind::Yuan, 1.0);
const USD: Unit = unit("USD", UnitKind::Foreign, 1.0);

/// Unit words written after the number, longest first within a shared ending (个月 before 月).
pub const SUFFIX_UNITS: &[(&str, Unit)] = &[
    // time
    ("个星期", WEEK),
    ("个月", MONTH),
    ("星期", WEEK),
    ("年", YEAR),
    ("月", MONTH),
    ("周", WEEK),
    ("天", DAY),
    ("日", DAY),
    ("years", YEAR),
    ("year", YEAR),
    ("yrs", YEAR),
    ("months", MONTH),
    ("month", MONTH),
    ("weeks", WEEK),
    ("week", WEEK),
    ("days", DAY),
    ("day", DAY),
    // counts
    ("次", unit("次", UnitKind::Count, 1.0)),
    ("单", unit("单", UnitKind::Count, 1.0)),
    ("笔", unit("笔", UnitKind::Count, 1.0)),
    ("个", unit("个", UnitKind::Count, 1.0)),
    ("家", unit("家", UnitKind::Count, 1.0)),
    ("人", unit("人", UnitKind::Count, 1.0)),
    ("名", unit("名", UnitKind::Count, 1.0)),
    ("件", unit("件", UnitKind::Count, 1.0)),
    ("位", unit("位", UnitKind::Count, 1.0)),
    ("times", unit("times", UnitKind::Count, 1.0)),
    ("orders", unit("orders", UnitKind::Count, 1.0)),
    // money
    ("人民币", unit("人民币", UnitKind::Yuan, 1.0)),
    ("美元", unit("美元", UnitKind::Foreign, 1.0)),
    ("美金", unit("美元", UnitKind::Foreign, 1.0)),
    ("元", YUAN),
    ("块", YUAN),
    ("rmb", unit("RMB", UnitKind::Yuan, 1.0)),
    ("cny", unit("CNY", UnitKind::Yuan, 1.0)),
    ("usd", USD),
];

/// Currency signs and codes written before the number.
pub const PREFIX_UNITS: &[(&str, Unit)] = &[
    ("人民币", unit("人民币", UnitKind::Yuan, 1.0)),
    ("rmb", unit("RMB", UnitKind::Yuan, 1.0)),
    ("cny", unit("CNY", UnitKind::Yuan, 1.0)),
    ("usd", USD),
    ("us$", USD),
    ("¥", unit("¥", UnitKind::Yuan, 1.0)),
    ("$", unit("$", UnitKind::Foreign, 1.0)),
];

/// Magnitudes written after the digits, longest first so that 百万 wins over 万.
pub const MAGNITUDES: &[(&str, f64)] = &[
    ("百万", 1e6),
    ("千万", 1e7),
    ("万", 1e4),
    ("亿", 1e8),
    ("千", 1e3),
    ("bn", 1e9),
    ("mm", 1e6),
    ("k", 1e3),
    ("m", 1e6),
    ("b", 1e9),
    ("w", 1e4),
];

/// What turns a value in `unit` into the field's unit: multiply by `.0`, divide by `.1`
/// (a division keeps `6个月` in years at exactly 0.5), or the error naming both dimensions.
pub fn convert(unit: &Unit, field: Dimension) -> Result<(f64, f64), super::ParseError> {
    let ok = match (unit.kind, field) {
        (_, Dimension::Any) => Some((1.0, 1.0)),
        (UnitKind::Yuan | UnitKind::Foreign, Dimension::Money) => Some((1.0, 1.0)),
        (UnitKind::Count, Dimension::Count) => Some((1.0, 1.0)),
        (UnitKind::Time, Dimension::Days) => Some((unit.days, 1.0)),
        (UnitKind::Time, Dimension::Years) => Some((unit.days, YEAR_DAYS)),
        _ => None,
    };
    ok.ok_or_else(|| super::ParseError::WrongDimension {
        unit: unit.name.to_string(),
        expected: field,
    })
}
