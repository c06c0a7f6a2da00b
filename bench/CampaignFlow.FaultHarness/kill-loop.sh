#!/usr/bin/env bash
# The kill loop of the fault harness (issue 14): builds the server and the harness (Release), then runs the real
# server on loopback under load — on SQLite (default), or two servers sharing one PostgreSQL database with
# --store postgres (a private server started from the installed binaries, as the tests do) — SIGKILLs a host --kills
# times (default 20) at random moments, restarts it each time, and compares with a fresh host fed the same batches
# once. Exit 0 only on 0 lost, 0 duplicated, 0 partial, 0 5xx, 0 records, violations or states differing. Any option
# is passed on (--store postgres, --hosts N, --kills 3 for CI, --seed N, --max-minutes M, --keep).
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The harness bounds its load by --max-minutes; this bounds the whole process (builds excluded) 5 minutes later, with
# SIGTERM first, on which the harness stops its servers and removes its temp folders.
minutes=15
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [ "${args[i]}" = "--max-minutes" ] && [ $((i + 1)) -lt ${#args[@]} ]; then minutes="${args[i + 1]}"; fi
  if [ "${args[i]}" = "--store" ] && [ "${args[i + 1]:-}" = "postgres" ]; then bash scripts/prerequisites.sh; fi
done
bound=$(awk -v m="$minutes" 'BEGIN { printf "%d", (m + 5) * 60 }')

echo "kill loop: building the server and the harness (Release)"
dotnet build -c Release -v q -nologo hosts/CampaignFlow.Server >/dev/null
dotnet build -c Release -v q -nologo bench/CampaignFlow.FaultHarness >/dev/null
exec timeout --signal=TERM --kill-after=30 "$bound" \
  dotnet bench/CampaignFlow.FaultHarness/bin/Release/net10.0/CampaignFlow.FaultHarness.dll \
  --server hosts/CampaignFlow.Server/bin/Release/net10.0/CampaignFlow.Server.dll --repository . "$@"
