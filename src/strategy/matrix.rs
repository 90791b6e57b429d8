//! The attractiveness × relationship-status matrix (MODEL §4.1): for each of the 18 cells,
//! what to do and where to move the account.
//!
//! C5 and C6 are not in the source texts; the spec fills them with defaults, so they carry
//! `is_default` and, like every cell, can be replaced through [`MatrixOptions::overrides`].

use super::item::label_per_lang;
use super::StrategyError;
use crate::grades::attractiveness::{letter_from_cell, Letter, LetterCuts};
use crate::parse::normalize_width;
use crate::texts::Label;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The relationship status now, numbered as the spec fixes it: 1–4 from strongest to
/// weakest, 5–6 the two troubled states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationshipStatus {
    VeryStrong = 1,
    Good = 2,
    Developing = 3,
    Limited = 4,
    Defensive = 5,
    Declining = 6,
}

impl RelationshipStatus {
    pub const ALL: [RelationshipStatus; 6] = [
        RelationshipStatus::VeryStrong,
        RelationshipStatus::Good,
        RelationshipStatus::Developing,
        RelationshipStatus::Limited,
        RelationshipStatus::Defensive,
        RelationshipStatus::Declining,
    ];

    /// 1–6, the column of the matrix.
    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn code(self) -> &'static str {
        match self {
            RelationshipStatus::VeryStrong => "very_strong",
            RelationshipStatus::Good => "good",
            RelationshipStatus::Developing => "developing",
            RelationshipStatus::Limited => "limited",
            RelationshipStatus::Defensive => "defensive",
            RelationshipStatus::Declining => "declining",
        }
    }

    pub fn label(self) -> Label {
        Label::new("status", self.code())
    }

    pub fn from_number(n: f64) -> Option<RelationshipStatus> {
        RelationshipStatus::ALL
            .into_iter()
            .find(|s| f64::from(s.number()) == n)
    }

    /// Words people write for the status besides its number, code and label texts: the
    /// spec's table words, with and without their 目前/关系 frame.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            RelationshipStatus::VeryStrong => &[
                "目前关系非常牢固",
                "关系非常牢固",
                "非常牢固",
                "very strong",
            ],
            RelationshipStatus::Good => &["目前关系良好", "关系良好", "良好", "good"],
            RelationshipStatus::Developing => {
                &["发展中的关系", "关系发展中", "发展中", "developing"]
            }
            RelationshipStatus::Limited => &[
                "目前关系相当有限",
                "关系相当有限",
                "相当有限",
                "quite limited",
                "limited",
                "quite limited (no business yet)",
                "no business yet",
            ],
            RelationshipStatus::Defensive => &[
                "防守阶段的关系",
                "防守阶段",
                "防守",
                "defensive",
                "defensive (under threat)",
                "under threat",
            ],
            RelationshipStatus::Declining => &["倒退中的关系", "倒退中", "倒退", "declining"],
        }
    }

    /// The status in a cell: `1`–`6`, a code (`very_strong`), or the zh/en words of the
    /// spec's table (`目前关系非常牢固`, `Very strong`), in any width or case.
    pub fn parse(text: &str) -> Option<RelationshipStatus> {
        let t = normalize_width(text).trim().to_lowercase();
        if t.is_empty() {
            return None;
        }
        if let Ok(n) = t.parse::<f64>() {
            return RelationshipStatus::from_number(n);
        }
        let spaced = t.replace('_', " ");
        RelationshipStatus::ALL.into_iter().find(|s| {
            let label = s.label();
            t == s.code()
                || t == label.zh.to_lowercase()
                || t == label.en.to_lowercase()
                || s.aliases().iter().any(|a| *a == t || *a == spaced)
        })
    }
}

/// One cell of the matrix, such as B2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MatrixCell {
    pub letter: Letter,
    pub status: RelationshipStatus,
}

impl MatrixCell {
    pub fn new(letter: Letter, status: RelationshipStatus) -> MatrixCell {
        MatrixCell { letter, status }
    }

    /// All 18 cells, A1 … A6, B1 … B6, C1 … C6.
    pub fn all() -> Vec<MatrixCell> {
        Letter::ALL
            .into_iter()
            .flat_map(|l| {
                RelationshipStatus::ALL
                    .into_iter()
                    .map(move |s| MatrixCell::new(l, s))
            })
            .collect()
    }

