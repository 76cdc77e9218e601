-- Three years of tasks in a province tree (root :'root' → its units → their cells), as the database owner, in one
-- transaction: the province's own tasks (:root_tasks), each handed to every unit (task_handoffs in the province, a
-- received row in each unit); every :handoff_every-th of them handed on by each unit to all its cells; the units'
-- and cells' own tasks (:unit_own, :cell_own each); a thread entry or two per task (task_updates); and the cascade
-- read model (task_nodes), one node per task with its unit's path, as TaskNodeProjector would have written it.
-- States follow age: work whose deadline passed a month ago is mostly accepted (some late, some cancelled), recent
-- work is spread over assigned … result reported. Deterministic apart from ids (hashes of sequence numbers).
-- The statement-level triggers on tasks and task_handoffs move every touched unit's task_list_versions row.
\set ON_ERROR_STOP on
BEGIN;
SET LOCAL work_mem = '256MB';

CREATE TEMP TABLE span ON COMMIT DROP AS SELECT current_date - 1095 AS first_day, current_date AS today;
CREATE TEMP TABLE titles ON COMMIT DROP AS SELECT * FROM unnest(ARRAY[
  'Tăng cường công tác dân vận chính quyền, tiếp công dân và đối thoại với Nhân dân',
  'Thực hiện Quy chế dân chủ ở cơ sở năm',
  'Triển khai phong trào thi đua "Dân vận khéo"',
  'Nắm tình hình tư tưởng, tâm trạng của Nhân dân',
  'Đẩy mạnh cải cách hành chính, nâng cao chỉ số hài lòng của người dân',
  'Vận động Nhân dân tham gia xây dựng nông thôn mới',
  'Giải quyết kiến nghị, phản ánh của cử tri sau kỳ họp',
  'Tuyên truyền, vận động đồng bào dân tộc thiểu số',
  'Xây dựng, nhân rộng mô hình dân vận khéo tiêu biểu',
  'Kiểm tra, giám sát việc thực hiện công tác dân vận',
  'Phối hợp với Mặt trận Tổ quốc và các đoàn thể vận động đoàn viên, hội viên',
  'Sơ kết, tổng kết và báo cáo kết quả thực hiện nhiệm vụ dân vận'
]) WITH ORDINALITY AS t(text, n);
CREATE TEMP TABLE root ON COMMIT DROP AS SELECT id, name, path FROM tenants WHERE code = :'root';
CREATE TEMP TABLE units ON COMMIT DROP AS
  SELECT t.id, t.code, t.name, row_number() OVER (ORDER BY t.code)::int AS u FROM tenants t JOIN root r ON t.parent_id = r.id;
CREATE TEMP TABLE cells ON COMMIT DROP AS
  SELECT t.id, t.code, t.name, t.parent_id AS unit_id, row_number() OVER (ORDER BY t.code)::int AS c
  FROM tenants t JOIN units u ON t.parent_id = u.id;

-- Shape of one task from its number n and its creation day: deadline kind, deadline, priority; state from age.
CREATE FUNCTION pg_temp.state_for(deadline date, n int, today date) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN deadline IS NOT NULL AND deadline < today - 30 THEN
      CASE WHEN n % 40 = 0 THEN 'Cancelled' WHEN n % 25 = 0 THEN 'ResultReported' ELSE 'Accepted' END
    ELSE (ARRAY['Assigned','Acknowledged','InProgress','InProgress','InProgress','InProgress','ResultReported','Returned',
                'Accepted','Paused'])[1 + (n::bigint * 7 + n / 3) % 10]
  END $$;
CREATE FUNCTION pg_temp.percent_for(state text, n int) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE state WHEN 'Accepted' THEN 100 WHEN 'ResultReported' THEN 100 WHEN 'InProgress' THEN 10 + (n % 9) * 10
                    WHEN 'Returned' THEN 60 + (n % 4) * 10 WHEN 'Paused' THEN (n % 5) * 10 ELSE 0 END::numeric $$;
