#!/usr/bin/env bash
# Debian's Chromium and a font for the browser tests (tests/browser), installed once.
# Quick when already there; as root it installs with apt-get, otherwise it says
# what to run and exits 0: the browser tests then skip (they fail under CI=true).
set -euo pipefail
CHROMIUM=/usr/bin/chromium
PACKAGES=(chromium fonts-dejavu-core)

if [ -x "$CHROMIUM" ] && [ -d /usr/share/fonts/truetype/dejavu ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium absent : les tests dans un navigateur seront ignorés." >&2
  echo "Pour les lancer : sudo apt-get install -y ${PACKAGES[*]}" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -q --no-install-recommends "${PACKAGES[@]}" >/dev/null
"$CHROMIUM" --version
