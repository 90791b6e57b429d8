//! Every text a person reads comes from one table per language, keyed by stable codes.
//!
//! A key is `namespace.code` (for example `tier.vip`). Adding a language means adding one
//! table file beside `en.rs` and `zh_cn.rs` and one arm in [`Lang`]. Templates use `{name}`
//! placeholders that [`fill`] replaces.

mod en;
mod fields;
mod zh_cn;

use crate::model::plan::Fnv;
use serde::Serialize;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// A language's texts by key: FNV, since keys are short and looked up on every label.
type TextIndex = HashMap<&'static str, &'static str, BuildHasherDefault<Fnv>>;

/// A language the crate has texts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    ZhCn,
    En,
}

impl Lang {
    /// Every language, in the order the texts are checked for completeness.
    pub const ALL: [Lang; 2] = [Lang::ZhCn, Lang::En];

    /// Reads a BCP 47 tag such as `zh-CN`, `zh`, `en-US`; anything not Chinese is English.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::ZhCn
        } else {
            Lang::En
        }
    }

    fn table(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::ZhCn => zh_cn::TEXTS,
            Lang::En => en::TEXTS,
        }
    }

    fn index(self) -> &'static TextIndex {
        static ZH: OnceLock<TextIndex> = OnceLock::new();
        static EN: OnceLock<TextIndex> = OnceLock::new();
        let cell = match self {
            Lang::ZhCn => &ZH,
            Lang::En => &EN,
        };
        cell.get_or_init(|| {
            let mut map: TextIndex = self.table().iter().copied().collect();
            for (key, zh, en) in fields::FIELD_LABELS {
                map.insert(field_key(key), if self == Lang::ZhCn { zh } else { en });
            }
            map
        })
    }

    /// A text in this language, from a pair of texts.
    pub fn pick_text<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::ZhCn => zh,
            Lang::En => en,
        }
    }
}

/// The text key `field.<key>` of a field's label, made once per field.
fn field_key(key: &'static str) -> &'static str {
    static KEYS: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    KEYS.get_or_init(|| {
        fields::FIELD_LABELS
            .iter()
            .map(|(k, _, _)| (*k, &*Box::leak(format!("field.{k}").into_boxed_str())))
            .collect()
    })[key]
}

/// Every field's label: `(key, zh, en)`, in field order.
pub fn field_labels() -> impl Iterator<Item = Label> {
    fields::FIELD_LABELS.iter().map(|(k, zh, en)| Label {
        code: k.to_string(),
        zh: zh.to_string(),
        en: en.to_string(),
    })
}

/// The label of a field in one language (its key when it has none).
pub fn field_label(lang: Lang, key: &str) -> &'static str {
    fields::FIELD_LABELS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or("", |(_, zh, en)| lang.pick_text(zh, en))
}

impl Lang {}

/// The text for `key` in `lang`. A missing key returns the key itself, so that a gap shows
/// up on screen instead of breaking a call; a test keeps every table complete.
pub fn text(lang: Lang, key: &str) -> &str {
    lang.index().get(key).copied().unwrap_or(key)
}

/// Whether `key` exists in `lang`'s table.
pub fn has(lang: Lang, key: &str) -> bool {
    lang.index().contains_key(key)
}

/// Calls `f` with the key `namespace.code`, built on the stack when it is short (every
/// label looks one up, and most keys are under 96 bytes).
pub(crate) fn with_key<R>(namespace: &str, code: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 96];
    let n = namespace.len() + 1 + code.len();
    if n <= buf.len() {
        buf[..namespace.len()].copy_from_slice(namespace.as_bytes());
        buf[namespace.len()] = b'.';
        buf[namespace.len() + 1..n].copy_from_slice(code.as_bytes());
        // Two texts joined by an ASCII dot are text: this never fails.
        if let Ok(key) = std::str::from_utf8(&buf[..n]) {
            return f(key);
        }
    }
    f(&format!("{namespace}.{code}"))
}

