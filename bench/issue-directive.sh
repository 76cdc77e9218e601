#!/usr/bin/env bash
# Benchmark 1: issue a directive with 6 points to 100 child units; measure the POST /issue (server commit) and the time
# until all 100 secretaries, connected to /hubs/live, have the live notification. REPS (default 10) measured runs
# after 2 warm-up runs. Data in $BENCH_DIR (default /tmp/cc-bench; delete it to start afresh).
source "$(dirname "$0")/common.sh"
build
dotnet build "$ROOT/bench/CommitteeCloud.Bench" -c Release -nologo -v quiet -clp:ErrorsOnly
seed_tree
start_app
dotnet "$ROOT/bench/CommitteeCloud.Bench/bin/Release/net10.0/CommitteeCloud.Bench.dll" \
  "$URL" bench-root bench.root 'bench.sec{0:000}' 'DanVan@2026' "${REPS:-10}" "${WARMUP:-3}"
