#!/usr/bin/env bash
# Everything a fresh Debian machine with Node 20 needs before the demo or the
# tests: Debian's Chromium and Firefox ESR (test tools cannot download their
# own browsers), then the project's npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || packages+=(chromium)
[ -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ] || packages+=(firefox-esr)
if [ ${#packages[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${packages[*]} from Debian's packages"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
