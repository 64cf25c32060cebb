#!/usr/bin/env bash
# ./tessera chaos: the faults of issue 10 under Gatling load on the HA topology, one run per fault, and the
# measured table of docs/reliability.md regenerated from them (load-tests/chaos_report.py).
#
# It runs a topology of its own (state in .tessera-chaos/) so that it may stop what it breaks: Redis with
# Sentinel (./tessera up --ha), and a private PostgreSQL cluster (data under /tmp, port CHAOS_PG_PORT) that it
# restarts; never the shared PostgreSQL or Redis. The default ports must be free (./tessera down first).
# Per fault: the load (the three session schemes and refresh chains through nginx, FaultSimulation) runs
# RUN seconds, the fault starts FAULT_AT seconds in; before it chaos_probe.py makes revocations, keeps refresh
# families and counts accounts, after it checks that nothing of that was lost. QUICK=1: shorter runs (a smoke
# of the command; its numbers mean little). CHAOS_FAULTS="..." runs only those faults.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export TESSERA_STATE="${CHAOS_STATE:-$ROOT/.tessera-chaos}"
export TESSERA_HA=1
export TESSERA_PG_PORT="${CHAOS_PG_PORT:-5433}"
export TESSERA_DB_NAME=tessera_chaos
export TESSERA_TEST_DB_NAME=tessera_chaos_test
eval "$("$ROOT/tessera" env)"
# shellcheck source=load-tests/gatling-run.sh
. "$ROOT/load-tests/gatling-run.sh"
RESULTS="$ROOT/load-tests/target/chaos"
PG_DATA="${CHAOS_PG_DATA:-/tmp/tessera-chaos-pg}"
PG_BIN="/usr/lib/postgresql/$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)/bin"
t="$ROOT/tessera"
log() { printf '\033[1;35m[chaos]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[chaos]\033[0m %s\n' "$*" >&2; exit 1; }
if [ "$(id -u)" -eq 0 ]; then AS_POSTGRES="su postgres -c"; else AS_POSTGRES="sudo -u postgres bash -c"; fi
as_postgres() { $AS_POSTGRES "$1"; }

if [ -n "${QUICK:-}" ]; then FAULT_AT=10 RUN=35 SETTLE=20; else FAULT_AT="${FAULT_AT:-20}" RUN="${RUN:-70}" SETTLE="${SETTLE:-30}"; fi
RATE="${RATE:-1}" READS="${READS:-60}" PAUSE_MS="${PAUSE_MS:-500}" DOWN="${DOWN:-10}"
ALL_FAULTS="auth-replica api-replica web-replica redis-failover postgres-restart redis-flushall"
FAULTS="${CHAOS_FAULTS:-$ALL_FAULTS}"
APIS="$(for p in $API_PORTS; do printf 'http://127.0.0.1:%s,' "$p"; done | sed 's/,$//')"
ACCOUNTS_SQL="PGPASSWORD=tessera psql -h 127.0.0.1 -p $TESSERA_PG_PORT -U tessera -d $TESSERA_DB_NAME -tAc 'SELECT count(*) FROM users'"

# fault_command NAME: the shell command FaultSimulation runs at FAULT_AT. A killed process comes back after
# DOWN seconds, as a supervisor would bring it back; the time to recover is measured on the load, not on this.
fault_command() {
  case "$1" in
    auth-replica) echo "$t kill auth-server-2 && sleep $DOWN && $t restart auth-server-2" ;;
    api-replica) echo "$t kill api-2 && sleep $DOWN && $t restart api-2" ;;
    web-replica) echo "$t kill mail-2 && $t kill sticky-2 && sleep $DOWN && $t restart mail-2 sticky-2" ;;
    redis-failover) echo "$t kill redis-primary && sleep $DOWN && TESSERA_SKIP_BUILD=1 $t up --ha" ;;
    # No quotes in a fault command: it reaches Gatling as a system property through Maven, which splits them off.
    postgres-restart) echo "$ROOT/load-tests/chaos.sh restart-postgres" ;;
    redis-flushall) echo "$t redis-cli FLUSHALL" ;;
    *) die "unknown fault $1 (one of: $FAULTS)" ;;
  esac
}

