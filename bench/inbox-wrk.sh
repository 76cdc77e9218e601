#!/usr/bin/env bash
# Benchmark 2: the task inbox of a unit holding 5,000 tasks, GET /t/{code}/api/tasks?pageSize=50, at a steady ~100
# requests/s for 30 s with wrk (--latency). wrk has no rate option: inbox-wrk.lua makes each connection sleep
# DELAY_MS between requests (wrk's delay()), so 2 connections x 1 request per (20 ms + latency) ≈ 100 req/s at low
# latency. Uses the benchmark tree of issue-directive.sh (applied here if missing); tasks are inserted with SQL once.
source "$(dirname "$0")/common.sh"
UNIT="${UNIT:-bench-xa-001}"
command -v wrk >/dev/null || apt-get install -y wrk
build
seed_tree
start_app
PGPORT=$(sed -n 4p "$DATA/pgdata/postmaster.pid")
export PGPASSWORD=$(python3 -c "import json;print(json.load(open('$DATA/credentials.json'))['SuperUserPassword'])")
PSQL=$(ls /usr/lib/postgresql/*/bin/psql | tail -1)
psql() { "$PSQL" -h 127.0.0.1 -p "$PGPORT" -U postgres -d committeecloud -v ON_ERROR_STOP=1 -qAt "$@"; }
have=$(psql -c "SELECT count(*) FROM tasks t JOIN tenants u ON u.id = t.tenant_id WHERE u.code = '$UNIT'")
if [ "$have" -lt 5000 ]; then
  psql -v unit="$UNIT" -v count=$((5000 - have)) -f "$ROOT/bench/seed-tasks.sql"
fi
psql -c "VACUUM ANALYZE tasks" # as autovacuum would have by then: the list's counts read the index only
echo "$UNIT holds $(psql -c "SELECT count(*) FROM tasks t JOIN tenants u ON u.id = t.tenant_id WHERE u.code = '$UNIT'") tasks"
TOKEN=$(token bench.sec001)
curl -sf "$URL/t/$UNIT/api/tasks?pageSize=50" -H "Authorization: Bearer $TOKEN" \
  | python3 -c 'import json,sys; d=json.load(sys.stdin); print("total", d["total"], "counts", d["counts"], "page", len(d["items"]))'
# Warm-up (JIT, connection pool, plans), then the measured run.
wrk -t1 -c2 -d5s -s "$ROOT/bench/inbox-wrk.lua" -H "Authorization: Bearer $TOKEN" "$URL/t/$UNIT/api/tasks?pageSize=50" >/dev/null
DELAY_MS="${DELAY_MS:-20}" wrk -t2 -c"${CONNS:-2}" -d"${DURATION:-30s}" --latency -s "$ROOT/bench/inbox-wrk.lua" \
  -H "Authorization: Bearer $TOKEN" "$URL/t/$UNIT/api/tasks?pageSize=50"
