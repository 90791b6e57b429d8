#!/usr/bin/env bash
# Puts the CDNOW data that the Lifetimes package ships (lifetimes/datasets/) into
# target/cdnow/ for tests/clv_cdnow.rs and bench/python.sh: the raw transactions (the sample,
# CDNOW_sample.txt, and the whole cohort, CDNOW_master.txt) and the
# published summaries of Fader, Hardie & Lee (2005). Skips the download when the files are
# there. target/ is ignored by git: the data are never committed.
set -euo pipefail
cd "$(dirname "$0")/.."

version=0.11.3
dest=target/cdnow
files=(CDNOW_sample.txt CDNOW_master.txt cdnow_customers_summary.csv cdnow_customers_summary_with_transactions.csv)

missing=0
for f in "${files[@]}"; do
  [ -s "$dest/$f" ] || missing=1
done
if [ "$missing" = 0 ]; then
  echo "[fetch_cdnow] CDNOW data already in $dest"
  exit 0
fi

if command -v pip >/dev/null 2>&1; then pip=(pip); else pip=(python3 -m pip); fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "[fetch_cdnow] downloading lifetimes==$version (datasets only are kept)"
"${pip[@]}" download --no-deps --disable-pip-version-check --quiet "lifetimes==$version" -d "$tmp"
wheel=$(find "$tmp" -maxdepth 1 -name '*.whl' | head -n 1)
[ -n "$wheel" ] || { echo "[fetch_cdnow] no wheel for lifetimes==$version" >&2; exit 1; }

mkdir -p "$dest"
# Only the data files of lifetimes/datasets/ (no code), flat into $dest.
python3 - "$wheel" "$dest" <<'PY'
import os, sys, zipfile
wheel, dest = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as z:
    for name in z.namelist():
        base = os.path.basename(name)
        if name.startswith("lifetimes/datasets/") and base and not base.endswith(".py"):
            with z.open(name) as src, open(os.path.join(dest, base), "wb") as out:
                out.write(src.read())
PY
for f in "${files[@]}"; do
  [ -s "$dest/$f" ] || { echo "[fetch_cdnow] $f is not in lifetimes==$version" >&2; exit 1; }
done
echo "[fetch_cdnow] CDNOW data in $dest"
