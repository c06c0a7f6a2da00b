#!/usr/bin/env bash
# Installs what the test suites need when it is missing. Idempotent; safe to run on every test run.
# Quiet when everything is present. The dashboard suite adds Chromium here later.
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
