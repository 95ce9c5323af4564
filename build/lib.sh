#!/usr/bin/env bash
# Shared set-up steps for run.sh, test.sh and bench scripts. Every step installs what it needs on a fresh machine.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_VERSION=15
PG_BIN="/usr/lib/postgresql/$PG_VERSION/bin"
BCP_VERSION=18.0.0
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The runtime settings that only the environment can give (src/ConnectingNer.Api/runtime.env): every server these
# scripts start runs with them, as a production host does.
runtime_env() { grep -Ev '^[[:space:]]*(#|$)' "$1"; } # a runtime.env file's NAME=value lines
mapfile -t SERVER_RUNTIME_ENV < <(runtime_env "$ROOT/src/ConnectingNer.Api/runtime.env")

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq >&2; APT_UPDATED=1; fi
  apt-get install -y -qq "$@" >&2
}

ensure_postgres() {
  if [ ! -x "$PG_BIN/initdb" ]; then
    log "installing PostgreSQL $PG_VERSION"
    apt_install "postgresql-$PG_VERSION"
  fi
}

# free_port: a loopback port nothing listens on, outside the kernel's ephemeral range (ip_local_port_range). A port in
# that range can be the local end of an outgoing connection (a test's, a pool's) just when a server binds it, and the
# bind then fails with "address already in use" although nothing listens there.
free_port() {
  local low=32768 high=60999 from=20000 count port
  [ -r /proc/sys/net/ipv4/ip_local_port_range ] && read -r low high < /proc/sys/net/ipv4/ip_local_port_range
  if [ "$low" -ge 12000 ]; then from=10000; count=$(( low - 10000 ))
  elif [ "$high" -le 55000 ]; then from=$(( high + 1 )); count=$(( 65000 - high ))
  else count=30000; fi
  for _ in $(seq 1 200); do
    port=$(( from + RANDOM % count ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port found" >&2; return 1
}

# start_postgres NAME [durable]: starts (or reuses) a loopback cluster owned by the postgres user; prints its port.
# Test clusters live under /tmp, outside the checkout (the postgres user can reach them whoever owns the clone), with
# fsync off: they are thrown away after the run. A durable cluster (build/run.sh: what someone types in while trying
# the shop) keeps fsync on, lives under the postgres user's home and is started again, never wiped, when it exists.
pg_dir() {
  local name=$1 mode=${2:-}
  local hash; hash=$(printf '%s' "$ROOT" | md5sum | cut -c1-8)
  if [ "$mode" = durable ]; then echo "/var/lib/postgresql/connectingner-$name-$hash"; else echo "${TMPDIR:-/tmp}/connectingner-pg-$name-$hash"; fi
}

start_postgres() {
  local name=$1 mode=${2:-} dir port fsync=off
  ensure_postgres
  dir=$(pg_dir "$name" "$mode")
  [ "$mode" = durable ] && fsync=on
  if [ -f "$dir/port" ] && su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D '$dir/data' status" >/dev/null 2>&1; then
    cat "$dir/port"; return
  fi
  if [ "$mode" = durable ] && [ -f "$dir/data/PG_VERSION" ]; then
    port=$(free_port)
  else
    rm -rf "$dir"; mkdir -p "$dir"; chown postgres:postgres "$dir"
    port=$(free_port)
    su postgres -s /bin/sh -c "$PG_BIN/initdb -D '$dir/data' -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
  fi
  # Another process may take the port between the check and the bind: then again on another port.
  local attempt
  for attempt in 1 2 3 4 5; do
    su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D '$dir/data' -l '$dir/log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=$fsync -c max_connections=200\" start" >/dev/null 2>&1 && break
    if [ "$attempt" = 5 ]; then echo "PostgreSQL did not start ($dir/log):" >&2; tail -5 "$dir/log" >&2; return 1; fi
    port=$(free_port)
  done
  echo "$port" > "$dir/port"
  echo "$port"
}

# stop_postgres NAME [durable]: stops the cluster; a test cluster is deleted, a durable one kept.
stop_postgres() {
  local name=$1 mode=${2:-} dir
  dir=$(pg_dir "$name" "$mode")
  [ -d "$dir/data" ] && su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D '$dir/data' -m fast stop" >/dev/null 2>&1 || true
  [ "$mode" = durable ] || rm -rf "$dir"
}

# The Banana Cake Pop IDE from npm, unpacked into .cache/ (never committed).
ensure_ide() {
  local target="$ROOT/.cache/bananacakepop"
  if [ -f "$target/package/index.html" ] && [ -f "$target/version" ] && [ "$(cat "$target/version")" = "$BCP_VERSION" ]; then return; fi
  log "fetching Banana Cake Pop $BCP_VERSION from npm"
  rm -rf "$target"; mkdir -p "$target"
  (cd "$target" && npm pack --silent "@chillicream/bananacakepop-graphql-ide@$BCP_VERSION" >/dev/null && tar xzf chillicream-*.tgz && rm chillicream-*.tgz)
  echo "$BCP_VERSION" > "$target/version"
}

ensure_node_tools() {
  if [ ! -d "$ROOT/build/node/node_modules/graphql-http" ] || [ ! -d "$ROOT/build/node/node_modules/playwright-core" ]; then
    log "installing the test's Node tools (npm ci)"
    (cd "$ROOT/build/node" && npm ci --silent --no-audit --no-fund >&2)
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    log "installing Debian's chromium for the IDE browser test"
    apt_install chromium fonts-liberation
  fi
}

ensure_curl_tools() {
  # The curl journey (build/demo-journey.sh, run by a test) uses curl, jq and openssl.
  local missing=()
  for tool in curl jq openssl; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian's ${missing[*]} for the curl journey"
    apt_install "${missing[@]}"
  fi
}

ensure_dotnet_tools() {
  (cd "$ROOT" && dotnet tool restore >/dev/null)
}

# start_demo_api NAME OUT_DIR [POOL]: for a benchmark, a fresh cluster and database NAME, the API built (Release),
# migrated and seeded with the demo data, then started in Development on a free port with request logging off. Sets
# URL, PG_PORT and DB_NAME, and appends the server's pid to the caller's `pids` array; the caller's EXIT trap kills
# those and stops NAME.
start_demo_api() {
  local name=$1 out=$2 pool=${3:-100} api_port
  stop_postgres "$name"
  PG_PORT=$(start_postgres "$name")
  DB_NAME="connectingner_${name//-/_}"
  su postgres -s /bin/sh -c "$PG_BIN/createdb -h 127.0.0.1 -p $PG_PORT $DB_NAME"
  export ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Database=$DB_NAME;Username=postgres;Maximum Pool Size=$pool"
  export ASPNETCORE_ENVIRONMENT=Development Database__MigrateOnStartup=false Logging__LogLevel__Default=Warning GraphQL__Ide__Enabled=false
  log "building (Release), migrating and seeding the demo data"
  dotnet build "$ROOT/src/ConnectingNer.Api" -c Release -v quiet -nologo >&2
  API_DLL="$ROOT/src/ConnectingNer.Api/bin/Release/net10.0/ConnectingNer.Api.dll"
  (cd "$ROOT/src/ConnectingNer.Api" && dotnet "$API_DLL" migrate --seed >/dev/null)
  api_port=$(free_port)
  URL="http://127.0.0.1:$api_port"
  # Request logging off while measuring (the name has dots, so it goes through env rather than export).
  (cd "$ROOT/src/ConnectingNer.Api" && exec env "${SERVER_RUNTIME_ENV[@]}" "Logging__LogLevel__Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning" \
    dotnet "$API_DLL" --urls "$URL") >"$out/server.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do curl -sf -o /dev/null "$URL/health/ready" && return; sleep 0.5; done
  echo "the API did not become ready: see $out/server.log" >&2; return 1
}
