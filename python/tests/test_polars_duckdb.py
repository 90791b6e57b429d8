"""Polars and DuckDB hand their Arrow data to the same functions as pandas."""
import pandas as pd
import pyarrow as pa
import pytest

import kam_score


def test_polars_frame_scores_like_pandas():
    pl = pytest.importorskip("polars")
    data = {"annual_purchase": [1.2e7, 8e5, None], "gross_margin": [0.23, 0.08, 0.15],
            "credit_rating": ["A", "C", "B"]}
    from_polars = kam_score.score_columns(pl.DataFrame(data))
    from_pandas = kam_score.score_columns(pd.DataFrame(data))
    assert from_polars.equals(from_pandas)
    assert from_polars.column("score")[0].as_py() > from_polars.column("score")[1].as_py()


def test_duckdb_result_summarises_like_pandas(cdnow_path):
    duckdb = pytest.importorskip("duckdb")
    raw = pd.read_csv(cdnow_path, sep=r"\s+", header=None, names=["master", "id", "date", "cds", "amount"],
                      dtype={"id": str, "date": str})
    con = duckdb.connect()
    con.register("raw", raw)
    tx = con.sql("SELECT id, date, amount FROM raw").arrow()
    assert isinstance(tx, pa.Table)
    a = kam_score.rfm_summary(tx, end="1997-09-30")["table"]
    b = kam_score.rfm_summary(raw, end="1997-09-30")["table"]
    assert a.equals(b)
