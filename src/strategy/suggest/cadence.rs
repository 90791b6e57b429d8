//! §4.3 contact cadence and owner, by the ABC class (else the value tier).

use super::Collector;
use crate::grades::abc::AbcClass;
use crate::grades::attractiveness::Letter;
use crate::grades::tier::Tier;
use crate::row::AccountRow;
use crate::strategy::cadence::{cadence, contact_grade, CadenceOptions, Grade};
use crate::strategy::item::{label_per_lang, ItemKind, LabelText};
use crate::texts::{Label, Lang};
use serde::Serialize;

/// The contact cadence, as numbers and texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CadenceSummary {
    /// The plan: `key_visits`, `planned_visits` or `remote_contact`.
    #[serde(flatten)]
    pub plan: LabelText,
    /// What it was chosen from: the ABC class `A`/`B`/`C`, or a tier code.
    pub grade: String,
    pub class: Letter,
    pub contacts_per_year: u32,
    pub frequency: LabelText,
    pub channel: LabelText,
    pub owner: LabelText,
    /// The `owner` field of the row, when filled in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner_name: Option<String>,
    pub group_events: bool,
    pub services: Vec<LabelText>,
}

fn summary(
    grade: Grade,
    row: &AccountRow,
    options: &CadenceOptions,
    out: &Collector,
) -> CadenceSummary {
    let c = cadence(grade, options);
    CadenceSummary {
        plan: out.text(c.plan),
        grade: c.grade,
        class: c.class,
        contacts_per_year: c.contacts_per_year,
        frequency: out.text(c.frequency),
        channel: out.text(c.channel),
        owner: out.text(c.owner),
        owner_name: row.text("owner").map(str::to_string),
        group_events: c.group_events,
        services: c.services.into_iter().map(|s| out.text(s)).collect(),
    }
}

/// The cadence action (and "name an owner" for class A without one); a warning when there is
/// neither an ABC class nor a tier.
pub(super) fn items(
    row: &AccountRow,
    abc: Option<AbcClass>,
    tier: Option<Tier>,
    options: &CadenceOptions,
    out: &mut Collector,
) -> Option<CadenceSummary> {
    let Some(grade) = contact_grade(abc, tier) else {
        out.warn(ItemKind::Data, Label::new("cadence", "no_grade"));
        return None;
    };
    let c = summary(grade, row, options, out);
    let label = label_per_lang("cadence", "action", |lang| {
        let pick = |t: &LabelText| match lang {
            Lang::ZhCn => t.zh.clone(),
            Lang::En => t.en.clone(),
        };
        vec![("frequency", pick(&c.frequency)), ("plan", pick(&c.plan))]
    });
    let label = Label {
        code: c.plan.code.clone(),
        ..label
    };
    let mut details = vec![c.channel.clone(), c.owner.clone()];
    details.extend(c.services.iter().cloned());
    let item = out.item(ItemKind::Cadence, label).with_details(details);
    out.actions.push(item);
    if c.class == Letter::A && c.owner_name.is_none() {
        out.act(ItemKind::Cadence, Label::new("cadence", "assign_owner"));
    }
    Some(c)
}
