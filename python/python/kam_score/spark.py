"""kam-score on Spark: scoring runs on the executors through ``mapInArrow`` (each partition's
Arrow batches go straight to the same wheel); the RFM summary is Spark SQL, the fit runs on the
driver over the summary."""
from __future__ import annotations

from typing import Any, Optional

import pyarrow as pa

import kam_score


def score(df: Any, model: kam_score.ModelInput = None, *, score_col: str = "score",
          tier_col: str = "tier") -> Any:
    """``df`` with two columns added: the score (double, null where none) and the tier code
    (tinyint: 0 none, 1 small, 2 ordinary, 3 important, 4 VIP). Columns named like the
    model's fields are read; others pass through."""
    from pyspark.sql.types import ByteType, DoubleType, StructField, StructType

    fields = set(kam_score.field_keys())
    inputs = [c for c in df.columns if c in fields]
    schema = StructType(df.schema.fields + [StructField(score_col, DoubleType()),
                                            StructField(tier_col, ByteType())])

    def run(batches):
        import kam_score as ks
        for batch in batches:
            table = pa.Table.from_batches([batch])
            scored = ks.score_columns(table.select(inputs), model)
            out = table.append_column(score_col, scored.column("score"))
            out = out.append_column(tier_col, scored.column("tier").cast(pa.int8()))
            for b in out.to_batches():
                yield b

    return df.mapInArrow(run, schema)


def grades(df: Any, score_col: str = "score", grade_col: str = "grade") -> Any:
    """``df`` with the value tier code of ``score_col`` added as ``grade_col``."""
    from pyspark.sql.types import StringType, StructField, StructType

    schema = StructType(df.schema.fields + [StructField(grade_col, StringType())])

    def run(batches):
        import kam_score as ks
        for batch in batches:
            table = pa.Table.from_batches([batch])
            g = ks.grades(table.column(score_col))
            for b in table.append_column(grade_col, g).to_batches():
                yield b

    return df.mapInArrow(run, schema)


def _suggest_schema():
    from pyspark.sql.types import (ArrayType, BooleanType, DoubleType, StringType, StructField)

    text = ["tier", "abc", "letter", "matrix_cell"]
    return ([StructField("score", DoubleType())] + [StructField(c, StringType()) for c in text]
            + [StructField("cell_estimated", BooleanType()),
               StructField("targets", ArrayType(StringType())),
               StructField("lifecycle", StringType()), StructField("top_action", StringType()),
               StructField("top_action_zh", StringType()), StructField("top_action_en", StringType()),
               StructField("suggestion", StringType())])


def suggest(df: Any, model: kam_score.ModelInput = None, *,
            as_of: kam_score.DateInput = None) -> Any:
    """``df`` with the strategy of every account added, the columns of
    ``kam_score.suggest`` (``score``, ``tier``, ``abc``, ``letter``, ``matrix_cell``,
    ``cell_estimated``, ``targets``, ``lifecycle``, ``top_action``, ``top_action_zh``,
    ``top_action_en``, ``suggestion``), equal to what ``kam_score.suggest`` gives the whole
    table on one machine. Columns are read by their headers or field keys, as
    ``kam_score.suggest`` reads them; recency is counted from ``as_of`` (today when left out,
    fixed once on the driver).

    Two passes over ``df``: each partition's list facts (the distributions of the figures the
    estimates rank by, and which fields the list holds) are gathered on the executors and
    merged on the driver into the whole list's, then broadcast, and every partition is
    suggested against them. The facts hold up to six numbers per account (8 bytes each), so a
    list of 10 million accounts broadcasts about 0.5 GB; cache ``df`` when it is costly to
    compute twice."""
    from pyspark.sql.types import StringType, StructField, StructType

    added = _suggest_schema()
    taken = set(df.columns) & {f.name for f in added}
    if taken:
        raise ValueError(f"df already has columns named {sorted(taken)}: rename them first")
    day = kam_score._dt.date(1970, 1, 1) + kam_score._dt.timedelta(days=kam_score._day(as_of))

    def facts(batches):
        import kam_score as ks
        for batch in batches:
            yield pa.record_batch([pa.array([ks.list_facts(batch, as_of=day)])], names=["facts"])

    parts = df.mapInArrow(facts, StructType([StructField("facts", StringType())])).collect()
    whole = df.sparkSession.sparkContext.broadcast(
        kam_score.merge_list_facts(r["facts"] for r in parts))

    def run(batches):
        import kam_score as ks
        # One call per partition, not per Arrow batch: the whole list's facts are read once.
        batches = list(batches)
        if not batches:
            return
        table = pa.Table.from_batches(batches)
        out = ks.suggest(table, model, as_of=day, list_facts=whole.value)
        for name in out.column_names:
            table = table.append_column(name, out.column(name))
        for b in table.to_batches():
            yield b

    return df.mapInArrow(run, StructType(df.schema.fields + added))


def rfm_summary(df: Any, end: str, *, id_col: str = "id", date_col: str = "date",
                amount_col: str = "amount", unit: str = "week") -> Any:
    """The RFM summary in Spark SQL, as ``kam_score.rfm_summary`` computes it: per customer
    and purchase day the day's total; frequency = purchase days − 1; recency = last − first
    purchase day and T = end − first (in ``unit``); monetary = mean of the repeat days'
    totals (0 without repeats). Rows after ``end`` are left out."""
    from pyspark.sql import functions as F

    days = {"day": 1.0, "week": 7.0, "month": 30.4375}[unit]
    end_day = F.to_date(F.lit(str(end)))
    tx = (df.select(F.col(id_col).cast("string").alias("id"),
                    F.to_date(F.col(date_col).cast("string"), "yyyyMMdd").alias("d0"),
                    F.to_date(F.col(date_col)).alias("d1"),
                    F.col(amount_col).cast("double").alias("amount"))
          .select("id", F.coalesce("d0", "d1").alias("day"), "amount")
          .where(F.col("day") <= end_day))
    per_day = tx.groupBy("id", "day").agg(F.sum("amount").alias("amount"))
    first = per_day.groupBy("id").agg(F.min("day").alias("first"), F.max("day").alias("last"),
                                      F.count("*").alias("n"))
    repeat = (per_day.join(first, "id").where(F.col("day") > F.col("first"))
              .groupBy("id").agg(F.avg("amount").alias("monetary")))
    return (first.join(repeat, "id", "left")
            .select("id",
                    (F.col("n") - 1).cast("double").alias("frequency"),
                    (F.datediff("last", "first") / days).alias("recency"),
                    (F.datediff(end_day, "first") / days).alias("T"),
                    F.coalesce("monetary", F.lit(0.0)).alias("monetary")))


def fit_bg_nbd(summary_df: Any) -> dict:
    """BG/NBD fitted on the driver to a summary DataFrame: Spark groups the customers by
    (frequency, recency, T) and only the distinct groups with their counts are collected
    (through Arrow) and fitted as weights, so a summary of millions of customers fits in the
    driver's memory."""
    groups = summary_df.groupBy("frequency", "recency", "T").count()
    return kam_score.fit_bg_nbd(groups.toPandas(), weights="count")


def fit_gamma_gamma(summary_df: Any) -> dict:
    """Gamma-Gamma fitted on the driver to a summary DataFrame."""
    return kam_score.fit_gamma_gamma(summary_df.select("frequency", "monetary").toPandas())


__all__ = ["score", "grades", "suggest", "rfm_summary", "fit_bg_nbd", "fit_gamma_gamma"]
