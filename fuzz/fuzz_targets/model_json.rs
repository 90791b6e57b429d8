//! Any text as a scoring model: refused with its problems, or compiled and able to score a
//! row without panicking.
#![no_main]

use kam_score::model::Model;
use kam_score::row::{AccountRow, Cell};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(model) = Model::from_json(text) {
        let row = AccountRow::from_pairs(
            [
                ("客户名称", Cell::from("甲")),
                ("年采购额", Cell::from("120万")),
                ("毛利率", Cell::from("23%")),
                ("信用等级", Cell::from("A")),
            ],
            Some(2),
        );
        let _ = kam_score::score::score_row(&model, &row);
    }
});
