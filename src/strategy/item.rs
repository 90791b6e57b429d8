//! The shape every piece of a suggestion takes when it crosses to JavaScript: a stable code,
//! its zh-CN and en texts, and (when the caller picked a language) that language's text in a
//! flat `text` field, so a table can show `item.text` without knowing the language.

use crate::texts::{fill, text, with_key, Label, Lang};
use serde::Serialize;

/// A label whose placeholders take a different value in each language (a joined list, a
/// word from another label), which [`Label::with_args`] cannot do.
pub fn label_per_lang<F>(namespace: &str, code: &str, args: F) -> Label
where
    F: Fn(Lang) -> Vec<(&'static str, String)>,
{
    with_key(namespace, code, |key| {
        let in_lang = |lang: Lang| {
            if !crate::texts::rendered(lang) {
                return String::new();
            }
            let values = args(lang);
            let pairs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
            fill(text(lang, key), &pairs)
        };
        Label {
            code: code.to_string(),
            zh: in_lang(Lang::ZhCn),
            en: in_lang(Lang::En),
        }
    })
}

/// A code with its texts in both languages and, optionally, in the chosen one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LabelText {
    pub code: String,
    pub zh: String,
    pub en: String,
    /// The text in the language of `options.lang`; absent when no language was asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl LabelText {
    /// The text in one language.
    pub fn in_lang(&self, lang: Lang) -> &str {
        match lang {
            Lang::ZhCn => &self.zh,
            Lang::En => &self.en,
        }
    }

    pub fn new(label: Label, lang: Option<Lang>) -> LabelText {
        let text = lang.map(|l| label.in_lang(l).to_string());
        LabelText {
            code: label.code,
            zh: label.zh,
            en: label.en,
            text,
        }
    }
}

/// What part of the strategy an item comes from. The order of the variants is the order of
/// priority of actions (see [`crate::strategy::suggest`]): keeping an account comes before
/// winning more of it, and filling in missing data comes last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// Churn warning and retention moves (§4.5).
    Churn,
    /// Dissatisfaction on a key account and its retention moves (§4.6).
    Satisfaction,
    /// The ten-level pipeline grade: facts missing for the next grade (§3.6).
    Pipeline,
    /// The seller's work for the buyer's current step (§4.7).
    BuyerStep,
    /// The attractiveness × relationship matrix strategy and move (§4.1).
    Matrix,
    /// The work of the account's lifecycle stage (§4.9).
    Lifecycle,
    /// A buying-centre role without a named contact (§4.4).
    Gap,
    /// Moves to the next relationship level (§4.2).
    Level,
    /// Contact cadence and owner (§4.3).
    Cadence,
    /// Data to fill in before a part of the strategy can be given.
    Data,
}

impl ItemKind {
    /// 1 = most urgent. The same number for every item of a kind.
    pub fn priority(self) -> u8 {
        self as u8 + 1
    }
}

/// One warning, gap or action of a suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    pub kind: ItemKind,
    /// 1 = most urgent; see [`ItemKind`].
    pub priority: u8,
    #[serde(flatten)]
    pub label: LabelText,
    /// Supporting points: the move of a matrix strategy, the conversation rules of a step.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<LabelText>,
}

impl Item {
    pub fn new(kind: ItemKind, label: Label, lang: Option<Lang>) -> Item {
        Item {
            kind,
            priority: kind.priority(),
            label: LabelText::new(label, lang),
            details: Vec::new(),
        }
    }

    pub fn with_details(mut self, details: Vec<LabelText>) -> Item {
        self.details = details;
        self
    }

    pub fn code(&self) -> &str {
        &self.label.code
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flat_text_only_when_a_language_is_chosen() {
        let label = Label::new("tier", "vip");
        let none = serde_json::to_value(Item::new(ItemKind::Churn, label.clone(), None))
            .unwrap_or_default();
        assert!(none.get("text").is_none());
        assert_eq!(none["code"], "vip");
        assert_eq!(none["kind"], "churn");
        assert_eq!(none["priority"], 1);
        let en = serde_json::to_value(Item::new(ItemKind::Data, label, Some(Lang::En)))
            .unwrap_or_default();
        assert_eq!(en["text"], "VIP");
        assert_eq!(en["zh"], "VIP客户");
        assert!(en.get("details").is_none());
    }

    #[test]
    fn kinds_are_in_priority_order() {
        assert!(ItemKind::Churn.priority() < ItemKind::Satisfaction.priority());
        assert!(ItemKind::Pipeline.priority() < ItemKind::Matrix.priority());
        assert!(ItemKind::Matrix.priority() < ItemKind::Lifecycle.priority());
        assert!(ItemKind::Lifecycle.priority() < ItemKind::Gap.priority());
        assert!(ItemKind::Gap.priority() < ItemKind::Level.priority());
        assert!(ItemKind::Cadence.priority() < ItemKind::Data.priority());
    }
}
