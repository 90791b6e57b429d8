#!/usr/bin/env bash
# Fuzzes the readers with cargo fuzz (libFuzzer): the CSV reader, the XLSX reader, the value
# parsers, the model JSON and the transaction-log reader, each for a fixed number of runs,
# seeded from the test files. Not part of scripts/test.sh: it takes a while.
#
#   ./scripts/fuzz.sh                 # every target, RUNS executions each (default 200000)
#   RUNS=50000 ./scripts/fuzz.sh csv_reader xlsx_reader
#
# cargo fuzz needs nightly flags (-Zsanitizer, -Cpasses=sancov); on a stable toolchain
# RUSTC_BOOTSTRAP=1 lets them through. The sanitizer is off (`-s none`): the crate has no
# unsafe code, and libFuzzer still catches panics, hangs (-timeout) and memory blow-ups
# (-rss_limit_mb). A crash is saved in fuzz/artifacts/<target>/ and stops the run.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export RUSTC_BOOTSTRAP=1
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

RUNS="${RUNS:-200000}"
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(csv_reader xlsx_reader value_parser model_json transactions)

# Seed corpora from the test files (copied, so that what the fuzzer adds stays in fuzz/corpus).
seed() {
  local target=$1; shift
  mkdir -p "fuzz/corpus/$target"
  for f in "$@"; do
    [ -f "$f" ] && [ "$(stat -c %s "$f")" -lt 200000 ] && cp "$f" "fuzz/corpus/$target/seed-$(basename "$f")"
  done
  return 0
}
seed csv_reader tests/bad_inputs/*.csv tests/bad_inputs/*.tsv tests/bad_inputs/*.bin www/sample/*.csv
seed xlsx_reader tests/bad_inputs/*.xlsx
mkdir -p fuzz/corpus/value_parser fuzz/corpus/model_json fuzz/corpus/transactions
i=0
for v in '1,234,567' '¥1.2万' '3.5亿' '12%' '$2.5M' '(1,234)' '１,２３４万' '1e309' '--5' '5-' '1,5' \
         '2026-03-15' '2026/3/15' '2026年3月15日' '46096' 'TRUE' '是' '高度满意' 'N/A' '—'; do
  printf '%s' "$v" > "fuzz/corpus/value_parser/seed-$((i++))"
done
for p in presets/*.json; do cp "$p" "fuzz/corpus/model_json/seed-$(basename "$p")"; done
if [ -f target/cdnow/CDNOW_sample.txt ]; then
  head -n 300 target/cdnow/CDNOW_sample.txt | awk '{print $1","$3","$5}' > fuzz/corpus/transactions/seed-cdnow
fi
printf 'c1,2026-01-01,10\nc1,20260201,20\nc2,2026/3/1,¥5\n,2026-01-01,1\nc3,2026-02-30,1\nc3,2026-03-01,-5\n' \
  > fuzz/corpus/transactions/seed-rows

for target in "${TARGETS[@]}"; do
  echo "== $target: $RUNS runs"
  start=$(date +%s)
  # The readers run both exports per input (an XLSX export zips a workbook): shorter inputs.
  case $target in csv_reader|xlsx_reader) max_len=8192 ;; *) max_len=65536 ;; esac
  cargo fuzz run -s none --debug-assertions "$target" "fuzz/corpus/$target" -- \
    -runs="$RUNS" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" -print_final_stats=1 \
    2>&1 | tee "fuzz/last-$target.log" | grep -E '^(Done|stat::number_of_executed_units|==|INFO: seed)|panicked|SUMMARY|crash-' || true
  echo "   $(( $(date +%s) - start )) s; log in fuzz/last-$target.log"
  if ls "fuzz/artifacts/$target"/crash-* >/dev/null 2>&1; then
    echo "   CRASH: $(ls "fuzz/artifacts/$target"/crash-*)"
  fi
done
