#!/usr/bin/env bash
# The board of an annual report request whose 1,000 units have all submitted: the parent aggregates 12 indicators
# over the 1,000 slots it holds (each a copy of one unit's submission with its subtree's cells), as JSON and as .xlsx.
# One real request and submission go through the API; the other 999 slots are copies of that one (SQL, as the
# database owner), each with its own id and unit and the same figures. Nothing here asserts a time.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
WORK="${BENCH_DIR:-/tmp/cc-bench-reports}"; DATA="$WORK/pg"
UNITS="${UNITS:-1000}"; REPS="${REPS:-30}"
build
CHILDREN=2 seed_tree
start_app
PGPORT=$(sed -n 4p "$DATA/pgdata/postmaster.pid")
export PGPASSWORD=$(python3 -c "import json;print(json.load(open('$DATA/credentials.json'))['SuperUserPassword'])")
PSQL=$(ls /usr/lib/postgresql/*/bin/psql | tail -1)
psql() { "$PSQL" -h 127.0.0.1 -p "$PGPORT" -U postgres -d committeecloud -v ON_ERROR_STOP=1 -qAt "$@"; }
ROOT_TOKEN=$(token bench.root); CHILD_TOKEN=$(token bench.sec001)
api() { # token method path [json]
  curl -sS --fail-with-body -X "$2" "$URL$3" -H "Authorization: Bearer $1" -H 'content-type: application/json' ${4:+-d "$4"} \
    || { echo "$2 $3 failed" >&2; return 1; }
}
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }

REQUEST=$(psql -c "SELECT r.id FROM report_requests r JOIN tenants t ON t.id = r.tenant_id WHERE t.code = 'bench-root' LIMIT 1")
if [ -z "$REQUEST" ]; then
  CHILD=$(psql -c "SELECT id FROM tenants WHERE code = 'bench-xa-001'")
  INDICATORS=$(python3 -c "import json; print(json.dumps([{'name': f'Chỉ tiêu {i}', 'unit': 'cuộc', 'rule': ['Sum','Average','CountYes'][i % 3]} for i in range(1, 13)]))")
  TEMPLATE=$(api "$ROOT_TOKEN" POST /t/bench-root/api/report-templates \
    "{\"name\":\"Báo cáo năm\",\"sections\":[{\"title\":\"Kết quả\"},{\"title\":\"Phương hướng\"}],\"indicators\":$INDICATORS}" | json "d['id']")
  YEAR=$(date +%Y); DEADLINE=$(date -d '+10 days' +%F)
  REQUEST=$(api "$ROOT_TOKEN" POST /t/bench-root/api/report-requests \
    "{\"kind\":\"Annual\",\"year\":$YEAR,\"deadline\":\"$DEADLINE\",\"templateId\":\"$TEMPLATE\",\"childTenantIds\":[\"$CHILD\"]}" | json "d['id']")
  REPORT=$(api "$CHILD_TOKEN" GET /t/bench-xa-001/api/reports | json "d[0]['id']")
  FIGURES=$(python3 -c "import json; print(json.dumps([{'key': f'i{i}', 'value': 1 if i % 3 == 2 else 7} for i in range(1, 13)]))")
  api "$CHILD_TOKEN" PUT "/t/bench-xa-001/api/reports/$REPORT" "{\"sections\":[\"Đã thực hiện.\",\"Tiếp tục.\"],\"indicators\":$FIGURES}" >/dev/null
  api "$CHILD_TOKEN" POST "/t/bench-xa-001/api/reports/$REPORT/approve" '{}' >/dev/null
  api "$CHILD_TOKEN" POST "/t/bench-xa-001/api/reports/$REPORT/submit" '{}' >/dev/null
  for _ in $(seq 1 100); do
    [ "$(api "$ROOT_TOKEN" GET "/t/bench-root/api/report-requests/$REQUEST" | json "d['counts']['onTime']")" = 1 ] && break; sleep 0.2
  done
  psql -v request="$REQUEST" -v units="$UNITS" <<'SQL'
INSERT INTO report_slots (tenant_id, id, request_id, child_tenant_id, child_code, child_name, child_report_id, deadline, state, revision,
    submitted_at, submitted_late, last_comment, indicators, sections, subtree_cells, subtree_units, document_number, place, signer_name,
    signer_capacity, history, sequence, updated_at)
SELECT s.tenant_id, gen_random_uuid(), s.request_id, gen_random_uuid(), 'bench-unit-' || g, 'Đơn vị đo hiệu năng ' || g, gen_random_uuid(),
    s.deadline, s.state, s.revision, s.submitted_at, g % 10 = 0, NULL, s.indicators, s.sections, s.subtree_cells, s.subtree_units,
    s.document_number, s.place, s.signer_name, s.signer_capacity, s.history, s.sequence, s.updated_at
FROM report_slots s, generate_series(2, :units) g
WHERE s.request_id = :'request';
VACUUM ANALYZE report_slots;
SQL
fi
echo "request $REQUEST: $(psql -c "SELECT count(*) FROM report_slots WHERE request_id = '$REQUEST' AND state = 'Submitted'") submitted slots; load: $(cut -d' ' -f1-3 /proc/loadavg)"

measure() { # label path
  for _ in 1 2 3; do curl -sf -o /dev/null -H "Authorization: Bearer $ROOT_TOKEN" "$URL$2"; done
  for _ in $(seq 1 "$REPS"); do
    curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $ROOT_TOKEN" "$URL$2"
  done | python3 -c "
import sys, statistics
t = sorted(float(x) * 1000 for x in sys.stdin)
p95 = t[min(len(t) - 1, int(round(0.95 * len(t))) - 1)]
print(f'$1: n={len(t)} median {statistics.median(t):.1f} ms, p95 {p95:.1f} ms, max {t[-1]:.1f} ms')"
}
measure "board (JSON, 1,000 slots aggregated)" "/t/bench-root/api/report-requests/$REQUEST"
measure "aggregate.xlsx" "/t/bench-root/api/report-requests/$REQUEST/aggregate.xlsx"
api "$ROOT_TOKEN" GET "/t/bench-root/api/report-requests/$REQUEST" | json "[(r['name'], r['children'], r['childrenUnits']) for r in d['aggregate'][:3]]"
