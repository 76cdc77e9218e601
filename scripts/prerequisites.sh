# Sourced by start.sh and test.sh: installs what the two commands need when it is missing, and nothing else.
# Debian packages: postgresql (the embedded database), chromium (browser tests), redis-server and nginx (the
# two-node tests and infra/local).

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    echo "Cần quyền root để cài gói: $* / root is needed to install packages" >&2; return 1; fi
}

apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Thiếu gói Debian $* và máy này không có apt-get: hãy cài thủ công. / Missing Debian packages: $*" >&2
    return 1
  fi
  echo "Cài đặt / installing: $*"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "Cần .NET SDK 10 (dotnet) trên PATH. / The .NET 10 SDK must be on PATH: https://dot.net" >&2
    exit 1
  fi
}

ensure_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
    apt_install postgresql
  fi
  # The Debian package starts its own cluster on 5432; the app never uses it, so leave it be.
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    apt_install chromium fonts-noto-core
  fi
}

ensure_scale_out() {
  local missing=()
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || missing+=(nginx)
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
}
