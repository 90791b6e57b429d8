#!/usr/bin/env bash
# The Python package against lifetimes on CDNOW (the master file and ten copies of it), and
# Spark local[2] scoring throughput on a generated 10-million-row table. Needs the venv and
# wheel from ./scripts/test_python.sh. Prints the figures for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
py=target/python-venv/bin/python
master=target/cdnow/CDNOW_master.txt
[ -s "$master" ] || master=target/cdnow/CDNOW_sample.txt
"$py" bench/python_clv.py "$master"
"$py" python/examples/spark_10m.py "${ROWS:-10000000}" local[2]
