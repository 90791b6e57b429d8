//! A strategy for every account (issue 14, MODEL §4.8): on a list of figures only and on the
//! shipped sample, nearly every row gets a matrix cell, the cells are spread over the matrix,
//! and the top action differs between accounts.

use kam_score::parse::days_from_civil;
use kam_score::row::{AccountRow, Cell};
use kam_score::sheets::{account_rows, read_table, ColumnOverrides, ReadOptions};
use kam_score::strategy::list::ListContext;
use kam_score::strategy::suggest::SuggestOptions;
use std::collections::BTreeMap;

/// A small deterministic generator (SplitMix64), so the list is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    fn uniform(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Standard normal (Box–Muller).
    fn normal(&mut self) -> f64 {
        let u = self.uniform().max(1e-12);
        let v = self.uniform();
        (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
    }
    fn poisson(&mut self, mean: f64) -> f64 {
        let limit = (-mean).exp();
        let (mut k, mut p) = (0.0, 1.0);
        loop {
            p *= self.uniform();
            if p <= limit {
                return k;
            }
            k += 1.0;
        }
    }
}

fn as_of() -> i64 {
    days_from_civil(2026, 11, 1).unwrap()
}

/// ~300 accounts as a sales team's list holds them: purchases, margin, growth, share of wallet,
/// orders, years, last order date, complaints; no rating, status or contact column.
fn generated_list(n: usize, seed: u64) -> Vec<AccountRow> {
    let mut rng = Rng(seed);
    (0..n)
        .map(|_| {
            let size = rng.normal();
            let prospect = rng.uniform() < 0.06;
            let years = if prospect {
                0.0
            } else {
                (0.9 + 0.8 * rng.normal()).exp().min(20.0)
            };
            let orders = if prospect {
                0.0
            } else {
                (1.8 + 0.5 * size + 0.5 * rng.normal())
                    .exp()
                    .round()
                    .clamp(1.0, 80.0)
            };
            let purchase = if prospect {
                0.0
            } else {
                (2e6f64.ln() + 1.4 * size + 0.4 * rng.normal())
                    .exp()
                    .round()
            };
            let margin = (0.22 - 0.03 * size + 0.07 * rng.normal()).clamp(0.01, 0.55);
            let growth = 0.04 + 0.13 * rng.normal();
            let share = (0.15 + 0.08 * years.min(8.0) + 0.15 * rng.normal()).clamp(0.02, 0.95);
            let interval = 365.0 / orders.max(1.0);
            let quiet = rng.uniform() < 0.12;
            let gap = interval * (-rng.uniform().max(1e-9).ln()) * if quiet { 5.0 } else { 1.0 };
            let complainer = rng.uniform() < 0.1;
            let complaints = rng.poisson(if complainer { 3.5 } else { 0.5 });
            let mut pairs: Vec<(&str, Cell)> = vec![
                ("annual_purchase", Cell::Number(purchase)),
                ("gross_margin", Cell::Number(margin)),
                ("growth_rate", Cell::Number(growth)),
                ("order_count", Cell::Number(orders)),
                (
                    "relationship_years",
                    Cell::Number((years * 10.0).round() / 10.0),
                ),
                ("complaints", Cell::Number(complaints)),
            ];
            if !prospect {
                pairs.push(("share_of_wallet", Cell::Number(share)));
                // Excel's serial day: 25569 = 1970-01-01.
                let last = as_of() - gap.min(3.0 * 365.0).round() as i64;
                pairs.push(("last_order_date", Cell::Number((last + 25_569) as f64)));
            }
            let row = AccountRow::from_pairs(pairs, None);
            assert!(row.errors.is_empty(), "{:?}", row.errors);
            row
        })
        .collect()
}

struct Coverage {
    rows: usize,
    with_cell: usize,
    cells: BTreeMap<String, usize>,
    top_actions: BTreeMap<String, usize>,
    estimated: usize,
    stages: BTreeMap<String, usize>,
}