CREATE FUNCTION pg_temp.completed_for(state text, deadline date, n int) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  -- One in six finished late, by a few days.
  SELECT CASE WHEN state = 'Accepted' THEN COALESCE(deadline, current_date - 5) + CASE WHEN n % 6 = 0 THEN 1 + n % 9 ELSE -(n % 12) END END $$;

-- The province's own tasks, spread evenly over the three years.
CREATE TEMP TABLE root_tasks ON COMMIT DROP AS
SELECT g.n, gen_random_uuid() AS id, g.created, g.kind, g.due,
       CASE g.kind WHEN 'Recurring' THEN LEAST(g.created + 365, GREATEST(date_trunc('quarter', s.today)::date + interval '3 months - 1 day', g.created + 90)::date)
                   WHEN 'OnDate' THEN g.due END AS deadline
FROM span s, LATERAL (
  SELECT n, s.first_day + ((n - 1) * 1095 / :root_tasks)::int AS created,
         CASE WHEN n % 12 = 0 THEN 'Standing' WHEN n % 12 = 6 THEN 'Recurring' ELSE 'OnDate' END AS kind,
         s.first_day + ((n - 1) * 1095 / :root_tasks)::int + 20 + (n * 37 % 160) AS due
  FROM generate_series(1, :root_tasks) n) g;
ALTER TABLE root_tasks ADD COLUMN state text, ADD COLUMN title text;
UPDATE root_tasks r SET
  state = CASE WHEN r.kind = 'Recurring' AND r.deadline < current_date THEN 'Accepted'
               WHEN r.deadline IS NOT NULL AND r.deadline < current_date - 30 THEN CASE WHEN r.n % 40 = 0 THEN 'Cancelled' ELSE 'Accepted' END
               WHEN r.kind = 'Standing' AND r.created < current_date - 365 THEN 'Accepted'
               ELSE 'InProgress' END,
  title = (SELECT text FROM titles WHERE titles.n = 1 + r.n % 12) || ' (' || to_char(r.created, 'MM/YYYY') || ')';

-- Each unit's row of each province task, and the province's hand-off to it.
CREATE TEMP TABLE unit_tasks ON COMMIT DROP AS
SELECT r.n * 1000 + u.u AS n, r.n AS root_n, gen_random_uuid() AS id, gen_random_uuid() AS handoff_id, r.id AS root_id, u.id AS tenant_id,
       u.code, u.name, r.created, r.kind, r.deadline, r.title, r.state AS root_state
FROM root_tasks r CROSS JOIN units u;
ALTER TABLE unit_tasks ADD COLUMN state text, ADD COLUMN percent numeric, ADD COLUMN completed date;
UPDATE unit_tasks t SET state = CASE WHEN t.root_state = 'Cancelled' THEN 'Cancelled'
                                     WHEN t.root_state = 'Accepted' THEN CASE WHEN t.n % 31 = 0 THEN 'ResultReported' ELSE 'Accepted' END
                                     ELSE pg_temp.state_for(t.deadline, t.n, current_date) END;
UPDATE unit_tasks t SET percent = pg_temp.percent_for(t.state, t.n), completed = pg_temp.completed_for(t.state, t.deadline, t.n);

-- Every :handoff_every-th province task goes on from each unit to all of the unit's cells.
CREATE TEMP TABLE cell_tasks ON COMMIT DROP AS
SELECT t.n * 1000 + c.c AS n, gen_random_uuid() AS id, gen_random_uuid() AS handoff_id, t.id AS parent_id, t.handoff_id AS parent_handoff,
       t.root_id, t.tenant_id AS unit_id, t.name AS unit_name, c.id AS tenant_id, c.code, c.name, t.created, t.kind, t.deadline, t.title,
       t.state AS unit_state
FROM unit_tasks t JOIN cells c ON c.unit_id = t.tenant_id
WHERE t.root_n % :handoff_every = 0;
ALTER TABLE cell_tasks ADD COLUMN state text, ADD COLUMN percent numeric, ADD COLUMN completed date;
UPDATE cell_tasks t SET state = CASE WHEN t.unit_state IN ('Cancelled', 'Accepted') THEN t.unit_state
                                     WHEN t.unit_state = 'ResultReported' THEN 'Accepted'
                                     ELSE pg_temp.state_for(t.deadline, t.n, current_date) END;
