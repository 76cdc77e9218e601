#!/usr/bin/env bash
# Runs the whole province-scale benchmark and writes bench/results/latest.md: the dataset (province/generate-and-load.sh,
# a no-op when it is already loaded, unless FRESH=1 starts from an empty data folder), the HTTP figures with their raw
# SQL counterparts (province-wrk.sh) and live push to 1,000 SignalR clients (province-live.sh), then the table
# (province/report.py): scenario, target, measured, met or missed, the load average at the start of each run, the date
# and the commit. Outputs of each run stay in $BENCH_DIR/results. Takes about 25 minutes on the 2-core machine.
# Nothing here asserts a time: a missed target is a row that says so.
source "$(dirname "$0")/province/common.sh"
OUT="$WORK/results"
[ "${FRESH:-0}" = 1 ] && rm -rf "$WORK"
mkdir -p "$WORK"
rm -rf "$OUT.previous"; [ -d "$OUT" ] && mv "$OUT" "$OUT.previous"
mkdir -p "$OUT"
cp "$ROOT/bench/results/notes.md" "$OUT/notes.md" 2>/dev/null || true
bash "$ROOT/bench/province/generate-and-load.sh" 2>&1 | grep -v -E '^$|Build succeeded|Warning\(s\)|Error\(s\)|Time Elapsed' | tee "$OUT/load.txt"
OUT="$OUT" bash "$ROOT/bench/province-wrk.sh" 2>&1 | tee "$OUT/wrk.log"
OUT="$OUT" bash "$ROOT/bench/province-live.sh" 2>&1 | tee "$OUT/live.log"
commit=$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src bench || echo "+changes")
mkdir -p "$ROOT/bench/results"
python3 "$ROOT/bench/province/report.py" "$OUT" "$commit" >"$ROOT/bench/results/latest.md"
cat "$ROOT/bench/results/latest.md"
