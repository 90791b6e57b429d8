//! Two snapshots of an account list compared (issue 19): each account's score and tier
//! before and after, the change, the status (up, down, same, new, gone) and the reasons —
//! which factors' points moved and by how much.
//!
//! **Matching** follows the CLV join exactly ([`crate::clv::join::match_keys`]): by the
//! customer id (`id`, 客户编号) first, then by the name (`name`, 客户名称), with width, space
//! and case folded, company suffixes kept and no fuzzy matching. A key two rows of one
//! snapshot share matches nothing: those rows are listed in `unmatched` (`duplicate`, or
//! `ambiguous` for a row of the newer snapshot whose key the older one holds twice), as are
//! rows with neither an id nor a name (`noKey`). They are not counted as new or gone.
//!
//! **Status** is the tier's movement: `up` or `down` when both snapshots have a tier and it
//! moved, `same` otherwise (an account scored in one snapshot only keeps `same`, with no
//! change: a score that appears or vanishes is missing data, not a move). `new`: only in the
//! newer snapshot; `gone`: only in the older one. Each snapshot is scored as a list of its
//! own (a `percentile` input ranks within its own snapshot).
//!
//! **Reasons** are the factors whose points moved by at least `minPoints` (0.01), largest
//! move first; a factor missing from one side counts 0 points there.

use crate::clv::join::{match_keys, JoinStatus, Keys};
use crate::model::{CompiledModel, Title};
use crate::row::AccountRow;
use crate::score::batch::score_rows;
use crate::score::ScoreCard;
use crate::texts::Label;
use serde::{Deserialize, Serialize};

/// Options of the comparison. JSON: `{ "minPoints": 0.5 }`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct CompareOptions {
    /// The smallest move in points that makes a factor a reason.
    pub min_points: f64,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions { min_points: 0.01 }
    }
}

/// An account's score and tier in one snapshot.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Snapshot {
    pub score: Option<f64>,
    pub tier: Option<Label>,
}

/// How an account moved between the snapshots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    Up,
    Down,
    Same,
    New,
    Gone,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Up,
        Status::Down,
        Status::Same,
        Status::New,
        Status::Gone,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Status::Up => "up",
            Status::Down => "down",
            Status::Same => "same",
            Status::New => "new",
            Status::Gone => "gone",
        }
    }

    /// 上升 / Up …
    pub fn label(self) -> Label {
        Label::new("compare_status", self.code())
    }
}

/// A factor whose points moved.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reason {
    pub factor: String,
    pub title: Title,
    pub points_before: f64,
    pub points_after: f64,
}

/// One account in both snapshots (or in one).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountChange {
    /// The customer id as written (the newer snapshot's), else the name.
    pub key: String,
    pub id: Option<String>,
    pub name: Option<String>,
    /// `id` or `name`; `None` for a new or gone account.
    pub matched_by: Option<&'static str>,
    /// The row (0-based) in each snapshot.
    pub before_row: Option<usize>,
    pub after_row: Option<usize>,
    pub before: Option<Snapshot>,
    pub after: Option<Snapshot>,
    /// Score after − score before, when both have one.
    pub change: Option<f64>,
    pub status: Status,
    pub reasons: Vec<Reason>,
}

/// Which snapshot a row is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Side {
    Before,
    After,
}

/// Why a row matched nothing without being new or gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Problem {
    /// Its id (or, without one, its name) is shared with another row of its snapshot.
    Duplicate,
    /// A row of the newer snapshot whose id or name the older snapshot holds twice.
    Ambiguous,
    /// Neither an id nor a name.
    NoKey,
}

/// A row left out of the comparison, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Unmatched {
    pub side: Side,
    pub row: usize,
    pub key: String,
    pub problem: Problem,
    pub reason: Label,
}

/// The counts by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub up: usize,
    pub down: usize,
    pub same: usize,
    pub new: usize,
    pub gone: usize,
    /// Rows left out (duplicates, ambiguous, no key).
    pub unmatched: usize,
}

/// The comparison of two snapshots.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// Accounts of the newer snapshot in its order, then those gone in the older one's.
    pub accounts: Vec<AccountChange>,
    pub summary: Summary,
    pub unmatched: Vec<Unmatched>,
}