UPDATE cell_tasks t SET percent = pg_temp.percent_for(t.state, t.n), completed = pg_temp.completed_for(t.state, t.deadline, t.n);
-- A unit that handed a task on reports the average of its cells (as the roll-up does when the percent is not set by hand).
UPDATE unit_tasks t SET percent = a.percent
FROM (SELECT parent_id, round(avg(percent), 1) AS percent FROM cell_tasks GROUP BY parent_id) a
WHERE a.parent_id = t.id AND t.state NOT IN ('Accepted', 'Cancelled', 'ResultReported');

INSERT INTO tasks (id, tenant_id, origin, title, content, coordinating_unit_names, leader_name, deadline_kind, due_date, recurrence,
  recur_from, recur_until, review_dates, current_deadline, priority, state, percent, percent_set_by_hand, completed_on, result_reported_at,
  root_task_id, level, attachment_file_ids, planned_lead_tenant_ids, planned_coordinating_tenant_ids, explanation_pending, created_at, updated_at)
SELECT r.id, ro.id, CASE WHEN r.n % 3 = 0 THEN 'Plan' ELSE 'AdHoc' END, r.title,
  'Các đơn vị triển khai thực hiện, báo cáo kết quả về Ban Thường vụ Tỉnh ủy (qua Ban Dân vận).', '{}', 'Đồng chí Phó Bí thư Thường trực',
  r.kind, CASE WHEN r.kind = 'OnDate' THEN r.due END, CASE WHEN r.kind = 'Recurring' THEN 'Quarterly' END,
  CASE WHEN r.kind = 'Recurring' THEN r.created END, CASE WHEN r.kind = 'Recurring' THEN r.created + 365 END,
  CASE WHEN r.kind = 'Standing' THEN ARRAY[r.created + 180, r.created + 365] ELSE '{}' END::date[],
  r.deadline, (ARRAY['Normal','Normal','Normal','High','Urgent'])[1 + r.n % 5], r.state,
  CASE r.state WHEN 'Accepted' THEN 100 ELSE 0 END, false,
  CASE WHEN r.state = 'Accepted' THEN COALESCE(r.deadline, r.created + 365) END, NULL,
  r.id, 0, '{}', '{}', '{}', false, r.created, r.created + 1
FROM root_tasks r, root ro;

INSERT INTO task_handoffs (id, tenant_id, task_id, recipient_tenant_id, recipient_code, recipient_name, recipient_task_id, role, weight,
  state, percent, completed_on, result_reported_at, created_at, updated_at)
SELECT t.handoff_id, ro.id, t.root_id, t.tenant_id, t.code, t.name, t.id, 'Lead', 1, t.state, t.percent, t.completed,
  CASE WHEN t.state IN ('ResultReported', 'Accepted') THEN COALESCE(t.completed, current_date - 1)::timestamptz END, t.created,
  LEAST(now(), t.created + 2 + t.n % 60)
FROM unit_tasks t, root ro;

INSERT INTO tasks (id, tenant_id, origin, title, content, coordinating_unit_names, leader_name, deadline_kind, due_date, recurrence,
  recur_from, recur_until, review_dates, current_deadline, priority, state, percent, percent_set_by_hand, completed_on, result_reported_at,
  parent_tenant_id, parent_task_id, parent_handoff_id, parent_tenant_name, role_in_parent,
  root_task_id, level, attachment_file_ids, planned_lead_tenant_ids, planned_coordinating_tenant_ids, explanation_pending, created_at, updated_at)
