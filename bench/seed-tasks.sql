-- 5,000 realistic tasks in one unit (:'unit'), as the database owner: half received from the parent, half the unit's own;
-- mixed states, priorities and deadlines around today (overdue, due soon, on time, none, completed). Only the tasks
-- table is written: the inbox query reads nothing else (hand-off counts are 0 here).
INSERT INTO tasks (id, tenant_id, origin, directive_id, point_number, title, content, lead_unit_name, coordinating_unit_names,
  leader_name, deadline_kind, due_date, review_dates, current_deadline, priority, state, percent, percent_set_by_hand,
  completed_on, parent_tenant_id, parent_task_id, parent_handoff_id, parent_tenant_name, role_in_parent, root_task_id, level,
  attachment_file_ids, planned_lead_tenant_ids, planned_coordinating_tenant_ids, explanation_pending, created_at, updated_at)
SELECT g.id, u.id,
  (ARRAY['Directive','Plan','Dialogue','AdHoc'])[1 + g.n % 4],
  NULL, CASE WHEN g.n % 4 = 0 THEN 1 + g.n % 6 END,
  'Nhiệm vụ đo hiệu năng số ' || g.n || ': tăng cường công tác dân vận chính quyền, tiếp công dân và đối thoại với Nhân dân',
  'Nội dung chi tiết của nhiệm vụ ' || g.n, NULL, '{}', 'Đồng chí Phó Bí thư ' || (g.n % 7),
  CASE WHEN g.n % 10 = 9 THEN 'None' ELSE 'OnDate' END,
  CASE WHEN g.n % 10 = 9 THEN NULL ELSE current_date + (g.n % 120) - 40 END, '{}',
  CASE WHEN g.n % 10 = 9 THEN NULL ELSE current_date + (g.n % 120) - 40 END,
  (ARRAY['Normal','Normal','Normal','High','Urgent'])[1 + g.n % 5],
  g.state,
  CASE g.state WHEN 'Accepted' THEN 100 WHEN 'InProgress' THEN (g.n % 9) * 10 WHEN 'ResultReported' THEN 100 ELSE 0 END,
  g.state = 'InProgress',
  CASE WHEN g.state = 'Accepted' THEN current_date + (g.n % 120) - 40 + (g.n % 3) - 1 END,
  CASE WHEN g.n % 2 = 0 THEN u.parent_id END,
  CASE WHEN g.n % 2 = 0 THEN gen_random_uuid() END,
  CASE WHEN g.n % 2 = 0 THEN gen_random_uuid() END,
  CASE WHEN g.n % 2 = 0 THEN 'Tỉnh ủy đo hiệu năng' END,
  CASE WHEN g.n % 2 = 0 THEN (ARRAY['Lead','Coordinating'])[1 + g.n % 3 / 2] END,
  g.id, CASE WHEN g.n % 2 = 0 THEN 1 ELSE 0 END,
  '{}', '{}', '{}', g.n % 50 = 0,
  now() - (g.n % 200) * interval '1 day', now() - (g.n % 97) * interval '1 hour'
FROM tenants u,
  LATERAL (SELECT gen_random_uuid() AS id, n,
             (ARRAY['Assigned','Acknowledged','InProgress','InProgress','InProgress','ResultReported','Accepted','Accepted','Paused','Cancelled'])[1 + n % 10] AS state
           FROM generate_series(1, :count) n) g
WHERE u.code = :'unit';
VACUUM ANALYZE tasks;