/// Replaces `{name}` placeholders in a template with the given values, in one pass: a value
/// is copied as it is (a `{…}` inside a value is not a placeholder), an unknown `{name}` stays.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    if args.is_empty() || !template.contains('{') {
        return template.to_string();
    }
    let room: usize = args.iter().map(|(_, v)| v.len()).sum();
    let mut out = String::with_capacity(template.len() + room);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

thread_local! {
    /// The one language labels are rendered in, when the caller reads only that one.
    static ONLY_LANGUAGE: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// Runs `f` with labels rendered in `lang` only: the other language's texts stay empty, which
/// halves the text work of a caller that writes one language (the computed columns of a list).
/// Labels built inside `f` must be read in `lang` only.
pub fn in_one_language<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    let before = ONLY_LANGUAGE.with(|o| o.replace(Some(lang)));
    let out = f();
    ONLY_LANGUAGE.with(|o| o.set(before));
    out
}

/// Whether a label's text in `lang` is wanted (see [`in_one_language`]).
pub(crate) fn rendered(lang: Lang) -> bool {
    ONLY_LANGUAGE.with(|o| o.get().is_none_or(|only| only == lang))
}

/// The text of `key` in `lang` with `args` filled in, or nothing when `lang` is not rendered.
fn render(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    if rendered(lang) {
        fill(text(lang, key), args)
    } else {
        String::new()
    }
}

/// A code with its zh-CN and en texts: how every grade, strategy and action is returned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    pub code: String,
    pub zh: String,
    pub en: String,
}

impl Label {
    /// The label for `code` in `namespace`, with the texts of key `namespace.code`.
    pub fn new(namespace: &str, code: &str) -> Label {
        Label::with_args(namespace, code, &[])
    }

    /// As [`Label::new`], with `{name}` placeholders filled in both languages.
    pub fn with_args(namespace: &str, code: &str, args: &[(&str, &str)]) -> Label {
        with_key(namespace, code, |key| Label {
            code: code.to_string(),
            zh: render(Lang::ZhCn, key, args),
            en: render(Lang::En, key, args),
        })
    }

