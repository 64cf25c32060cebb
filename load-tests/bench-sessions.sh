#!/usr/bin/env bash
# ./tessera bench schemes|sso|capacity|faults|memory|report|all: the session-scheme comparison.
# Runs against the topology of ./tessera up (started here when nothing runs), with its OWN Redis
# (BENCH_REDIS_PORT, default 6479: the fault run stops it, never the shared 6379) and its own database
# (tessera_bench). Raw results go to load-tests/target/bench/, the document to docs/comparison.md.
# QUICK=1 shortens every phase (a smoke of the commands; its numbers mean little).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WHAT="${1:?usage: bench-sessions.sh schemes|sso|capacity|faults|memory|report|all}"

export TESSERA_REDIS_PORT="${TESSERA_REDIS_PORT:-${BENCH_REDIS_PORT:-6479}}"
export TESSERA_DB_NAME="${TESSERA_DB_NAME:-tessera_bench}"
export TESSERA_SKIP_BUILD="${TESSERA_SKIP_BUILD:-}"
# Access tokens of 15 minutes instead of 5 in the topology the bench starts: a revocation stays in the
# views as long as the token it refuses could live, and filling 100k must finish inside that window.
export TESSERA_TOKENS_ACCESS_TOKEN_TTL="${TESSERA_TOKENS_ACCESS_TOKEN_TTL:-15m}"
eval "$("$ROOT/tessera" env)"
RESULTS="$ROOT/load-tests/target/bench"
mkdir -p "$RESULTS"
log() { printf '\033[1;35m[bench]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[bench]\033[0m %s\n' "$*" >&2; exit 1; }
nth() { echo "$1" | awk -v n="$2" '{print $n}'; }

if [ -n "${QUICK:-}" ]; then
  WARMUP=5 STEADY=15 RATE="${RATE:-3}" READS=20 SSO_SECONDS=10 POOL=10 STEPS=3 LEVEL=5 FAULT_AT=35 FAULT_RUN=70
  ROLLING_RUN=110 REDIS_DOWN=12 MEMORY_SESSIONS="${MEMORY_SESSIONS:-10000}" REVOCATIONS="${REVOCATIONS:-5000}"
else
  WARMUP="${WARMUP:-20}" STEADY="${STEADY:-60}" RATE="${RATE:-4}" READS="${READS:-40}" SSO_SECONDS="${SSO_SECONDS:-30}"
  POOL="${POOL:-40}" STEPS="${STEPS:-12}" LEVEL="${LEVEL:-10}" FAULT_AT="${FAULT_AT:-40}" FAULT_RUN="${FAULT_RUN:-90}"
  ROLLING_RUN="${ROLLING_RUN:-150}" REDIS_DOWN="${REDIS_DOWN:-15}" MEMORY_SESSIONS="${MEMORY_SESSIONS:-100000}"
  REVOCATIONS="${REVOCATIONS:-100000}"
fi
START_RATE="${START_RATE:-1000}" STEP_RATE="${STEP_RATE:-1000}" PAUSE_MS="${PAUSE_MS:-250}" P99_LIMIT_MS="${P99_LIMIT_MS:-500}"
FAULT_RATE="${FAULT_RATE:-1}" FAULT_READS="${FAULT_READS:-60}" FAULT_PAUSE_MS="${FAULT_PAUSE_MS:-500}"

# shellcheck source=load-tests/gatling-run.sh
. "$ROOT/load-tests/gatling-run.sh"

# What else loads the machine shows in the numbers: the report prints the load before anything started.
[ "$WHAT" = report ] || cut -d" " -f1-3 /proc/loadavg > "$RESULTS/machine.load"

