#!/usr/bin/env bash
# Generates and loads the province-scale dataset into $BENCH_DIR (default /tmp/cc-bench-province): TENANTS (1,000)
# tenants in the generator's shape (a province, ~1/8 communes, wards and agencies, the rest their cells), with
# PEOPLE_PER_TENANT (20) people each; three years of tasks (~200,000 with the defaults below: the province's own,
# each handed to every unit, a quarter of them handed on to the cells, and the units' and cells' own work), reports
# (a quarterly and an annual request a year from the province to every unit, all submitted) and review scores (a
# cycle a year, scored and finalized). Idempotent: each step looks at what is already there and skips itself, so a
# second run takes seconds. Prints each step's duration and the total. The app is stopped at the end.
#
# How each part is written, and why:
# - people: straight into `users` with SQL and one shared precomputed Identity hash (people.py says why), so that
#   `tenants apply` hashes nothing;
# - tenants, roles and memberships: the app's own `tenants apply`, with the app running beside it so that the
#   outbox fills the read models (unit_summaries) as it would in production;
# - tasks, hand-offs, threads, cascade nodes: tasks.sql as the database owner (set-based, in one transaction);
# - reports and reviews: opened through the API (the app's own fan-out to every unit), then filled and submitted with
#   SQL from one submission made through the API (reports-reviews.py);
# - the supervision dashboard's read model: rebuilt from those tables by the app's own `dashboard rebuild`.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ROOT_TASKS="${ROOT_TASKS:-480}" HANDOFF_EVERY="${HANDOFF_EVERY:-4}" UNIT_OWN="${UNIT_OWN:-80}" CELL_OWN="${CELL_OWN:-29}"
T0=$(date +%s.%N)
step() { # label: prints the duration of the previous step
  local now; now=$(date +%s.%N)
  [ -n "${STEP:-}" ] && printf '  %-44s %7.1f s\n' "$STEP" "$(echo "$now - $STEP_AT" | bc)"
  STEP="$1"; STEP_AT=$now
}
command -v bc >/dev/null || apt-get install -y bc >/dev/null

step "build"
build
mkdir -p "$WORK"

step "generate the tree file"
if [ ! -f "$TREE" ]; then
  dotnet "$ROOT/src/CommitteeCloud.Web/bin/Release/net10.0/CommitteeCloud.Web.dll" tenants generate --count "$TENANTS" \
    --people-per-tenant "$PEOPLE_PER_TENANT" --prefix "$PREFIX" --out "$TREE"
fi

step "start the app (creates the database once)"
start_app

step "people (SQL, one shared hash)"
python3 "$ROOT/bench/province/people.py" "$TREE" | psql_owner >/dev/null
echo "  users: $(psql_owner -c "SELECT count(*) FROM users WHERE user_name LIKE '$PREFIX.%'")"

step "tenants and memberships (tenants apply)"
# A second apply would change nothing but still reads every tenant and membership (~30 s): skipped when all are there.
if [ "$(psql_owner -c "SELECT count(*) FROM tenants WHERE code LIKE '$PREFIX-%'") $(psql_owner -c "SELECT count(*) FROM memberships m
      JOIN tenants t ON t.id = m.tenant_id WHERE t.code LIKE '$PREFIX-%'")" != "$TENANTS $((TENANTS * PEOPLE_PER_TENANT))" ]; then
  dotnet "$ROOT/src/CommitteeCloud.Web/bin/Release/net10.0/CommitteeCloud.Web.dll" tenants apply "$TREE" \
    --Database:DataDirectory="$DATA" --Logging:LogLevel:Default=Warning | sed 's/^/  /'
fi

step "read models (outbox drained)"
# Each membership's MemberAdded event would recompute its unit's whole summary (20,000 recomputes of 1,000 rows) and
# put a "you were added" notice in the new member's inbox. The unit's TenantProvisioned delivery recomputes the same
# summary from all its memberships, which are committed by then, so only the welcome notices are given up.
psql_owner -c "UPDATE outbox_deliveries d SET completed_at = now(), locked_until = NULL FROM outbox_messages m
  WHERE m.id = d.message_id AND d.completed_at IS NULL AND m.type = 'MemberAdded' AND m.tenant_id IN
  (SELECT id FROM tenants WHERE code LIKE '$PREFIX-%')"
drain_outbox
echo "  unit summaries: $(psql_owner -c "SELECT count(*) FROM unit_summaries")"

step "tasks (tasks.sql)"
ROOT_PATH=$(psql_owner -c "SELECT path FROM tenants WHERE code = '$ROOT_CODE'")
have=$(psql_owner -c "SELECT count(*) FROM tasks t JOIN tenants u ON u.id = t.tenant_id WHERE u.path <@ '$ROOT_PATH'")
if [ "$have" = 0 ]; then
  psql_owner -v root="$ROOT_CODE" -v root_tasks="$ROOT_TASKS" -v handoff_every="$HANDOFF_EVERY" -v unit_own="$UNIT_OWN" \
    -v cell_own="$CELL_OWN" -F ' ' -f "$ROOT/bench/province/tasks.sql" | sed 's/^/  province, unit received, cell received, own: /'
fi

step "reports and reviews (API + SQL)"
ROOT_USER=$(member_of "$ROOT_CODE" 0) PSQL_BIN="$PSQL_BIN" PGPORT=$(sed -n 4p "$DATA/pgdata/postmaster.pid") \
  PGPASSWORD=$(python3 -c "import json;print(json.load(open('$DATA/credentials.json'))['SuperUserPassword'])") \
  URL="$URL" ROOT_CODE="$ROOT_CODE" python3 -u "$ROOT/bench/province/reports-reviews.py" | sed 's/^/  /'
drain_outbox

step "dashboard read model (dashboard rebuild)"
# The supervision dashboard is a read model the outbox keeps from every change; rows written with SQL never passed
# through it, so it is rebuilt from the tables once, with the app's own command (it runs beside the app). Its rows
# alone say nothing: the outbox already fed it the reports and reviews opened through the API.
if [ ! -f "$WORK/dashboard-rebuilt" ]; then
  dotnet "$ROOT/src/CommitteeCloud.Web/bin/Release/net10.0/CommitteeCloud.Web.dll" dashboard rebuild \
    --Database:DataDirectory="$DATA" --Logging:LogLevel:Default=Warning | sed 's/^/  /'
  touch "$WORK/dashboard-rebuilt"
fi

step "VACUUM ANALYZE"
psql_owner -c "VACUUM ANALYZE"

step "done"
psql_owner -F ' ' -c "SELECT 'tenants', count(*) FROM tenants UNION ALL SELECT 'users', count(*) FROM users
  UNION ALL SELECT 'memberships', count(*) FROM memberships UNION ALL SELECT 'tasks', count(*) FROM tasks
  UNION ALL SELECT 'task_handoffs', count(*) FROM task_handoffs UNION ALL SELECT 'task_updates', count(*) FROM task_updates
  UNION ALL SELECT 'task_nodes', count(*) FROM task_nodes UNION ALL SELECT 'report_slots', count(*) FROM report_slots
  UNION ALL SELECT 'reports', count(*) FROM reports UNION ALL SELECT 'unit_reviews', count(*) FROM unit_reviews
  UNION ALL SELECT 'dashboard_items', count(*) FROM dashboard_items
  UNION ALL SELECT 'database MB', pg_database_size('committeecloud') / 1048576" | sed 's/^/  /'
stop_app
printf 'province dataset ready in %s: %.0f s in all\n' "$WORK" "$(echo "$(date +%s.%N) - $T0" | bc)"
