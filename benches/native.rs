//! Native benchmarks (criterion), run by ./scripts/bench.sh (not by the tests): one row scored
//! with each preset (the per-cell kernel and the full score card), the columnar batch over the
//! generated 1,000,000 rows, and the value parser over 1,000,000 messy cells. The data come
//! from bench/gen.mjs, the same as the wasm and JavaScript runs. Runs are kept short
//! (KAM_BENCH_SAMPLES samples, default 10) so the whole benchmark command stays quick.

mod common;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use kam_score::model::presets::{preset, preset_names};
use kam_score::parse::{days_from_civil, parse_number};
use kam_score::report::{computed_table, ReportOptions};
use kam_score::row::{AccountRow, Cell};
use kam_score::score::columns::score_columns;
use kam_score::score::{score_row, score_value};
use kam_score::sheets::{account_rows, read_table, ColumnOverrides, ReadOptions};
use kam_score::strategy::list::ListContext;
use kam_score::strategy::suggest::SuggestOptions;
use std::hint::black_box;
use std::time::Duration;

fn samples() -> usize {
    std::env::var("KAM_BENCH_SAMPLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10)
        .max(10)
}

/// The first account of the shipped sample list (www/sample/accounts.csv), as its cells read.
fn sample_row() -> AccountRow {
    let cells: [(&str, &str); 15] = [
        ("客户名称", "厦门金鼎纺织科技有限公司"),
        ("年采购额(万元)", "237.2"),
        ("毛利率", "36.8%"),
        ("信用等级", "A"),
        ("增长率", "13%"),
        ("潜在采购额", "¥612万"),
        ("订单数", "13"),
        ("最近下单日期", "2026-08-15"),
        ("合作年限", "8.5"),
        ("平均收款周期", "92"),
        ("投诉次数", "2"),
        ("满意度", "5"),
        ("吸引力", "A"),
        ("关系状态", "4"),
        ("教练", "周杰"),
    ];
    let mut row = AccountRow::from_pairs(cells.iter().map(|(h, v)| (*h, Cell::from(*v))), None);
    row.derive_recency(days_from_civil(2026, 9, 1).expect("a day"));
    assert!(row.errors.is_empty(), "{:?}", row.errors);
    row
}

fn one_row(c: &mut Criterion) {
    let row = sample_row();
    let mut g = c.benchmark_group("one_row");
    g.sample_size(samples())
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    for name in preset_names() {
        let model = preset(name).expect("a preset");
        let mut subs = Vec::new();
        g.bench_function(format!("score_value/{name}"), |b| {
            b.iter(|| score_value(black_box(model), black_box(&row), &mut subs))
        });
        g.bench_function(format!("score_card/{name}"), |b| {
            b.iter(|| score_row(black_box(model), black_box(&row)))
        });
    }
    g.finish();
}

fn batch(c: &mut Criterion) {
    let table = common::columns();
    let coded = common::coded_columns();
    let model = preset("key_account").expect("key_account");
    let mut g = c.benchmark_group("batch");
    g.sample_size(samples())
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    g.throughput(criterion::Throughput::Elements(table.rows() as u64));
    g.bench_function("score_columns_coded/key_account", |b| {
        b.iter(|| score_columns(black_box(model), black_box(&coded)))
    });
    g.bench_function("score_columns/key_account", |b| {
        b.iter(|| score_columns(black_box(model), black_box(&table)))
    });
    g.finish();
}

fn parser(c: &mut Criterion) {
    let cells = common::messy_cells();
    let mut g = c.benchmark_group("parse");
    g.sample_size(samples())
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    g.throughput(criterion::Throughput::Elements(cells.len() as u64));
    g.bench_function("parse_number/messy_cells", |b| {
        b.iter(|| {
            let mut ok = 0usize;
            for cell in &cells {
                if let Ok(Some(n)) = parse_number(black_box(cell)) {
                    ok += usize::from(n.value > 0.0);
                }
            }
            ok
        })
    });
    g.finish();
}

/// The shipped sample list (300 rows with units, ranges, blanks and unreadable cells)
/// repeated to 10,000 rows, as SCORE_TABLE and the export see it.
fn sample_rows_10k() -> Vec<AccountRow> {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/sample/accounts.csv"
    ))
    .expect("www/sample/accounts.csv");
    let table = read_table(&bytes, &ReadOptions::default()).expect("the sample reads");
    let read = account_rows(&table, &ColumnOverrides::new()).expect("the sample maps");
    let as_of = days_from_civil(2026, 9, 1).expect("a day");
    let mut rows: Vec<AccountRow> = read.rows.iter().cycle().take(10_000).cloned().collect();
    for row in &mut rows {
        row.derive_recency(as_of);
    }
    rows
}

fn report(c: &mut Criterion) {
    let rows = sample_rows_10k();
    let model = preset("key_account").expect("key_account");
    let options = ReportOptions {
        as_of: days_from_civil(2026, 9, 1),
        ..ReportOptions::default()
    };
    let mut g = c.benchmark_group("report");
    g.sample_size(samples())
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    g.throughput(criterion::Throughput::Elements(rows.len() as u64));
    g.bench_function("computed_table/sample_10k", |b| {
        b.iter(|| computed_table(black_box(model), black_box(&rows), &options))
    });
    // Its two parts: the score cards, and the strategy of every row within the list.
    g.bench_function("score_cards/sample_10k", |b| {
        b.iter(|| {
            rows.iter()
                .filter(|r| score_row(black_box(model), r).score.is_some())
                .count()
        })
    });
    let list = ListContext::from_rows(&rows);
    let suggest = SuggestOptions {
        as_of: options.as_of,
        ..SuggestOptions::default()
    };
    g.bench_function("suggestions/sample_10k", |b| {
        b.iter(|| {
            (0..rows.len())
                .filter(|i| list.suggest(black_box(&rows), *i, &suggest).is_ok())
                .count()
        })
    });
    g.finish();
}

criterion_group!(benches, one_row, batch, parser, report);
criterion_main!(benches);