# The topology: ours if it answers with our Redis, started here otherwise (and stopped again at the end).
STARTED_HERE=""
topology() {
  if curl -fsS -o /dev/null "http://127.0.0.1:$NGINX_REDIS_PORT/health" 2>/dev/null; then
    [ "$(cat "$TESSERA_STATE/bench.redis-port" 2>/dev/null)" = "$TESSERA_REDIS_PORT" ] ||
      die "a topology already runs on these ports without the bench's Redis (:$TESSERA_REDIS_PORT); ./tessera down first"
    return 0
  fi
  [ "$TESSERA_REDIS_PORT" != 6379 ] || die "the benchmark needs its own Redis (BENCH_REDIS_PORT), not the shared 6379"
  log "starting the topology with Redis :$TESSERA_REDIS_PORT and database $TESSERA_DB_NAME"
  "$ROOT/tessera" up > "$RESULTS/up.log" 2>&1 || { tail -n 30 "$RESULTS/up.log"; die "./tessera up failed"; }
  echo "$TESSERA_REDIS_PORT" > "$TESSERA_STATE/bench.redis-port"
  STARTED_HERE=1
}
finish() {
  if [ -n "$STARTED_HERE" ] && [ -z "${BENCH_KEEP:-}" ]; then
    log "stopping the topology this run started"
    "$ROOT/tessera" down > "$RESULTS/down.log" 2>&1 || true
    rm -f "$TESSERA_STATE/bench.redis-port"
  fi
}
trap finish EXIT

FAILED=()
# gatling NAME CLASS [-Dprop=value...]: one simulation; its report directory is remembered as NAME.
gatling() {
  local name="$1" class="$2"; shift 2
  log "gatling $class ($name)"
  run_gatling "$RESULTS/$name.log" "sessions.$class" "${TOPOLOGY_URLS[@]}" -Dpause.ms="$PAUSE_MS" \
    -Dp99.limit.ms="$P99_LIMIT_MS" "$@"
  printf '%s\n%s\n%s\n%s\n' "$GATLING_REPORT" "$(date -u +%FT%TZ)" "-Dpause.ms=$PAUSE_MS -Dp99.limit.ms=$P99_LIMIT_MS $*" \
    "$(cut -d' ' -f1 /proc/loadavg)" > "$RESULTS/$name.run"
  if [ "$GATLING_EXIT" -ne 0 ]; then
    grep -E ": false|KO|ERROR" "$RESULTS/$name.log" | head -n 10 >&2 || true
    log "$name: Gatling assertions failed (exit $GATLING_EXIT); see $RESULTS/$name.log"
    FAILED+=("$name")
  fi
}

bench_schemes() {
  local scheme
  for scheme in Sticky Redis Jwt; do
    gatling "scheme-${scheme,,}" "${scheme}Simulation" -Drate="$RATE" -Dreads="$READS" \
      -Dwarmup.seconds="$WARMUP" -Dsteady.seconds="$STEADY"
  done
  printf 'rate=%s reads=%s pause_ms=%s warmup=%s steady=%s\n' "$RATE" "$READS" "$PAUSE_MS" "$WARMUP" "$STEADY" > "$RESULTS/schemes.load"
}

bench_sso() {
  [ -n "$DOCS_PORT" ] || die "the SSO run needs the docs client (DOCS_PORT)"
  gatling sso SsoSimulation -Dsso.seconds="$SSO_SECONDS"
}

bench_capacity() {
  local scheme
  for scheme in sticky redis jwt; do
    gatling "capacity-$scheme" CapacitySimulation -Dscheme="$scheme" -Dpool="$POOL" -Dstart.rate="$START_RATE" \
      -Dstep.rate="$STEP_RATE" -Dsteps="$STEPS" -Dlevel.seconds="$LEVEL" -Dwarmup.seconds="$WARMUP"
  done
}

