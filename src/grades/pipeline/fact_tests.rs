//! Tests of the fact table, reading facts (pairs, flags, rows, JSON) and the weighted pipeline
//! (MODEL §3.6).

use super::tests::{facts, intention, push, with, DM, LEAD, SCOPE};
use super::*;
use crate::row::{AccountRow, Value};
use crate::texts::Lang;

#[test]
fn the_fact_table_declares_each_fact_once() {
    // MODEL §3.6's fact table: 28 facts, each with its stage and words in both languages.
    assert_eq!(FACT_COUNT, 28);
    assert_eq!(FLAG_ORDER.len(), 31);
    let mut keys: Vec<&str> = Fact::ALL.iter().map(|f| f.key()).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), 28);
    let stage = |key: &str| Fact::from_key(key).and_then(Fact::stage);
    assert_eq!(stage("lead_data"), Some(Grade::A21));
    assert_eq!(stage("size_ok"), Some(Grade::A08));
    assert_eq!(stage("considered_decision"), Some(Grade::A31));
    assert_eq!(stage("asked_about_us"), Some(Grade::A06));
    assert_eq!(stage("knows_our_price"), Some(Grade::A05));
    assert_eq!(stage("no_open_promises"), Some(Grade::A01));
    assert_eq!(stage("we_quoted_price"), None);
    let latin_word = |t: &str| {
        t.as_bytes()
            .windows(2)
            .any(|w| w.iter().all(u8::is_ascii_alphabetic))
    };
    for fact in Fact::ALL {
        let label = fact.label();
        assert_eq!(label.code, fact.key());
        assert!(!latin_word(&label.zh), "{}: {}", fact.key(), label.zh);
        assert!(
            label.en.is_ascii() || label.en.contains('–'),
            "{}",
            label.en
        );
        assert!(!label.zh.is_empty() && !label.en.is_empty());
    }
    assert!(Fact::DissatisfiedWithSupplier
        .text(Lang::ZhCn)
        .contains("以前"));
    assert!(Fact::DissatisfiedWithSupplier
        .text(Lang::En)
        .contains("former"));
    assert!(Fact::AskedAboutUs.text(Lang::ZhCn).contains("价格"));
}

#[test]
fn facts_from_pairs_flags_rows_and_json() {
    assert_eq!(
        PipelineFacts::from_pairs([("lead_data", true), ("colour", true)]),
        Err(PipelineError::UnknownFact("colour".to_string()))
    );
    assert_eq!(
        PipelineFacts::from_pairs([("answer_refused", true), ("answer_positive", true)]),
        Err(PipelineError::ConflictingAnswers {
            first: "refused",
            second: "positive"
        })
    );
    // a FALSE answer flag says nothing
    let f =
        PipelineFacts::from_pairs([("answer_refused", false), ("answer_neutral", true)]).unwrap();
    assert_eq!(f.answer(), Some(Answer::Neutral));

    // the TRUE/FALSE list follows FLAG_ORDER
    for (i, key) in FLAG_ORDER.iter().enumerate() {
        let mut flags = vec![false; FLAG_ORDER.len()];
        flags[i] = true;
        assert_eq!(
            PipelineFacts::from_flags(&flags).unwrap(),
            facts(&[key]),
            "{key}"
        );
    }
    let short = PipelineFacts::from_flags(&[true, true, true, true]).unwrap();
    assert_eq!(
        pipeline_grade(&short, &PipelineOptions::default())
            .unwrap()
            .label
            .code,
        "A08"
    );
    assert!(matches!(
        PipelineFacts::from_flags(&[false; 32]),
        Err(PipelineError::TooManyFlags { given: 32, max: 31 })
    ));

    // a row: flags and the answer in Chinese
    let mut row = AccountRow::new();
    for key in with(SCOPE, DM) {
        row.set_key(key, Value::Flag(true));
    }
    row.set_key("answer", Value::Text("拒绝".to_string()));
    row.set_key("paid", Value::Flag(false));
    let f = PipelineFacts::from_row(&row).unwrap();
    assert_eq!(
        pipeline_grade(&f, &PipelineOptions::default())
            .unwrap()
            .label
            .code,
        "A31"
    );
    row.set_key("answer", Value::Text("也许".to_string()));
    assert_eq!(
        PipelineFacts::from_row(&row),
        Err(PipelineError::UnknownAnswer("也许".to_string()))
    );

    // JSON as JavaScript sends it
    let json = serde_json::json!({
        "lead_data": true, "key_facts_known": "TRUE", "target_industry": "是",
        "size_ok": 1, "paid": null, "answer": "中立",
        "decision_maker_feedback": true, "knows_our_offer": true, "considered_decision": true
    });
    let f = PipelineFacts::from_json(&json).unwrap();
    assert_eq!(
        pipeline_grade(&f, &PipelineOptions::default())
            .unwrap()
            .label
            .code,
        "A07"
    );
    let bad = |v: serde_json::Value| PipelineFacts::from_json(&v);
    assert_eq!(
        bad(serde_json::json!({"lead": true})),
        Err(PipelineError::UnknownFact("lead".to_string()))
    );
    assert_eq!(
        bad(serde_json::json!({"unknown_key": null})),
        Err(PipelineError::UnknownFact("unknown_key".to_string()))
    );
    assert!(matches!(
        bad(serde_json::json!({"paid": "maybe"})),
        Err(PipelineError::NotAFlag { .. })
    ));
    assert!(matches!(
        bad(serde_json::json!({"paid": 2})),
        Err(PipelineError::NotAFlag { .. })
    ));
    assert!(matches!(
        bad(serde_json::json!({"answer": "perhaps"})),
        Err(PipelineError::UnknownAnswer(_))
    ));
    assert_eq!(
        bad(serde_json::json!([true])),
        Err(PipelineError::NotAnObject)
    );
}

