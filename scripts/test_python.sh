#!/usr/bin/env bash
# The Python package and its Spark helpers: builds the wheel with maturin, installs it with
# pinned pyarrow, pandas, pytest, lifetimes and pyspark into target/python-venv, and runs
# pytest on python/tests/ (the Python API, CLV against lifetimes on CDNOW, Spark local[2]).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
export PATH="$HOME/.cargo/bin:$PATH"

./scripts/fetch_cdnow.sh

# Spark runs on Java: Debian's headless JRE when none is on the PATH.
if ! command -v java >/dev/null 2>&1; then
  echo "[test_python] installing openjdk-17-jre-headless"
  if [ "$(id -u)" = 0 ]; then sudo=(); else sudo=(sudo); fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless
fi

venv=target/python-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
py="$venv/bin/python"
pins=(maturin==1.8.3 pyarrow==17.0.0 pandas==2.2.3 numpy==1.26.4 scipy==1.13.1 pytest==8.3.3
      lifetimes==0.11.3 pyspark==3.5.3 polars==1.9.0 duckdb==1.1.1)
# Installs only what is not already at its pinned version (pip's own check is slow).
missing=$("$py" - "${pins[@]}" <<'PY'
import sys
from importlib.metadata import version, PackageNotFoundError
out = []
for pin in sys.argv[1:]:
    name, want = pin.split("==")
    try:
        if version(name) != want:
            out.append(pin)
    except PackageNotFoundError:
        out.append(pin)
print(" ".join(out))
PY
)
if [ -n "$missing" ]; then
  echo "[test_python] pip install $missing"
  # shellcheck disable=SC2086
  "$py" -m pip install --disable-pip-version-check --quiet $missing
fi

# The wheel profile: release without fat LTO (Cargo.toml [profile.wheel]).
rm -rf "$CARGO_TARGET_DIR/wheels"
"$venv/bin/maturin" build --quiet --manifest-path python/Cargo.toml --profile wheel \
  --interpreter "$py" --out "$CARGO_TARGET_DIR/wheels"
"$py" -m pip install --disable-pip-version-check --quiet --force-reinstall --no-deps \
  "$CARGO_TARGET_DIR"/wheels/kam_score-*.whl

"$py" -m pytest -q python/tests/
