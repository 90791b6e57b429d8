//! The computed columns a scored list carries back to Excel: one builder for the page's
//! export, the command-line tool and the spreadsheet function `SCORE_TABLE`, so the same
//! list gives the same cells everywhere (MODEL §2: an unreadable cell leaves its factor out,
//! the row is still scored when coverage allows, and the cell is listed as a problem).

use crate::grades::abc::AbcClass;
use crate::model::CompiledModel;
use crate::row::{AccountRow, Cell, CellError, CellNote};
use crate::score::batch::ListRanks;
use crate::score::{score_row_ranked, NoRanks, Ranks, ScoreCard};
use crate::strategy::list::ListContext;
use crate::strategy::suggest::{SuggestOptions, Suggestion};
use crate::texts::{fill, in_one_language, text, Lang};

/// One computed column, in the order they are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Score,
    Tier,
    NextTier,
    Gap,
    Move,
    Coverage,
    Problems,
    ProblemCodes,
    /// ABC by annual purchase within the list (MODEL §3.2).
    Abc,
    /// The attractiveness letter A/B/C, given or estimated (§3.5, §4.8).
    Letter,
    MatrixCell,
    /// Whether the matrix cell stands on given judgements or on estimates (§4.8).
    CellSource,
    /// The lifecycle stage (§4.9).
    Lifecycle,
    TopAction,
}

impl Column {
    pub const ALL: [Column; 14] = [
        Column::Score,
        Column::Tier,
        Column::NextTier,
        Column::Gap,
        Column::Move,
        Column::Coverage,
        Column::Problems,
        Column::ProblemCodes,
        Column::Abc,
        Column::Letter,
        Column::MatrixCell,
        Column::CellSource,
        Column::Lifecycle,
        Column::TopAction,
    ];

    /// The stable code (`column.<code>` names the header in the texts).
    pub fn code(self) -> &'static str {
        match self {
            Column::Score => "score",
            Column::Tier => "tier",
            Column::NextTier => "next_tier",
            Column::Gap => "gap",
            Column::Move => "move",
            Column::Coverage => "coverage",
            Column::Problems => "problems",
            Column::ProblemCodes => "problem_codes",
            Column::Abc => "abc",
            Column::Letter => "letter",
            Column::CellSource => "cell_source",
            Column::Lifecycle => "lifecycle",
            Column::MatrixCell => "matrix_cell",
            Column::TopAction => "top_action",
        }
    }

    /// The header in one language.
    pub fn header(self, lang: Lang) -> String {
        text(lang, &format!("column.{}", self.code())).to_string()
    }
}

/// How the computed cells are written.
#[derive(Debug, Clone, Default)]
pub struct ReportOptions {
    pub lang: Lang,
    /// Scores and gaps at full precision instead of one decimal, as shown.
    pub full_precision: bool,
    /// The day recency is counted from (days since 1970-01-01).
    pub as_of: Option<i64>,
}

/// The computed columns of a list: headers and one row of cells per account row.
#[derive(Debug, Clone, PartialEq)]
pub struct ComputedTable {
    pub columns: Vec<Column>,
    pub headers: Vec<String>,
    /// One per input row, in order (rows in = rows out); a blank row gets empty cells.
    pub rows: Vec<Vec<Cell>>,
}

/// What the builder found about one row.
pub struct RowReport {
    pub card: ScoreCard,
    pub suggestion: Option<Suggestion>,
    /// The row's ABC class by annual purchase within the list.
    pub abc: Option<AbcClass>,
}

/// What the rows of one list share while each is reported: the ranks when the model needs
/// them, and the list's percentiles, ABC classes and columns for the strategy (MODEL §4.8).
struct ListReporter<'a> {
    model: &'a CompiledModel,
    rows: &'a [AccountRow],
    ranks: Box<dyn Ranks + 'a>,
    list: ListContext,
    options: &'a ReportOptions,
}

