#!/usr/bin/env bash
# Installs what the test suites need when it is missing. Idempotent; safe to run on every test run.
# Quiet when everything is present.
set -euo pipefail
if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (https://dot.net). dotnet was not found on PATH." >&2
  exit 1
fi

# PostgreSQL binaries (initdb, pg_ctl, postgres) for the storage tests, which start a private server in a
# temp folder. Only the binaries are wanted: the cluster the Debian package creates is left stopped.
if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "PostgreSQL binaries are missing (no /usr/lib/postgresql/*/bin/initdb) and this is not root." >&2
    echo "Install them with: sudo apt-get update && sudo apt-get install -y postgresql" >&2
    exit 1
  fi
  echo "Installing PostgreSQL binaries (Debian package postgresql) for the storage tests..."
  export DEBIAN_FRONTEND=noninteractive
  # policy-rc.d exit 101 keeps the package's post-install from starting the default cluster.
  policy=/usr/sbin/policy-rc.d
  created_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1
  fi
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
  if [ "$created_policy" -eq 1 ]; then rm -f "$policy"; fi
  if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
    echo "apt-get installed postgresql but no /usr/lib/postgresql/*/bin/initdb was found." >&2
    exit 1
  fi
fi

# Chromium and CJK fonts for the console's browser tests (tests/CampaignFlow.Console.Tests), which drive Debian's
# /usr/bin/chromium through Playwright's ExecutablePath: Playwright never downloads a browser here. Without the
# fonts, Chinese pages render as boxes in the screenshots.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed' || missing+=(fonts-noto-cjk)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "The console's browser tests need Debian packages that are missing: ${missing[*]}; this is not root." >&2
    echo "Install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing ${missing[*]} (Debian) for the console's browser tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  if [ ! -x /usr/bin/chromium ]; then
    echo "apt-get installed chromium but /usr/bin/chromium was not found." >&2
    exit 1
  fi
fi
