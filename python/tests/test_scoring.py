"""The Python API against the golden scores that the native and wasm builds give
(tests/golden/scores.json), and Arrow in/out through pyarrow and pandas."""
import pandas as pd
import pyarrow as pa
import pytest

import kam_score


def golden_table(rows):
    headers = []
    for r in rows:
        for k in r:
            if k not in headers:
                headers.append(k)
    # Mixed columns (numbers and texts) go in as text: the core reads both the same way.
    cols = {}
    for h in headers:
        values = [r.get(h) for r in rows]
        kinds = {type(v) for v in values if v is not None}
        if kinds <= {int, float}:
            cols[h] = pa.array([None if v is None else float(v) for v in values], pa.float64())
        elif kinds == {bool}:
            cols[h] = pa.array(values, pa.bool_())
        else:
            cols[h] = pa.array([None if v is None else str(v) for v in values], pa.string())
    return pa.table(cols)


def test_every_preset_matches_the_golden_scores(golden):
    rows = golden["rows"]
    # The golden rows mix numbers and texts within a column, as a spreadsheet does; an Arrow
    # column has one type, so rows go in groups of one type signature each.
    groups = {}
    for i, r in enumerate(rows):
        signature = tuple(sorted((k, type(v).__name__) for k, v in r.items()))
        groups.setdefault(signature, []).append(i)
    for name, expected in golden["scores"].items():
        assert len(expected) == len(rows)
        for indices in groups.values():
            out = kam_score.score_table(golden_table([rows[i] for i in indices]), name)
            for j, i in enumerate(indices):
                want = expected[i]
                got = out.column("score")[j].as_py()
                if want["score"] is None:
                    assert got is None, (name, i)
                else:
                    assert got == pytest.approx(want["score"], abs=1e-12), (name, i)
                assert out.column("tier")[j].as_py() == want["tier"], (name, i)
                assert out.column("coverage")[j].as_py() == pytest.approx(want["coverage"], abs=1e-12)


def test_score_columns_from_pandas_and_pyarrow_agree():
    # Field keys in their own units (yuan, fractions); the default preset.
    df = pd.DataFrame({
        "annual_purchase": [12_000_000.0, 500_000.0, None],
        "gross_margin": [0.23, 0.05, 0.3],
        "credit_rating": ["A", "C", None],
    })
    from_pandas = kam_score.score_columns(df)
    from_arrow = kam_score.score_columns(pa.table(df))
    assert isinstance(from_pandas, pa.Table)
    assert from_pandas.equals(from_arrow)
    scores = from_pandas.column("score").to_pylist()
    # A big, well-rated, profitable account scores above a small, poorly rated one.
    assert scores[0] > scores[1]
    assert set(from_pandas.column("tier").to_pylist()) <= {0, 1, 2, 3, 4}
    back = from_pandas.to_pandas()
    assert list(back.columns) == ["score", "tier"]


def test_dictionary_columns_score_like_plain_texts():
    plain = pa.table({"annual_purchase": [1e6, 2e7, 3e5, 1e6], "credit_rating": ["A", "B", "A", None]})
    coded = plain.set_column(1, "credit_rating", plain.column("credit_rating").dictionary_encode())
    a = kam_score.score_columns(plain).column("score").to_pylist()
    b = kam_score.score_columns(coded).column("score").to_pylist()
    assert a == b


def test_grades_follow_the_spec_cut_points():
    # VIP > 80, important > 60, ordinary > 40, else small (MODEL.md): 80 itself is important.
    got = kam_score.grades(pa.array([81.0, 80.0, 60.5, 40.0, None])).to_pylist()
    assert got == ["vip", "important", "important", "small", None]


def test_presets_and_model_documents():
    names = kam_score.preset_names()
    assert names[0] == "key_account"
    doc = kam_score.preset_model("rfm")
    assert isinstance(doc, dict)
    assert kam_score.validate_model(doc) == []
    # A document passed as a dict scores as the preset of the same name.
    t = pa.table({"last_order_days": [10.0, 400.0], "order_count": [30.0, 1.0], "annual_purchase": [1e7, 1e4]})
    a = kam_score.score_columns(t, doc).column("score").to_pylist()
    b = kam_score.score_columns(t, "rfm").column("score").to_pylist()
    assert a == b
    # Recent, frequent, big beats lapsed, one-off, small.
    assert a[0] > a[1]


def test_errors_carry_code_and_both_texts():
    with pytest.raises(kam_score.KamScoreError) as e:
        kam_score.score_columns(pa.table({"annual_purchase": [1.0]}), "no_such_preset")
    assert e.value.code == "unknown_preset"
    assert e.value.en and e.value.zh and e.value.zh != e.value.en
    assert isinstance(e.value, ValueError)
    problems = kam_score.validate_model({"factors": "not a list"})
    assert problems and all({"code", "path", "zh", "en"} <= set(p) for p in problems)
    with pytest.raises(kam_score.KamScoreError) as e:
        kam_score.score_columns(pa.table({"no_such_field": [1.0]}))
    assert e.value.code == "bad_columns"
    assert "no_such_field" in e.value.en
