//! Any text as a transaction log (lines of id, date, amount): summarised, every row either used
//! or reported with its number, never a panic.
#![no_main]

use kam_score::clv::summary::{summarize_rows, SummaryOptions};
use kam_score::clv::TimeUnit;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let rows: Vec<(&str, &str, &str)> = text
        .lines()
        .map(|line| {
            let mut cells = line.splitn(3, ',');
            (
                cells.next().unwrap_or(""),
                cells.next().unwrap_or(""),
                cells.next().unwrap_or(""),
            )
        })
        .collect();
    let unit = match data.first().map(|b| b % 3) {
        Some(0) => TimeUnit::Day,
        Some(1) => TimeUnit::Week,
        _ => TimeUnit::Month,
    };
    let end = kam_score::parse::days_from_civil(2026, 12, 31).unwrap_or(0);
    for calibration_end in [None, Some(end - 180)] {
        let options = SummaryOptions {
            unit,
            end,
            calibration_end,
        };
        if let Ok(summary) = summarize_rows(rows.iter().copied(), &options) {
            for e in &summary.errors {
                assert!(e.row >= 1 && e.row <= rows.len());
            }
            for c in &summary.customers {
                assert!(c.frequency >= 0.0 && c.recency >= 0.0 && c.recency <= c.t);
            }
        }
    }
});
