#!/usr/bin/env bash
# Stops what start.sh started: nginx, node B, node A (which stops the embedded PostgreSQL it started), Redis.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
LOCAL_DIR="${LOCAL_DIR:-$ROOT/.data/local}"
stop_pid() { # pid-file
  [ -f "$1" ] || return 0
  local pid; pid=$(cat "$1")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$1"
}
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -f "$LOCAL_DIR/nginx.pid" ] && "$NGINX" -p "$LOCAL_DIR" -c "$LOCAL_DIR/nginx.conf" -s stop 2>/dev/null
stop_pid "$LOCAL_DIR/node-b.pid"
stop_pid "$LOCAL_DIR/node-a.pid"
# Node A stops the cluster when it exits normally; after a crash the cluster still runs: stop it here.
if [ -f "$LOCAL_DIR/pg/pgdata/postmaster.pid" ]; then
  PGCTL=$(ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | tail -1)
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$PGCTL" stop -D "$LOCAL_DIR/pg/pgdata" -m fast >/dev/null 2>&1
  else "$PGCTL" stop -D "$LOCAL_DIR/pg/pgdata" -m fast >/dev/null 2>&1; fi
fi
stop_pid "$LOCAL_DIR/redis.pid"
echo "stopped"
