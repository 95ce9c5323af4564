#!/usr/bin/env bash
# Benchmark (not a test): what the disclosure ledger costs. The same selection of a customer's personal data is
# read by the customer (`me`: their own data, nothing recorded) and by the privacy officer (`customer(id:)`: one
# audit event written per request), on the Development demo data. Prints requests/s, p50 and p99 of each and the
# difference. Usage: build/bench-ledger.sh [seconds per run, default 20]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DURATION=${1:-20}
WARMUP=${WARMUP:-20}
CONNECTIONS=${CONNECTIONS:-16}
OUT="$ROOT/artifacts/bench-ledger"
mkdir -p "$OUT"
command -v wrk >/dev/null || apt_install wrk
command -v jq >/dev/null || apt_install jq

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; stop_postgres bench-ledger; }
trap cleanup EXIT
start_demo_api bench-ledger "$OUT" 32

# Signs in through the real code + PKCE flow (the IDE's public client) and prints an access token.
signin() {
  local jar verifier challenge auth login page af ret next back code
  jar=$(mktemp)
  verifier=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
  challenge=$(printf %s "$verifier" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=')
  auth="$URL/connect/authorize?client_id=graphql-ide&response_type=code&redirect_uri=http%3A%2F%2Flocalhost%3A5080%2Fgraphql%2F&scope=openid%20profile%20email&code_challenge=$challenge&code_challenge_method=S256&state=bench"
  login=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$auth")
  page=$(curl -s -c "$jar" -b "$jar" "$login")
  af=$(grep -o 'name="__af" value="[^"]*"' <<<"$page" | sed 's/.*value="//;s/"$//')
  ret=$(grep -o 'name="returnUrl" value="[^"]*"' <<<"$page" | sed 's/.*value="//;s/"$//;s/&amp;/\&/g')
  next=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' --data-urlencode "__af=$af" --data-urlencode "returnUrl=$ret" \
    --data-urlencode "email=$1" --data-urlencode "password=$2" "$URL/account/login")
  back=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$next")
  code=$(sed 's/.*code=\([^&]*\).*/\1/' <<<"$back")
  curl -s -d grant_type=authorization_code -d client_id=graphql-ide -d "code=$code" -d redirect_uri=http://localhost:5080/graphql/ \
    -d "code_verifier=$verifier" "$URL/connect/token" | jq -r .access_token
  rm -f "$jar"
}

gql() { curl -s -H "Authorization: Bearer $1" -H 'content-type: application/json' -d "$2" "$URL/graphql"; }
customer=$(signin asha@example.in demo-customer-pass)
officer=$(signin privacy@connectingner.example demo-privacy-pass)
gql "$customer" '{"query":"mutation { updateMyProfile(input: { phone: \"+919876543210\" }) { errors { code } } }"}' >/dev/null
gql "$customer" '{"query":"mutation { addMyAddress(input: { kind: SHIPPING, recipientName: \"Asha Borah\", line1: \"12 Zoo Narengi Road\", city: \"Guwahati\", state: \"Assam\", postalCode: \"781024\", countryCode: \"IN\", idempotencyKey: \"bench\" }) { errors { code } } }"}' >/dev/null
id=$(gql "$customer" '{"query":"{ me { id } }"}' | jq -r .data.me.id)

SELECTION='email name phone addresses { city postalCode }'
jq -n --arg q "{ me { $SELECTION } }" '{query: $q}' >"$OUT/me.json"
jq -n --arg q "{ customer(id: \"$id\") { $SELECTION } }" '{query: $q}' >"$OUT/officer.json"
for pair in "me.json:$customer" "officer.json:$officer"; do
  body=$(curl -s -H "Authorization: Bearer ${pair#*:}" -H 'content-type: application/json' --data-binary @"$OUT/${pair%%:*}" "$URL/graphql")
  if ! grep -q '"data"' <<<"$body" || grep -q '"errors"' <<<"$body"; then echo "${pair%%:*} failed: $body" >&2; exit 1; fi
done

events() { su postgres -s /bin/sh -c "$PG_BIN/psql -h 127.0.0.1 -p $PG_PORT -d $DB_NAME -tAc 'SELECT count(*) FROM audit_events'"; }
run() { AUTH=$2 BODY_FILE="$OUT/$1" wrk -t1 -c"$CONNECTIONS" -d"${3}s" -s "$ROOT/build/bench/request.lua" "$URL/graphql" | grep '^RESULT'; }
declare -A line
for query in me.json officer.json; do
  token=$([ $query = me.json ] && echo "$customer" || echo "$officer")
  log "$query: warm-up ${WARMUP}s, then ${DURATION}s"
  run $query "$token" "$WARMUP" >/dev/null
  before=$(events)
  line[$query]=$(run $query "$token" "$DURATION")
  echo "${line[$query]} audit_events_written=$(( $(events) - before ))" | tee -a "$OUT/results.txt" >&2
done

get() { sed -E "s/.*$2=([0-9.]+).*/\1/" <<<"${line[$1]}"; }
printf '\n%-44s %10s %9s %9s\n' "same personal fields read by" "req/s" "p50 ms" "p99 ms"
printf '%-44s %10s %9s %9s\n' "the customer (me: no disclosure)" "$(get me.json rps)" "$(get me.json p50)" "$(get me.json p99)"
printf '%-44s %10s %9s %9s\n' "the privacy officer (customer(id): 1 event)" "$(get officer.json rps)" "$(get officer.json p50)" "$(get officer.json p99)"
awk -v a="$(get me.json p50)" -v b="$(get officer.json p50)" -v ra="$(get me.json rps)" -v rb="$(get officer.json rps)" \
  'BEGIN { printf "ledger overhead: %+.2f ms at p50 (%+.0f%%), throughput %.0f%% of the unrecorded read\n", b - a, (b - a) / a * 100, rb / ra * 100 }'
echo "machine: $(nproc) cores; ${DURATION}s per run after ${WARMUP}s warm-up; wrk -t1 -c$CONNECTIONS"
