//! Any bytes through the workbook reader (zip, XML, shared strings, styles, merged cells) and
//! the account rows: no panic, no hang, no memory blow-up (the limits hold).
#![no_main]

use kam_score::sheets::{
    account_rows, read_xlsx, xlsx_sheet_names, ColumnOverrides, Limits, ReadOptions,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = ReadOptions {
        limits: Limits {
            max_cells: 200_000,
            max_unpacked_bytes: 64 << 20,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    if let Ok(table) = read_xlsx(data, &options) {
        if let Ok(read) = account_rows(&table, &ColumnOverrides::new()) {
            assert_eq!(read.rows.len(), table.rows.len());
        }
    }
    let _ = xlsx_sheet_names(data);
});
