#!/usr/bin/env bash
# Everything a fresh Debian machine (12 or 13) with Node 20 needs before the
# demo or the tests: Debian's Chromium and Firefox ESR (test tools cannot
# download their own browsers), xz (the corpora in tests/corpus are .tar.xz),
# then the project's npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || packages+=(chromium)
[ -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ] || packages+=(firefox-esr)
command -v xz >/dev/null || packages+=(xz-utils)
if [ ${#packages[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${packages[*]} from Debian's packages"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
# .npmrc turns install scripts off (no dependency runs code at install); the
# one step the project needs from them, WXT's generated types, runs here.
npx wxt prepare
