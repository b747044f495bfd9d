#!/usr/bin/env bash
# Installs Debian's Chromium and its WebDriver for the browser tests when they are missing.
# The tests drive /usr/bin/chromium through /usr/bin/chromedriver; no browser is downloaded
# by any test tool.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
/usr/bin/chromium --version
