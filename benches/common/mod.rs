//! The generated data that bench/gen.mjs writes (target/bench/data/, or $KAM_BENCH_DATA):
//! the same rows and cells the wasm and JavaScript benchmarks use.

use kam_score::score::columns::{Column, Columns};
use std::path::PathBuf;

pub const NUMBER_FIELDS: [&str; 11] = [
    "annual_purchase",
    "gross_margin",
    "profit",
    "overdue_ratio",
    "avg_payment_days",
    "growth_rate",
    "potential_purchase",
    "order_count",
    "relationship_years",
    "satisfaction",
    "complaints",
];

pub fn data_dir() -> PathBuf {
    std::env::var_os("KAM_BENCH_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench/data"))
}

fn read(name: &str) -> Vec<u8> {
    let path = data_dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {} ({e}): run `node bench/gen.mjs` (./scripts/bench.sh does) first",
            path.display()
        )
    })
}

fn lines(name: &str) -> Vec<String> {
    let text = String::from_utf8(read(name)).expect("UTF-8");
    let mut out: Vec<String> = text.split('\n').map(String::from).collect();
    if out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out
}

/// The account columns in field units, as `scoreColumns` receives them.
pub fn columns() -> Columns {
    let mut list = number_columns();
    let credit: Vec<Option<String>> = lines("credit_rating.txt")
        .into_iter()
        .map(|l| (!l.is_empty()).then_some(l))
        .collect();
    list.push(("credit_rating".to_string(), Column::Texts(credit)));
    Columns::new(list).expect("columns of one length")
}

/// As [`columns`], with the credit column as codes into its distinct values (the form
/// `scoreColumns` takes as `{codes, values}`).
pub fn coded_columns() -> Columns {
    let credit: Vec<String> = lines("credit_rating.txt");
    let mut values: Vec<Option<String>> = vec![None];
    let codes: Vec<u32> = credit
        .iter()
        .map(|l| {
            if l.is_empty() {
                return 0;
            }
            match values.iter().position(|v| v.as_deref() == Some(l.as_str())) {
                Some(i) => i as u32,
                None => {
                    values.push(Some(l.clone()));
                    (values.len() - 1) as u32
                }
            }
        })
        .collect();
    let mut list = number_columns();
    list.push(("credit_rating".to_string(), Column::Codes { codes, values }));
    Columns::new(list).expect("columns of one length")
}

fn number_columns() -> Vec<(String, Column)> {
    NUMBER_FIELDS
        .iter()
        .map(|f| {
            let bytes = read(&format!("{f}.f64"));
            let values: Vec<f64> = bytes
                .chunks_exact(8)
                .map(|c| f64::from_le_bytes(c.try_into().expect("8 bytes")))
                .collect();
            (f.to_string(), Column::Numbers(values))
        })
        .collect()
}

/// The messy cells, one per line.
pub fn messy_cells() -> Vec<String> {
    lines("messy.txt")
}
