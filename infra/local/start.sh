#!/usr/bin/env bash
# Starts on 127.0.0.1 what a scaled-out CommitteeCloud runs on: PostgreSQL, Redis (the SignalR backplane and the
# relay of live page updates), two app nodes and nginx in front of them with WebSocket support. Stop with stop.sh.
#
#   infra/local/start.sh            # nginx on :8080 → node A :5101, node B :5102; Redis :6390
#   DEMO=false infra/local/start.sh # without the demo province
#
# PostgreSQL is the app's embedded cluster (in $LOCAL_DIR/pg): node A starts it on its first start (or reuses it
# when it already runs) and both nodes connect to it; in production it is a server of its own (infra/compose.yaml,
# infra/k8s/). Everything lives in $LOCAL_DIR (default .data/local; delete it to start afresh).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
source scripts/prerequisites.sh
LOCAL_DIR="${LOCAL_DIR:-$ROOT/.data/local}"
NGINX_PORT="${NGINX_PORT:-8080}" NODE_A_PORT="${NODE_A_PORT:-5101}" NODE_B_PORT="${NODE_B_PORT:-5102}" REDIS_PORT="${REDIS_PORT:-6390}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$LOCAL_DIR"

ensure_dotnet
ensure_postgres
ensure_scale_out
[ "${NO_BUILD:-}" = 1 ] || dotnet build src/CommitteeCloud.Web -c Release -nologo -v quiet -clp:ErrorsOnly

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
  --pidfile "$LOCAL_DIR/redis.pid" --logfile "$LOCAL_DIR/redis.log"
cat >"$LOCAL_DIR/env" <<ENV
ROOT="$ROOT"
LOCAL_DIR="$LOCAL_DIR"
REDIS="127.0.0.1:$REDIS_PORT"
NODE_A_PORT=$NODE_A_PORT
NODE_B_PORT=$NODE_B_PORT
DEMO=${DEMO:-true}
ENV
# Node A owns the embedded cluster: it creates, migrates and (with DEMO) seeds it before node B connects.
"$ROOT/infra/local/node.sh" a
"$ROOT/infra/local/node.sh" b
PGPORT=$(sed -n 4p "$LOCAL_DIR/pg/pgdata/postmaster.pid")

sed -e "s#@DIR@#$LOCAL_DIR#g" -e "s#@PORT@#$NGINX_PORT#g" -e "s#@A@#$NODE_A_PORT#g" -e "s#@B@#$NODE_B_PORT#g" \
  "$ROOT/infra/local/nginx.conf.template" >"$LOCAL_DIR/nginx.conf"
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
"$NGINX" -p "$LOCAL_DIR" -c "$LOCAL_DIR/nginx.conf"
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$NGINX_PORT/health/ready" >/dev/null && break; sleep 0.1; done

echo "CommitteeCloud, scaled out on 127.0.0.1:"
echo "  http://127.0.0.1:$NGINX_PORT   nginx → node A :$NODE_A_PORT, node B :$NODE_B_PORT"
echo "  Redis :$REDIS_PORT, PostgreSQL :$PGPORT; logs and pids in $LOCAL_DIR"
echo "  infra/local/stop.sh stops them all."
