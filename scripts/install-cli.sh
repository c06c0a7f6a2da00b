#!/usr/bin/env bash
# Packs the CLI from this checkout and installs it as the global .NET tool `campaignflow` (or updates it).
# Usage: scripts/install-cli.sh            (from anywhere; the package goes to artifacts/ of the repository)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# A new version on every pack: NuGet caches a package by id and version, so a second 0.1.0 would install the first.
version="0.1.0-dev.$(date -u +%Y%m%d%H%M%S)"
dotnet pack "$root/hosts/CampaignFlow.Cli" -c Release -o "$root/artifacts" -p:Version="$version" --nologo -v quiet
if dotnet tool list --global | grep -q '^campaignflow '; then
  dotnet tool update --global --add-source "$root/artifacts" --version "$version" campaignflow
else
  dotnet tool install --global --add-source "$root/artifacts" --version "$version" campaignflow
fi
case ":$PATH:" in
  *":$HOME/.dotnet/tools:"*) ;;
  *) echo "Add the .NET tools folder to PATH: export PATH=\"\$PATH:\$HOME/.dotnet/tools\"" ;;
esac
