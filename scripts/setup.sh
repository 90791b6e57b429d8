#!/usr/bin/env bash
# Installs what building and testing kam-score needs, skipping whatever is already there.
# Safe to run again: every step checks first. Used by scripts/serve.sh and scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

# The wasm-bindgen CLI must match the library version in Cargo.lock exactly.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
[ -n "$bindgen_version" ] || { echo "wasm-bindgen not found in Cargo.lock" >&2; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

need_apt=()
if [ "${KAM_SKIP_BROWSER:-0}" != 1 ]; then
  [ -x /usr/bin/chromium ] || need_apt+=(chromium)
  [ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
  # A CJK font, so that screenshots of the page show Chinese rather than empty boxes.
  [ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need_apt+=(fonts-wqy-microhei)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing Debian packages: ${need_apt[*]}"
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen_version" ]; then
  log "installing wasm-bindgen-cli $bindgen_version (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi

if ! command -v wasm-pack >/dev/null; then
  log "installing wasm-pack (a few minutes, once)"
  cargo install wasm-pack
fi

# npm packages from the lockfiles: wasm-opt (binaryen 132; Debian's binaryen 108 breaks the
# externref table wasm-bindgen emits) and the browser-test driver. Re-installed when a
# lockfile changes.
for dir in . www; do
  [ -f "$dir/package-lock.json" ] || continue
  stamp="$dir/node_modules/.kam-lock-stamp"
  if [ ! -f "$stamp" ] || ! cmp -s "$dir/package-lock.json" "$stamp"; then
    log "installing npm packages in $dir from its lockfile"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$stamp"
  fi
done
log "ready"
