#!/usr/bin/env bash
# Starts one node of the local scaled-out set (a or b) and waits until it is ready: start.sh uses it for both, and
# it restarts a node that was stopped or killed. Reads what start.sh wrote to $LOCAL_DIR/env.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
LOCAL_DIR="${LOCAL_DIR:-$ROOT/.data/local}"
source "$LOCAL_DIR/env"
name=${1:?a or b}
APP="$ROOT/src/CommitteeCloud.Web/bin/Release/net10.0/CommitteeCloud.Web.dll"
if [ "$name" = a ]; then
  port=$NODE_A_PORT
  args=(--Database:DataDirectory="$LOCAL_DIR/pg" --Demo:Load="$DEMO")
else
  port=$NODE_B_PORT
  # Node B connects to the cluster node A started (node A reuses it when it is already running).
  PGPORT=$(sed -n 4p "$LOCAL_DIR/pg/pgdata/postmaster.pid")
  read -r APP_PW SUPER_PW < <(python3 -c "import json;c=json.load(open('$LOCAL_DIR/pg/credentials.json'));print(c['AppPassword'],c['SuperUserPassword'])")
  args=(--Demo:Load=false
    --ConnectionStrings:App="Host=127.0.0.1;Port=$PGPORT;Database=committeecloud;Username=cc_app;Password=$APP_PW"
    --ConnectionStrings:Admin="Host=127.0.0.1;Port=$PGPORT;Database=committeecloud;Username=postgres;Password=$SUPER_PW")
fi
# Its own session: stopping or killing the node leaves the others (and the cluster) alone.
setsid dotnet "$APP" --urls "http://127.0.0.1:$port" --contentRoot "$ROOT/src/CommitteeCloud.Web" \
  --Redis:Configuration="$REDIS" --Node:Name="$name" \
  --Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning --Logging:LogLevel:Microsoft.AspNetCore=Warning \
  "${args[@]}" >>"$LOCAL_DIR/node-$name.log" 2>&1 < /dev/null &
echo $! >"$LOCAL_DIR/node-$name.pid"
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && exit 0
  kill -0 "$(cat "$LOCAL_DIR/node-$name.pid")" 2>/dev/null || { tail -30 "$LOCAL_DIR/node-$name.log" >&2; exit 1; }
  sleep 0.2
done
echo "node $name on :$port did not become ready" >&2; exit 1
