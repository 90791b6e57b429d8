"""Spark local[2] end to end: kam_score.spark.score scores every partition on the executors
with the installed wheel and gives the Python API's scores; rfm_summary in Spark SQL equals
kam_score.rfm_summary."""
import os
import sys

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

import kam_score

pyspark = pytest.importorskip("pyspark")


@pytest.fixture(scope="module")
def spark():
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    s = (SparkSession.builder.master("local[2]").appName("kam-score-tests")
         .config("spark.sql.shuffle.partitions", "4").config("spark.ui.enabled", "false")
         .config("spark.sql.session.timeZone", "UTC").getOrCreate())
    yield s
    s.stop()


def accounts(n):
    rng = np.random.default_rng(7)
    return pd.DataFrame({
        "account": [f"A{i:05d}" for i in range(n)],
        "annual_purchase": rng.lognormal(13, 1.5, n),
        "gross_margin": rng.uniform(0, 0.4, n),
        "credit_rating": rng.choice(["A", "B", "C", "D"], n),
        "order_count": rng.integers(0, 50, n).astype(float),
    })


def test_spark_scores_equal_the_python_api(spark):
    pdf = accounts(3000)
    df = spark.createDataFrame(pdf).repartition(4)
    from kam_score import spark as ks

    out = ks.grades(ks.score(df, "key_account")).toPandas().sort_values("account").reset_index(drop=True)
    local = kam_score.score_columns(pdf.drop(columns="account"), "key_account").to_pandas()
    np.testing.assert_array_equal(out["score"].to_numpy(), local["score"].to_numpy())
    np.testing.assert_array_equal(out["tier"].to_numpy(), local["tier"].to_numpy())
    assert out["grade"].tolist() == kam_score.grades(pa.array(local["score"])).to_pylist()


def test_spark_rfm_summary_equals_the_python_summary(spark, cdnow_path):
    raw = pd.read_csv(cdnow_path, sep=r"\s+", header=None, names=["master", "id", "date", "cds", "amount"],
                      dtype={"id": str, "date": str})
    from kam_score import spark as ks

    sdf = ks.rfm_summary(spark.createDataFrame(raw[["id", "date", "amount"]]), end="1997-09-30", unit="week")
    theirs = sdf.toPandas().set_index("id").sort_index()
    ours = kam_score.rfm_summary(raw, end="1997-09-30")["table"].to_pandas().set_index("id").sort_index()
    assert list(theirs.index) == list(ours.index)
    for col in ("frequency", "recency", "T", "monetary"):
        np.testing.assert_allclose(theirs[col], ours[col], rtol=1e-12, atol=1e-9)
    # Spark collects only the distinct (frequency, recency, T) groups with their counts.
    fit, whole = ks.fit_bg_nbd(sdf), kam_score.fit_bg_nbd(ours)
    assert fit["groups"] < len(ours) and fit["customers"] == len(ours)
    for k in ("r", "alpha", "a", "b"):
        assert fit[k] == pytest.approx(whole[k], rel=1e-7)


def test_spark_suggest_equals_the_python_api(spark, root):
    import json
    rows = json.loads((root / "www" / "sample" / "accounts.json").read_text(encoding="utf-8"))
    pdf = pd.DataFrame(rows)
    from kam_score import spark as ks

    # Three partitions of a shuffled list: each is suggested against the whole list's facts.
    df = spark.createDataFrame(pdf).repartition(3)
    out = ks.suggest(df, "key_account", as_of="2026-11-01").toPandas()
    out = out.sort_values("客户编号").reset_index(drop=True)
    want = kam_score.suggest(pdf, "key_account", as_of="2026-11-01").to_pandas()
    want["客户编号"] = pdf["客户编号"]
    want = want.sort_values("客户编号").reset_index(drop=True)
    assert len(out) == len(want) == len(pdf)
    for col in ("score", "tier", "abc", "letter", "matrix_cell", "cell_estimated", "lifecycle",
                "top_action", "top_action_zh", "top_action_en", "suggestion"):
        assert out[col].tolist() == want[col].tolist(), col
    assert [list(t) for t in out["targets"]] == [list(t) for t in want["targets"]]
    assert set(out["abc"].dropna()) == {"A", "B", "C"}
