#!/usr/bin/env bash
# Builds the WebAssembly packages for the three targets into pkg/web, pkg/bundler and
# pkg/node (size-optimised release, wasm-opt -Oz), and puts the web build beside the page.
set -euo pipefail
cd "$(dirname "$0")/.."
# wasm-pack takes the wasm-opt on PATH: the one from the lockfile (binaryen 132).
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
for target in web bundler nodejs; do
  out=${target/nodejs/node}
  echo "[build] wasm-pack build --target $target → pkg/$out"
  wasm-pack --quiet build --release --mode no-install --target "$target" --out-dir "pkg/$out" --out-name kam_score
done
rm -rf www/pkg && mkdir -p www/pkg && cp pkg/web/kam_score.js pkg/web/kam_score_bg.wasm pkg/web/kam_score.d.ts www/pkg/
# The glue's JS snippets (Scorer.score packs a row in one call: src/wasm/scoring.rs).
[ ! -d pkg/web/snippets ] || cp -r pkg/web/snippets www/pkg/
echo "[build] kam_score_bg.wasm: $(wc -c < pkg/web/kam_score_bg.wasm) bytes, $(gzip -9c pkg/web/kam_score_bg.wasm | wc -c) gzipped"
# The page's charting library (Apache ECharts, from package-lock.json), served from the page's own origin.
mkdir -p www/vendor && cp node_modules/echarts/dist/echarts.esm.min.mjs www/vendor/echarts.esm.min.js && cp node_modules/echarts/LICENSE www/vendor/echarts.LICENSE
# The spreadsheet add-ins and the npm package (issue 7): the Excel custom-functions metadata
# generated from the JSDoc, the Google Sheets Apps Script bundle, the published package.
node scripts/excel_metadata.mjs
node scripts/build_gsheets.mjs
node scripts/build_npm.mjs