    /// `A1` … `C6`.
    pub fn code(self) -> String {
        format!("{}{}", self.letter.code(), self.status.number())
    }

    /// `B2`, `b2`, `Ｂ２`.
    pub fn parse(text: &str) -> Option<MatrixCell> {
        let t = normalize_width(text).trim().to_uppercase();
        let mut chars = t.chars();
        let letter = Letter::parse(&chars.next()?.to_string())?;
        let rest: String = chars.collect();
        let status = RelationshipStatus::from_number(rest.parse::<f64>().ok()?)?;
        Some(MatrixCell::new(letter, status))
    }
}

/// The strategy codes of the matrix, each with its texts under `matrix.<code>`.
pub const STRATEGY_CODES: [&str; 16] = [
    "partner_top_management",
    "cross_sell_deepen",
    "proportionate_attention",
    "win_first_deal",
    "hold_key_people",
    "recover_and_hold",
    "differentiate_get_close",
    "deliver_differentiate_reach",
    "differentiate_reach",
    "watch_potential",
    "let_lapse",
    "build_overcome_prejudice",
    "judge_worth",
    "hardly_worth",
    "minimum_investment",
    "let_go_redeploy",
];

/// Strategy codes that mean "stop investing": the suggestion leaves out growth moves
/// (buying-centre gaps, next-level moves) for such cells.
pub const LET_GO_CODES: [&str; 2] = ["let_lapse", "let_go_redeploy"];

/// The spec's table: strategy code, targets, and whether the cell is a [D] default.
fn table_entry(cell: MatrixCell) -> (&'static str, &'static [&'static str], bool) {
    use Letter::{A, B, C};
    use RelationshipStatus::*;
    match (cell.letter, cell.status) {
        (A, VeryStrong) => ("partner_top_management", &[], false),
        (A, Good) => ("cross_sell_deepen", &["A1"], false),
        (A, Developing) => ("proportionate_attention", &[], false),
        (A, Limited) => ("win_first_deal", &["A3"], false),
        (A, Defensive) => ("hold_key_people", &[], false),
        (A, Declining) => ("recover_and_hold", &["A5"], false),
        (B, VeryStrong) => ("differentiate_get_close", &["A1"], false),
        (B, Good) => ("deliver_differentiate_reach", &["A2"], false),
        (B, Developing) => ("differentiate_reach", &["A3"], false),
        (B, Limited) => ("differentiate_reach", &["B3"], false),
        (B, Defensive) => ("watch_potential", &["B4"], false),
        (B, Declining) => ("let_lapse", &[], false),
        (C, VeryStrong) => ("build_overcome_prejudice", &["B2", "B1"], false),
        (C, Good) => ("build_overcome_prejudice", &["B2"], false),
        (C, Developing) => ("judge_worth", &["B2"], false),
        (C, Limited) => ("hardly_worth", &["B4"], false),
        (C, Defensive) => ("minimum_investment", &["C4"], true),
        (C, Declining) => ("let_go_redeploy", &[], true),
    }
}

/// A user's replacement for one cell. Any part left out keeps the table's value.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct CellOverride {
    /// One of [`STRATEGY_CODES`], or the user's own code when `zh`/`en` are given.
    pub strategy: Option<String>,
    /// The user's own strategy text; one language is enough (it stands in for the other).
    pub zh: Option<String>,
    pub en: Option<String>,
    /// Cells to move the account to, such as `["B2"]`; `[]` means stay.
    pub targets: Option<Vec<String>>,
}

/// Options of the matrix.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct MatrixOptions {
    /// Replacements keyed by cell (`"C5"`), applied in key order.
    pub overrides: BTreeMap<String, CellOverride>,
    /// [D] How the list numbers the relationship statuses: the six statuses (codes such as
    /// `developing`, or their words) in the order of the numbers 1–6 written in the
    /// `relationship_status` column. Default: the spec's numbering, 1 very strong … 4 quite
    /// limited, 5 defensive, 6 declining — itself an inference from the source's moves (MODEL
    /// §4.1), which is why it can be changed. Cell codes (`A1` … `C6`) always use the spec's
    /// numbering.
    pub status_order: Option<Vec<String>>,
}

