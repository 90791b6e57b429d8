//! The `kam-score` command-line tool, run as a built binary on the sample files, its output
//! read back and compared with the library's results for the same rows; exit codes and
//! messages as a script sees them. Needs the binary: `cargo test --features cli --test cli`
//! (without the feature this file compiles to nothing).
#![cfg(feature = "cli")]

use kam_score::model::presets::{preset, preset_json};
use kam_score::model::CompiledModel;
use kam_score::report::Column;
use kam_score::row::Cell;
use kam_score::score::{score_row, ScoreCard};
use kam_score::sheets::{account_rows, read_table, ColumnOverrides, ReadOptions, SheetChoice};
use kam_score::texts::Lang;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const AS_OF: &str = "2026-03-15";

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kam-score"))
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("www/sample")
        .join(name)
}

/// A fresh directory under the target directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The library's cards for a file, read and dated as the CLI does.
fn library_cards(path: &Path, model: &CompiledModel, options: &ReadOptions) -> Vec<ScoreCard> {
    let table = read_table(&std::fs::read(path).unwrap(), options).unwrap();
    let as_of = kam_score::parse::parse_date(AS_OF).unwrap().unwrap();
    account_rows(&table, &ColumnOverrides::new())
        .unwrap()
        .rows
        .into_iter()
        .map(|mut r| {
            r.derive_recency(as_of);
            score_row(model, &r)
        })
        .collect()
}

fn number(cell: &Cell) -> Option<f64> {
    match cell {
        Cell::Number(n) => Some(*n),
        Cell::Text(t) => t.parse().ok(),
        _ => None,
    }
}

fn text(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => t.clone(),
        Cell::Empty => String::new(),
        other => format!("{other:?}"),
    }
}

/// Checks the computed columns of an output file against the library's builder for the same
/// rows, and the one rule for an unreadable cell (MODEL §2): the row is still scored from the
/// cells that could be read, and its problems column names the cell.
fn check_output(output: &Path, cards: &[ScoreCard], zh: bool) {
    let table = read_table(&std::fs::read(output).unwrap(), &ReadOptions::default()).unwrap();
    let lang = if zh { Lang::ZhCn } else { Lang::En };
    let headers: Vec<String> = Column::ALL.iter().map(|c| c.header(lang)).collect();
    let first = table.headers.len() - headers.len();
    assert_eq!(&table.headers[first..], &headers[..]);
    assert_eq!(table.rows.len(), cards.len(), "rows in = rows out");
    for (i, card) in cards.iter().enumerate() {
        let cell = |j: usize| table.cell(i, first + j);
        let rounded = card.score.map(|s| (s * 10.0).round() / 10.0);
        assert_eq!(number(cell(0)), rounded, "row {i}: score");
        let pick = |l: &kam_score::texts::Label| l.in_lang(lang).to_string();
        assert_eq!(
            text(cell(1)),
            card.tier.as_ref().map(pick).unwrap_or_default(),
            "row {i}: tier"
        );
        for e in &card.errors {
            assert!(
                text(cell(6)).contains(&e.text)
                    && text(cell(6)).contains(lang.pick_text(&e.zh, &e.en)),
                "row {i}: {}",
                text(cell(6))
            );
            assert!(text(cell(7)).contains(e.code), "row {i}: {}", text(cell(7)));
        }
        let coverage = (card.coverage * 1000.0).round() / 1000.0;
        assert_eq!(number(cell(5)), Some(coverage), "row {i}: coverage");
    }
}