impl Coverage {
    fn cell_share(&self) -> f64 {
        self.with_cell as f64 / self.rows as f64
    }
    fn largest_top_action(&self) -> (String, f64) {
        let (code, n) = self
            .top_actions
            .iter()
            .max_by_key(|(_, n)| **n)
            .map(|(c, n)| (c.clone(), *n))
            .unwrap_or_default();
        (code, n as f64 / self.rows as f64)
    }
    fn print(&self, name: &str) {
        let (code, share) = self.largest_top_action();
        println!(
            "{name}: {} rows; matrix cell for {:.1}% ({} estimated); {} of 18 cells used; \
             most common top action {code} on {:.1}% of rows",
            self.rows,
            100.0 * self.cell_share(),
            self.estimated,
            self.cells.len(),
            100.0 * share
        );
        println!("  cells: {:?}", self.cells);
        println!("  top actions: {:?}", self.top_actions);
        println!("  lifecycle stages: {:?}", self.stages);
    }
    fn check(&self, name: &str) {
        self.print(name);
        assert!(
            self.cell_share() >= 0.95,
            "{name}: cell for {:.1}%",
            100.0 * self.cell_share()
        );
        assert!(
            self.cells.len() >= 12,
            "{name}: {} cells used",
            self.cells.len()
        );
        let (code, share) = self.largest_top_action();
        assert!(
            share <= 0.35,
            "{name}: top action {code} on {:.1}%",
            100.0 * share
        );
    }
}

fn measure(rows: &[AccountRow]) -> Coverage {
    let ctx = ListContext::from_rows(rows);
    let options = SuggestOptions {
        as_of: Some(as_of()),
        ..Default::default()
    };
    let mut c = Coverage {
        rows: rows.len(),
        with_cell: 0,
        cells: BTreeMap::new(),
        top_actions: BTreeMap::new(),
        estimated: 0,
        stages: BTreeMap::new(),
    };
    for i in 0..rows.len() {
        let s = ctx.suggest(rows, i, &options).unwrap().unwrap();
        if let Some(cell) = &s.cell {
            c.with_cell += 1;
            *c.cells.entry(cell.clone()).or_default() += 1;
        }
        if s.cell_estimated {
            c.estimated += 1;
        }
        let top = s
            .actions
            .first()
            .map_or("(none)".to_string(), |a| a.label.code.clone());
        *c.top_actions.entry(top).or_default() += 1;
        let stage = s.lifecycle.map_or("(none)".to_string(), |l| l.label.code);
        *c.stages.entry(stage).or_default() += 1;
    }
    c
}

#[test]
fn a_list_of_figures_only_gets_a_strategy_for_every_account() {
    let rows = generated_list(300, 20_261_101);
    let c = measure(&rows);
    c.check("generated list (figures only)");
    assert_eq!(c.estimated, c.with_cell, "every cell is estimated");
    let notices: Vec<String> = ListContext::from_rows(&rows)
        .notices()
        .into_iter()
        .map(|l| l.code)
        .collect();
    assert!(
        notices.contains(&"no_contact_roles".to_string()),
        "{notices:?}"
    );
    assert!(notices.contains(&"attractiveness_estimated".to_string()));
    assert!(notices.contains(&"status_estimated".to_string()));
}

#[test]
fn the_generated_list_is_the_same_on_every_run() {
    let a = generated_list(50, 7);
    let b = generated_list(50, 7);
    assert_eq!(a, b);
}

#[test]
fn the_shipped_sample_gets_a_strategy_for_every_account() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/sample/accounts.csv");
    let bytes = std::fs::read(path).unwrap();
    let table = read_table(&bytes, &ReadOptions::default()).unwrap();
    let read = account_rows(&table, &ColumnOverrides::new()).unwrap();
    let unreadable: usize = read.rows.iter().map(|r| r.errors.len()).sum();
    println!(
        "sample: {} rows, {} unreadable cells",
        read.rows.len(),
        unreadable
    );
    measure(&read.rows).check("shipped sample");
}
