#!/usr/bin/env bash
# The Python package against lifetimes on CDNOW (CDNOW_master.txt and copies of it), and Spark
# local[2] scoring throughput on a generated table. Needs the venv and wheel from
# ./scripts/test_python.sh. Writes target/bench/results/python_clv.json and python_spark.json,
# which bench/report.mjs renders as BENCHMARKS.md's "Python and Spark" section.
# KAM_BENCH_PY_COPIES (default 10) sets the larger CDNOW size, KAM_BENCH_SPARK_ROWS (default
# 10,000,000) the Spark table, for a quick trial run.
set -euo pipefail
cd "$(dirname "$0")/.."
py=target/python-venv/bin/python
[ -x "$py" ] || { echo "[bench/python] no $py: run ./scripts/test_python.sh first" >&2; exit 1; }
./scripts/fetch_cdnow.sh
results=target/bench/results
mkdir -p "$results"
"$py" bench/python_clv.py target/cdnow/CDNOW_master.txt "${KAM_BENCH_PY_COPIES:-10}" "$results/python_clv.json"
"$py" python/examples/spark_10m.py "${KAM_BENCH_SPARK_ROWS:-10000000}" 'local[2]' "$results/python_spark.json"