    /// As [`Label::with_args`], with values that differ by language (numbers, lists).
    pub fn localized(
        namespace: &str,
        code: &str,
        args: impl Fn(Lang) -> Vec<(&'static str, String)>,
    ) -> Label {
        with_key(namespace, code, |key| {
            let render = |lang: Lang| {
                if !rendered(lang) {
                    return String::new();
                }
                let values = args(lang);
                let pairs: Vec<(&str, &str)> =
                    values.iter().map(|(k, v)| (*k, v.as_str())).collect();
                fill(text(lang, key), &pairs)
            };
            Label {
                code: code.to_string(),
                zh: render(Lang::ZhCn),
                en: render(Lang::En),
            }
        })
    }

    /// The text in one language.
    pub fn in_lang(&self, lang: Lang) -> &str {
        match lang {
            Lang::ZhCn => &self.zh,
            Lang::En => &self.en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_exists_in_every_language() {
        for lang in Lang::ALL {
            for other in Lang::ALL {
                for (key, _) in other.table() {
                    assert!(has(lang, key), "{key} is missing in {lang:?}");
                }
            }
        }
    }

    #[test]
    fn no_key_is_defined_twice() {
        for lang in Lang::ALL {
            let mut seen = std::collections::HashSet::new();
            for (key, _) in lang.table() {
                assert!(seen.insert(*key), "{key} twice in {lang:?}");
            }
        }
    }

    #[test]
    fn placeholders_match_across_languages() {
        let names = |t: &str| {
            let mut v: Vec<String> = t
                .split('{')
                .skip(1)
                .filter_map(|s| s.split_once('}').map(|(n, _)| n.to_string()))
                .collect();
            v.sort();
            v
        };
        for (key, en_text) in Lang::En.table() {
            assert_eq!(names(en_text), names(text(Lang::ZhCn, key)), "{key}");
        }
    }

    #[test]
    fn zh_texts_hold_no_english_words() {
        // A run of two or more Latin letters outside a `{placeholder}` is an English word;
        // VIP客户 is the source's own term (MODEL §3.1), and grade codes such as A21 or
        // A/B/C come in through placeholders or stand alone.
        for (key, zh) in Lang::ZhCn.table() {
            let mut outside = String::new();
            let mut depth = 0;
            for c in zh.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ if depth == 0 => outside.push(c),
                    _ => {}
                }
            }
            // Names, not English: the source's VIP and ABC, the product's own name, file formats.
            let outside = [
                "VIP",
                "ABC",
                "kam-score",
                "Excel",
                "CSV",
                "XLSX",
                "xlsx",
                "xls",
                "csv",
                "UTF",
                "GBK",
                "JSON",
                "Arrow",
                "RFM",
                "Gamma-Gamma",
                // The time units as the user writes them in an option.
                "day",
                "week",
                "month",
                "HTML",
                "XML",
                "ods",
            ]
            .iter()
            .fold(outside, |t, name| t.replace(name, ""));
            // Option names the user types (`--model`, `--as-of`) are not words either.
            let mut outside_kept = String::new();
            let mut rest = outside.as_str();
            while let Some(i) = rest.find("--") {
                outside_kept.push_str(&rest[..i]);
                rest =
                    rest[i + 2..].trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '-');
            }
            outside_kept.push_str(rest);
            // Nor are functions the user calls (`kam_score.field_keys()`).
            let mut outside = String::new();
            let mut rest = outside_kept.as_str();
            while let Some(i) = rest.find("()") {
                let name = rest[..i]
                    .trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '.');
                outside.push_str(name);
                rest = &rest[i + 2..];
            }
            outside.push_str(rest);
            let chars: Vec<char> = outside.chars().collect();
            let word = chars
                .windows(2)
                .any(|w| w.iter().all(|c| c.is_ascii_alphabetic()));
            assert!(!word, "{key}: {zh}");
        }
    }

    #[test]
    fn fill_replaces_each_placeholder_once_and_keeps_the_rest() {
        let args = [("a", "x{b}y"), ("b", "2")];
        // A value is copied as written: its `{b}` is the user's text, not a placeholder.
        assert_eq!(fill("{a}-{b}-{a}", &args), "x{b}y-2-x{b}y");
        assert_eq!(fill("{c} {a", &args), "{c} {a");
        assert_eq!(fill("无{a}。", &args), "无x{b}y。");
        assert_eq!(fill("plain", &args), "plain");
    }

    #[test]
    fn one_language_leaves_the_other_empty_and_ends_with_the_call() {
        let both = Label::new("tier", "vip");
        let zh_only = in_one_language(Lang::ZhCn, || Label::new("tier", "vip"));
        assert_eq!(zh_only.zh, both.zh);
        assert!(zh_only.en.is_empty() && !both.en.is_empty());
        let en_only = in_one_language(Lang::En, || Label::localized("tier", "vip", |_| Vec::new()));
        assert_eq!((en_only.zh.as_str(), en_only.en.as_str()), ("", "VIP"));
        assert_eq!(Label::new("tier", "vip"), both);
    }

    #[test]
    fn missing_key_shows_itself() {
        assert_eq!(text(Lang::En, "no.such.key"), "no.such.key");
    }

    #[test]
    fn every_field_has_a_label() {
        for f in crate::field::FIELDS {
            assert!(!field_label(Lang::ZhCn, f.key).is_empty(), "{}", f.key);
            assert!(!field_label(Lang::En, f.key).is_empty(), "{}", f.key);
        }
        assert_eq!(fields::FIELD_LABELS.len(), crate::field::FIELDS.len());
    }

    #[test]
    fn tags() {
        assert_eq!(Lang::from_tag("zh-CN"), Lang::ZhCn);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
    }
}
