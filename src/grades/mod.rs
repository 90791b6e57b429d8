//! Grades (MODEL §3): the shared language a sales team uses for an account.

pub mod abc;
pub mod attractiveness;
pub mod class;
pub mod man;
pub mod pipeline;
pub mod profitability;
pub mod pyramid;
pub mod quadrant;
pub mod qualification;
pub mod tier;

use crate::texts::{fill, text, Label, Lang};

/// A label whose placeholders take a different value in each language: lists of names,
/// which read `甲、乙` in Chinese and `a, b` in English.
pub(crate) fn label_per_lang<F>(namespace: &str, code: &str, args: F) -> Label
where
    F: Fn(Lang) -> Vec<(&'static str, String)>,
{
    let key = format!("{namespace}.{code}");
    let in_lang = |lang: Lang| {
        let values = args(lang);
        let pairs: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_str())).collect();
        fill(text(lang, &key), &pairs)
    };
    Label {
        code: code.to_string(),
        zh: in_lang(Lang::ZhCn),
        en: in_lang(Lang::En),
    }
}

/// Joins names into a list: `甲；乙` / `a; b`. Semicolons, because the names themselves
/// hold commas and 、 ("company name, industry, size …").
pub(crate) fn join_list(lang: Lang, items: &[String]) -> String {
    match lang {
        Lang::ZhCn => items.join("；"),
        Lang::En => items.join("; "),
    }
}

/// A share as people read it: 0.05 → `5%`, 0.1234 → `12.3%`.
pub(crate) fn percent(share: f64) -> String {
    let points = (share * 1000.0).round() / 10.0;
    format!("{}%", crate::row::format_number(points))
}