impl MatrixOptions {
    /// The statuses in the list's numbering, when `status_order` is given and valid.
    fn numbering(&self) -> Option<Vec<RelationshipStatus>> {
        let order = self.status_order.as_ref()?;
        let parsed: Vec<RelationshipStatus> = order
            .iter()
            .filter(|t| t.trim().parse::<f64>().is_err())
            .filter_map(|t| RelationshipStatus::parse(t))
            .collect();
        let mut distinct = parsed.clone();
        distinct.sort_unstable();
        distinct.dedup();
        (order.len() == 6 && parsed.len() == 6 && distinct.len() == 6).then_some(parsed)
    }

    /// A status as written in the list: a number in the list's numbering (`status_order`),
    /// or a code or the words of a status.
    pub fn parse_status(&self, text: &str) -> Option<RelationshipStatus> {
        if let Some(order) = self.numbering() {
            let t = normalize_width(text).trim().to_string();
            if let Ok(n) = t.parse::<f64>() {
                let i = RelationshipStatus::from_number(n)?.number() as usize;
                return order.get(i - 1).copied();
            }
        }
        RelationshipStatus::parse(text)
    }

    /// Checks every override: known cell, known targets, a strategy that has texts; and a
    /// `status_order` that names each status once.
    pub fn validate(&self) -> Result<(), StrategyError> {
        if self.status_order.is_some() && self.numbering().is_none() {
            return Err(StrategyError::InvalidOption {
                name: "matrix.statusOrder",
                reason: "must name each of the six statuses once (very_strong, good, \
                         developing, limited, defensive, declining)"
                    .to_string(),
            });
        }
        for (cell_text, o) in &self.overrides {
            let cell = MatrixCell::parse(cell_text)
                .ok_or_else(|| StrategyError::UnknownCell(cell_text.clone()))?;
            if o.strategy.is_none() && o.zh.is_none() && o.en.is_none() && o.targets.is_none() {
                return Err(StrategyError::EmptyOverride { cell: cell.code() });
            }
            if let Some(code) = &o.strategy {
                let has_text = o.zh.is_some() || o.en.is_some();
                if !has_text && !STRATEGY_CODES.contains(&code.trim()) {
                    return Err(StrategyError::UnknownStrategy {
                        cell: cell.code(),
                        code: code.clone(),
                    });
                }
            }
            for target in o.targets.iter().flatten() {
                MatrixCell::parse(target)
                    .ok_or_else(|| StrategyError::UnknownCell(target.clone()))?;
            }
        }
        Ok(())
    }

    fn override_for(&self, cell: MatrixCell) -> Option<&CellOverride> {
        self.overrides
            .iter()
            .find(|(k, _)| MatrixCell::parse(k) == Some(cell))
            .map(|(_, o)| o)
    }
}

/// What the matrix says for one cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MatrixStrategy {
    /// `A1` … `C6`.
    pub cell: String,
    /// Cells to move the account to, in the table's order; empty = stay or no move given.
    pub targets: Vec<String>,
    pub strategy: Label,
    /// The cell holds the spec's [D] default (C5, C6), not a rule from the source texts.
    pub is_default: bool,
    /// The user replaced part of this cell through [`MatrixOptions::overrides`].
    pub overridden: bool,
}

impl MatrixStrategy {
    /// Whether the strategy is to stop investing in the account.
    pub fn is_let_go(&self) -> bool {
        LET_GO_CODES.contains(&self.strategy.code.as_str())
    }

    /// "Goal: move it to B2 or B1" (code `move_to`); `None` when there is no move.
    pub fn move_label(&self) -> Option<Label> {
        if self.targets.is_empty() {
            return None;
        }
        Some(label_per_lang("matrix", "move_to", |lang| {
            vec![(
                "targets",
                self.targets.join(crate::texts::text(lang, "matrix.or")),
            )]
        }))
    }
}

fn strategy_label(code: &str) -> Label {
    Label::new("matrix", code)
}

/// The strategy and move for one cell, with the user's overrides applied.
pub fn matrix_strategy(
    cell: MatrixCell,
    options: &MatrixOptions,
) -> Result<MatrixStrategy, StrategyError> {
    options.validate()?;
    Ok(strategy_for(cell, options))
}

