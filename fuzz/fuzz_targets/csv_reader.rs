//! Any bytes through the text reader (encoding detection, delimiter sniffing, header
//! detection), the account rows and both exports: no panic, no hang, rows in = rows out.
#![no_main]

use kam_score::sheets::{
    account_rows, export_csv, export_xlsx, read_csv, read_csv_text, ColumnOverrides, Computed,
    ExportOptions, Limits, ReadOptions,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = ReadOptions {
        limits: Limits {
            max_cells: 200_000,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    if let Ok(table) = read_csv(data, &options) {
        if let Ok(read) = account_rows(&table, &ColumnOverrides::new()) {
            assert_eq!(read.rows.len(), table.rows.len());
        }
        if let Ok(csv) = export_csv(&table, Computed::default(), &ExportOptions::default()) {
            assert!(csv.starts_with(b"\xEF\xBB\xBF"));
        }
        let _ = export_xlsx(&table, Computed::default(), &ExportOptions::default());
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = read_csv_text(text, &options);
    }
});
