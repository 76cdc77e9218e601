#!/usr/bin/env bash
# Benchmark 3: finalizing a review cycle of 1,000 units with 20 criteria each. One root unit with 1,000 direct children
# (no members: only the root's secretary signs in, so the tree applies without 1,000 password hashes); a 20-criterion
# template; a cycle opened for all 1,000 through the API; every unit's sheet filled with SQL (self-scores, a third of
# them adjusted, bonus and deduction lines, some units set aside); then REPS times (default 5, after 1 warm-up):
# POST /finalize (timed: the server answers after the commit of the 1,000 results and 1,000 outbox rows), then
# POST /reopen to make the next run possible. Also printed: the time until all 1,000 units' sheets hold their result
# (the routed events delivered in the background). Data in $BENCH_DIR (default /tmp/cc-bench-reviews).
export BENCH_DIR="${BENCH_DIR:-/tmp/cc-bench-reviews}" PORT="${PORT:-5391}"
source "$(dirname "$0")/common.sh"
UNITS="${UNITS:-1000}"
build
mkdir -p "$WORK"
python3 - "$UNITS" "$WORK/tree.json" <<'PY'
import json, sys
n, out = int(sys.argv[1]), sys.argv[2]
tenants = [{"code": "bench-root", "name": "Tỉnh ủy đo hiệu năng", "kind": "PartyCommittee", "level": "Tỉnh",
            "members": [{"user": "bench.root", "roles": ["Secretary"], "position": "Bí thư"}]}]
tenants += [{"code": f"bench-dv-{i:04}", "name": f"Đơn vị đo hiệu năng {i:04}", "kind": "GrassrootsCommittee", "level": "Xã",
             "parent": "bench-root", "members": []} for i in range(1, n + 1)]
people = [{"userName": "bench.root", "fullName": "Bí thư đơn vị gốc", "email": "bench.root@bench.vn", "password": "DanVan@2026"}]
json.dump({"people": people, "tenants": tenants}, open(out, "w", encoding="utf-8"), ensure_ascii=False)
PY
dotnet run -c Release --no-build --project "$ROOT/src/CommitteeCloud.Web" -- tenants apply "$WORK/tree.json" \
  --Database:DataDirectory="$DATA" --Logging:LogLevel:Default=Warning
