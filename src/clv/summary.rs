//! The per-customer RFM summary of a transaction log, as lifetimes'
//! `summary_data_from_transaction_data` (with `freq="D"` and a `freq_multiplier` for the unit)
//! and `calibration_and_holdout_data` define it:
//!
//! - purchases on the same day collapse to one (their amounts add up);
//! - frequency = the number of purchase days after the first;
//! - recency = last purchase day − first purchase day, T = end − first purchase day, in the unit;
//! - monetary = the mean of the repeat purchase days' amounts (0 when frequency is 0);
//! - with a calibration end, the summary is of the calibration period (T up to the calibration
//!   end), and frequency_holdout counts the purchase days in (calibration end, end].
//!
//! Transactions after the end are left out and counted. Rows that cannot be read (no id,
//! unreadable date, negative or non-numeric amount) are never dropped silently: they come
//! back in [`Summary::errors`] with their row number.

use super::TimeUnit;
use crate::model::plan::Fnv;
use crate::parse::{days_from_civil, parse_date, parse_number};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// One purchase: customer id, day (days since 1970-01-01) and amount.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transaction {
    pub customer: String,
    pub day: i64,
    pub amount: f64,
}

/// What the summary is measured in and up to when.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SummaryOptions {
    pub unit: TimeUnit,
    /// The observation end (inclusive), days since 1970-01-01.
    pub end: i64,
    /// The calibration end (inclusive), before `end`: the summary is then of the calibration
    /// period and the rest is the holdout.
    #[serde(default)]
    pub calibration_end: Option<i64>,
}

/// A transaction row that could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("row {row}, {column} \"{text}\": {message}")]
pub struct RowError {
    /// Row number, from 1.
    pub row: usize,
    /// `id`, `date` or `amount`.
    pub column: &'static str,
    pub text: String,
    pub message: String,
}

/// Why no summary could be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SummaryError {
    #[error("the calibration end {calibration_end} must be before the observation end {end}")]
    CalibrationNotBeforeEnd {
        calibration_end: String,
        end: String,
    },
}

/// One customer's summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerSummary {
    pub id: String,
    pub frequency: f64,
    pub recency: f64,
    #[serde(rename = "T")]
    pub t: f64,
    pub monetary: f64,
    /// Purchase days in the holdout period (with a calibration end only).
    pub frequency_holdout: Option<f64>,
    /// Length of the holdout period in the unit (with a calibration end only).
    pub duration_holdout: Option<f64>,
}

/// The summary of a transaction log.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub unit: TimeUnit,
    pub end: i64,
    pub calibration_end: Option<i64>,
    /// In order of each customer's first row in the log.
    pub customers: Vec<CustomerSummary>,
    /// Transactions after the observation end, left out.
    pub after_end: usize,
    /// Customers whose first purchase falls in the holdout period, left out of a
    /// calibration summary (lifetimes drops them too).
    pub holdout_only: usize,
    /// Rows that could not be used, with their row numbers.
    pub errors: Vec<RowError>,
}

impl Summary {
    /// The frequency, recency and T columns, for the models.
    pub fn columns(&self) -> (Vec<f64>, Vec<f64>, Vec<f64>, Vec<f64>) {
        let c = &self.customers;
        (
            c.iter().map(|s| s.frequency).collect(),
            c.iter().map(|s| s.recency).collect(),
            c.iter().map(|s| s.t).collect(),
            c.iter().map(|s| s.monetary).collect(),
        )
    }
}

/// Reads a transaction date: `19970101` (eight digits, YYYYMMDD), or anything
/// [`crate::parse::parse_date`] reads (ISO, 2026/3/15, 2026年3月15日, an Excel serial).
pub fn parse_transaction_date(text: &str) -> Result<i64, String> {
    let t = text.trim();
    if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        let n: i64 = t.parse().map_err(|_| "not a date".to_string())?;
        let (y, m, d) = (n / 10_000, (n / 100 % 100) as u32, (n % 100) as u32);
        return days_from_civil(y, m, d).ok_or_else(|| format!("no such day: {t}"));
    }
    match parse_date(t) {
        Ok(Some(d)) => Ok(d),
        Ok(None) => Err("no date".to_string()),
        Err(e) => Err(e.to_string()),
    }
}

pub(crate) fn amount_error(amount: f64) -> Option<&'static str> {
    if amount.is_nan() {
        Some("the amount is not a number")
    } else if amount.is_infinite() {
        Some("the amount is infinite")
    } else if amount < 0.0 {
        Some("a negative amount (a return?) cannot be a purchase")
    } else {
        None
    }
}

/// Reads one row of text cells; `row` is its number for the error.
pub fn parse_transaction(
    row: usize,
    id: &str,
    date: &str,
    amount: &str,
) -> Result<Transaction, RowError> {
    let error = |column: &'static str, text: &str, message: String| RowError {
        row,
        column,
        text: text.to_string(),
        message,
    };
    let customer = id.trim();
    if customer.is_empty() {
        return Err(error("id", id, "no customer id".into()));
    }
    let day = parse_transaction_date(date).map_err(|m| error("date", date, m))?;
    let value = match parse_number(amount) {
        Ok(Some(n)) => n.value,
        Ok(None) => return Err(error("amount", amount, "no amount".into())),
        Err(e) => return Err(error("amount", amount, e.to_string())),
    };
    if let Some(m) = amount_error(value) {
        return Err(error("amount", amount, m.into()));
    }
    Ok(Transaction {
        customer: customer.to_string(),
        day,
        amount: value,
    })
}

