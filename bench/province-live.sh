#!/usr/bin/env bash
# Live push at province scale on one node (CommitteeCloud.Bench live): 1,000 SignalR connections to /hubs/live on a
# freshly started app over the dataset of province/generate-and-load.sh, then a stream of progress posts on cells'
# received tasks (POSTS, default 300, at RATE, default 10/s), each on its own task; for each connection whose tenant
# is on the task's path (the cell, its commune, the province) the time from the post's response (its commit) to the
# "taskChanged" event, which the outbox's TaskNodeProjector pushes after its own commit. Also the app's resident
# memory (VmRSS) before the connections, with all of them open, and at its peak during the stream. Two layouts:
#   spread:   one connection per tenant (each tenant's secretary, joined to their own tenant): 1,000 people each
#             watching their unit; a post reaches 3 of them;
#   province: 1,000 connections joined to the province (its 20 members, 50 connections each): every post reaches
#             all 1,000 (the widest fan-out one event can have here), and so does each roll-up step above the cell
#             (the commune's and the province's own rows change too): ~3,000 messages a post, so this layout streams
#             PROVINCE_POSTS (60) posts at PROVINCE_RATE (2/s).
# Before each stream, WARMUP (default 10) posts on other tasks, not measured: the app was just started, and the first
# post of its kind compiles its queries and handlers.
# Outputs in $OUT (default $BENCH_DIR/results) as live-LAYOUT.txt. Nothing here asserts a time.
source "$(dirname "$0")/province/common.sh"
OUT="${OUT:-$WORK/results}"; CONNECTIONS="${CONNECTIONS:-1000}"
SPREAD_POSTS="${POSTS:-300}" SPREAD_RATE="${RATE:-10}" PROVINCE_POSTS="${PROVINCE_POSTS:-60}" PROVINCE_RATE="${PROVINCE_RATE:-2}"
LAYOUTS="${LAYOUTS:-spread province}" WARMUP="${WARMUP:-10}"
[ -f "$DATA/pgdata/PG_VERSION" ] || { echo "no dataset in $WORK: run bench/province/generate-and-load.sh first" >&2; exit 1; }
bench_build >/dev/null
mkdir -p "$OUT"
# Each connection is a socket in the app and one in the client (and the client's own HTTP pool): raise the soft limit.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ "$(ulimit -n)" -ge $((CONNECTIONS * 2 + 1000)) ] || echo "warning: ulimit -n is $(ulimit -n), low for $CONNECTIONS connections" >&2

for layout in $LAYOUTS; do
  if [ "$layout" = province ]; then POSTS=$PROVINCE_POSTS RATE=$PROVINCE_RATE; else POSTS=$SPREAD_POSTS RATE=$SPREAD_RATE; fi
  start_app
  # Cells' open received tasks, one per cell first (so that posts spread over the province), then more.
  psql_owner -F $'\t' -c "SELECT c.code, u.code, t.id FROM tasks t JOIN tenants c ON c.id = t.tenant_id JOIN tenants u ON u.id = c.parent_id
    WHERE t.level = 2 AND t.state IN ('Assigned', 'Acknowledged', 'InProgress', 'Returned')
    ORDER BY row_number() OVER (PARTITION BY c.id ORDER BY t.id), c.code LIMIT $((POSTS + WARMUP))" >"$WORK/live-tasks.tsv"
  python3 - "$TREE" "$WORK/live-tasks.tsv" "$OUT/live-$layout-connections.tsv" "$OUT/live-$layout-posts.tsv" "$layout" "$CONNECTIONS" "$ROOT_CODE" <<'PY'
import json, sys
tree, tasks, connections_out, posts_out, layout, count, root = sys.argv[1:8]
tenants = {t["code"]: t for t in json.load(open(tree, encoding="utf-8"))["tenants"]}
with open(connections_out, "w") as f:
    if layout == "spread":
        rows = [(t["members"][0]["user"], code) for code, t in tenants.items()][: int(count)]
    else:
        members = [m["user"] for m in tenants[root]["members"]]
        rows = [(members[i % len(members)], root) for i in range(int(count))]
    f.writelines(f"{user}\t{code}\n" for user, code in rows)
with open(posts_out, "w") as f:
    for line in open(tasks):
        cell, unit, task = line.rstrip("\n").split("\t")
        f.write(f"{tenants[cell]['members'][1]['user']}\t{cell}\t{task}\t{cell},{unit},{root}\n")
PY
  drain_outbox
  echo "--- live-$layout: $(wc -l <"$OUT/live-$layout-connections.tsv") connections, $(wc -l <"$OUT/live-$layout-posts.tsv") posts at $RATE/s" \
    | tee "$OUT/live-$layout.txt"
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/live-$layout.txt"
  dotnet "$BENCH_CLIENT" live "$URL" "$OUT/live-$layout-connections.tsv" "$OUT/live-$layout-posts.tsv" 'DanVan@2026' "$POSTS" "$RATE" "$APP_PID" "$WARMUP" \
    | tee -a "$OUT/live-$layout.txt" || true
  drain_outbox
  stop_app
done
