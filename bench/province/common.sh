# Shared by the province-scale scripts: the data folder, port and tree of bench/province/, on top of bench/common.sh.
export BENCH_DIR="${BENCH_DIR:-/tmp/cc-bench-province}" PORT="${PORT:-5393}"
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
TENANTS="${TENANTS:-1000}"
PEOPLE_PER_TENANT="${PEOPLE_PER_TENANT:-20}"
PREFIX="${PREFIX:-pv}"
TREE="$WORK/province.json"
ROOT_CODE="$PREFIX-tinh"
PSQL_BIN=$(ls /usr/lib/postgresql/*/bin/psql | tail -1)

# psql as the database owner on the running embedded cluster (only while the app, or `tenants apply`, holds it up).
psql_owner() {
  local port
  port=$(sed -n 4p "$DATA/pgdata/postmaster.pid")
  PGPASSWORD=$(python3 -c "import json;print(json.load(open('$DATA/credentials.json'))['SuperUserPassword'])") \
    "$PSQL_BIN" -h 127.0.0.1 -p "$port" -U postgres -d committeecloud -v ON_ERROR_STOP=1 -qAt "$@"
}

# "user" of the tree file's member number N (0 = secretary, 1 = unit reporter) of the tenant CODE.
member_of() { # code n
  python3 -c "import json,sys; t=next(t for t in json.load(open(sys.argv[1]))['tenants'] if t['code']==sys.argv[2]); print(t['members'][int(sys.argv[3])]['user'])" \
    "$TREE" "$1" "$2"
}

# Waits until the outbox has delivered everything (the read models are current).
drain_outbox() {
  for _ in $(seq 1 600); do
    [ "$(psql_owner -c "SELECT count(*) FROM outbox_deliveries WHERE completed_at IS NULL AND failed_at IS NULL")" = 0 ] && return 0
    sleep 1
  done
  echo "the outbox did not drain in 10 minutes" >&2; return 1
}

bench_build() {
  build
  dotnet build "$ROOT/bench/CommitteeCloud.Bench" -c Release -nologo -v quiet -clp:ErrorsOnly
}
BENCH_CLIENT="$ROOT/bench/CommitteeCloud.Bench/bin/Release/net10.0/CommitteeCloud.Bench.dll"
