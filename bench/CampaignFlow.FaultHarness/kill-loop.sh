#!/usr/bin/env bash
# The kill loop of the fault harness (issue 14): builds the server and the harness (Release), then runs the real
# server on SQLite on loopback under load, SIGKILLs it --kills times (default 20) at random moments, restarts it each
# time, and compares it with a fresh host fed the same batches once. Exit 0 only on 0 lost, 0 duplicated, 0 partial,
# 0 records, violations or states differing. Any option is passed on (--kills 3 for CI, --seed N, --max-minutes M, --keep).
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c Release -v q -nologo hosts/CampaignFlow.Server >/dev/null
dotnet build -c Release -v q -nologo bench/CampaignFlow.FaultHarness >/dev/null
exec dotnet bench/CampaignFlow.FaultHarness/bin/Release/net10.0/CampaignFlow.FaultHarness.dll \
  --server hosts/CampaignFlow.Server/bin/Release/net10.0/CampaignFlow.Server.dll --repository . "$@"
