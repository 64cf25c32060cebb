#!/usr/bin/env bash
# ./tessera bench profile: where the CPU goes, as flame graphs. async-profiler (tools.profiler:async-profiler
# from Maven Central; its native library is loaded into the running JVM with `jcmd JVMTI.agent_load`, no
# restart, no asprof binary) samples the auth server under each token load of `bench keycloak`
# (client_credentials, refresh with rotation, password) and one orders-api replica under `bench api`'s two
# loads (/api/ping and /api/profile). Each load: warm-up, then profiling while wrk runs. Writes
# docs/benchmarks/flame-<load>.html (open in a browser) and docs/benchmarks/profile.md (what share of the
# samples each part of the stack takes, from the same samples). Uses ./tessera up's topology.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HERE="$ROOT/load-tests/bench-keycloak"
AUTH="${AUTH_URL:-http://127.0.0.1:${AUTH_PORT:-9000}}"
API="${API_URL:-http://127.0.0.1:8101}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-15}"
WARMUP_SECONDS="${WARMUP_SECONDS:-10}"
CONNECTIONS="${CONNECTIONS:-16}"
CHAINS="${CHAINS:-16}"
AP_VERSION="${AP_VERSION:-3.0}"
TARGET_DIR="${TARGET_DIR:-$ROOT/docs/benchmarks}"
CACHE="$ROOT/.tessera/async-profiler"
OUT="$(mktemp -d)"
CLIENT="client_id=cli&client_secret=cli-secret"

log() { printf '\033[1;34m[bench profile]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[bench profile]\033[0m %s\n' "$*" >&2; exit 1; }
port_of() { python3 -c 'import sys, urllib.parse; print(urllib.parse.urlsplit(sys.argv[1]).port or 80)' "$1"; }
listener_pid() { ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2; }
json_field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

command -v wrk >/dev/null || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo; $sudo apt-get install -y -qq wrk >/dev/null; }
curl -fsS -o /dev/null "$AUTH/health" || "$ROOT/tessera" up
curl -fsS -o /dev/null "$AUTH/health" || die "Tessera does not answer at $AUTH (set AUTH_URL)"
curl -fsS -o /dev/null "$API/api/ping" || die "orders-api does not answer at $API (set API_URL)"

LIB="$CACHE/$AP_VERSION/libasyncProfiler.so"
if [ ! -f "$LIB" ]; then
  log "fetching tools.profiler:async-profiler:$AP_VERSION from Maven Central"
  mkdir -p "$CACHE/$AP_VERSION"
  (cd "$CACHE" && mvn -B -q dependency:copy -Dartifact="tools.profiler:async-profiler:$AP_VERSION" -DoutputDirectory="$CACHE")
  unzip -q -o -j "$CACHE/async-profiler-$AP_VERSION.jar" "linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')/libasyncProfiler.so" -d "$CACHE/$AP_VERSION"
fi
AUTH_PID="$(listener_pid "$(port_of "$AUTH")")"
API_PID="$(listener_pid "$(port_of "$API")")"
[ -n "$AUTH_PID" ] && [ -n "$API_PID" ] || die "cannot find the pids listening at $AUTH and $API (run as their user)"

