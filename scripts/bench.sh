#!/usr/bin/env bash
# Runs every benchmark on this machine and writes BENCHMARKS.md (not part of ./scripts/test.sh):
# native Rust (criterion), the wasm build in Node and in headless Chromium against plain
# JavaScript and the native code, file import against SheetJS and PapaParse, the spreadsheet
# functions, CLV against Python's lifetimes, sizes and peak memory. About 10 minutes.
# KAM_BENCH_REPS (default 5) sets the interleaved rounds; KAM_BENCH_ROWS / KAM_BENCH_FILE_ROWS
# (default 1,000,000 / 100,000) the data sizes, for a quick trial run; KAM_BENCH_PKG (bench/node.mjs)
# another pkg/node build, to compare build profiles.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
step() { printf '\n\033[1m== bench: %s ==\033[0m\n' "$*"; }
results=target/bench/results
rm -rf "$results" && mkdir -p "$results"
started=$(date -u +%Y-%m-%dT%H:%M:%SZ); t0=$(date +%s); load_start=$(uptime)

step "set-up (tools, npm packages, the CDNOW sample)"
./scripts/setup.sh
./scripts/fetch_cdnow.sh

step "wasm builds (scripts/build.sh: the full module and the scoring module pkg/web-core)"
./scripts/build.sh

step "Python lifetimes in target/bench-venv"
if [ ! -x target/bench-venv/bin/python ] || ! target/bench-venv/bin/python -c 'import lifetimes' 2>/dev/null; then
  python3 -m venv target/bench-venv
  target/bench-venv/bin/pip install --disable-pip-version-check --quiet lifetimes
fi

step "generated data (bench/gen.mjs)"
node bench/gen.mjs

step "native (criterion)"
rm -rf "${CARGO_TARGET_DIR:-target}/criterion"
cargo bench --quiet --bench native -- --noplot 2>&1 | grep -E '^[a-z_]+/|time:|thrpt:' || true
node bench/criterion.mjs
helper=$(cargo bench --bench native_batch --no-run --message-format=json 2>/dev/null \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{for(const l of s.split("\n")){try{const j=JSON.parse(l);if(j.executable&&j.target&&j.target.name==="native_batch")console.log(j.executable)}catch{}}})')
[ -x "$helper" ] || { echo "bench: no native_batch helper built" >&2; exit 1; }
export KAM_NATIVE_HELPER="$PWD/$helper"; [ -x "$KAM_NATIVE_HELPER" ] || export KAM_NATIVE_HELPER="$helper"

step "Node (pkg/node): scoring, import, spreadsheet functions, CLV, memory"
node bench/node.mjs

step "headless Chromium (pkg/web): scoring, import, Excel functions, the page, memory"
node bench/chromium.mjs

step "Python and Spark (bench/python.sh, with the venv and wheel of ./scripts/test_python.sh)"
if [ -x target/python-venv/bin/python ] && target/python-venv/bin/python -c 'import kam_score, lifetimes, pyspark' 2>/dev/null; then
  ./bench/python.sh
else
  echo "skipped: run ./scripts/test_python.sh first (the report says the section was not measured)"
fi

step "sizes and a profile of the native batch"
node bench/sizes.mjs
if command -v perf >/dev/null && printf 'batch_coded\nbatch_coded\nbatch_coded\nquit\n' | perf record -q -F 999 -g -o target/bench/perf.data "$KAM_NATIVE_HELPER" --serve >/dev/null 2>&1; then
  perf report -i target/bench/perf.data --no-children -g none --sort symbol --stdio --percent-limit 1.5 2>/dev/null \
    | grep -E '^\s+[0-9.]+%' | sed -E 's/ +/ /g; s/^ //; s/ \[\.\] / /; s/ - - *$//' | head -20 > "$results/profile.txt" || true
fi

load_end=$(uptime)
node -e '
const os = require("os"); const fs = require("fs"); const { execSync } = require("child_process");
const v = (c) => { try { return execSync(c, { encoding: "utf8" }).trim().split("\n")[0]; } catch { return "?"; } };
const [started, t0, loadStart, loadEnd] = process.argv.slice(1);
const load = Number(/load average: ([\d.]+)/.exec(loadStart)?.[1] ?? 0); const loadE = Number(/load average: ([\d.]+)/.exec(loadEnd)?.[1] ?? 0);
const m = {
  started, finished: new Date().toISOString().replace(/\.\d+Z$/, "Z"), minutes: ((Date.now() / 1000 - Number(t0)) / 60).toFixed(1),
  cpu: os.cpus()[0].model, cores: os.cpus().length, memory: `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`, os: v("uname -sr"),
  loadStart: loadStart.trim(), loadEnd: loadEnd.trim(),
  versions: [v("rustc --version"), v("wasm-pack --version"), `wasm-bindgen ${v("wasm-bindgen --version").split(" ")[1]}`, `wasm-opt ${v("wasm-opt --version").split(" ").slice(2).join(" ")}`,
    `Node ${process.version}`, v("/usr/bin/chromium --version"), v("python3 --version"),
    ...["xlsx", "papaparse", "playwright-core"].map((p) => `${p} ${require(`./node_modules/${p}/package.json`).version}`),
    `criterion ${v("grep -A1 \"^name = \\\"criterion\\\"$\" Cargo.lock | tail -1 | cut -d\\\" -f2")}`].join("; "),
};
if (Math.max(load, loadE) > 1) m.loadNote = `The machine was busy (load ${load} at start, ${loadE} at end, on ${m.cores} cores): other builds shared the CPU, so absolute times are pessimistic and vary more; the interleaved ratios are the figures to trust.`;
fs.writeFileSync("target/bench/results/machine.json", JSON.stringify(m, null, 1));
' "$started" "$t0" "$load_start" "$load_end"
node bench/report.mjs
echo "bench: done in $(( $(date +%s) - t0 )) s; BENCHMARKS.md written"
