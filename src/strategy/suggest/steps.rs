//! §4.7 the seller's work for the buyer's current step.

use super::{with_value, Collector};
use crate::row::AccountRow;
use crate::strategy::item::{label_per_lang, ItemKind};
use crate::strategy::steps::{step_advice, BuyerStep};
use crate::texts::Label;

pub(super) fn items(row: &AccountRow, out: &mut Collector) {
    let Some(text) = row.text("buyer_step") else {
        return;
    };
    let Some(step) = BuyerStep::parse(text) else {
        out.warn(ItemKind::Data, with_value("step", "bad_value", text));
        return;
    };
    let advice = step_advice(step);
    let label = label_per_lang("step", "advice", |lang| {
        vec![
            ("step", advice.label.in_lang(lang).to_string()),
            ("work", advice.seller_work.in_lang(lang).to_string()),
        ]
    });
    let label = Label {
        code: advice.seller_work.code.clone(),
        ..label
    };
    let rules = advice
        .conversation_rules
        .into_iter()
        .map(|r| out.text(r))
        .collect();
    let item = out.item(ItemKind::BuyerStep, label).with_details(rules);
    out.actions.push(item);
}
