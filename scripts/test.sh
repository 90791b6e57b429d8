#!/usr/bin/env bash
# Installs what the tests need and runs every test: native Rust, the wasm build in Node and
# in headless Chromium, and the JavaScript API of the built packages.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
./scripts/setup.sh

step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

# The CDNOW sample (from the lifetimes package on PyPI) for the CLV tests, cached in target/;
# the wasm tests (tests/wasm_clv.rs) embed it, so it comes before the wasm32 lint too.
./scripts/fetch_cdnow.sh

step "format and lints"
cargo fmt --check
cargo clippy --all-targets --quiet -- -D warnings
# The bindings and the wasm tests compile only for wasm32: lint them there too.
cargo clippy --target wasm32-unknown-unknown --tests --quiet -- -D warnings
# The page, the add-ins and the tests (eslint.config.mjs): a warning fails too.
npx --no-install eslint --max-warnings 0 www tests

step "native tests (cargo test)"
cargo test --quiet

step "command-line tool (cargo test --features cli --test cli)"
cargo clippy --features cli --bin kam-score --test cli --quiet -- -D warnings
cargo test --quiet --features cli --test cli

step "wasm builds (web, bundler, node)"
./scripts/build.sh

step "wasm tests in Node"
wasm-pack test --node --mode no-install -- --test wasm_api --test wasm_clv

step "wasm tests in headless Chromium"
WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome --chromedriver /usr/bin/chromedriver --mode no-install -- --test wasm_api --test wasm_clv

step "JavaScript API of the built package (node --test)"
node --test tests/js/

step "TypeScript types (tsc)"
npx --no-install tsc -p tests/ts
# The page, the add-ins and the worker (// @ts-check, against www/pkg's d.ts: after the build).
npx --no-install tsc -p www
npx --no-install tsc -p www/tsconfig.worker.json

step "spreadsheet add-ins and the npm package (Excel functions in Chromium, Apps Script in bare V8, npm pack)"
node --test tests/addins/

step "the page end to end in headless Chromium (Playwright)"
node --test tests/e2e/

step "the Python package and Spark local[2] (scripts/test_python.sh)"
./scripts/test_python.sh
