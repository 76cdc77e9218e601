#!/usr/bin/env bash
# Starts CommitteeCloud on http://127.0.0.1:5080 with its own PostgreSQL (data in .data/) and the demo province.
# A second start reuses the data. Set URLS to listen elsewhere, e.g. URLS=http://0.0.0.0:8080 ./start.sh
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_dotnet
ensure_postgres
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/CommitteeCloud.Web -c Release -nologo -v quiet -clp:ErrorsOnly
exec dotnet run --project src/CommitteeCloud.Web -c Release --no-build -- \
  --urls "${URLS:-http://127.0.0.1:5080}" \
  --Database:DataDirectory="$PWD/.data/postgres" \
  --Demo:Load=true \
  --Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning \
  --Logging:LogLevel:Microsoft.AspNetCore=Warning