# fault NAME COMMAND RUN_SECONDS: the three schemes under load while COMMAND runs FAULT_AT seconds in.
fault() {
  local name="$1" command="$2" run="$3"
  gatling "fault-$name" FaultSimulation -Dfault="$name" -Dfault.command="$command" -Dfault.at="$FAULT_AT" \
    -Dfault.run.seconds="$run" -Dfault.rate="$FAULT_RATE" -Dfault.reads="$FAULT_READS" -Dfault.pause.ms="$FAULT_PAUSE_MS" \
    -Dfault.report="$RESULTS/fault-$name.json"
  grep -q '"exit_code": 0' "$RESULTS/fault-$name.json" || die "the $name fault command failed; see $RESULTS/fault-$name.log"
  log "bringing back whatever the fault left down"
  TESSERA_SKIP_BUILD=1 "$ROOT/tessera" up > "$RESULTS/up-after-$name.log" 2>&1 || die "the topology did not come back after $name"
}

bench_faults() {
  local t="$ROOT/tessera"
  fault kill "$t kill sticky-2 && $t kill mail-2 && $t kill api-2" "$FAULT_RUN"
  # Only the bench's own Redis, by the pid the launcher recorded when it started it.
  [ -f "$TESSERA_STATE/redis.pid" ] || die "the Redis on :$TESSERA_REDIS_PORT was not started by this launcher; not stopping it"
  fault redis "kill \$(cat $TESSERA_STATE/redis.pid) && sleep $REDIS_DOWN && $t services" "$((FAULT_RUN + REDIS_DOWN))"
  # The auth server's shared Redis connection can come back desynchronised after a Redis restart
  # (replies matched to the wrong commands; reported for the resilience work): start the next run clean.
  "$t" restart auth-server > "$RESULTS/restart-auth-after-redis.log" 2>&1
  local n rolling=""
  for n in $(seq 1 "$(echo "$STICKY_PORTS" | wc -w)"); do
    rolling="$rolling$t restart sticky-$n & $t restart mail-$n & $t restart api-$n & wait; "
  done
  fault rolling "$rolling" "$ROLLING_RUN"
}

# sso_sign_in CLIENT_BASE JAR: alice signs in through a web client with curl (a browser's steps).
sso_sign_in() {
  local page csrf request issuer
  page="$(curl -fsS -c "$2" -b "$2" -L -w '\n%{url_effective}' "$1/login")"
  issuer="$(echo "$page" | tail -n 1 | sed -E 's#^(https?://[^/]+).*#\1#')"
  csrf="$(echo "$page" | grep -o 'name="csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')"
  request="$(echo "$page" | grep -o 'name="request" value="[^"]*"' | sed 's/.*value="//;s/"$//')"
  curl -fsS -c "$2" -b "$2" -L -o /dev/null --data-urlencode "csrf=$csrf" --data-urlencode "request=$request" \
    -d username=alice -d password=alice-pass "$issuer/login"
}

# heap_used_kb PID: live heap after a full collection (jcmd GC.run, then GC.heap_info).
heap_used_kb() {
  jcmd "$1" GC.run > /dev/null
  jcmd "$1" GC.heap_info | awk '/(PSYoungGen|ParOldGen|def new generation|tenured generation|garbage-first heap).*used/ {
    for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); sum += v } } END { print sum + 0 }'
}
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
redis_used() { redis-cli -p "$TESSERA_REDIS_PORT" info memory | awk -F: '/^used_memory:/ {gsub(/\r/, "", $2); print $2}'; }