/// The summary of rows of (id, date, amount) texts, rows numbered from 1.
pub fn summarize_rows<'a>(
    rows: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>,
    options: &SummaryOptions,
) -> Result<Summary, SummaryError> {
    let mut good = Vec::new();
    let mut errors = Vec::new();
    for (i, (id, date, amount)) in rows.into_iter().enumerate() {
        match parse_transaction(i + 1, id, date, amount) {
            Ok(t) => good.push((i + 1, t)),
            Err(e) => errors.push(e),
        }
    }
    let mut summary = summarize_numbered(good.iter().map(|(r, t)| (*r, t)), options)?;
    errors.append(&mut summary.errors);
    errors.sort_by_key(|e| e.row);
    summary.errors = errors;
    Ok(summary)
}

/// The summary of transactions; a bad one (no id, negative or NaN amount) is reported with
/// its position from 1 and left out.
pub fn summarize(
    transactions: &[Transaction],
    options: &SummaryOptions,
) -> Result<Summary, SummaryError> {
    summarize_numbered(
        transactions.iter().enumerate().map(|(i, t)| (i + 1, t)),
        options,
    )
}

/// The summary of transactions given with their row numbers (for the errors).
pub fn summarize_numbered<'a>(
    transactions: impl Iterator<Item = (usize, &'a Transaction)>,
    options: &SummaryOptions,
) -> Result<Summary, SummaryError> {
    summarize_parts(
        transactions.map(|(row, t)| (row, t.customer.as_str(), t.day, t.amount)),
        options,
    )
}

