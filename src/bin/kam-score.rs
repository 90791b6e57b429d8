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
//! cells could not be read (each listed on stderr; those rows get no score); 2 usage error
//! (arguments, an unknown preset, a model file that cannot be read or does not validate, an
//! output that is neither .csv nor .xlsx or would overwrite the input); 3 the input cannot be
//! read (missing, neither CSV nor XLSX, too large, no such sheet); 4 the output cannot be
//! written.
//!
//! Built only with `cargo build --release --features cli`.

use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use kam_score::model::presets::{preset, preset_names};
use kam_score::model::{CompiledModel, Model};
use kam_score::report::{computed_table, is_blank, ReportOptions};
use kam_score::row::{AccountRow, Cell, CellError};
use kam_score::sheets::{
    account_rows, export_csv, export_xlsx, read_table, ColumnOverrides, Computed, ExportOptions,
    ReadOptions, SheetChoice,
};
use kam_score::texts::{fill, text};
use std::borrow::Cow;
use std::io::{IsTerminal, Write};
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

const AFTER_HELP: &str = "\
Exit codes:
  0  every row was read and scored
  1  the output was written, but some cells could not be read (listed on stderr; those rows
     have no score and the 问题/Problems column names the cells)
  2  usage error: arguments, an unknown preset, a model file that cannot be read or does not
     validate, an output that is neither .csv nor .xlsx or that would overwrite the input
  3  the input cannot be read: missing, neither CSV nor XLSX, too large, no such sheet
  4  the output cannot be written";

#[derive(Parser)]
#[command(
    name = "kam-score",
    version,
    about = "Scores a B2B account list (CSV or XLSX) and writes it back with the computed columns",
    after_help = AFTER_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Scores every row of INPUT and writes the list with the computed columns added.
    #[command(after_help = AFTER_HELP)]
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
    /// The language of the computed columns' headers and texts.
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    lang: Lang,
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
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Presets => presets(),
        Command::Score(args) => score(&args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(f) => {
            eprintln!("kam-score: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}

fn presets() -> Result<u8, Failure> {
    let mut out = std::io::stdout().lock();
    for name in preset_names() {
        let title = preset(name)
            .ok()
            .map(|m| format!("{} / {}", m.model.title.zh, m.model.title.en))
            .unwrap_or_default();
        writeln!(out, "{name}\t{title}")
            .map_err(|e| Failure::new(exit::OUTPUT, format!("cannot write: {e}")))?;
    }
    Ok(exit::OK)
}

/// Today as days since 1970-01-01 (UTC).
fn today() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| (d.as_secs() / 86_400) as i64)
}

fn load_model(arg: &str) -> Result<Cow<'static, CompiledModel>, Failure> {
    if preset_names().contains(&arg) {
        return preset(arg)
            .map(Cow::Borrowed)
            .map_err(|e| Failure::new(exit::USAGE, e.to_string()));
    }
    let path = Path::new(arg);
    let looks_like_file = path.exists()
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if !looks_like_file {
        return Err(Failure::new(
            exit::USAGE,
            format!(
                "--model {arg:?} is neither a preset ({}) nor a model file",
                preset_names().join(", ")
            ),
        ));
    }
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::new(exit::USAGE, format!("cannot read the model {arg}: {e}")))?;
    Model::from_json(&text)
        .map(Cow::Owned)
        .map_err(|e| Failure::new(exit::USAGE, format!("the model {arg}: {e}")))
}

fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "csv" => Some(Format::Csv),
        "xlsx" => Some(Format::Xlsx),
        _ => None,
    }
}

fn output_of(args: &ScoreArgs) -> Result<Output, Failure> {
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
    let format = format_of(&path).ok_or_else(|| {
        Failure::new(
            exit::USAGE,
            format!(
                "the output {} must end in .xlsx or .csv (or be - for CSV on stdout)",
                path.display()
            ),
        )
    })?;
    let same = match (
        std::fs::canonicalize(&path),
        std::fs::canonicalize(&args.input),
    ) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        return Err(Failure::new(
            exit::USAGE,
            format!(
                "the output {} would overwrite the input: give another -o",
                path.display()
            ),
        ));
    }
    Ok(Output::File(path, format))
}

fn progress(rows: usize, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(rows as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} scoring {bar:40} {human_pos}/{human_len} rows  {per_sec}  {eta} left",
    ) {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

fn score(args: &ScoreArgs) -> Result<u8, Failure> {
    let model = load_model(&args.model)?;
    let output = output_of(args)?;
    let as_of = match &args.as_of {
        None => today(),
        Some(text) => kam_score::parse::parse_date(text)
            .map_err(|e| Failure::new(exit::USAGE, format!("--as-of {text:?}: {e}")))?
            .ok_or_else(|| Failure::new(exit::USAGE, "--as-of is empty"))?,
    };
    let mut options = ReadOptions::default();
    if let Some(name) = &args.sheet {
        options.sheet = SheetChoice::Named(name.clone());
    }
    if let Some(row) = args.header_row {
        if row == 0 {
            return Err(Failure::new(
                exit::USAGE,
                "--header-row counts from 1, as Excel does",
            ));
        }
        options.header_row = Some(row - 1);
    }

    let bytes = std::fs::read(&args.input).map_err(|e| {
        Failure::new(
            exit::INPUT,
            format!("cannot read {}: {e}", args.input.display()),
        )
    })?;
    let table = read_table(&bytes, &options)
        .map_err(|e| Failure::new(exit::INPUT, format!("{}: {e}", args.input.display())))?;
    drop(bytes);
    let read = account_rows(&table, &ColumnOverrides::new())
        .map_err(|e| Failure::new(exit::INPUT, format!("{}: {e}", args.input.display())))?;
    let mut rows: Vec<AccountRow> = read.rows;
    for row in &mut rows {
        row.derive_recency(as_of);
    }
    if !args.quiet {
        for w in &read.warnings {
            eprintln!("warning: {w}");
        }
        let mapped = read.columns.iter().filter(|c| c.matched.is_some()).count();
        if mapped == 0 {
            eprintln!(
                "{}",
                fill(
                    text(args.lang.core(), "cli.no_header"),
                    &[("row", &(table.header_row + 1).to_string())]
                )
            );
        }
    }

    let report = ReportOptions {
        lang: args.lang.core(),
        full_precision: args.full_precision,
        as_of: Some(as_of),
    };
    let bar = progress(rows.len(), args.quiet);
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
    let bytes = bytes.map_err(|e| Failure::new(exit::OUTPUT, e.to_string()))?;
    let written = match &output {
        Output::Stdout => {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)
                .and_then(|_| out.flush())
                .map_err(|e| Failure::new(exit::OUTPUT, format!("cannot write to stdout: {e}")))?;
            "stdout".to_string()
        }
        Output::File(path, _) => {
            std::fs::write(path, &bytes).map_err(|e| {
                Failure::new(
                    exit::OUTPUT,
                    format!("cannot write {}: {e}", path.display()),
                )
            })?;
            path.display().to_string()
        }
    };

    for e in &errors {
        eprintln!("{}", e.message(args.lang.core()));
    }
    let bad_rows = rows.iter().filter(|r| !r.errors.is_empty()).count();
    if !args.quiet {
        let kind = if format == Format::Xlsx {
            "XLSX"
        } else {
            "CSV"
        };
        let lang = args.lang.core();
        eprintln!(
            "{}",
            fill(
                text(lang, "cli.summary"),
                &[
                    ("rows", &rows.len().to_string()),
                    ("model", &model.model.name),
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
