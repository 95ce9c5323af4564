#!/usr/bin/env bash
# Benchmark (not a test): cold start, from launching our server (Release, Production settings with token
# certificates made for the run, as production has them; a migrated and seeded database) to its first answered catalog query (20 products with their category), polled every 10 ms. RUNS starts
# (default 5); prints each and the median. Usage: build/bench-coldstart.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS=${RUNS:-5}
OUT="$ROOT/artifacts/bench-coldstart"
mkdir -p "$OUT"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; stop_postgres coldstart; }
trap cleanup EXIT
stop_postgres coldstart
port=$(start_postgres coldstart)
su postgres -s /bin/sh -c "$PG_BIN/createdb -h 127.0.0.1 -p $port connectingner_coldstart"
export ConnectionStrings__Default="Host=127.0.0.1;Port=$port;Database=connectingner_coldstart;Username=postgres"
export Privacy__MasterKeys__bench="$(openssl rand -base64 32)" Privacy__CurrentMasterKeyId=bench \
  Privacy__BlindIndexKey="$(openssl rand -base64 32)" Identity__TokenEncryptionKey="$(openssl rand -base64 32)" \
  Logging__LogLevel__Default=Warning
# Token signing and encryption certificates (base64 PFX), as a production node loads them rather than generating keys.
for use in Signing Encryption; do
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$OUT/$use.key" -out "$OUT/$use.crt" -days 2 -subj "/CN=connectingner-$use" 2>/dev/null
  openssl pkcs12 -export -inkey "$OUT/$use.key" -in "$OUT/$use.crt" -out "$OUT/$use.pfx" -passout pass: 2>/dev/null
  export "Identity__${use}Certificate=$(base64 -w0 "$OUT/$use.pfx")"
done
log "building (Release), migrating and seeding"
if [ "${R2R:-0}" = 1 ]; then
  # The production build the README names: a publish for the runtime, which the project makes self-contained and
  # composite ReadyToRun; it runs as its own executable.
  dotnet publish "$ROOT/src/ConnectingNer.Api" -c Release -r linux-x64 -o "$OUT/publish" -v quiet -nologo >&2
  API=("$OUT/publish/ConnectingNer.Api")
else
  dotnet build "$ROOT/src/ConnectingNer.Api" -c Release -v quiet -nologo >&2
  API=(dotnet "$ROOT/src/ConnectingNer.Api/bin/Release/net10.0/ConnectingNer.Api.dll")
fi
(cd "$ROOT/src/ConnectingNer.Api" && "${API[@]}" migrate --seed >/dev/null)
query='{"query":"{ products(first: 20) { nodes { id name price { amount } category { id name } } } }"}'

times=()
for run in $(seq 1 "$RUNS"); do
  api_port=$(free_port)
  start=$(date +%s%N)
  (cd "$ROOT/src/ConnectingNer.Api" && exec env "${SERVER_RUNTIME_ENV[@]}" ASPNETCORE_ENVIRONMENT=Production GraphQL__Ide__Enabled=false Http__RedirectToHttps=false \
    Identity__RequireHttps=false Identity__PublicOrigin="http://127.0.0.1:$api_port" "${API[@]}" --urls "http://127.0.0.1:$api_port") \
    >"$OUT/server-$run.log" 2>&1 &
  pid=$!; pids+=("$pid")
  until curl -s -m 2 -X POST -H 'content-type: application/json' -d "$query" "http://127.0.0.1:$api_port/graphql" 2>/dev/null | grep -q '"nodes"'; do
    kill -0 "$pid" 2>/dev/null || { echo "the server stopped: $OUT/server-$run.log" >&2; exit 1; }
    sleep 0.01
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  times+=("$ms")
  echo "run $run: first catalog answer after $ms ms"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk -v n="$RUNS" 'NR == int((n + 1) / 2)')
echo "cold start to the first catalog answer: median $median ms of $RUNS runs ($(nproc) cores)"