bench_memory() {
  local jar="$RESULTS/memory.cookies" owner route port pid before after out
  rm -f "$jar"
  log "sticky: $MEMORY_SESSIONS sessions into one replica's heap"
  sso_sign_in "http://127.0.0.1:$NGINX_STICKY_PORT" "$jar"
  route="$(awk -v c="$STICKY_COOKIE" '$6 == c {print $7}' "$jar" | cut -d. -f1)"
  [ -n "$route" ] || die "no sticky session cookie after signing in"
  port="$(nth "$STICKY_PORTS" "${route#sticky-}")"
  pid="$(cat "$TESSERA_STATE/$route.pid")"
  before="$(heap_used_kb "$pid") $(rss_kb "$pid")"
  out="$(curl -fsS -b "$jar" -X POST "http://127.0.0.1:$port/debug/sessions/fill?count=$MEMORY_SESSIONS")"
  after="$(heap_used_kb "$pid") $(rss_kb "$pid")"
  echo "{\"replica\": \"$route\", \"sessions\": $MEMORY_SESSIONS, \"heap_kb_before\": ${before% *}, \"heap_kb_after\": ${after% *}, \"rss_kb_before\": ${before#* }, \"rss_kb_after\": ${after#* }, \"fill\": $out}" > "$RESULTS/memory-sticky.json"

  log "redis: $MEMORY_SESSIONS sessions into Redis :$TESSERA_REDIS_PORT"
  rm -f "$jar"
  sso_sign_in "http://127.0.0.1:$NGINX_REDIS_PORT" "$jar"
  before="$(redis_used)"
  out="$(curl -fsS -b "$jar" -X POST "http://127.0.0.1:$(nth "$MAIL_PORTS" 1)/debug/sessions/fill?count=$MEMORY_SESSIONS")"
  after="$(redis_used)"
  local sample
  sample="$(redis-cli -p "$TESSERA_REDIS_PORT" --scan --pattern 'tessera:web:*:session:*' | awk 'NR == 1')"
  echo "{\"sessions\": $MEMORY_SESSIONS, \"used_memory_before\": $before, \"used_memory_after\": $after, \"encoding\": \"$(redis-cli -p "$TESSERA_REDIS_PORT" object encoding "$sample")\", \"one_session_bytes\": $(redis-cli -p "$TESSERA_REDIS_PORT" memory usage "$sample"), \"fill\": $out}" > "$RESULTS/memory-redis.json"

  log "redis-benchmark GET/SET on the same Redis (one connection, no pipelining: the latency floor)"
  redis-benchmark -p "$TESSERA_REDIS_PORT" -t set,get -n 100000 -c 1 -P 1 -d "${FLOOR_VALUE_BYTES:-1024}" --csv \
    > "$RESULTS/redis-floor.csv"

  log "jwt: $REVOCATIONS revocations into the resource servers' revocation view"
  local api_pid entries
  api_pid="$(cat "$TESSERA_STATE/api-1.pid")"
  before="$(heap_used_kb "$api_pid") $(redis_used)"
  python3 "$ROOT/load-tests/revoke_many.py" "http://127.0.0.1:$AUTH_PORT" "$REVOCATIONS"
  for _ in $(seq 1 600); do
    entries="$(curl -fsS "http://127.0.0.1:$(nth "$API_PORTS" 1)/health" | python3 -c 'import json, sys; print(json.load(sys.stdin)["details"]["revocationFeed"]["details"]["entries"])')"
    [ "$entries" -ge "$REVOCATIONS" ] && break
    sleep 0.5
  done
  after="$(heap_used_kb "$api_pid") $(redis_used)"
  echo "{\"revocations\": $REVOCATIONS, \"view_entries\": $entries, \"heap_kb_before\": ${before% *}, \"heap_kb_after\": ${after% *}, \"redis_used_before\": ${before#* }, \"redis_used_after\": ${after#* }}" > "$RESULTS/memory-jwt.json"
  printf '%s\n' "$(date -u +%FT%TZ)" > "$RESULTS/memory.date"
}

bench_report() {
  python3 "$ROOT/load-tests/comparison_report.py" --results "$RESULTS" --docs "$ROOT/docs" \
    --machine "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -n 1)" \
    ${QUICK:+--quick}
}

case "$WHAT" in
  schemes) topology; bench_schemes ;;
  sso) topology; bench_sso ;;
  capacity) topology; bench_capacity ;;
  faults) topology; bench_faults ;;
  memory) topology; bench_memory ;;
  report) bench_report ;;
  all) topology; bench_schemes; bench_sso; bench_capacity; bench_faults; bench_memory; bench_report ;;
  *) die "unknown benchmark '$WHAT'" ;;
esac
if [ ${#FAILED[@]} -gt 0 ]; then die "assertions failed in: ${FAILED[*]}"; fi
