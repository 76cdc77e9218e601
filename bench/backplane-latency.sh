#!/usr/bin/env bash
# Push latency through the Redis backplane: two nodes (infra/local), the 100 child secretaries connected to node A's
# /hubs/live, the directives issued on node B. Same measurement as issue-directive.sh (time from the issue response to
# each live notification), so the two figures compare one node with two. Data in $BACKPLANE_DIR (default
# /tmp/cc-backplane; delete it to start afresh).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export LOCAL_DIR="${BACKPLANE_DIR:-/tmp/cc-backplane}" DEMO=false NODE_A_PORT=5401 NODE_B_PORT=5402 NGINX_PORT=5400 REDIS_PORT=6391
mkdir -p "$LOCAL_DIR"
dotnet build "$ROOT/bench/CommitteeCloud.Bench" -c Release -nologo -v quiet -clp:ErrorsOnly
"$ROOT/infra/local/start.sh"
trap '"$ROOT/infra/local/stop.sh"' EXIT
python3 "$ROOT/bench/bench-tree.py" 100 "$LOCAL_DIR/tree.json"
dotnet "$ROOT/src/CommitteeCloud.Web/bin/Release/net10.0/CommitteeCloud.Web.dll" tenants apply "$LOCAL_DIR/tree.json" \
  --Database:DataDirectory="$LOCAL_DIR/pg" --contentRoot="$ROOT/src/CommitteeCloud.Web" --Logging:LogLevel:Default=Warning
HUB_URL="http://127.0.0.1:$NODE_A_PORT" dotnet "$ROOT/bench/CommitteeCloud.Bench/bin/Release/net10.0/CommitteeCloud.Bench.dll" \
  "http://127.0.0.1:$NODE_B_PORT" bench-root bench.root 'bench.sec{0:000}' 'DanVan@2026' "${REPS:-10}" "${WARMUP:-3}"