start_app
PGPORT=$(sed -n 4p "$DATA/pgdata/postmaster.pid")
export PGPASSWORD=$(python3 -c "import json;print(json.load(open('$DATA/credentials.json'))['SuperUserPassword'])")
PSQL=$(ls /usr/lib/postgresql/*/bin/psql | tail -1)
export PSQL PGPORT URL UNITS
python3 -u - <<'PY'
import json, os, statistics, subprocess, time, urllib.request
url, units = os.environ["URL"], int(os.environ["UNITS"])
def psql(sql):
    return subprocess.run([os.environ["PSQL"], "-h", "127.0.0.1", "-p", os.environ["PGPORT"], "-U", "postgres", "-d", "committeecloud",
                           "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql], check=True, capture_output=True, text=True).stdout.strip()
def call(method, path, body=None, token=None):
    req = urllib.request.Request(url + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"content-type": "application/json", **({"authorization": "Bearer " + token} if token else {})})
    with urllib.request.urlopen(req, timeout=600) as r:
        return json.loads(r.read() or "null")
token = call("POST", "/api/auth/token", {"userName": "bench.root", "password": "DanVan@2026"})["accessToken"]
api = "/t/bench-root/api"
cycle_id = psql("SELECT c.id FROM review_cycles c JOIN tenants t ON t.id = c.tenant_id WHERE t.code = 'bench-root' LIMIT 1")
if not cycle_id:
    template = call("POST", f"{api}/review-templates", token=token, body={
        "name": "Bộ tiêu chí đo hiệu năng (20 tiêu chí)", "total": 100,
        "groups": [{"name": f"Nhóm {g + 1}", "criteria": [{"code": f"{g * 5 + c + 1}", "title": f"Tiêu chí {g * 5 + c + 1}", "maxPoints": 5,
                    "selfScored": (g * 5 + c) < 18} for c in range(5)]} for g in range(4)],
        "bonuses": [{"code": "T1", "title": "Mô hình được công nhận", "maxPoints": 5}, {"code": "T2", "title": "Khen thưởng", "maxPoints": 5}],
        "bonusCap": 8, "deductions": [{"code": "D1", "title": "Nhiệm vụ quá hạn", "pointsEach": 1, "maxPoints": 5, "indicatorCode": "tasks.overdue"}],
        "deductionCap": 5, "bands": [{"name": "Hoàn thành xuất sắc nhiệm vụ", "minScore": 90}, {"name": "Hoàn thành tốt nhiệm vụ", "minScore": 70},
                                      {"name": "Hoàn thành nhiệm vụ", "minScore": 50}, {"name": "Không hoàn thành nhiệm vụ", "minScore": 0}]})
    children = psql("SELECT string_agg(c.id::text, ',') FROM tenants c JOIN tenants p ON p.id = c.parent_id WHERE p.code = 'bench-root'").split(",")
    t0 = time.perf_counter()
    cycle = call("POST", f"{api}/review-cycles", token=token, body={"templateId": template["id"], "year": 2026, "title": "Đánh giá đo hiệu năng",
                                                                      "deadline": "2030-12-31", "childTenantIds": children})
    print(f"opened the cycle for {len(children)} units in {time.perf_counter() - t0:.1f} s")
    cycle_id = cycle["id"]
    # Every sheet filled as the units and appraisers would have: self-scores 2-5, a third adjusted with a reason,
    # bonus and deduction lines, one unit in fifty set aside.
    psql(f"""UPDATE unit_reviews u SET state = 'Submitted', submitted_at = now(), submissions = 1,
        not_eligible_reason = CASE WHEN abs(hashtext(u.id::text)) % 50 = 0 THEN 'Đơn vị mới thành lập' END,
        lines = (SELECT jsonb_agg(jsonb_build_object('code', l->>'code',
                   'selfScore', CASE WHEN l->>'code' IN ('19', '20') THEN NULL WHEN l->>'code' LIKE 'T%' THEN abs(hashtext(u.id::text || (l->>'code'))) % 6
                                     WHEN l->>'code' = 'D1' THEN abs(hashtext(u.id::text)) % 4 ELSE 2 + abs(hashtext(u.id::text || (l->>'code'))) % 4 END,
                   'explanation', 'Đã thực hiện', 'evidence', '[]'::jsonb,
                   'appraisedScore', CASE WHEN l->>'code' IN ('19', '20') OR abs(hashtext(u.id::text || (l->>'code') || 'a')) % 3 = 0
                                          THEN 1 + abs(hashtext(u.id::text || (l->>'code') || 'b')) % 5 END,
                   'appraisalReason', 'Điều chỉnh theo kết quả kiểm tra', 'appraisedBy', 'Thẩm định viên', 'appraisedAt', now()))
                 FROM jsonb_array_elements(u.lines) l)
        WHERE u.cycle_id = '{cycle_id}'""")
    psql("VACUUM ANALYZE unit_reviews")
print(psql(f"SELECT count(*) || ' units, ' || sum(jsonb_array_length(lines)) || ' lines' FROM unit_reviews WHERE cycle_id = '{cycle_id}'"))
reps, warmup = int(os.environ.get("REPS", "5")), int(os.environ.get("WARMUP", "1"))
finals, deliveries = [], []
state = psql(f"SELECT state FROM review_cycles WHERE id = '{cycle_id}'")
for run in range(warmup + reps):
    if state == "Finalized":
        call("POST", f"{api}/review-cycles/{cycle_id}/reopen", token=token, body={"reason": f"Đo hiệu năng lần {run + 1}"})
        while psql(f"SELECT count(*) FROM self_assessments WHERE cycle_id = '{cycle_id}' AND state = 'Finalized'") != "0": time.sleep(0.5)
    time.sleep(3)
    t0 = time.perf_counter()
    board = call("POST", f"{api}/review-cycles/{cycle_id}/finalize", token=token, body={})
    took = time.perf_counter() - t0
    while psql(f"SELECT count(*) FROM self_assessments WHERE cycle_id = '{cycle_id}' AND state = 'Finalized'") != str(units): time.sleep(0.1)
    delivered = time.perf_counter() - t0
    state = "Finalized"
    ranked = sum(1 for r in board["ranking"] if r["rank"] is not None)
    print(f"{'warm-up' if run < warmup else 'run'} {run + 1}: finalize {took * 1000:.0f} ms ({len(board['ranking'])} units, {ranked} ranked); "
          f"all results in the units' sheets after {delivered:.1f} s")
    if run >= warmup: finals.append(took); deliveries.append(delivered)
if finals:
    print(f"finalize: median {statistics.median(finals) * 1000:.0f} ms, max {max(finals) * 1000:.0f} ms over {len(finals)} runs (target < 5 s)")
    print(f"results delivered to all units: median {statistics.median(deliveries):.1f} s")
PY
