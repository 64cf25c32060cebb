#!/usr/bin/env bash
# Builds the examples, starts each against a running Tessera, runs the checks in check/, and stops
# what it started, pass or fail. `./tessera examples` calls this after making sure Tessera is up.
# Exit status: the checks' (non-zero on any failure); the last line says "examples: N passed, N failed".
set -euo pipefail

EXAMPLES="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
STATE="${TESSERA_STATE:-$EXAMPLES/../.tessera}"
LOGS="$STATE/logs"
mkdir -p "$LOGS"

: "${TESSERA_ISSUER:=http://127.0.0.1:${AUTH_PORT:-9000}}"
: "${EXAMPLE_MICRONAUT_API_PORT:=8301}"
: "${EXAMPLE_SPRING_API_PORT:=8302}"
: "${EXAMPLE_NODE_API_PORT:=8303}"
: "${EXAMPLE_SPRING_RP_PORT:=8304}"
: "${EXAMPLE_MICRONAUT_RP_PORT:=8305}"
: "${EXAMPLE_SPRING_PLAIN_API_PORT:=8306}"
: "${EXAMPLE_NGINX_PORT:=8307}"
: "${EXAMPLE_GATEWAY_CLIENT:=legacy-gateway:legacy-gateway-secret}"
export TESSERA_ISSUER EXAMPLE_MICRONAUT_API_PORT EXAMPLE_SPRING_API_PORT EXAMPLE_NODE_API_PORT \
  EXAMPLE_SPRING_RP_PORT EXAMPLE_MICRONAUT_RP_PORT EXAMPLE_SPRING_PLAIN_API_PORT EXAMPLE_NGINX_PORT

log() { printf '\033[1;34m[examples]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[examples]\033[0m %s\n' "$*" >&2; exit 1; }

STARTED=()
stop_started() {
  local name pid
  for name in "${STARTED[@]}"; do
    pid="$(cat "$STATE/example-$name.pid" 2>/dev/null || true)"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -f "$STATE/example-$name.pid"
  done
  [ ${#STARTED[@]} -eq 0 ] || log "stopped ${STARTED[*]}"
}
trap stop_started EXIT
trap "exit 130" INT TERM

port_busy() { curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$1/" 2>/dev/null; }

# start NAME PORT COMMAND...: one example in the background, its pid under .tessera/ (./tessera down stops it too).
start() {
  local name="$1" port="$2"; shift 2
  port_busy "$port" && die "port $port is taken; stop what runs there or set the EXAMPLE_*_PORT variables"
  (cd "$EXAMPLES"; EXAMPLE_PORT="$port" nohup "$@" >"$LOGS/example-$name.log" 2>&1 & echo $! >"$STATE/example-$name.pid")
  STARTED+=("$name")
}

# Waits until the example answers HTTP at all (any status).
wait_up() {
  local name="$1" port="$2" pid
  pid="$(cat "$STATE/example-$name.pid")"
  for _ in $(seq 1 240); do
    port_busy "$port" && return 0
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$LOGS/example-$name.log" >&2; die "$name exited during start-up; log: $LOGS/example-$name.log"; }
    sleep 0.5
  done
  die "$name did not answer on :$port; log: $LOGS/example-$name.log"
}

# nginx with auth_request asking Tessera's introspection endpoint; its config from the template.
nginx_conf() {
  local dir="$STATE/example-nginx"
  mkdir -p "$dir/tmp"
  sed -e "s|@LOGS@|$LOGS|g" -e "s|@TMP@|$dir/tmp|g" -e "s|@DIR@|$EXAMPLES/nginx-introspection|g" \
    -e "s|@TESSERA_HOSTPORT@|${TESSERA_ISSUER#http://}|g" -e "s|@PORT@|$EXAMPLE_NGINX_PORT|g" \
    -e "s|@CLIENT_BASIC@|$(printf '%s' "$EXAMPLE_GATEWAY_CLIENT" | base64 -w0)|g" \
    "$EXAMPLES/nginx-introspection/nginx.conf.template" >"$dir/nginx.conf"
  echo "$dir/nginx.conf"
}

npm_ci() { (cd "$EXAMPLES/$1" && { [ -d node_modules/"$2" ] || npm ci --no-audit --no-fund --silent; }); }

curl -fsS -o /dev/null "$TESSERA_ISSUER/.well-known/openid-configuration" || die "Tessera does not answer at $TESSERA_ISSUER (./tessera up)"
log "building the Java examples (mvn -f examples/pom.xml package)"
mvn -B -q -f "$EXAMPLES/pom.xml" -DskipTests package || die "build failed"
npm_ci node-resource-server jose
npm_ci check playwright-core

JAVA=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -jar)
start micronaut-api "$EXAMPLE_MICRONAUT_API_PORT" "${JAVA[@]}" micronaut-resource-server/target/micronaut-resource-server-0.1.0-SNAPSHOT.jar
start spring-api "$EXAMPLE_SPRING_API_PORT" "${JAVA[@]}" spring-resource-server/target/spring-resource-server-0.1.0-SNAPSHOT.jar
start spring-plain-api "$EXAMPLE_SPRING_PLAIN_API_PORT" "${JAVA[@]}" spring-resource-server/target/spring-resource-server-0.1.0-SNAPSHOT.jar \
  --tessera.accept-at-jwt=false
start node-api "$EXAMPLE_NODE_API_PORT" node node-resource-server/server.mjs
start spring-rp "$EXAMPLE_SPRING_RP_PORT" "${JAVA[@]}" spring-rp/target/spring-rp-0.1.0-SNAPSHOT.jar
start micronaut-rp "$EXAMPLE_MICRONAUT_RP_PORT" "${JAVA[@]}" micronaut-rp/target/micronaut-rp-0.1.0-SNAPSHOT.jar
start nginx "$EXAMPLE_NGINX_PORT" nginx -e "$LOGS/example-nginx.log" -g 'daemon off;' -c "$(nginx_conf)"
wait_up micronaut-api "$EXAMPLE_MICRONAUT_API_PORT"
wait_up spring-api "$EXAMPLE_SPRING_API_PORT"
wait_up spring-plain-api "$EXAMPLE_SPRING_PLAIN_API_PORT"
wait_up node-api "$EXAMPLE_NODE_API_PORT"
wait_up spring-rp "$EXAMPLE_SPRING_RP_PORT"
wait_up micronaut-rp "$EXAMPLE_MICRONAUT_RP_PORT"
wait_up nginx "$EXAMPLE_NGINX_PORT"
log "all examples answer; checking them (screenshots: examples/check/artifacts/)"

set +e
(cd "$EXAMPLES/check" && npm test --silent)
status=$?
set -e
[ "$status" -eq 0 ] || log "FAILED; logs: $LOGS/example-*.log"
exit "$status"
