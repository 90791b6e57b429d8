#!/usr/bin/env bash
# Builds everything the page needs and serves it on http://127.0.0.1:8080 with the sample
# account list one click away. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
KAM_SKIP_BROWSER=1 ./scripts/setup.sh
./scripts/build.sh
echo "[serve] http://127.0.0.1:${PORT:-8080}/"
exec python3 scripts/serve.py --port "${PORT:-8080}" --dir www