# CPU samples by per-thread CPU timers (ctimer): works where perf_events is closed (perf_event_paranoid > 1).
# jcmd reads key=value arguments itself: the agent's options go in quotes, and a non-zero "return code" is a failure
# (the agent's message is in the server's log).
profiler() { # pid, action
  jcmd "$1" JVMTI.agent_load "$LIB" "\"$2\"" > "$OUT/jcmd.log" 2>&1 && grep -q "return code: 0" "$OUT/jcmd.log" \
    || { cat "$OUT/jcmd.log" >&2; die "async-profiler: $2 failed in pid $1 (see its log)"; }
}
form() { # load
  case "$1" in
    client_credentials) echo "grant_type=client_credentials&$CLIENT" ;;
    password) echo "grant_type=password&$CLIENT&username=alice&password=alice-pass" ;;
    refresh) echo "grant_type=refresh_token&$CLIENT" ;;
  esac
}
# What a load needs before it runs (refresh chains' first tokens, a bearer token), made before profiling starts
# so the password logins that mint them are not in the samples.
prepare() { # load file
  case "$1" in
    refresh) for _ in $(seq 1 "$CHAINS"); do curl -fsS -d "$(form password)" "$AUTH/oauth/token" | json_field refresh_token; done > "$2.tokens" ;;
    api-profile) curl -fsS -u cli:cli-secret -d grant_type=password -d username=alice -d password=alice-pass \
        "$AUTH/oauth/token" | json_field access_token > "$2.tokens" ;;
  esac
}
wrk_load() { # load seconds file (prepared)
  local load="$1" seconds="$2" file="$3"
  case "$load" in
    refresh)
      WRK_TOKENS="$file.tokens" WRK_BODY="$(form refresh)" wrk -t"$CHAINS" -c"$CHAINS" -d"${seconds}s" --timeout 10s \
        --latency -s "$HERE/refresh.lua" "$AUTH/oauth/token" > "$file" ;;
    client_credentials|password)
      WRK_BODY="$(form "$load")" wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s --latency -s "$HERE/form.lua" \
        "$AUTH/oauth/token" > "$file" ;;
    api-ping) wrk -t1 -c32 -d"${seconds}s" --latency "$API/api/ping" > "$file" ;;
    api-profile) wrk -t1 -c32 -d"${seconds}s" --latency -H "Authorization: Bearer $(cat "$file.tokens")" "$API/api/profile" > "$file" ;;
  esac
  if grep -q "Non-2xx" "$file" || grep -Eq "Broken chains' failed requests: [1-9]" "$file"; then
    cat "$file" >&2; die "errors under the $load load"
  fi
}
mkdir -p "$TARGET_DIR"
for load in client_credentials refresh password api-ping api-profile; do
  case "$load" in api-*) pid="$API_PID" ;; *) pid="$AUTH_PID" ;; esac
  log "$load: warm-up ${WARMUP_SECONDS} s, then ${SECONDS_PER_RUN} s profiled (pid $pid)"
  prepare "$load" "$OUT/warmup-$load"
  wrk_load "$load" "$WARMUP_SECONDS" "$OUT/warmup-$load"
  prepare "$load" "$OUT/$load"
  profiler "$pid" "start,event=ctimer,interval=1ms"
  wrk_load "$load" "$SECONDS_PER_RUN" "$OUT/$load"
  profiler "$pid" "dump,file=$OUT/$load.collapsed"
  profiler "$pid" "stop,file=$TARGET_DIR/flame-$load.html,title=Tessera:$load"  # no spaces: jcmd splits at them
  printf '  %-20s %s req/s\n' "$load" "$(awk '/Requests\/sec/ {print $2}' "$OUT/$load")"
done
{
  printf 'machine\t%s cores, %s; load average at the end: %s\n' "$(nproc)" "$(java -version 2>&1 | head -n 1)" "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf 'date\t%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf 'rev\t%s\n' "$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- auth-server resource-servers || echo ' (with local changes)')"
  printf 'settings\tSECONDS_PER_RUN=%s WARMUP_SECONDS=%s CONNECTIONS=%s CHAINS=%s async-profiler %s (ctimer, 1 ms)\n' \
    "$SECONDS_PER_RUN" "$WARMUP_SECONDS" "$CONNECTIONS" "$CHAINS" "$AP_VERSION"
} > "$OUT/meta.tsv"
python3 "$ROOT/load-tests/profile_report.py" "$OUT" "$TARGET_DIR/profile.md"
log "wrote $TARGET_DIR/profile.md and the flame graphs (raw output in $OUT)"
