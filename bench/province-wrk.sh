#!/usr/bin/env bash
# Province scale over HTTP, with wrk, against the app on 127.0.0.1 over the dataset of province/generate-and-load.sh
# (run it first; run-all.sh does): (a) a commune's task inbox, GET /t/{unit}/api/tasks?pageSize=50; (b) the province
# root's subtree dashboard, GET /t/{root}/api/dashboard; (c) posting progress, POST /t/{unit}/api/tasks/{id}/progress.
# Each is run paced (province-wrk.lua: a fixed offered rate) for the latency figure and unpaced for the capacity, then
# the same SQL through Npgsql alone (CommitteeCloud.Bench raw) at the same connections and rate: the statements one
# request sent, cut from PostgreSQL's statement log (province/extract-sql.py). Each run's output goes to
# $OUT (default $BENCH_DIR/results) as LABEL.txt; run-all.sh turns them into the table. Nothing here asserts a time.
#   A_RATE (200), A_CONNS (8), A_WARMUP (60s), B_RATE (20), B_CONNS (2), C_RATE (20), C_CONNS (2), SAT_CONNS (8), DURATION (30s),
#   SAT_DURATION (20s), RAW_SECONDS (20)
source "$(dirname "$0")/province/common.sh"
OUT="${OUT:-$WORK/results}"
A_RATE="${A_RATE:-200}" A_CONNS="${A_CONNS:-8}" B_RATE="${B_RATE:-20}" B_CONNS="${B_CONNS:-2}" C_RATE="${C_RATE:-20}" C_CONNS="${C_CONNS:-2}"
A_WARMUP="${A_WARMUP:-60s}" SAT_CONNS="${SAT_CONNS:-8}" DURATION="${DURATION:-30s}" SAT_DURATION="${SAT_DURATION:-20s}" RAW_SECONDS="${RAW_SECONDS:-20}"
command -v wrk >/dev/null || apt-get install -y wrk
[ -f "$DATA/pgdata/PG_VERSION" ] || { echo "no dataset in $WORK: run bench/province/generate-and-load.sh first" >&2; exit 1; }
bench_build >/dev/null
mkdir -p "$OUT"
start_app
PGPORT=$(sed -n 4p "$DATA/pgdata/postmaster.pid")
APP_CS="Host=127.0.0.1;Port=$PGPORT;Database=committeecloud;Username=cc_app;Max Auto Prepare=200;Password=$(python3 -c "import json;print(json.load(open('$DATA/credentials.json'))['AppPassword'])")"

# The commune (or agency) holding the most tasks; its secretary reads, its unit reporter posts.
UNIT=$(psql_owner -c "SELECT t.code FROM tenants t JOIN tenants p ON p.id = t.parent_id LEFT JOIN tasks x ON x.tenant_id = t.id
  WHERE p.code = '$ROOT_CODE' GROUP BY t.code, t.kind ORDER BY count(x.id) DESC, t.kind <> 'GrassrootsCommittee', t.code LIMIT 1")
UNIT_ID=$(psql_owner -c "SELECT id FROM tenants WHERE code = '$UNIT'")
ROOT_ID=$(psql_owner -c "SELECT id FROM tenants WHERE code = '$ROOT_CODE'")
READER=$(member_of "$UNIT" 0) REPORTER=$(member_of "$UNIT" 1) ROOT_READER=$(member_of "$ROOT_CODE" 0)
user_id() { psql_owner -c "SELECT id FROM users WHERE user_name = '$1'"; }
READER_TOKEN=$(token "$READER") REPORTER_TOKEN=$(token "$REPORTER") ROOT_TOKEN=$(token "$ROOT_READER")
echo "unit $UNIT: $(psql_owner -c "SELECT count(*) FROM tasks WHERE tenant_id = '$UNIT_ID'") tasks; province $ROOT_CODE:" \
  "$(psql_owner -c "SELECT count(*) FROM tasks WHERE tenant_id = '$ROOT_ID'") tasks, $(psql_owner -c "SELECT count(*) FROM task_nodes") task nodes in its subtree"

wrk_run() { # label token url threads connections rate duration [wrk args...]: prints and keeps wrk's figures
  local label=$1 tok=$2 url=$3 threads=$4 conns=$5 rate=$6 duration=$7; shift 7
  echo "--- $label: $conns connections, $([ "$rate" = 0 ] && echo unpaced || echo "$rate requests/s"), $duration" | tee "$OUT/$label.txt"
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/$label.txt"
  RATE=$rate CONNS=$conns wrk -t"$threads" -c"$conns" -d"$duration" --latency -s "$ROOT/bench/province-wrk.lua" \
    -H "Authorization: Bearer $tok" "$@" "$url" | tee -a "$OUT/$label.txt" | grep -E '^(rate|p50|p90|p99|Non-2xx)'
}

# One request's statements, cut from the statement log: method path token user [body]
extract() { # label method path token user tenant-id [json body]
  local label=$1 method=$2 path=$3 tok=$4 user=$5 tenant=$6 body=${7:-} mark
  mark="cc-mark-$label-$(date +%s%N)"
  psql_owner -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null
  sleep 0.5
  psql_owner -c "SELECT '$mark-begin'" >/dev/null
  curl -sf -o /dev/null -X "$method" "$URL$path" -H "Authorization: Bearer $tok" ${body:+-H 'content-type: application/json' -d "$body"}
  sleep 0.5
  psql_owner -c "SELECT '$mark-end'" >/dev/null
  psql_owner -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null
  psql_owner -F $'\t' -c "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped" >"$OUT/columns.tsv"
  python3 "$ROOT/bench/province/extract-sql.py" "$DATA/postgres.log" "$mark-begin" "$mark-end" "$tenant" "$user" "$OUT/columns.tsv" \
    >"$OUT/$label.steps.json"
  echo "--- $label: $(python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print(len(s), 'statements,', sum(x['open'] for x in s), 'pool opens')" "$OUT/$label.steps.json")"
}

