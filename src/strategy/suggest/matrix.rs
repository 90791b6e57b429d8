//! §4.1 the matrix cell and its strategy, with §4.8's estimates when the row has no
//! attractiveness rating or no relationship status. A given value always wins; an unreadable
//! one is warned about and the estimate stands in.

use super::{with_value, Collector, RowContext, SuggestOptions};
use crate::grades::attractiveness::letter_from_cell;
use crate::row::AccountRow;
use crate::strategy::estimate::attractiveness::{from_ratings, given_letter};
use crate::strategy::estimate::behaviour::Behaviour;
use crate::strategy::estimate::{
    estimate_attractiveness, estimate_status, AttractivenessEstimate, StatusEstimate,
};
use crate::strategy::item::{label_per_lang, ItemKind};
use crate::strategy::matrix::{strategy_for, MatrixCell, MatrixStrategy};
use crate::texts::{Label, Lang};

/// Where the account stands in the matrix.
pub(super) struct Placed {
    pub attractiveness: Option<AttractivenessEstimate>,
    pub status: Option<StatusEstimate>,
    pub matrix: Option<MatrixStrategy>,
}

fn attractiveness(
    row: &AccountRow,
    options: &SuggestOptions,
    ctx: &RowContext<'_>,
    out: &mut Collector,
) -> Option<AttractivenessEstimate> {
    let cuts = &options.letter_cuts;
    let given = row.text("attractiveness");
    let from_column = given.and_then(|text| {
        let letter = letter_from_cell(text, cuts);
        if letter.is_none() {
            out.warn(
                ItemKind::Data,
                with_value("matrix", "bad_attractiveness", text),
            );
        }
        let score = crate::parse::parse_number(text)
            .ok()
            .flatten()
            .map(|n| n.value)
            .filter(|v| (0.0..=100.0).contains(v));
        letter.map(|l| given_letter(l, score))
    });
    let found = from_column
        .or_else(|| from_ratings(row, cuts, out.lang))
        .or_else(|| estimate_attractiveness(row, ctx.list, &options.estimate, cuts, out.lang));
    if found.is_none() && given.is_none() {
        out.warn(ItemKind::Data, Label::new("matrix", "no_attractiveness"));
    }
    found
}

fn status(
    row: &AccountRow,
    behaviour: &Behaviour,
    options: &SuggestOptions,
    out: &mut Collector,
) -> Option<StatusEstimate> {
    let given = row.text("relationship_status");
    let from_column = given.and_then(|text| match options.matrix.parse_status(text) {
        Some(s) => Some(StatusEstimate::given(s, text, out.lang)),
        None => {
            out.warn(ItemKind::Data, with_value("matrix", "bad_status", text));
            None
        }
    });
    let found = from_column
        .or_else(|| estimate_status(behaviour, &options.estimate, &options.churn, out.lang));
    if found.is_none() && given.is_none() {
        out.warn(ItemKind::Data, Label::new("matrix", "no_status"));
    }
    found
}

/// The letter and the status, given or estimated, and the cell's strategy.
pub(super) fn place(
    row: &AccountRow,
    behaviour: &Behaviour,
    options: &SuggestOptions,
    ctx: &RowContext<'_>,
    out: &mut Collector,
) -> Placed {
    let attractiveness = attractiveness(row, options, ctx, out);
    let status = status(row, behaviour, options, out);
    let matrix = match (&attractiveness, &status) {
        (Some(a), Some(s)) => Some(strategy_for(
            MatrixCell::new(a.letter, s.status),
            &options.matrix,
        )),
        _ => None,
    };
    Placed {
        attractiveness,
        status,
        matrix,
    }
}

/// "Attractiveness estimated from … (score 62)" for the matrix action's details.
fn attractiveness_note(a: &AttractivenessEstimate) -> Label {
    let score = a.score.map_or(String::new(), crate::row::format_number);
    label_per_lang("matrix", "attractiveness_estimated", |lang| {
        let sep = match lang {
            Lang::ZhCn => "、",
            Lang::En => ", ",
        };
        let mut fields: Vec<String> = Vec::new();
        for b in &a.basis {
            let name = crate::strategy::estimate::field_name(lang, b.field);
            if !fields.contains(&name) {
                fields.push(name);
            }
        }
        vec![("fields", fields.join(sep)), ("score", score.clone())]
    })
}

/// "Status estimated from behaviour: …" with its evidence.
fn status_note(s: &StatusEstimate) -> Label {
    label_per_lang("matrix", "status_estimated", |lang| {
        let sep = match lang {
            Lang::ZhCn => "；",
            Lang::En => "; ",
        };
        let evidence: Vec<&str> = s
            .evidence
            .iter()
            .map(|e| match lang {
                Lang::ZhCn => e.zh.as_str(),
                Lang::En => e.en.as_str(),
            })
            .collect();
        let status = match lang {
            Lang::ZhCn => s.label.zh.clone(),
            Lang::En => s.label.en.to_lowercase(),
        };
        vec![("status", status), ("evidence", evidence.join(sep))]
    })
}

/// The matrix strategy as an action, or the data to record to get one.
pub(super) fn items(placed: &Placed, out: &mut Collector) {
    match &placed.matrix {
        Some(m) => {
            let mut details = Vec::new();
            if let Some(move_label) = m.move_label() {
                details.push(out.text(move_label));
            }
            if m.is_default {
                details.push(out.text(Label::new("matrix", "default_note")));
            }
            if let Some(a) = placed.attractiveness.as_ref().filter(|a| a.estimated) {
                details.push(out.text(attractiveness_note(a)));
            }
            if let Some(s) = placed.status.as_ref().filter(|s| s.estimated) {
                details.push(out.text(status_note(s)));
            }
            let item = out
                .item(ItemKind::Matrix, m.strategy.clone())
                .with_details(details);
            out.actions.push(item);
        }
        None => {
            if placed.attractiveness.is_none() {
                out.act(
                    ItemKind::Data,
                    Label::new("matrix", "record_attractiveness"),
                );
            }
            if placed.status.is_none() {
                out.act(ItemKind::Data, Label::new("matrix", "record_status"));
            }
        }
    }
}
