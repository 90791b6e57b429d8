//! Joining per-customer futures from the transaction log into an account list (MODEL §4.5,
//! §3.4): P(alive) feeds the churn warning, the CLV feeds "future value" in the current ×
//! future quadrant.
//!
//! **Matching.** The log's customer key (whatever its id column holds) is matched first to
//! the list's customer id (field `id`, 客户编号), then — for rows not matched by id, and log
//! customers not yet taken — to the customer name (field `name`, 客户名称).
//! - Ids compare after [`normalize_id`]: full-width characters made half-width, every space
//!   removed, letters upper-cased (`ｋｈ 0001` = `KH0001`).
//! - Names compare after [`normalize_name`]: the same, letters lower-cased, full-width
//!   brackets made plain (`华东精密（苏州）有限公司` = `华东精密(苏州)有限公司`). Company
//!   suffixes (有限公司, 股份有限公司, 集团, Ltd) are **kept**: `华东精密` and
//!   `华东精密有限公司` do not match. A wrong match puts another company's churn warning and
//!   value on an account, which is worse than no match; there is no fuzzy matching.
//! - A key that is not unique — two list rows with the same id (or name), or two log
//!   customers that normalise to the same key — matches nothing and is reported, never
//!   guessed.
//!
//! **Future value score.** The quadrant (§3.4) takes 0–100 scores with the cut at 50. The
//! CLV money of the matched rows is turned into its percent rank within those rows
//! ([`crate::score::batch::percentile_normalise`]: lowest 0, highest 100, ties share a rank,
//! a single row 50), so the cut at 50 is the list's median CLV. Rows without a match have no
//! future value (NaN), so no quadrant.

use super::summary::CustomerSummary;
use crate::parse::normalize_width;
use crate::row::AccountRow;
use crate::score::batch::percentile_normalise;
use serde::Serialize;
use std::collections::HashMap;

/// One log customer's future: P(alive), expected purchases over the horizon, CLV.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerFuture {
    /// The customer key as the log has it (an id or a name).
    pub key: String,
    /// The customer's name when the log has a name column besides the id: then names are
    /// matched against this, ids against `key`.
    pub name: Option<String>,
    pub p_alive: f64,
    pub expected: f64,
    pub clv: f64,
}

/// How an account row found its log customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum JoinStatus {
    /// By the customer id.
    Id,
    /// By the customer name.
    Name,
    /// Neither its id nor its name is in the log.
    NoMatch,
    /// The row has neither an id nor a name.
    NoKey,
    /// Its id (or, without one, its name) is shared with another row of the list.
    DuplicateInList,
    /// Several log customers normalise to its id or name.
    AmbiguousInLog,
}

impl JoinStatus {
    pub fn code(self) -> &'static str {
        match self {
            JoinStatus::Id => "id",
            JoinStatus::Name => "name",
            JoinStatus::NoMatch => "noMatch",
            JoinStatus::NoKey => "noKey",
            JoinStatus::DuplicateInList => "duplicateInList",
            JoinStatus::AmbiguousInLog => "ambiguousInLog",
        }
    }
}

/// The futures joined into a list: per row, the log customer (index into the futures) and
/// its numbers; NaN where there is none.
#[derive(Debug, Clone, PartialEq)]
pub struct JoinResult {
    pub customer: Vec<Option<usize>>,
    pub status: Vec<JoinStatus>,
    pub p_alive: Vec<f64>,
    pub expected: Vec<f64>,
    pub clv: Vec<f64>,
    /// The CLV's percent rank 0–100 among the matched rows.
    pub future_score: Vec<f64>,
    /// Rows matched by id and by name.
    pub by_id: usize,
    pub by_name: usize,
    /// Log customers no row took (indexes into the futures).
    pub unmatched_customers: Vec<usize>,
}

