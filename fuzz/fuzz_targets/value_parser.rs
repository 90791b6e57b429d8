//! Any text through the value parsers: a number, a date, a flag, a rating, or an error —
//! never a panic, and never a non-finite number.
#![no_main]

use kam_score::parse::{parse_date, parse_flag, parse_number, parse_rating};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(Some(n)) = parse_number(text) {
        assert!(n.value.is_finite(), "{text:?} gave {}", n.value);
    }
    if let Ok(Some(days)) = parse_date(text) {
        let _ = kam_score::parse::format_date(days);
    }
    let _ = parse_flag(text);
    if let Ok(Some(r)) = parse_rating(text) {
        assert!((1.0..=5.0).contains(&r));
    }
});