impl<'a> ListReporter<'a> {
    fn new(
        model: &'a CompiledModel,
        rows: &'a [AccountRow],
        options: &'a ReportOptions,
        list: ListContext,
    ) -> Self {
        let ranks: Box<dyn Ranks> = if model.needs_list() {
            Box::new(ListRanks::for_model(model, rows))
        } else {
            Box::new(NoRanks)
        };
        ListReporter {
            model,
            rows,
            ranks,
            list,
            options,
        }
    }

    /// Row `i`'s score card and suggestion; `None` for a blank row.
    fn row(&self, i: usize) -> Option<RowReport> {
        let row = self.rows.get(i)?;
        if is_blank(row) {
            return None;
        }
        let card = score_row_ranked(self.model, row, self.ranks.as_ref());
        let suggest = SuggestOptions {
            as_of: self.options.as_of,
            tier: card.tier.as_ref().map(|t| t.code.clone()),
            tiers: self.model.model.tiers,
            ..SuggestOptions::default()
        };
        let suggestion = self.list.suggest(self.rows, i, &suggest).ok().flatten();
        Some(RowReport {
            card,
            suggestion,
            abc: self.list.abc.get(i).copied().flatten(),
        })
    }
}

/// Scores and suggests every row, with ranks from the list when the model needs them.
pub fn report_rows(
    model: &CompiledModel,
    rows: &[AccountRow],
    options: &ReportOptions,
) -> Vec<Option<RowReport>> {
    report_rows_in_list(model, rows, options, ListContext::from_rows(rows))
}

/// As [`report_rows`], with the list's context given: a part of a list (one partition of a
/// distributed table) reported against the whole list's distributions, ABC classes and
/// profile, so that every part gives the rows the suggestions of the whole list.
pub fn report_rows_in_list(
    model: &CompiledModel,
    rows: &[AccountRow],
    options: &ReportOptions,
    list: ListContext,
) -> Vec<Option<RowReport>> {
    let reporter = ListReporter::new(model, rows, options, list);
    (0..rows.len()).map(|i| reporter.row(i)).collect()
}

/// A row with no value and no unreadable cell: a blank line inside the list.
pub fn is_blank(row: &AccountRow) -> bool {
    row.values().next().is_none() && row.errors.is_empty()
}

/// The computed columns of every row.
pub fn computed_table(
    model: &CompiledModel,
    rows: &[AccountRow],
    options: &ReportOptions,
) -> ComputedTable {
    let columns = Column::ALL.to_vec();
    let reporter = ListReporter::new(model, rows, options, ListContext::from_rows(rows));
    // Row by row, each report dropped once its cells are made: the memory of one row is
    // reused by the next instead of a whole list of cards being held and then freed.
    // Only the language of the cells is rendered.
    let cells = in_one_language(options.lang, || {
        (0..rows.len())
            .map(|i| match reporter.row(i) {
                None => vec![Cell::Empty; columns.len()],
                Some(r) => columns.iter().map(|c| cell(*c, &r, options)).collect(),
            })
            .collect()
    });
    ComputedTable {
        headers: columns.iter().map(|c| c.header(options.lang)).collect(),
        columns,
        rows: cells,
    }
}

fn text_cell(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_string())
    }
}

fn shown(v: f64, options: &ReportOptions) -> f64 {
    if options.full_precision {
        v
    } else {
        libm::round(v * 10.0) / 10.0
    }
}

