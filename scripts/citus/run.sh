#!/usr/bin/env bash
# chainlead on a three-node Citus cluster on this machine (docs/scaling.md). Not run by CI, which
# cannot fetch Citus: build and install it first (Citus 13.2 against postgresql-server-dev-15).
#
#   scripts/citus/run.sh [command ...]
#
# Starts a coordinator (port 7131) and two workers (7132, 7133) on 127.0.0.1, as the postgres
# user, with their data in a temporary folder; creates the database chainlead, migrates it with
# chainlead's own migrations, distributes it (scripts/citus/distribute.sql), then runs the command
# with DATABASE_URL set to it (default: load the demo and print the Wuxi report), and
# CHAINLEAD_TEST_CITUS_WORKERS naming the workers, so that the database tests make each of their
# databases a distributed one (src/test-support/test-database.ts). The cluster is stopped and its
# folder removed on exit; KEEP=1 leaves it running.
#
#   scripts/citus/run.sh                                   # demo, then the Wuxi report
#   scripts/citus/run.sh npm run test:db                   # the database tests on the cluster
#   scripts/citus/run.sh npm run bench -- report --in-place --skip-import
#                                                          # 1,000,000 firms, the report benchmark
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
ports=(7131 7132 7133)
user=postgres
run_as() { if [ "$(id -un)" = "$user" ]; then "$@"; else runuser -u "$user" -- "$@"; fi; }

if [ ! -f "$("$bin/pg_config" --pkglibdir)/citus.so" ]; then
  echo "citus.so is not installed in $("$bin/pg_config" --pkglibdir): build Citus first" >&2
  exit 2
fi

root="$(mktemp -d /tmp/chainlead-citus.XXXXXX)"
chown "$user" "$root"
stop() {
  for port in "${ports[@]}"; do
    [ -d "$root/$port" ] && run_as "$bin/pg_ctl" -D "$root/$port" -m fast stop >/dev/null 2>&1 || true
  done
  rm -rf "$root"
}
if [ "${KEEP:-0}" != 1 ]; then trap stop EXIT; fi

for port in "${ports[@]}"; do
  run_as "$bin/initdb" -D "$root/$port" -U "$user" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  cat >>"$root/$port/postgresql.conf" <<CONF
shared_preload_libraries = 'citus'
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$root'
max_connections = 200
max_prepared_transactions = 200
wal_level = logical
CONF
  run_as "$bin/pg_ctl" -D "$root/$port" -l "$root/$port.log" -w start >/dev/null
done

psql_on() { local port=$1; shift; "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U "$user" "$@"; }
for port in "${ports[@]}"; do
  psql_on "$port" -d postgres -c 'CREATE DATABASE chainlead'
  psql_on "$port" -d chainlead -c 'CREATE EXTENSION citus'
done
psql_on "${ports[0]}" -d chainlead -c "SELECT citus_set_coordinator_host('127.0.0.1', ${ports[0]})" >/dev/null
for port in "${ports[@]:1}"; do
  psql_on "${ports[0]}" -d chainlead -c "SELECT citus_add_node('127.0.0.1', $port)" >/dev/null
done

export DATABASE_URL="postgres://$user@127.0.0.1:${ports[0]}/chainlead"
export CHAINLEAD_TEST_CITUS_WORKERS="127.0.0.1:${ports[1]},127.0.0.1:${ports[2]}"
cd "$repo"
echo "migrating $DATABASE_URL"
node bin/chainlead.js db migrate
echo "distributing"
PGOPTIONS='-c client_min_messages=warning' psql_on "${ports[0]}" -d chainlead -f "$here/distribute.sql"

if [ "$#" -eq 0 ]; then
  set -- sh -c 'node bin/chainlead.js demo && node bin/chainlead.js report --region 3202 --format md'
fi
echo "running: $* (DATABASE_URL=$DATABASE_URL)"
"$@"
