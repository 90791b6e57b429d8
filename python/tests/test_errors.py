"""Errors raised for bad columns and arguments carry a stable code and the core's texts in
Chinese and English (src/texts/), whatever the binding was asked."""
import re

import pyarrow as pa
import pytest

import kam_score

CJK = re.compile(r"[\u4e00-\u9fff]")


def raised(call):
    with pytest.raises(kam_score.KamScoreError) as e:
        call()
    err = e.value
    assert CJK.search(err.zh), err.zh
    assert not CJK.search(err.en) and err.en, err.en
    assert str(err) == err.en
    return err


def test_column_errors_have_stable_codes_and_chinese_texts():
    e = raised(lambda: kam_score.score_columns(pa.table({"no_such_field": [1.0]})))
    assert e.code == "bad_columns" and "no_such_field" in e.zh and "no_such_field" in e.en
    # The Python layer casts what it can; the core's reader is the last check.
    e = raised(lambda: kam_score._kam_score.score_arrays(["annual_purchase"], [pa.array([True])]))
    assert e.code == "unsupported_column_type" and "annual_purchase" in e.zh
    e = raised(lambda: kam_score.fit_bg_nbd(pa.table({"frequency": [1.0, None], "recency": [1.0, 2.0],
                                                     "T": [3.0, 4.0]})))
    assert e.code == "missing_value" and "frequency" in e.zh
    e = raised(lambda: kam_score._kam_score.tier_codes(pa.array(["80"]), None, None, None))
    assert e.code == "bad_column"


def test_argument_errors_have_stable_codes_and_chinese_texts():
    tx = pa.table({"id": ["a"], "date": ["2026-01-01"], "amount": ["10"]})
    e = raised(lambda: kam_score.rfm_summary(tx, end="2026-02-01", unit="fortnight"))
    assert e.code == "bad_unit" and "fortnight" in e.zh
    e = raised(lambda: kam_score.rfm_summary(tx, end="soon"))
    assert e.code == "bad_date" and "soon" in e.zh
    e = raised(lambda: kam_score.suggest(pa.table({"annual_purchase": [1.0]}), as_of="2026-11-01",
                                         list_facts="{}"))
    assert e.code == "bad_list_facts"


def test_clv_errors_have_stable_codes_and_chinese_texts():
    # recency 5 > T 2: no customer can have bought after the end of the observation.
    e = raised(lambda: kam_score.fit_bg_nbd(pa.table({"frequency": [1.0], "recency": [5.0], "T": [2.0]})))
    assert e.code == "fit_failed" and e.zh.startswith("模型无法拟合")
    # The core's own reason, in each language: 第 1 位客户 / customer 1, and its code.
    assert e.reason == "recency_after_age"
    assert "第 1 位客户" in e.zh and "customer" not in e.zh
    assert "customer 1: recency 5 is larger than T 2" in e.en
    e = raised(lambda: kam_score.bg_nbd_predict({"r": -1.0, "alpha": 1.0, "a": 1.0, "b": 1.0},
                                                pa.table({"frequency": [1.0], "recency": [1.0], "T": [2.0]}), 4))
    assert e.code == "bad_params" and e.zh.startswith("模型参数无效")
