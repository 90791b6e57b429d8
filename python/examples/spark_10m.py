"""Scores a generated account table (10 million rows unless told otherwise) on Spark with
kam_score.spark.score and prints the throughput; with a third argument, writes the figures
there as JSON (bench/python.sh, bench/report.mjs). Not run by the tests:

    target/python-venv/bin/python python/examples/spark_10m.py [rows] [master] [out.json]
"""
import json
import os
import sys
import time

os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)

from pyspark.sql import SparkSession, functions as F  # noqa: E402

from kam_score import spark as ks  # noqa: E402

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
master = sys.argv[2] if len(sys.argv) > 2 else "local[2]"
partitions = 16
spark = (SparkSession.builder.master(master).appName("kam-score-10m")
         .config("spark.ui.enabled", "false").config("spark.driver.memory", "2g").getOrCreate())

# A generated account list: purchase, margin, rating, orders, days since the last order.
ratings = F.array(*[F.lit(r) for r in ("AAA", "AA", "A", "B", "C")])
df = (spark.range(rows, numPartitions=partitions)
      .select(F.col("id").alias("account"),
              F.exp(F.randn(1) * 1.5 + 13).alias("annual_purchase"),
              (F.rand(2) * 0.4).alias("gross_margin"),
              F.element_at(ratings, (F.rand(3) * 5).cast("int") + 1).alias("credit_rating"),
              F.floor(F.rand(4) * 50).cast("double").alias("order_count"),
              F.floor(F.rand(5) * 400).cast("double").alias("last_order_days")))

start = time.perf_counter()
out = ks.score(df, "key_account").groupBy("tier").agg(F.count("*").alias("accounts"),
                                                      F.avg("score").alias("mean_score"))
result = sorted(out.collect())
seconds = time.perf_counter() - start
for r in result:
    print(f"tier {r['tier']}: {r['accounts']:>9} accounts, mean score {r['mean_score']:.2f}")
print(f"{rows:,} rows scored on {master} in {seconds:.1f} s: {rows / seconds:,.0f} rows/s")
if len(sys.argv) > 3:
    import pyspark
    with open(sys.argv[3], "w", encoding="utf-8") as f:
        json.dump({"rows": rows, "master": master, "partitions": partitions, "seconds": seconds,
                   "pyspark": pyspark.__version__, "java": spark.sparkContext._jvm.System.getProperty("java.version"),
                   "tiers": {str(r["tier"]): r["accounts"] for r in result}}, f, indent=1)
spark.stop()
