//! The verdict on a calibration/holdout check in one word: the holdout period's predicted
//! total purchases against the actual total. Within 10 % the model fits, within 25 % it fits
//! roughly, else poorly (the page's sentence names it).

use serde::Serialize;

/// Relative gap up to which the model is said to fit.
pub const FITS_WITHIN: f64 = 0.10;
/// Relative gap up to which the model is said to fit roughly.
pub const ROUGHLY_WITHIN: f64 = 0.25;

/// `code` is `fits`, `roughly` or `poor`; `gap` is |predicted − actual| / actual (infinite
/// when nothing was bought in the holdout period).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HoldoutVerdict {
    pub code: &'static str,
    pub gap: f64,
}

/// The verdict on predicted against actual holdout totals.
pub fn holdout_verdict(predicted_total: f64, actual_total: f64) -> HoldoutVerdict {
    let gap = if actual_total > 0.0 {
        (predicted_total - actual_total).abs() / actual_total
    } else {
        f64::INFINITY
    };
    let code = if gap <= FITS_WITHIN {
        "fits"
    } else if gap <= ROUGHLY_WITHIN {
        "roughly"
    } else {
        "poor"
    };
    HoldoutVerdict { code, gap }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_at_and_around_the_bounds() {
        // 110 against 100: a gap of exactly 10 % still fits.
        assert_eq!(holdout_verdict(110.0, 100.0).code, "fits");
        assert_eq!(holdout_verdict(80.0, 100.0).code, "roughly");
        assert_eq!(holdout_verdict(126.0, 100.0).code, "poor");
        assert!((holdout_verdict(75.0, 100.0).gap - 0.25).abs() < 1e-12);
        assert_eq!(holdout_verdict(3.0, 0.0).code, "poor");
    }
}