start_private_postgres() {
  command -v pg_ctlcluster >/dev/null || "$t" services >/dev/null  # installs PostgreSQL's binaries
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    log "creating a private PostgreSQL cluster in $PG_DATA"
    install -d -o postgres -g postgres "$PG_DATA"
    as_postgres "$PG_BIN/initdb -D $PG_DATA -U postgres --auth-local=peer --auth-host=scram-sha-256 >/dev/null"
  fi
  if ! pg_isready -q -h 127.0.0.1 -p "$TESSERA_PG_PORT"; then
    log "starting the private PostgreSQL on :$TESSERA_PG_PORT"
    as_postgres "$PG_BIN/pg_ctl -D $PG_DATA -l $PG_DATA/server.log -w start -o '-p $TESSERA_PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=/var/run/postgresql'" >/dev/null
  fi
}

finish() {
  log "stopping the chaos topology and its PostgreSQL"
  "$t" down > "$RESULTS/down.log" 2>&1 || true
  as_postgres "$PG_BIN/pg_ctl -D $PG_DATA -m fast -w stop" >/dev/null 2>&1 || true
}

chaos() {
  local name="$1" command
  command="$(fault_command "$name")"
  log "$name: preparing revocations, refresh families, the account count"
  python3 "$ROOT/load-tests/chaos_probe.py" prepare "$RESULTS/$name.probe.json" --auth "http://127.0.0.1:$NGINX_AUTH_PORT" \
    --apis "$APIS" --accounts-sql "$ACCOUNTS_SQL"
  log "$name: load for ${RUN}s, fault at ${FAULT_AT}s: $command"
  run_gatling "$RESULTS/$name.log" sessions.FaultSimulation "${TOPOLOGY_URLS[@]}" -Dfault="$name" \
    -Dfault.command="$command" -Dfault.at="$FAULT_AT" -Dfault.run.seconds="$RUN" -Dfault.rate="$RATE" \
    -Dfault.refresh.rate="$RATE" -Dfault.reads="$READS" -Dfault.pause.ms="$PAUSE_MS" -Dfault.report="$RESULTS/$name.json"
  echo "$GATLING_REPORT" > "$RESULTS/$name.run"
  grep -q '"exit_code": 0' "$RESULTS/$name.json" || die "the $name fault command failed; see $RESULTS/$name.log"
  log "$name: checking what was lost"
  python3 "$ROOT/load-tests/chaos_probe.py" verify "$RESULTS/$name.probe.json" --auth "http://127.0.0.1:$NGINX_AUTH_PORT" \
    --apis "$APIS" --accounts-sql "$ACCOUNTS_SQL" --settle "$SETTLE"
  # Whatever the fault left down comes back before the next one (a no-op when everything answers).
  TESSERA_SKIP_BUILD=1 "$t" up --ha > "$RESULTS/$name.up-after.log" 2>&1 || die "the topology did not come back after $name"
}

main() {
  if [ "${1:-}" = restart-postgres ]; then as_postgres "$PG_BIN/pg_ctl -D $PG_DATA -m fast -w restart" >/dev/null; return; fi
  mkdir -p "$RESULTS"
  local name
  for name in $FAULTS; do rm -f "$RESULTS/$name".*; done
  if curl -fsS -o /dev/null "http://127.0.0.1:$NGINX_AUTH_PORT/health" 2>/dev/null && [ ! -f "$TESSERA_STATE/ha" ]; then
    die "a topology already runs on the default ports: ./tessera down first (chaos runs its own)"
  fi
  cut -d" " -f1-3 /proc/loadavg > "$RESULTS/machine.load"
  start_private_postgres
  trap finish EXIT
  log "starting the HA topology (state $TESSERA_STATE, PostgreSQL :$TESSERA_PG_PORT)"
  "$t" up --ha > "$RESULTS/up.log" 2>&1 || { tail -n 30 "$RESULTS/up.log"; die "./tessera up --ha failed"; }
  (cd "$ROOT/load-tests" && mvn -B -q test-compile > "$RESULTS/compile.log" 2>&1) || die "load-tests do not compile"
  for name in $FAULTS; do chaos "$name"; done
  printf 'at=%s run=%s rate=%s reads=%s pause_ms=%s down=%s settle=%s quick=%s\n' "$FAULT_AT" "$RUN" "$RATE" "$READS" \
    "$PAUSE_MS" "$DOWN" "$SETTLE" "${QUICK:-}" > "$RESULTS/settings"
  # Every fault with results, this run's and those of an earlier run of other faults (CHAOS_FAULTS); each row
  # is its own Gatling run and says when it ran.
  python3 "$ROOT/load-tests/chaos_report.py" "$RESULTS" "$ROOT/docs/reliability.md" --faults "$ALL_FAULTS" \
    --command "./tessera chaos${QUICK:+ (QUICK=1)}"
  log "docs/reliability.md regenerated (section \"Measured: ./tessera chaos\")"
}

main "$@"