SELECT t.id, t.tenant_id, CASE WHEN t.root_n % 3 = 0 THEN 'Plan' ELSE 'AdHoc' END, t.title,
  'Các đơn vị triển khai thực hiện, báo cáo kết quả về Ban Thường vụ Tỉnh ủy (qua Ban Dân vận).', '{}', 'Đồng chí Bí thư',
  t.kind, CASE WHEN t.kind = 'OnDate' THEN t.deadline END, CASE WHEN t.kind = 'Recurring' THEN 'Quarterly' END,
  CASE WHEN t.kind = 'Recurring' THEN t.created END, CASE WHEN t.kind = 'Recurring' THEN t.created + 365 END, '{}',
  t.deadline, (ARRAY['Normal','Normal','Normal','High','Urgent'])[1 + t.root_n % 5], t.state, t.percent,
  t.state = 'InProgress' AND t.n % 2 = 0, t.completed,
  CASE WHEN t.state IN ('ResultReported', 'Accepted') THEN COALESCE(t.completed, current_date - 1)::timestamptz END,
  ro.id, t.root_id, t.handoff_id, ro.name, 'Lead', t.root_id, 1, '{}', '{}', '{}', t.n % 97 = 0, t.created,
  LEAST(now(), t.created + 2 + t.n % 60)
FROM unit_tasks t, root ro;

INSERT INTO task_handoffs (id, tenant_id, task_id, recipient_tenant_id, recipient_code, recipient_name, recipient_task_id, role, weight,
  state, percent, completed_on, result_reported_at, created_at, updated_at)
SELECT t.handoff_id, t.unit_id, t.parent_id, t.tenant_id, t.code, t.name, t.id, 'Lead', 1, t.state, t.percent, t.completed,
  CASE WHEN t.state IN ('ResultReported', 'Accepted') THEN COALESCE(t.completed, current_date - 1)::timestamptz END, t.created + 3,
  LEAST(now(), t.created + 5 + t.n % 50)
FROM cell_tasks t;

INSERT INTO tasks (id, tenant_id, origin, title, content, coordinating_unit_names, leader_name, deadline_kind, due_date, recurrence,
  recur_from, recur_until, review_dates, current_deadline, priority, state, percent, percent_set_by_hand, completed_on, result_reported_at,
  parent_tenant_id, parent_task_id, parent_handoff_id, parent_tenant_name, role_in_parent,
  root_task_id, level, attachment_file_ids, planned_lead_tenant_ids, planned_coordinating_tenant_ids, explanation_pending, created_at, updated_at)
SELECT t.id, t.tenant_id, 'AdHoc', t.title, 'Chi bộ triển khai thực hiện, báo cáo kết quả về Đảng ủy.', '{}', 'Đồng chí Bí thư Chi bộ',
  t.kind, CASE WHEN t.kind = 'OnDate' THEN t.deadline END, CASE WHEN t.kind = 'Recurring' THEN 'Quarterly' END,
  CASE WHEN t.kind = 'Recurring' THEN t.created END, CASE WHEN t.kind = 'Recurring' THEN t.created + 365 END, '{}',
  t.deadline, 'Normal', t.state, t.percent, t.state = 'InProgress', t.completed,
  CASE WHEN t.state IN ('ResultReported', 'Accepted') THEN COALESCE(t.completed, current_date - 1)::timestamptz END,
  t.unit_id, t.parent_id, t.handoff_id, t.unit_name, 'Lead', t.root_id, 2, '{}', '{}', '{}', false, t.created + 3,
  LEAST(now(), t.created + 5 + t.n % 50)
FROM cell_tasks t;

-- Own tasks of the units and of the cells (plans, dialogues, ad hoc), spread over the three years.
CREATE TEMP TABLE own_tasks ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, o.tenant_id, o.k * 100003 + g.n AS n, g.n AS i,
       s.first_day + ((g.n - 1) * 1095 / o.count)::int AS created
FROM span s,
  (SELECT id AS tenant_id, u AS k, :unit_own AS count FROM units UNION ALL SELECT id, 10000 + c, :cell_own FROM cells) o,
  LATERAL generate_series(1, o.count) g(n);
ALTER TABLE own_tasks ADD COLUMN kind text, ADD COLUMN deadline date, ADD COLUMN state text;
UPDATE own_tasks t SET kind = CASE WHEN t.n % 10 = 9 THEN 'None' ELSE 'OnDate' END,
                       deadline = CASE WHEN t.n % 10 = 9 THEN NULL ELSE t.created + 15 + t.n % 90 END;