/// As [`matrix_strategy`] for options already validated.
pub(crate) fn strategy_for(cell: MatrixCell, options: &MatrixOptions) -> MatrixStrategy {
    let (code, targets, is_default) = table_entry(cell);
    let mut result = MatrixStrategy {
        cell: cell.code(),
        targets: targets.iter().map(|t| t.to_string()).collect(),
        strategy: strategy_label(code),
        is_default,
        overridden: false,
    };
    if let Some(o) = options.override_for(cell) {
        result.overridden = true;
        result.is_default = false;
        if o.zh.is_some() || o.en.is_some() {
            let zh = o.zh.clone().or_else(|| o.en.clone()).unwrap_or_default();
            let en = o.en.clone().or_else(|| o.zh.clone()).unwrap_or_default();
            let code = o
                .strategy
                .as_deref()
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .unwrap_or("custom");
            result.strategy = Label {
                code: code.to_string(),
                zh,
                en,
            };
        } else if let Some(code) = &o.strategy {
            result.strategy = strategy_label(code.trim());
        }
        if let Some(targets) = &o.targets {
            result.targets = targets
                .iter()
                .filter_map(|t| MatrixCell::parse(t).map(MatrixCell::code))
                .collect();
        }
    }
    result
}

/// The matrix for a letter and a status as written in cells (`"B"` or `"55"`; `"2"` or
/// `"目前关系良好"`), the way the JavaScript `matrixStrategy(letter, status)` receives them.
pub fn matrix_strategy_from_text(
    letter: &str,
    status: &str,
    options: &MatrixOptions,
) -> Result<MatrixStrategy, StrategyError> {
    let letter = letter_from_cell(letter, &LetterCuts::default())
        .ok_or_else(|| StrategyError::UnknownLetter(letter.to_string()))?;
    options.validate()?;
    let status = options
        .parse_status(status)
        .ok_or_else(|| StrategyError::UnknownStatus(status.to_string()))?;
    matrix_strategy(MatrixCell::new(letter, status), options)
}

