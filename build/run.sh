#!/usr/bin/env bash
# Runs the API on a fresh machine: local PostgreSQL, migrations, demo data, the IDE, http://localhost:5080/graphql.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Durable: fsync on, data kept between runs (and crashes) under the postgres user's home.
port=$(start_postgres dev durable)
ensure_ide
export ConnectionStrings__Default="Host=127.0.0.1;Port=$port;Database=connectingner;Username=postgres"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
# Tokens stay valid across restarts: the same certificates every run (made once, kept in .cache/identity).
eval "$("$ROOT/build/dev-certs.sh")"
export Identity__AllowEphemeralKeys=false
su postgres -s /bin/sh -c "$PG_BIN/psql -h 127.0.0.1 -p $port -tAc \"SELECT 1 FROM pg_database WHERE datname='connectingner'\"" | grep -q 1 \
  || su postgres -s /bin/sh -c "$PG_BIN/createdb -h 127.0.0.1 -p $port connectingner"

log "migrating and seeding (PostgreSQL on 127.0.0.1:$port)"
dotnet build "$ROOT/src/ConnectingNer.Api" -c Release -v quiet -nologo >&2
dotnet run --no-build -c Release --project "$ROOT/src/ConnectingNer.Api" -- migrate --seed
log "serving http://localhost:5080/graphql (Ctrl+C to stop)"
exec env "${SERVER_RUNTIME_ENV[@]}" dotnet run --no-build -c Release --project "$ROOT/src/ConnectingNer.Api" --urls "${URLS:-http://localhost:5080}"