UPDATE own_tasks t SET state = CASE pg_temp.state_for(t.deadline, t.n, current_date)
                                 WHEN 'ResultReported' THEN 'InProgress' WHEN 'Returned' THEN 'InProgress' -- own work is closed by the unit
                                 WHEN 'Assigned' THEN 'Acknowledged' ELSE pg_temp.state_for(t.deadline, t.n, current_date) END;
INSERT INTO tasks (id, tenant_id, origin, title, content, coordinating_unit_names, leader_name, deadline_kind, due_date,
  review_dates, current_deadline, priority, state, percent, percent_set_by_hand, completed_on,
  root_task_id, level, attachment_file_ids, planned_lead_tenant_ids, planned_coordinating_tenant_ids, explanation_pending, created_at, updated_at)
SELECT t.id, t.tenant_id, (ARRAY['Plan','Dialogue','AdHoc','AdHoc'])[1 + t.n % 4],
  (SELECT text FROM titles WHERE titles.n = 1 + (t.n::bigint * 5) % 12) || ' tại đơn vị, đợt ' || t.i, 'Nội dung chi tiết của nhiệm vụ.', '{}',
  'Đồng chí Phó Bí thư', t.kind, t.deadline, '{}', t.deadline, (ARRAY['Normal','Normal','Normal','High','Urgent'])[1 + t.n % 5], t.state,
  pg_temp.percent_for(t.state, t.n), t.state = 'InProgress', pg_temp.completed_for(t.state, t.deadline, t.n),
  t.id, 0, '{}', '{}', '{}', false, t.created, LEAST(now(), t.created + 1 + t.n % 40)
FROM own_tasks t;

-- The thread: how each task began (created here, or assigned from above), and for work under way a progress report.
INSERT INTO task_updates (id, tenant_id, task_id, kind, text, percent, author_name, unit_name, at)
SELECT gen_random_uuid(), t.tenant_id, t.id, CASE WHEN t.parent_task_id IS NULL THEN 'Created' ELSE 'Assigned' END,
  NULL, NULL, 'Văn phòng', u.name, t.created_at
FROM tasks t JOIN tenants u ON u.id = t.tenant_id JOIN span ON true
WHERE u.path <@ (SELECT path FROM root);
INSERT INTO task_updates (id, tenant_id, task_id, kind, text, percent, author_name, unit_name, at)
SELECT gen_random_uuid(), t.tenant_id, t.id, 'Progress', 'Đã triển khai tới các chi bộ, tổ chức hội nghị quán triệt; đang tổng hợp kết quả.',
  t.percent, 'Cán bộ đầu mối', u.name, t.created_at + (COALESCE(t.current_deadline, t.created_at::date + 60) - t.created_at::date) / 2 * interval '1 day'
FROM tasks t JOIN tenants u ON u.id = t.tenant_id
WHERE u.path <@ (SELECT path FROM root) AND t.state IN ('InProgress', 'ResultReported', 'Accepted', 'Returned') AND t.level > 0;

-- The cascade read model, one node per task, as each unit's own TaskChanged events would have left it.
INSERT INTO task_nodes (task_id, tenant_id, path, unit_code, unit_name, parent_task_id, root_task_id, level, title, state, percent, deadline,
  completed_on, explanation_pending, last_explanation, updated_at)
SELECT t.id, t.tenant_id, u.path, u.code, u.name, t.parent_task_id, t.root_task_id, t.level, t.title, t.state, t.percent, t.current_deadline,
  t.completed_on, t.explanation_pending, t.last_explanation, t.updated_at
FROM tasks t JOIN tenants u ON u.id = t.tenant_id
WHERE u.path <@ (SELECT path FROM root)
ON CONFLICT (task_id) DO NOTHING;

SELECT (SELECT count(*) FROM root_tasks) AS province_tasks, (SELECT count(*) FROM unit_tasks) AS unit_received,
       (SELECT count(*) FROM cell_tasks) AS cell_received, (SELECT count(*) FROM own_tasks) AS own_tasks;
COMMIT;
