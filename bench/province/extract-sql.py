#!/usr/bin/env python3
"""Cuts one request's statements out of PostgreSQL's statement log (log_statement = 'all') for the raw replay
(CommitteeCloud.Bench raw): every statement logged after the line containing BEGIN_MARK by a backend while it acted
for TENANT and USER (the app's TenantSessionInterceptor runs set_config(app.tenant_id, app.user_id) on each pool
open), in order, with its parameter values; up to END_MARK, or up to and including the first COMMIT of a write (after
it the outbox dispatcher works for the same tenant and person). A set_config marks where the app opened a pooled
connection. Npgsql's own reset statements are left out: the replay's Npgsql sends them itself.

The log holds values, not types. PostgreSQL infers most parameters' types from their use, but not the arrays of
a set-based insert (`INSERT INTO t (...) SELECT ... FROM unnest($1, $2, ...) AS r(a, b, ...)`): those get their
column's array type from COLUMNS.tsv (table, column, type), or text[] where the select casts the column. An
optimistic-concurrency check (`AND xmin = $n`) is made always true, so that a replayed update writes its row as the
original did instead of matching none.

usage: extract-sql.py POSTGRES.log BEGIN_MARK END_MARK TENANT_ID USER_ID COLUMNS.tsv > steps.json
"""
import json, re, sys

log, begin, end, tenant, user, columns_file = sys.argv[1:7]
columns = {}
for line in open(columns_file, encoding="utf-8"):
    table, column, kind = line.rstrip("\n").split("\t")
    columns[(table, column)] = kind
set_based = re.compile(r"^INSERT INTO (\w+) \(.*?\)\s+SELECT (.*?)\s+FROM unnest\(([^)]*)\)\s+AS r\(([^)]*)\)", re.S)


def typed(sql):
    """Gives the parameters of a set-based insert their array types; neutralizes the xmin check of an update."""
    sql = re.sub(r" AND (\w+\.)?xmin = (\$\d+)", r" AND (\1xmin = \2 OR true)", sql)
    m = set_based.match(sql)
    if not m:
        return sql
    table, select, params, names = m.group(1), m.group(2), m.group(3).split(","), [n.strip() for n in m.group(4).split(",")]
    casts = []
    for param, name in zip(params, names):
        kind = "text" if re.search(rf"\b{name}::", select) else columns[(table, name)]
        casts.append(f"{param.strip()}::{kind}[]")
    return sql[:m.start(3)] + ", ".join(casts) + sql[m.end(3):]

entry = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \S+ \[(\d+)\] (\w+):  (.*)$")
statement = re.compile(r"^(?:statement|execute [^:]*): (.*)$", re.S)
parameter = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')")
resets = ("DISCARD", "SET SESSION AUTHORIZATION DEFAULT", "RESET ALL", "CLOSE ALL", "UNLISTEN", "SELECT pg_advisory_unlock_all", "DEALLOCATE")

entries, started = [], False
for line in open(log, encoding="utf-8", errors="replace"):
    m = entry.match(line)
    if m:
        entries.append([m.group(1), m.group(2), m.group(3)])
    elif entries:
        entries[-1][2] += "\n" + line.rstrip("\n").lstrip("\t")

steps, ours, last = [], set(), None
for pid, level, text in entries:
    if not started:
        started = begin in text
        continue
    if end in text:
        break
    if level == "DETAIL" and last is not None and text.startswith("parameters: "):
        values = {int(n): None if v == "NULL" else v[1:-1].replace("''", "'") for n, v in parameter.findall(text)}
        last["params"] = [values.get(i) for i in range(1, max(values, default=0) + 1)]
        continue
    last = None
    m = statement.match(text) if level == "LOG" else None
    if not m:
        continue
    sql = m.group(1).strip()
    if "set_config('app.tenant_id'" in sql:
        last = {"open": True, "sql": sql, "params": [], "pid": pid}
        steps.append(last)
        continue
    if sql.startswith(resets):
        continue
    last = {"open": False, "sql": sql, "params": [], "pid": pid}
    steps.append(last)

# Keep the backends that acted for TENANT and USER, from their set_config on.
kept, acting = [], {}
for s in steps:
    if s["open"]:
        acting[s["pid"]] = s["params"][:2] == [tenant, user]
    if acting.get(s["pid"]):
        kept.append({"open": s["open"], "sql": typed(s["sql"]), "params": s["params"]})
        if s["sql"].upper().startswith("COMMIT"):
            break
if not kept:
    sys.exit(f"no statement for tenant {tenant} and user {user} between the marks in {log}")
json.dump(kept, sys.stdout, ensure_ascii=False, indent=1)
