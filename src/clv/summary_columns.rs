//! The RFM summary of a transaction log given as typed columns — customer ids as texts or
//! numeric codes, dates as day numbers or `yyyymmdd` numbers, amounts as numbers — read
//! without parsing a text per row. The result is the one [`super::summary::summarize_rows`]
//! gives for the same log written as texts.

use super::summary::{summarize_parts, RowError, Summary, SummaryError, SummaryOptions};
use crate::model::plan::Fnv;
use crate::parse::days_from_civil;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// The customer id column.
#[derive(Debug, Clone, Copy)]
pub enum IdColumn<'a> {
    Texts(&'a [String]),
    /// Whole-number codes (an id `17` is the customer "17").
    Codes(&'a [u32]),
    /// Numbers, e.g. a JavaScript `Float64Array` of ids; each must be a finite whole number.
    Numbers(&'a [f64]),
}

impl IdColumn<'_> {
    fn len(&self) -> usize {
        match self {
            IdColumn::Texts(v) => v.len(),
            IdColumn::Codes(v) => v.len(),
            IdColumn::Numbers(v) => v.len(),
        }
    }
}

/// The date column.
#[derive(Debug, Clone, Copy)]
pub enum DateColumn<'a> {
    /// Days since 1970-01-01.
    Days(&'a [f64]),
    /// Eight-digit dates as numbers, 19970101 for 1 January 1997.
    Yyyymmdd(&'a [f64]),
}

impl DateColumn<'_> {
    fn len(&self) -> usize {
        match self {
            DateColumn::Days(v) | DateColumn::Yyyymmdd(v) => v.len(),
        }
    }
}

/// Why the columns cannot be read at all (a bad cell is a [`RowError`] in the summary).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ColumnsError {
    #[error("the columns differ in length: ids {ids}, dates {dates}, amounts {amounts}")]
    LengthMismatch {
        ids: usize,
        dates: usize,
        amounts: usize,
    },
    #[error(transparent)]
    Summary(#[from] SummaryError),
}

/// Reads one `yyyymmdd` number as a day number.
pub fn day_of_yyyymmdd(value: f64) -> Result<i64, String> {
    if !(value.is_finite() && value == value.floor() && (0.0..1e8).contains(&value)) {
        return Err(format!("{value} is not an eight-digit yyyymmdd date"));
    }
    let n = value as i64;
    let (y, m, d) = (n / 10_000, (n / 100 % 100) as u32, (n % 100) as u32);
    days_from_civil(y, m, d).ok_or_else(|| format!("no such day: {n}"))
}

/// Reads one day number (days since 1970-01-01), a whole number within ±100,000 years.
pub fn day_of_number(value: f64) -> Result<i64, String> {
    if value.is_finite() && value == value.floor() && value.abs() < 3.6e7 {
        Ok(value as i64)
    } else {
        Err(format!("{value} is not a whole day number"))
    }
}

fn id_text(value: f64) -> Option<String> {
    (value.is_finite() && value == value.floor()).then(|| format!("{value}"))
}

/// The summary of columns; `amounts` left out counts every purchase as 0 (frequency,
/// recency and T need no amounts). Rows with a bad id, date or amount come back in
/// [`Summary::errors`] with their number (from 1), as in the text reader.
pub fn summarize_columns(
    ids: IdColumn,
    dates: DateColumn,
    amounts: Option<&[f64]>,
    options: &SummaryOptions,
) -> Result<Summary, ColumnsError> {
    let n = ids.len();
    if dates.len() != n || amounts.is_some_and(|a| a.len() != n) {
        return Err(ColumnsError::LengthMismatch {
            ids: n,
            dates: dates.len(),
            amounts: amounts.map_or(n, <[f64]>::len),
        });
    }
    // Each distinct numeric id is written as text once.
    let mut names: HashMap<u64, String, BuildHasherDefault<Fnv>> = HashMap::default();
    match ids {
        IdColumn::Texts(_) => {}
        IdColumn::Codes(codes) => {
            for &c in codes {
                names.entry(u64::from(c)).or_insert_with(|| c.to_string());
            }
        }
        IdColumn::Numbers(values) => {
            for &v in values {
                if let Some(text) = id_text(v) {
                    names.entry(v.to_bits()).or_insert(text);
                }
            }
        }
    }
    let mut errors = Vec::new();
    let mut good: Vec<(usize, &str, i64, f64)> = Vec::with_capacity(n);
    for i in 0..n {
        let row = i + 1;
        let id: Option<&str> = match ids {
            IdColumn::Texts(t) => t.get(i).map(String::as_str),
            IdColumn::Codes(c) => c
                .get(i)
                .and_then(|&c| names.get(&u64::from(c)))
                .map(String::as_str),
            IdColumn::Numbers(v) => v
                .get(i)
                .and_then(|v| names.get(&v.to_bits()))
                .map(String::as_str),
        };
        let Some(id) = id else {
            let text = match ids {
                IdColumn::Numbers(v) => v.get(i).map_or(String::new(), f64::to_string),
                _ => String::new(),
            };
            errors.push(RowError {
                row,
                column: "id",
                text,
                message: "the customer id is not a whole number".into(),
            });
            continue;
        };
        let day = match dates {
            DateColumn::Days(d) => d.get(i).map(|&v| (v, day_of_number(v))),
            DateColumn::Yyyymmdd(d) => d.get(i).map(|&v| (v, day_of_yyyymmdd(v))),
        };
        let day = match day {
            Some((_, Ok(day))) => day,
            Some((value, Err(message))) => {
                errors.push(RowError {
                    row,
                    column: "date",
                    text: value.to_string(),
                    message,
                });
                continue;
            }
            None => continue,
        };
        let amount = amounts.and_then(|a| a.get(i).copied()).unwrap_or(0.0);
        good.push((row, id, day, amount));
    }
    let mut summary = summarize_parts(good.into_iter(), options)?;
    if !errors.is_empty() {
        errors.append(&mut summary.errors);
        errors.sort_by_key(|e| e.row);
        summary.errors = errors;
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clv::summary::summarize_rows;
    use crate::clv::TimeUnit;

    fn options() -> SummaryOptions {
        SummaryOptions {
            unit: TimeUnit::Week,
            // 1997-06-30
            end: days_from_civil(1997, 6, 30).unwrap_or(0),
            calibration_end: None,
        }
    }

    #[test]
    fn yyyymmdd_numbers_are_checked_dates() {
        assert_eq!(day_of_yyyymmdd(19700102.0), Ok(1));
        assert_eq!(day_of_yyyymmdd(19970101.0), Ok(9862));
        assert!(day_of_yyyymmdd(19970231.0).is_err());
        assert!(day_of_yyyymmdd(19971301.0).is_err());
        assert!(day_of_yyyymmdd(19970101.5).is_err());
        assert!(day_of_yyyymmdd(f64::NAN).is_err());
        assert!(day_of_number(1.5).is_err());
    }

    #[test]
    fn columns_give_the_text_summary_and_name_bad_rows() {
        let text_rows = [
            ("7", "19970101", "10"),
            ("7", "19970101", "5"),
            ("3", "19970108", "7"),
            ("7", "19970212", "40"),
            ("3", "19970301", "9"),
            ("7", "19970801", "1"), // after the end
        ];
        let from_text = match summarize_rows(text_rows, &options()) {
            Ok(s) => s,
            Err(e) => panic!("{e}"),
        };
        let codes = [7_u32, 7, 3, 7, 3, 7, 3];
        let numbers: Vec<f64> = codes.iter().map(|&c| f64::from(c)).collect();
        let dates = [
            19970101.0, 19970101.0, 19970108.0, 19970212.0, 19970301.0, 19970801.0, 19970230.0,
        ];
        let amounts = [10.0, 5.0, 7.0, 40.0, 9.0, 1.0, 2.0];
        for ids in [IdColumn::Codes(&codes), IdColumn::Numbers(&numbers)] {
            let s = match summarize_columns(
                ids,
                DateColumn::Yyyymmdd(&dates),
                Some(&amounts),
                &options(),
            ) {
                Ok(s) => s,
                Err(e) => panic!("{e}"),
            };
            assert_eq!(s.customers, from_text.customers);
            assert_eq!(s.after_end, 1);
            // 1997-02-30 is no day: row 7 is reported, not read as another date.
            assert_eq!(s.errors.len(), 1);
            assert_eq!((s.errors[0].row, s.errors[0].column), (7, "date"));
        }
        let bad = summarize_columns(
            IdColumn::Codes(&codes),
            DateColumn::Days(&amounts),
            Some(&amounts[..2]),
            &options(),
        );
        assert!(matches!(bad, Err(ColumnsError::LengthMismatch { .. })));
    }
}
