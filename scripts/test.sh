#!/usr/bin/env bash
# Runs every test of the solution, installing what the tests need first.
# Usage: scripts/test.sh [extra dotnet test arguments]
# Later suites add their prerequisites to scripts/prerequisites.sh (PostgreSQL binaries, Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/prerequisites.sh

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

status=0
dotnet test CampaignFlow.sln --configuration Release --nologo \
  --logger "trx" --results-directory "$results" "$@" || status=$?

# One plain closing line ("Tests: N passed, N failed, N skipped") summed over every test project,
# so a reader (and CI) sees the whole count at once.
passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0})); skipped=$((skipped + ${n:-0}))
done
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
