#!/usr/bin/env bash
# Runs every test against a fresh local PostgreSQL (the graphql-http audit and the IDE browser test included),
# then prints one line: "tests: N passed, M failed[, K skipped]". Exits non-zero when anything failed.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

results="$ROOT/artifacts/test-results"
rm -rf "$results" "$ROOT/artifacts/fuzz-summary.txt"; mkdir -p "$results"
trap 'stop_postgres test' EXIT
stop_postgres test
port=$(start_postgres test)
ensure_ide
ensure_node_tools
ensure_chromium
ensure_curl_tools
ensure_dotnet_tools

export CONNECTINGNER_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres"
export CONNECTINGNER_NODE_TOOLS="$ROOT/build/node"
export CONNECTINGNER_ARTIFACTS="$ROOT/artifacts"

log "building"
build_ok=1
dotnet build "$ROOT/ConnectingNer.sln" -c Release -v quiet -nologo || build_ok=0

if [ "$build_ok" = 1 ]; then
  log "testing"
  dotnet test "$ROOT/ConnectingNer.sln" -c Release --no-build --nologo \
    --logger "trx" --results-directory "$results" || true
fi

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed); e=$(get error); t=$(get timeout); a=$(get aborted)
  passed=$((passed + p)); failed=$((failed + f + e + t + a)); skipped=$((skipped + total - executed))
done
expected_projects=$(ls "$ROOT"/tests/*/*.csproj | wc -l)
found_projects=$(ls "$results"/*.trx 2>/dev/null | wc -l)
if [ "$build_ok" = 0 ] || [ "$found_projects" -lt "$expected_projects" ]; then
  echo "build failed or a test project did not report ($found_projects of $expected_projects)" >&2
  failed=$((failed + 1))
fi

# The fuzz test's request count, time and seed (replay a run with FUZZ_SEED=…).
[ -f "$ROOT/artifacts/fuzz-summary.txt" ] && cat "$ROOT/artifacts/fuzz-summary.txt"
line="tests: $passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
