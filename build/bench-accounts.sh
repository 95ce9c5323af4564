#!/usr/bin/env bash
# Benchmark (not a test): can the time of an answer tell whether an address has an account? Registers N taken and N
# new addresses through `registerCustomer`, and posts N sign-ins each for an unknown address, a known address with a
# wrong password, and a locked account, interleaved, on the Development demo data. Prints the median and p90 of each
# in milliseconds and the ratio of the medians. Usage: build/bench-accounts.sh [N, default 40]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

N=${1:-40}
OUT="$ROOT/artifacts/bench-accounts"
mkdir -p "$OUT"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; stop_postgres bench-accounts; }
trap cleanup EXIT
# Limits high enough for the measurement itself (they would otherwise stop it, which is their job).
export Identity__AccountAttemptsPerMinute=100000 Identity__EmailsPerAddressPerHour=100000
start_demo_api bench-accounts "$OUT"

register() { # email → seconds
  curl -s -o /dev/null -w '%{time_total}\n' -H 'content-type: application/json' \
    -d "{\"query\":\"mutation(\$i: RegisterCustomerInput!) { registerCustomer(input: \$i) { registration { email } errors { code } } }\",\"variables\":{\"i\":{\"email\":\"$1\",\"password\":\"timing-pass-123\"}}}" \
    "$URL/graphql"
}

signin() { # email password → seconds (a fresh anti-forgery token per post, not timed)
  local jar af
  jar=$(mktemp)
  af=$(curl -s -c "$jar" "$URL/account/login" | grep -o 'name="__af" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -b "$jar" -w '%{time_total}\n' --data-urlencode "__af=$af" --data-urlencode "email=$1" \
    --data-urlencode "password=$2" "$URL/account/login"
  rm -f "$jar"
}

log "warming up; locking one account"
for i in $(seq 1 5); do register "warm$i@example.in" >/dev/null; signin "asha@example.in" "wrong-password-1" >/dev/null; done
register "locked@example.in" >/dev/null
for _ in $(seq 1 6); do signin "locked@example.in" "wrong-password-1" >/dev/null; done

: >"$OUT/taken"; : >"$OUT/new"; : >"$OUT/unknown"; : >"$OUT/wrong"; : >"$OUT/locked"
log "measuring $N of each, interleaved"
for i in $(seq 1 "$N"); do
  register "asha@example.in" >>"$OUT/taken"
  register "new-$i-$RANDOM@example.in" >>"$OUT/new"
  signin "nobody-$i@example.in" "whatever-pass-1" >>"$OUT/unknown"
  signin "admin@connectingner.example" "wrong-password-1" >>"$OUT/wrong"
  signin "locked@example.in" "wrong-password-1" >>"$OUT/locked"
done

stats() { sort -n "$OUT/$1" | awk -v name="$1" '{ v[NR] = $1 * 1000 } END { printf "%-8s median %7.1f ms   p90 %7.1f ms\n", name, v[int((NR + 1) / 2)], v[int(NR * 0.9)] }'; }
median() { sort -n "$OUT/$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for shape in taken new unknown wrong locked; do stats "$shape"; done
awk -v a="$(median taken)" -v b="$(median new)" 'BEGIN { printf "registerCustomer taken/new median ratio: %.2f\n", a / b }'
awk -v a="$(median unknown)" -v b="$(median wrong)" -v c="$(median locked)" 'BEGIN { printf "sign-in unknown/wrong %.2f, locked/wrong %.2f\n", a / b, c / b }'
