#!/usr/bin/env python3
"""Reports and review scores of three years between the province and its units, for the province-scale dataset.

Opening goes through the API, so the app itself fans each request and cycle out to every unit (slots and reports,
unit reviews and self-assessments in each unit's tenant). The API only opens work due from today on, and filling
1,860 reports through it would take ~5,600 calls, so the rest is SQL as the database owner:
- reports: one unit fills, approves and submits one report through the API; every other report of the three years
  and its slot in the province take that submission's content (indicators, sections, cells, history) with its own
  dates: period, deadline ten days after it, submitted before it (one in ten late). Periods still to come stay open.
- reviews: a cycle a year; the units' sheets are scored with SQL (as finalize-review.sh does), and the past years'
  cycles are finalized through the API (totals, bands, ranks, results routed to the units by the outbox).
Idempotent: does nothing when the province already holds report requests.
Environment: URL, ROOT_CODE, ROOT_USER, PSQL_BIN, PGPORT, PGPASSWORD.
"""
import datetime, json, os, subprocess, time, urllib.error, urllib.request

URL, ROOT = os.environ["URL"], os.environ["ROOT_CODE"]
PASSWORD = "DanVan@2026"


def psql(sql):
    return subprocess.run([os.environ["PSQL_BIN"], "-h", "127.0.0.1", "-p", os.environ["PGPORT"], "-U", "postgres", "-d", "committeecloud",
                           "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql], check=True, capture_output=True, text=True).stdout.strip()


def call(method, path, body=None, token=None):
    req = urllib.request.Request(URL + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"content-type": "application/json", **({"authorization": "Bearer " + token} if token else {})})
    try:
        with urllib.request.urlopen(req, timeout=600) as r:
            return json.loads(r.read() or "null")
    except urllib.error.HTTPError as e:
        raise SystemExit(f"{method} {path}: {e.code} {e.read().decode()[:2000]}")


def token(user):
    return call("POST", "/api/auth/token", {"userName": user, "password": PASSWORD})["accessToken"]


if psql(f"SELECT count(*) FROM report_requests r JOIN tenants t ON t.id = r.tenant_id WHERE t.code = '{ROOT}'") != "0":
    print("reports and reviews: already there")
    raise SystemExit(0)

root_token = token(os.environ["ROOT_USER"])
api = f"/t/{ROOT}/api"
units = psql(f"SELECT string_agg(c.id::text, ',' ORDER BY c.code) FROM tenants c JOIN tenants p ON p.id = c.parent_id WHERE p.code = '{ROOT}'").split(",")
today = datetime.date.today()
years = [today.year - 2, today.year - 1, today.year]
future = (today + datetime.timedelta(days=30)).isoformat()

# --- Reports: a quarterly series and an annual report a year, to every unit.
t0 = time.perf_counter()
indicators = [{"name": n, "unit": u, "rule": r} for n, u, r in [
    ("Số cuộc tiếp xúc, đối thoại với Nhân dân", "cuộc", "Sum"), ("Số lượt người dân được tiếp", "lượt", "Sum"),
    ("Số kiến nghị, phản ánh tiếp nhận", "kiến nghị", "Sum"), ("Số kiến nghị đã giải quyết", "kiến nghị", "Sum"),
    ("Số mô hình dân vận khéo", "mô hình", "Sum"), ("Tỷ lệ hài lòng", "%", "Average"),
    ("Số hội nghị quán triệt", "hội nghị", "Sum"), ("Số đảng viên tham gia", "người", "Sum"),
    ("Tổ chức đối thoại định kỳ", "có/không", "CountYes"), ("Số buổi giám sát", "buổi", "Sum"),
    ("Số tin bài tuyên truyền", "tin bài", "Sum"), ("Có quy chế dân vận của đơn vị", "có/không", "CountYes")]]
template = call("POST", f"{api}/report-templates", token=root_token, body={
    "name": "Báo cáo kết quả công tác dân vận", "sections": [{"title": "Kết quả thực hiện"}, {"title": "Hạn chế, nguyên nhân"},
                                                             {"title": "Phương hướng, nhiệm vụ kỳ tới"}],
    "indicators": indicators})["id"]
for year in years:
    call("POST", f"{api}/report-requests", token=root_token, body={"kind": "Quarterly", "year": year, "number": 1, "recurring": True,
                                                                    "deadline": future, "templateId": template, "childTenantIds": units})
    call("POST", f"{api}/report-requests", token=root_token, body={"kind": "Annual", "year": year, "deadline": future,
                                                                    "templateId": template, "childTenantIds": units})
requests = psql(f"SELECT count(*) FROM report_requests r JOIN tenants t ON t.id = r.tenant_id WHERE t.code = '{ROOT}'")
print(f"report requests: {requests} sent to {len(units)} units in {time.perf_counter() - t0:.1f} s")

# One real submission, through the API, by the first unit's secretary (it also approves).
first_unit, first_code = psql(f"SELECT id, code FROM tenants WHERE id = '{units[0]}'").split("|")
secretary = psql(f"""SELECT u.user_name FROM memberships m JOIN users u ON u.id = m.user_id JOIN tenant_roles r ON r.id = ANY (m.role_ids)
                     WHERE m.tenant_id = '{first_unit}' AND r.tenant_id = m.tenant_id AND r.name = 'Secretary' LIMIT 1""")
unit_token = token(secretary)
report = psql(f"SELECT id FROM reports WHERE tenant_id = '{first_unit}' AND kind = 'Annual' AND year = {years[0]}")
detail = call("GET", f"/t/{first_code}/api/reports/{report}", token=unit_token)
keys = [i["key"] for i in detail["indicators"]]
figures = [{"key": k, "value": (1 if indicators[n]["rule"] == "CountYes" else 90 if indicators[n]["rule"] == "Average" else 7 + n)}
           for n, k in enumerate(keys)]
call("PUT", f"/t/{first_code}/api/reports/{report}", token=unit_token, body={
    "sections": ["Đã tổ chức quán triệt, triển khai đầy đủ các văn bản của cấp trên; tiếp và đối thoại với Nhân dân theo quy định.",
                 "Một số chi bộ còn chậm báo cáo.", "Tiếp tục nâng cao chất lượng công tác dân vận chính quyền."],
    "indicators": figures})
call("POST", f"/t/{first_code}/api/reports/{report}/approve", token=unit_token, body={})
call("POST", f"/t/{first_code}/api/reports/{report}/submit", token=unit_token, body={})
for _ in range(300):
    if psql(f"SELECT state FROM report_slots WHERE child_report_id = '{report}'") == "Submitted": break
    time.sleep(0.2)
else:
    raise SystemExit("the submitted report did not reach the province's slot")

# Every report whose period ended is submitted with that content; dates follow the period.
psql(f"""
BEGIN;
CREATE TEMP TABLE due ON COMMIT DROP AS
  SELECT r.id, r.tenant_id, r.slot_id, r.period_to + 10 AS deadline,
         (r.period_to + 10 - CASE WHEN abs(hashtext(r.id::text)) % 10 = 0 THEN -3 ELSE 2 + abs(hashtext(r.id::text)) % 7 END)::timestamptz
           + interval '9 hours' AS submitted_at,
         abs(hashtext(r.id::text)) % 10 = 0 AS late
  FROM reports r JOIN tenants p ON p.id = r.parent_tenant_id
  WHERE p.code = '{ROOT}' AND r.period_to < current_date - 10 AND r.id <> '{report}';
UPDATE report_requests q SET opens_on = q.period_to - 20, deadline = q.period_to + 10, sent_at = (q.period_to - 20)::timestamptz
  FROM tenants p WHERE p.id = q.tenant_id AND p.code = '{ROOT}';
UPDATE reports r SET state = s.state, indicators = s.indicators, sections = s.sections, history = s.history, approved_by = s.approved_by,
    approved_at = d.submitted_at - interval '1 hour', submitted_at = d.submitted_at, submitted_late = d.late, revision = s.revision,
    document_number = s.document_number, place = s.place, signer_name = s.signer_name, signer_capacity = s.signer_capacity,
    opens_on = r.period_to - 20, deadline = d.deadline, created_at = (r.period_to - 20)::timestamptz, updated_at = d.submitted_at
  FROM due d, reports s
  WHERE d.id = r.id AND d.tenant_id = r.tenant_id AND s.id = '{report}';
UPDATE report_slots sl SET state = s.state, indicators = s.indicators, sections = s.sections, subtree_cells = s.subtree_cells,
    history = s.history, revision = s.revision, subtree_units = s.subtree_units, document_number = s.document_number, place = s.place,
    signer_name = s.signer_name, signer_capacity = s.signer_capacity, submitted_at = d.submitted_at, submitted_late = d.late,
    deadline = d.deadline, updated_at = d.submitted_at
  FROM due d, report_slots s
  WHERE sl.child_report_id = d.id AND s.child_report_id = '{report}';
UPDATE reports r SET opens_on = r.period_to - 20, deadline = GREATEST(current_date, r.period_to + 10)
  FROM tenants p WHERE p.id = r.parent_tenant_id AND p.code = '{ROOT}' AND r.period_to >= current_date - 10;
UPDATE report_slots sl SET deadline = GREATEST(current_date, q.period_to + 10)
  FROM report_requests q WHERE q.id = sl.request_id AND q.tenant_id = sl.tenant_id AND q.period_to >= current_date - 10;
COMMIT;""")
print("report slots: " + psql(f"""SELECT string_agg(state || ' ' || n, ', ') FROM (SELECT sl.state, count(*) n FROM report_slots sl
                                  JOIN tenants p ON p.id = sl.tenant_id WHERE p.code = '{ROOT}' GROUP BY 1 ORDER BY 1) x"""))

# --- Reviews: a cycle a year over every unit; the past years scored and finalized.
t0 = time.perf_counter()
criteria = call("POST", f"{api}/review-templates", token=root_token, body={
    "name": "Tiêu chí đánh giá công tác dân vận (20 tiêu chí)", "total": 100,
    "groups": [{"name": f"Nhóm {g + 1}", "criteria": [{"code": f"{g * 5 + c + 1}", "title": f"Tiêu chí {g * 5 + c + 1}", "maxPoints": 5,
                                                        "selfScored": (g * 5 + c) < 18} for c in range(5)]} for g in range(4)],
    "bonuses": [{"code": "T1", "title": "Mô hình được công nhận", "maxPoints": 5}, {"code": "T2", "title": "Khen thưởng", "maxPoints": 5}],
    "bonusCap": 8, "deductions": [{"code": "D1", "title": "Nhiệm vụ quá hạn", "pointsEach": 1, "maxPoints": 5, "indicatorCode": "tasks.overdue"}],
    "deductionCap": 5, "bands": [{"name": "Hoàn thành xuất sắc nhiệm vụ", "minScore": 90}, {"name": "Hoàn thành tốt nhiệm vụ", "minScore": 70},
                                  {"name": "Hoàn thành nhiệm vụ", "minScore": 50}, {"name": "Không hoàn thành nhiệm vụ", "minScore": 0}]})["id"]
for year in years:
    cycle = call("POST", f"{api}/review-cycles", token=root_token, body={
        "templateId": criteria, "year": year, "title": f"Đánh giá công tác dân vận năm {year}", "deadline": future, "childTenantIds": units})["id"]
    # Past years: every sheet submitted and appraised; this year: two units in three have submitted so far.
    psql(f"""UPDATE unit_reviews u SET state = 'Submitted', submitted_at = make_date({year}, 12, 10)::timestamptz, submissions = 1,
        not_eligible_reason = CASE WHEN abs(hashtext(u.id::text)) % 50 = 0 THEN 'Đơn vị mới thành lập' END,
        lines = (SELECT jsonb_agg(jsonb_build_object('code', l->>'code',
                   'selfScore', CASE WHEN l->>'code' IN ('19', '20') THEN NULL WHEN l->>'code' LIKE 'T%' THEN abs(hashtext(u.id::text || (l->>'code'))) % 6
                                     WHEN l->>'code' = 'D1' THEN abs(hashtext(u.id::text)) % 4 ELSE 2 + abs(hashtext(u.id::text || (l->>'code'))) % 4 END,
                   'explanation', 'Đã thực hiện', 'evidence', '[]'::jsonb,
                   'appraisedScore', CASE WHEN l->>'code' IN ('19', '20') OR abs(hashtext(u.id::text || (l->>'code') || 'a')) % 3 = 0
                                          THEN 1 + abs(hashtext(u.id::text || (l->>'code') || 'b')) % 5 END,
                   'appraisalReason', 'Điều chỉnh theo kết quả kiểm tra', 'appraisedBy', 'Thẩm định viên', 'appraisedAt', now()))
                 FROM jsonb_array_elements(u.lines) l)
        WHERE u.cycle_id = '{cycle}' AND ({year} < {today.year} OR abs(hashtext(u.id::text)) % 3 <> 0)""")
    if year < today.year:
        call("POST", f"{api}/review-cycles/{cycle}/finalize", token=root_token, body={})
print(f"review cycles: {len(years)} over {len(units)} units ({len(years) - 1} finalized) in {time.perf_counter() - t0:.1f} s")