fn snapshot(card: &ScoreCard) -> Snapshot {
    Snapshot {
        score: card.score,
        tier: card.tier.clone(),
    }
}

fn key_text(row: &AccountRow) -> String {
    row.text("id")
        .or(row.text("name"))
        .unwrap_or_default()
        .to_string()
}

fn reasons(before: &ScoreCard, after: &ScoreCard, min_points: f64) -> Vec<Reason> {
    let mut out: Vec<Reason> = before
        .factors
        .iter()
        .zip(&after.factors)
        .filter(|(b, a)| (a.points - b.points).abs() >= min_points)
        .map(|(b, a)| Reason {
            factor: a.key.clone(),
            title: a.title.clone(),
            points_before: b.points,
            points_after: a.points,
        })
        .collect();
    out.sort_by(|x, y| {
        let d = |r: &Reason| (r.points_after - r.points_before).abs();
        d(y).total_cmp(&d(x))
    });
    out
}

fn status_of(before: &ScoreCard, after: &ScoreCard) -> Status {
    match (before.tier_value(), after.tier_value()) {
        (Some(b), Some(a)) if a > b => Status::Up,
        (Some(b), Some(a)) if a < b => Status::Down,
        _ => Status::Same,
    }
}

fn problem_label(problem: Problem) -> Label {
    let code = match problem {
        Problem::Duplicate => "duplicate",
        Problem::Ambiguous => "ambiguous",
        Problem::NoKey => "no_key",
    };
    Label::new("compare_unmatched", code)
}

/// Compares two snapshots of a list scored with one model. See the module notes.
pub fn compare_snapshots(
    before: &[AccountRow],
    after: &[AccountRow],
    model: &CompiledModel,
    options: &CompareOptions,
) -> Comparison {
    let before_keys: Vec<Keys> = before.iter().map(Keys::of_row).collect();
    let after_keys: Vec<Keys> = after.iter().map(Keys::of_row).collect();
    let matching = match_keys(&before_keys, &after_keys);
    let cards_before = score_rows(model, before);
    let cards_after = score_rows(model, after);

    let mut accounts = Vec::with_capacity(after.len());
    let mut unmatched = Vec::new();
    let mut summary = Summary::default();
    let mut leave_out = |side: Side, row: usize, key: String, problem: Problem| {
        unmatched.push(Unmatched {
            side,
            row,
            key,
            problem,
            reason: problem_label(problem),
        });
    };
    for (j, row) in after.iter().enumerate() {
        let status = matching.status.get(j).copied().unwrap_or(JoinStatus::NoKey);
        let card_after = &cards_after[j];
        let (matched_by, i) = match (status, matching.entry.get(j).copied().flatten()) {
            (JoinStatus::Id, Some(i)) => (Some("id"), Some(i)),
            (JoinStatus::Name, Some(i)) => (Some("name"), Some(i)),
            (JoinStatus::NoMatch, _) => (None, None),
            (JoinStatus::DuplicateInList, _) => {
                leave_out(Side::After, j, key_text(row), Problem::Duplicate);
                continue;
            }
            (JoinStatus::AmbiguousInLog, _) => {
                leave_out(Side::After, j, key_text(row), Problem::Ambiguous);
                continue;
            }
            _ => {
                leave_out(Side::After, j, key_text(row), Problem::NoKey);
                continue;
            }
        };
        let (status, before_snapshot, change, why) = match i {
            Some(i) => {
                let card_before = &cards_before[i];
                let change = match (card_before.score, card_after.score) {
                    (Some(b), Some(a)) => Some(a - b),
                    _ => None,
                };
                (
                    status_of(card_before, card_after),
                    Some(snapshot(card_before)),
                    change,
                    reasons(card_before, card_after, options.min_points),
                )
            }
            None => (Status::New, None, None, Vec::new()),
        };
        let earlier = i.and_then(|i| before.get(i));
        let text_of = |field: &str| {
            row.text(field)
                .or_else(|| earlier.and_then(|r| r.text(field)))
                .map(str::to_string)
        };
        accounts.push(AccountChange {
            key: text_of("id")
                .or_else(|| text_of("name"))
                .unwrap_or_default(),
            id: text_of("id"),
            name: text_of("name"),
            matched_by,
            before_row: i,
            after_row: Some(j),
            before: before_snapshot,
            after: Some(snapshot(card_after)),
            change,
            status,
            reasons: why,
        });
    }
    // Rows of the older snapshot no row took: gone, unless their key was not unique there.
    let before_ids = counts(before_keys.iter().map(|k| k.id.as_deref()));
    let before_names = counts(before_keys.iter().map(|k| k.name.as_deref()));
    for (i, row) in before.iter().enumerate() {
        if matching.taken.get(i).copied().unwrap_or(false) {
            continue;
        }
        let keys = &before_keys[i];
        let shared = match (&keys.id, &keys.name) {
            (Some(id), _) => before_ids.get(id.as_str()).copied().unwrap_or(0) > 1,
            (None, Some(name)) => before_names.get(name.as_str()).copied().unwrap_or(0) > 1,
            (None, None) => {
                leave_out(Side::Before, i, String::new(), Problem::NoKey);
                continue;
            }
        };
        if shared {
            leave_out(Side::Before, i, key_text(row), Problem::Duplicate);
            continue;
        }
        accounts.push(AccountChange {
            key: key_text(row),
            id: row.text("id").map(str::to_string),
            name: row.text("name").map(str::to_string),
            matched_by: None,
            before_row: Some(i),
            after_row: None,
            before: Some(snapshot(&cards_before[i])),
            after: None,
            change: None,
            status: Status::Gone,
            reasons: Vec::new(),
        });
    }
    for a in &accounts {
        match a.status {
            Status::Up => summary.up += 1,
            Status::Down => summary.down += 1,
            Status::Same => summary.same += 1,
            Status::New => summary.new += 1,
            Status::Gone => summary.gone += 1,
        }
    }
    summary.unmatched = unmatched.len();
    Comparison {
        accounts,
        summary,
        unmatched,
    }
}

