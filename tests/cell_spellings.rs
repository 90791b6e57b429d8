//! The cell spellings of MODEL §1.1, as zh-CN sales teams write them: every row of
//! `tests/cells/spellings.tsv` (written from the spec, independently of the parser) read into
//! its field, with the expected value in the field's unit, or the expected error code, and
//! the marks the reading must carry. The same table runs through the wasm build in
//! `tests/wasm_api.rs`.

use kam_score::field::{by_key, HeaderUnit};
use kam_score::parse::ReadRules;
use kam_score::row::{read_cell, Cell, Value};

const TABLE: &str = include_str!("cells/spellings.tsv");

struct Case<'a> {
    line: usize,
    field: &'a str,
    text: &'a str,
    strict: bool,
    expect: &'a str,
    marks: Vec<&'a str>,
}

fn cases() -> Vec<Case<'static>> {
    TABLE
        .lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.starts_with('#') && !l.is_empty())
        .map(|(i, l)| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert!(cols.len() >= 5, "line {}: {l:?}", i + 1);
            Case {
                line: i + 1,
                field: cols[0],
                text: cols[1],
                strict: cols[2] == "strict",
                expect: cols[3],
                marks: match cols[4] {
                    "-" => Vec::new(),
                    m => m.split(',').collect(),
                },
            }
        })
        .collect()
}

fn close(got: f64, want: f64) -> bool {
    got == want || (got - want).abs() <= 1e-12 * want.abs().max(1e-300)
}

#[test]
fn every_spelling_reads_as_the_table_says() {
    let all = cases();
    assert!(all.len() >= 200, "only {} spellings", all.len());
    let mut failures = Vec::new();
    for c in &all {
        let field =
            by_key(c.field).unwrap_or_else(|| panic!("line {}: no field {}", c.line, c.field));
        let rules = ReadRules { strict: c.strict };
        let got = read_cell(
            field,
            HeaderUnit::NONE,
            &Cell::Text(c.text.to_string()),
            rules,
        );
        let verdict = match (&got, c.expect) {
            (Ok(None), "blank") => None,
            (Err(e), want) if want.strip_prefix("error:") == Some(e.code()) => None,
            (Ok(Some(r)), want) => match (want.parse::<f64>(), &r.value) {
                (Ok(w), Value::Number(v)) if close(*v, w) => {
                    let names = r.marks.names();
                    (names != c.marks).then(|| format!("marks {names:?}, want {:?}", c.marks))
                }
                _ => Some(format!("{:?} {:?}", r.value, r.marks.names())),
            },
            (other, _) => Some(format!("{other:?}")),
        };
        if let Some(v) = verdict {
            failures.push(format!(
                "line {} {} {:?} ({}): want {}, got {v}",
                c.line,
                c.field,
                c.text.chars().take(40).collect::<String>(),
                if c.strict { "strict" } else { "default" },
                c.expect
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} spellings differ:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}