fn cell(column: Column, r: &RowReport, options: &ReportOptions) -> Cell {
    let lang = options.lang;
    let card = &r.card;
    let next = card.next_tier.as_ref();
    match column {
        Column::Score => card
            .score
            .map_or(Cell::Empty, |s| Cell::Number(shown(s, options))),
        Column::Tier => card
            .tier
            .as_ref()
            .map_or(Cell::Empty, |t| text_cell(t.in_lang(lang))),
        Column::NextTier => next.map_or(Cell::Empty, |n| text_cell(n.tier.in_lang(lang))),
        Column::Gap => next.map_or(Cell::Empty, |n| Cell::Number(shown(n.gap, options))),
        Column::Move => next
            .and_then(|n| n.moves.first())
            .map_or(Cell::Empty, |m| text_cell(m.text.in_lang(lang))),
        Column::Coverage => Cell::Number(libm::round(card.coverage * 1000.0) / 1000.0),
        Column::Problems => text_cell(&problems_text(card, lang)),
        Column::ProblemCodes => text_cell(&problem_codes(card).join(",")),
        Column::Abc => r.abc.map_or(Cell::Empty, |c| text_cell(c.code())),
        Column::Letter => r
            .suggestion
            .as_ref()
            .and_then(|s| s.attractiveness.as_ref())
            .map_or(Cell::Empty, |a| text_cell(a.letter.code())),
        Column::CellSource => match &r.suggestion {
            Some(s) if s.cell.is_some() => {
                let code = if s.cell_estimated {
                    "estimated"
                } else {
                    "given"
                };
                text_cell(text(lang, &format!("cell_source.{code}")))
            }
            _ => Cell::Empty,
        },
        Column::Lifecycle => r
            .suggestion
            .as_ref()
            .and_then(|s| s.lifecycle.as_ref())
            .map_or(Cell::Empty, |l| {
                text_cell(lang.pick_text(&l.label.zh, &l.label.en))
            }),
        Column::MatrixCell => r
            .suggestion
            .as_ref()
            .and_then(|s| s.cell.as_deref())
            .map_or(Cell::Empty, text_cell),
        Column::TopAction => r
            .suggestion
            .as_ref()
            .and_then(|s| s.actions.first())
            .map_or(Cell::Empty, |a| {
                text_cell(lang.pick_text(&a.label.zh, &a.label.en))
            }),
    }
}

/// One problem: an unreadable cell, in the user's language.
pub fn error_text(e: &CellError, lang: Lang) -> String {
    fill(
        text(lang, "problem.cell"),
        &[
            ("column", &e.column),
            ("text", &e.text),
            ("reason", lang.pick_text(&e.zh, &e.en)),
        ],
    )
}

/// One note: a value read with a mark the user must see.
pub fn note_text(n: &CellNote, lang: Lang) -> String {
    let sep = if lang == Lang::ZhCn { "、" } else { ", " };
    let mut marks: Vec<String> = n
        .marks
        .names()
        .into_iter()
        .filter(|m| matches!(*m, "approximate" | "range"))
        .map(|m| text(lang, &format!("mark.{m}")).to_string())
        .collect();
    if n.foreign_currency {
        marks.push(text(lang, "mark.foreign_currency").to_string());
    }
    fill(
        text(lang, "problem.note"),
        &[
            ("column", &n.column),
            ("text", &n.text),
            ("marks", &marks.join(sep)),
        ],
    )
}

/// Everything a person should know about the row's reading and score, in one cell.
pub fn problems_text(card: &ScoreCard, lang: Lang) -> String {
    let mut parts: Vec<String> = card.errors.iter().map(|e| error_text(e, lang)).collect();
    parts.extend(card.notes.iter().map(|n| note_text(n, lang)));
    if let Some(reason) = &card.reason {
        parts.push(reason.in_lang(lang).to_string());
    }
    parts.join(if lang == Lang::ZhCn { "；" } else { "; " })
}

/// The stable codes of the row's problems and marks, in order.
pub fn problem_codes(card: &ScoreCard) -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = card.errors.iter().map(|e| e.code).collect();
    for n in &card.notes {
        codes.extend(
            n.marks
                .names()
                .into_iter()
                .filter(|m| matches!(*m, "approximate" | "range")),
        );
        if n.foreign_currency {
            codes.push("foreign_currency");
        }
    }
    if card.reason.is_some() {
        codes.push(if card.score.is_none() && card.coverage > 0.0 {
            "low_coverage"
        } else {
            "no_inputs"
        });
    }
    codes.dedup();
    codes
}
