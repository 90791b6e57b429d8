//! The shipped models (MODEL §2.1), kept as JSON documents in `presets/` so that what a user
//! downloads, edits and loads back is exactly what the crate runs.

use super::{CompiledModel, Model, ModelError};
use std::borrow::Cow;
use std::sync::OnceLock;

/// Name and JSON of every preset; the first is the default.
const PRESETS: &[(&str, &str)] = &[
    (
        "key_account",
        include_str!("../../presets/key_account.json"),
    ),
    (
        "attractiveness",
        include_str!("../../presets/attractiveness.json"),
    ),
    (
        "value_pyramid",
        include_str!("../../presets/value_pyramid.json"),
    ),
    ("bank", include_str!("../../presets/bank.json")),
    ("rfm", include_str!("../../presets/rfm.json")),
];

/// The default preset's name.
pub const DEFAULT_PRESET: &str = "key_account";

/// The presets' names, default first.
pub fn preset_names() -> Vec<&'static str> {
    PRESETS.iter().map(|(n, _)| *n).collect()
}

/// A preset, compiled once and kept.
pub fn preset(name: &str) -> Result<&'static CompiledModel, ModelError> {
    static COMPILED: OnceLock<Vec<Result<CompiledModel, ModelError>>> = OnceLock::new();
    let all = COMPILED.get_or_init(|| {
        PRESETS
            .iter()
            .map(|(_, json)| Model::from_json(json))
            .collect()
    });
    let index = PRESETS
        .iter()
        .position(|(n, _)| *n == name)
        .ok_or_else(|| ModelError::UnknownPreset(name.to_string(), preset_names().join(", ")))?;
    match all.get(index) {
        Some(Ok(model)) => Ok(model),
        Some(Err(e)) => Err(e.clone()),
        None => Err(ModelError::UnknownPreset(
            name.to_string(),
            preset_names().join(", "),
        )),
    }
}

/// A preset's JSON document, as shipped.
pub fn preset_json(name: &str) -> Result<&'static str, ModelError> {
    PRESETS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, json)| *json)
        .ok_or_else(|| ModelError::UnknownPreset(name.to_string(), preset_names().join(", ")))
}

/// A model given as text: a preset's name, or a model document's JSON. Text that is JSON of
/// any kind (`null`, a list, a number) or begins like it is read as a document, so that
/// `null` is "not an object" and a broken document a syntax error, not an unknown preset.
pub fn from_text(text: &str) -> Result<Cow<'static, CompiledModel>, ModelError> {
    let trimmed = text.trim();
    if PRESETS.iter().any(|(n, _)| *n == trimmed) {
        return preset(trimmed).map(Cow::Borrowed);
    }
    let looks_like_json = trimmed.starts_with(['{', '['])
        || serde_json::from_str::<serde_json::Value>(trimmed).is_ok();
    if looks_like_json {
        Model::from_json(text).map(Cow::Owned)
    } else {
        Err(ModelError::UnknownPreset(
            trimmed.to_string(),
            preset_names().join(", "),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_is_valid_and_named_as_its_file() {
        for name in preset_names() {
            let m = preset(name).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(m.model.name, name);
            assert!(!m.model.title.zh.is_empty() && !m.model.title.en.is_empty());
            for f in &m.factors {
                assert!(
                    !f.title.zh.is_empty() && !f.title.en.is_empty(),
                    "{name}.{}",
                    f.key
                );
            }
        }
        assert!(matches!(preset("gold"), Err(ModelError::UnknownPreset(..))));
    }

    #[test]
    fn key_account_weights_are_the_specs() {
        let m = preset("key_account").unwrap();
        let weights: Vec<(&str, f64)> = m
            .factors
            .iter()
            .map(|f| (f.key.as_str(), f.weight))
            .collect();
        assert_eq!(
            weights,
            [
                ("order_amount", 25.0),
                ("profit", 20.0),
                ("credit", 15.0),
                ("prospects", 15.0),
                ("frequency", 10.0),
                ("loyalty", 10.0),
                ("complaints", 5.0)
            ]
        );
    }

    #[test]
    fn pyramid_group_weights_are_40_25_15_20() {
        let m = preset("value_pyramid").unwrap();
        let w: Vec<f64> = m.factors.iter().map(|f| f.weight).collect();
        assert_eq!(w, [40.0, 25.0, 15.0, 20.0]);
    }

    #[test]
    fn rating_presets_weigh_equally() {
        assert_eq!(preset("attractiveness").unwrap().factors.len(), 10);
        assert_eq!(preset("bank").unwrap().factors.len(), 6);
        for name in ["attractiveness", "bank", "rfm"] {
            assert!(
                preset(name)
                    .unwrap()
                    .factors
                    .iter()
                    .all(|f| f.weight == 1.0),
                "{name}"
            );
        }
    }
}