/// An id as it is compared: half-width, no spaces, upper case.
pub fn normalize_id(text: &str) -> String {
    normalize_width(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// A name as it is compared: half-width (brackets included), no spaces, lower case; company
/// suffixes kept.
pub fn normalize_name(text: &str) -> String {
    normalize_width(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '【' | '〔' => '[',
            '】' | '〕' => ']',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// A key's owner: the one index, or several.
#[derive(Clone, Copy)]
enum Owner {
    One(usize),
    Many,
}

fn index(keys: impl Iterator<Item = (usize, Option<String>)>) -> HashMap<String, Owner> {
    let mut map: HashMap<String, Owner> = HashMap::new();
    for (i, key) in keys {
        let Some(key) = key.filter(|k| !k.is_empty()) else {
            continue;
        };
        map.entry(key)
            .and_modify(|o| *o = Owner::Many)
            .or_insert(Owner::One(i));
    }
    map
}

/// The keys of one row or one log customer, as they are compared ([`normalize_id`],
/// [`normalize_name`]); an empty key is no key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keys {
    pub id: Option<String>,
    pub name: Option<String>,
}

impl Keys {
    /// The keys of an id and a name as written.
    pub fn of(id: Option<&str>, name: Option<&str>) -> Keys {
        Keys {
            id: id.map(normalize_id).filter(|k| !k.is_empty()),
            name: name.map(normalize_name).filter(|k| !k.is_empty()),
        }
    }

    /// The keys of an account row's `id` and `name` fields.
    pub fn of_row(row: &AccountRow) -> Keys {
        Keys::of(row.text("id"), row.text("name"))
    }
}

/// Rows of one side matched to entries of the other: per row, the entry (index) and how.
#[derive(Debug, Clone, PartialEq)]
pub struct Matching {
    pub entry: Vec<Option<usize>>,
    pub status: Vec<JoinStatus>,
    /// Entries some row took.
    pub taken: Vec<bool>,
}

/// Matches `rows` to `entries` by the module's rules: ids first (every row), then names for
/// the rows still unmatched and the entries not yet taken; a key shared by two rows or two
/// entries matches nothing. `DuplicateInList` is a key shared among `rows`,
/// `AmbiguousInLog` one shared among `entries`.
pub fn match_keys(entries: &[Keys], rows: &[Keys]) -> Matching {
    let n = rows.len();
    let log_ids = index(entries.iter().map(|k| k.id.clone()).enumerate());
    let log_names = index(entries.iter().map(|k| k.name.clone()).enumerate());
    let list_ids = index(rows.iter().map(|k| k.id.clone()).enumerate());
    let list_names = index(rows.iter().map(|k| k.name.clone()).enumerate());
    let unique_in_list =
        |map: &HashMap<String, Owner>, key: &str| matches!(map.get(key), Some(Owner::One(_)));

    let mut customer = vec![None; n];
    let mut status = vec![JoinStatus::NoMatch; n];
    let mut taken = vec![false; entries.len()];
    // Ids first, for every row, so that a name never takes a customer an id claims.
    for i in 0..n {
        let Some(id) = &rows[i].id else {
            continue;
        };
        if !unique_in_list(&list_ids, id) {
            status[i] = JoinStatus::DuplicateInList;
            continue;
        }
        match log_ids.get(id) {
            Some(Owner::One(k)) => {
                customer[i] = Some(*k);
                status[i] = JoinStatus::Id;
                if let Some(t) = taken.get_mut(*k) {
                    *t = true;
                }
            }
            Some(Owner::Many) => status[i] = JoinStatus::AmbiguousInLog,
            None => {}
        }
    }
    for i in 0..n {
        if customer[i].is_some() {
            continue;
        }
        let Some(name) = &rows[i].name else {
            if rows[i].id.is_none() {
                status[i] = JoinStatus::NoKey;
            }
            continue;
        };
        if !unique_in_list(&list_names, name) {
            if status[i] == JoinStatus::NoMatch {
                status[i] = JoinStatus::DuplicateInList;
            }
            continue;
        }
        match log_names.get(name) {
            Some(Owner::One(k)) if !taken.get(*k).copied().unwrap_or(true) => {
                customer[i] = Some(*k);
                status[i] = JoinStatus::Name;
                if let Some(t) = taken.get_mut(*k) {
                    *t = true;
                }
            }
            Some(Owner::Many) if status[i] == JoinStatus::NoMatch => {
                status[i] = JoinStatus::AmbiguousInLog;
            }
            _ => {}
        }
    }
    Matching {
        entry: customer,
        status,
        taken,
    }
}

/// Joins futures into rows given as (id, name) texts. See the module notes for the rules.
pub fn join_keys(futures: &[CustomerFuture], rows: &[(Option<&str>, Option<&str>)]) -> JoinResult {
    // A log customer's key is matched as an id, and as a name when the log has no names.
    let entries: Vec<Keys> = futures
        .iter()
        .map(|f| Keys::of(Some(&f.key), Some(f.name.as_deref().unwrap_or(&f.key))))
        .collect();
    let keys: Vec<Keys> = rows.iter().map(|(id, name)| Keys::of(*id, *name)).collect();
    let Matching {
        entry: customer,
        status,
        taken,
    } = match_keys(&entries, &keys);

    let pick = |f: fn(&CustomerFuture) -> f64| -> Vec<f64> {
        customer
            .iter()
            .map(|c| c.and_then(|k| futures.get(k)).map_or(f64::NAN, f))
            .collect()
    };
    let p_alive = pick(|f| f.p_alive);
    let expected = pick(|f| f.expected);
    let clv = pick(|f| f.clv);
    let future_score = percentile_normalise(&clv)
        .into_iter()
        .map(|s| s.unwrap_or(f64::NAN))
        .collect();
    JoinResult {
        by_id: status.iter().filter(|s| **s == JoinStatus::Id).count(),
        by_name: status.iter().filter(|s| **s == JoinStatus::Name).count(),
        unmatched_customers: taken
            .iter()
            .enumerate()
            .filter(|(_, t)| !**t)
            .map(|(k, _)| k)
            .collect(),
        customer,
        status,
        p_alive,
        expected,
        clv,
        future_score,
    }
}

/// Joins futures into account rows by their `id` and `name` fields.
pub fn join_futures(futures: &[CustomerFuture], rows: &[AccountRow]) -> JoinResult {
    let keys: Vec<(Option<&str>, Option<&str>)> = rows
        .iter()
        .map(|r| (r.text("id"), r.text("name")))
        .collect();
    join_keys(futures, &keys)
}

/// Futures from a summary and its per-customer predictions (same order).
pub fn futures_from(
    customers: &[CustomerSummary],
    p_alive: &[f64],
    expected: &[f64],
    clv: &[f64],
) -> Vec<CustomerFuture> {
    customers
        .iter()
        .enumerate()
        .map(|(i, c)| CustomerFuture {
            key: c.id.clone(),
            name: None,
            p_alive: p_alive.get(i).copied().unwrap_or(f64::NAN),
            expected: expected.get(i).copied().unwrap_or(f64::NAN),
            clv: clv.get(i).copied().unwrap_or(f64::NAN),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::row::Cell;

    fn future(key: &str, clv: f64) -> CustomerFuture {
        CustomerFuture {
            key: key.to_string(),
            name: None,
            p_alive: clv / 1000.0,
            expected: clv / 100.0,
            clv,
        }
    }

    #[test]
    fn ids_first_then_names_with_width_space_and_case_folded() {
        let futures = vec![
            future("KH0001", 100.0),
            future("华东精密（苏州）有限公司", 300.0),
            future("kh0003", 200.0),
            future("无人认领", 50.0),
        ];
        let rows = [
            (Some("ＫＨ 0001"), Some("甲公司")),
            (Some("KH0002"), Some("华东精密(苏州)有限公司")),
            (None, Some("乙公司")),
            (Some("KH0003"), None),
            (None, None),
        ];
        let j = join_keys(&futures, &rows);
        assert_eq!(j.customer, vec![Some(0), Some(1), None, Some(2), None]);
        assert_eq!(
            j.status,
            vec![
                JoinStatus::Id,
                JoinStatus::Name,
                JoinStatus::NoMatch,
                JoinStatus::Id,
                JoinStatus::NoKey
            ]
        );
        assert_eq!((j.by_id, j.by_name), (2, 1));
        assert_eq!(j.unmatched_customers, vec![3]);
        assert_eq!(j.p_alive[0], 0.1);
        assert!(j.clv[2].is_nan() && j.future_score[2].is_nan());
        // CLV 100, 300, 200 among the matched rows: ranks 0, 100, 50.
        assert_eq!(j.future_score[0], 0.0);
        assert_eq!(j.future_score[1], 100.0);
        assert_eq!(j.future_score[3], 50.0);
    }

    #[test]
    fn company_suffixes_are_kept() {
        let futures = vec![future("华东精密", 1.0)];
        let j = join_keys(&futures, &[(None, Some("华东精密有限公司"))]);
        assert_eq!(j.status, vec![JoinStatus::NoMatch]);
    }

    #[test]
    fn duplicates_match_nothing() {
        let futures = vec![future("KH1", 1.0), future("kh1", 2.0), future("KH2", 3.0)];
        let rows = [
            (Some("KH1"), None),
            (Some("KH2"), Some("丙")),
            (Some("KH2"), Some("丁")),
        ];
        let j = join_keys(&futures, &rows);
        assert_eq!(
            j.status,
            vec![
                JoinStatus::AmbiguousInLog,
                JoinStatus::DuplicateInList,
                JoinStatus::DuplicateInList
            ]
        );
        assert!(j.customer.iter().all(Option::is_none));
        assert_eq!(j.unmatched_customers, vec![0, 1, 2]);
    }

    #[test]
    fn a_name_never_takes_a_customer_an_id_claimed() {
        // The log keys by name for one customer that a row also carries as its id.
        let futures = vec![future("甲公司", 10.0)];
        let rows = [(Some("甲公司"), None), (None, Some("甲公司"))];
        let j = join_keys(&futures, &rows);
        assert_eq!(j.customer, vec![Some(0), None]);
        assert_eq!(j.future_score[0], 50.0);
    }

    #[test]
    fn a_log_with_ids_and_names_matches_names_by_its_name_column() {
        let mut f = future("C-9", 4.0);
        f.name = Some("戊公司".into());
        let j = join_keys(&[f], &[(Some("KH9"), Some("戊公司"))]);
        assert_eq!(j.status, vec![JoinStatus::Name]);
    }

    #[test]
    fn account_rows_by_their_fields() {
        let row = |id: &str, name: &str| {
            AccountRow::from_pairs(
                [
                    ("客户编号", Cell::Text(id.into())),
                    ("客户名称", Cell::Text(name.into())),
                ],
                None,
            )
        };
        let numeric = AccountRow::from_pairs([("客户编号", Cell::Number(1001.0))], None);
        let rows = vec![row("KH0001", "甲"), row("", "乙"), numeric];
        let futures = vec![
            future("乙", 5.0),
            future("1001", 7.0),
            future("KH0001", 9.0),
        ];
        let j = join_futures(&futures, &rows);
        assert_eq!(j.customer, vec![Some(2), Some(0), Some(1)]);
    }
}