/// All 18 cells with overrides applied, A1 … C6: the whole table for a screen.
pub fn matrix_table(options: &MatrixOptions) -> Result<Vec<MatrixStrategy>, StrategyError> {
    options.validate()?;
    Ok(MatrixCell::all()
        .into_iter()
        .map(|c| strategy_for(c, options))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::texts::{has, Lang};

    /// The spec's table, written out again by hand: cell, strategy code, targets.
    const SPEC_TABLE: [(&str, &str, &[&str]); 18] = [
        ("A1", "partner_top_management", &[]),
        ("A2", "cross_sell_deepen", &["A1"]),
        ("A3", "proportionate_attention", &[]),
        ("A4", "win_first_deal", &["A3"]),
        ("A5", "hold_key_people", &[]),
        ("A6", "recover_and_hold", &["A5"]),
        ("B1", "differentiate_get_close", &["A1"]),
        ("B2", "deliver_differentiate_reach", &["A2"]),
        ("B3", "differentiate_reach", &["A3"]),
        ("B4", "differentiate_reach", &["B3"]),
        ("B5", "watch_potential", &["B4"]),
        ("B6", "let_lapse", &[]),
        ("C1", "build_overcome_prejudice", &["B2", "B1"]),
        ("C2", "build_overcome_prejudice", &["B2"]),
        ("C3", "judge_worth", &["B2"]),
        ("C4", "hardly_worth", &["B4"]),
        ("C5", "minimum_investment", &["C4"]),
        ("C6", "let_go_redeploy", &[]),
    ];

    fn opts() -> MatrixOptions {
        MatrixOptions::default()
    }

    #[test]
    fn every_cell_matches_the_spec_table() {
        let table = matrix_table(&opts()).unwrap();
        assert_eq!(table.len(), 18);
        for ((cell, code, targets), got) in SPEC_TABLE.iter().zip(&table) {
            assert_eq!(got.cell, *cell);
            assert_eq!(got.strategy.code, *code, "{cell}");
            assert_eq!(got.targets, targets.to_vec(), "{cell}");
            assert_eq!(got.is_default, *cell == "C5" || *cell == "C6", "{cell}");
            assert!(!got.overridden);
            for lang in Lang::ALL {
                assert!(has(lang, &format!("matrix.{code}")), "{code} in {lang:?}");
            }
        }
        // The same through the text entry point, one cell at a time.
        for (cell, code, targets) in SPEC_TABLE {
            let (l, s) = cell.split_at(1);
            let got = matrix_strategy_from_text(l, s, &opts()).unwrap();
            assert_eq!(
                (got.cell.as_str(), got.strategy.code.as_str()),
                (cell, code)
            );
            assert_eq!(got.targets, targets.to_vec());
        }
    }

    #[test]
    fn every_strategy_code_is_used_and_has_texts() {
        for code in STRATEGY_CODES {
            assert!(SPEC_TABLE.iter().any(|(_, c, _)| *c == code), "{code}");
        }
    }

    #[test]
    fn strategy_texts_are_in_their_language() {
        let s = matrix_strategy_from_text("A", "4", &opts()).unwrap();
        assert!(crate::strategy::lang_check::is_zh(&s.strategy.zh));
        assert!(crate::strategy::lang_check::is_en(&s.strategy.en));
        assert!(s.strategy.en.to_lowercase().contains("first"));
        assert!(s.strategy.zh.contains("第一单"));
    }

    #[test]
    fn status_from_numbers_codes_and_words() {
        use RelationshipStatus::*;
        let cases = [
            ("1", VeryStrong),
            ("６", Declining),
            ("目前关系非常牢固", VeryStrong),
            ("目前关系良好", Good),
            ("发展中的关系", Developing),
            ("目前关系相当有限", Limited),
            ("防守阶段的关系", Defensive),
            ("倒退中的关系", Declining),
            ("Very strong", VeryStrong),
            ("very_strong", VeryStrong),
            ("GOOD", Good),
            ("Quite limited (no business yet)", Limited),
            ("under threat", Defensive),
            (" declining ", Declining),
        ];
        for (text, want) in cases {
            assert_eq!(RelationshipStatus::parse(text), Some(want), "{text}");
        }
        for bad in ["0", "7", "2.5", "", "strong-ish"] {
            assert_eq!(RelationshipStatus::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn letter_from_score_and_errors() {
        let s = matrix_strategy_from_text("85", "目前关系良好", &opts()).unwrap();
        assert_eq!(s.cell, "A2");
        assert_eq!(
            matrix_strategy_from_text("D", "1", &opts()),
            Err(StrategyError::UnknownLetter("D".into()))
        );
        assert_eq!(
            matrix_strategy_from_text("A", "9", &opts()),
            Err(StrategyError::UnknownStatus("9".into()))
        );
    }

    #[test]
    fn overrides_replace_a_default_cell() {
        let mut o = opts();
        o.overrides.insert(
            "c5".into(),
            CellOverride {
                strategy: Some("watch_potential".into()),
                targets: Some(vec!["b4".into()]),
                ..Default::default()
            },
        );
        o.overrides.insert(
            "C6".into(),
            CellOverride {
                zh: Some("转给渠道商维护".into()),
                ..Default::default()
            },
        );
        let c5 = matrix_strategy_from_text("C", "5", &o).unwrap();
        assert_eq!(c5.strategy.code, "watch_potential");
        assert_eq!(c5.targets, vec!["B4"]);
        assert!(c5.overridden && !c5.is_default);
        let c6 = matrix_strategy_from_text("C", "6", &o).unwrap();
        assert_eq!(c6.strategy.code, "custom");
        assert_eq!(c6.strategy.zh, "转给渠道商维护");
        assert_eq!(c6.strategy.en, "转给渠道商维护", "one language stands in");
        assert!(c6.targets.is_empty(), "targets kept from the table");
        let c4 = matrix_strategy_from_text("C", "4", &o).unwrap();
        assert!(!c4.overridden, "other cells untouched");
    }

    #[test]
    fn bad_overrides_are_errors() {
        let one = |cell: &str, o: CellOverride| MatrixOptions {
            overrides: [(cell.to_string(), o)].into_iter().collect(),
            ..Default::default()
        };
        let bad_cell = one(
            "D1",
            CellOverride {
                targets: Some(vec![]),
                ..Default::default()
            },
        );
        assert_eq!(
            bad_cell.validate(),
            Err(StrategyError::UnknownCell("D1".into()))
        );
        let bad_code = one(
            "C5",
            CellOverride {
                strategy: Some("shout".into()),
                ..Default::default()
            },
        );
        assert!(matches!(
            bad_code.validate(),
            Err(StrategyError::UnknownStrategy { .. })
        ));
        let bad_target = one(
            "C5",
            CellOverride {
                targets: Some(vec!["C7".into()]),
                ..Default::default()
            },
        );
        assert_eq!(
            matrix_table(&bad_target),
            Err(StrategyError::UnknownCell("C7".into()))
        );
        let empty = one("C5", CellOverride::default());
        assert!(matches!(
            empty.validate(),
            Err(StrategyError::EmptyOverride { .. })
        ));
    }

    #[test]
    fn options_read_from_camel_case_json() {
        let o: MatrixOptions = serde_json::from_str(
            r#"{"overrides": {"C5": {"strategy": "hardly_worth", "targets": []}}}"#,
        )
        .unwrap();
        let c5 = matrix_strategy_from_text("C", "5", &o).unwrap();
        assert_eq!(c5.strategy.code, "hardly_worth");
        assert!(c5.targets.is_empty());
    }

    #[test]
    fn serialises_to_the_contract() {
        let s = matrix_strategy_from_text("C", "1", &opts()).unwrap();
        let v = serde_json::to_value(&s).unwrap();
        assert_eq!(v["cell"], "C1");
        assert_eq!(v["targets"], serde_json::json!(["B2", "B1"]));
        assert_eq!(v["strategy"]["code"], "build_overcome_prejudice");
        assert!(v["strategy"]["zh"].is_string() && v["strategy"]["en"].is_string());
        assert_eq!(v["isDefault"], false);
    }

    #[test]
    fn move_texts_join_targets_per_language() {
        let c1 = matrix_strategy_from_text("C", "1", &opts()).unwrap();
        let m = c1.move_label().unwrap();
        assert_eq!(m.code, "move_to");
        assert!(m.en.contains("B2 or B1"), "{}", m.en);
        assert!(m.zh.contains("B2 或 B1"), "{}", m.zh);
        let a1 = matrix_strategy_from_text("A", "1", &opts()).unwrap();
        assert_eq!(a1.move_label(), None);
    }

    #[test]
    fn status_numbering_is_an_option() {
        // The source slide's order: 发展中 / 良好 / 非常牢固 / 相当有限 / 防守 / 倒退.
        let o: MatrixOptions = serde_json::from_str(
            r#"{"statusOrder": ["发展中", "良好", "非常牢固", "相当有限", "防守", "倒退"]}"#,
        )
        .unwrap();
        assert!(o.validate().is_ok());
        assert_eq!(o.parse_status("1"), Some(RelationshipStatus::Developing));
        assert_eq!(o.parse_status("3"), Some(RelationshipStatus::VeryStrong));
        assert_eq!(
            o.parse_status("目前关系良好"),
            Some(RelationshipStatus::Good)
        );
        let s = matrix_strategy_from_text("A", "3", &o).unwrap();
        assert_eq!(s.cell, "A1", "cell codes keep the spec's numbering");
        assert_eq!(
            MatrixOptions::default().parse_status("3"),
            Some(RelationshipStatus::Developing)
        );
        for bad in [
            r#"{"statusOrder": ["good", "good", "developing", "limited", "defensive", "declining"]}"#,
            r#"{"statusOrder": ["good"]}"#,
            r#"{"statusOrder": ["1", "2", "3", "4", "5", "6"]}"#,
        ] {
            let o: MatrixOptions = serde_json::from_str(bad).unwrap();
            assert!(o.validate().is_err(), "{bad}");
            assert!(matrix_strategy_from_text("A", "1", &o).is_err());
        }
    }

    #[test]
    fn cells_parse() {
        assert_eq!(
            MatrixCell::parse("ｂ２"),
            Some(MatrixCell::new(Letter::B, RelationshipStatus::Good))
        );
        assert_eq!(MatrixCell::parse("B0"), None);
        assert_eq!(MatrixCell::parse(""), None);
        assert_eq!(MatrixCell::all().len(), 18);
    }
}
