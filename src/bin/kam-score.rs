//! `kam-score`: scores an account list (CSV or XLSX) into a new file with the computed columns,
//! from the same core as the WebAssembly module and the spreadsheet functions.
//!
//! ```text
//! kam-score score accounts.xlsx                       # → accounts.scored.xlsx
//! kam-score score accounts.csv --model rfm -o out.xlsx
//! kam-score score list.xlsx --sheet 客户 --model my-model.json -o -   # CSV on stdout
//! kam-score presets
//! ```
//!
//! Exit codes (for scripts): 0 every row read and scored; 1 the output was written but some
//! cells could not be read (each listed on stderr; those rows are scored without them when
//! coverage allows); 2 usage error (arguments, an unknown preset, a model file that cannot be
//! read or does not validate, an output that is neither .csv nor .xlsx or that is the input by
//! file identity); 3 the input cannot be read (missing, not a regular file, neither CSV nor
//! XLSX, over the size limit by its metadata, no such sheet); 4 the output cannot be written.
//!
//! Every message is in the language of `--lang` (default zh), from the `cli.*` texts; clap's
//! own usage errors stay English.
//!
//! Built only with `cargo build --release --features cli`.

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use kam_score::model::presets::{preset, preset_names};
use kam_score::model::{CompiledModel, Model, ModelError};
use kam_score::report::{computed_table, is_blank, ReportOptions};
use kam_score::row::{AccountRow, Cell, CellError};
use kam_score::sheets::{
    account_rows, export_csv, export_xlsx, read_table, ColumnOverrides, Computed, ExportOptions,
    Limits, ReadOptions, SheetChoice, SheetError,
};
use kam_score::texts::{fill, text};
use std::borrow::Cow;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Exit codes a script can test.
mod exit {
    pub const OK: u8 = 0;
    pub const CELL_ERRORS: u8 = 1;
    pub const USAGE: u8 = 2;
    pub const INPUT: u8 = 3;
    pub const OUTPUT: u8 = 4;
}

#[derive(Parser)]
#[command(
    name = "kam-score",
    version,
    about = "Scores a B2B account list (CSV or XLSX) and writes it back with the computed columns"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of every message, and of the computed columns' headers and texts.
    #[arg(long, value_enum, default_value_t = Lang::Zh, global = true)]
    lang: Lang,
}

#[derive(Subcommand)]
enum Command {
    /// Scores every row of INPUT and writes the list with the computed columns added.
    Score(ScoreArgs),
    /// Lists the preset models.
    Presets,
}

#[derive(Args)]
struct ScoreArgs {
    /// The account list: .csv (UTF-8, UTF-16 or GBK) or .xlsx.
    input: PathBuf,
    /// A preset name (key_account, attractiveness, value_pyramid, bank, rfm) or a model
    /// document (.json).
    #[arg(short, long, default_value = "key_account")]
    model: String,
    /// Where to write: a .xlsx or .csv path, or - for CSV on stdout. Default: INPUT with
    /// `.scored` before its extension.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// The workbook's sheet to read (default: the first).
    #[arg(long)]
    sheet: Option<String>,
    /// The header row as Excel numbers it (default: found among the first rows).
    #[arg(long, value_name = "ROW")]
    header_row: Option<usize>,
    /// The day recency is counted to, e.g. 2026-03-15 (default: today).
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    /// No progress bar and no summary; errors are still reported.
    #[arg(short, long)]
    quiet: bool,
    /// Write scores and gaps at full precision instead of one decimal, as shown.
    #[arg(long)]
    full_precision: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Lang {
    Zh,
    En,
}

impl Lang {
    fn core(self) -> kam_score::texts::Lang {
        match self {
            Lang::Zh => kam_score::texts::Lang::ZhCn,
            Lang::En => kam_score::texts::Lang::En,
        }
    }

    /// The `--lang` of the command line, read before clap parses it so that the help is in
    /// that language too.
    fn from_args() -> Lang {
        let args: Vec<String> = std::env::args().collect();
        let value = args.iter().enumerate().find_map(|(i, a)| {
            a.strip_prefix("--lang=")
                .map(str::to_string)
                .or_else(|| (a == "--lang").then(|| args.get(i + 1).cloned().unwrap_or_default()))
        });
        match value.as_deref() {
            Some("en") => Lang::En,
            _ => Lang::Zh,
        }
    }

