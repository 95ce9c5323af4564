#!/usr/bin/env bash
# Mutation testing of the generic GraphQL layer: dotnet-stryker mutates src/ConnectingNer.GraphQL.Server and runs its
# own test project (tests/ConnectingNer.GraphQL.Server.Tests, which needs PostgreSQL) against every mutant. Prints the
# score per folder and in all; the HTML and JSON reports go to artifacts/mutation/. Not part of build/test.sh.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

out="$ROOT/artifacts/mutation"
rm -rf "$out"; mkdir -p "$out"
trap 'stop_postgres mutation' EXIT
stop_postgres mutation
port=$(start_postgres mutation)
ensure_dotnet_tools
export CONNECTINGNER_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres"

log "mutating ConnectingNer.GraphQL.Server (several minutes)"
(cd "$ROOT/tests/ConnectingNer.GraphQL.Server.Tests" && dotnet stryker --output "$out" --reporter json --reporter html --reporter progress) \
  > "$out/stryker.log" 2>&1 || { tail -40 "$out/stryker.log"; exit 1; }

python3 "$ROOT/build/mutation-score.py" "$out/reports/mutation-report.json"