/// The summary of (row number, customer id, day, amount) items: the one aggregation every
/// reader (texts, transactions, typed columns) ends in.
pub(crate) fn summarize_parts<'a>(
    transactions: impl Iterator<Item = (usize, &'a str, i64, f64)>,
    options: &SummaryOptions,
) -> Result<Summary, SummaryError> {
    let end = options.end;
    let cal_end = options.calibration_end.unwrap_or(end);
    if cal_end >= end && options.calibration_end.is_some() {
        return Err(SummaryError::CalibrationNotBeforeEnd {
            calibration_end: crate::parse::format_date(cal_end),
            end: crate::parse::format_date(end),
        });
    }
    let unit_days = options.unit.days();
    // Each customer numbered in the order of first appearance; the purchases kept as flat
    // (customer, day, amount) lists and sorted once, so no customer holds a map of its own.
    let mut index: HashMap<&str, u32, BuildHasherDefault<Fnv>> = HashMap::default();
    let mut ids: Vec<&str> = Vec::new();
    let mut calibration: Vec<(u32, i64, f64)> = Vec::new();
    let mut holdout: Vec<(u32, i64)> = Vec::new();
    let mut errors = Vec::new();
    let mut after_end = 0;
    for (row, customer, day, amount) in transactions {
        let id = customer.trim();
        let problem = if id.is_empty() {
            Some(("id", customer.to_string(), "no customer id"))
        } else {
            amount_error(amount).map(|m| ("amount", amount.to_string(), m))
        };
        if let Some((column, text, message)) = problem {
            errors.push(RowError {
                row,
                column,
                text,
                message: message.to_string(),
            });
            continue;
        }
        if day > end {
            after_end += 1;
            continue;
        }
        let k = *index.entry(id).or_insert_with(|| {
            ids.push(id);
            (ids.len() - 1) as u32
        });
        if day <= cal_end {
            calibration.push((k, day, amount));
        } else {
            holdout.push((k, day));
        }
    }
    // Stable: a day's amounts are added in the order of the log.
    calibration.sort_by_key(|&(k, day, _)| (k, day));
    holdout.sort_unstable();
    holdout.dedup();
    let mut holdout_only = 0;
    let mut out = Vec::with_capacity(ids.len());
    let duration = options
        .calibration_end
        .map(|_| (end - cal_end) as f64 / unit_days);
    let (mut at, mut at_holdout) = (0, 0);
    for (k, id) in ids.iter().enumerate() {
        let k = k as u32;
        let from = at;
        while calibration.get(at).is_some_and(|p| p.0 == k) {
            at += 1;
        }
        let mut holdout_days = 0;
        while holdout.get(at_holdout).is_some_and(|p| p.0 == k) {
            holdout_days += 1;
            at_holdout += 1;
        }
        let purchases = &calibration[from..at];
        let (Some(first), Some(last)) = (purchases.first(), purchases.last()) else {
            holdout_only += 1;
            continue;
        };
        // The purchase days and their amounts, from the first.
        let mut days = 0_usize;
        let mut repeat_total = 0.0;
        let mut day_total = 0.0;
        let mut day = first.1;
        for p in purchases {
            if p.1 != day {
                if days > 0 {
                    repeat_total += day_total;
                }
                days += 1;
                day = p.1;
                day_total = 0.0;
            }
            day_total += p.2;
        }
        if days > 0 {
            repeat_total += day_total;
        }
        let frequency = days;
        out.push(CustomerSummary {
            id: id.to_string(),
            frequency: frequency as f64,
            recency: (last.1 - first.1) as f64 / unit_days,
            t: (cal_end - first.1) as f64 / unit_days,
            monetary: if frequency == 0 {
                0.0
            } else {
                repeat_total / frequency as f64
            },
            frequency_holdout: duration.map(|_| f64::from(holdout_days)),
            duration_holdout: duration,
        });
    }
    Ok(Summary {
        unit: options.unit,
        end,
        calibration_end: options.calibration_end,
        customers: out,
        after_end,
        holdout_only,
        errors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i64, m: u32, d: u32) -> i64 {
        match days_from_civil(y, m, d) {
            Some(v) => v,
            None => panic!("bad day"),
        }
    }

    fn rows() -> Vec<(&'static str, &'static str, &'static str)> {
        vec![
            ("A", "2024-01-01", "10"),
            ("A", "2024-01-01", "5"),  // same day: one purchase of 15
            ("A", "2024-01-15", "20"), // repeat
            ("B", "2024-01-08", "7"),
            ("A", "2024-02-12", "40"), // repeat
            ("B", "2024-03-01", "9"),  // after the calibration end
            ("C", "2024-03-04", "1"),  // first purchase in the holdout
            ("A", "2024-04-01", "99"), // after the end
            ("B", "2024-13-01", "3"),  // bad date
            ("", "2024-01-02", "3"),   // no id
            ("B", "2024-01-03", "-3"), // negative
            ("B", "2024-01-03", "abc"),
        ]
    }

    #[test]
    fn counts_repeat_days_in_the_unit() {
        let o = SummaryOptions {
            unit: TimeUnit::Week,
            end: day(2024, 3, 11),
            calibration_end: None,
        };
        let s = match summarize_rows(rows(), &o) {
            Ok(s) => s,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(s.after_end, 1);
        assert_eq!(
            s.errors
                .iter()
                .map(|e| (e.row, e.column))
                .collect::<Vec<_>>(),
            vec![(9, "date"), (10, "id"), (11, "amount"), (12, "amount")]
        );
        let ids: Vec<&str> = s.customers.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["A", "B", "C"]);
        let a = &s.customers[0];
        assert_eq!(a.frequency, 2.0);
        assert_eq!(a.recency, 42.0 / 7.0);
        assert_eq!(a.t, 70.0 / 7.0);
        assert_eq!(a.monetary, 30.0);
        let b = &s.customers[1];
        assert_eq!((b.frequency, b.recency, b.monetary), (1.0, 53.0 / 7.0, 9.0));
        let c = &s.customers[2];
        assert_eq!(
            (c.frequency, c.recency, c.t, c.monetary),
            (0.0, 0.0, 1.0, 0.0)
        );
        assert_eq!(a.frequency_holdout, None);
    }

    #[test]
    fn calibration_and_holdout() {
        let o = SummaryOptions {
            unit: TimeUnit::Day,
            end: day(2024, 3, 11),
            calibration_end: Some(day(2024, 2, 20)),
        };
        let s = match summarize_rows(rows(), &o) {
            Ok(s) => s,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(s.holdout_only, 1);
        assert_eq!(s.customers.len(), 2);
        let b = &s.customers[1];
        assert_eq!(
            (b.frequency, b.t, b.frequency_holdout),
            (0.0, 43.0, Some(1.0))
        );
        assert_eq!(b.duration_holdout, Some(20.0));
        let a = &s.customers[0];
        assert_eq!((a.frequency, a.frequency_holdout), (2.0, Some(0.0)));
        let bad = SummaryOptions {
            calibration_end: Some(o.end),
            ..o
        };
        assert!(summarize_rows(rows(), &bad).is_err());
    }

    #[test]
    fn months_and_compact_dates() {
        assert_eq!(parse_transaction_date("19970101"), Ok(day(1997, 1, 1)));
        assert!(parse_transaction_date("19970231").is_err());
        assert_eq!(parse_transaction_date("1997/1/18"), Ok(day(1997, 1, 18)));
        let t = vec![
            Transaction {
                customer: "x".into(),
                day: day(2024, 1, 1),
                amount: 1.0,
            },
            Transaction {
                customer: "x".into(),
                day: day(2024, 1, 1) + 61,
                amount: f64::NAN,
            },
        ];
        let o = SummaryOptions {
            unit: TimeUnit::Month,
            end: day(2024, 1, 1) + 122,
            calibration_end: None,
        };
        let s = match summarize(&t, &o) {
            Ok(s) => s,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(s.errors.len(), 1);
        assert_eq!(s.errors[0].row, 2);
        assert_eq!(s.customers[0].t, 122.0 / 30.4375);
    }
}
