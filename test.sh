#!/usr/bin/env bash
# Runs every test: unit, integration (real PostgreSQL, real SignalR over Kestrel) and browser (Debian chromium
# driven by Playwright) and two-node (Redis backplane, nginx). Each test assembly starts its own throw-away PostgreSQL
# cluster; nothing else is needed.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_dotnet
ensure_postgres
ensure_chromium
ensure_scale_out
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build CommitteeCloud.sln -c Release -nologo -v quiet -clp:ErrorsOnly
log=$(mktemp)
status=0
dotnet test --solution CommitteeCloud.sln -c Release --no-build 2>&1 | tee "$log" || status=$?
# One plain closing line, whatever runner printed what above.
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -E '^\s+skipped: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
# The runner prints each failure where it happened, among the app's logs; repeat them last so a truncated CI log
# still names what failed.
if [ "$failed" -gt 0 ]; then
  echo "---- failed tests ----"
  awk '/^[[:space:]]*failed [^:]/ {n=30} n>0 {print; n--}' "$log" | head -300
  echo "----------------------"
fi
rm -f "$log"
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then echo "No test ran." >&2; exit 1; fi
exit "$status"
