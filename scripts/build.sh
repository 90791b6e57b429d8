#!/usr/bin/env bash
# Builds the WebAssembly packages for the three targets into pkg/web, pkg/bundler and
# pkg/node (release, wasm-opt -Oz), and the scoring module (the same exports without `Sheet`
# and the file readers, --no-default-features) into pkg/web-core; puts both web builds beside
# the page: www/pkg (full) and www/pkg-core (what the page needs to be usable, the add-ins).
set -euo pipefail
cd "$(dirname "$0")/.."
# wasm-pack takes the wasm-opt on PATH: the one from the lockfile (binaryen 132).
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
for target in web bundler nodejs; do
  out=${target/nodejs/node}
  echo "[build] wasm-pack build --target $target → pkg/$out"
  wasm-pack --quiet build --release --mode no-install --target "$target" --out-dir "pkg/$out" --out-name kam_score
done
echo "[build] wasm-pack build --target web --no-default-features → pkg/web-core"
wasm-pack --quiet build --release --mode no-install --target web --out-dir pkg/web-core --out-name kam_score --no-default-features
for build in web web-core; do
  dest=www/${build/web/pkg}
  rm -rf "$dest" && mkdir -p "$dest" && cp "pkg/$build/kam_score.js" "pkg/$build/kam_score_bg.wasm" "pkg/$build/kam_score.d.ts" "$dest/"
  # The glue's JS snippets (Scorer.score packs a row in one call: src/wasm/scoring.rs).
  [ ! -d "pkg/$build/snippets" ] || cp -r "pkg/$build/snippets" "$dest/"
  echo "[build] $dest/kam_score_bg.wasm: $(wc -c < "pkg/$build/kam_score_bg.wasm") bytes, $(gzip -9c "pkg/$build/kam_score_bg.wasm" | wc -c) gzipped"
done
# The page's charting library (Apache ECharts, from package-lock.json), served from the page's own origin.
mkdir -p www/vendor && cp node_modules/echarts/dist/echarts.esm.min.mjs www/vendor/echarts.esm.min.js && cp node_modules/echarts/LICENSE www/vendor/echarts.LICENSE
# The spreadsheet add-ins and the npm package (issue 7): the Excel custom-functions metadata
# generated from the JSDoc, the Google Sheets Apps Script bundle, the published package.
node scripts/excel_metadata.mjs
node scripts/build_gsheets.mjs
node scripts/build_npm.mjs
