# Shared by the benchmark scripts: build, seed the tree, start and stop the app against a throw-away data folder.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${BENCH_DIR:-/tmp/cc-bench}"
DATA="$WORK/pg"
PORT="${PORT:-5390}"
URL="http://127.0.0.1:$PORT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
APP_PID=""

build() {
  dotnet build "$ROOT/src/CommitteeCloud.Web" -c Release -nologo -v quiet -clp:ErrorsOnly
}

# Applies the 1 root + 100 children tree (idempotent: a second run reports no changes).
seed_tree() {
  mkdir -p "$WORK"
  python3 "$ROOT/bench/bench-tree.py" "${CHILDREN:-100}" "$WORK/tree.json"
  dotnet run -c Release --no-build --project "$ROOT/src/CommitteeCloud.Web" -- tenants apply "$WORK/tree.json" \
    --Database:DataDirectory="$DATA" --Logging:LogLevel:Default=Warning
}

start_app() {
  dotnet "$ROOT/src/CommitteeCloud.Web/bin/Release/net10.0/CommitteeCloud.Web.dll" --urls "$URL" \
    --contentRoot "$ROOT/src/CommitteeCloud.Web" --Database:DataDirectory="$DATA" --Demo:Load=false \
    --Logging:LogLevel:Default=Warning >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  trap stop_app EXIT
  for _ in $(seq 1 300); do
    curl -sf "$URL/health/ready" >/dev/null && return 0
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; return 1; }
    sleep 0.2
  done
  echo "the app did not become ready" >&2; return 1
}

stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

token() { # user
  curl -sf -X POST "$URL/api/auth/token" -H 'content-type: application/json' \
    -d "{\"userName\":\"$1\",\"password\":\"DanVan@2026\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])'
}