fn counts<'a>(
    keys: impl Iterator<Item = Option<&'a str>>,
) -> std::collections::HashMap<&'a str, usize> {
    let mut map = std::collections::HashMap::new();
    for key in keys.flatten() {
        *map.entry(key).or_insert(0) += 1;
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::presets::{preset, DEFAULT_PRESET};
    use crate::row::{Cell, Value};

    /// A deterministic generator (splitmix64).
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    fn account(id: Option<&str>, name: &str, purchase: f64, margin: f64) -> AccountRow {
        let mut pairs: Vec<(&str, Cell)> = vec![
            ("客户名称", Cell::Text(name.into())),
            ("年采购额", Cell::Number(purchase)),
            ("毛利率", Cell::Number(margin)),
            ("合作年限", Cell::Number(4.0)),
            ("交易次数", Cell::Number(12.0)),
        ];
        if let Some(id) = id {
            pairs.push(("客户编号", Cell::Text(id.into())));
        }
        AccountRow::from_pairs(pairs, None)
    }

    fn tier_of(model: &CompiledModel, row: &AccountRow) -> Option<crate::grades::tier::Tier> {
        crate::score::score_row(model, row).tier_value()
    }

    #[test]
    fn generated_snapshots_give_the_counts_built_in() {
        let model = preset(DEFAULT_PRESET).unwrap();
        let mut rng = Rng(19);
        // Purchases that put an account in each tier, found by scoring, so that moves are
        // built in exactly: from small purchases to large ones.
        let levels: Vec<f64> = (0..60).map(|k| 10f64.powf(3.0 + k as f64 * 0.08)).collect();
        let tiers: Vec<_> = levels
            .iter()
            .map(|p| tier_of(model, &account(None, "x", *p, 0.25)).unwrap())
            .collect();
        let pick = |rng: &mut Rng, want: &dyn Fn(usize) -> bool| loop {
            let k = rng.below(levels.len() as u64) as usize;
            if want(k) {
                return k;
            }
        };
        let (mut before, mut after) = (Vec::new(), Vec::new());
        let (mut up, mut down, mut same) = (0, 0, 0);
        for n in 0..300 {
            let id = format!("KH{n:04}");
            let name = format!("客户{n}甲有限公司");
            let b = pick(&mut rng, &|_| true);
            let tb = tiers[b];
            let fits = |kind: u64, k: usize| match kind {
                0 => tiers[k] > tb,
                1 => tiers[k] < tb,
                _ => tiers[k] == tb,
            };
            let feasible: Vec<u64> = (0..3)
                .filter(|kind| (0..levels.len()).any(|k| fits(*kind, k)))
                .collect();
            let kind = feasible[rng.below(feasible.len() as u64) as usize];
            let a = pick(&mut rng, &|k| fits(kind, k));
            // Some accounts are found by name only: the id left out in the newer snapshot,
            // written in full width and with spaces in the older one.
            let by_name = n % 7 == 0;
            let b_id = if n % 5 == 0 {
                id.replace("KH", "ｋｈ ")
            } else {
                id.clone()
            };
            let b_row = account(Some(&b_id), &name, levels[b], 0.25);
            let a_row = account((!by_name).then_some(id.as_str()), &name, levels[a], 0.25);
            match tiers[a].cmp(&tiers[b]) {
                std::cmp::Ordering::Greater => up += 1,
                std::cmp::Ordering::Less => down += 1,
                std::cmp::Ordering::Equal => same += 1,
            }
            before.push(b_row);
            after.push(a_row);
        }
        for n in 0..23 {
            after.push(account(
                Some(&format!("XN{n}")),
                &format!("新客户{n}"),
                5e5,
                0.2,
            ));
        }
        for n in 0..17 {
            before.push(account(
                Some(&format!("GO{n}")),
                &format!("流失{n}"),
                5e5,
                0.2,
            ));
        }
        // Two rows of the newer snapshot with one id, one row with no key: left out.
        after.push(account(Some("DUP1"), "重复甲", 1e5, 0.2));
        after.push(account(Some("dup1"), "重复乙", 1e5, 0.2));
        let mut nameless = AccountRow::new();
        nameless.set_key("annual_purchase", Value::Number(1e5));
        after.push(nameless);
        // Shuffle the newer snapshot: the order must not matter.
        for i in (1..after.len()).rev() {
            let j = rng.below(i as u64 + 1) as usize;
            after.swap(i, j);
        }
        let c = compare_snapshots(&before, &after, model, &CompareOptions::default());
        assert!(up > 50 && down > 50 && same > 50, "{up} {down} {same}");
        assert_eq!(
            c.summary,
            Summary {
                up,
                down,
                same,
                new: 23,
                gone: 17,
                unmatched: 3
            }
        );
        let by_name = c
            .accounts
            .iter()
            .filter(|a| a.matched_by == Some("name"))
            .count();
        assert_eq!(by_name, 300usize.div_ceil(7));
        for a in &c.accounts {
            match a.status {
                Status::Up | Status::Down => {
                    assert!(!a.reasons.is_empty(), "{a:?}");
                    assert_eq!(a.reasons[0].factor, "order_amount", "{a:?}");
                    let moved: f64 = a
                        .reasons
                        .iter()
                        .map(|r| r.points_after - r.points_before)
                        .sum();
                    assert!((moved - a.change.unwrap()).abs() < 1e-6 * 100.0, "{a:?}");
                }
                Status::New => assert!(a.before.is_none() && a.after.is_some()),
                Status::Gone => assert!(a.after.is_none() && a.before.is_some()),
                Status::Same => {}
            }
        }
    }

    #[test]
    fn duplicates_in_the_older_snapshot_are_reported_not_gone() {
        let model = preset(DEFAULT_PRESET).unwrap();
        let before = vec![
            account(Some("K1"), "甲", 1e6, 0.2),
            account(Some("k1"), "乙", 1e6, 0.2),
            account(None, "丙", 1e6, 0.2),
        ];
        let after = vec![
            account(Some("K1"), "甲", 1e6, 0.2),
            account(None, "丙", 2e7, 0.2),
        ];
        let c = compare_snapshots(&before, &after, model, &CompareOptions::default());
        // K1 is held twice before: the newer row is ambiguous, matched by neither id nor its
        // name (甲 is unique, so the name matches).
        assert_eq!(c.accounts[0].matched_by, Some("name"));
        assert_eq!(c.accounts[1].status, Status::Up);
        assert_eq!(c.summary.gone, 0);
        assert_eq!(c.summary.unmatched, 1);
        assert_eq!(c.unmatched[0].side, Side::Before);
        assert_eq!(c.unmatched[0].problem, Problem::Duplicate);
        assert_eq!(c.unmatched[0].key, "k1");
    }
}