raw_run() { # label steps[,steps...] connections rate
  echo "--- $1: raw SQL, $3 connections, $([ "$4" = 0 ] && echo unpaced || echo "$4 requests/s"), ${RAW_SECONDS}s" | tee "$OUT/$1.txt"
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/$1.txt"
  local files; files=$(echo "$2" | tr ',' '\n' | sed "s|.*|$OUT/&.steps.json|" | paste -sd,)
  dotnet "$BENCH_CLIENT" raw "$APP_CS" "$files" "$3" "$RAW_SECONDS" "$4" | tee -a "$OUT/$1.txt" | grep -E '^(rate|p50|p90|p99|raw)'
}

# Only the part asked for (PARTS="a b c", default all), e.g. to re-measure one endpoint.
PARTS="${PARTS:-a b c}"
part() { case " $PARTS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

# (a) The inbox. Warm-up first (JIT, pool, plans, the unit's cached order), then paced, unpaced, and raw alike.
if part a; then
  INBOX="$URL/t/$UNIT/api/tasks?pageSize=50"
  curl -sf "$INBOX" -H "Authorization: Bearer $READER_TOKEN" \
    | python3 -c 'import json,sys; d=json.load(sys.stdin); print("inbox: total", d["total"], "counts", d["counts"], "page", len(d["items"]))'
  # A minute of load first: the JIT's second tier (optimised, profile-guided code) competes with the requests for the
  # two cores, and the inbox only reaches its steady rate after ~40-60 s of load (5 s of warm-up gave 700-1,300 req/s
  # in the next 20 s, then 1,800+; with tiering off there is no ramp, and no PGO either: ~1,000-1,300).
  RATE=0 wrk -t2 -c4 -d"$A_WARMUP" -s "$ROOT/bench/province-wrk.lua" -H "Authorization: Bearer $READER_TOKEN" "$INBOX" >/dev/null
  wrk_run a-paced "$READER_TOKEN" "$INBOX" "$A_CONNS" "$A_CONNS" "$A_RATE" "$DURATION"
  wrk_run a-saturated "$READER_TOKEN" "$INBOX" 2 "$SAT_CONNS" 0 "$SAT_DURATION"
  extract a "GET" "/t/$UNIT/api/tasks?pageSize=50" "$READER_TOKEN" "$(user_id "$READER")" "$UNIT_ID"
  raw_run a-raw-paced a "$A_CONNS" "$A_RATE"
  raw_run a-raw-saturated a "$SAT_CONNS" 0
  # The inbox's own query, as the database answers it from scratch: a request just after a task of the unit changed
  # (its version moves, the cached page no longer holds) reads the ordered selection and the page's rows. The issue's
  # "endpoint ≤ 2× raw" compares the endpoint with this, the database's own cost of the same question; the warm
  # statements above are the app's fixed cost per request.
  psql_owner -c "UPDATE task_list_versions SET version = version + 1 WHERE tenant_id = '$UNIT_ID'" >/dev/null
  extract a-cold "GET" "/t/$UNIT/api/tasks?pageSize=50" "$READER_TOKEN" "$(user_id "$READER")" "$UNIT_ID"
  raw_run a-cold-raw-paced a-cold "$A_CONNS" "$A_RATE"
  raw_run a-cold-raw-saturated a-cold "$SAT_CONNS" 0
fi

# (b) The province root's subtree dashboard (only where the endpoint exists).
if part b; then
  DASHBOARD="$URL/t/$ROOT_CODE/api/dashboard"
  # The first request after start-up sums every unit's counters (nothing is known yet): its time is the cold figure.
  read -r status cold < <(curl -s -o "$OUT/b-sample.json" -w '%{http_code} %{time_total}\n' "$DASHBOARD" -H "Authorization: Bearer $ROOT_TOKEN")
  if [ "$status" = 200 ]; then
    echo "dashboard: $(wc -c <"$OUT/b-sample.json") bytes; first request after start-up (cold) ${cold}s" | tee "$OUT/b-cold.txt"
    RATE=0 wrk -t2 -c2 -d5s -s "$ROOT/bench/province-wrk.lua" -H "Authorization: Bearer $ROOT_TOKEN" "$DASHBOARD" >/dev/null
    wrk_run b-paced "$ROOT_TOKEN" "$DASHBOARD" "$B_CONNS" "$B_CONNS" "$B_RATE" "$DURATION"
    wrk_run b-saturated "$ROOT_TOKEN" "$DASHBOARD" 2 4 0 "$SAT_DURATION"
    extract b "GET" "/t/$ROOT_CODE/api/dashboard" "$ROOT_TOKEN" "$(user_id "$ROOT_READER")" "$ROOT_ID"
    raw_run b-raw-paced b "$B_CONNS" "$B_RATE"
    raw_run b-raw-saturated b 4 0
  else
    echo "--- b: GET /t/$ROOT_CODE/api/dashboard answered $status: not measured" | tee "$OUT/b-paced.txt"
    rm -f "$OUT"/b-saturated.txt "$OUT"/b-raw-*.txt
  fi
fi

# (c) Progress posts on the unit's open received tasks, a different task and percent each time.
if part c; then
  psql_owner -c "SELECT id FROM tasks WHERE tenant_id = '$UNIT_ID' AND parent_task_id IS NOT NULL
    AND state IN ('Assigned', 'Acknowledged', 'InProgress', 'Returned', 'ResultReported') ORDER BY id" >"$OUT/c-tasks.txt"
  echo "progress: $(wc -l <"$OUT/c-tasks.txt") open received tasks in $UNIT"
  TASKS="$OUT/c-tasks.txt" PREFIX="/t/$UNIT/api/tasks/" RATE=0 \
    wrk -t1 -c1 -d3s -s "$ROOT/bench/province-wrk.lua" -H "Authorization: Bearer $REPORTER_TOKEN" "$URL" >/dev/null
  drain_outbox
  TASKS="$OUT/c-tasks.txt" PREFIX="/t/$UNIT/api/tasks/" wrk_run c-paced "$REPORTER_TOKEN" "$URL" "$C_CONNS" "$C_CONNS" "$C_RATE" "$DURATION"
  drain_outbox
  TASKS="$OUT/c-tasks.txt" PREFIX="/t/$UNIT/api/tasks/" wrk_run c-saturated "$REPORTER_TOKEN" "$URL" 2 4 0 "$SAT_DURATION"
  drain_outbox
  # Eight posts, each on its own task, replayed in turn (concurrent replays of one post would queue on its row).
  C_STEPS=""
  for TASK in $(head -8 "$OUT/c-tasks.txt"); do
    extract "c-$TASK" "POST" "/t/$UNIT/api/tasks/$TASK/progress" "$REPORTER_TOKEN" "$(user_id "$REPORTER")" "$UNIT_ID" \
      '{"text":"Cập nhật tiến độ đo hiệu năng","percent":55}'
    C_STEPS="$C_STEPS${C_STEPS:+,}c-$TASK"
  done
  drain_outbox
  FRESH_IDS=1 raw_run c-raw-paced "$C_STEPS" "$C_CONNS" "$C_RATE"
  FRESH_IDS=1 raw_run c-raw-saturated "$C_STEPS" 4 0
fi
echo "outputs in $OUT"
