#!/usr/bin/env bash
# Installs what the test suites need when it is missing. Idempotent; safe to run on every test run.
# Nothing is needed beyond the .NET SDK yet; the storage and dashboard suites add PostgreSQL and
# Chromium here.
set -euo pipefail
if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (https://dot.net). dotnet was not found on PATH." >&2
  exit 1
fi