#[test]
fn answers_as_people_write_them() {
    let cases = [
        ("refused", Some(Answer::Refused)),
        ("拒绝", Some(Answer::Refused)),
        ("明确拒绝", Some(Answer::Refused)),
        (" Neutral ", Some(Answer::Neutral)),
        ("中立", Some(Answer::Neutral)),
        ("不拒绝", Some(Answer::Neutral)),
        ("推脱", Some(Answer::Neutral)),
        ("POSITIVE", Some(Answer::Positive)),
        ("积极", Some(Answer::Positive)),
        ("积极回应", Some(Answer::Positive)),
        ("也许", None),
    ];
    for (text, want) in cases {
        assert_eq!(Answer::parse(text), want, "{text}");
    }
}

#[test]
fn fact_keys_are_the_rows_flag_fields() {
    use crate::field::{by_key, FieldKind};
    for (fact, key) in Fact::ALL.iter().zip(FLAG_ORDER) {
        assert_eq!(fact.key(), key);
        assert_eq!(
            by_key(key).map(|f| f.kind()),
            Some(FieldKind::Flag),
            "{key}"
        );
        assert_eq!(Fact::from_key(key), Some(*fact));
    }
    assert_eq!(
        by_key(ANSWER_KEY).map(|f| f.kind()),
        Some(FieldKind::Category)
    );
}

#[test]
fn weighted_pipeline_sums() {
    let deals = [
        PipelineDeal {
            grade: Grade::A05,
            value: 100.0,
        },
        PipelineDeal {
            grade: Grade::A05,
            value: 50.0,
        },
        PipelineDeal {
            grade: Grade::A03,
            value: 200.0,
        },
        PipelineDeal {
            grade: Grade::A31,
            value: 1000.0,
        },
        PipelineDeal {
            grade: Grade::A21,
            value: f64::NAN,
        },
        PipelineDeal {
            grade: Grade::A02,
            value: -5.0,
        },
    ];
    let w = weighted_pipeline(&deals, &PipelineOptions::default()).unwrap();
    assert_eq!(w.total_value, 1350.0);
    // 150 × 0.4 + 200 × 0.8 + 1000 × 0 = 220
    assert!(
        (w.weighted_total - 220.0).abs() < 1e-9,
        "{}",
        w.weighted_total
    );
    assert_eq!(w.counted, 4);
    assert_eq!(w.without_value, 2);
    assert_eq!(w.by_grade.len(), 11);
    let a05 = w.by_grade.iter().find(|g| g.label.code == "A05").unwrap();
    assert_eq!((a05.count, a05.value), (2, 150.0));
    assert!((a05.weighted - 60.0).abs() < 1e-9);

    let mut rows = Vec::new();
    for (keys, value) in [
        (intention(), Some(100.0)),
        (push(), Some(10.0)),
        (LEAD.to_vec(), None),
    ] {
        let mut row = AccountRow::new();
        for k in keys {
            row.set_key(k, Value::Flag(true));
        }
        if let Some(v) = value {
            row.set_key("deal_value", Value::Number(v));
        }
        rows.push(row);
    }
    let mut bad = AccountRow::new();
    bad.set_key("answer", Value::Text("??".to_string()));
    rows.push(bad);
    let w = weighted_pipeline_rows(&rows, &PipelineOptions::default()).unwrap();
    assert!(
        (w.weighted_total - 48.0).abs() < 1e-9,
        "{}",
        w.weighted_total
    );
    assert_eq!(w.without_value, 1);
    assert_eq!(w.unreadable_rows, vec![3]);
}