    /// The text `cli.<key>` with its placeholders filled.
    fn say(self, key: &str, args: &[(&str, &str)]) -> String {
        fill(text(self.core(), &format!("cli.{key}")), args)
    }
}

/// An operating-system error in the user's language (English keeps the system's own text).
fn io_reason(lang: Lang, e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    if lang == Lang::En {
        return e.to_string();
    }
    let key = match e.kind() {
        K::NotFound => "io.not_found",
        K::PermissionDenied => "io.permission_denied",
        K::IsADirectory => "io.is_a_directory",
        K::NotADirectory => "io.not_a_directory",
        K::InvalidData => "io.invalid_data",
        K::StorageFull => "io.storage_full",
        K::ReadOnlyFilesystem => "io.read_only",
        K::AlreadyExists => "io.already_exists",
        _ => "io.other",
    };
    let code = e
        .raw_os_error()
        .map_or_else(|| "?".to_string(), |c| c.to_string());
    lang.say(key, &[("code", &code)])
}

/// Why a model cannot be used, in the user's language: every problem, one a line.
fn model_reason(lang: Lang, e: &ModelError) -> String {
    match e {
        ModelError::Invalid(problems) => {
            let list: String = problems
                .iter()
                .map(|p| format!("\n  - {}", p.message(lang.core())))
                .collect();
            lang.say(
                "model_problems",
                &[("count", &problems.len().to_string()), ("list", &list)],
            )
        }
        ModelError::UnknownPreset(name, names) => {
            lang.say("model_not_found", &[("model", name), ("presets", names)])
        }
    }
}

/// A failure with the exit code it maps to.
struct Failure {
    code: u8,
    message: String,
}

impl Failure {
    fn new(code: u8, message: impl Into<String>) -> Failure {
        Failure {
            code,
            message: message.into(),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Xlsx,
}

enum Output {
    File(PathBuf, Format),
    Stdout,
}

fn main() -> ExitCode {
    let lang = Lang::from_args();
    let help = lang.say("exit_codes", &[]);
    let command = Cli::command()
        .about(lang.say("about", &[]))
        .after_help(help.clone())
        .mut_subcommand("score", |c| {
            c.about(lang.say("about_score", &[]))
                .after_help(help.clone())
        })
        .mut_subcommand("presets", |c| c.about(lang.say("about_presets", &[])));
    let cli = match Cli::from_arg_matches(&command.get_matches()) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let lang = cli.lang;
    let result = match cli.command {
        Command::Presets => presets(lang),
        Command::Score(args) => score(&args, lang),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(f) => {
            eprintln!("{}", lang.say("error", &[("message", &f.message)]));
            ExitCode::from(f.code)
        }
    }
}

fn presets(lang: Lang) -> Result<u8, Failure> {
    let mut out = std::io::stdout().lock();
    for name in preset_names() {
        let title = preset(name)
            .ok()
            .map(|m| title_of(m, lang).to_string())
            .unwrap_or_default();
        writeln!(out, "{name}\t{title}").map_err(|e| {
            Failure::new(
                exit::OUTPUT,
                lang.say("cannot_write_stdout", &[("reason", &io_reason(lang, &e))]),
            )
        })?;
    }
    Ok(exit::OK)
}

/// The model's title in the language, or its name when it has none.
fn title_of(model: &CompiledModel, lang: Lang) -> &str {
    let title = &model.model.title;
    let t = lang.core().pick_text(&title.zh, &title.en);
    if t.trim().is_empty() {
        &model.model.name
    } else {
        t
    }
}

/// Today as days since 1970-01-01 (UTC).
fn today() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| (d.as_secs() / 86_400) as i64)
}

fn load_model(arg: &str, lang: Lang) -> Result<Cow<'static, CompiledModel>, Failure> {
    if preset_names().contains(&arg) {
        return preset(arg)
            .map(Cow::Borrowed)
            .map_err(|e| Failure::new(exit::USAGE, model_reason(lang, &e)));
    }
    let path = Path::new(arg);
    let looks_like_file = path.exists()
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if !looks_like_file {
        return Err(Failure::new(
            exit::USAGE,
            lang.say(
                "model_not_found",
                &[("model", arg), ("presets", &preset_names().join(", "))],
            ),
        ));
    }
    let text = std::fs::read_to_string(path).map_err(|e| {
        Failure::new(
            exit::USAGE,
            lang.say(
                "model_unreadable",
                &[("path", arg), ("reason", &io_reason(lang, &e))],
            ),
        )
    })?;
    Model::from_json(&text).map(Cow::Owned).map_err(|e| {
        Failure::new(
            exit::USAGE,
            lang.say(
                "model_invalid",
                &[("path", arg), ("reason", &model_reason(lang, &e))],
            ),
        )
    })
}

fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "csv" => Some(Format::Csv),
        "xlsx" => Some(Format::Xlsx),
        _ => None,
    }
}

/// Whether two paths name the same file: the same device and inode on unix (so a hard link
/// or a symbolic link to the input is the input), the same canonical path elsewhere.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
    }
}

fn output_of(args: &ScoreArgs, lang: Lang) -> Result<Output, Failure> {
    let path = match &args.output {
        Some(p) if p.as_os_str() == "-" => return Ok(Output::Stdout),
        Some(p) => p.clone(),
        None => {
            let ext = match format_of(&args.input) {
                Some(Format::Xlsx) => "xlsx",
                _ => "csv",
            };
            let stem = args
                .input
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "accounts".into());
            args.input.with_file_name(format!("{stem}.scored.{ext}"))
        }
    };
    let shown = path.display().to_string();
    let format = format_of(&path).ok_or_else(|| {
        Failure::new(
            exit::USAGE,
            lang.say("output_extension", &[("path", &shown)]),
        )
    })?;
    if same_file(&path, &args.input) {
        return Err(Failure::new(
            exit::USAGE,
            lang.say("output_is_input", &[("path", &shown)]),
        ));
    }
    Ok(Output::File(path, format))
}

/// The input's bytes: a regular file only (not a directory, a device such as `/dev/zero`, or
/// a pipe), its size checked against the limit before a byte is read.
fn read_input(path: &Path, limits: &Limits, lang: Lang) -> Result<Vec<u8>, Failure> {
    let shown = path.display().to_string();
    let unreadable = |e: std::io::Error| {
        Failure::new(
            exit::INPUT,
            lang.say(
                "input_unreadable",
                &[("path", &shown), ("reason", &io_reason(lang, &e))],
            ),
        )
    };
    let check = |meta: &std::fs::Metadata| -> Result<(), Failure> {
        if meta.is_dir() {
            return Err(Failure::new(
                exit::INPUT,
                lang.say("input_directory", &[("path", &shown)]),
            ));
        }
        if !meta.is_file() {
            return Err(Failure::new(
                exit::INPUT,
                lang.say("input_not_regular", &[("path", &shown)]),
            ));
        }
        let size = usize::try_from(meta.len()).unwrap_or(usize::MAX);
        if size > limits.max_bytes {
            let e = SheetError::TooLarge {
                size,
                limit: limits.max_bytes,
            };
            return Err(input_error(&shown, &e, lang));
        }
        Ok(())
    };
    // By the path's metadata first: opening a pipe would wait for a writer.
    check(&std::fs::metadata(path).map_err(unreadable)?)?;
    let file = std::fs::File::open(path).map_err(unreadable)?;
    // Again on the open file, which cannot be swapped any more.
    check(&file.metadata().map_err(unreadable)?)?;
    let mut bytes = Vec::new();
    file.take(limits.max_bytes as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() > limits.max_bytes {
        let e = SheetError::TooLarge {
            size: bytes.len(),
            limit: limits.max_bytes,
        };
        return Err(input_error(&shown, &e, lang));
    }
    Ok(bytes)
}

fn input_error(shown: &str, e: &SheetError, lang: Lang) -> Failure {
    Failure::new(
        exit::INPUT,
        lang.say(
            "input_error",
            &[("path", shown), ("reason", &e.message(lang.core()))],
        ),
    )
}

fn progress(rows: usize, quiet: bool, lang: Lang) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(rows as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(text(lang.core(), "cli.progress")) {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

fn score(args: &ScoreArgs, lang: Lang) -> Result<u8, Failure> {
    let model = load_model(&args.model, lang)?;
    let output = output_of(args, lang)?;
    let as_of = match &args.as_of {
        None => today(),
        Some(value) => kam_score::parse::parse_date(value)
            .map_err(|e| {
                Failure::new(
                    exit::USAGE,
                    lang.say(
                        "as_of_bad",
                        &[("value", value), ("reason", &e.message(lang.core()))],
                    ),
                )
            })?
            .ok_or_else(|| Failure::new(exit::USAGE, lang.say("as_of_empty", &[])))?,
    };
    let mut options = ReadOptions::default();
    if let Some(name) = &args.sheet {
        options.sheet = SheetChoice::Named(name.clone());
    }
    if let Some(row) = args.header_row {
        if row == 0 {
            return Err(Failure::new(exit::USAGE, lang.say("header_row_zero", &[])));
        }
        options.header_row = Some(row - 1);
    }

    let shown = args.input.display().to_string();
    let bytes = read_input(&args.input, &options.limits, lang)?;
    let table = read_table(&bytes, &options).map_err(|e| input_error(&shown, &e, lang))?;
    drop(bytes);
    let read =
        account_rows(&table, &ColumnOverrides::new()).map_err(|e| input_error(&shown, &e, lang))?;
    let mut rows: Vec<AccountRow> = read.rows;
    for row in &mut rows {
        row.derive_recency(as_of);
    }
    if !args.quiet {
        for w in &read.warnings {
            eprintln!(
                "{}",
                lang.say("warning", &[("message", &w.message(lang.core()))])
            );
        }
        let mapped = read.columns.iter().filter(|c| c.matched.is_some()).count();
        if mapped == 0 {
            eprintln!(
                "{}",
                lang.say("no_header", &[("row", &(table.header_row + 1).to_string())])
            );
        }
    }

    let report = ReportOptions {
        lang: lang.core(),
        full_precision: args.full_precision,
        as_of: Some(as_of),
    };
    let bar = progress(rows.len(), args.quiet, lang);
    let table_out = computed_table(&model, &rows, &report);
    bar.finish_and_clear();
    let mut errors: Vec<&CellError> = Vec::new();
    let (mut scored, mut unscored, mut blank) = (0usize, 0usize, 0usize);
    for (row, cells) in rows.iter().zip(&table_out.rows) {
        if is_blank(row) {
            blank += 1;
        } else if matches!(cells.first(), Some(Cell::Number(_))) {
            scored += 1;
        } else {
            unscored += 1;
        }
        errors.extend(row.errors.iter());
    }
    let cells = Computed {
        headers: &table_out.headers,
        rows: &table_out.rows,
    };
    let export = ExportOptions::default();
    let (bytes, format) = match &output {
        Output::Stdout => (export_csv(&table, cells, &export), Format::Csv),
        Output::File(_, Format::Csv) => (export_csv(&table, cells, &export), Format::Csv),
        Output::File(_, Format::Xlsx) => (export_xlsx(&table, cells, &export), Format::Xlsx),
    };
    let bytes = bytes.map_err(|e| Failure::new(exit::OUTPUT, e.message(lang.core())))?;
    let written = match &output {
        Output::Stdout => {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)
                .and_then(|_| out.flush())
                .map_err(|e| {
                    Failure::new(
                        exit::OUTPUT,
                        lang.say("cannot_write_stdout", &[("reason", &io_reason(lang, &e))]),
                    )
                })?;
            lang.say("stdout", &[])
        }
        Output::File(path, _) => {
            let shown = path.display().to_string();
            std::fs::write(path, &bytes).map_err(|e| {
                Failure::new(
                    exit::OUTPUT,
                    lang.say(
                        "cannot_write",
                        &[("path", &shown), ("reason", &io_reason(lang, &e))],
                    ),
                )
            })?;
            shown
        }
    };

    for e in &errors {
        eprintln!("{}", e.message(lang.core()));
    }
    let bad_rows = rows.iter().filter(|r| !r.errors.is_empty()).count();
    if !args.quiet {
        let kind = if format == Format::Xlsx {
            "XLSX"
        } else {
            "CSV"
        };
        eprintln!(
            "{}",
            lang.say(
                "summary",
                &[
                    ("rows", &rows.len().to_string()),
                    ("model", title_of(&model, lang)),
                    ("scored", &scored.to_string()),
                    ("unscored", &unscored.to_string()),
                    ("bad", &bad_rows.to_string()),
                    ("blank", &blank.to_string()),
                    ("written", &written),
                    ("kind", kind),
                ],
            )
        );
    }
    // 0 only when every row was read and scored (MODEL §2's rule scores a row without its
    // unreadable cell, but the user must still look at it).
    Ok(if errors.is_empty() && unscored == 0 {
        exit::OK
    } else {
        exit::CELL_ERRORS
    })
}