#[test]
fn the_sample_csv_scores_as_the_library_does_and_its_bad_cells_exit_1() {
    let dir = scratch("sample-csv");
    let cards = library_cards(
        &sample("accounts.csv"),
        preset("key_account").unwrap(),
        &ReadOptions::default(),
    );
    let bad: Vec<_> = cards.iter().flat_map(|c| c.errors.iter()).collect();
    assert!(!bad.is_empty(), "the sample has unreadable cells");

    for name in ["out.xlsx", "out.csv"] {
        let out = dir.join(name);
        let o = run(&[
            "score",
            sample("accounts.csv").to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--as-of",
            AS_OF,
        ]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        let err = stderr(&o);
        for e in &bad {
            assert!(err.contains(&e.message(Lang::ZhCn)), "{err}");
        }
        assert!(err.contains("第 19 行，“年采购额”列"), "{err}");
        assert!(
            err.contains(&format!("{} 行有无法识别的单元格", bad.len())),
            "{err}"
        );
        check_output(&out, &cards, true);
    }
    // The original cells are all there, unchanged.
    let source = read_table(
        &std::fs::read(sample("accounts.csv")).unwrap(),
        &ReadOptions::default(),
    )
    .unwrap();
    let written = read_table(
        &std::fs::read(dir.join("out.csv")).unwrap(),
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(
        &written.headers[..source.headers.len()],
        &source.headers[..]
    );
    for i in [0, 17, 299] {
        for j in 0..source.width() {
            assert_eq!(
                text(written.cell(i, j)),
                text(source.cell(i, j)),
                "row {i} col {j}"
            );
        }
    }
}

#[test]
fn the_gbk_sample_and_an_xlsx_input_give_the_same_scores() {
    let dir = scratch("gbk-xlsx");
    let cards = library_cards(
        &sample("accounts.csv"),
        preset("key_account").unwrap(),
        &ReadOptions::default(),
    );
    let scored = dir.join("gbk.xlsx");
    let o = run(&[
        "score",
        sample("accounts-gbk.csv").to_str().unwrap(),
        "-o",
        scored.to_str().unwrap(),
        "--as-of",
        AS_OF,
        "--quiet",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!stderr(&o).contains("kam-score:"), "quiet: no summary");
    check_output(&scored, &cards, true);

    // The scored workbook read again by sheet name: its own cells score the same.
    let again = dir.join("again.csv");
    let o = run(&[
        "score",
        scored.to_str().unwrap(),
        "--sheet",
        "Sheet1",
        "-o",
        again.to_str().unwrap(),
        "--as-of",
        AS_OF,
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let options = ReadOptions {
        sheet: SheetChoice::Named("Sheet1".into()),
        ..ReadOptions::default()
    };
    let xlsx_cards = library_cards(&scored, preset("key_account").unwrap(), &options);
    check_output(&again, &xlsx_cards, false);
    for (a, b) in xlsx_cards.iter().zip(&cards) {
        assert_eq!(a.score, b.score);
    }

    let o = run(&[
        "score",
        scored.to_str().unwrap(),
        "--sheet",
        "客户",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(3));
    assert!(
        stderr(&o).contains("no sheet named \"客户\""),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_clean_file_exits_0_and_a_model_file_scores_as_its_preset() {
    let dir = scratch("clean");
    let input = dir.join("clean.csv");
    std::fs::write(
        &input,
        "客户名称,年采购额(万元),毛利率,信用等级,订单数,最近下单日期\n\
         甲公司,1200,23%,A,26,2026-03-01\n\
         乙公司,85,18%,B,9,2025-11-20\n\
         \n\
         丙公司,12,9%,C,2,2024-12-31\n",
    )
    .unwrap();
    let model_file = dir.join("rfm.json");
    std::fs::write(&model_file, preset_json("rfm").unwrap()).unwrap();

    for (model, name) in [
        ("rfm", "preset.xlsx"),
        (model_file.to_str().unwrap(), "file.xlsx"),
    ] {
        let out = dir.join(name);
        let o = run(&[
            "score",
            input.to_str().unwrap(),
            "-m",
            model,
            "-o",
            out.to_str().unwrap(),
            "--as-of",
            AS_OF,
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(
            stderr(&o).contains(
                "4 行，模型 RFM 评分：3 行已评分，0 行数据不足，0 行有无法识别的单元格，1 行空白"
            ),
            "{}",
            stderr(&o)
        );
        let cards = library_cards(&input, preset("rfm").unwrap(), &ReadOptions::default());
        // The blank row stays blank.
        let table = read_table(&std::fs::read(&out).unwrap(), &ReadOptions::default()).unwrap();
        assert_eq!(table.cell(2, 6), &Cell::Empty);
        let scored: Vec<_> = [0, 1, 3]
            .iter()
            .map(|&i| number(table.cell(i, 6)))
            .collect();
        assert_eq!(
            scored,
            [0, 1, 3]
                .iter()
                .map(|&i| cards[i].score.map(|s| (s * 10.0).round() / 10.0))
                .collect::<Vec<_>>()
        );
    }

    // Default output: beside the input, `.scored` before the extension, same format.
    let o = run(&["score", input.to_str().unwrap(), "--as-of", AS_OF]);
    assert_eq!(o.status.code(), Some(0));
    assert!(dir.join("clean.scored.csv").exists());

    // `-o -`: CSV on stdout, with the byte-order mark Excel needs.
    let o = run(&["score", input.to_str().unwrap(), "-o", "-", "-q"]);
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.starts_with("\u{FEFF}客户名称,"));
    assert!(text.lines().next().unwrap().ends_with(
        ",评分,等级,下一等级,差距,提升建议,数据覆盖,问题,问题代码,ABC分类,吸引力字母,矩阵格,矩阵格依据,生命周期阶段,首要建议"
    ));
    assert!(o.stderr.is_empty());
}

#[test]
fn usage_input_and_output_errors_have_their_own_exit_codes() {
    let dir = scratch("errors");
    let input = sample("accounts.csv");
    let input = input.to_str().unwrap();
    let cases: Vec<(Vec<String>, i32, &str)> = vec![
        (vec![], 2, "Usage"),
        (vec!["score".into()], 2, "INPUT"),
        (vec!["frobnicate".into()], 2, "unrecognized subcommand"),
        (
            vec![
                "score".into(),
                input.into(),
                "--model".into(),
                "nope".into(),
            ],
            2,
            "neither a preset",
        ),
        (
            vec![
                "score".into(),
                input.into(),
                "--model".into(),
                "missing.json".into(),
            ],
            2,
            "cannot read the model",
        ),
        (
            vec!["score".into(), input.into(), "-o".into(), "out.pdf".into()],
            2,
            "must end in .xlsx or .csv",
        ),
        (
            vec!["score".into(), input.into(), "-o".into(), input.into()],
            2,
            "would overwrite the input",
        ),
        (
            vec![
                "score".into(),
                input.into(),
                "--as-of".into(),
                "someday".into(),
            ],
            2,
            "--as-of",
        ),
        (
            vec![
                "score".into(),
                input.into(),
                "--header-row".into(),
                "0".into(),
            ],
            2,
            "counts from 1",
        ),
        (
            vec!["score".into(), "no-such-file.csv".into()],
            3,
            "cannot read no-such-file.csv",
        ),
        (
            vec![
                "score".into(),
                input.into(),
                "-o".into(),
                dir.join("no/such/dir/out.xlsx").to_str().unwrap().into(),
            ],
            4,
            "cannot write",
        ),
    ];
    let bad_model = dir.join("bad.json");
    std::fs::write(
        &bad_model,
        r#"{"name": "x", "factors": [{"key": "a", "weight": -1, "inputs": []}]}"#,
    )
    .unwrap();
    let not_a_table = dir.join("image.xlsx");
    std::fs::write(&not_a_table, b"PK\x03\x04 not really a workbook").unwrap();
    let mut cases = cases;
    cases.push((
        vec![
            "score".into(),
            input.into(),
            "-m".into(),
            bad_model.to_str().unwrap().into(),
        ],
        2,
        "problem",
    ));
    cases.push((
        vec!["score".into(), not_a_table.to_str().unwrap().into()],
        3,
        "image.xlsx",
    ));
    for (args, code, message) in cases {
        let o = bin().args(&args).args(["--lang", "en"]).output().unwrap();
        assert_eq!(o.status.code(), Some(code), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(message), "{args:?}: {}", stderr(&o));
    }

    let o = run(&["--help", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0));
    let help = String::from_utf8_lossy(&o.stdout);
    assert!(help.contains("Exit codes:"), "{help}");
    let o = run(&["presets"]);
    assert_eq!(o.status.code(), Some(0));
    let names: Vec<_> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| l.split('\t').next().unwrap_or("").to_string())
        .collect();
    assert_eq!(names, kam_score::model::presets::preset_names());
}

/// Runs the tool, killing it after `seconds`: a tool that opened a pipe or read a device
/// would otherwise hang the test.
fn run_within(args: &[&str], seconds: u64) -> Output {
    use std::io::Read;
    let mut child = bin()
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            panic!("{args:?} did not finish within {seconds} s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    child
        .stdout
        .take()
        .unwrap()
        .read_to_end(&mut stdout)
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_end(&mut stderr)
        .unwrap();
    Output {
        status,
        stdout,
        stderr,
    }
}

/// Runs of three or more ASCII letters in `text` that are no product, format or tool name,
/// once the given paths (the user's own file names) and `--option` names are taken out.
fn english_words(text: &str, paths: &[&str]) -> Vec<String> {
    const NAMES: &[&str] = &["csv", "xlsx", "xls", "excel", "utf", "gbk", "json"];
    let mut text = text.to_string();
    text = text.replace("kam-score", " ");
    let mut paths = paths.to_vec();
    paths.sort_by_key(|p| std::cmp::Reverse(p.len()));
    for p in paths {
        text = text.replace(p, " ");
    }
    let mut words = Vec::new();
    for token in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')) {
        if token.starts_with('-') {
            continue; // an option such as --lang, as the user types it
        }
        for word in token.split(|c: char| !c.is_ascii_alphabetic()) {
            if word.len() >= 3 && !NAMES.contains(&word.to_ascii_lowercase().as_str()) {
                words.push(word.to_string());
            }
        }
    }
    words
}

#[test]
fn a_model_that_does_not_validate_is_listed_problem_by_problem_in_either_language() {
    let dir = scratch("model-problems");
    let input = sample("accounts.csv");
    let input = input.to_str().unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"name": "x", "factors": [
            {"key": "a", "weight": 1e308, "inputs": [{"field": "annual_purchase", "transform": {"type": "log", "min": 1, "max": 10}}]},
            {"key": "b", "weight": 1e308, "inputs": [{"field": "credit_rating", "transform": {"type": "map", "values": {"A": 100, "ａ": 90}}}]}]}"#,
    )
    .unwrap();
    let bad = bad.to_str().unwrap();
    let o = run(&["score", input, "-m", bad]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    for expected in [
        "共 2 个问题",
        "\n  - 因子 2 › 输入 1 › 变换 › 对照表：因子“b”：对照表的键“A”与“ａ”忽略大小写和全半角后相同",
        "\n  - 因子：权重之和太大，无法计算",
    ] {
        assert!(err.contains(expected), "{expected:?} in {err}");
    }
    let o = run(&["score", input, "-m", bad, "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    for expected in [
        "the model has 2 problem(s):",
        "\n  - factors[1].inputs[0].transform.values: factor \"b\": the map keys \"A\" and \"ａ\"",
        "\n  - factors: the sum of the weights is too large",
    ] {
        assert!(err.contains(expected), "{expected:?} in {err}");
    }
}

#[test]
fn the_default_language_prints_no_english_word_on_stderr() {
    let dir = scratch("zh-only");
    let d = dir.to_str().unwrap().to_string();
    let input = sample("accounts.csv");
    let input = input.to_str().unwrap();
    let inputs = sample("");
    let samples = inputs.to_str().unwrap();
    let p = |name: &str| dir.join(name).to_str().unwrap().to_string();
    std::fs::write(p("image.xlsx"), b"PK\x03\x04 not really a workbook").unwrap();
    std::fs::write(
        p("old.xls"),
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
    )
    .unwrap();
    std::fs::write(
        p("bad.json"),
        r#"{"name": "x", "factors": [{"key": "a", "weight": -1, "inputs": []}]}"#,
    )
    .unwrap();
    std::fs::write(p("broken.json"), "{\"name\": ").unwrap();
    std::fs::write(p("null.json"), "null").unwrap();
    std::fs::copy(input, p("in.csv")).unwrap();
    std::fs::hard_link(p("in.csv"), p("link.csv")).unwrap();
    let (out, missing) = (p("out.csv"), p("missing.csv"));
    let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let cases: Vec<(Vec<String>, i32)> = vec![
        (v(&["score", input, "-o", &out, "--as-of", AS_OF]), 1),
        (v(&["score", input, "-o", &out]), 1),
        (v(&["score", &missing]), 3),
        (v(&["score", "/dev/zero"]), 3),
        (v(&["score", &d]), 3),
        (v(&["score", &p("image.xlsx")]), 3),
        (v(&["score", &p("old.xls")]), 3),
        (v(&["score", input, "-o", &p("out.pdf")]), 2),
        (v(&["score", &p("in.csv"), "-o", &p("link.csv")]), 2),
        (v(&["score", input, "-m", &p("bad.json")]), 2),
        (v(&["score", input, "-m", &p("broken.json")]), 2),
        (v(&["score", input, "-m", &p("null.json")]), 2),
        (v(&["score", input, "-m", &p("missing.json")]), 2),
        (v(&["score", input, "-m", "nope", "-o", &out]), 2),
        (v(&["score", input, "--as-of", "someday", "-o", &out]), 2),
    ];
    for (args, code) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = run_within(&args, 60);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(code), "{args:?}: {err}");
        assert!(!err.trim().is_empty(), "{args:?} says nothing");
        // What the user typed (file names, values) is theirs, and may be shown as typed.
        // Preset names are typed as they are, like option names.
        let mut typed: Vec<&str> = args[1..]
            .iter()
            .copied()
            .filter(|a| !a.starts_with('-'))
            .collect();
        typed.extend([d.as_str(), samples]);
        typed.extend(kam_score::model::presets::preset_names());
        let words = english_words(&err, &typed);
        assert!(words.is_empty(), "{args:?}: {words:?} in {err}");
    }
    // The check itself finds English.
    let o = run(&["score", &missing, "--lang", "en"]);
    assert!(!english_words(&stderr(&o), &[&d]).is_empty());
    // The exit codes' help is in the language too.
    let o = run(&["score", "--help"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("退出码："));
}

#[test]
fn only_regular_files_inside_the_size_limit_are_read() {
    let dir = scratch("regular");
    let big = dir.join("big.csv");
    let limit = kam_score::sheets::Limits::default().max_bytes;
    // Sparse: the size is known without writing 100 MB, and a tool that read it all would be
    // slow to say no.
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(limit as u64 + 1).unwrap();
    drop(f);
    let too_large = kam_score::sheets::SheetError::TooLarge {
        size: limit + 1,
        limit,
    };
    let fifo = dir.join("pipe.csv");
    let made = Command::new("mkfifo").arg(&fifo).status();
    let mut cases = vec![
        (big.to_str().unwrap().to_string(), too_large.to_string()),
        ("/dev/zero".to_string(), "is not a regular file".to_string()),
        (
            dir.to_str().unwrap().to_string(),
            "is a directory".to_string(),
        ),
    ];
    if made.is_ok_and(|s| s.success()) {
        cases.push((
            fifo.to_str().unwrap().to_string(),
            "is not a regular file".to_string(),
        ));
    }
    for (input, message) in cases {
        let started = std::time::Instant::now();
        let out = dir.join("out.csv");
        let o = run_within(
            &["score", &input, "-o", out.to_str().unwrap(), "--lang", "en"],
            30,
        );
        assert_eq!(o.status.code(), Some(3), "{input}: {}", stderr(&o));
        assert!(stderr(&o).contains(&message), "{input}: {}", stderr(&o));
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "{input} was read before it was refused"
        );
        assert!(!out.exists());
    }
}

#[test]
fn an_output_that_is_the_input_by_another_name_is_refused() {
    let dir = scratch("same-file");
    let input = dir.join("accounts.csv");
    std::fs::copy(sample("accounts.csv"), &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let link = dir.join("link.csv");
    std::fs::hard_link(&input, &link).unwrap();
    let mut outputs = vec![link.clone(), dir.join("./accounts.csv")];
    #[cfg(unix)]
    {
        let symlink = dir.join("symlink.csv");
        std::os::unix::fs::symlink(&input, &symlink).unwrap();
        outputs.push(symlink);
    }
    for output in &outputs {
        let o = run(&[
            "score",
            input.to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
            "--lang",
            "en",
        ]);
        assert_eq!(o.status.code(), Some(2), "{output:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("would overwrite the input"),
            "{output:?}: {}",
            stderr(&o)
        );
        // And the other way round: the link read, the original named as the output.
        let o = run(&[
            "score",
            output.to_str().unwrap(),
            "-o",
            input.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(2), "{output:?}: {}", stderr(&o));
    }
    assert_eq!(
        std::fs::read(&input).unwrap(),
        before,
        "the input is intact"
    );
    // A copy is another file: it may be written.
    let copy = dir.join("copy.csv");
    std::fs::copy(&input, &copy).unwrap();
    let o = run(&[
        "score",
        input.to_str().unwrap(),
        "-o",
        copy.to_str().unwrap(),
        "--quiet",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(std::fs::read(&input).unwrap(), before);
}
