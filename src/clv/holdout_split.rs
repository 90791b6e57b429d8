//! Where the page's calibration/holdout check splits a log: the holdout is the last third of
//! the longest customer history, so that the calibration period (the first two thirds) still
//! holds most of every customer's purchases and the holdout is long enough to count repeat
//! purchases in.

use super::TimeUnit;

/// The share of the longest customer history the holdout period takes.
pub const HOLDOUT_SHARE: f64 = 1.0 / 3.0;

/// The calibration end (days since 1970-01-01) of a check observed up to `observation_end`:
/// the holdout is [`HOLDOUT_SHARE`] of the longest history T among `ages` (in `unit`), rounded
/// to whole days and at least one day. Ages that are not finite numbers are left out; with
/// none, the holdout is one day.
pub fn holdout_calibration_end(ages: &[f64], unit: TimeUnit, observation_end: i64) -> i64 {
    let longest = ages
        .iter()
        .copied()
        .filter(|t| t.is_finite())
        .fold(0.0_f64, f64::max);
    let days = libm::round(longest * unit.days() * HOLDOUT_SHARE).max(1.0);
    // T is at most the log's length (a few decades in days): the cast is exact.
    observation_end - days as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_holdout_is_the_last_third_of_the_longest_history() {
        // 52 weeks = 364 days; a third is 121.33 → 121 days before the end.
        assert_eq!(
            holdout_calibration_end(&[10.0, 52.0, 3.5], TimeUnit::Week, 20_000),
            20_000 - 121
        );
        // CDNOW's log: T up to 78 weeks = 546 days, a third exactly 182 days.
        assert_eq!(
            holdout_calibration_end(&[78.0, 40.0], TimeUnit::Week, 10_316),
            10_316 - 182
        );
        // 3 months = 91.3125 days; a third is 30.4375 → 30.
        assert_eq!(holdout_calibration_end(&[3.0], TimeUnit::Month, 100), 70);
        // 4.5 days: a third is 1.5, rounded half up to 2.
        assert_eq!(holdout_calibration_end(&[4.5], TimeUnit::Day, 100), 98);
    }

    #[test]
    fn at_least_one_day_and_unreadable_ages_left_out() {
        assert_eq!(holdout_calibration_end(&[], TimeUnit::Week, 50), 49);
        assert_eq!(holdout_calibration_end(&[0.0, 0.0], TimeUnit::Day, 50), 49);
        assert_eq!(
            holdout_calibration_end(&[f64::NAN, 9.0, f64::INFINITY], TimeUnit::Day, 50),
            47
        );
    }
}
