#!/usr/bin/env bash
# Everything a fresh Debian machine (12 or 13) with Node 20 needs before the
# demo or the tests: Debian's Chromium and Firefox ESR (test tools cannot
# download their own browsers), their French interface (chromium-l10n,
# firefox-esr-l10n-fr: the tests of the translated interface start them in
# French), real fonts for the screenshots (DejaVu, and Liberation for pages
# asking for Arial, Helvetica or Times), xz (the corpora in tests/corpus are
# .tar.xz), Dask for the crawl's cluster driver (python3-distributed, run by
# Debian's /usr/bin/python3: scripts/dask_crawl.py), then the project's npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || packages+=(chromium)
[ -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ] || packages+=(firefox-esr)
command -v xz >/dev/null || packages+=(xz-utils)
# Same names on Debian 12 and 13.
for package in chromium-l10n firefox-esr-l10n-fr fonts-dejavu-core fonts-liberation python3-distributed; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || packages+=("$package")
done
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
