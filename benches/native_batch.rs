//! A helper for ./scripts/bench.sh (not a criterion benchmark): with `--serve`, loads the
//! generated data once, then answers each line on stdin — `batch` (the columnar batch of
//! every row with key_account; `batch_coded` with the credit column as codes + values) or `parse` (the value parser over every messy cell) — with the
//! seconds it took and a checksum, one JSON line each. The Node driver interleaves these runs
//! with the wasm and JavaScript runs of the same data. Without `--serve` it does nothing, so
//! `cargo bench` alone does not wait on stdin.

mod common;

use kam_score::model::presets::preset;
use kam_score::parse::parse_number;
use kam_score::score::columns::score_columns;
use std::hint::black_box;
use std::io::{BufRead, Write};
use std::time::Instant;

fn main() {
    if !std::env::args().any(|a| a == "--serve") {
        return;
    }
    let table = common::columns();
    let coded = common::coded_columns();
    let cells = common::messy_cells();
    let model = preset("key_account").expect("key_account");
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    writeln!(out, "{{\"ready\":true,\"rows\":{}}}", table.rows()).expect("stdout");
    out.flush().expect("stdout");
    for line in stdin.lock().lines() {
        let line = line.expect("stdin");
        let (seconds, check) = match line.trim() {
            "batch" => {
                let t = Instant::now();
                let (scores, tiers) = score_columns(black_box(model), black_box(&table));
                let s = t.elapsed().as_secs_f64();
                let sum: f64 = scores.iter().filter(|x| !x.is_nan()).sum();
                (s, sum + tiers.iter().map(|&t| f64::from(t)).sum::<f64>())
            }
            "batch_coded" => {
                let t = Instant::now();
                let (scores, tiers) = score_columns(black_box(model), black_box(&coded));
                let s = t.elapsed().as_secs_f64();
                let sum: f64 = scores.iter().filter(|x| !x.is_nan()).sum();
                (s, sum + tiers.iter().map(|&t| f64::from(t)).sum::<f64>())
            }
            "parse" => {
                let t = Instant::now();
                let mut sum = 0.0;
                for cell in &cells {
                    if let Ok(Some(n)) = parse_number(black_box(cell)) {
                        sum += n.value;
                    }
                }
                (t.elapsed().as_secs_f64(), sum)
            }
            "quit" | "" => break,
            other => {
                writeln!(out, "{{\"error\":\"unknown command {other}\"}}").expect("stdout");
                out.flush().expect("stdout");
                continue;
            }
        };
        writeln!(out, "{{\"seconds\":{seconds},\"check\":{check}}}").expect("stdout");
        out.flush().expect("stdout");
    }
}
