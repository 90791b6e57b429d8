"""Strategies per account against tests/golden/suggestions.json, the file the core's
SCORE_TABLE builder writes (tests/golden_suggestions.rs) and the Node build checks
(tests/js/suggestions.test.mjs): the same list gives the same strategy in Python."""
import json

import pyarrow as pa
import pytest

import kam_score


@pytest.fixture(scope="module")
def want(root):
    return json.loads((root / "tests" / "golden" / "suggestions.json").read_text(encoding="utf-8"))


def table(rows):
    """A list of JSON rows as one Arrow table: every header in the order first met; a column
    of numbers stays float64, a column mixing numbers and texts is text (the core reads "26"
    as it reads 26), as a CSV reader would give it."""
    headers = []
    for r in rows:
        headers += [k for k in r if k not in headers]
    cols = {}
    for h in headers:
        values = [r.get(h) for r in rows]
        if all(v is None or isinstance(v, (int, float)) for v in values):
            cols[h] = pa.array([None if v is None else float(v) for v in values], pa.float64())
        else:
            cols[h] = pa.array([None if v is None else str(v) for v in values], pa.string())
    return pa.table(cols)


def compare(out, expected):
    assert out.num_rows == len(expected)
    rows = out.to_pylist()
    for i, (got, w) in enumerate(zip(rows, expected)):
        if w is None:
            assert got["suggestion"] is None, i
            continue
        s = json.loads(got["suggestion"])
        assert got["score"] == pytest.approx(w["score"], abs=1e-12), i
        assert (got["tier"], got["abc"], got["letter"]) == (w["tier"], w["abc"], w["letter"]), i
        assert (got["matrix_cell"], got["targets"]) == (w["cell"], w["targets"]), i
        if w["cell"] is not None:
            assert got["cell_estimated"] == w["cellEstimated"], i
        assert got["lifecycle"] == (w["lifecycle"] or {}).get("code"), i
        top = w["topAction"]
        assert (got["top_action"], got["top_action_zh"], got["top_action_en"]) == (top["code"], top["zh"], top["en"]), i
        for key in ("actions", "warnings", "gaps"):
            assert [item["code"] for item in s[key]] == w[key], (i, key)


def test_the_golden_rows_suggest_as_in_the_core_and_node(root, want):
    rows = json.loads((root / "tests" / "golden" / "rows.json").read_text(encoding="utf-8"))
    compare(kam_score.suggest(table(rows), want["model"], as_of=want["asOf"]), want["rows"])


def test_the_sample_list_suggests_as_in_the_core_and_node(root, want):
    rows = json.loads((root / "www" / "sample" / "accounts.json").read_text(encoding="utf-8"))
    out = kam_score.suggest(table(rows), as_of=want["asOf"])
    compare(out, want["sample"])
    # pandas in, the same strategies out.
    import pandas as pd
    assert kam_score.suggest(pd.DataFrame(rows), as_of=want["asOf"]).equals(out)


def test_parts_with_the_whole_lists_facts_suggest_as_the_whole_list(root, want):
    rows = json.loads((root / "www" / "sample" / "accounts.json").read_text(encoding="utf-8"))
    t = table(rows)
    whole = kam_score.suggest(t, as_of=want["asOf"])
    parts = [t.slice(0, 40), t.slice(40, 150), t.slice(190)]
    facts = kam_score.merge_list_facts(kam_score.list_facts(p, as_of=want["asOf"]) for p in parts)
    got = pa.concat_tables([kam_score.suggest(p, as_of=want["asOf"], list_facts=facts) for p in parts])
    assert got.equals(whole)
    # Without the whole list's facts a part ranks its accounts among themselves only: the
    # ABC classes of the first 40 rows differ from the whole list's.
    alone = kam_score.suggest(parts[0], as_of=want["asOf"]).column("abc").to_pylist()
    assert alone != whole.column("abc").to_pylist()[:40]


def test_as_of_takes_dates_and_iso_texts():
    import datetime
    t = pa.table({"annual_purchase": [1e6], "last_order_date": ["2026-01-01"]})
    a = kam_score.suggest(t, as_of="2026-11-01")
    b = kam_score.suggest(t, as_of=datetime.date(2026, 11, 1))
    assert a.equals(b)
    with pytest.raises(TypeError):
        kam_score.suggest(t, as_of=20261101)
